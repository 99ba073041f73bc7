import * as vscode from 'vscode';
import { exists } from './files';
import { SHOW_RULE_DOCUMENTATION_COMMAND } from '../../server/src/lsp/protocol';
import { ruleDocsUrl } from '../../server/src/rules/docs-url';

/** Rule ids are kebab-case words; anything else is not looked up as a file. */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * `SpecReady: Show Rule Documentation` (the "Show documentation for <rule>" code action on every
 * diagnostic, or the palette: the rule of the diagnostic at the cursor, else a pick of all
 * rules). Opens the rule's page from docs/rules, which ships with the extension, in the Markdown
 * preview; without it (or for an unknown id), the published page in the browser.
 */
export function registerRuleDocumentation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION_COMMAND,
    (rule?: string) => showRuleDocumentation(context, typeof rule === 'string' ? rule : undefined)));
}

/** Returns the page shown (a file of the extension or the published address), if any. */
async function showRuleDocumentation(context: vscode.ExtensionContext, ruleArg: string | undefined): Promise<vscode.Uri | undefined> {
  const rule = ruleArg ?? ruleAtCursor() ?? (await pickRule(context));
  if (!rule) return undefined;
  const page = RULE_ID.test(rule) ? vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`) : undefined;
  if (page && (await exists(page))) {
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page;
  }
  const published = vscode.Uri.parse(ruleDocsUrl(encodeURIComponent(rule)));
  await vscode.env.openExternal(published);
  return published;
}

function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const cursor = editor.selection.active;
  const diagnostic = vscode.languages.getDiagnostics(editor.document.uri)
    .find((candidate) => candidate.source === 'specready' && candidate.range.contains(cursor));
  const code = diagnostic?.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

async function pickRule(context: vscode.ExtensionContext): Promise<string | undefined> {
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  } catch {
    return undefined;
  }
  const rules = entries.map(([name]) => name).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => name.slice(0, -3)).sort();
  return vscode.window.showQuickPick(rules, { title: 'SpecReady rule documentation', placeHolder: 'Pick a rule' });
}
