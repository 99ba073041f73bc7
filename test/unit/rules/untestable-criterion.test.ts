import assert from 'node:assert/strict';
import { untestableCriterion } from '../../../server/src/rules/untestable-criterion';
import { at, findsTests, runRule } from '../helpers';

/** An Acceptance Criteria section with one item per criterion. */
const criteria = (...items: string[]): string => `## Acceptance Criteria\n\n${items.map((c) => `- ${c}`).join('\n')}\n`;
const flaggedIn = (markdown: string): string[] => runRule(untestableCriterion, markdown).map((f) => String(f.data?.criterion));
const flagged = (...items: string[]): string[] => flaggedIn(criteria(...items));
const finds = findsTests(flaggedIn);

describe('untestable-criterion', () => {
  finds('flags criteria whose outcome is a feeling or "it works"', criteria('Export works correctly.', 'Finance is happy with the file.', 'Errors are handled gracefully.'),
    ['Export works correctly.', 'Finance is happy with the file.', 'Errors are handled gracefully.']);

  finds('flags a generic treatment with no result, and a manner adverb with nothing measured', criteria(
    'Unknown codes are handled.',
    'The unknown codes are processed.',
    'AC7 | The function behaves sensibly for edge cases.',
    'The consumer responds quickly to new messages.',
  ), ['Unknown codes are handled.', 'The unknown codes are processed.', 'AC7 | The function behaves sensibly for edge cases.', 'The consumer responds quickly to new messages.']);

  finds('passes a treatment with its result, and adverbs of time, frequency or mechanism', criteria(
    'Errors are processed in arrival order.',
    'Duplicate messages are handled by returning `200` without a new row.',
    'The export runs nightly and writes one file per entity.',
    'The consumer recovers automatically after the broker restarts.',
    'The endpoint responds quickly: p95 under 200 ms.',
  ), []);

  it('judges each outcome step of a Given/When/Then paragraph on its own line', () => {
    const text = [
      '## Acceptance Criteria',
      '',
      '**Scenario: missing variable**',
      'Given a schema that requires `LOG_LEVEL`',
      'When I run `envcheck validate staging.env`',
      'Then the exit code is 1',
      'And the output is clear and helpful',
      '',
      '**Scenario: strict mode**',
      'Given an env file with `EXTRA=1`',
      'When I run it with `--strict`',
      'Then the exit code is 1',
      'And the user sees one warning',
      '',
      'When the job is killed during an upload',
      'Then the user is happy',
      '',
      'Given a valid file',
      'When it is imported',
      'Then the import succeeds',
      '',
      'Given a valid file',
      'When it is imported twice',
      'Then the import succeeds',
      'And the table holds 3 rows',
      '',
    ].join('\n');
    const findings = runRule(untestableCriterion, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['6:0-6:35', '15:0-15:22', '19:0-19:24']);
    assert.deepEqual(findings.map((finding) => finding.data?.criterion), ['the output is clear and helpful', 'the user is happy', 'the import succeeds']);
  });

  finds('flags criteria with no observable outcome at all', criteria('AC-1 (REQ-1): Refund support'), ['AC-1 (REQ-1): Refund support']);

  finds('accepts Given/When/Then with a concrete Then, numbers, code and observable verbs', criteria(
    'AC-1 (REQ-1): Given a paid order, when a refund is requested, then the response is 201.',
    'Given a locked account, when it is reset, then the user sees the message "Password changed".',
    'The CSV contains one row per order.',
    'The order status is set to `refunded`.',
    'Feature is enabled by default.',
  ), []);

  finds('accepts a deliverable or a state that can be checked as written', criteria(
    'Feature implemented behind a feature gate',
    'Add unit tests for merging precedence.',
    'Documentation published on the project site.',
    'No bug reports against the feature.',
    'E2E tests for the new field',
    'Graduate the API to GA',
  ), []);

  it('flags an activity with no end, and does not take scope decisions or bare links for criteria', () => {
    assert.deepEqual(flagged('Gather feedback from developers', 'Allowing time for feedback.', 'Ensure reliability of existing tests',
      'Keep these ideas as follow-up features and not blockers.', 'https://example.com/docs'),
    ['Gather feedback from developers', 'Allowing time for feedback.', 'Ensure reliability of existing tests']);
    const text = `## Acceptance Criteria\n\n- Gather feedback\n`;
    assert.match(runRule(untestableCriterion, text)[0].message, /activity with no end/);
  });

  it('passes a count, a duration, an absence of reports, a checkable state after "ensure" and a named or recorded decision', () => {
    assert.deepEqual(flagged(
      'Month+ soak of minor release',
      'Gone through one Kubernetes upgrade.',
      'No issues regarding the exit code opened on the last 2 releases',
      'No issues were reported by the teams using the framework.',
      'Ensure existing conformance tests for RollingUpdate continue to pass',
      'Decide what the default of the new flag should be',
      'Conduct experiments to decide the scope of the condition and the default threshold',
      'Given a duplicate notification, then there is one suppression row.',
      'Runs with the feature enabled and causes no problems with any component.',
      'Ensure proper tests are in place.',
      'Determine if additional tests are necessary',
      'Decide if an audit annotation is the correct approach',
    ), [
      'Runs with the feature enabled and causes no problems with any component.',
      'Ensure proper tests are in place.',
      'Determine if additional tests are necessary',
      'Decide if an audit annotation is the correct approach',
    ]);
    const recorded = '## Acceptance Criteria\n\n- Decide if an audit annotation is the correct approach\n  - Decision: it is, since only token requests carry it.\n';
    assert.deepEqual(runRule(untestableCriterion, recorded), []);
  });

  finds('passes a behaviour stated of a named thing and a task that makes something, but not an evaluation or a bare topic', criteria(
    'CPU Manager allocation policy takes topology hints into account.',
    'krel interacts with the build service to trigger package builds',
    'Establish an SLO for pod startup latency with volumes.',
    'Outline the deprecation policy and communication plan',
    'Caching tokens per pod to avoid generating them for every container.',
    'To document the new user interface on the website',
    'Handle batches of one pod per node: host ports and resources',
    'kubectl describe node showing information from the Lease object',
    'The page loads fast.',
    'SIG Windows has high confidence in the stability of the containers',
    'Feedback from users.',
    'Parameter tuning (batch sizes, etc.)',
  ), [
    'The page loads fast.',
    'SIG Windows has high confidence in the stability of the containers',
    'Feedback from users.',
    'Parameter tuning (batch sizes, etc.)',
  ]);

  it('passes a part listed under a test or documentation deliverable, but not an activity or a vague outcome there', () => {
    const text = [
      '## Graduation Criteria',
      '',
      '- e2e and integration tests for leader election on these scenarios',
      '  + single lease candidate',
      '  + multiple lease candidates',
      '- Documentation that includes the following sections.',
      '1. Overview of networking on Windows',
      '2. Unsupported functionality',
      '- Release notes:',
      '  - Gather feedback from users',
      '- Checkout:',
      '  - It works as expected',
    ].join('\n');
    assert.deepEqual(runRule(untestableCriterion, text).map((finding) => finding.data?.criterion), ['Gather feedback from users', 'It works as expected']);
  });

  it('does not take a contingency plan or a row of a comparison matrix for a criterion', () => {
    assert.deepEqual(flagged('If this solution is not better than what we have, we would shut the project down.'), []);
    const table = '## Acceptance Criteria\n\n| Check | A | B | C |\n|---|---|---|---|\n| Skip inside Reconcile | y | y (also filtering) | n |\n| Feedback | from users | | |\n';
    assert.deepEqual(runRule(untestableCriterion, table).map((finding) => finding.data?.criterion), ['Feedback from users  ']);
  });

  finds('judges Given/When/Then criteria on the Then clause', criteria('Given 5 orders, when exported, then everything is nice'), ['Given 5 orders, when exported, then everything is nice']);

  finds('accepts a Then clause that states a checkable state of a named thing', criteria(
    '**AC-1** (REQ-1): Given two invoices created one after another for the same tenant, when both are listed, then their numbers are consecutive.',
    'Given a tenant with invoices, when the list is requested, then the invoices are in ascending order of issue date.',
    'Given an unpaid invoice, when a partial payment arrives, then the invoice remains open and its balance is reduced by the payment.',
    'Given a deleted tenant, when its data is exported, then the archive is empty.',
  ), []);

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
  it('leaves the criteria of a stage the document rules out alone, and judges them otherwise', () => {
    const stage = '## Graduation Criteria\n\n### Deprecation\n\n- Address feedback on usage, provided on GitHub issues\n';
    const question = '\n## PRR\n\n### Is the rollout accompanied by any deprecations?\n\n';
    const criteria = (text: string) => runRule(untestableCriterion, text).map((finding) => finding.data?.criterion);
    assert.deepEqual(criteria(stage), ['Address feedback on usage, provided on GitHub issues']);
    assert.deepEqual(criteria(`${stage}${question}Yes: the old flag is deprecated.\n`), ['Address feedback on usage, provided on GitHub issues']);
    assert.deepEqual(criteria(`${stage}${question}No\n`), []);
    assert.deepEqual(criteria(stage.replace('### Deprecation\n', '### Deprecation\n\nNo deprecation is planned; these rules apply if a deprecation is needed.\n')), []);
  });

  it('takes a task whose result is reported under it as done, but not an activity with no end', () => {
    const text = [
      '## Graduation Criteria', '',
      '- Sweep of callers in the code search',
      '  - The following issues were opened: [one](https://example.org/1)',
      '- Gather feedback',
      '  - One plugin was developed against the API.',
      '- Some indication of whether the tokens are node-scoped or pod-scoped',
      '- Some indication of progress', '',
    ].join('\n');
    assert.deepEqual(runRule(untestableCriterion, text).map((finding) => finding.data?.criterion), ['Gather feedback', 'Some indication of progress']);
  });
});
