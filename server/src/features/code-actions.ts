import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { AnalysisResult } from '../engine/analyze';
import { quickFixesFor, type TextEdit } from '../fixes';
import { vocabularyAddition } from '../rules/fixes/terms';
import { dataOf, type Finding } from '../rules/types';
import { undefinedTerm } from '../rules/undefined-term';
import { ANSWER_QUESTION_COMMAND, SHOW_RULE_DOCUMENTATION_COMMAND } from './commands';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { fixAll, fixAllRules } from './fix-all';
import { isQuestionFinding } from './specs';

/** Every safe fix of the file at once; what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.specready`;

/** Asks for the answer, then records the question as a decision (see features/questions.ts). */
const ANSWER_TITLE = 'Answer question…';

export interface CodeActionRequest {
  uri: string;
  range: Range;
  /** The client's diagnostics at the range. */
  diagnostics: readonly Diagnostic[];
  /** The kinds of action asked for; all when absent. */
  only?: readonly string[];
}

export interface CodeActionContext {
  /** The editor's version of the document: edits apply only to it. */
  version: number | undefined;
  /** The client accepts snippet edits (tab stops) in workspace edits (LSP 3.18). */
  snippetEdits: boolean;
  /** The client can create files in a workspace edit (`workspaceEdit.resourceOperations` has "create"). */
  fileCreation: boolean;
  /**
   * Where the project vocabulary lives and its current text (undefined when the file does not
   * exist yet); asked only when a finding offers to add a term to it.
   */
  vocabulary(): Promise<{ file: string; uri: string; text: string | undefined } | undefined>;
}

/**
 * Quick fixes for the findings the client asked about. Fixes are computed by the pure fixes/
 * module; this matches findings to the client's diagnostics and wraps edits in code actions
 * whose edits name the document version they were computed for.
 */
export async function codeActions(result: AnalysisResult, request: CodeActionRequest, context: CodeActionContext): Promise<CodeAction[]> {
  if (request.only?.length && request.only.some((kind) => FIX_ALL_KIND.startsWith(kind))) {
    // Asked for source actions (on save, or "Fix all"): the one fix-all action, if it fixes anything.
    const all = fixAll(result);
    return all.edits.length > 0
      ? [{ title: 'Fix all SpecReady problems that have a safe fix', kind: FIX_ALL_KIND, edit: workspaceEdit(request.uri, all.edits, context) }]
      : [];
  }
  const findings = relevantFindings(result.findings, request.range, request.diagnostics);
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  for (const finding of findings) {
    if (isQuestionFinding(finding) && !titles.has(ANSWER_TITLE)) {
      titles.add(ANSWER_TITLE);
      actions.push({
        title: ANSWER_TITLE,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(finding)],
        command: { title: ANSWER_TITLE, command: ANSWER_QUESTION_COMMAND, arguments: [request.uri, finding.range.start] },
      });
    }
    for (const fix of quickFixesFor(result, finding)) {
      if (titles.has(fix.title)) continue;
      titles.add(fix.title);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.isPreferred || undefined,
        diagnostics: fix.rule ? [toDiagnostic(finding)] : undefined,
        edit: workspaceEdit(request.uri, fix.edits, context),
      });
    }
  }
  for (const finding of findings) {
    const term = dataOf(undefinedTerm, finding)?.term;
    if (term === undefined) continue;
    const action = await vocabularyAction(term, context);
    if (action && !titles.has(action.title)) {
      titles.add(action.title);
      actions.push({ ...action, diagnostics: [toDiagnostic(finding)] });
    }
  }
  const rulesHere = new Set(findings.map((finding) => finding.rule));
  for (const rule of fixAllRules(result).filter((candidate) => rulesHere.has(candidate))) {
    const all = fixAll(result, rule);
    actions.push({ title: `Fix all ${rule} problems (${all.rules[rule]})`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(request.uri, all.edits, context) });
  }
  // Fixes first, suppressions last, whatever finding they came from; then each rule's documentation.
  actions.sort((a, b) => Number(a.title.startsWith('Disable ')) - Number(b.title.startsWith('Disable ')));
  for (const rule of rulesHere) actions.push(documentationAction(rule));
  return actions;
}

/** "Show documentation for <rule>": the client opens the rule's page (docs/rules/<rule>.md). */
function documentationAction(rule: string): CodeAction {
  const title = `Show documentation for ${rule}`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [rule] } };
}

/**
 * "Add to project vocabulary": appends the term to the vocabulary file the configuration uses,
 * or creates it first. A client that cannot create files gets no such action while the file is
 * missing (applying it would fail); "Define term", a text edit of the spec, is still offered.
 */
async function vocabularyAction(term: string, context: CodeActionContext): Promise<CodeAction | undefined> {
  const vocabulary = await context.vocabulary();
  if (!vocabulary || (vocabulary.text === undefined && !context.fileCreation)) return undefined;
  const addition = vocabularyAddition(vocabulary.text, term);
  const insert = { textDocument: { uri: vocabulary.uri, version: null }, edits: [{ range: { start: addition.at, end: addition.at }, newText: addition.text }] };
  return {
    title: `Add "${term}" to the project vocabulary`,
    kind: CodeActionKind.QuickFix,
    edit: { documentChanges: vocabulary.text === undefined ? [{ kind: 'create', uri: vocabulary.uri, options: { ignoreIfExists: true } }, insert] : [insert] },
  };
}

/**
 * Edits go out as version-checked document changes, so that an editor that changed the text
 * meanwhile rejects them instead of applying them at the wrong place; edits with tab stops are
 * snippet edits for clients that accept them, plain text for every other client. Without a
 * version (a document the editor does not have open) they are plain changes.
 */
function workspaceEdit(uri: string, edits: readonly TextEdit[], context: CodeActionContext): WorkspaceEdit {
  if (context.version === undefined) return { changes: { [uri]: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } };
  const snippets = context.snippetEdits && edits.some((edit) => edit.snippet !== undefined);
  return {
    documentChanges: [{
      textDocument: { uri, version: context.version },
      edits: edits.map((edit) => (snippets && edit.snippet !== undefined
        ? { range: edit.range, snippet: { kind: 'snippet', value: edit.snippet } }
        : { range: edit.range, newText: edit.newText })),
    }],
  };
}

/** Findings the client asked about: its SpecReady diagnostics, else everything in the range. */
function relevantFindings(findings: Finding[], range: Range, diagnostics: readonly Diagnostic[]): Finding[] {
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  if (ours.length > 0) {
    return findings.filter((finding) => ours.some((diagnostic) => diagnostic.code === finding.rule && sameRange(diagnostic.range, finding.range)));
  }
  return findings.filter((finding) => overlaps(finding.range, range));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
