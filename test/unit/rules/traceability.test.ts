import assert from 'node:assert/strict';
import { duplicateId } from '../../../server/src/rules/duplicate-id';
import { unknownReference } from '../../../server/src/rules/unknown-reference';
import { untracedRequirement } from '../../../server/src/rules/untraced-requirement';
import { at, runRule, textAt } from '../helpers';

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
    const findings = runRule(duplicateId, text);
    assert.equal(findings.length, 1);
    assert.equal(at(findings[0].range), '3:2-3:7');
    assert.equal(findings[0].data?.firstLine, 2);
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
