/**
 * Golden check of the engine's output: analyses every spec of the shared corpus and every
 * bundled example, and writes (or compares against) one JSON line per document with its
 * findings, score, breakdown and blockers. A change meant to be behaviour-neutral (a faster
 * path through the same analysis) must leave the file identical.
 *
 * Usage: tsc -p . && node out/scripts/golden.js --write before.jsonl
 *        node out/scripts/golden.js --check before.jsonl
 * The shared corpus defaults to ../shared next to the project; override with SPECREADY_SHARED.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeSpec } from '../server/src/engine/analyze';
import { loadCorpus } from './bench/corpus';

const ROOT = resolve(__dirname, '..', '..');
const TODAY = '2026-01-15';

function markdownFiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (name.endsWith('.md')) found.push(path);
  }
  return found;
}

function documents(): Array<{ name: string; uri: string; text: string }> {
  const corpus = loadCorpus().map((file) => ({ name: `corpus/${file.relative}`, uri: pathToFileURL(file.path).href, text: file.text }));
  const examples = markdownFiles(join(ROOT, 'examples')).map((path) => ({
    name: relative(ROOT, path).split('\\').join('/'), uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'),
  }));
  return [...corpus, ...examples];
}

function lines(): string[] {
  return documents().map(({ name, uri, text }) => {
    const result = analyzeSpec(text, { uri, config: {}, today: TODAY });
    const { findings, score, ready, profile, breakdown, blockers, ruleFailures } = result;
    return JSON.stringify({ name, profile, score, ready, findings, breakdown, blockers, ruleFailures: ruleFailures.map((f) => f.rule) });
  });
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--check') || !file) {
    process.stderr.write('usage: node out/scripts/golden.js --write|--check FILE\n');
    process.exitCode = 2;
    return;
  }
  const current = lines();
  if (mode === '--write') {
    writeFileSync(file, `${current.join('\n')}\n`);
    process.stdout.write(`golden: wrote ${current.length} documents to ${file}\n`);
    return;
  }
  const expected = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let differences = 0;
  const count = Math.max(expected.length, current.length);
  for (let index = 0; index < count; index++) {
    if (expected[index] === current[index]) continue;
    differences++;
    const name = (current[index] ?? expected[index] ?? '').slice(0, 120);
    if (differences <= 10) process.stdout.write(`golden: differs: ${name}\n`);
  }
  process.stdout.write(`golden: ${count} documents, ${differences} with differences\n`);
  if (differences > 0) process.exitCode = 1;
}

main();
