// `npm pack` / `npm publish` (prepack, postpack): the packed package.json leaves out the `prepare`
// script. It only builds from source, which a tarball does not hold, and npm 11 warns about every
// install script in an installed package ("install scripts not yet covered by allowScripts").
// `strip` keeps the original next to it and `restore` puts it back; an interrupted pack leaves
// both, and the next `strip` starts from the kept original.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const KEPT = '.package.json.packing';

const mode = process.argv[2];
if (mode === 'strip') {
  const original = existsSync(KEPT) ? readFileSync(KEPT, 'utf8') : readFileSync(MANIFEST, 'utf8');
  writeFileSync(KEPT, original);
  const manifest = JSON.parse(original);
  delete manifest.scripts.prepare;
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (mode === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
