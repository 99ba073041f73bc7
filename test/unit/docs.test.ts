import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withGeneratedRuleLists, withGeneratedSpecDetection } from '../../server/src/docs/manifest';
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

  it('gives every rule a one-line plain-text description, shorter than its summary and rationale', () => {
    for (const rule of RULES) {
      const { description } = rule.docs;
      assert.match(description, /^[A-Z][^\n`*]{10,160}\.$/, `${rule.id} docs.description`);
      assert.ok(description.length < rule.docs.rationale.length, `${rule.id} docs.description is shorter than the rationale`);
    }
  });

  it('has committed docs/ that match the code (run `npm run docs` after changing a rule)', () => {
    for (const [path, content] of referenceFiles()) {
      const file = join(ROOT, path);
      assert.ok(existsSync(file), `${path} is missing`);
      assert.equal(readFileSync(file, 'utf8'), content, `${path} is stale`);
    }
  });

  it('has committed rule lists in package.json and the schema that match the registry (run `npm run docs`)', () => {
    const files = { packageJson: readFileSync(join(ROOT, 'package.json'), 'utf8'), schema: readFileSync(join(ROOT, 'schemas', 'specready.schema.json'), 'utf8') };
    const generated = withGeneratedRuleLists(files);
    assert.equal(files.packageJson, generated.packageJson, 'package.json contributes.configuration specready.rules is stale');
    assert.equal(files.schema, generated.schema, 'schemas/specready.schema.json rules is stale');
  });

  it('has committed activation events and a spec-only when clause in package.json that match the include globs (run `npm run docs`)', () => {
    const packageJson = readFileSync(join(ROOT, 'package.json'), 'utf8');
    assert.equal(packageJson, withGeneratedSpecDetection(packageJson), 'package.json activationEvents or the editor/title when clause is stale');
  });
});
