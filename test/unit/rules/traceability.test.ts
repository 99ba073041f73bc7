import assert from 'node:assert/strict';
import { duplicateId } from '../../../server/src/rules/duplicate-id';
import { unknownReference } from '../../../server/src/rules/unknown-reference';
import { untracedRequirement } from '../../../server/src/rules/untraced-requirement';
import { at, onlyFinding, runRule, textAt } from '../helpers';

const SPEC = [
  '## Requirements',
  '',
  '- **REQ-1**: Refunds MUST be idempotent.',
  '- REQ-2: Amounts MUST be in minor units.',
  '',
  '### REQ-3 Listing',
  '',
  'Uses UTF-8 and ISO-8601 as in KEP-1234.',
  '',
  '| Id | Requirement |',
  '|---|---|',
  '| NFR-1 | p95 < 200 ms |',
  '',
  '## Acceptance Criteria',
  '',
  '- AC-1 (REQ-1): Given a refund, when repeated, then one refund exists.',
  '- REQ-3: Given orders, when listed, then 20 are returned.',
  '- AC-2 covers REQ-9 and `REQ-2`.',
].join('\n');

describe('untraced-requirement', () => {
  it('reports requirements no criterion references, at the defining id', () => {
    const findings = runRule(untracedRequirement, SPEC);
    assert.deepEqual(findings.map((f) => f.data?.id), ['REQ-2', 'NFR-1']);
    assert.equal(at(findings[0].range), '3:2-3:7');
    assert.equal(findings[0].data?.requirement, 'Amounts MUST be in minor units.');
  });

  it('does not count ids in inline code as references', () => {
    const findings = runRule(untracedRequirement, SPEC);
    assert.ok(findings.some((f) => f.data?.id === 'REQ-2'));
  });

  it('honours a custom id pattern', () => {
    const text = '## Requirements\n\n- R1: x\n\n## Acceptance Criteria\n\n- covers R1\n';
    assert.equal(runRule(untracedRequirement, text).length, 0);
    assert.deepEqual(runRule(untracedRequirement, text.replace('covers R1', 'nothing'), { idPattern: 'R\\d+' }).map((f) => f.data?.id), ['R1']);
  });
});

describe('duplicate-id', () => {
  it('reports the second definition and points at the first', () => {
    const text = '## Requirements\n\n- REQ-1: a\n- REQ-1: b\n';
    const finding = onlyFinding(runRule(duplicateId, text));
    assert.equal(at(finding.range), '3:2-3:7');
    assert.equal(finding.data?.firstLine, 2);
  });

  it('does not treat a criterion that starts with a requirement id as a redefinition', () => {
    assert.deepEqual(runRule(duplicateId, SPEC), []);
  });
});

describe('unknown-reference', () => {
  it('reports references to undefined ids of a prefix the spec uses', () => {
    const findings = runRule(unknownReference, SPEC);
    assert.deepEqual(findings.map((f) => f.data?.id), ['REQ-9']);
    assert.equal(textAt(SPEC, findings[0].range), 'REQ-9');
  });

  it('ignores UTF-8, ISO-8601 and other ids whose prefix the spec never defines', () => {
    assert.ok(!runRule(unknownReference, SPEC).some((f) => /UTF|ISO|KEP/.test(String(f.data?.id))));
  });
});

describe('references to other documents and standards', () => {
  const CROSS = [
    '## Requirements',
    '',
    '- **REQ-1**: Dates MUST follow RFC-7231 section 7.1.1.1 and timestamps ISO-8601, encoded as UTF-8.',
    '- PEP-8: Python code follows the style guide.',
    '- REQ-2: Billing keeps its numbering (see [REQ-9 of billing](billing.spec.md#req-9) and [KEP-1287](https://github.com/kubernetes/enhancements/issues/1287)).',
    '- KEP-1287 applies to the scheduler.',
    '- CWE-79: output is escaped.',
    '- SPX-12 conformance is required.',
    '',
    '## Acceptance Criteria',
    '',
    '- RFC-7231: Given a request, when it is answered, then the `Date` header is an IMF-fixdate.',
    '- RFC-7231: Given a 304 response, when it is sent, then it has no body.',
    '- AC-1 (REQ-1): Given an invoice, when exported, then the timestamp matches `\\d{4}-\\d{2}-\\d{2}T`.',
    '- AC-2 (REQ-2): Given two invoices, when listed, then their numbers are consecutive; see [REQ-3](#req-3).',
  ].join('\n');

  it('never takes ids of standards, proposals or advisories for requirement ids', () => {
    assert.deepEqual(runRule(untracedRequirement, CROSS).map((f) => f.data?.id), []);
    assert.deepEqual(runRule(duplicateId, CROSS).map((f) => f.data?.id), []);
  });

  it('treats ids inside links to other documents as references to those documents', () => {
    // REQ-9 lives in billing.spec.md; REQ-3 is linked within this spec and is still checked.
    assert.deepEqual(runRule(unknownReference, CROSS).map((f) => f.data?.id), ['REQ-3']);
  });

  it('treats an id followed by a part of a document ("section", "Annex", "conformance") as another document', () => {
    assert.ok(!runRule(untracedRequirement, CROSS).some((f) => f.data?.id === 'SPX-12'));
  });
});
