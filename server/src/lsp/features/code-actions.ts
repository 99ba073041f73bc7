import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_TERMS_FILE } from '../../config/types';
import { readText } from '../../host/host';
import { quickFixesFor, type TextEdit } from '../../fixes';
import { vocabularyAddition } from '../../rules/fixes/terms';
import type { Finding } from '../../rules/types';
import { SOURCE, toDiagnostic } from '../convert';
import type { Session } from '../session';
import { fixAll, fixAllRules } from '../../features/fix-all';
import { isQuestionFinding } from '../../features/specs';
import { ANSWER_QUESTION_COMMAND, SHOW_RULE_DOCUMENTATION_COMMAND } from '../protocol';
import { undefinedTerm } from '../../rules/undefined-term';

/** Every safe fix of the file at once; what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.specready`;

/** Asks for the answer, then records the question as a decision (see features/questions.ts). */
const ANSWER_TITLE = 'Answer question…';

/**
 * Quick fixes for the findings under the cursor. Fixes are computed by the pure fixes/ module;
 * this only matches findings to the client's diagnostics and wraps edits in CodeActions.
 */
export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction(async (params) => {
    const analysis = await session.analyseOpen(params.textDocument.uri);
    if (analysis?.kind !== 'analysed') return [];
    const only = params.context.only;
    if (only?.length && only.some((kind) => FIX_ALL_KIND.startsWith(kind))) {
      // Asked for source actions (on save, or "Fix all"): the one fix-all action, if it fixes anything.
      const all = fixAll(analysis.result);
      return all.edits.length > 0
        ? [{ title: 'Fix all SpecReady problems that have a safe fix', kind: FIX_ALL_KIND, edit: { changes: { [params.textDocument.uri]: all.edits } } }]
        : [];
    }
    const findings = relevantFindings(analysis.findings, params.range, params.context.diagnostics);
    const actions: CodeAction[] = [];
    const titles = new Set<string>();
    for (const finding of findings) {
      if (isQuestionFinding(finding) && !titles.has(ANSWER_TITLE)) {
        titles.add(ANSWER_TITLE);
        actions.push({
          title: ANSWER_TITLE,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(finding)],
          command: { title: ANSWER_TITLE, command: ANSWER_QUESTION_COMMAND, arguments: [params.textDocument.uri, finding.range.start] },
        });
      }
      for (const fix of quickFixesFor(analysis.result, finding)) {
        if (titles.has(fix.title)) continue;
        titles.add(fix.title);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred || undefined,
          diagnostics: fix.rule ? [toDiagnostic(finding)] : undefined,
          edit: workspaceEdit(session, params.textDocument.uri, fix.edits),
        });
      }
    }
    for (const finding of findings) {
      if (finding.rule !== undefinedTerm.id || typeof finding.data?.term !== 'string') continue;
      const action = await vocabularyAction(session, params.textDocument.uri, finding.data.term);
      if (action && !titles.has(action.title)) {
        titles.add(action.title);
        actions.push({ ...action, diagnostics: [toDiagnostic(finding)] });
      }
    }
    const rulesHere = new Set(findings.map((finding) => finding.rule));
    for (const rule of fixAllRules(analysis.result).filter((candidate) => rulesHere.has(candidate))) {
      const all = fixAll(analysis.result, rule);
      actions.push({ title: `Fix all ${rule} problems (${all.rules[rule]})`, kind: CodeActionKind.QuickFix, edit: { changes: { [params.textDocument.uri]: all.edits } } });
    }
    // Fixes first, suppressions last, whatever finding they came from; then each rule's documentation.
    actions.sort((a, b) => Number(a.title.startsWith('Disable ')) - Number(b.title.startsWith('Disable ')));
    for (const rule of rulesHere) actions.push(documentationAction(rule));
    return actions;
  });
}

/** "Show documentation for <rule>": the client opens the rule's page (docs/rules/<rule>.md). */
function documentationAction(rule: string): CodeAction {
  const title = `Show documentation for ${rule}`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [rule] } };
}

/**
 * "Add to project vocabulary": appends the term to the vocabulary file the configuration uses,
 * or creates `.specready/terms.txt` next to the configuration file (else in the workspace folder).
 */
async function vocabularyAction(session: Session, uri: string, term: string): Promise<CodeAction | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  const documentConfig = await session.workspace.configFor(uri);
  const root = documentConfig.configFile ? dirname(documentConfig.configFile) : session.workspace.folderPaths()[0] ?? dirname(fileURLToPath(uri));
  const file = documentConfig.config.projectTerms?.file ?? join(root, DEFAULT_TERMS_FILE);
  const existing = await readText(session.host, file);
  const addition = vocabularyAddition(existing, term);
  const target = pathToFileURL(file).href;
  const insert = { textDocument: { uri: target, version: null }, edits: [{ range: { start: addition.at, end: addition.at }, newText: addition.text }] };
  return {
    title: `Add "${term}" to the project vocabulary`,
    kind: CodeActionKind.QuickFix,
    edit: { documentChanges: existing === undefined ? [{ kind: 'create', uri: target, options: { ignoreIfExists: true } }, insert] : [insert] },
  };
}

/**
 * Edits with tab stops go out as snippet edits to clients that accept them; every other client
 * gets plain text edits, without the snippet.
 */
function workspaceEdit(session: Session, uri: string, edits: TextEdit[]): WorkspaceEdit {
  const version = session.documents.get(uri)?.version;
  if (session.supportsSnippetEdits && version !== undefined && edits.some((edit) => edit.snippet !== undefined)) {
    return {
      documentChanges: [{
        textDocument: { uri, version },
        edits: edits.map((edit) => (edit.snippet !== undefined
          ? { range: edit.range, snippet: { kind: 'snippet', value: edit.snippet } }
          : { range: edit.range, newText: edit.newText })),
      }],
    };
  }
  return { changes: { [uri]: edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } };
}

/** Findings the client asked about: its SpecReady diagnostics, else everything in the range. */
function relevantFindings(findings: Finding[], range: Range, diagnostics: Diagnostic[]): Finding[] {
  const ours = diagnostics.filter((diagnostic) => diagnostic.source === SOURCE);
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
