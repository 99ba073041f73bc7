import { DIMENSION_IDS, DIMENSION_LABELS, DIMENSION_WEIGHTS, type Breakdown, type ReadinessBlocker } from './types';

/** What an explanation needs: the parts of an analysis result or a readiness report. */
export interface Explainable {
  score: number;
  ready: boolean;
  threshold: number;
  breakdown: Breakdown;
  blockers: readonly Pick<ReadinessBlocker, 'kind' | 'message'>[];
}

/** The verdict in one line, with the first blocker when there is one. */
export function verdictLine(result: Explainable): string {
  if (result.ready) return `ready: ${result.score}/100 (threshold ${result.threshold})`;
  const [first] = result.blockers;
  if (first) {
    const more = result.blockers.length > 1 ? ` (and ${result.blockers.length - 1} more)` : '';
    return `not ready whatever the score: ${first.message}${more}`;
  }
  return `not ready: ${result.score}/100, needs ${result.threshold}`;
}

/**
 * Every lost point with its reason, blockers first: the text of `specready check --explain`,
 * the hover on the score and READINESS.md. Plain text; `markdown` escapes nothing itself, the
 * caller decides how to render items.
 */
export function explanationLines(result: Explainable): string[] {
  const lines: string[] = [];
  if (result.blockers.length > 0) {
    lines.push('Blockers (not ready whatever the score):');
    for (const blocker of result.blockers) lines.push(`  - ${blocker.message}`);
  }
  for (const id of DIMENSION_IDS) {
    const dimension = result.breakdown[id];
    lines.push(`${DIMENSION_LABELS[id]} ${dimension.score}/100 (weight ${Math.round(dimension.weight * 100)}%; ${dimension.evidence})`);
    for (const reason of dimension.reasons) {
      const items = reason.items && reason.items.length > 0 ? ` — ${reason.items.join(', ')}` : '';
      const message = reason.message.replace(/^[^:]+: /, '');
      lines.push(`  -${formatPoints(reason.lost)} ${message}${items}`);
    }
  }
  return lines;
}

function formatPoints(points: number): string {
  return `${Number.isInteger(points) ? points : points.toFixed(1)}`.padStart(4);
}

/** A breakdown with every dimension at 0 and one reason, for files that could not be read. */
export function emptyBreakdown(reason: string): Breakdown {
  const breakdown = {} as Breakdown;
  for (const id of DIMENSION_IDS) {
    breakdown[id] = { score: 0, weight: DIMENSION_WEIGHTS[id], evidence: reason, reasons: [] };
  }
  return breakdown;
}
