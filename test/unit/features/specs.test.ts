import assert from 'node:assert/strict';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { compareSpecs } from '../../../server/src/features/spec-order';
import { dimensionsOf, specEntry } from '../../../server/src/features/specs';
import { questionMeta } from '../../../server/src/model/questions';

const SPEC = `# Checkout retries

## Requirements

- REQ-1: The service should retry a failed payment 3 times.
- REQ-2: Refunds go to [NEEDS CLARIFICATION: which team owns payments? @finance].

## Open Questions

- Which queue do we use for retries? @lena due 2026-11-30
- Do refunds need approval above 500 EUR? (owner: omar, due: 2026-12-15)
`;

describe('Specs view entries', () => {
  const uri = 'file:///w/specs/checkout.spec.md';

  it('summarises state, score, counts and every dimension the result lists', () => {
    const result = analyzeSpec(SPEC, { uri });
    const { summary } = specEntry(uri, result, 'checkout', '2026-12-01');
    assert.equal(summary.title, 'Checkout retries');
    assert.equal(summary.score, result.score);
    assert.equal(summary.state, 'blocked', 'the clarification marker is an error');
    assert.deepEqual(summary.dimensions, Object.entries(result.breakdown).map(([name, dimension]) => ({ name, score: dimension.score })));
    assert.equal(summary.questions, 3);
    assert.equal(summary.overdueQuestions, 1);
  });

  it('lists blockers errors first without the questions, then questions with owner and due date', () => {
    const { details } = specEntry(uri, analyzeSpec(SPEC, { uri }), 'checkout', '2026-12-01');
    const ranks = details.blockers.map((b) => (b.severity === 'error' ? 0 : 1));
    assert.deepEqual(ranks, [...ranks].sort());
    assert.ok(details.blockers.some((b) => b.rule === 'weak-modal'));
    assert.ok(!details.blockers.some((b) => b.rule === 'open-question' || b.message.includes('NEEDS CLARIFICATION')));
    assert.deepEqual(details.questions.map((q) => [q.text.slice(0, 20), q.owner, q.due, q.overdue]), [
      ['which team owns paym', 'finance', undefined, false],
      ['Which queue do we us', 'lena', '2026-11-30', true],
      ['Do refunds need appr', 'omar', '2026-12-15', false],
    ]);
  });

  it('without a date nothing is overdue', () => {
    const { summary } = specEntry(uri, analyzeSpec(SPEC, { uri }), 'checkout');
    assert.equal(summary.overdueQuestions, 0);
  });

  it('takes dimensions as a record or a list, whatever their names', () => {
    assert.deepEqual(dimensionsOf({ contract: 70, done: { score: 40 } }), [{ name: 'contract', score: 70 }, { name: 'done', score: 40 }]);
    assert.deepEqual(dimensionsOf([{ name: 'scope', score: 90 }, { id: 'risk', value: 10 }, 'junk']), [{ name: 'scope', score: 90 }, { name: 'risk', score: 10 }]);
    assert.deepEqual(dimensionsOf(undefined), []);
  });

  it('orders blocked, then not ready, then ready, lowest score first', () => {
    const spec = (title: string, state: 'ready' | 'blocked' | 'not-ready', score: number) => ({ title, state, score, uri: title });
    const sorted = [spec('a', 'ready', 95), spec('b', 'not-ready', 70), spec('c', 'blocked', 60), spec('d', 'not-ready', 50), spec('e', 'blocked', 10)]
      .sort(compareSpecs).map((s) => s.title);
    assert.deepEqual(sorted, ['e', 'c', 'd', 'b', 'a']);
  });
});

describe('question owner and due date', () => {
  it('reads @owner, owner: name and due dates in their usual spellings', () => {
    assert.deepEqual(questionMeta('Which queue? @lena due 2026-12-15', '2026-12-01'), { owner: 'lena', due: '2026-12-15', overdue: false });
    assert.deepEqual(questionMeta('Which queue? (owner: omar, due: 2026-11-01)', '2026-12-01'), { owner: 'omar', due: '2026-11-01', overdue: true });
    assert.deepEqual(questionMeta('Ask ops@example.com, due by 2026-02-30'), { overdue: false }, 'no e-mail owners, no impossible dates');
    assert.deepEqual(questionMeta('Sign-off from @payments-team.', '2026-12-01'), { owner: 'payments-team', overdue: false });
  });
});
