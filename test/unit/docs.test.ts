import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceFiles } from '../../server/src/docs/reference';
import { RULES } from '../../server/src/rules/registry';

const ROOT = join(__dirname, '..', '..', '..');

describe('rule documentation', () => {
  it('documents every rule with a rationale and a bad and a good example', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      for (const field of ['summary', 'rationale', 'bad', 'good'] as const) {
        assert.ok(rule.docs[field].trim().length > 10, `${rule.id} docs.${field}`);
      }
    }
    assert.equal(new Set(RULES.map((rule) => rule.id)).size, RULES.length, 'rule ids are unique');
  });

  it('has committed docs/ that match the code (run `npm run docs` after changing a rule)', () => {
    for (const [path, content] of referenceFiles()) {
      const file = join(ROOT, path);
      assert.ok(existsSync(file), `${path} is missing`);
      assert.equal(readFileSync(file, 'utf8'), content, `${path} is stale`);
    }
  });
});
