import assert from 'node:assert/strict';
import { nextRequirementId } from '../../../server/src/templates/next-id';

describe('nextRequirementId', () => {
  it('starts at REQ-1 in a document without requirements', () => {
    assert.equal(nextRequirementId('# Spec\n\n## Requirements\n\n'), 'REQ-1');
  });

  it('continues after the highest id of the prefix, wherever it occurs', () => {
    const text = '## Requirements\n\n- **REQ-1**: a\n- **REQ-4**: b\n\n## Acceptance Criteria\n\n- AC-1 (REQ-7): Given x, when y, then z.\n';
    assert.equal(nextRequirementId(text, text.indexOf('## Acceptance')), 'REQ-8');
  });

  it('uses the prefix of the nearest requirement above the cursor, not of criteria', () => {
    const text = '- **FR-1**: a\n- **FR-2**: b\n\n## Non-Functional\n\n- **NFR-3**: c\n\n## Acceptance Criteria\n\n- **AC-9**: Given\n';
    assert.equal(nextRequirementId(text, text.indexOf('## Non-Functional')), 'FR-3');
    assert.equal(nextRequirementId(text, text.indexOf('## Acceptance')), 'NFR-4');
    assert.equal(nextRequirementId(text), 'NFR-4');
  });

  it('reads ids opening table rows and checkbox items, and keeps zero padding', () => {
    assert.equal(nextRequirementId('| REQ-009 | text |\n- [ ] REQ-010 more\n'), 'REQ-011');
  });

  it('does not take encodings or versions for ids', () => {
    assert.equal(nextRequirementId('- **REQ-2**: stores UTF-8 text, see REQ-2-draft\n'), 'REQ-3');
  });
});
