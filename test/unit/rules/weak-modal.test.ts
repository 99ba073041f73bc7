import assert from 'node:assert/strict';
import { weakModal } from '../../../server/src/rules/weak-modal';
import { at, runRule, textAt } from '../helpers';

function found(markdown: string): string[] {
  return runRule(weakModal, markdown).map((finding) => textAt(markdown, finding.range));
}

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

  it('checks acceptance criteria and subsections of requirement sections', () => {
    const text = '## Requirements\n\n### Export\n\n- Exports should be zipped.\n\n## Acceptance Criteria\n\n- The file should open in Excel.\n';
    assert.deepEqual(found(text), ['should', 'should']);
  });

  it('reports a capitalised modal that opens a fragment, not an inverted condition', () => {
    const text = '## Requirements\n\n- Should support SSO.\n- Should the call fail, the client retries.\n- May 2025 is the deadline.\n';
    const findings = runRule(weakModal, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:2-2:8']);
  });

  it('leaves RFC 2119 keywords, other sections and non-obligations alone', () => {
    const text = [
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
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('reports the modal of the main clause after a conditional clause', () => {
    assert.deepEqual(found('## Requirements\n\n- If the upload fails, the client should retry.\n'), ['should']);
    assert.deepEqual(found('## Requirements\n\n- Given a cart, when I pay, then I should see a receipt.\n'), ['should']);
  });

  it('never reports code blocks, inline code, URLs or discussion subsections', () => {
    const text = [
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
    ].join('\n');
    assert.deepEqual(found(text), []);
  });
});
