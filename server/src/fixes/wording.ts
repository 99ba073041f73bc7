import type { Finding } from '../rules/types';
import type { QuickFix } from './types';

/**
 * Inserts a measurable placeholder right after a vague term, e.g. "fast (TBD: state a latency
 * target, e.g. p95 < 200 ms)". The TBD is itself a `placeholder` finding until the author fills
 * it in, so the fix never hides the problem, it only makes the missing number explicit.
 */
export function measurablePlaceholderFix(finding: Finding): QuickFix | undefined {
  if (finding.rule !== 'vague-term' && finding.rule !== 'unmeasurable-requirement') return undefined;
  const hint = typeof finding.data?.hint === 'string' ? finding.data.hint : undefined;
  if (!hint) return undefined;
  const end = finding.range.end;
  return {
    title: `Add a measurable target: ${hint}`,
    rule: finding.rule,
    isPreferred: true,
    edits: [{ range: { start: end, end }, newText: ` (TBD: ${hint})` }],
  };
}

const RFC_2119 = ['MUST', 'SHOULD', 'MAY'] as const;

/** Replaces a lowercase modal with an RFC 2119 keyword: the suggested one first (preferred). */
export function weakModalFixes(finding: Finding): QuickFix[] {
  if (finding.rule !== 'weak-modal') return [];
  const suggested = typeof finding.data?.replacement === 'string' ? finding.data.replacement : 'MUST';
  const choices = [suggested, ...RFC_2119.filter((keyword) => keyword !== suggested && keyword !== 'MAY')];
  return choices.map((keyword, index) => ({
    title: `Replace "${String(finding.data?.modal ?? '')}" with ${keyword}`,
    rule: finding.rule,
    isPreferred: index === 0,
    edits: [{ range: finding.range, newText: keyword }],
  }));
}
