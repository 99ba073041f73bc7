/**
 * The blind-labelled corpus sentences (datasets/sentences, see its README): every labelled
 * document is analysed whole, each labelled sentence is found again in it, and a sentence counts
 * as flagged when a clarity finding starts inside it. VAGUE is the positive class.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecReadyConfig } from '../../server/src/config/types';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { offsetAt } from '../../server/src/model/text';
import { RULE_IDS } from '../../server/src/rules/registry';
import type { Finding, RuleLevel } from '../../server/src/rules/types';
import { CLARITY_RULES, count, emptyCounts, readJsonLines, SHARED, tableRow, type Baseline, type Counts } from './common';

interface Labelled {
  id: string;
  file: string;
  line: number;
  section_path: string;
  raw: string;
  label: 'VAGUE' | 'CLEAR' | 'NOT_REQUIREMENT';
  words: string[];
  stratum: 'random' | 'enriched';
  confidence: string;
}

const CONFIG: SpecReadyConfig = {
  rules: Object.fromEntries(RULE_IDS.map((id): [string, RuleLevel] => [id, CLARITY_RULES.includes(id) ? 'warning' : 'off'])),
};

const QUOTE = /^[ \t]{0,3}(?:>[ \t]?)+/;

/**
 * Character offsets [start, end) of a labelled sentence in its document: whitespace collapsed,
 * block-quote markers dropped, the match starting closest to the labelled line (README, step 2).
 */
export function locate(doc: string, raw: string, line: number, window = 3): [number, number] | undefined {
  const needle = raw.replace(/\s+/g, ' ').trim();
  const chars: string[] = [];
  const where: number[] = [];
  let pos = 0;
  const lines = doc.split('\n');
  lines.forEach((text, index) => {
    const n = index + 1;
    if (n >= line - window) {
      const quote = QUOTE.exec(text);
      for (let k = quote ? quote[0].length : 0; k < text.length; k++) {
        const ch = /\s/.test(text[k]) ? ' ' : text[k];
        if (ch === ' ' && chars.length > 0 && chars[chars.length - 1] === ' ') continue;
        chars.push(ch);
        where.push(pos + k);
      }
      if (chars.length > 0 && chars[chars.length - 1] !== ' ') {
        chars.push(' ');
        where.push(pos + text.length);
      }
    }
    pos += text.length + 1;
  });
  const haystack = chars.join('');
  let best: [number, number, number] | undefined;
  for (let from = haystack.indexOf(needle); from >= 0; from = haystack.indexOf(needle, from + 1)) {
    const start = where[from];
    const end = where[from + needle.length - 1] + 1;
    const distance = Math.abs(doc.slice(0, start).split('\n').length - line);
    if (!best || distance < best[0]) best = [distance, start, end];
    if (distance === 0) break;
  }
  return best ? [best[1], best[2]] : undefined;
}

interface Outcome {
  primary: Counts;
  requirementsOnly: Counts;
  random: Counts;
  falseAlarms: string[];
  misses: string[];
  /** Per rule: sentences it flagged that are VAGUE / not VAGUE. */
  perRule: Map<string, { tp: number; fp: number }>;
}

function emptyOutcome(): Outcome {
  return { primary: emptyCounts(), requirementsOnly: emptyCounts(), random: emptyCounts(), falseAlarms: [], misses: [], perRule: new Map() };
}

function record(outcome: Outcome, row: Labelled, hits: string[], rules: string[]): void {
  const flagged = hits.length > 0;
  const vague = row.label === 'VAGUE';
  count(outcome.primary, flagged, vague);
  if (row.label !== 'NOT_REQUIREMENT') count(outcome.requirementsOnly, flagged, vague);
  if (row.stratum === 'random') count(outcome.random, flagged, vague);
  for (const rule of new Set(rules)) {
    const entry = outcome.perRule.get(rule) ?? { tp: 0, fp: 0 };
    if (vague) entry.tp++;
    else entry.fp++;
    outcome.perRule.set(rule, entry);
  }
  const text = row.raw.replace(/\s+/g, ' ').slice(0, 220);
  if (flagged && !vague) outcome.falseAlarms.push(`${row.id} ${row.label} [${hits.join(', ')}] ${text}  (${row.section_path.slice(-60)})`);
  if (!flagged && vague) outcome.misses.push(`${row.id} [${row.words.join(', ')}] ${text}  (${row.section_path.slice(-60)})`);
}

/** The words a finding reports. */
function reported(finding: Finding): string {
  const data = finding.data ?? {};
  return [data.text, data.term, data.phrase, data.modal].find((value): value is string => typeof value === 'string') ?? '';
}

/** Where a labelled sentence set lives: its rows and the folder its `file` paths are relative to. */
export interface SentenceSet {
  labels: string;
  documents: string;
}

/** The shared development set (datasets/sentences over the corpus). */
export const DEV_SENTENCES: SentenceSet = {
  labels: join(SHARED, 'datasets', 'sentences', 'labels.jsonl'),
  documents: join(SHARED, 'corpus'),
};

export function evalSentences(baseline: Baseline, examples: number, set: SentenceSet = DEV_SENTENCES): void {
  const rows = readJsonLines<Labelled>(set.labels);
  const byFile = new Map<string, Labelled[]>();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  const specReady = emptyOutcome();
  const wordList = emptyOutcome();
  let unlocated = 0;
  for (const [file, labelled] of byFile) {
    const doc = readFileSync(join(set.documents, file), 'utf8');
    const result = analyzeSpec(doc, { uri: `file:///${file}`, config: CONFIG });
    const starts = result.findings
      .filter((finding) => CLARITY_RULES.includes(finding.rule))
      .map((finding): [number, Finding] => [offsetAt(result.model, finding.range.start), finding]);
    for (const row of labelled) {
      const span = locate(doc, row.raw, row.line);
      if (!span) {
        unlocated++;
        continue;
      }
      const inside = starts.filter(([offset]) => offset >= span[0] && offset < span[1]).map(([, finding]) => finding);
      const words = inside.map((finding) => `${finding.rule}:${reported(finding)}`);
      record(specReady, row, words, inside.map((finding) => finding.rule));
      const tokens = [...doc.slice(span[0], span[1]).matchAll(baseline.pattern)].map((match) => match[0]);
      record(wordList, row, tokens, tokens.length > 0 ? ['word list'] : []);
    }
  }
  console.log(`\n## Blind-labelled sentences, ${set.labels} (${rows.length} rows; whole documents analysed; flagged = a clarity finding starts in the sentence)\n`);
  if (unlocated > 0) console.log(`(${unlocated} sentences not found in their documents)\n`);
  console.log('| set | method | TP | FP | FN | TN | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, pick] of [
    ['sentences: VAGUE vs rest', (o: Outcome) => o.primary],
    ['sentences: VAGUE vs CLEAR', (o: Outcome) => o.requirementsOnly],
    ['sentences: random stratum', (o: Outcome) => o.random],
  ] as const) {
    console.log(tableRow(name, 'INCOSE R7-R9 word list', pick(wordList)));
    console.log(tableRow(name, 'SpecReady', pick(specReady)));
  }
  const perRule = [...specReady.perRule].map(([rule, { tp, fp }]) => `${rule} ${tp} VAGUE / ${fp} not`).join('; ');
  console.log(`\nSpecReady sentences flagged per rule: ${perRule || 'none'}.`);
  if (examples <= 0) return;
  console.log(`\n### sentences / SpecReady: false alarms (${specReady.falseAlarms.length})`);
  for (const line of specReady.falseAlarms.slice(0, examples)) console.log(`- ${line}`);
  console.log(`\n### sentences / SpecReady: misses (${specReady.misses.length})`);
  for (const line of specReady.misses.slice(0, examples)) console.log(`- ${line}`);
}
