/**
 * Tracing by content: which acceptance criteria check a requirement when the spec does not link
 * them by id. A criterion checks a requirement when it tests what the requirement is about: it
 * names one of the requirement's literals (a code span, a quoted string, an identifier, a status
 * code: `Retry-After`, `addresses_from_service`, 429) or two of its distinctive words ("replica"
 * and "lag", "header" and "row"). A word is distinctive when it is neither a function word nor
 * one that most of the requirements share (the job, the migration, the service they are all
 * about): those say which system, not which behaviour.
 */

/** Function words and the words any requirement uses about anything (words under four letters are never distinctive). */
const COMMON = new Set([
  'with', 'that', 'this', 'these', 'those', 'from', 'into', 'onto', 'when', 'then', 'than', 'which', 'while',
  'where', 'what', 'whose', 'will', 'shall', 'must', 'should', 'would', 'could', 'might', 'does', 'have', 'been',
  'being', 'were', 'there', 'their', 'them', 'they', 'each', 'every', 'only', 'also', 'after', 'before', 'under',
  'over', 'other', 'same', 'more', 'most', 'less', 'least', 'such', 'some', 'both', 'either', 'neither', 'never',
  'always', 'about', 'above', 'below', 'between', 'within', 'without', 'until', 'once', 'again', 'given', 'returns',
  'return', 'system', 'service', 'user', 'users', 'request', 'value', 'values', 'data', 'time', 'times', 'case',
  'cases', 'able', 'used', 'uses', 'using', 'make', 'makes', 'made', 'gets', 'give', 'gives', 'three', 'first',
  'second', 'last', 'true', 'false',
]);

/** Code spans and quoted strings: what a test names exactly. */
const LITERAL = /`([^`\n]+)`|"([^"\n]{2,60})"/g;
/** Identifiers and status-like numbers written in prose: snake_case, dotted.names, kebab-Case headers, 3-digit codes. */
const IDENTIFIER = /\b(?:[a-z]+_[a-z0-9_]+|[a-z]+(?:\.[a-z][\w]*)+|[A-Z][a-z]+(?:-[A-Z][a-z]+)+|[1-5]\d\d)\b/g;

export interface Terms {
  literals: Set<string>;
  words: Set<string>;
}

/** True for a function word or one any requirement uses about anything ("with", "system", "users"). */
export function isCommonWord(word: string): boolean {
  return COMMON.has(word.toLowerCase());
}

/** A word reduced to its stem, so that "uploads", "uploaded" and "upload" meet. */
export function stem(word: string): string {
  return word.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '');
}

export function termsOf(text: string): Terms {
  const literals = new Set<string>();
  for (const match of text.matchAll(LITERAL)) literals.add((match[1] ?? match[2]).trim().toLowerCase());
  const plain = text.replace(LITERAL, ' ');
  for (const match of plain.matchAll(IDENTIFIER)) literals.add(match[0].toLowerCase());
  const words = new Set<string>();
  for (const word of plain.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? []) {
    if (word.length < 4 || COMMON.has(word)) continue;
    words.add(stem(word));
  }
  return { literals, words };
}

/**
 * For each requirement, whether one of the criteria checks it (see the module comment). The
 * requirements are read together: a word most of them share is not distinctive.
 */
export function coveredByContent(requirements: readonly string[], criteria: readonly string[]): boolean[] {
  const required = requirements.map(termsOf);
  const checks = checker(required, criteria);
  return required.map(checks);
}

/**
 * Whether a criterion checks a text (a part of one of the requirements: a response read with the
 * condition before it), with words as distinctive as among the requirements. Built once for a
 * document and asked for every part.
 */
export function contentChecker(requirements: readonly string[], criteria: readonly string[]): (text: string) => boolean {
  const checks = checker(requirements.map(termsOf), criteria);
  return (text) => checks(termsOf(text));
}

function checker(required: readonly Terms[], criteria: readonly string[]): (terms: Terms) => boolean {
  const checked = criteria.map(termsOf);
  const frequency = new Map<string, number>();
  for (const terms of required) for (const word of terms.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const shared = Math.max(2, Math.ceil(required.length / 2));
  return (terms) => {
    const distinctive = [...terms.words].filter((word) => (frequency.get(word) ?? 0) < shared);
    const literals = [...terms.literals];
    return checked.some((criterion) => literals.some((literal) => criterion.literals.has(literal))
      || distinctive.filter((word) => criterion.words.has(word)).length >= 2);
  };
}
