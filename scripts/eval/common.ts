/** Shared pieces of `npm run eval`: counts, scores, table rows and the word-list baseline. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hiddenContext } from '../../server/src/rules/hidden-context';
import { unmeasurableRequirement } from '../../server/src/rules/unmeasurable-requirement';
import { vagueTerm } from '../../server/src/rules/vague-term';
import { weakModal } from '../../server/src/rules/weak-modal';

export const SHARED = process.env.SPECREADY_SHARED ?? resolve(__dirname, '..', '..', '..', '..', 'shared');

/** The rules whose findings are clarity findings: what people read as "this wording is unclear". */
export const CLARITY_RULES = [vagueTerm.id, weakModal.id, unmeasurableRequirement.id, hiddenContext.id];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

export function count(counts: Counts, flagged: boolean, positive: boolean): void {
  if (flagged && positive) counts.tp++;
  else if (flagged) counts.fp++;
  else if (positive) counts.fn++;
  else counts.tn++;
}

export function scores({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export const TABLE_HEADER = '| set | method | TP | FP | FN | TN | precision | recall | F1 |\n|---|---|---:|---:|---:|---:|---:|---:|---:|';

export function tableRow(set: string, method: string, counts: Counts): string {
  const { precision, recall, f1 } = scores(counts);
  const cells = [set, method, counts.tp, counts.fp, counts.fn, counts.tn, precision.toFixed(3), recall.toFixed(3), f1.toFixed(3)];
  return `| ${cells.join(' | ')} |`;
}

const BASELINE_RULES = ['R7', 'R8', 'R9'];

interface ValeRule {
  rule: string | null;
  tokens: string[];
}

export interface Baseline {
  /** Global, case-insensitive pattern of every R7/R8/R9 token as a whole word. */
  pattern: RegExp;
  rules: string[];
  tokens: number;
}

/** The baseline: every INCOSE GtWR R7/R8/R9 token of the CC-BY-4.0 Vale style, case-insensitive, whole words. */
export function loadBaseline(): Baseline {
  const lexicons = JSON.parse(readFileSync(join(SHARED, 'research', 'lexicons.json'), 'utf8')) as {
    vale_incose_gtwr: { rules: Record<string, ValeRule> };
  };
  const chosen = Object.entries(lexicons.vale_incose_gtwr.rules).filter(([, rule]) => BASELINE_RULES.includes(rule.rule ?? ''));
  const tokens = [...new Set(chosen.flatMap(([, rule]) => rule.tokens.map((token) => token.toLowerCase())))]
    .sort((a, b) => b.length - a.length);
  const escaped = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'giu'),
    rules: chosen.map(([name, rule]) => `${rule.rule} ${name}`),
    tokens: tokens.length,
  };
}

export function baselineDescription(baseline: Baseline): string {
  return `Baseline: ${baseline.tokens} INCOSE GtWR tokens from ${baseline.rules.join(', ')} (tbhb/vale-requirements-writing, CC BY 4.0).`;
}

/** Reads a JSON-lines file. */
export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
}
