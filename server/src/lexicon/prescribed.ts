/**
 * Graded words that leave open what a design prescribes. In design prose, graded words mostly
 * describe the design ("The X and Y types will be very similar", "a simple approach", "various
 * callers"); two constructions prescribe instead, and there the word is the builder's to guess:
 * - the threshold of a condition that triggers the system's behaviour: "when a variable is
 *   sufficiently large, we will place it on host memory", "if the queue grows too long, the proxy
 *   sheds load" (how large? how long?);
 * - a quality asked of what a must or should has the system produce or offer: "the loader should
 *   fill the gaps with reasonable behaviour", "users must have an easy way to access it".
 * The statement's binding is the caller's to check; these read only the construction around the word.
 */
import type { LexiconMatch } from './lexicon';
import { CLAUSE_BREAK } from './senses';

/** Graded predicates of size, amount, degree and duration that a condition can turn on. */
const THRESHOLD_WORDS: ReadonlySet<string> = new Set([
  'large', 'big', 'huge', 'small', 'tiny', 'long', 'short', 'high', 'low', 'slow', 'fast', 'sufficiently', 'sufficient',
  'enough', 'excessive', 'significant', 'too *', 'larger', 'smaller', 'bigger', 'higher', 'lower', 'longer', 'shorter',
]);

/**
 * A condition clause whose predicate is the word: "when a variable is (sufficiently)", "if the queue
 * grows (too)", "once the log gets". The subject is at most six words and not the authors or the
 * readers ("if we are sufficiently confident" is a premise of the argument, not the system's trigger),
 * and the clause is no question someone is asked to settle ("identify if the rescore path is slow").
 */
const CONDITION_PREDICATE = /(?<!\b(?:identify|check|determine|decide|verify|see|know|tell|detect|ask|test|confirm|show|indicate|report|find out|learn|notice|wonder|evaluate|assess)\s+)\b(?:if|when|whenever|once|unless|until|as soon as)\s+(?!(?:we|you|i|they|users?|people|developers?|authors?|reviewers?)\b)(?:[\p{L}\d_`'’.-]+\s+){1,6}?(?:is|are|becomes?|gets?|grows?|goes|stays?|remains?|seems?|turns?|runs?|takes?)\s+(?:(?:too|sufficiently|very|quite|relatively|extremely|overly|particularly|really|much|not|still)\s+)?$/iu;

/**
 * True when a graded word is the predicate of a condition that triggers behaviour ("When a variable
 * is sufficiently large, we will place it on host memory"): the statement acts at a threshold it does
 * not give. A comparison ("larger than the page size") is settled by what it compares to, elsewhere.
 */
export function thresholdOfCondition(text: string, match: LexiconMatch): boolean {
  if (!THRESHOLD_WORDS.has(match.entry.term.toLowerCase())) return false;
  return CONDITION_PREDICATE.test(text.slice(0, match.start)) && !/^\s+(?:than|as)\b/i.test(text.slice(match.end));
}

/**
 * Evaluative words: usability, a criterion, a judgement of worth or clarity. Comparatives are left
 * out: "will have better observability" states a benefit over today, not a quality to build.
 */
const EVALUATIVE_TERMS: ReadonlySet<string> = new Set([
  'easy', 'simple', 'reasonable', 'appropriate', 'suitable', 'adequate', 'acceptable', 'sensible',
  'proper', 'useful', 'meaningful', 'readable', 'understandable', 'clear', 'good', 'intuitive', 'convenient',
  'user-friendly', 'efficient', 'lightweight', 'robust', 'optimal', 'effective', 'familiar',
]);

/**
 * An obligation or a commitment of the design and a verb of producing or offering, up to the word,
 * which opens the verb's object or what the action is done with: "should fill the gaps with", "must
 * have an", "will add". A word in another phrase of the action names a case or a means ("derive an
 * implementation for simple enums"), and other verbs describe the design's own choices ("will use a
 * reasonable approach") or weigh them ("should consider a reasonable default").
 */
const OBLIGED_ACTION = /\b(?:must|shall|should|will|needs? to|has to|have to)\s+(?:(?:also|always|still|then|only|now|first|either)\s+)?(?:have|provide|offer|add|emit|return|fill|produce|generate|expose|include|record|show|display|report|pick|choose|select|apply|assign|set|log|print|raise|throw|create|write|ship|publish|surface|attach|post)\s+(?:(?:[\p{L}\d_`'’-]+\s+){0,3}?with\s+)?(?:(?:a|an|some|any|more)\s+)?$/iu;

/** Nouns of the design's own method: "a reasonable approach", "a simple solution" judge the design, not its output. */
const DESIGN_NOUN = /^[\s-]+(?:[\p{L}-]+\s+)?(?:approach|solution|strategy|design|trade-?off|compromise|plan|method|heuristic|choice|option|alternative|starting point|first step)s?\b/iu;

/**
 * A deliverable named as the subject of its own making: "Appropriate tests will be added", "Suitable
 * error messages must be emitted".
 */
const MADE_AFTER = /^\s+(?:[\p{L}\d_`'’/-]+\s+){1,4}?(?:will|should|must|shall)\s+(?:also\s+)?be\s+(?:added|created|provided|written|implemented|introduced|included|emitted|returned|shown|displayed|logged|reported|generated|produced|recorded|published)\b/iu;

/** A noun after the word: the word is attributive ("a reasonable default"), not a predicate ("... enough"). */
const NOUN_AFTER = /^[\s-]+(?!(?:to|for|of|and|or|than|as|in|on|at|by|with|that|which|enough)\b)\p{L}{2,}/iu;

/**
 * A determiner that fixes which one is meant: "the appropriate channel", "its effective value", "the
 * proper calculation" pick one the context determines; "a reasonable default", "appropriate events"
 * leave the choice open.
 */
const DETERMINED_BEFORE = /(?:\b(?:the|its|their|his|her|this|that|these|those|our|your|my|each|every|same|other)|['’]s)\s+(?:[\p{L}-]+\s+)?$/iu;

/**
 * The rule that decides it, stated elsewhere in the document and pointed to in the statement: "an
 * appropriate completion-handler parameter ..., using what is effectively the inverse of the
 * transformation described in the previous section".
 */
const RULE_ELSEWHERE = /^[^.;]*\b(?:described|defined|specified|outlined|listed|explained|given)\s+(?:in|above|below|earlier|later|by)\b/i;

/**
 * True when an evaluative word qualifies what an obligation or commitment has the system produce or
 * offer ("should fill the gaps with reasonable behaviour", "must have an easy way to access it", "We
 * will add appropriate tests", "Appropriate events will be recorded"): the quality of the output is
 * left to the builder's judgement.
 */
export function qualityOfOutput(text: string, match: LexiconMatch): boolean {
  if (!EVALUATIVE_TERMS.has(match.entry.term.toLowerCase())) return false;
  const before = text.slice(0, match.start);
  const after = text.slice(match.end);
  const clause = before.split(CLAUSE_BREAK).pop() ?? '';
  if (DETERMINED_BEFORE.test(clause) || !NOUN_AFTER.test(after) || DESIGN_NOUN.test(after) || RULE_ELSEWHERE.test(after)) return false;
  if (/^[\s*_>-]*(?:(?:a|an|some)\s+)?$/i.test(before)) return MADE_AFTER.test(after);
  return OBLIGED_ACTION.test(clause);
}
