import type { LexiconMatch } from './lexicon';

/**
 * Deferrals: wording with which a design leaves its own decision open. "It would be nice to check
 * that ...", "*Nice to have*: ...", "We should consider what tests can be written", "we might want
 * to do an exception here", "This will need investigation" do not say whether the builder must do
 * the thing, so the contractor has to ask. They are escape clauses in the sense of INCOSE GtWR R8
 * (wording that lets the implementer decide whether the requirement applies) and ISO/IEC/IEEE
 * 29148 5.2.7 loopholes, and NASA ARM's "options" (wording that gives latitude); the published
 * term lists (INCOSE R8 as in tbhb/vale-requirements-writing, ARM, NALABS) list only the
 * "if possible" family, so the phrases are matched by their construction rather than listed:
 *
 * - a wish: "would be nice / good / great / desirable / preferable to|if", "nice / good to have";
 * - the authors' own deliberation: "we may/might/could want to ...", "should/could/might consider"
 *   followed by a gerund or a question clause ("consider adding", "consider whether ..."), not by
 *   a noun ("reviewers should consider these questions", "consider the request's size": take
 *   into account);
 * - work still to do on the design itself: "needs / will need / requires (further) investigation
 *   (research, exploration, experimentation, thought)", "is (yet) to be investigated / explored /
 *   figured out / worked out";
 * - a hedged decision about what the design contains: "could possibly include", "might perhaps
 *   support" (a consequence, "this could possibly break clients", is a forecast and not matched).
 *
 * Someone else's wish is no deferral: "users may want to scope their policies" is the motivation
 * for a feature. Where these are reported (design and requirement statements, not questions,
 * alternatives or future work) is the vague-term rule's decision.
 */
/** One space, or a line break with the next line's indentation. */
const GAP = String.raw`(?: |[ \t]*\r?\n[ \t>]*)`;

const DEFERRAL = new RegExp([
  String.raw`\b(?:would|will) be (?:(?:very|really|quite|also) )?(?:nice|good|great|desirable|preferable) (?:to|if)\b`,
  String.raw`\b(?:nice|good|great)[- ]to[- ]haves?\b`,
  String.raw`\bwe (?:(?:also|still|then|probably) )?(?:may|might|could|would) (?:(?:also|still|then|probably) )?want to\b`,
  String.raw`\b(?:should|might|would|(?<!\b(?:may|might|could) )(?:need|needs|have|has) to) (?:(?:also|still|then|probably|perhaps|want to|wish to) ){0,2}consider(?= (?:whether|if|what|how|which|when|where|who)\b| (?!(?:any|some|every|no)?thing\b|(?:str|r|spr|k|w|sw|sl|br|ceil|morn|even)ing\b)\p{Ll}+ing (?:a|an|the|this|that|these|those|it|them|its|their|our|some|any|all|each|every|such|one|support|more|new)\b)`,
  String.raw`\b(?:(?:will|would|may|might) (?:(?:also|still|probably) )?(?:need|require|warrant)|needs?|requires?|warrants?) (?:(?:some|more|further|additional|careful|deeper|extra) )?(?:investigation|research|exploration|experimentation|thought|study)\b`,
  String.raw`\b(?:is|are|be|remains?) (?:still |yet )?to be (?:investigated|explored|figured out|worked out|researched)\b`,
  String.raw`\b(?:needs?|requires?) (?:(?:some|more|further|additional) )?(?:investigating|exploring)\b`,
  String.raw`\b(?:could|might|may) (?:possibly|perhaps|potentially) (?:also )?(?:include|contain|support|provide|offer|expose|accept|add|ship|carry|return|emit|allow|use)\b`,
].map(spaced).join('|'), 'giu');

/** A space in a pattern above matches any white space: sentences keep the line breaks of their paragraph. */
function spaced(source: string): string {
  // A run of spaces is not matched: inline code is blanked out of sentences ("consider `PodGroup` when").
  return source.split('[- ]').map((part) => part.split(' ').join(GAP)).join(`(?:-|${GAP})`);
}

export const DEFERRAL_HINT = 'say whether it must be built: state it as a requirement, or mark it out of scope';

const ENTRY = { category: 'loophole', hint: DEFERRAL_HINT, sources: ['INCOSE-R8', 'ISO29148', 'ARM'] };

/** A person who is not the author or the system as the subject: a user's wish or a tip to them. */
const PERSON_SUBJECT = /\b(?:users?|you|operators?|administrators?|admins?|customers?|people|developers?|authors?|maintainers?|reviewers?|someone|one|programmers?|clients? authors?)\s+(?:(?:also|still|then|probably|may|might|could|would|should|will|want to|wish to)\s+){0,3}$/i;

/** Later work: "eventually", "in the future", "long term". */
const LATER = /\b(?:eventually|in\s+the\s+future|later|long[- ]term|longer[- ]term|some ?day|at\s+some\s+point|over\s+time|down\s+the\s+(?:road|line))\b/i;

/** The statement says how binding the thing is: "nice to have but not required", "optional". */
const DECIDED = /\bnot\s+(?:(?:strictly|really|a\s+hard|a\s+strict|necessarily)\s+)?(?:required|mandatory|a\s+requirement|requirement|needed|necessary|blocking)\b|\boptional(?:ly)?\b/i;

/** A hedged decision: "could possibly include". */
const HEDGE_MODAL = /^(?:could|might|may)\s/i;
/** A relative clause or a pronoun subject before the modal: "that we", "which", "it". */
const RELATIVE_OR_PRONOUN = /\b(?:that|which|who|what|we|they|you|it|this|i|one)\b[^]*$/i;

/** The clause a match at `index` is in, up to it: punctuation ends a clause. */
function clauseBefore(text: string, index: number): string {
  const parts = text.slice(0, index).split(/[,;:()—–]|\s-\s/);
  return parts[parts.length - 1] ?? '';
}

/** The clause a match ending at `index` is in, from it: punctuation ends a clause. */
function clauseAfter(text: string, index: number): string {
  return text.slice(index).split(/[,;:()—–.]|\s-\s/)[0] ?? '';
}

/** The deferrals in `text`, in text order, as lexicon matches (category loophole). */
export function findDeferrals(text: string): LexiconMatch[] {
  if (!/nice|to have|want to|consider|investigat|research|explor|experiment|thought|study|figured|worked out|possibly|perhaps|potentially/i.test(text)) return [];
  const matches: LexiconMatch[] = [];
  for (const match of text.matchAll(DEFERRAL)) {
    const start = match.index ?? 0;
    const before = clauseBefore(text, start);
    // "users may want to scope their policies": someone else's wish, the motivation for the design.
    if (PERSON_SUBJECT.test(before)) continue;
    // "(Eventually we might want to guarantee this for all unions, ...)", "logic that we might want
    // to add at some point": later work, not this design.
    if (LATER.test(before) || LATER.test(clauseAfter(text, start + match[0].length))) continue;
    // "the methods that we could possibly support": a relative clause names what is conceivable;
    // "this could possibly include" speaks of a consequence.
    if (HEDGE_MODAL.test(match[0]) && RELATIVE_OR_PRONOUN.test(before)) continue;
    // "E2E tests are nice to have but not required for Alpha": the statement decides it.
    if (DECIDED.test(text)) continue;
    matches.push({ entry: { ...ENTRY, term: match[0].toLowerCase().replace(/[\s-]+/g, ' ') }, start, end: start + match[0].length });
  }
  return matches;
}
