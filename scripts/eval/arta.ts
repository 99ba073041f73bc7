/**
 * The ARTA labelled sets (m-zakeri/ARTA, MIT): each requirement becomes its own document, one
 * list item under "## Requirements", analysed through the public engine API; it counts as flagged
 * when vague-term or unmeasurable-requirement reports anything. A row is positive when its
 * annotators marked any smell. The sets overlap and their annotators disagree, so they are
 * reported separately.
 */
import { join } from 'node:path';
import type { SpecReadyConfig } from '../../server/src/config/types';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { RULE_IDS } from '../../server/src/rules/registry';
import { unmeasurableRequirement } from '../../server/src/rules/unmeasurable-requirement';
import { vagueTerm } from '../../server/src/rules/vague-term';
import type { RuleLevel } from '../../server/src/rules/types';
import { count, emptyCounts, readJsonLines, SHARED, tableRow, type Baseline, type Counts } from './common';

const SETS = ['ds1', 'ds3'];
const COUNTED_RULES = [vagueTerm.id, unmeasurableRequirement.id];
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

interface Outcome {
  counts: Counts;
  falseAlarms: string[];
  misses: string[];
  /** Per reported word: rows it flagged that are positive / negative. */
  terms: Map<string, { tp: number; fp: number }>;
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
    .map((finding) => [finding.data?.term, finding.data?.text].find((value): value is string => typeof value === 'string') ?? finding.rule);
}

function evaluate(rows: Row[], detect: Detector): Outcome {
  const outcome: Outcome = { counts: emptyCounts(), falseAlarms: [], misses: [], terms: new Map() };
  for (const row of rows) {
    const words = detect(row.text);
    const flagged = words.length > 0;
    const vague = Object.keys(row.smells).length > 0;
    count(outcome.counts, flagged, vague);
    for (const word of new Set(words.filter(Boolean).map((w) => w.toLowerCase()))) {
      const entry = outcome.terms.get(word) ?? { tp: 0, fp: 0 };
      if (vague) entry.tp++;
      else entry.fp++;
      outcome.terms.set(word, entry);
    }
    if (flagged && !vague) {
      const shown = words.filter(Boolean);
      outcome.falseAlarms.push(shown.length > 0 ? `[${shown.join(', ')}] ${row.text}` : row.text);
    } else if (!flagged && vague) outcome.misses.push(`${row.text}  ${JSON.stringify(row.smells)}`);
  }
  return outcome;
}

function printExamples(set: string, method: string, outcome: Outcome, limit: number): void {
  if (limit <= 0) return;
  console.log(`\n### ${set} / ${method}: false alarms (${outcome.falseAlarms.length})`);
  for (const text of outcome.falseAlarms.slice(0, limit)) console.log(`- ${text.replace(/\s+/g, ' ')}`);
  console.log(`\n### ${set} / ${method}: misses (${outcome.misses.length})`);
  for (const text of outcome.misses.slice(0, limit)) console.log(`- ${text.replace(/\s+/g, ' ')}`);
}

/** How many positives carry only smells that no word list of vague terms can find. */
function labelNote(set: string, rows: Row[]): string {
  const positives = rows.filter((row) => Object.keys(row.smells).length > 0);
  const other = positives.filter((row) => Object.keys(row.smells).every((smell) => OTHER_SMELLS.includes(smell)));
  return `${set}: ${other.length} of ${positives.length} positives are labelled only with ${OTHER_SMELLS.join(', ')} `
    + '(weak-modal, not counted here, covers the uncertain verbs).';
}

/** Per-word counts, for weighing lexicon entries: "term tp/fp", most frequent first. */
export function termTable(terms: Map<string, { tp: number; fp: number }>): string {
  return [...terms].sort((a, b) => (b[1].tp + b[1].fp) - (a[1].tp + a[1].fp)).map(([term, { tp, fp }]) => `${term} ${tp}/${fp}`).join(', ');
}

export function evalArta(baseline: Baseline, examples: number, terms = false): void {
  const detectBaseline: Detector = (text) => (new RegExp(baseline.pattern.source, 'iu').test(text) ? [''] : []);
  console.log(`\n## ARTA requirement sets (each requirement alone under "## Requirements"; flagged = ${COUNTED_RULES.join(' or ')})\n`);
  console.log('| set | method | TP | FP | FN | TN | precision | recall | F1 |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const details: Array<[string, string, Outcome]> = [];
  const notes: string[] = [];
  for (const set of SETS) {
    const rows = readJsonLines<Row>(join(SHARED, 'datasets', 'arta', `${set}.jsonl`));
    for (const [method, detect] of [['INCOSE R7-R9 word list', detectBaseline], ['SpecReady', specReady]] as const) {
      const outcome = evaluate(rows, detect);
      console.log(tableRow(set, method, outcome.counts));
      details.push([set, method, outcome]);
    }
    notes.push(labelNote(set, rows));
  }
  console.log(`\n${notes.join('\n')}`);
  if (terms) {
    for (const [set, method, outcome] of details) {
      if (method === 'SpecReady') console.log(`\n${set} terms (flagged positive/negative rows): ${termTable(outcome.terms)}`);
    }
  }
  for (const [set, method, outcome] of details) printExamples(set, method, outcome, examples);
}
