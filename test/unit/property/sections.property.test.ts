import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { judgeStatements } from '../../../server/src/score/evidence';

/** Binding, specific requirement items a spec may hold directly under its title. */
const REQUIREMENT = fc.constantFrom(
  'The service MUST log each refund to `audit.refunds`.',
  'The service MUST reject a refund of a `voided` payment with status 409.',
  'The worker SHALL retry a failed export 3 times, 10 s apart.',
  'Refunds above 500 EUR MUST wait for a second approval in `approvals`.',
);
/** Sections a writer adds later, each with items of its own kind. */
const SECTION = fc.constantFrom(
  ['Definition of Done', ['`make test` passes in CI.', 'Deployed to `staging`.', 'The runbook `docs/refunds.md` is updated.', 'Reviewed by the payments lead.']],
  ['Acceptance Criteria', ['Given a voided payment, when a refund is requested, then the response is 409.', 'Given 3 failures, when the export runs, then it is `failed`.']],
  ['Out of Scope', ['Refunds in the shop front end.', 'Partial captures.']],
  ['Context', ['Support refunds by hand today, about 40 a week.', 'The ledger team owns `audit.refunds`.']],
  ['Open Questions', ['Who approves refunds above 5,000 EUR?']],
  ['Notes', ['Released with the spring train.', 'Docs are published in the handbook.', 'Merged after review.']],
) as fc.Arbitrary<[string, string[]]>;

const RUNS = Number(process.env.SPECREADY_PROPERTY_RUNS ?? 200);
const SEED_SETTING = process.env.SPECREADY_PROPERTY_SEED;
const SEED = SEED_SETTING === 'random' ? {} : { seed: SEED_SETTING ? Number(SEED_SETTING) : 20261202 };

/** The lines of the spec's requirements that the score counts as specific requirements. */
function creditedLines(text: string): number[] {
  const result = analyzeSpec(text);
  return judgeStatements(result.model, [], result.idPattern).filter((s) => s.requirement && s.specific).map((s) => s.statement.range.start.line);
}

describe('score properties: adding a section keeps the credit of what was there (fast-check)', function () {
  this.timeout(120000);

  it('requirement items under the title stay credited when a named section is added after them', () => {
    fc.assert(fc.property(fc.array(REQUIREMENT, { minLength: 1, maxLength: 4 }), fc.array(SECTION, { minLength: 1, maxLength: 3 }), fc.boolean(), (requirements, sections, ids) => {
      const items = requirements.map((text, index) => `- ${ids ? `**REQ-${index + 1}**: ` : ''}${text}`);
      const before = ['# Refund audit trail', '', ...items, ''].join('\n');
      const after = before + sections.map(([title, lines]) => `\n## ${title}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`).join('');
      const credited = creditedLines(before);
      const still = new Set(creditedLines(after));
      assert.deepEqual(credited.filter((line) => !still.has(line)), [], `lost credit after adding ${sections.map(([title]) => title).join(', ')}`);
    }), { numRuns: RUNS, ...SEED });
  });

  it('the example counterexample: a definition of done after requirement items under the title', () => {
    const before = '# Refund audit trail\n\n- **REQ-1**: The service MUST log each refund to `audit.refunds`.\n- **REQ-2**: The service MUST reject a refund of a `voided` payment.\n';
    const after = `${before}\n## Definition of Done\n\n- \`make test\` passes in CI.\n- Deployed to \`staging\`.\n- The runbook \`docs/refunds.md\` is updated.\n`;
    assert.ok(analyzeSpec(after).breakdown.requirements.score >= analyzeSpec(before).breakdown.requirements.score);
    assert.ok(analyzeSpec(after).score >= analyzeSpec(before).score);
  });
});
