import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { answerQuestion, questionAt } from '../../../server/src/features/questions';
import type { TextEdit } from '../../../server/src/fixes/types';
import { readinessMarkdown, readinessReport } from '../../../server/src/export/readiness';

const URI = 'file:///w/specs/checkout.spec.md';
const INPUT = { answer: 'SQS `orders-retry`.', date: '2026-12-01', author: 'Lena Novak' };

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 1, text), edits);
}

function answer(text: string, line: number, character = 2, input = INPUT): string {
  const result = analyzeSpec(text, { uri: URI, today: '2026-12-01' });
  const answered = answerQuestion(result, { line, character }, input);
  assert.ok(answered, `a question at ${line}:${character}`);
  return apply(text, answered.edits);
}

function openQuestions(text: string): number {
  return analyzeSpec(text, { uri: URI }).findings.filter((f) => f.rule === 'open-question' || f.data?.placeholder === 'NEEDS CLARIFICATION').length;
}

const SPEC = [
  '# Checkout',
  '',
  '## Requirements',
  '',
  '- REQ-1: Retries go to [NEEDS CLARIFICATION: which queue?] in order.',
  '',
  '## Open Questions',
  '',
  '- Which queue do we use for retries? @lena due 2026-01-15',
  '- Do refunds need approval?',
  '',
  '## Appendix',
  '',
  'Text.',
  '',
].join('\n');

describe('answering an open question', () => {
  it('moves an Open Questions item with answer, date and author to a new Decisions section after it', () => {
    const after = answer(SPEC, 8);
    assert.equal(after, [
      '# Checkout', '', '## Requirements', '', '- REQ-1: Retries go to [NEEDS CLARIFICATION: which queue?] in order.', '',
      '## Open Questions', '', '- Do refunds need approval?', '',
      '## Decisions', '', '- Which queue do we use for retries? @lena due 2026-01-15 **Decision:** SQS `orders-retry` (2026-12-01, Lena Novak)', '',
      '## Appendix', '', 'Text.', '',
    ].join('\n'));
    assert.equal(openQuestions(after), openQuestions(SPEC) - 1);
  });

  it('replaces a clarification marker by its answer and records the question', () => {
    const after = answer(SPEC, 4, 30);
    assert.match(after, /^- REQ-1: Retries go to SQS `orders-retry` in order\.$/m);
    assert.match(after, /^- Which queue\? \*\*Decision:\*\* SQS `orders-retry` \(2026-12-01, Lena Novak\)$/m);
    assert.equal(openQuestions(after), openQuestions(SPEC) - 1);
  });

  it('appends to an existing Decisions list, and leaves "None." in an emptied Open Questions section', () => {
    const text = '# X\n\n## Open Questions\n\n- Only one?\n\n## Decisions\n\n- Old? **Decision:** yes (2026-01-01)\n';
    assert.equal(answer(text, 4, 2, { answer: 'Yes', date: '2026-12-01', author: '' }),
      '# X\n\n## Open Questions\n\nNone.\n\n## Decisions\n\n- Old? **Decision:** yes (2026-01-01)\n- Only one? **Decision:** Yes (2026-12-01)\n');
  });

  it('creates Decisions at the end at the main section level when there is no Open Questions section', () => {
    const text = '# X\n\n## Notes\n\n- Q: Which port?\n- Other note.';
    assert.equal(answer(text, 4), '# X\n\n## Notes\n\n- Other note.\n\n## Decisions\n\n- Which port? **Decision:** SQS `orders-retry` (2026-12-01, Lena Novak)\n');
  });

  it('keeps the discussion of a KEP <<[UNRESOLVED]>> block and drops its markers', () => {
    const text = '# X\n\n## Design\n\n<<[UNRESOLVED retries ]>>\nShould we retry?\n<<[/UNRESOLVED]>>\n\nMore.\n';
    const after = answer(text, 4, 0);
    assert.match(after, /## Design\n\nShould we retry\?\n\nMore\.\n\n## Decisions\n\n- Retries \*\*Decision:\*\*/);
    assert.doesNotMatch(after, /UNRESOLVED/);
  });

  it('keeps CRLF line endings and removes nested items and continuation lines with their question', () => {
    const text = ['# X', '', '## Open Questions', '', '- Which DB?', '  Postgres or MySQL.', '  - option: Postgres', '- Which port?', ''].join('\r\n');
    const after = answer(text, 4);
    assert.equal(after, ['# X', '', '## Open Questions', '', '- Which port?', '', '## Decisions', '', '- Which DB? Postgres or MySQL. **Decision:** SQS `orders-retry` (2026-12-01, Lena Novak)', ''].join('\r\n'));
  });

  it('answers nothing where there is no question, or with an empty answer', () => {
    const result = analyzeSpec(SPEC, { uri: URI });
    assert.equal(answerQuestion(result, { line: 0, character: 0 }, INPUT), undefined);
    assert.equal(answerQuestion(result, { line: 8, character: 2 }, { ...INPUT, answer: '  ' }), undefined);
    assert.equal(questionAt(result, { line: 9, character: 0 })?.text, 'Do refunds need approval?');
  });
});

describe('open questions with owners and due dates', () => {
  it('an overdue question says so and is at least a warning, even where the rule is set to info', () => {
    const findings = analyzeSpec(SPEC, { uri: URI, today: '2026-12-01', config: { rules: { 'open-question': 'info' } } }).findings
      .filter((f) => f.rule === 'open-question');
    assert.deepEqual(findings.map((f) => [f.severity, f.data?.owner, f.data?.due, f.data?.overdue]), [
      ['warning', 'lena', '2026-01-15', true],
      ['info', undefined, undefined, undefined],
    ]);
    assert.match(findings[0].message, /^Overdue open question \(due 2026-01-15, owner @lena\)/);
    const beforeDue = analyzeSpec(SPEC, { uri: URI, today: '2026-01-15' }).findings.find((f) => f.rule === 'open-question')!;
    assert.equal(beforeDue.data?.overdue, undefined);
    assert.doesNotMatch(beforeDue.message, /Overdue/);
  });

  it('reports Q: items outside the Open Questions section unless an A: answers them', () => {
    const text = '# X\n\n## Notes\n\n- Q: Which port?\n- Q: Which host?\n- A: db.internal\n\nQ: Which region?\n\nQ: Which zone?\nA: eu-west-1a.\n';
    const questions = analyzeSpec(text, { uri: URI }).findings.filter((f) => f.rule === 'open-question').map((f) => f.data?.question);
    assert.deepEqual(questions, ['Which port?', 'Which region?']);
  });

  it("READINESS.md lists the spec's open questions with their owners", () => {
    const markdown = readinessMarkdown(readinessReport(analyzeSpec(SPEC, { uri: URI, today: '2026-12-01' }), 'Checkout'));
    assert.match(markdown, /## Open questions and owners \(3\)/);
    assert.match(markdown, /\| Q\d+ \| Which queue do we use for retries\? @lena due 2026-01-15 \| @lena \| 2026-01-15 \|/);
    assert.match(markdown, /\| Q\d+ \| Do refunds need approval\? \| unassigned \| - \|/);
    assert.match(markdown, /\| Q\d+ \| which queue\? \| unassigned \| - \|/);
  });
});
