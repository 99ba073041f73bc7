import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { anchorsOf } from '../../server/src/score/specific';
import { isGroupLabel } from '../../server/src/score/statements';
import { explanationLines } from '../../server/src/score/explain';
import { DIMENSION_IDS } from '../../server/src/score/types';
import { renderTemplate } from '../../server/src/templates/render';
import { BUILTIN_PROFILES } from '../../server/src/sections/profiles';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const READY = readFileSync(join(EXAMPLES, 'payment-refunds.spec.md'), 'utf8');

const FILLER = [
  '# Payments', '', '## Context', '', 'Standard REST API with JSON.', '', '## Scope', '', 'The payments feature.', '',
  '## Out of Scope', '', 'Anything else.', '', '## Requirements', '', '- The system must work correctly.',
  '- Errors are handled appropriately.', '', '## API Contract', '', 'Standard REST API with JSON.', '',
  '## Inputs and Outputs', '', 'The usual inputs and outputs.', '', '## Non-Functional Requirements', '', 'Fast and reliable.', '',
  '## Acceptance Criteria', '', '- Payments work correctly.', '- All tests pass.', '- No regressions.', '',
  '## Definition of Done', '', 'Done when the feature is complete.', '',
].join('\n');

describe('readiness score', () => {
  it('reads a statement as a group label when it ends in a colon before any trailing markup, or holds nothing', () => {
    assert.equal(isGroupLabel('**Errors**:'), true);
    assert.equal(isGroupLabel('Errors: **'), true);
    assert.equal(isGroupLabel('Errors:\n  `'), true);
    assert.equal(isGroupLabel(' * _ '), true);
    assert.equal(isGroupLabel(''), true);
    assert.equal(isGroupLabel('Errors: none'), false);
    assert.equal(isGroupLabel(': x'), false);
  });


  it('scores nothing written as not ready: empty, whitespace, unfilled templates, headings over filler', () => {
    assert.ok(analyzeSpec('').score <= 10);
    assert.ok(analyzeSpec(' \n\n\t \n').score <= 10);
    for (const profile of Object.keys(BUILTIN_PROFILES)) {
      const result = analyzeSpec(renderTemplate(profile, 'Untitled'));
      assert.ok(result.score <= 30, `${profile} template scores ${result.score}`);
      assert.equal(result.ready, false);
    }
    const filler = analyzeSpec(FILLER);
    assert.ok(filler.score <= 40, `filler scores ${filler.score}`);
    assert.equal(filler.ready, false);
  });

  it('gives every dimension an integer score, a weight and reasons that add up to its loss', () => {
    const result = analyzeSpec(readFileSync(join(EXAMPLES, 'order-export.spec.md'), 'utf8'));
    let weights = 0;
    for (const id of DIMENSION_IDS) {
      const dimension = result.breakdown[id];
      weights += dimension.weight;
      assert.ok(Number.isInteger(dimension.score) && dimension.score >= 0 && dimension.score <= 100);
      const lost = dimension.reasons.reduce((sum, reason) => sum + reason.lost, 0);
      assert.ok(Math.abs(lost - dimension.weight * (100 - dimension.score)) <= 1.5, `${id}: reasons ${lost} vs loss`);
      if (dimension.score < 100) assert.ok(dimension.reasons.length > 0, `${id} lost points without a reason`);
    }
    assert.ok(Math.abs(weights - 1) < 1e-9);
  });

  it('names the criteria that have no observable outcome', () => {
    const text = READY.replace(/- \*\*AC-2\*\*[^\n]*/, '- **AC-2** (REQ-2): Refunds work correctly.');
    const reasons = analyzeSpec(text).breakdown.verification.reasons;
    assert.ok(reasons.some((reason) => /criteria have no observable outcome/.test(reason.message) && reason.items?.includes('AC-2')), JSON.stringify(reasons));
  });

  it('blocks a spec with a secret whatever its score, and shows that reason first', () => {
    const key = ['sk', 'live', '51HxQ2mKp9Lr8TzVw3Yb7Nc4Df6Gh0Jk'].join('_');
    const result = analyzeSpec(READY.replace('## Scope\n', `Use the key ${key} for tests.\n\n## Scope\n`));
    assert.equal(result.ready, false);
    assert.equal(result.blockers[0].kind, 'secret');
    assert.match(explanationLines(result)[1], /secret/i);
  });

  it('blocks a placeholder in the requirements', () => {
    const result = analyzeSpec(READY.replace('## Requirements\n', '## Requirements\n\n- **REQ-9**: Refund limits are TBD.\n'));
    assert.ok(result.blockers.some((blocker) => blocker.kind === 'placeholder'));
    assert.equal(result.ready, false);
  });

  it('blocks a question marked as blocking', () => {
    const result = analyzeSpec(READY.replace('## Scope\n', '> **Open question:** do refunds run synchronously? This needs a decision from the payments lead.\n\n## Scope\n'));
    assert.ok(result.blockers.some((blocker) => blocker.kind === 'blocking-question'));
  });

  it('does not change when a heading is renamed to one of its aliases', () => {
    const renamed = READY.replace('## Acceptance Criteria', '## Verification').replace('## Context', '## Background');
    assert.equal(analyzeSpec(renamed).score, analyzeSpec(READY).score);
  });

  it('credits substance under custom headings, read by meaning and content', () => {
    const custom = READY.replace('## Acceptance Criteria', '## How we will know it works').replace('## Definition of Done', '## Finish line');
    const result = analyzeSpec(custom);
    assert.equal(result.findings.filter((f) => f.rule === 'missing-section' && f.severity === 'error').length, 0);
    assert.ok(result.score >= analyzeSpec(READY).score - 3, `${result.score}`);
  });

  it('never lowers the score when a specific requirement or criterion is added', () => {
    const base = analyzeSpec(READY).score;
    const more = READY.replace('## Acceptance Criteria\n', '## Acceptance Criteria\n\n- **AC-9** (REQ-1): Given a refund of 0 EUR, when it is requested, then the response is 422 with code `invalid_amount`.\n');
    assert.ok(analyzeSpec(more).score >= base);
  });

  it('counts behaviour stated without a modal in a requirements section as requirements, and introductions not', () => {
    const spec = (body: string) => analyzeSpec(`# Export\n\n## Requirements\n\n${body}\n`, { uri: 'file:///export.spec.md' }).breakdown.requirements.evidence;
    assert.match(spec('The job runs every day at 02:30 UTC.\n\nThe job writes one file per `entity_code`.\n\nThe job uploads each file to `s3://exports/ledger/`.'), /^3 requirements/);
    assert.match(spec('This section lists what the export does.\n\nThe job writes one file per `entity_code`.'), /^1 requirements?/);
  });

  it('reads a criterion that sets up its case in plain words as observable, as Given/When/Then is', () => {
    const verification = (criterion: string) => analyzeSpec(`# Export\n\n## Acceptance criteria\n\n- ${criterion}\n`, { uri: 'file:///export.spec.md' }).breakdown.verification.evidence;
    assert.equal(verification('An entity with no entries that day gets a file containing only the header row.'), '1 criteria, 1 observable');
    assert.equal(verification('Stopping the migration and starting it again creates no duplicate address.'), '1 criteria, 1 observable');
    // No case set up, no anchor: nothing a tester knows how to check.
    assert.equal(verification('The export gets a file containing only the header row.'), '1 criteria, 0 observable');
    assert.equal(verification('The migration creates no duplicate address.'), '1 criteria, 0 observable');
  });

  it('reads a definition of done by content only under a heading that names no other role', () => {
    const done = (heading: string) => analyzeSpec(`# Feature\n\n## ${heading}\n\n- Release notes for v2.1 are published on \`docs.acme.dev/releases\`.\n- The \`export\` runbook is merged and deployed to production.\n`, { uri: 'file:///feature.spec.md' }).breakdown.done.evidence;
    assert.equal(done('Finish line'), '2 done items, 2 concrete');
    for (const heading of ['Drawbacks', 'Prior art', 'How we teach this', 'Guide-level explanation']) assert.equal(done(heading), 'no definition of done', heading);
    // A definition of done lists its checks: prose that mentions a pipeline or a release is no list of them.
    const prose = analyzeSpec('# Audit trail\n\nRecords go to the log pipeline of the operator.\n\nRelease notes name the `audit.log` stream.\n\n## Design\n\nThe server writes one record per request.\n', { uri: 'file:///audit.spec.md' });
    assert.equal(prose.breakdown.done.evidence, 'no definition of done');
  });

  it('treats filler as no content and anchors as content', () => {
    for (const filler of ['Standard REST API with JSON.', 'The system must work correctly.', 'Done when the feature is complete.', 'All tests pass.']) {
      assert.deepEqual(anchorsOf(filler), [], filler);
    }
    for (const specific of ['Return 409 when the key is reused.', 'Write to `billing.plan_changes`.', 'Events go to Kafka first.']) {
      assert.ok(anchorsOf(specific).length > 0, specific);
    }
  });

  it('reads a label that opens an item ("AC3:", "R1.") as structure, not as a value', () => {
    for (const filler of ['AC3: Domain verification is enforced.', 'R1. The seat limit is respected.', '**AC7**: Audit events are recorded.', '- AC12) Errors are handled.']) {
      assert.deepEqual(anchorsOf(filler), [], filler);
    }
    for (const specific of ['AC3: a login from an unverified domain is refused with `sso_domain_not_verified`.', 'AC6: the 11th user of a 10-seat tenant is refused.']) {
      assert.ok(anchorsOf(specific).length > 0, specific);
    }
  });
});
