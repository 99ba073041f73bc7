/**
 * One cold measurement, run by scripts/bench/cold.ts in a fresh Node process so that nothing is
 * compiled or cached yet: what the CLI and a newly opened document pay.
 *
 *   node out/scripts/bench/cold-child.js engine FIRST        loads the engine, analyses a never-seen
 *     ~2,000-line document once (cold), parses it with markdown-it until warm (the floor), then
 *     analyses three other documents and one more never-seen one (new text in a warm process)
 *   node out/scripts/bench/cold-child.js markdown-it FIRST   loads markdown-it and parses the same
 *     document once (markdown-it's own cold parse, with V8's default settings)
 *
 * FIRST is the index of the corpus spec the document starts with. Prints one JSON object; times
 * are this process's CPU time in milliseconds.
 */
import { concatenatedSpecs, lineCount, loadCorpus } from './corpus';
import { cpuMs, summarize } from './stats';
import type * as Engine from '../../server/src/engine/analyze';
import type MarkdownItType from 'markdown-it';

export interface ColdEngineSample {
  lines: number;
  loadMs: number;
  coldMs: number;
  /** markdown-it's parse of the same text once warm (median of 15). */
  parseWarmMs: number;
  /** A further never-seen document analysed after four others: JIT warm, content caches cold. */
  newTextMs: number;
  newTextParseWarmMs: number;
}

export interface ColdParseSample {
  lines: number;
  loadMs: number;
  coldMs: number;
}

export const COLD_LINES = 2000;
/** Corpus specs between the starts of the documents of one child (they must not overlap). */
export const COLD_STRIDE = 40;
const PARSE_RUNS = 15;

function engine(first: number): ColdEngineSample {
  const corpus = loadCorpus();
  const text = concatenatedSpecs(corpus, COLD_LINES, first);
  const start = cpuMs();
  // Loaded here, not imported, so that loading is measured and nothing runs before it; the
  // regular-expression setting first, as the CLI and the language server load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../server/src/pipeline/regexp-tiers');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { analyzeSpec } = require('../../server/src/engine/analyze') as typeof Engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
  const loaded = cpuMs();
  const analyse = (document: string) => analyzeSpec(document, { uri: 'file:///bench/spec.md', config: {} });
  analyse(text);
  const coldMs = cpuMs() - loaded;
  const markdown = new MarkdownIt({ html: true });
  const floor = (document: string) => {
    const times: number[] = [];
    for (let run = 0; run < PARSE_RUNS; run++) {
      const before = cpuMs();
      markdown.parse(document, {});
      times.push(cpuMs() - before);
    }
    return summarize(times).median;
  };
  const parseWarmMs = floor(text);
  for (let other = 1; other <= 3; other++) analyse(concatenatedSpecs(corpus, COLD_LINES, first + other * COLD_STRIDE));
  const fresh = concatenatedSpecs(corpus, COLD_LINES, first + 4 * COLD_STRIDE);
  const before = cpuMs();
  analyse(fresh);
  const newTextMs = cpuMs() - before;
  return { lines: lineCount(text), loadMs: loaded - start, coldMs, parseWarmMs, newTextMs, newTextParseWarmMs: floor(fresh) };
}

function markdownIt(first: number): ColdParseSample {
  const text = concatenatedSpecs(loadCorpus(), COLD_LINES, first);
  const start = cpuMs();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
  const markdown = new MarkdownIt({ html: true });
  const loaded = cpuMs();
  markdown.parse(text, {});
  return { lines: lineCount(text), loadMs: loaded - start, coldMs: cpuMs() - loaded };
}

if (require.main === module) {
  const [mode, firstText] = process.argv.slice(2);
  const first = Number(firstText ?? 0);
  const sample = mode === 'markdown-it' ? markdownIt(first) : engine(first);
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}
