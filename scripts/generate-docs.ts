/**
 * Writes docs/rules/*.md and docs/sections.md, and the rule lists of package.json and the
 * configuration schema, from the code (`npm run docs`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withGeneratedRuleLists, withGeneratedSpecDetection } from '../server/src/docs/manifest';
import { referenceFiles } from '../server/src/docs/reference';

const root = join(__dirname, '..', '..');
for (const [path, content] of referenceFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${referenceFiles().size} files under docs/`);

const PACKAGE_JSON = join(root, 'package.json');
const SCHEMA = join(root, 'schemas', 'specready.schema.json');
const manifests = withGeneratedRuleLists({ packageJson: readFileSync(PACKAGE_JSON, 'utf8'), schema: readFileSync(SCHEMA, 'utf8') });
writeFileSync(PACKAGE_JSON, withGeneratedSpecDetection(manifests.packageJson));
writeFileSync(SCHEMA, manifests.schema);
console.log('wrote the rule lists and spec detection of package.json, and the rule list of schemas/specready.schema.json');
