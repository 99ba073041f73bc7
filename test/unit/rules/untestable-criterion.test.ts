import assert from 'node:assert/strict';
import { untestableCriterion } from '../../../server/src/rules/untestable-criterion';
import { at, runRule } from '../helpers';

function flagged(...criteria: string[]): string[] {
  const text = `## Acceptance Criteria\n\n${criteria.map((c) => `- ${c}`).join('\n')}\n`;
  return runRule(untestableCriterion, text).map((f) => String(f.data?.criterion));
}

describe('untestable-criterion', () => {
  it('flags criteria whose outcome is a feeling or "it works"', () => {
    assert.deepEqual(flagged('Export works correctly.', 'Finance is happy with the file.', 'Errors are handled gracefully.'),
      ['Export works correctly.', 'Finance is happy with the file.', 'Errors are handled gracefully.']);
  });

  it('flags criteria with no observable outcome at all', () => {
    assert.deepEqual(flagged('AC-1 (REQ-1): Refund support'), ['AC-1 (REQ-1): Refund support']);
  });

  it('accepts Given/When/Then with a concrete Then, numbers, code and observable verbs', () => {
    assert.deepEqual(flagged(
      'AC-1 (REQ-1): Given a paid order, when a refund is requested, then the response is 201.',
      'Given a locked account, when it is reset, then the user sees the message "Password changed".',
      'The CSV contains one row per order.',
      'The order status is set to `refunded`.',
      'Feature is enabled by default.',
    ), []);
  });

  it('accepts a deliverable or a state that can be checked as written', () => {
    assert.deepEqual(flagged(
      'Feature implemented behind a feature gate',
      'Add unit tests for merging precedence.',
      'Documentation published on the project site.',
      'No bug reports against the feature.',
      'E2E tests for the new field',
      'Graduate the API to GA',
    ), []);
  });

  it('flags an activity with no end, and does not take scope decisions or bare links for criteria', () => {
    assert.deepEqual(flagged('Gather feedback from developers', 'Allowing time for feedback.', 'Ensure reliability of existing tests',
      'Keep these ideas as follow-up features and not blockers.', 'https://example.com/docs'),
    ['Gather feedback from developers', 'Allowing time for feedback.', 'Ensure reliability of existing tests']);
    const text = `## Acceptance Criteria\n\n- Gather feedback\n`;
    assert.match(runRule(untestableCriterion, text)[0].message, /activity with no end/);
  });

  it('judges Given/When/Then criteria on the Then clause', () => {
    assert.deepEqual(flagged('Given 5 orders, when exported, then everything is nice'), ['Given 5 orders, when exported, then everything is nice']);
  });

  it('accepts a Then clause that states a checkable state of a named thing', () => {
    assert.deepEqual(flagged(
      '**AC-1** (REQ-1): Given two invoices created one after another for the same tenant, when both are listed, then their numbers are consecutive.',
      'Given a tenant with invoices, when the list is requested, then the invoices are in ascending order of issue date.',
      'Given an unpaid invoice, when a partial payment arrives, then the invoice remains open and its balance is reduced by the payment.',
      'Given a deleted tenant, when its data is exported, then the archive is empty.',
    ), []);
  });

  it('still reports a Then clause that states a feeling, an evaluation or mere success', () => {
    const criteria = [
      'Given a failed refund, when the agent opens it, then the agent understands why.',
      'Given a month of invoices, when the report is generated, then the report is complete and accurate.',
      'Given a new user, when they sign up, then the experience is seamless.',
      'Given an import file, when it is uploaded, then the import succeeds.',
    ];
    assert.deepEqual(flagged(...criteria), criteria);
  });

  it('reports the exact item range and skips group labels and other sections', () => {
    const text = '## Requirements\n\n- Works correctly\n\n## Acceptance Criteria\n\n- Checkout:\n  - It works as expected\n';
    const findings = runRule(untestableCriterion, text);
    assert.equal(findings.length, 1);
    assert.equal(at(findings[0].range), '7:4-7:24');
  });

  it('checks acceptance-criteria tables row by row', () => {
    const text = '## Acceptance Criteria\n\n| Id | Criterion |\n|---|---|\n| AC-1 | Works fine |\n| AC-2 | Returns 404 for unknown ids |\n';
    const findings = runRule(untestableCriterion, text);
    assert.equal(findings.length, 1);
    assert.equal(at(findings[0].range), '4:2-4:19');
  });
});
