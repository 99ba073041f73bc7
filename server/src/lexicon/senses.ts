/**
 * Word senses: a lexicon word is vague in one reading and precise in another. The tests here read
 * the words around a match (part of speech from closed word classes and English morphology, the
 * phrase it sits in) to tell them apart:
 * - an interrogative: "how many retries a client makes", "how long it takes" asks, it does not
 *   leave a quantity open;
 * - a quantity that opens a condition describes a case ("if some requests fail"), and a
 *   quantifier of kinds followed by the kinds ("various values, including:") is settled;
 * - a capitalised word inside a sentence is a name ("the Performance API");
 * - "most" is a quantifier before a plural noun or "of" ("most users", "most of the pods"), a
 *   superlative marker before an adjective or adverb ("the most common encodings", "most likely");
 * - a size word naming a kind of name or form ("short name", "long form") is a classifier;
 * - a criterion word ("enough", "appropriate", "valid") with the criterion named right after it
 *   ("enough credit to cover the fee (see `check_fee()`)", "as defined in RFC 3339") is settled;
 * - an approximation whose exact value the same section gives ("approximately 2 seconds" next to
 *   a constant defined as 2 s) is settled.
 */
import type { Sentence, SpecModel } from '../model/types';
import { offsetAt } from '../model/text';
import type { LexiconMatch } from './lexicon';

/** "how many", "how long", "how fast": a question about the quantity. */
const INTERROGATIVE = /\bhow\s+$/i;

/** A question the statement asks someone to settle: "Determine if additional tests are necessary". */
const EMBEDDED_QUESTION = /\b(?:determine|decide|evaluate|assess|investigate|check|consider|discuss|figure out|find out|verify|ask)\s+(?:if|whether)\b[^,;.]*$|\b(?:address|answer|explore|study|investigate|determine|decide|evaluate|assess|figure out|find out|work out)\s+(?:how|what|which)\b[^,;.]*$/i;

/** What a statement asks someone to explain: "Documentation is added to demonstrate why this is useful". */
const EXPLAINED_QUESTION = /\b(?:demonstrat|explain|describ|document|show|illustrat|clarif|justif|outlin|detail)\p{L}*\s+(?:\p{L}+\s+){0,3}?(?:why|how|what|whether|when|which)\b[^,;.]*$/iu;
/**
 * What an example or a guide is asked to show: "Provide clear example on what permission the user should
 * have to impersonate certain verbs on certain resources". The words inside the question stand for
 * whichever case the example picks; the deliverable is the example ("clear" before it is still read).
 */
const EXAMPLE_QUESTION = /\b(?:examples?|guidance|guides?|documentation|instructions|explanations?|walk ?throughs?)\s+(?:on|of|for|about|showing|explaining|describing|that (?:shows?|explains?))\s+(?:how|what|which|why|whether|when)\b[^,;.]*$/iu;

/** "so long as it is stable", "as long as the feature is enabled": a condition, not a duration. */
const CONDITION_IDIOM = /\b(?:so|as)\s+$/i;

/** Words after "most" that make it a superlative marker: adjectives and adverbs by form or class. */
const ADJECTIVE_FORM = /^(?:\p{L}+(?:al|ial|ent|ant|ive|ous|ic|ical|able|ible|ful|less|ary|ory|ar|ile|ed|ing|ly|ish|est|ern)|common|likely|recent|important|popular|frequent|basic|simple|obvious|natural|useful|strict|safe|secure|stable|flexible|clear|direct|complete|accurate|robust|appropriate|relevant|used|widely|often|well|much|severe|specific|general|complex|cheap|expensive|expressive|powerful|precise|concise|sensible|restrictive|permissive|conservative|aggressive|verbose|likely|unlikely|straightforward)$/iu;

/** Nouns that a size word classifies rather than measures: "short name", "long form". */
const NAMING_NOUNS = /^(?:names?|forms?|descriptions?|versions?|options?|flags?|ids?|identifiers?|hash(?:es)?|codes?|links?|paths?|titles?|labels?|hands?|formats?|syntax|notation|spelling|words?|keys?)\b/i;

/** An open conditional clause before the word: "If some requests fail", "when many pods restart". */
const CONDITION_CLAUSE = /\b(?:if|when|whenever|unless|in case|once|while)\s+(?:\p{L}+\s+)?$/iu;

/** A condition on what the authors plan, want or expect: "if we are going to have", "if we want to support". */
const PREMISE_CONDITION = /\b(?:if|when|once|as)\s+(?:we|you)\s+(?:are going to|plan to|want to|wish to|expect to|intend to|hope to|anticipate|expect|want)\b[^,;:.]*$/i;
/** A verb that names a value someone supplies: "specifying a number of threads", "set a number of retries". */
const PARAMETER_VERB = /\b(?:specify|specifying|specifies|set|sets|setting|configure|configures|configuring|choose|chooses|choosing|select|selects|selecting|override|overrides|overriding|adjust|adjusting|tune|tuning|enter|entering)\s+(?:the\s+)?$/i;

/** Quantifiers read as "at least one" in a condition; "when many merchants" still leaves "many" open. */
const EXISTENTIAL = new Set(['some', 'any']);

/** The members of the set listed right after it. */
const ENUMERATED = /^[^.;:]{0,50}?(?:\b(?:including|namely|i\.\s?e\.)|:\s*$|\((?!\s*e\.\s?g)[^)]*,[^)]*\))/i;

/** Criterion words that a condition reads as a yes or no: "if the token is valid", "as long as it is correctly enabled". */
const BINARY_CRITERIA: ReadonlySet<string> = new Set(['correct', 'correctly', 'properly', 'valid']);
/** Inside a condition clause, up to the word. */
const INSIDE_CONDITION = /\b(?:if|unless|as long as|so long as|provided that|only when|whenever)\b[^,;:.]*$/i;

/** Quantifiers of kinds and members, which a list of them settles ("some controllers (Tekton, AppWrapper)"); counts ("several", "a few") stay open. */
const KIND_QUANTIFIERS = new Set(['various', 'a variety of', 'a wide range of', 'certain', 'different', 'some']);

/**
 * "different" leaves the kinds open only as a bare quantifier of a plural noun ("shall support
 * different languages"); counted or determined ("ten different languages", "the different pages"),
 * compared ("different from v1") or as a predicate ("must have different names", "is different")
 * it says the members are distinct.
 */
function differentLeavesKindsOpen(before: string, after: string, next: string): boolean {
  if (!isPluralNoun(next) || /^[\s-]+\p{L}+\s+(?:from|than|to)\b/iu.test(after) || REFERENCE_NAMED.test(after)) return false;
  // "different merge strategies for different policies", "a different key per tenant": one for each
  // of the other kind, a distribution rather than an open set (either word of the pair).
  if (DISTRIBUTES_OVER.test(after) || DISTRIBUTED_FROM.test(before)) return false;
  // "re-use of phases across different workflows": spread over distinct ones, whichever they are.
  return !/(?:\b(?:the|these|those|their|its|our|two|three|four|five|six|seven|eight|nine|ten|many|several|of|have|has|had|be|are|is|with|across|between|among|amongst)|\d|['’]s)\s+$/iu.test(before);
}

/**
 * The noun a word modifies: the first plural noun among the next three words, or else the next
 * word ("different unit tests" modifies "tests", "different storage backends" "backends").
 */
const DETERMINER = /^(?:from|the|a|an|this|that|these|those|its|their|our|some|any|each|every)$/i;

function headNoun(after: string): string {
  const words = /^[\s-]+((?:[\p{L}\p{N}]+[\s-]+){0,2}[\p{L}\p{N}]+)/u.exec(after)?.[1].split(/[\s-]+/) ?? [];
  // The noun phrase ends at the first word that is not a modifier or a noun: "different from the ones".
  const end = words.findIndex((word) => NOT_A_NOUN.test(word) || DETERMINER.test(word));
  const phrase = end < 0 ? words : words.slice(0, Math.max(1, end));
  return phrase.find((word) => isPluralNoun(word)) ?? words[0] ?? '';
}

/** "different X for different Y", "different X per Y", "different X for each Y": X varies with Y. */
const DISTRIBUTES_OVER = /^[\s-]+(?:[\p{L}-]+\s+){1,3}?(?:for|per|in|on|across|to)\s+(?:each|every|different|individual|(?:the\s+)?respective)\b/iu;
/** The second word of the pair: "different merge strategies for different policies". */
const DISTRIBUTED_FROM = /\bdifferent\s+(?:[\p{L}-]+\s+){1,3}?(?:for|per|in|on|across|to)\s+$/iu;

/** Terms read by the rules below. */
const CRITERION_TERMS = new Set([
  'appropriate', 'appropriately', 'enough', 'sufficient', 'sufficiently', 'adequate', 'adequately', 'proper', 'properly',
  'suitable', 'suitably', 'acceptable', 'reasonable', 'reasonably', 'satisfactory', 'correctly', 'valid', 'correct',
]);

/** The criterion named right after the word, within its clause. */
const CRITERION_GIVEN = /^[^.;:]{0,60}?(?:\(\s*(?:see|per|as (?:defined|specified|described)|(?:listed|published|found|documented) (?:under|in|at|on))\b|\bsee\s+(?:the\s+)?(?:section|table|appendix|rfc|`|\[|#)|\bas (?:defined|specified|described|documented|listed|given|outlined|detailed) (?:in|by|below|above)\b|\b(?:defined|specified|listed) (?:in|by|below|above)\b|\baccording to\b|\bper (?:the\s+|our\s+|its\s+)?(?:[\p{L}-]+\s+){0,3}?(?:rfc|spec|specification|section|table|policy|standard|guidelines?|conventions?|process|rules?)\b|\bin accordance with\b)/iu;

/**
 * The rule that picks the value, named right after a criterion word: "requeued to an appropriate queue
 * based on the hint", "the relevant nodes, selected by the label". A rule is a criterion; it does not
 * make "fast" or "various" measurable, so only criterion words read it.
 */
const RULE_GIVEN = /^[^.;:]{0,60}?\b(?:based on|depending on|(?:determined|decided|selected|chosen|picked) by|(?:identified|found|named) (?:by|during|in) (?:the\s+)?(?:\p{Lu}|`|\[))\s*\S/iu;

/** Criterion words: a named rule decides what they stand for. */
export function isCriterionWord(term: string): boolean {
  return CRITERION_TERMS.has(term.toLowerCase()) || /^(?:relevant|necessary|suitable)$/i.test(term);
}

/**
 * False when the word is used in a sense that is not vague (see the module comment); only graded
 * words are passed here: loopholes and open-ended lists are vague in every sense.
 */
export function inVagueSense(text: string, match: LexiconMatch): boolean {
  const before = text.slice(0, match.start);
  const after = text.slice(match.end);
  const term = match.entry.term.toLowerCase();
  if (INTERROGATIVE.test(before) || EMBEDDED_QUESTION.test(before) || EXPLAINED_QUESTION.test(before) || EXAMPLE_QUESTION.test(before)) return false;
  if (term === 'long' && CONDITION_IDIOM.test(before) && /^\s+as\b/i.test(after)) return false;
  if (isNameInside(text, match.start)) return false;
  if (REFERENCE_ADJECTIVES.has(term)) return leavesReferenceOpen(before, after);
  // A quantity in a condition describes a case, it does not ask for one: "if some requests fail".
  if (EXISTENTIAL.has(term) && CONDITION_CLAUSE.test(before)) return false;
  // "if we are going to have large numbers of clients ..., then we will need to ...": the premise of the
  // authors' argument describes the case they plan for; the amount in it is not a target.
  if (PREMISE_CONDITION.test(before)) return false;
  // "an option for specifying a number of running threads": the parameter the user gives, not a count left open.
  if (match.entry.category === 'quantifier' && PARAMETER_VERB.test(before)) return false;
  // "as long as the feature is correctly enabled": in a condition, correctness is a yes or no.
  if (BINARY_CRITERIA.has(term) && INSIDE_CONDITION.test(before)) return false;
  // "errors which indicate some quota has been exhausted": "some" before a singular noun and its
  // singular verb is "a", an unnamed one; the statement does not ask how many.
  if (term === 'some' && SINGULAR_SOME.test(after) && !AMOUNT_NOUN.test(after) && !isPluralNoun(/^\s+(\p{L}+)/u.exec(after)?.[1] ?? '')) return false;
  // A quantity whose members follow: "various values, including:", "several formats (CSV, XLSX)".
  if (KIND_QUANTIFIERS.has(term) && ENUMERATED.test(after)) return false;
  // "to clear the cache", "clear old volumes": the verb.
  if (term === 'clear' && (/\bto\s+$/i.test(before) || /^\s+(?:old|the|all|any|its|their|out|up)\b/i.test(after))) return false;
  const next = /^[\s-]+(\p{L}+)/u.exec(after)?.[1] ?? '';
  // "tools with similar goals", "a similar approach": a description; "similar to v1" or "should be
  // similar" asks for closeness.
  if (/^(?:similar|comparable)$/.test(term) && !PREDICATIVE.test(before) && !/^(?:[\s-]+\p{L}+){0,2}\s+(?:to|with|as)\b/u.test(after)) return false;
  // "To support per-PVC secrets, similar to CSI attach and detach - ...": a likeness to a named, existing
  // mechanism the reader can look up; "should be similar to v1" still asks how close.
  if (/^(?:similar|comparable)$/.test(term) && !PREDICATIVE.test(before) && /^\s+to\s+(?:the\s+)?(?:existing\s+)?(?:`|\p{Lu}{2,}|\p{Lu}\p{Ll}+\s+\p{Lu})/u.test(after)) return false;
  // "the init container eventually succeeds": an eventual state in a scenario, not an open date.
  if (term === 'eventually' && /^\s+\p{Ll}+(?:s|es)\b/u.test(after) && !/\b(?:will|shall|must|should|to|would)\s+$/i.test(before)) return false;
  // "drivers that advertise the relevant capabilities": the ones the statement's subject calls for, a
  // determinable reference; "link relevant tests" leaves the selection open.
  if (term === 'relevant' && /\bthe\s+$/i.test(before) && !CONTENT_NOUN.test(after)) return false;
  // "Tokens retrieved before will eventually expire": a state things reach on their own, not a date left open.
  if (term === 'eventually' && NATURAL_COURSE.test(after)) return false;
  // "The store is eventually consistent": the name of a consistency model, not a date left open.
  if (term === 'eventually' && /^\s+consistent\b/i.test(after)) return false;
  // "which eventually calls `handle()`", "is eventually handled by the dispatcher": at the end of a
  // chain of calls or hand-offs, "ultimately", not a time.
  if (term === 'eventually' && (CHAIN_STEP.test(after) || (/\b(?:is|are|was|were|be|gets?|got)\s+$/i.test(before) && HANDED_ON.test(after)))) return false;
  // "Eventually, once a type for timestamps is available, ...", "should eventually run as expected
  // once the upgrade is complete": the event it waits for is named; "not until after GA" is only a floor.
  if (term === 'eventually' && EVENT_NAMED.test(clauseAround(text, match.start, match.end) + ' ' + after.split(/[.;]/)[0])) return false;
  // "a periodic e2e job", "e2e tests are running periodically": the kind of CI job, not a frequency left open.
  if (/^periodic(?:ally)?$/.test(term) && (CI_JOB_AFTER.test(after) || CI_JOB_BEFORE.test(before))) return false;
  // "enable SIMD on stable Rust, and in general provide a means to ...": after a conjunction the
  // phrase widens what was said ("more generally"), it does not hedge it.
  if (term === 'in general' && /\b(?:and|or)\s+$/i.test(before) && /^\s+(?:to\s+)?\p{Ll}+\s/u.test(after) && !/^\s+(?:should|must|shall|will|would|is|are)\b/i.test(after)) return false;
  if (term === 'different') return differentLeavesKindsOpen(before, after, headNoun(after));
  // "terminate gracefully", "a graceful shutdown", "gracefully drain the node": the named mechanism.
  if (/^graceful(?:ly)?$/.test(term) && (SHUTDOWN_AFTER.test(after) || SHUTDOWN_BEFORE.test(before))) return false;
  // "normal operation", "the normal creation path": the system's regular course, as specified.
  if (/^normal(?:ly)?$/.test(term) && REGULAR_COURSE.test(after)) return false;
  // "we know for certain": the idiom; "codes for certain functions" picks members.
  if (term === 'certain' && /\bfor\s+$/i.test(before) && !isPluralNoun(next)) return false;
  if (term === 'most') {
    if (/\bthe\s+$/i.test(before)) return false;
    return /^of$/i.test(next) || isPluralNoun(next);
  }
  if (match.entry.category === 'ambiguous' && NAMING_NOUNS.test(next) && /^(?:short|long|small|large|big|tiny|huge)$/.test(term)) return false;
  return true;
}

/** Stopping, which "graceful" names a mechanism of: "graceful shutdown", "terminate gracefully". */
const SHUTDOWN_AFTER = /^[\s-]+(?:\p{L}+\s+)?(?:shut ?down|shutting down|shuts? down|terminat\p{L}*|stop\p{L}*|exit\p{L}*|drain\p{L}*|clos\p{L}*|restart\p{L}*|period|deletion|delete|evict\p{L}*|leave|leaving|disconnect\p{L}*)\b/iu;
const SHUTDOWN_BEFORE = /\b(?:shut ?down|shutting down|shuts? down|terminat\p{L}*|stop\p{L}*|exit\p{L}*|drain\p{L}*|clos\p{L}*|restart\p{L}*|evict\p{L}*|leave|leaves|disconnect\p{L}*)\s+(?:\p{L}+\s+){0,3}$/iu;

/**
 * Nouns of content that a selection word leaves unlisted: "the relevant details of the response",
 * "the necessary information". Which details? The statement has to list them.
 */
const CONTENT_NOUN = /^[\s-]+(?:details?|information|info|data|fields?|attributes?|properties|metadata|context|parts?|content|values?|items?)\b/i;

/** Nouns of time: a judgement on them ("a reasonable amount of time") wants a duration, not a count. */
const TIME_AMOUNT = /^[\s-]+(?:(?:\p{L}+\s+)?(?:period|duration|delay|interval|time|timeframe|timeout|while|window)s?|amount of time)\b/iu;

/**
 * "retention" as the property of an annotation, not a period: a retention policy value next to it
 * ("`BINARY` retention", "source retention", "@Retention(RUNTIME)", "retention is SOURCE") or an
 * annotation it belongs to ("the annotation's retention", "the retention of every marker
 * annotation"). Values: Java SE `java.lang.annotation.RetentionPolicy` (SOURCE, CLASS, RUNTIME;
 * JLS 9.6.4.2) and Kotlin `kotlin.annotation.AnnotationRetention` (SOURCE, BINARY, RUNTIME).
 * `written` is the sentence as written, code spans included.
 */
export function namesAnnotationRetention(written: string, start: number, end: number): boolean {
  const before = written.slice(0, start);
  const after = written.slice(end);
  if (/(?:@|\b(?:source|binary|class|runtime)[`*_]*[\s-]+)$/i.test(before)) return true;
  if (/^[`*_]*\s*(?:policy\s*)?(?:[(=:]|\s+(?:is|of)\s)\s*`?(?:AnnotationRetention\.|RetentionPolicy\.)?(?:SOURCE|BINARY|CLASS|RUNTIME)\b/.test(after)) return true;
  return /\bannotations?(?:['’]s)?\s+$/i.test(before) || /^\s+of\s+(?:the\s+|an?\s+|its\s+|every\s+|each\s+|all\s+)?(?:[\p{L}`-]+\s+){0,2}?(?:annotations?|markers?)\b/iu.test(after);
}

/** True when the word judges an amount of time: "a reasonable amount of time", "some period", "a short delay". */
export function leavesTimeOpen(text: string, match: LexiconMatch): boolean {
  return leavesAmountOpen(text, match) && TIME_AMOUNT.test(text.slice(match.end));
}

/** Verbs of what happens on its own: "will eventually expire", "eventually converges", "will eventually stop trying". */
const NATURAL_COURSE = /^\s+(?:expire|expires|converge|converges|time out|times out|settle|settles|stabili[sz]e|stabili[sz]es|catch up|catches up|disappear|disappears|succeed|succeeds|give up|gives up|stop trying|stops trying|stop retrying|stops retrying)\b/i;

/** A step of a chain of calls or hand-offs: "eventually calls", "eventually reaches the dispatcher", "eventually ends up in". */
const CHAIN_STEP = /^\s+(?:calls?|called|invokes?|invoked|reach(?:es|ed)?|ends? up|ended up|leads? to|delegates? to|dispatch(?:es)? to|forwards? to|resolves? to|routes? to|lands? in|hits?|flows? (?:into|to)|propagates? to|bubbles? up)\b/i;
/** A hand-off in the passive: "is eventually handled by", "gets eventually passed to". */
const HANDED_ON = /^\s+(?:passed|forwarded|routed|dispatched|delivered|handled|processed|resolved|lowered|translated|propagated)\s+(?:to|by|into)\b/i;

/** A singular noun and its singular verb after "some": "some quota has been exhausted". */
const SINGULAR_SOME = /^\s+\p{Ll}+\s+(?:has|is|was|does|exists|occurs|happens|fails|changes)\b/u;

/** Nouns of the system's regular course that "normal" picks out: "normal operation", "the normal creation path". */
const REGULAR_COURSE = /^[\s-]+(?:[\p{L}-]+\s+)?(?:operations?|path|paths|flow|flows|mode|execution|processing|functioning|course)\b/iu;

/** Adjectives that point at something the statement does not name: "a standard interface", "special classes". */
const REFERENCE_ADJECTIVES: ReadonlySet<string> = new Set(['standard', 'standardised', 'standardized', 'special']);
/** A determiner or possessive that makes the reference determinable: "the standard set", "the organisation's standard tooling". */
const DEFINITE_BEFORE = /(?:\b(?:the|our|its|their|his|her|this|that|these|those|your|my|each|every)|['’]s)\s+(?:[\p{L}-]+\s+)?$/iu;
/** Nothing special is asked for: "no special configuration", "without any special handling". */
const NEGATED_BEFORE = /\b(?:no|not|without|nothing|never|any)\s+(?:[\p{L}-]+\s+)?$/iu;
/** Words after the adjective that show it is not modifying a noun: "is the standard for", "standard or not". */
const NOT_A_NOUN = /^(?:of|for|to|in|is|are|was|were|be|and|or|with|by|as|that|which|than)$/i;
/** The standard or the members named in the same clause: "a standard such as ISO 8601", "(RFC 3339)", "as defined in". */
const REFERENCE_NAMED = /^[^,;.]*?(?:\b\p{Lu}{2,}\b|\d|\bsuch as\b|\be\.\s?g\.|\(|\b(?:defined|specified|listed|described) (?:in|by|below|above)\b|\bper\b|\baccording to\b|\bin accordance with\b|:)/u;

/**
 * "A standard data interface should be provided", "special classes of trains": the adjective points at a
 * standard or a set that the statement does not name. A definite reference ("the standard set of
 * indications"), a negation ("no special configuration") or the standard named in the clause settles it.
 */
function leavesReferenceOpen(before: string, after: string): boolean {
  const next = /^[\s-]+(\p{L}+)/u.exec(after)?.[1];
  if (!next || NOT_A_NOUN.test(next)) return false;
  return !DEFINITE_BEFORE.test(before) && !NEGATED_BEFORE.test(before) && !ORDINARY_KIND.test(before)
    && !ESTABLISHED_BY_WORK.test(before) && !REFERENCE_NAMED.test(after);
}

/** "Define a standard mechanism for nodes to declare features": the work establishes the standard, it does not cite one. */
const ESTABLISHED_BY_WORK = /\b(?:define|defines|defining|create|creates|creating|introduce|introduces|introducing|establish|establishes|establishing|propose|proposes|proposing|develop|develops|developing|offer|offers|offering)\s+(?:(?:a|an|the|new|single|common|uniform)\s+){0,2}$/i;

/** "used as a standard telephone", "proceeds as for a standard group call": the ordinary kind, set against a variant. */
const ORDINARY_KIND = /\bas\s+(?:for\s+|with\s+)?(?:a|an)\s+$/i;

/** The event an "eventually" waits for: "once ...", "as soon as ...", "when ...", "N releases after ...". */
const EVENT_NAMED = /(?<!\buntil\s)\b(?:once|as soon as|after)\s+(?!(?:(?:a|an|some|the)\s+)?(?:\p{L}+\s+)?(?:period|while|time|delay|number|few|couple)\b)(?:the\s+|a\s+|an\s+|\p{L}+\s+)?\p{L}/iu;
/** Continuous-integration jobs that "periodic" names the kind of. */
const CI_JOB_AFTER = /^\s+(?:[\p{L}\d-]+\s+){0,2}?(?:e2e|tests?|jobs?|builds?|ci|pipelines?|runs?)\b/iu;
const CI_JOB_BEFORE = /\b(?:e2e|tests?|jobs?|builds?|ci|pipelines?)\s+(?:(?:are|is|will be|get|gets)\s+)?(?:run|running|runs|executed|triggered|scheduled)\s+$/i;

/** Nouns of amount, extent and time: what "a reasonable limit" or "some period of time" leaves open. */
const AMOUNT_NOUN = /^[\s-]+(?:(?:\p{L}+\s+)?(?:amount|number|period|length|limit|duration|delay|interval|time|timeframe|timeout|while|size|rate|threshold|window|quantity|margin|adjustment|tweak|headroom|buffer|slack|padding|leeway)s?)\b/iu;

/** Judgement and quantity words that leave the amount they modify to the reader. */
const OPEN_AMOUNT = new Set([
  'reasonable', 'sufficient', 'adequate', 'appropriate', 'acceptable', 'enough', 'some', 'certain', 'significant',
  'substantial', 'excessive', 'small', 'large', 'long', 'short', 'huge', 'tiny',
  // Comparatives without "than" (the rule settles those): "at a much slower rate".
  'slower', 'faster', 'quicker', 'higher', 'lower', 'longer', 'shorter', 'larger', 'smaller', 'greater', 'fewer', 'bigger',
]);

/**
 * True when a judgement or quantity word modifies a noun of amount or time ("some reasonable period
 * of time", "cap chaining to a reasonable limit", "enough time"): the statement commits to an
 * amount nobody stated, which is vague wherever the statement binds, design prose included.
 */
export function leavesAmountOpen(text: string, match: LexiconMatch): boolean {
  if (!OPEN_AMOUNT.has(match.entry.term.toLowerCase())) return false;
  const after = text.slice(match.end);
  if (!AMOUNT_NOUN.test(after)) return false;
  // "at the same time", "for a long time" as an idiom of duration still leaves it open; "the time
  // limit", "a small number of 5" are settled elsewhere (numbers settle graded words).
  return !INTERROGATIVE.test(text.slice(0, match.start));
}

/** Quantifiers that pick members of a set: "some users", "certain functions". */
const SET_QUANTIFIERS: ReadonlySet<string> = new Set(['some', 'certain']);

/**
 * True when a quantifier picks unnamed members of a set ("For some users, ... up to twenty
 * numbers may be stored", "codes for certain functions"): the question is which ones, and a number
 * elsewhere in the statement, which counts something else, does not answer it.
 */
export function picksUnnamedMembers(text: string, match: LexiconMatch): boolean {
  if (!SET_QUANTIFIERS.has(match.entry.term.toLowerCase())) return false;
  const after = text.slice(match.end);
  const next = /^\s+(\p{L}+)/u.exec(after)?.[1] ?? '';
  if (!isPluralNoun(next) || AMOUNT_NOUN.test(after) || ENUMERATED.test(after)) return false;
  // "(in fact we observed lower latencies by 20-30% for some resources)": an aside reporting a measurement.
  const before = text.slice(0, match.start);
  return (before.match(/\(/g) ?? []).length <= (before.match(/\)/g) ?? []).length;
}

/**
 * The means named after a quality or a change, as pattern sources both readers build on: "by adding
 * a cache", "by means of", or listed after the lead-in ("with the following changes:").
 */
export const MEANS_BY = String.raw`\bby\s+(?:\p{L}+ing|means of)\b`;
export const MEANS_LISTED = String.raw`\b(?:with|by|through|via)\s+(?:the\s+)?following\b[^.;]*:\s*[*_]*$`;

/** Clause boundaries: punctuation and a dash. */
export const CLAUSE_BREAK = /[,;:()]|\s[-–—]\s/;

/** The clause around [start, end): from the last boundary before it to the next one after it. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(CLAUSE_BREAK).pop() ?? '';
  const after = text.slice(end).split(CLAUSE_BREAK)[0] ?? '';
  return `${before} ${after}`;
}

/** Speculation and wishes: "could be longer", "might not", "will want to", "would like to". */
const SPECULATIVE = /\b(?:could|might|would like to|will want to|wants? to)\b/;
/** Permission: "can be upgraded as desired". */
const PERMISSIVE = /\b(?:may|can)\b|\b(?:allow|allows|allowing|enable|enables|enabling|let|lets|permit|permits)\s+(?:[\p{L}-]+\s+){1,6}?to\s/u;
/** A permission given to someone to do something: "allow frameworks to", "make it possible for modules to". */
const PERMITS_SOMEONE = /\b(?:allow|allows|allowing|enable|enables|enabling|let|lets|permit|permits|make it possible for|makes it possible for)\s+(?:[\p{L}-]+\s+){1,6}?to\s/u;
/** People other than the builders opening the clause: their choices are theirs to make. */
const PEOPLE_SUBJECT = /^\s*(?:the\s+)?(?:organi[sz]ations?|users?|operators?|administrators?|admins?|developers?|authors?|maintainers?|customers?|vendors?|people|cluster administrators?|package authors?)\s+(?:\p{L}+\s+){0,2}?(?:will|can|may|could|might|would|do|are free to)?\s*\p{L}+/iu;
/** Triggers that leave the choice to someone ("as desired", "if needed"): a permission leaves it on purpose. */
const CHOICE_TERMS = /^(?:as|if|when|where|wherever) (?:desired|needed|necessary|required|appropriate|preferred|wanted)$/;

/**
 * True when the word sits in a clause that speculates ("the restart could be longer if ...", "in
 * some cases a function will want to ...") or, for triggers, one that permits ("existing
 * callsites can be upgraded as desired", "will allow frameworks to adopt this annotation where
 * appropriate"): the clause does not bind anyone to the word.
 * Modals are matched in lower case only; upper-case MAY is an RFC 2119 keyword.
 */
export function insidePossibility(text: string, match: LexiconMatch): boolean {
  const clause = clauseAround(text, match.start, match.end);
  if (SPECULATIVE.test(clause)) return true;
  // A quantity in a permission still bounds it: "a mobile may be a member of a number of groups".
  // "Organizations will add and remove environments as needed": the choice is theirs.
  if (!CHOICE_TERMS.test(match.entry.term.toLowerCase())) return false;
  // "make it possible for modules to hook into it so that their code initializes, starts and stops as
  // desired": the permission governs the whole list of what the others do, commas included.
  const sentencePart = text.slice(0, match.start).split(/[;.]/).pop() ?? '';
  return PERMISSIVE.test(clause) || PEOPLE_SUBJECT.test(clause) || PERMITS_SOMEONE.test(sentencePart);
}

/**
 * The word explained right after it: "as broadly as possible (i.e. everywhere the policy allows)",
 * "lightweight with zero impact on other commands" (a number, zero, is the criterion; "with no
 * visible degradation" still leaves "visible" open).
 */
const EXPLAINED = /^\s+with\s+zero\s+[a-z]{3,}|^[^.;]{0,40}?(?:\(\s*|,\s*|\s[-–—]\s*)(?:i\.\s?e\.|that is,|namely\b)|^[^.;()]{0,40}?\(\s*(?:what (?:you|we|users?|one) (?:would )?(?:expect|get|have)|as (?:in|with|today|before|now)\b|the same as\b)/i;

/** True when an apposition right after the word says what it means. */
export function explainedAfter(text: string, match: LexiconMatch): boolean {
  return EXPLAINED.test(text.slice(match.end));
}

/** A linking verb right before the word: the similarity is what the statement asks for. */
const PREDICATIVE = /\b(?:be|is|are|remain|remains|stay|stays|look|looks|feel|feels|behave|behaves)\s+(?:(?:very|roughly|broadly|largely|fairly|mostly|quite|at least)\s+)?$/i;

/**
 * True when a similarity word is the predicate of the statement ("The number of calls should be
 * comparable to prune-v1", "performance must remain similar"): the target is "close to X" with no
 * tolerance. Attributive uses ("a similar approach", "Similar to X, ...") describe.
 */
export function asksForSimilarity(text: string, match: LexiconMatch): boolean {
  // "comparable between pods of one scheduler": can be compared (ordered), a technical sense.
  return /^(?:similar|comparable|comparably)$/i.test(match.entry.term) && PREDICATIVE.test(text.slice(0, match.start))
    && !/^\s+(?:between|across|among)\b/i.test(text.slice(match.end));
}

/**
 * A capitalised word inside a clause is (part of) a name: "the Performance API", "uses Simple
 * Storage"; at the start of a sentence, a list item or after a colon it is just capitalised.
 */
export function isNameInside(text: string, start: number): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(text.slice(start))) return false;
  // Bracketed tags and markup before the word ("[Secondary] Minimize ...") do not start a clause.
  const before = text.slice(0, start).replace(/\[[^\]]*\]|\([^)]*\)/g, ' ');
  return /\p{L}[^.!?:;]*$/u.test(before);
}

/** A plural noun by form: "users", "pods", "policies" (not "various", "less", "this", "its"). */
function isPluralNoun(word: string): boolean {
  if (!word || ADJECTIVE_FORM.test(word)) return false;
  return /\p{L}{2,}s$/u.test(word) && !/(?:ss|us|is|ous|'s)$/i.test(word) || /^(?:people|children|data|criteria|media)$/i.test(word);
}

/**
 * True when the statement settles the word by naming its criterion or value: a criterion word
 * followed by the reference that defines it, or an approximation of a number the same section
 * states exactly elsewhere.
 */
export function settledByValue(model: SpecModel, sentence: Sentence, match: LexiconMatch): boolean {
  const term = match.entry.term.toLowerCase();
  const after = sentence.text.slice(match.end);
  // "Comprehensive test coverage as outlined in the [Integration tests](#integration-tests) section":
  // the judgement points to what it means.
  if ((isCriterionWord(term) || match.entry.hint.startsWith('list which ones')) && RULE_GIVEN.test(after)) return true;
  if (CRITERION_TERMS.has(term) || ['subjective', 'ambiguous', 'quantifier'].includes(match.entry.category)) return CRITERION_GIVEN.test(after);
  if (match.entry.category !== 'approximation') return false;
  // The approximated value with its unit: "about 2 s", "approximately 2 seconds".
  const written = sentence.text.slice(match.start, match.end) + after;
  const value = /(\d+(?:[.,]\d+)?)\s*([\p{L}%]+)/u.exec(written.slice(0, match.end - match.start + 24));
  if (!value || !sentence.section) return false;
  const [, number, unit] = value;
  const body = sentence.section.bodyRange;
  const start = offsetAt(model, body.start);
  const end = offsetAt(model, body.end);
  // The same number with a unit of the same spelling ("2 s", "2s", "2 seconds"), elsewhere in the section.
  const prefix = unit.slice(0, Math.min(unit.length, 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\d.,])${number.replace(/[.,]/g, '[.,]')}\\s*${prefix}`, 'giu');
  for (const found of model.text.slice(start, end).matchAll(pattern)) {
    const at = start + (found.index ?? 0);
    if (at < sentence.startOffset || at >= sentence.endOffset) return true;
  }
  return false;
}

/**
 * What a capability quality ("extensible", "flexible", "modular") makes possible, said in the clause
 * after it: "Design the API to be extensible, allowing new providers to register their own
 * resolvers", "Make the format extensible so that new fields can be added without breaking old
 * readers". The clause names who can do what, which is the criterion the quality stands for;
 * "extensible, allowing for future additions" names no action and stays vague.
 */
const CAPABILITY_CLAUSE = /^[\s,]{0,2}(?:(?:enough\s+)?to\s+(?:allow|enable|let|permit)|(?:by\s+)?(?:allowing|enabling|letting|permitting)|(?:which|that)\s+(?:allows|enables|lets|permits)|so\s+that|such\s+that)\s+(?!for\b)[^.;:!?]{1,60}?\s+(?:to|can|could|may|will)\s+(?:be\s+)?(?!(?:more|easily|grow|evolve|change|adapt|expand|extend|scale)\b)\p{L}{3,}/iu;

/** True when the clause right after a capability quality says what it lets someone do. */
export function definedByCapability(text: string, match: LexiconMatch): boolean {
  return CAPABILITY_CLAUSE.test(text.slice(match.end));
}

/** Words that count or sort a set without naming its members. */
const SET_WORDS: ReadonlySet<string> = new Set(['some', 'several', 'various', 'different', 'a few', 'many', 'a number of', 'certain', 'a variety of']);
/** Verbs that deliver something new: what is added, written or provided ("published" distributes what exists). */
const DELIVER = String.raw`(?:add|create|write|provide|introduce|implement)`;
/** The set is what is delivered, before its verb: "Different unit tests will be added", "Several metrics are introduced". */
const DELIVERED_AFTER = new RegExp(String.raw`^[\s-]+(?:[\p{L}\p{N}-]+\s+){0,2}?\p{L}+s\s+(?:will|shall|must|should|are to|need to)\s+(?:also\s+)?be\s+${DELIVER}(?:d|ed)\b`, 'iu');
/** The set is what is delivered, after its verb: "We will add various tests", "Add some metrics". */
const DELIVERED_BEFORE = new RegExp(String.raw`(?:^[\s*_>-]*|\b(?:will|shall|must|should|to|we|then)\s+(?:also\s+)?)${DELIVER}\s+$`, 'iu');

/**
 * True when a set word counts or sorts what the statement delivers ("Different unit tests will be
 * added to cover the parser", "We will add various e2e tests"): which ones, and how many, is what
 * the builder has to know, so it is vague in any binding statement, a test plan in a design
 * section included. "tests for different storage classes" sorts what is tested, not what is built.
 */
export function countsDeliverable(text: string, match: LexiconMatch): boolean {
  if (!SET_WORDS.has(match.entry.term.toLowerCase())) return false;
  const after = text.slice(match.end);
  const before = text.slice(0, match.start);
  // "Tests for different storage classes will be added": the word sorts what a deliverable is for.
  if (!isPluralNoun(headNoun(after)) || /\b(?:for|of|in|on|across|with|between|to|per|from|by)\s+$/i.test(before)) return false;
  return DELIVERED_AFTER.test(after) || DELIVERED_BEFORE.test(before);
}
