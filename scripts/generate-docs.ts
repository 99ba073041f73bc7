/** Writes docs/rules/*.md and docs/sections.md from the code (`npm run docs`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { referenceFiles } from '../server/src/docs/reference';

const root = join(__dirname, '..', '..');
for (const [path, content] of referenceFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${referenceFiles().size} files under docs/`);
