/**
 * The vague-wording lexicon shared by `vague-term` and the hover/quick-fix hints.
 * Implementation: see createLexicon below.
 */
export interface LexiconEntry {
  /** The term as shown to users ("fast", "as appropriate", "etc."). */
  term: string;
  /** Requirement-smell category, e.g. "subjective", "ambiguous", "open-ended", "loophole". */
  category: string;
  /** How to rewrite it into something testable ("state a latency target, e.g. p95 < 200 ms"). */
  hint: string;
  /** Citations (short source keys documented in the rule docs). */
  sources?: string[];
}

export interface LexiconMatch {
  entry: LexiconEntry;
  /** Offsets into the searched text; end is exclusive. */
  start: number;
  end: number;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  /** All non-overlapping matches, longest term first at each position, in text order. */
  find(text: string): LexiconMatch[];
  /** Entry for a term as written (case-insensitive), for hovers and quick fixes. */
  lookup(term: string): LexiconEntry | undefined;
}
