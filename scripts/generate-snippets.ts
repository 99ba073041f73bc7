/** Writes snippets/markdown.json from server/src/templates/snippets.ts (`npm run snippets`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippetsJson } from '../server/src/templates/snippets';

const file = join(__dirname, '..', '..', 'snippets', 'markdown.json');
writeFileSync(file, snippetsJson());
console.log(`wrote ${file}`);
