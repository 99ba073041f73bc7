import { nearestWithin } from '../model/edit-distance';

export { editDistance } from '../model/edit-distance';

/**
 * "did you mean" support for misspelt keys, rule ids, values and options: the candidate within
 * a small edit distance, else the only candidate the word abbreviates ("warn" for "warning").
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return nearestWithin(word, candidates, Math.max(1, Math.floor(word.length / 3))) ?? abbreviated(word, candidates);
}

function abbreviated(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  const lower = word.toLowerCase();
  const matches = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return matches.length === 1 ? matches[0] : undefined;
}
