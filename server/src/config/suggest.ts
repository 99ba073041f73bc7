/**
 * "did you mean" support for misspelt keys, rule ids, values and options: the candidate within
 * a small edit distance, else the only candidate the word abbreviates ("warn" for "warning").
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return nearest(word, candidates) ?? abbreviated(word, candidates);
}

function abbreviated(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  const lower = word.toLowerCase();
  const matches = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return matches.length === 1 ? matches[0] : undefined;
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
 * characters as one edit (optimal string alignment): "titel" is one typo away from "title".
 * Three rolling rows: the inputs are short keys.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2] + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
