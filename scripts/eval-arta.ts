/**
 * Measures vague-requirement detection on the ARTA labelled sets (m-zakeri/ARTA, MIT) against a
 * plain word-list baseline: the INCOSE GtWR vague-term, escape-clause and open-ended-clause tokens
 * (rules R7, R8, R9 of the CC-BY-4.0 Vale style in research/lexicons.json).
 *
 * Each requirement becomes its own document, one list item under "## Requirements", analysed
 * through the public engine API; it counts as flagged when vague-term or
 * unmeasurable-requirement reports anything. A row is positive when its annotators marked any
 * smell. The sets overlap and their annotators disagree, so they are reported separately.
 *
 * Usage: npm run eval [-- --examples 10]   (prints sample false alarms and misses per set; each
 * SpecReady false alarm is prefixed with the words it reported)
 * The shared folder defaults to ../shared next to the project; override with SPECREADY_SHARED.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SpecReadyConfig } from '../server/src/config/types';
import { analyzeSpec } from '../server/src/engine/analyze';
import type { RuleLevel } from '../server/src/rules/types';
import { RULE_IDS } from '../server/src/rules/registry';

const SHARED = process.env.SPECREADY_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared');
const SETS = ['ds1', 'ds3'];
const COUNTED_RULES = ['vague-term', 'unmeasurable-requirement'];
const BASELINE_RULES = ['R7', 'R8', 'R9'];
/**
 * Smell categories outside vague wording: ambiguity of single words, modals, negation, pronouns
 * (vague-term reports only one kind of vague pronoun: "This shall ..." as the subject of a commitment).
 */
const OTHER_SMELLS = ['Polysemy', 'Uncertain_verb', 'Negative', 'Vague_pron.', 'negative_statements', 'vague_pronouns'];

interface Row {
  id: string;
  text: string;
  smells: Record<string, string[]>;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

interface Outcome {
  counts: Counts;
  falseAlarms: string[];
  misses: string[];
}

/** The words that flagged a text (empty when not flagged); the baseline reports "" for a hit. */
type Detector = (text: string) => string[];

// Only the counted rules run: the others cannot change the outcome and would only cost time.
const CONFIG: SpecReadyConfig = {
  rules: Object.fromEntries(RULE_IDS.map((id): [string, RuleLevel] => [id, COUNTED_RULES.includes(id) ? 'warning' : 'off'])),
};

function specReady(text: string): string[] {
  const document = `## Requirements\n\n- ${text.replace(/\s+/g, ' ').trim()}\n`;
  return analyzeSpec(document, { config: CONFIG }).findings
    .filter((finding) => COUNTED_RULES.includes(finding.rule))
    .map((finding) => String(finding.data?.text ?? finding.data?.term ?? finding.rule));
}

interface ValeRule {
  rule: string | null;
  tokens: string[];
}

/** The baseline: every R7/R8/R9 token, case-insensitive, whole words. */
function baselineDetector(): { detect: Detector; rules: string[]; tokens: number } {
  const lexicons = JSON.parse(readFileSync(join(SHARED, 'research', 'lexicons.json'), 'utf8')) as {
    vale_incose_gtwr: { rules: Record<string, ValeRule> };
  };
  const chosen = Object.entries(lexicons.vale_incose_gtwr.rules).filter(([, rule]) => BASELINE_RULES.includes(rule.rule ?? ''));
  const tokens = [...new Set(chosen.flatMap(([, rule]) => rule.tokens.map((token) => token.toLowerCase())))]
    .sort((a, b) => b.length - a.length);
  const escaped = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
  return {
    detect: (text) => (pattern.test(text) ? [''] : []),
    rules: chosen.map(([name, rule]) => `${rule.rule} ${name}`),
    tokens: tokens.length,
  };
}

function readRows(set: string): Row[] {
  return readFileSync(join(SHARED, 'datasets', 'arta', `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
}

function evaluate(rows: Row[], detect: Detector): Outcome {
  const outcome: Outcome = { counts: { tp: 0, fp: 0, fn: 0, tn: 0 }, falseAlarms: [], misses: [] };
  for (const row of rows) {
    const words = detect(row.text);
    const flagged = words.length > 0;
    const vague = Object.keys(row.smells).length > 0;
    if (flagged && vague) outcome.counts.tp++;
    else if (flagged) {
      outcome.counts.fp++;
      const shown = words.filter(Boolean);
      outcome.falseAlarms.push(shown.length > 0 ? `[${shown.join(', ')}] ${row.text}` : row.text);
    } else if (vague) {
      outcome.counts.fn++;
      outcome.misses.push(`${row.text}  ${JSON.stringify(row.smells)}`);
    } else outcome.counts.tn++;
  }
  return outcome;
}

function scores({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function tableRow(set: string, method: string, counts: Counts): string {
  const { precision, recall, f1 } = scores(counts);
  const cells = [set, method, counts.tp, counts.fp, counts.fn, counts.tn, precision.toFixed(3), recall.toFixed(3), f1.toFixed(3)];
  return `| ${cells.join(' | ')} |`;
}

function printExamples(set: string, method: string, outcome: Outcome, count: number): void {
  if (count <= 0) return;
  console.log(`\n### ${set} / ${method}: false alarms (${outcome.falseAlarms.length})`);
  for (const text of outcome.falseAlarms.slice(0, count)) console.log(`- ${text.replace(/\s+/g, ' ')}`);
  console.log(`\n### ${set} / ${method}: misses (${outcome.misses.length})`);
  for (const text of outcome.misses.slice(0, count)) console.log(`- ${text.replace(/\s+/g, ' ')}`);
}

/** How many positives carry only smells that no word list of vague terms can find. */
function labelNote(set: string, rows: Row[]): string {
  const positives = rows.filter((row) => Object.keys(row.smells).length > 0);
  const other = positives.filter((row) => Object.keys(row.smells).every((smell) => OTHER_SMELLS.includes(smell)));
  return `${set}: ${other.length} of ${positives.length} positives are labelled only with ${OTHER_SMELLS.join(', ')} `
    + '(weak-modal, not counted here, covers the uncertain verbs).';
}

function main(): void {
  const flag = process.argv.indexOf('--examples');
  const examples = flag >= 0 ? Number(process.argv[flag + 1]) || 0 : 0;
  const baseline = baselineDetector();
  console.log(`Baseline: ${baseline.tokens} INCOSE GtWR tokens from ${baseline.rules.join(', ')} (tbhb/vale-requirements-writing, CC BY 4.0).`);
  console.log(`SpecReady: a requirement is flagged when ${COUNTED_RULES.join(' or ')} reports it.\n`);
  console.log('| set | method | TP | FP | FN | TN | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const details: Array<[string, string, Outcome]> = [];
  const notes: string[] = [];
  for (const set of SETS) {
    const rows = readRows(set);
    for (const [method, detect] of [['INCOSE R7-R9 word list', baseline.detect], ['SpecReady', specReady]] as const) {
      const outcome = evaluate(rows, detect);
      console.log(tableRow(set, method, outcome.counts));
      details.push([set, method, outcome]);
    }
    notes.push(labelNote(set, rows));
  }
  console.log(`\n${notes.join('\n')}`);
  for (const [set, method, outcome] of details) printExamples(set, method, outcome, examples);
}

main();
