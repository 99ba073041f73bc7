/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'no', 'approx', 'incl', 'esp', 'fig',
  'eq', 'sec', 'al', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'u.s', 'v',
]);

export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Splits a block of prose into sentences: a `.`, `!` or `?` followed by white space and the
 * start of a new sentence ends one, except after a known abbreviation or a single initial.
 * Line breaks inside a paragraph do not end a sentence (Markdown joins them).
 */
export function splitSentences(block: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /[.!?]+["')\]*_]*(?=\s+["'([*_]*[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(block); match; match = boundary.exec(block)) {
    if (match[0].startsWith('.') && isAbbreviation(block, match.index)) continue;
    const end = match.index + match[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < block.length) spans.push({ start, end: block.length });
  return spans;
}

function isAbbreviation(block: string, periodIndex: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(block.slice(Math.max(0, periodIndex - 12), periodIndex))?.[1] ?? '';
  if (!word) return false;
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}
