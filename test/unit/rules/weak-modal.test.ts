import assert from 'node:assert/strict';
import { weakModal } from '../../../server/src/rules/weak-modal';
import { at, ruleTexts, runRule, textAt } from '../helpers';

const { found, finds } = ruleTexts(weakModal);

describe('weak-modal', () => {
  it('reports lower-case modals in requirements with the suggested RFC 2119 keyword', () => {
    const text = '## Requirements\n\n- The API should retry failed calls.\n- Responses may be cached.\n';
    const findings = runRule(weakModal, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:10-2:16', '3:12-3:15']);
    assert.deepEqual(findings[0].data, { modal: 'should', negated: false, replacement: 'MUST', alternatives: ['SHOULD'] });
    assert.deepEqual(findings[1].data, { modal: 'may', negated: false, replacement: 'MAY', alternatives: ['MUST'] });
    assert.match(findings[0].message, /^"should" does not say whether this is required: write MUST/);
  });

  it('maps might, could and would, and takes a negation into the range', () => {
    const text = [
      '## Non-Functional Requirements',
      '',
      '- The job might run nightly.',
      '- Users could export reports.',
      '- The service would log every call.',
      '- The client should not poll.',
      '- Tokens shouldn\'t be logged.',
      '',
    ].join('\n');
    const findings = runRule(weakModal, text);
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), ['might', 'could', 'would', 'should not', 'shouldn\'t']);
    assert.deepEqual(findings.map((finding) => finding.data?.replacement), ['MAY', 'MAY', 'MUST', 'MUST NOT', 'MUST NOT']);
    assert.equal(findings[3].data?.negated, true);
  });

  finds('checks acceptance criteria and subsections of requirement sections', '## Requirements\n\n### Export\n\n- Exports should be zipped.\n\n## Acceptance Criteria\n\n- The file should open in Excel.\n', ['should', 'should']);

  it('reports a capitalised modal that opens a fragment, not an inverted condition', () => {
    const text = '## Requirements\n\n- Should support SSO.\n- Should the call fail, the client retries.\n- May 2025 is the deadline.\n';
    const findings = runRule(weakModal, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:2-2:8']);
  });

  finds('leaves RFC 2119 keywords, other sections and non-obligations alone', [
    '## Context',
    '',
    'Users should be able to export; this may help.',
    '',
    '## Requirements',
    '',
    '- The API SHOULD retry and MAY cache.',
    '- If the upload could not finish, the service MUST return 503.',
    '- The service MUST flag data that may be stale.',
    '- Fees apply as may be agreed in the contract.',
    '- The label must read "You may retry later".',
    '- Should we support SAML?',
    '- Should have: dark mode',
    '- As a user, I would like to export reports.',
    '',
  ], []);

  finds('reports the main verb after a relative clause that has its own verb, not a modal inside the clause', [
    '## Requirements',
    '',
    '- Removing a place that is not saved should return `404 not_saved`.',
    '- A message which has expired may be dropped.',
    '- The service MUST flag data that may be stale.',
    '- The docs explain how resources should and should not be used.',
    '- If the upload could not finish, the service MUST return 503.',
    '',
  ], ['should', 'may']);

  finds.each('reports the modal of the main clause after a conditional clause',
    ['## Requirements\n\n- If the upload fails, the client should retry.\n', ['should']],
    ['## Requirements\n\n- Given a cart, when I pay, then I should see a receipt.\n', ['should']],
  );

  finds('never reports code blocks, inline code, URLs or discussion subsections', [
    '## Requirements',
    '',
    '- Call `client.should_retry()` as documented at https://example.com/should/may.',
    '',
    '```',
    'it should work',
    '```',
    '',
    '### Notes',
    '',
    '- This could change later.',
    '',
  ], []);
  it('reports a should with must or shall set against it: same sentence, sibling items, parent item or lead-in', () => {
    const text = [
      '# T', '',
      '## Detailed design', '',
      'The kubelet must not generate such a reference, and the runtime should not accept it.', '',
      'The implementation section should specify how options must be set.', '',
      '- Paths shall be represented by a production.',
      '- Roots should be crate ids.', '',
      '* Mutable source must have a stable version.',
      '  - Version should be global.', '',
      'Each identifier MUST have these fields:', '',
      '- the name should be unique', '',
      '## Other design', '',
      '- The scheme should be platform-independent.',
      '- Symbols should be decodable.', '',
    ].join('\n');
    assert.deepEqual(found(text), ['should not', 'should', 'should', 'should']);
    // A modal in a relative clause describes: "a name that should be unique" under the same lead-in is not reported.
    assert.deepEqual(found(text.replace('the name should be unique', 'a name that should be unique')), ['should not', 'should', 'should']);
  });

  finds('reads a nested list with the sentence of its parent item that introduces it', [
    '# T', '',
    '## Detailed design', '',
    '- **Update**: If the number of clusters crosses the limit, the scheduler must create slices.', '',
    '  Consumer actions on updates:',
    '  - **Clusters added**: the consumer should deploy workloads to the new clusters.', '',
    '- **Create**: the scheduler must write one slice.',
    '  - The name should be deterministic.', '',
  ], ['should']);

  finds('keeps RFC 2119 levels: an upper-case SHOULD among MUSTs is a level, a lower-case should among them is not', '# T\n\n## Requirements\n\n- The client MUST send a token.\n- The client SHOULD retry.\n- The server should log the call.\n- The server SHOULD cache.\n- The server should compress.\n- The proxy should strip headers.\n', ['should', 'should', 'should']);

  finds('in a document written in should, a should in a requirements list with no must set against it is its voice', [
    '# T', '',
    '## Requirements', '',
    '- The export should be zipped.',
    '- The file should open in Excel.', '',
    '## Acceptance Criteria', '',
    '- The import must reject bad rows.',
    '- Errors should be listed per row.', '',
    '## Graduation Criteria', '',
    '- The metric and the immutable field should be sufficient as a source of truth.', '',
  ], ['should']);

  finds('leaves the steps of an example the section announces alone', [
    '# T', '',
    '## Customised controller', '',
    "Here's an example of a customised controller that uses gang scheduling.", '',
    'The controller watches jobs and manages their lifecycle:', '',
    '1. For each job, the controller creates a pod group. Its attributes should be set accordingly.',
    '2. If the job was deleted, the pod group must be deleted.', '',
    '## Controller', '',
    'The controller watches jobs:', '',
    '1. Its attributes should be set from the job.',
    '2. If the job was deleted, the pod group must be deleted.', '',
  ], ['should']);

  finds('judges a paragraph after a nested list with the question its item opens with', [
    '# T', '',
    '## Monitoring Requirements', '',
    '* **What are the reasonable SLOs for the above SLIs?**',
    '  At a high level, those may be things like:',
    '  - 99% of requests finish within 1 s', '',
    '  A cluster administrator could set SLO targets for pod shutdown latency.', '',
    '* Operators could read the logs.', '',
  ], ['could']);
  it('reads a may its own clause calls optional as a permission; other items do not change how a weak modal in a requirements list is read', () => {
    const text = [
      '# T', '',
      '## Requirements', '',
      '- The export must finish within 60 s.',
      '- The note field is optional and may be empty.',
      '- The archive could be encrypted.', '',
      '## Limits', '',
      '- Downloads may be resumed.',
      '- The file name would include the date.',
      '- Old files might get deleted.', '',
    ].join('\n');
    assert.deepEqual(found(text), ['could', 'may', 'would', 'might']);
    // Without the must the same weak modals are reported: no item's wording decides another's.
    assert.deepEqual(found(text.replace('must finish', 'finishes')), ['could', 'may', 'would', 'might']);
  });

  it('replacing one weak modal with MUST removes that finding and no other', () => {
    const text = [
      '# Order export', '',
      '## Requirements', '',
      '- REQ-1: The export should be fast and handle a large number of orders.',
      '- REQ-2: The file may include refunds if possible.', '',
    ].join('\n');
    assert.deepEqual(found(text), ['should', 'may']);
    assert.deepEqual(found(text.replace('should', 'MUST')), ['may']);
    assert.deepEqual(found(text.replace('may', 'MAY')), ['should']);
  });

  it('does not set must against a note under an item, an obligation restated with must, or a test plan\'s expected result', () => {
    const text = [
      '# T', '',
      '## Design', '',
      '- The resolver must pick a fallback.',
      '  - Note that this can fail. A suitable error message should be given.',
      '- Every registered feature should have a feature gate associated with it.',
      '- A feature cannot come from configuration alone; it must also be associated with a feature gate.',
      '- Entries must expire, and each entry should keep its creation time.', '',
      '## Test Plan', '',
      '- With the flag set, the gate must be on.',
      '- Setting both flags should return an error.', '',
    ].join('\n');
    assert.deepEqual(found(text), ['should']);
    assert.equal(runRule(weakModal, text)[0].range.start.line, 8);
  });
});
