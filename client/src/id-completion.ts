import * as vscode from 'vscode';
import { nextRequirementId } from '../../server/src/templates/next-id';
import { looksLikeSpec } from './spec-detection';

/**
 * The `req` snippet: a requirement with the next free id of the document (REQ-5 after REQ-4,
 * FR-3 after FR-2). A static snippet cannot count, so it is a completion item that behaves
 * like one. Offered in specs only, like the rest of SpecReady.
 */
export function registerIdCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, { provideCompletionItems: requirementItem }),
  );
}

function requirementItem(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  if (!looksLikeSpec(document)) return [];
  const wordRange = document.getWordRangeAtPosition(position, /[A-Za-z-]+/);
  const range = wordRange && wordRange.end.isEqual(position) ? wordRange : new vscode.Range(position, position);
  const before = document.lineAt(position.line).text.slice(0, range.start.character);
  if (!/^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?$/.test(before)) return [];
  const id = nextRequirementId(document.getText(), document.offsetAt(range.start));
  // A bullet unless the line already has one.
  const bullet = /^\s*$/.test(before) ? '- ' : '';
  const item = new vscode.CompletionItem({ label: 'req', description: `Requirement ${id}` }, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(`${bullet}**${id}**: The \${1:service} \${2|MUST,MUST NOT,SHOULD,SHOULD NOT,MAY|} \${3:<the observable behaviour>}.$0`);
  item.range = range;
  item.filterText = 'req';
  item.detail = `SpecReady: requirement with the next free id (${id})`;
  item.documentation = new vscode.MarkdownString('A requirement with an id acceptance criteria can reference and an RFC 2119 keyword. The id continues the numbering of the nearest requirement above.');
  return [item];
}
