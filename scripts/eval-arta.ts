/**
 * `npm run eval`: vague-requirement detection against a plain word-list baseline (the INCOSE GtWR
 * vague-term, escape-clause and open-ended-clause tokens, rules R7, R8, R9 of the CC-BY-4.0 Vale
 * style in research/lexicons.json), each labelled set reported on its own and never pooled:
 *
 * 1. the blind-labelled corpus sentences (datasets/sentences), evaluated on whole documents as
 *    the set's README describes (scripts/eval/sentences.ts);
 * 2. the ARTA requirement sets ds1 and ds3 (scripts/eval/arta.ts);
 * 3. on the corpus, the number of clarity findings per document (scripts/eval/corpus.ts).
 *
 * Usage: npm run eval [-- --examples 10] [-- --terms] [-- --only sentences,arta,corpus]
 *                     [-- --sentences <labels.jsonl> --documents <folder>]
 *   --examples N  prints N sample false alarms and misses per set
 *   --terms       prints, per ARTA set, how many positive and negative rows each reported word flagged
 *   --sentences   another blind-labelled sentence set in the same row format (a held-out one), with
 *   --documents   the folder its rows' `file` paths are relative to (default: the shared corpus)
 * The shared folder defaults to ../shared next to the project; override with SPECREADY_SHARED.
 */
import { evalArta } from './eval/arta';
import { baselineDescription, CLARITY_RULES, loadBaseline } from './eval/common';
import { evalCorpus } from './eval/corpus';
import { DEV_SENTENCES, evalSentences, type SentenceSet } from './eval/sentences';

const PARTS = ['sentences', 'arta', 'corpus'] as const;

function main(): void {
  const flag = process.argv.indexOf('--examples');
  const examples = flag >= 0 ? Number(process.argv[flag + 1]) || 0 : 0;
  const onlyFlag = process.argv.indexOf('--only');
  const only = new Set(onlyFlag >= 0 ? (process.argv[onlyFlag + 1] ?? '').split(',') : PARTS);
  const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) {
    console.error(`eval: unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const set = sentenceSet();
  const baseline = loadBaseline();
  console.log(baselineDescription(baseline));
  console.log(`Clarity findings: ${CLARITY_RULES.join(', ')}.`);
  if (only.has('sentences')) evalSentences(baseline, examples, set);
  if (only.has('arta')) evalArta(baseline, examples, process.argv.includes('--terms'));
  if (only.has('corpus')) evalCorpus();
}

/** The sentence set named by --sentences/--documents, or the shared development set. */
function sentenceSet(): SentenceSet {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  return { labels: option('--sentences') ?? DEV_SENTENCES.labels, documents: option('--documents') ?? DEV_SENTENCES.documents };
}

main();
