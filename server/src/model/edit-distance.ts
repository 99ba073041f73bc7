/**
 * Edit distance and the nearest candidate within a distance, for every "did you mean"
 * (configuration keys and values, command-line options, rule ids, link fragments).
 */
import { itemAt } from '../util/indexed';

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
 * characters as one edit (optimal string alignment): "titel" is one typo away from "title".
 * Three rolling rows; gives up (returning `limit`) once every path reaches the limit.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(itemAt(previous, j) + 1, itemAt(current, j - 1) + 1, itemAt(previous, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, itemAt(before, j - 2) + 1);
      current.push(distance);
    }
    // A swap reaches back two rows, so a row may dip below the limit only if this one or the last does.
    if (Math.min(...current) >= limit && Math.min(...previous) >= limit) return limit;
    before = previous;
    previous = current;
  }
  return itemAt(previous, b.length);
}

/** The candidate closest to `word` (ignoring case) at most `maxDistance` edits away; the first one on a tie. */
export function nearestWithin(word: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
