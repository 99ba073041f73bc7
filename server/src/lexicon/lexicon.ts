import type { LexiconEntry } from './entry';
import { LruCache } from '../util/lru';
import { BENIGN_PHRASES, BUILTIN_TERMS, DEFAULT_HINT } from './terms';

/**
 * The vague-wording lexicon shared by the vague-term rule and the hover/quick-fix hints.
 * Implementation: see createLexicon below.
 */
export type { LexiconEntry };

export interface LexiconMatch {
  entry: LexiconEntry;
  /** Offsets into the searched text; end is exclusive. */
  start: number;
  end: number;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  /**
   * All non-overlapping matches, longest term first at each position, in text order. The list is
   * shared by everyone who asks about the same text: read it, do not change it.
   */
  find(text: string): readonly LexiconMatch[];
  /** Entry for a term as written (case-insensitive), for hovers and quick fixes. */
  lookup(term: string): LexiconEntry | undefined;
}


/** Configured changes to the built-in lexicon (the `vocabulary` setting). */
export interface VocabularyChanges {
  add?: Array<string | { term: string; category?: string; hint?: string }>;
  remove?: string[];
}

/**
 * Builds the lexicon: built-in terms, minus removed ones, plus added ones (an added term replaces
 * a built-in with the same spelling). All terms are compiled into one case-insensitive regular
 * expression, longest first, so a document is scanned once however long the list is.
 */
export function createLexicon(vocabulary: VocabularyChanges = {}): Lexicon {
  const removed = new Set((vocabulary.remove ?? []).map(termKey));
  const byKey = new Map<string, LexiconEntry>();
  for (const entry of BUILTIN_TERMS) {
    if (!removed.has(termKey(entry.term))) byKey.set(termKey(entry.term), entry);
  }
  for (const addition of vocabulary.add ?? []) {
    const entry = typeof addition === 'string' ? { term: addition } : addition;
    if (!entry.term?.trim()) continue;
    byKey.set(termKey(entry.term), { term: entry.term.trim(), category: entry.category ?? 'custom', hint: entry.hint ?? DEFAULT_HINT });
  }
  const benign = BENIGN_PHRASES.filter((phrase) => !byKey.has(termKey(phrase)) && !removed.has(termKey(phrase)));
  return new CompiledLexicon([...byKey.values()], benign);
}

/** Normal form used to compare terms: lower case, hyphens as spaces, no trailing period. */
export function termKey(term: string): string {
  return term.trim().toLowerCase().replace(/[\s\-‐–]+/g, ' ').replace(/\.$/, '');
}

class CompiledLexicon implements Lexicon {
  readonly entries: readonly LexiconEntry[];
  private readonly pattern: RegExp;
  /** Alternatives in pattern order; undefined marks a benign phrase. */
  private readonly alternatives: Array<LexiconEntry | undefined>;
  private readonly byKey: Map<string, LexiconEntry>;
  private readonly wildcards: Array<{ entry: LexiconEntry; whole: RegExp }>;
  private readonly found = new LruCache<string, readonly LexiconMatch[]>(8192);

  constructor(entries: LexiconEntry[], benign: string[]) {
    this.entries = entries;
    this.byKey = new Map(entries.map((entry) => [termKey(entry.term), entry]));
    this.wildcards = entries
      .filter((entry) => hasWildcard(entry.term))
      .map((entry) => ({ entry, whole: new RegExp(`^${termPattern(entry.term)}$`, 'iu') }));
    const ordered: Array<{ term: string; entry: LexiconEntry | undefined }> = [
      ...entries.map((entry) => ({ term: entry.term, entry })),
      ...benign.map((term) => ({ term, entry: undefined })),
    ].sort((a, b) => b.term.length - a.term.length || Number(hasWildcard(a.term)) - Number(hasWildcard(b.term)));
    this.alternatives = ordered.map((item) => item.entry);
    const body = ordered.map((item) => `(${termPattern(item.term)})`).join('|');
    // A word may not continue on either side; a hyphen joins words ("fast-forward" is not "fast")
    // and a slash or dot makes a path or name ("/etc/hosts", "config.simple").
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_\\-/.])(?:${body || '(?!)'})(?![\\-/.]?[\\p{L}\\p{N}_])`, 'giu');
  }

  find(text: string): readonly LexiconMatch[] {
    // Several rules search the same sentences, and a document being edited keeps most of them.
    let matches = this.found.get(text);
    if (!matches) {
      matches = this.search(text);
      // The key is a copy: a sentence is a substring that would keep its whole document alive.
      this.found.set((' ' + text).slice(1), matches);
    }
    return matches;
  }

  private search(text: string): readonly LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(text); match; match = this.pattern.exec(text)) {
      let group = 1;
      while (group < match.length && match[group] === undefined) group++;
      const entry = this.alternatives[group - 1];
      if (entry) matches.push({ entry, start: match.index, end: match.index + match[0].length });
    }
    return Object.freeze(matches);
  }

  lookup(term: string): LexiconEntry | undefined {
    const exact = this.byKey.get(termKey(term));
    if (exact) return exact;
    const spelled = term.trim();
    return this.wildcards.find((wildcard) => wildcard.whole.test(spelled))?.entry;
  }
}

/** Regular expression source for one term (see terms.ts for the syntax). */
function termPattern(term: string): string {
  const trimmed = term.trim();
  const optionalPeriod = trimmed.endsWith('.') && trimmed.length > 1;
  const words = (optionalPeriod ? trimmed.slice(0, -1) : trimmed).split(/[\s\-‐–]+/);
  const source = words
    .map((word) => WILDCARDS.get(word) ?? escapeRegExp(word))
    .join('[\\s\\-‐–]+');
  return optionalPeriod ? `${source}\\.?` : source;
}

/** "*" is one word; "#" one number or range, with a unit written straight after it ("5ms", "5-10%"). */
const NUMBER = '\\p{N}+(?:[.,]\\p{N}+)*';
const WILDCARDS: ReadonlyMap<string, string> = new Map([
  ['*', '[\\p{L}]+'],
  ['#', `${NUMBER}(?:\\s?[-–]\\s?${NUMBER})?(?:[\\p{L}]+|%)?`],
]);

function hasWildcard(term: string): boolean {
  return term.split(/[\s\-‐–]+/).some((word) => WILDCARDS.has(word));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
