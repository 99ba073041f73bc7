import type { Finding } from '../types';
import { example, hole, replaceWith } from './snippet';
import type { QuickFix } from '../types';

/**
 * Inserts a measurable target right after a vague term: "fast (p95 < 200 ms)". The target is a
 * tab stop whose default is the hint's example, for the author to replace with the real number;
 * a hint without an example inserts a hole (an HTML comment in plain text) saying what to state.
 * Nothing inserted is itself reported as an error.
 */
export function measurablePlaceholderFix(finding: Finding): QuickFix | undefined {
  const hint = finding.data?.hint;
  if (!hint) return undefined;
  const end = finding.range.end;
  const sample = /\be\.g\.,?\s*(.+)$/.exec(hint)?.[1].replace(/^["“]|["”]$/g, '').trim();
  const pieces = sample ? [' (', example(sample), ')'] : [' ', hole(hint)];
  return {
    title: `Add a measurable target: ${hint}`,
    rule: finding.rule,
    isPreferred: true,
    edits: [replaceWith({ start: end, end }, pieces)],
  };
}

const RFC_2119 = ['MUST', 'SHOULD', 'MAY'] as const;

/** Replaces a lowercase modal with an RFC 2119 keyword: the suggested one first (preferred). */
export function weakModalFixes(finding: Finding, data: { modal: string; replacement: string } | undefined): QuickFix[] {
  const suggested = data?.replacement ?? 'MUST';
  const choices = [suggested, ...RFC_2119.filter((keyword) => keyword !== suggested && keyword !== 'MAY')];
  return choices.map((keyword, index) => ({
    title: `Replace "${data?.modal ?? ''}" with ${keyword}`,
    rule: finding.rule,
    isPreferred: index === 0,
    edits: [{ range: finding.range, newText: keyword }],
  }));
}
