import type { LexiconEntry } from './entry';

/**
 * SpecReady's built-in vague-wording lexicon, curated for requirements handed to people outside
 * the team. Every term is one that the requirement-quality literature names as unverifiable and
 * that stays vague in software specs whatever the context. Words that are only vague in some
 * readings are matched in the reading that is vague: a bound as a noun ("with a minimum of
 * driver action", "kept to a minimum"), not as the name of a parameter ("the minimum supported
 * version"), and only when its statement gives no number; "about" only before a number ("about
 * 5 s", not "data about users"); a comparative only without "than". Words whose usual reading in
 * a spec is precise or a plain function word ("any", "current", "up to", "at least", "more",
 * "multiple", "immediately", "and/or", "obvious") are left out: on real design documents they
 * were false alarms more often than not, and flagging them buries the real problems.
 *
 * Source keys (cited in the vague-term rule docs):
 * - ARM: Wilson, Rosenberg & Hyatt, "Automated Analysis of Requirement Specifications" (NASA ARM
 *   tool, ICSE 1997): weak phrases ("as a minimum", "provide for", "capability to", "timely") and
 *   options.
 * - SMELLS: Femmer, Méndez Fernández, Wagner & Eder, "Rapid quality assurance with Requirements
 *   Smells" (JSS 2017), after ISO/IEC/IEEE 29148: subjective language, ambiguous adverbs and
 *   adjectives, loopholes, open-ended and non-verifiable terms, superlatives.
 * - INCOSE-R7 / R8 / R9: INCOSE Guide for Writing Requirements, rules R7 (vague terms), R8 (escape
 *   clauses) and R9 (open-ended clauses), as implemented in the CC-BY-4.0 Vale style
 *   tbhb/vale-requirements-writing.
 * - ISO29148: ISO/IEC/IEEE 29148:2018, 5.2.7 "Requirements language criteria": superlatives,
 *   subjective language, vague pronouns, ambiguous adverbs and adjectives, open-ended
 *   non-verifiable terms ("as a minimum"), comparative phrases, loopholes.
 *
 * Term syntax: matching ignores case, a space also matches a hyphen ("user friendly" finds
 * "user-friendly"), a trailing "." is optional ("etc." finds "etc"), "*" stands for one word
 * ("as * as possible") and "#" for one number, with its unit if written without a space
 * ("about #" finds "about 5" and "about 5ms").
 *
 * Categories decide where the vague-term rule looks (see rules/vague-term.ts):
 * - subjective, loophole, open-ended: wrong in any prose of a spec;
 * - ambiguous, comparative, superlative, bound, floor, quantifier, frequency, approximation:
 *   common in descriptive prose, so they are reported only in commitments (requirements,
 *   non-functional, acceptance criteria...). Comparatives are settled by "than" ("faster than the
 *   current export"); floors ("as a minimum") and approximations are not settled by numbers.
 */

/** Rewrite hints shared by several terms. */
export const HINT = {
  latency: 'state a latency target, e.g. p95 < 200 ms',
  throughput: 'state the load it must sustain, e.g. 500 requests/s at p95 < 300 ms',
  scale: 'state the load it must handle, e.g. 10,000 concurrent users or 1 TB of data',
  availability: 'state an availability target, e.g. 99.9% monthly uptime',
  reliability: 'state a failure budget, e.g. error rate < 0.1% of requests per day',
  robust: 'name the failures it must survive, e.g. "keeps serving reads when 1 of 3 replicas is down"',
  usability: 'state a usability criterion, e.g. 90% of first-time users finish the task in under 2 minutes',
  seamless: 'state what must not happen, e.g. "no re-login and no data loss when switching devices"',
  efficiency: 'state a resource budget, e.g. < 256 MB memory at 100 requests/s',
  size: 'give the size with a unit, e.g. files up to 50 MB',
  duration: 'give the duration with a unit, e.g. within 30 s',
  quantity: 'give the number or range, e.g. "between 5 and 20 items"',
  frequency: 'state the frequency, e.g. every 15 minutes or on every deploy',
  deadline: 'state the deadline, e.g. within 24 hours of the request',
  realtime: 'state the maximum delay, e.g. visible to other users within 2 s',
  criterion: 'name the exact behaviour or the rule that decides it, e.g. "return 400 with the invalid field name"',
  relevant: 'list which ones, or state the rule that selects them',
  threshold: 'give the threshold, e.g. "more than 5%"',
  flexible: 'name the variations it must support, e.g. which settings are configurable and by whom',
  optimal: 'name the measure and the target it must reach',
  fashion: 'name the concrete technology, standard or benchmark it must match',
  secure: 'name the threat and the control, e.g. "TLS 1.2+ for all traffic; passwords hashed with Argon2id"',
  safe: 'state the hazard and the condition that must hold, e.g. "doors stay locked above 5 km/h"',
  clear: 'state what the reader must be able to do, e.g. "the message names the field and the allowed format"',
  tolerance: 'state the value and its tolerance, e.g. 200 ms ± 20 ms',
  tbd: 'decide the value, or mark it as an open question with an owner and a date',
  speculative: 'state the rule and list its exceptions explicitly',
  loophole: 'decide: make it a firm requirement, or state exactly when it does not apply',
  trigger: 'state the trigger, e.g. "when the queue holds more than 1,000 messages"',
  possible: 'state the target, e.g. "within 5 s" instead of "as soon as possible"',
  openEnded: 'list every case, or write "only the following"',
  equivalent: 'name the accepted alternatives, or the criteria an alternative must meet',
  reference: 'say compared to what and by how much, e.g. "at least 20% fewer clicks than the current form"',
  bound: 'give the number and unit of the limit, e.g. "a maximum of 50 MB per file"',
  floor: 'list everything that is required; "as a minimum" leaves the rest to the reader',
  detail: 'list what it must contain, e.g. "timestamp, user, old value and new value"',
  maintain: 'name the change it must keep cheap and the effort allowed, e.g. "a new export format takes < 2 days"',
  behaviour: 'state what the system does, e.g. "SHALL accept ..." instead of "provide for" or "the capability to"',
  standard: 'name the standard, e.g. "ISO 8601 timestamps" or "problem details per RFC 9457"',
  graceful: 'state what must happen, e.g. "on a lost connection, retry 3 times with backoff, then mark the job failed"',
} as const;

type Hint = keyof typeof HINT;

const SMELL_SOURCES = ['SMELLS', 'ISO29148'];

interface Group {
  category: string;
  sources: string[];
  terms: Array<[term: string, hint: Hint]>;
}

/**
 * Escape clauses (INCOSE GtWR R8, ISO/IEC/IEEE 29148 loopholes): a condition that leaves to the
 * implementer whether the requirement applies. They are built the same way, a conditional word and
 * a judgement of the case ("where applicable", "wherever feasible", "whenever necessary"), so the
 * family is generated rather than listed: every conditional with every judgement, except "as" with
 * a judgement of possibility ("such as possible values" is no clause; "as soon as possible" is its own entry).
 * The judgement can be said of the case as a clause ("where that makes sense", "if it is feasible");
 * a clause that names what it judges ("when it is possible to tell the type") is a condition with
 * content, which the rule reads. An equality bounded by a judgement ("as hands off as possible", "as
 * early as practical") leaves the degree to the implementer in the same way.
 */
function escapeClauses(): Array<[term: string, hint: Hint]> {
  const judgements: Array<[words: string[], hint: Hint, withAs: boolean]> = [
    [POSSIBILITY_JUDGEMENTS, 'loophole', false],
    [['appropriate', 'applicable', 'relevant'], 'criterion', true],
    [['needed', 'necessary', 'required', 'desired'], 'trigger', true],
  ];
  const conditionals = ['if', 'when', 'where', 'whenever', 'wherever'];
  const subjects = ['it', 'that', 'this'];
  const bare = judgements.flatMap(([words, hint, withAs]) => words.flatMap((word) =>
    [...conditionals, ...(withAs ? ['as'] : [])].map((conditional): [string, Hint] => [`${conditional} ${word}`, hint])));
  // Said as a clause: "where it is feasible", "if that makes sense". Needs are left out: "if it is
  // necessary" mostly opens a condition with content ("if it is necessary to restart").
  const clauses = conditionals.flatMap((conditional) => subjects.flatMap((subject): Array<[string, Hint]> => [
    ...judgements.slice(0, 2).flatMap(([words, hint]) => words.map((word): [string, Hint] => [`${conditional} ${subject} is ${word}`, hint])),
    [`${conditional} ${subject} makes sense`, 'loophole'],
  ]));
  const sense = conditionals.map((conditional): [string, Hint] => [`${conditional} sensible`, 'loophole']);
  // "as * as possible": one word or a two-word predicate ("as hands off as possible"). Only the
  // judgements no noun follows: "as well as practical concerns" is a list.
  const equalities = ['possible', 'feasible', 'practicable'].flatMap((word): Array<[string, Hint]> => [
    [`as * as ${word}`, 'possible'], [`as * * as ${word}`, 'possible'],
  ]);
  return [...bare, ...clauses, ...sense, ...equalities];
}

/** Judgements of whether the case can be done: "if possible", "where feasible", "as early as practical". */
const POSSIBILITY_JUDGEMENTS = ['possible', 'feasible', 'practicable', 'practical', 'desirable', 'reasonable'];

/**
 * Effort clauses (INCOSE GtWR R8, ARM "options"): a commitment to try rather than to achieve ("will
 * make a best effort attempt to keep the interface compatible", "make every effort to", "strive to").
 * Built as a verb of effort with its object; a system's bounded attempt ("retries the request up to
 * 3 times", "will attempt to reconnect") is behaviour, not a hedge, and is left out.
 */
function effortClauses(): Array<[term: string, hint: Hint]> {
  const efforts = ['best effort', 'best effort attempt', 'reasonable effort', 'every effort', 'every reasonable effort', 'all reasonable efforts', 'best efforts', 'reasonable efforts'];
  return [
    ...['make', 'makes', 'making', 'use', 'uses'].flatMap((verb) => efforts.flatMap((effort): Array<[string, Hint]> => [
      [`${verb} ${effort}`, 'loophole'], [`${verb} a ${effort}`, 'loophole'],
    ])).filter(([term]) => !/\ba (?:every|all|best efforts|reasonable efforts)\b/.test(term)),
    ['best effort attempt', 'loophole'], ['strive to', 'loophole'], ['strives to', 'loophole'],
    ['endeavor to', 'loophole'], ['endeavour to', 'loophole'],
  ];
}

const GROUPS: Group[] = [
  {
    // Praise words: they describe a feeling, not a property anyone can test.
    category: 'subjective',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['user friendly', 'usability'], ['easy to use', 'usability'], ['simple to use', 'usability'],
      ['easy to learn', 'usability'], ['intuitive', 'usability'], ['intuitively', 'usability'],
      ['self explanatory', 'usability'], ['hassle free', 'usability'], ['frictionless', 'seamless'],
      ['seamless', 'seamless'], ['seamlessly', 'seamless'], ['robust', 'robust'], ['robustly', 'robust'],
      ['state of the art', 'fashion'], ['cutting edge', 'fashion'], ['best in class', 'fashion'],
      ['world class', 'fashion'], ['enterprise grade', 'fashion'], ['future proof', 'flexible'],
      ['blazing fast', 'latency'], ['lightning fast', 'latency'],
      ['visually appealing', 'usability'], ['aesthetically pleasing', 'usability'], ['attractive', 'usability'],
      ['appealing', 'usability'], ['straightforward', 'usability'], ['self descriptive', 'usability'],
      ['user intuitive', 'usability'],
    ],
  },
  {
    // Escape clauses: they let the implementer decide whether the requirement applies.
    category: 'loophole',
    sources: ['INCOSE-R8', 'ARM', ...SMELL_SOURCES],
    terms: [
      ...escapeClauses(),
      ...effortClauses(),
      ['as far as possible', 'loophole'], ['so far as is possible', 'loophole'],
      ['to the extent possible', 'loophole'], ['to the extent practical', 'loophole'],
      ['to the extent practicable', 'loophole'], ['to the extent necessary', 'loophole'],
      ['to the maximum extent', 'loophole'], ['to the greatest extent', 'loophole'],
      ['if it should prove necessary', 'trigger'],
      ['if time permits', 'loophole'],
      ['ideally', 'loophole'], ['preferably', 'loophole'], ['in most cases', 'loophole'],
      ['in some cases', 'loophole'], ['in certain cases', 'loophole'], ['under certain circumstances', 'loophole'],
      ['in exceptional circumstances', 'loophole'], ['in exceptional cases', 'loophole'],
      ['as soon as possible', 'possible'],
      ['in a timely manner', 'deadline'], ['in a timely fashion', 'deadline'],
      ['without undue delay', 'deadline'], ['without unnecessary delay', 'deadline'],
    ],
  },
  {
    // Open-ended lists: the reader cannot tell what else is included.
    category: 'open-ended',
    sources: ['INCOSE-R9', ...SMELL_SOURCES],
    terms: [
      ['etc.', 'openEnded'], ['and so on', 'openEnded'], ['and so forth', 'openEnded'],
      ['and the like', 'openEnded'], ['or the like', 'openEnded'], ['among others', 'openEnded'],
      ['including but not limited to', 'openEnded'], ['but not limited to', 'openEnded'],
      ['not limited to', 'openEnded'],
      ['and similar', 'openEnded'], ['or similar', 'equivalent'], ['or equivalent', 'equivalent'],
      ['and whatnot', 'openEnded'], ['to name a few', 'openEnded'], ['some kind of', 'openEnded'],
      ['some sort of', 'openEnded'],
    ],
  },
  {
    // Graded adjectives and adverbs whose threshold lives only in the author's head.
    category: 'ambiguous',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['fast', 'latency'], ['quick', 'latency'], ['quickly', 'latency'], ['slow', 'latency'],
      ['slowly', 'latency'], ['responsive', 'latency'], ['snappy', 'latency'], ['low latency', 'latency'],
      ['timely', 'deadline'], ['promptly', 'deadline'], ['real time', 'realtime'], ['near real time', 'realtime'],
      ['instantly', 'realtime'], ['instantaneous', 'realtime'],
      ['high performance', 'throughput'], ['performant', 'throughput'], ['high throughput', 'throughput'],
      ['scalable', 'scale'], ['highly scalable', 'scale'], ['highly available', 'availability'],
      ['high availability', 'availability'], ['reliable', 'reliability'], ['reliably', 'reliability'],
      ['efficient', 'efficiency'], ['efficiently', 'efficiency'], ['lightweight', 'efficiency'],
      ['easy', 'usability'], ['easily', 'usability'], ['simple', 'usability'], ['user oriented', 'usability'],
      ['flexible', 'flexible'], ['flexibly', 'flexible'], ['modern', 'fashion'],
      ['large', 'size'], ['huge', 'size'], ['big', 'size'], ['small', 'size'], ['tiny', 'size'],
      ['short', 'duration'], ['long', 'duration'], ['minimal', 'threshold'], ['negligible', 'threshold'],
      ['significant', 'threshold'], ['significantly', 'threshold'], ['substantial', 'threshold'],
      ['substantially', 'threshold'], ['excessive', 'threshold'], ['excessively', 'threshold'],
      ['appropriate', 'criterion'], ['appropriately', 'criterion'], ['suitable', 'criterion'],
      ['suitably', 'criterion'], ['adequate', 'criterion'], ['adequately', 'criterion'],
      ['sufficient', 'criterion'], ['sufficiently', 'criterion'], ['acceptable', 'criterion'],
      ['reasonable', 'criterion'], ['reasonably', 'criterion'], ['satisfactory', 'criterion'],
      ['proper', 'criterion'], ['properly', 'criterion'], ['meaningful', 'clear'], ['user readable', 'clear'],
      ['clearly', 'clear'], ['understandable', 'clear'], ['readable', 'clear'], ['relevant', 'relevant'],
      ['necessary', 'relevant'], ['important', 'relevant'], ['useful', 'criterion'],
      ['normal', 'criterion'], ['typical', 'speculative'], ['effective', 'criterion'],
      ['high', 'threshold'], ['low', 'threshold'], ['clear', 'clear'], ['secure', 'secure'], ['securely', 'secure'],
      ['safely', 'safe'], ['correctly', 'criterion'], ['take into account', 'criterion'],
      ['take into consideration', 'criterion'], ['having in mind', 'criterion'], ['optimal', 'optimal'], ['optimally', 'optimal'],
      ['optimized', 'optimal'], ['best possible', 'optimal'], ['good', 'optimal'],
    ],
  },
  {
    // Goals without an end point: how much is "minimised"?
    category: 'superlative',
    sources: ['ISO29148', 'SMELLS', 'INCOSE-R7'],
    terms: [
      ['minimize', 'optimal'], ['minimise', 'optimal'], ['minimized', 'optimal'], ['minimised', 'optimal'],
      ['maximize', 'optimal'], ['maximise', 'optimal'], ['maximized', 'optimal'], ['maximised', 'optimal'],
      ['optimize', 'optimal'], ['optimise', 'optimal'], ['optimised', 'optimal'],
      ['best', 'optimal'], ['worst', 'optimal'],
    ],
  },
  {
    // A limit asked for without its value: "with a minimum of driver action", "kept to a minimum".
    // Settled by a number in the statement ("a maximum of 8 digits"). The adjective alone names a
    // parameter ("the minimum supported version") and is not reported.
    category: 'bound',
    sources: ['INCOSE-R7', 'ISO29148'],
    terms: [
      ['a minimum of', 'bound'], ['a maximum of', 'bound'], ['a minimum number of', 'bound'],
      ['a maximum number of', 'bound'], ['to a minimum', 'bound'], ['minimum possible', 'bound'],
      ['maximum possible', 'bound'],
    ],
  },
  {
    // Comparisons without the thing compared to ("faster" than what?); "than" or "to" settles them.
    category: 'comparative',
    sources: ['ISO29148', 'SMELLS'],
    terms: [
      ['better', 'optimal'], ['faster', 'latency'], ['quicker', 'latency'], ['slower', 'latency'],
      ['easier', 'usability'], ['simpler', 'usability'], ['higher', 'threshold'], ['lower', 'threshold'],
      ['larger', 'size'], ['smaller', 'size'], ['more efficient', 'efficiency'], ['more reliable', 'reliability'],
      ['worse', 'optimal'],
    ],
  },
  {
    // Comparative forms in general (Smella finds them by part of speech): "greater", "fewer".
    category: 'comparative',
    sources: ['SMELLS', 'ISO29148'],
    terms: [
      ['greater', 'reference'], ['fewer', 'reference'], ['longer', 'reference'], ['shorter', 'reference'],
      ['bigger', 'size'],
    ],
  },
  {
    // Quantities without a number.
    category: 'quantifier',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['some', 'quantity'], ['several', 'quantity'], ['many', 'quantity'], ['a few', 'quantity'],
      ['few', 'quantity'], ['numerous', 'quantity'], ['a lot of', 'quantity'], ['lots of', 'quantity'],
      ['a large number of', 'quantity'], ['large number of', 'quantity'], ['a number of', 'quantity'],
      ['a variety of', 'quantity'], ['various', 'quantity'], ['a wide range of', 'quantity'],
      ['plenty of', 'quantity'], ['the majority of', 'quantity'], ['most', 'quantity'],
      ['certain', 'relevant'], ['little', 'quantity'], ['different', 'relevant'],
      ['high volume', 'throughput'], ['high volumes of', 'throughput'], ['high load', 'throughput'],
    ],
  },
  {
    // Like "a variety of": which ones, and how many?
    category: 'quantifier',
    sources: SMELL_SOURCES,
    terms: [['a range of', 'quantity']],
  },
  {
    // Judgements with no stated criterion: an intensifier ("extremely", "too long"), a severity
    // ("serious problems"), a closeness ("monitor closely"), a perception ("a distinctive tone",
    // "obvious to the user"), a level of detail, an unnamed class of data.
    category: 'ambiguous',
    sources: SMELL_SOURCES,
    terms: [
      ['extremely', 'threshold'], ['serious', 'threshold'], ['seriously', 'threshold'], ['closely', 'tolerance'], ['too *', 'threshold'], ['familiar', 'usability'], ['detailed', 'detail'],
      ['distinctive', 'clear'], ['distinguishable', 'clear'], ['recognisable', 'clear'], ['recognizable', 'clear'],
      ['noticeable', 'clear'], ['evident', 'clear'],
      ['sensitive data', 'relevant'], ['sensitive information', 'relevant'],
    ],
  },
  {
    // INCOSE R7 terms: qualities named without the criterion that shows them ("maintainable"), and
    // the colloquial or negated forms of "sufficient" and "acceptable".
    category: 'ambiguous',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['maintainable', 'maintain'], ['reusable', 'maintain'], ['modular', 'maintain'], ['expandable', 'maintain'],
      ['extensible', 'maintain'], ['enough', 'criterion'], ['unacceptable', 'criterion'], ['unsuitable', 'criterion'],
      ['unsatisfactory', 'criterion'], ['convenient', 'usability'], ['conveniently', 'usability'],
    ],
  },
  {
    // References left undetermined (ISO 29148 vague references): "a standard data interface"
    // (which standard?), "special classes of trains" (which ones?).
    category: 'ambiguous',
    sources: ['ISO29148', 'SMELLS'],
    terms: [['standard', 'standard'], ['standardised', 'standard'], ['standardized', 'standard'], ['special', 'relevant']],
  },
  {
    // ARM weak phrases that name a provision instead of a behaviour.
    category: 'ambiguous',
    sources: ['ARM'],
    terms: [['provide for', 'behaviour'], ['capability to', 'behaviour'], ['capability of', 'behaviour']],
  },
  {
    // How often, left to the implementer's judgement.
    category: 'frequency',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['often', 'frequency'], ['frequently', 'frequency'], ['occasionally', 'frequency'],
      ['sometimes', 'frequency'], ['rarely', 'frequency'], ['seldom', 'frequency'],
      ['regularly', 'frequency'], ['periodically', 'frequency'], ['periodic', 'frequency'], ['from time to time', 'frequency'],
      ['usually', 'speculative'], ['normally', 'speculative'], ['typically', 'speculative'],
      ['generally', 'speculative'], ['in general', 'speculative'],
    ],
  },
  {
    // Hedged numbers: the number is there, its tolerance is not.
    category: 'approximation',
    sources: ['INCOSE-R7', ...SMELL_SOURCES],
    terms: [
      ['approximately', 'tolerance'], ['approximate', 'tolerance'], ['approx.', 'tolerance'], ['roughly', 'tolerance'],
      ['more or less', 'tolerance'], ['almost always', 'tolerance'], ['nearly always', 'tolerance'],
      ['close to', 'tolerance'], ['nearly', 'tolerance'], ['almost', 'tolerance'],
      ['about #', 'tolerance'], ['around #', 'tolerance'], ['circa #', 'tolerance'], ['essentially', 'tolerance'],
    ],
  },
  {
    // A floor with the rest left open: ARM's weak phrase, ISO 29148's open-ended term. Numbers do
    // not settle it; outside commitments it is ordinary argument ("at minimum, we should...").
    category: 'floor',
    sources: ['ARM', 'ISO29148'],
    terms: [['as a minimum', 'floor'], ['at a minimum', 'floor'], ['at minimum', 'floor']],
  },
  {
    // Hedges that weaken a commitment (ISO 29148 loopholes, ARM options): "should probably",
    // "potentially drop them", "hopefully within a year", "tentative criteria".
    category: 'loophole',
    sources: ['ISO29148', 'ARM', 'SMELLS'],
    terms: [
      ['potentially', 'loophole'], ['possibly', 'loophole'], ['probably', 'loophole'], ['hopefully', 'loophole'],
      ['tentative', 'loophole'], ['tentatively', 'loophole'], ['eventually', 'deadline'],
    ],
  },
  {
    // Values left open: "the (as-yet-undetermined) plan", "a limit to be determined".
    category: 'loophole',
    sources: ['INCOSE-R7', 'ISO29148'],
    terms: [
      ['as yet undetermined', 'tbd'], ['undetermined', 'tbd'], ['to be determined', 'tbd'], ['to be decided', 'tbd'],
      ['not yet determined', 'tbd'], ['not yet decided', 'tbd'],
    ],
  },
  {
    // Similarity without a tolerance: how close is "comparable"? The referent does not settle it.
    category: 'ambiguous',
    sources: ['ISO29148', 'SMELLS'],
    terms: [
      ['similar', 'tolerance'], ['comparable', 'tolerance'], ['comparably', 'tolerance'], ['well defined', 'criterion'],
      ['works well', 'criterion'], ['work well', 'criterion'],
    ],
  },
  {
    // Evaluative modifiers (ISO 29148 subjective language): sensible defaults, comprehensive tests.
    category: 'ambiguous',
    sources: ['ISO29148', 'SMELLS'],
    terms: [['sensible', 'criterion'], ['comprehensive', 'detail'], ['professional', 'fashion']],
  },
  {
    // Manner adverbs of quality (ISO 29148 ambiguous adverbs): "handle failures gracefully", "degrade
    // gracefully", "migrate smoothly", "distributed fairly" say that it goes well, not what happens. "Terminate gracefully"
    // and "graceful shutdown" name the mechanism (stop accepting work, finish it, then exit).
    category: 'ambiguous',
    sources: ['ISO29148', 'SMELLS'],
    terms: [['gracefully', 'graceful'], ['graceful', 'graceful'], ['smoothly', 'graceful'], ['fairly', 'criterion']],
  },
  {
    // The open tail of a list.
    category: 'open-ended',
    sources: ['INCOSE-R7'],
    terms: [['and others', 'openEnded'], ['or others', 'openEnded']],
  },
];

/**
 * Phrases that contain a lexicon word but are precise or technical ("at most 5", "most recent",
 * "little-endian", "long press"). They are matched first and never reported.
 */
export const BENIGN_PHRASES: readonly string[] = [
  'at most', 'most recent', 'most recently', 'most significant', 'least significant', 'as long as',
  'long term', 'long running', 'long lived', 'long polling', 'long press', 'short lived', 'short circuit',
  'big endian', 'little endian', 'big o', 'fast forward', 'fast path', 'fail fast', 'quick start',
  'quick fix', 'quick pick', 'significant digits', 'significant figures', 'statistically significant',
  'real time clock', 'good first issue', 'known good', 'proper subset', 'large language model',
  'large language models', 'simple storage service', 'simple notification service',
  'simple queue service', 'simple mail transfer protocol', 'simple object access protocol', 'short code',
  'short codes', 'human readable', 'machine readable',
  'normal distribution', 'normal form', 'high priority', 'low priority', 'higher priority',
  'lower priority', 'high level', 'low level', 'higher level', 'lower level', 'lower case', 'upper case',
  'make certain', 'it is necessary', 'is necessary to', 'are necessary to',
  'high water mark', 'low water mark', 'clear the', 'clear all', 'clear a', 'clear an', 'clear any',
  'clear it', 'clear its', 'clear their', 'clear them', 'clear this', 'clear that', 'clear cache',
  'clear button', 'in the clear', 'secure boot', 'secure cookie', 'secure cookies', 'secure flag',
  'secure attribute', 'secure shell', 'secure sockets layer', 'secure socket layer', 'secure hash algorithm', 'secure enclave',
  'secure element', 'secure context', 'secure contexts',
  // Comparatives and bounds that are settled by the number next to them, or are idioms.
  'or fewer', 'no fewer', 'or greater', 'no greater', 'no longer', 'any longer', 'or longer', 'or shorter',
  'or higher', 'or lower', 'best effort', 'worst case', 'too many requests',
  // A reference, not an escape clause; a verb, not an adjective.
  'as required by', 'as required in', 'as required under', 'as required per', 'marked as required',
  'mark as required', 'set as required', 'as detailed', 'detailed below',
  'detailed above', 'detailed in',
  // Names of things, not references left open.
  'standard library', 'standard libraries', 'standard input', 'standard output', 'standard error',
  'standard streams', 'standard deviation', 'special needs', 'special case', 'special cases', 'special cased', 'special casing',
];

/** The built-in entries, one per term. */
export const BUILTIN_TERMS: readonly LexiconEntry[] = GROUPS.flatMap((group) =>
  group.terms.map(([term, hint]) => ({ term, category: group.category, hint: HINT[hint], sources: group.sources })),
);

/** Categories that the vague-term rule reports in any prose, not only in normative sections. */
export const EVERYWHERE_CATEGORIES: ReadonlySet<string> = new Set(['subjective', 'loophole', 'open-ended', 'custom']);

/**
 * Categories whose terms are settled by a number next to them ("fast: p95 < 200 ms"). Loopholes,
 * open-ended lists and approximations stay vague whatever numbers surround them.
 */
export const MEASURABLE_CATEGORIES: ReadonlySet<string> = new Set([
  'subjective', 'ambiguous', 'comparative', 'superlative', 'bound', 'quantifier', 'frequency', 'custom',
]);

/** Hints whose terms are about time: only a duration, percentile or rate settles them. */
const TIME_HINTS: ReadonlySet<string> = new Set([HINT.latency, HINT.deadline, HINT.realtime, HINT.duration]);

/**
 * Words whose criterion is a rule, not an amount: no number says what "correctly" means ("shall
 * function correctly when travelling at speeds from 0 km/h to 500 km/h" bounds the speed, not
 * correctness), and no number says which standard is meant.
 */
const RULE_CRITERIA: ReadonlySet<string> = new Set(['correct', 'correctly', 'proper', 'properly', 'standard', 'standardised', 'standardized']);

/** Which kind of quantity settles an entry: 'time' for speed words, 'any' otherwise, 'none' never. */
export function settledBy(entry: LexiconEntry): 'time' | 'any' | 'none' {
  if (!MEASURABLE_CATEGORIES.has(entry.category) || RULE_CRITERIA.has(entry.term)) return 'none';
  return TIME_HINTS.has(entry.hint) ? 'time' : 'any';
}

/** Hint for vocabulary terms added without one. */
export const DEFAULT_HINT = 'replace it with a measurable statement: a number with a unit, a list, or a named standard';
