/**
 * Each finding phrased as the question a contractor would otherwise have to ask the team. The
 * rule that reported it phrases it from the finding's `data` (`Rule.question`, next to its
 * check); a rule without a phrasing (or a finding whose data is missing) still gets a sensible
 * question built from its message.
 */
import { findRule } from '../rules/registry';
import type { Finding } from '../rules/types';

/** The question for one finding: always a non-empty sentence ending in a question mark or a period. */
export function questionFor(finding: Finding): string {
  try {
    const phrased = findRule(finding.rule)?.question?.(finding);
    if (phrased) return phrased;
  } catch {
    // A rule changed the shape of its data: the fallback below still says what is wrong.
  }
  return fallback(finding);
}

function fallback(finding: Finding): string {
  const message = finding.message.trim().replace(/\.?$/, '.');
  return `Can you clarify this? ${message}`;
}
