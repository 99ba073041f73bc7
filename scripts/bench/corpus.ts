/** The shared corpus of real specs, and documents of a given size built from it. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = process.env.SPECREADY_SHARED ?? resolve(__dirname, '..', '..', '..', '..', 'shared');
export const CORPUS = join(SHARED, 'corpus');

export interface CorpusFile {
  /** Path relative to the corpus folder, with forward slashes. */
  relative: string;
  path: string;
  text: string;
}

/** Every spec of the corpus (the Markdown files in its source folders), in a stable order. */
export function loadCorpus(): CorpusFile[] {
  if (!existsSync(CORPUS)) throw new Error(`the shared corpus is missing at ${CORPUS} (set SPECREADY_SHARED)`);
  const files: CorpusFile[] = [];
  for (const source of readdirSync(CORPUS).sort()) {
    const folder = join(CORPUS, source);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.md')) continue;
      const path = join(folder, name);
      files.push({ relative: `${source}/${name}`, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}

export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** The single real spec whose length is closest to `lines`. */
export function closestSpec(corpus: readonly CorpusFile[], lines: number): string {
  let best = corpus[0];
  for (const file of corpus) {
    if (Math.abs(lineCount(file.text) - lines) < Math.abs(lineCount(best.text) - lines)) best = file;
  }
  return best.text;
}

/**
 * Real specs concatenated in corpus order until the document has at least `lines` lines: large
 * documents keep the mix of prose, lists, tables and code of real ones. `first` is the index of the
 * first spec, so that different starts give different documents.
 */
export function concatenatedSpecs(corpus: readonly CorpusFile[], lines: number, first = 0): string {
  const parts: string[] = [];
  let total = 0;
  for (let index = first; total < lines; index++) {
    const text = corpus[index % corpus.length].text;
    parts.push(text.endsWith('\n') ? text : `${text}\n`);
    total += lineCount(text);
  }
  return parts.join('\n');
}

/** A document of about `lines` lines: one real spec when small, concatenated ones when large. */
export function specOfSize(corpus: readonly CorpusFile[], lines: number): string {
  return lines <= 500 ? closestSpec(corpus, lines) : concatenatedSpecs(corpus, lines);
}
