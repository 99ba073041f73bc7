import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localDate } from '../../server/src/model/questions';
import { ANSWER_QUESTION_COMMAND, AnswerQuestionRequest, QuestionAtRequest, sendRequest } from '../../server/src/lsp/protocol';
import type { SpecNode } from './specs-view';

type Position = { line: number; character: number };

export interface AnswerOutcome {
  question: string;
  answer: string;
  applied: boolean;
}

/**
 * `SpecReady: Answer Question…` (code action on an open question, Specs view item, palette at
 * the cursor): shows the question, asks for the answer, and applies the server's edit, which
 * moves the question with its answer, today's date and the git user name to the Decisions
 * section, as one undoable change. Scripts and tests may pass the answer as third argument.
 */
export function registerAnswerQuestion(context: vscode.ExtensionContext, ensureStarted: () => Promise<LanguageClient>): void {
  context.subscriptions.push(vscode.commands.registerCommand(ANSWER_QUESTION_COMMAND,
    (target?: string | vscode.Uri | SpecNode, position?: Position, answer?: string) => answerQuestion(ensureStarted, target, position, answer)));
}

async function answerQuestion(ensureStarted: () => Promise<LanguageClient>, target: string | vscode.Uri | SpecNode | undefined,
  positionArg: Position | undefined, answerArg: string | undefined): Promise<AnswerOutcome | undefined> {
  const located = locate(target, positionArg);
  if (!located) {
    void vscode.window.showInformationMessage('SpecReady: put the cursor on an open question to answer it.');
    return undefined;
  }
  const client = await ensureStarted();
  const document = await vscode.workspace.openTextDocument(located.uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });
  const uri = document.uri.toString();
  const question = await sendRequest(client, QuestionAtRequest, { uri, position: located.position });
  if (!question) {
    void vscode.window.showInformationMessage('SpecReady: there is no open question here.');
    return undefined;
  }
  const range = new vscode.Range(question.range.start.line, question.range.start.character, question.range.end.line, question.range.end.character);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const owner = question.owner ? ` (owner @${question.owner}${question.due ? `, due ${question.due}` : ''})` : '';
  const answer = answerArg ?? await vscode.window.showInputBox({
    title: 'Answer question',
    prompt: `${question.text}${owner}`,
    placeHolder: 'The decision, in one sentence',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Write the answer, or press Escape to leave the question open.'),
  });
  if (!answer?.trim()) return undefined;
  const author = await gitUserName(document.uri);
  const result = await sendRequest(client, AnswerQuestionRequest, { uri, position: question.range.start, answer, date: localDate(new Date()), author });
  if (!result) {
    void vscode.window.showErrorMessage('SpecReady: the question is gone (the spec changed); try again.');
    return undefined;
  }
  if (document.version !== result.version) {
    void vscode.window.showErrorMessage('SpecReady: the spec changed while the answer was written; try again.');
    return { question: result.question, answer, applied: false };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edits) {
    edit.replace(document.uri, new vscode.Range(change.range.start.line, change.range.start.character, change.range.end.line, change.range.end.character), change.newText);
  }
  const applied = await vscode.workspace.applyEdit(edit);
  return { question: result.question, answer, applied };
}

function locate(target: string | vscode.Uri | SpecNode | undefined, position: Position | undefined): { uri: vscode.Uri; position: Position } | undefined {
  if (target && typeof target === 'object' && 'kind' in target && target.kind === 'question') {
    return { uri: vscode.Uri.parse(target.uri), position: target.question.range.start };
  }
  const editor = vscode.window.activeTextEditor;
  const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : editor?.document.uri;
  if (!uri) return undefined;
  const at = position ?? (editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined);
  return at ? { uri, position: { line: at.line, character: at.character } } : undefined;
}

/** `git config user.name` in the spec's folder; undefined without git or a configured name. */
function gitUserName(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') return Promise.resolve(undefined);
  const cwd = vscode.Uri.joinPath(uri, '..').fsPath;
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}
