/** One vague term of the lexicon, with what to write instead. */
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
