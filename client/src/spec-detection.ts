import * as vscode from 'vscode';
import { specOrConfigGlob, specPathPattern } from '../../server/src/config/spec-paths';

/**
 * Cheap checks that decide whether to start the language server at all. They only look at file
 * paths (the default include globs, as discovery matches them) and the first lines of a
 * document; the server makes the exact decision per document with the configured globs.
 */
const SPEC_NAME = new RegExp(specPathPattern());
const FRONT_MATTER_FLAG = /^\uFEFF?---\r?\n(?:.*\r?\n)*?specready:\s*true\s*\r?\n/;

export function looksLikeSpec(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  if (SPEC_NAME.test(document.uri.path)) return true;
  const head = document.getText(new vscode.Range(0, 0, 60, 0));
  return FRONT_MATTER_FLAG.test(head);
}

export async function workspaceHasSpecs(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const found = await vscode.workspace.findFiles(specOrConfigGlob(), '**/node_modules/**', 1);
  return found.length > 0;
}
