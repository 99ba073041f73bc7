import assert from 'node:assert/strict';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { analyzeSpec, type AnalysisResult } from '../../../server/src/engine/analyze';
import { codeActions, type CodeActionContext } from '../../../server/src/features/code-actions';
import { codeLenses } from '../../../server/src/features/code-lens';
import { REVEAL_COMMAND } from '../../../server/src/features/commands';
import { toDiagnostic } from '../../../server/src/features/diagnostics';
import { documentLinks } from '../../../server/src/features/document-links';
import { hoverAt } from '../../../server/src/features/hover';
import { completeIds, idDefinitions, idReferences, InvalidIdError, prepareIdRename, renameId } from '../../../server/src/features/ids';
import { weakModal } from '../../../server/src/rules/weak-modal';

const URI = 'file:///w/specs/refunds.spec.md';
const LINES = [
  '# Refunds',
  '',
  '## Requirements',
  '',
  '- REQ-1: The service refunds a payment within 5 days of the request.',
  '- REQ-2: A refund above 500 EUR waits for approval before REQ-1 applies.',
  '',
  '## Acceptance Criteria',
  '',
  '- Given a refund of 10 EUR, when it is requested, then it is paid within 5 days (REQ-1).',
  '',
  'See [the API](../docs/api.md#refunds) and [the glossary](/docs/glossary.md).',
  '',
];
const TEXT = LINES.join('\n');

let result: AnalysisResult;
before(() => {
  result = analyzeSpec(TEXT, { uri: URI });
});

/** The range of the `nth` occurrence of `text` on `line`. */
function rangeOf(line: number, text: string, nth = 0): Range {
  let character = -1;
  for (let i = 0; i <= nth; i++) character = LINES[line].indexOf(text, character + 1);
  assert.ok(character >= 0, `"${text}" on line ${line}`);
  return { start: { line, character }, end: { line, character: character + text.length } };
}

describe('editor features: requirement ids', () => {
  const reference = rangeOf(5, 'REQ-1');

  it('goes from a reference to the definition', () => {
    assert.deepEqual(idDefinitions(URI, result, { line: 5, character: reference.start.character + 2 }), [{ uri: URI, range: rangeOf(4, 'REQ-1') }]);
  });

  it('finds every occurrence in document order, with or without the definition', () => {
    const all = [rangeOf(4, 'REQ-1'), reference, rangeOf(9, 'REQ-1')].map((range) => ({ uri: URI, range }));
    assert.deepEqual(idReferences(URI, result, reference.start, true), all);
    assert.deepEqual(idReferences(URI, result, reference.start, false), all.slice(1));
  });

  it('answers nothing away from an id', () => {
    assert.deepEqual(idDefinitions(URI, result, { line: 0, character: 3 }), []);
    assert.equal(prepareIdRename(result, { line: 0, character: 3 }), null);
    assert.equal(renameId(URI, result, { line: 0, character: 3 }, 'REQ-9'), null);
  });

  it('renames every occurrence and refuses a name outside the id pattern', () => {
    assert.deepEqual(prepareIdRename(result, reference.start), { range: reference, placeholder: 'REQ-1' });
    assert.deepEqual(renameId(URI, result, reference.start, 'REQ-10'), {
      changes: { [URI]: [rangeOf(4, 'REQ-1'), reference, rangeOf(9, 'REQ-1')].map((range) => ({ range, newText: 'REQ-10' })) },
    });
    assert.throws(() => renameId(URI, result, reference.start, 'refund one'), InvalidIdError);
  });

  it('completes ids defined in the document, replacing the word typed so far', () => {
    const position = { line: 5, character: reference.start.character + 3 };
    const items = completeIds(result, position);
    assert.deepEqual(items.map((item) => item.label), ['REQ-1', 'REQ-2']);
    assert.deepEqual(items[0].textEdit, { range: { start: reference.start, end: position }, newText: 'REQ-1' });
    assert.match(items[0].detail ?? '', /^REQ-1: The service refunds a payment within 5 days/);
  });

  it('shows the requirement on hover over a reference', () => {
    const hover = hoverAt(result, { line: 9, character: rangeOf(9, 'REQ-1').start.character + 1 });
    assert.ok(hover);
    assert.deepEqual(hover.range, rangeOf(9, 'REQ-1'));
    assert.match((hover.contents as { value: string }).value, /^\*\*REQ-1\*\* \(line 5\)\n\nREQ-1: The service refunds/);
  });
});

describe('editor features: hover on findings', () => {
  const text = '# T\n\n## Requirements\n\n- REQ-1: Export should be quick.\n';
  const analysed = analyzeSpec(text, { uri: URI });

  it('explains a flagged span over exactly its range', () => {
    const finding = analysed.findings.find((f) => f.rule === 'weak-modal');
    assert.ok(finding);
    const hover = hoverAt(analysed, finding.range.start);
    assert.ok(hover);
    assert.deepEqual(hover.range, finding.range);
    assert.match((hover.contents as { value: string }).value, /^\*\*SpecReady · weak-modal\*\*\n\n/);
    assert.match((hover.contents as { value: string }).value, /\[Rule documentation\]\(.*weak-modal/);
  });

  it('says what a goal\'s finding looked for in the rest of the document', () => {
    const goals = '# T\n\n## Goals\n\n- Minimize the memory footprint of the agent.\n\n## Design\n\nThe agent keeps its series in memory.\n';
    const result = analyzeSpec(goals, { uri: URI });
    const finding = result.findings.find((f) => f.rule === 'vague-term');
    assert.ok(finding);
    assert.equal(finding.data?.context, 'a goal summarises; no later design or requirements section takes up "footprint agent" with a number');
    const value = (hoverAt(result, finding.range.start)?.contents as { value: string }).value;
    assert.ok(value.includes('*Statement:* judged as a goal'), value);
    assert.ok(value.includes(`*In the document:* ${finding.data.context}`), value);
  });

  it('shows the rule\'s one-line description, not its rationale, and links the rule page for the rationale', () => {
    const finding = analysed.findings.find((f) => f.rule === 'weak-modal');
    assert.ok(finding);
    const value = (hoverAt(analysed, finding.range.start)?.contents as { value: string }).value;
    assert.ok(value.includes(`*Rule:* ${weakModal.docs.description}`), value);
    assert.ok(!value.includes(weakModal.docs.rationale), value);
    assert.match(value, /\*Why it matters:\* see the \[Rule documentation\]\(.*weak-modal\.md\)\.$/);
  });

  it('says nothing on plain text', () => {
    assert.equal(hoverAt(analysed, { line: 1, character: 0 }), null);
  });
});

describe('editor features: code lens and links', () => {
  it('counts the acceptance criteria above their heading and reveals the first problem', () => {
    const lenses = codeLenses(URI, result);
    const heading = lenses.find((lens) => lens.range.start.line === 7);
    assert.ok(heading, JSON.stringify(lenses));
    assert.deepEqual(heading.range, { start: { line: 7, character: 0 }, end: { line: 7, character: LINES[7].length } });
    assert.equal(heading.command?.command, REVEAL_COMMAND);
    assert.match(heading.command?.title ?? '', /^1 criterion · \d+ untestable · \d+ requirements? untraced$/);
    assert.equal(heading.command?.arguments?.[0], URI);
  });

  it('links local files from the document folder and the project root, keeping the fragment', () => {
    const links = documentLinks(URI, result, '/w');
    assert.deepEqual(links, [
      { range: rangeOf(11, '../docs/api.md#refunds'), target: 'file:///w/docs/api.md#refunds', tooltip: 'Open ../docs/api.md' },
      { range: rangeOf(11, '/docs/glossary.md'), target: 'file:///w/docs/glossary.md', tooltip: 'Open /docs/glossary.md' },
    ]);
    assert.deepEqual(documentLinks(URI, result, undefined).map((link) => link.target), ['file:///w/docs/api.md#refunds']);
    assert.deepEqual(documentLinks('untitled:Untitled-1', result, '/w'), []);
  });
});

describe('editor features: code actions', () => {
  const text = '# T\n\n## Requirements\n\n- REQ-1: The system MUST report to the ARB quickly.\n';
  const analysed = analyzeSpec(text, { uri: URI });
  const context = (version: number | undefined, vocabularyText?: string, fileCreation = true): CodeActionContext => ({
    version,
    snippetEdits: false,
    fileCreation,
    vocabulary: () => Promise.resolve({ file: '/w/.specready/terms.txt', uri: 'file:///w/.specready/terms.txt', text: vocabularyText }),
  });
  const diagnosticOf = (rule: string): Diagnostic => {
    const finding = analysed.findings.find((f) => f.rule === rule);
    assert.ok(finding, `${rule}: ${analysed.findings.map((f) => f.rule).join(', ')}`);
    return toDiagnostic(finding);
  };

  it('sends edits as document changes for the version they were computed on', async () => {
    const diagnostic = diagnosticOf('vague-term');
    const actions = await codeActions(analysed, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] }, context(7));
    const disable = actions.find((action) => action.title === 'Disable vague-term for this line');
    assert.ok(disable, actions.map((action) => action.title).join(' | '));
    assert.equal(disable.kind, 'quickfix');
    const change = disable.edit?.documentChanges?.[0] as { textDocument: { uri: string; version: number }; edits: unknown[] };
    assert.deepEqual(change.textDocument, { uri: URI, version: 7 });
    assert.ok(change.edits.length > 0);
    // Suppressions come after the fixes.
    assert.ok(actions.findIndex((action) => action.title.startsWith('Disable ')) > 0);
  });

  it('sends plain changes when no version is known', async () => {
    const diagnostic = diagnosticOf('vague-term');
    const actions = await codeActions(analysed, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] }, context(undefined));
    assert.ok(actions.every((action) => action.edit === undefined || action.edit.changes?.[URI] !== undefined));
  });

  it('adds an undefined term to the project vocabulary, creating the file when it is missing', async () => {
    const diagnostic = diagnosticOf('undefined-term');
    const request = { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] };
    const create = (await codeActions(analysed, request, context(1))).find((action) => action.title === 'Add "ARB" to the project vocabulary');
    assert.deepEqual(create?.edit?.documentChanges, [
      { kind: 'create', uri: 'file:///w/.specready/terms.txt', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///w/.specready/terms.txt', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'ARB\n' }] },
    ]);
    const append = (await codeActions(analysed, request, context(1, 'KYC\n'))).find((action) => action.title === 'Add "ARB" to the project vocabulary');
    assert.deepEqual(append?.edit?.documentChanges, [
      { textDocument: { uri: 'file:///w/.specready/terms.txt', version: null }, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'ARB\n' }] },
    ]);
  });

  it('offers no file creation to a client that cannot create files; the glossary text edit stays', async () => {
    const diagnostic = diagnosticOf('undefined-term');
    const request = { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] };
    const missing = await codeActions(analysed, request, context(1, undefined, false));
    assert.equal(missing.find((action) => action.title === 'Add "ARB" to the project vocabulary'), undefined);
    assert.ok(missing.every((action) => !(action.edit?.documentChanges ?? []).some((change) => 'kind' in change && change.kind === 'create')));
    const define = missing.find((action) => action.title.startsWith('Define "ARB"'));
    const change = define?.edit?.documentChanges?.[0] as { textDocument: { uri: string }; edits: Array<{ newText: string }> } | undefined;
    assert.equal(change?.textDocument.uri, URI);
    assert.match(change?.edits[0]?.newText ?? '', /## Glossary[\s\S]*- \*\*ARB\*\*/);
    const existing = await codeActions(analysed, request, context(1, 'KYC\n', false));
    assert.ok(existing.find((action) => action.title === 'Add "ARB" to the project vocabulary'), 'an existing vocabulary file is still appended to');
  });

  it('answers only for the diagnostics the client sent', async () => {
    const diagnostic = diagnosticOf('undefined-term');
    const foreign = { ...diagnostic, source: 'other' };
    const ours = await codeActions(analysed, { uri: URI, range: diagnostic.range, diagnostics: [diagnostic] }, context(1));
    assert.ok(ours.every((action) => action.diagnostics === undefined || action.diagnostics.every((d) => d.code === 'undefined-term')));
    const byRange = await codeActions(analysed, { uri: URI, range: diagnostic.range, diagnostics: [foreign] }, context(1));
    assert.ok(byRange.length >= ours.length);
  });
});
