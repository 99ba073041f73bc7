import { isMeasured, setsTimeLimit } from '../lexicon/measured';
import { isNameInside, MEANS_BY, MEANS_LISTED, namesAnnotationRetention } from '../lexicon/senses';
import type { QuantityKind } from '../lexicon/quantity';
import { rangeFromOffsets } from '../model/text';
import type { Sentence, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import type { ScopedDocument } from '../model/scope';
import type { Statement } from '../model/statements';
import { linkStartsWithin } from './util';
import { measurablePlaceholderFix } from './fixes/wording';
import { asInstruction, plainText } from './question-text';

interface Quality {
  quality: string;
  /** Words and phrases that name the quality; a space also matches a hyphen. */
  words: string[];
  hint: string;
  /** Quantities that measure it; any quantity when omitted. */
  kinds?: QuantityKind[];
  /** Phrases with room for modifiers, as regular expression sources ("peak carrier traffic"). */
  patterns?: string[];
}

const QUALITIES: Quality[] = [
  {
    // Not "speed": in requirements it is mostly a measured value ("the train speed"), not a quality.
    quality: 'latency',
    words: ['latency', 'latencies', 'response time', 'response times', 'responsiveness', 'responsive', 'fast',
      'faster', 'quick', 'quickly', 'slow', 'load time', 'load times', 'loading time', 'page load', 'startup time',
      'start up time', 'boot time', 'processing time', 'turnaround time', 'wait time', 'waiting time', 'round trip time'],
    hint: 'state a latency target, e.g. p95 < 200 ms',
    // A relative target counts: "reduce latency by 50%", "20-50 times lower latency".
    kinds: ['time', 'rate', 'percent'],
  },
  {
    quality: 'throughput',
    words: ['throughput', 'requests per second', 'transactions per second', 'messages per second', 'bandwidth', 'peak load'],
    hint: 'state the sustained rate, e.g. 500 requests/s',
    // A load named by its level and not by a number: "keep up with peak carrier traffic", "at peak
    // volume", "traffic spikes". What the peak is, is the target the builder needs.
    patterns: [
      String.raw`peak\s+(?:(?!memory\b|cpu\b|disk\b|ram\b|storage\b|performance\b)[\p{L}-]+\s+){0,2}?(?:traffic|loads?|volumes?|demand|usage|rates?|hours|times|periods|conditions|season)`,
      String.raw`(?:traffic|load|request|message|write|event)\s+(?:spikes?|peaks?|bursts?)`,
      String.raw`keep(?:s|ing)?\s+up\s+with\s+(?:(?:the|all|any|incoming|expected)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:traffic|loads?|volumes?|demand|messages|events|requests|writes|updates)`,
    ],
  },
  {
    quality: 'availability',
    // Bare "availability" is as often about access ("availability of equipment to staff").
    words: ['high availability', 'highly available', 'uptime', 'downtime', 'service availability',
      'system availability', 'availability target', 'availability of the system', 'availability of the service'],
    hint: 'state an availability target, e.g. 99.9% monthly uptime',
    kinds: ['percent', 'time'],
  },
  {
    quality: 'scalability',
    words: ['scalability', 'scalable', 'scale up', 'scale out', 'scale horizontally', 'scale vertically', 'scale to',
      'scale well', 'at scale'],
    hint: 'state the load it must handle, e.g. 10,000 concurrent users or 1 TB of data',
  },
  {
    quality: 'concurrency',
    words: ['concurrent users', 'concurrent connections', 'concurrent sessions', 'concurrent requests', 'simultaneous users',
      'simultaneous connections', 'concurrency'],
    hint: 'state the number, e.g. 5,000 concurrent sessions',
  },
  {
    quality: 'capacity',
    words: ['capacity', 'storage capacity', 'disk space', 'storage space', 'disk usage', 'storage usage', 'file size',
      'upload size', 'payload size', 'message size', 'request size', 'response size', 'size limit', 'maximum size',
      'max size', 'bundle size'],
    hint: 'state the limit with a unit, e.g. up to 50 MB per file',
  },
  {
    quality: 'memory',
    words: ['memory usage', 'memory footprint', 'memory consumption', 'memory use', 'memory budget', 'ram usage'],
    hint: 'state a memory budget, e.g. < 512 MB resident per instance',
  },
  {
    quality: 'cpu',
    words: ['cpu usage', 'cpu utilization', 'cpu utilisation', 'cpu load', 'cpu consumption', 'cpu time', 'cpu budget'],
    hint: 'state a CPU budget, e.g. < 70% of one core at 100 requests/s',
  },
  {
    quality: 'reliability',
    words: ['reliability', 'reliable', 'reliably', 'error rate', 'failure rate', 'error budget', 'mtbf', 'fault tolerance',
      'fault tolerant'],
    hint: 'state a failure budget, e.g. error rate < 0.1% of requests per day',
  },
  {
    quality: 'durability',
    words: ['durability', 'durable', 'data loss', 'rpo', 'recovery point objective'],
    hint: 'state the loss budget, e.g. RPO of 5 minutes',
    kinds: ['time', 'percent'],
  },
  {
    quality: 'recovery',
    words: ['recovery time', 'rto', 'recovery time objective', 'failover time', 'mttr', 'time to recover'],
    hint: 'state the recovery target, e.g. RTO of 15 minutes',
    kinds: ['time'],
  },
  {
    quality: 'timeout',
    words: ['timeout', 'timeouts', 'time out', 'times out', 'timed out'],
    hint: 'state the duration, e.g. 30 s',
    kinds: ['time'],
  },
  {
    quality: 'performance',
    words: ['performance', 'performant'],
    hint: 'name the metric and its target, e.g. p95 latency < 300 ms at 200 requests/s',
  },
  {
    // ISO 25010 usability: measured by task success, time on task or error counts.
    quality: 'usability',
    words: ['usability', 'ease of use', 'user friendliness', 'learnability', 'ease of learning'],
    hint: 'state a usability criterion, e.g. 90% of first-time users finish the task in under 2 minutes',
    kinds: ['percent', 'time', 'count'],
  },
  {
    quality: 'maintainability',
    words: ['maintainability', 'ease of maintenance', 'modifiability', 'extensibility'],
    hint: 'name the change and the effort allowed, e.g. a new export format takes under 2 days to add',
  },
  {
    // Not "portable": in requirements it is as often a device ("a handheld portable").
    quality: 'portability',
    words: ['portability'],
    hint: 'list the platforms it must run on, e.g. Linux x86-64 and arm64, Windows 11',
  },
  {
    quality: 'accuracy',
    words: ['accuracy', 'accurate', 'accurately'],
    hint: 'state the tolerance, e.g. within ±0.5% of the reference value',
  },
  {
    quality: 'energy',
    words: ['power consumption', 'energy consumption', 'energy use', 'battery life', 'battery consumption'],
    hint: 'state the budget, e.g. at most 2 W average, or 8 hours of battery life',
  },
  {
    quality: 'retention',
    words: ['retention period', 'retention'],
    hint: 'state the period, e.g. kept for 90 days, then deleted',
    kinds: ['time'],
  },
];

/** One pattern, one named group per quality; longest phrase first so "response time" beats "response". */
const QUALITY_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_-])(?:${QUALITIES.map((quality, index) => `(?<q${index}>${[...(quality.patterns ?? []), alternation(quality.words)].join('|')})`).join('|')})(?![\\p{L}\\p{N}_-])`,
  'giu',
);
/** The same pattern without the global flag, for a test that keeps no position. */
const QUALITY_PRESENT = new RegExp(QUALITY_PATTERN.source, 'iu');

/**
 * Section roles whose binding statements are judged. In design sections quality words mostly name
 * things ("the capacity of the resource", "a timeout field"), not targets.
 */
const REQUIREMENT_SECTIONS: ReadonlySet<string> = new Set(['requirements', 'criteria', 'goals']);

/** The quality is tied to a target named elsewhere: "startup latency SLOs", "the latency budget". */
const NAMED_TARGET = /^[\s-]*(?:slos?|slas?|slis?|targets?|budgets?|objectives?|thresholds?)\b/iu;

/**
 * A cost of the quality removed altogether ("Eliminate the performance impact of setting
 * SelfLink", "without a latency regression"): the target is zero, which is measurable.
 */
const REMOVED_COST = /^[\s-]+(?:impact|overhead|regressions?|degradation|penalty|penalties|hit|costs?|limits?|caps?|bottlenecks?)\b/i;

/**
 * The statement sets up the target or its measurement ("Establish SLO for pod startup latency",
 * "add metrics for the queue latency"), or explains the quality after a colon ("Enable consumer
 * portability: consumers work with every scheduler through one API").
 */
const SETS_TARGET = /\b(?:slos?|slis?|slas?|targets?|budgets?|thresholds?|metrics?|benchmarks?|dashboards?|alerts?)\s+(?:for|on|of)\s+(?:the\s+)?[^,;.]{0,30}$/i;
const EXPLAINED = /^[^.;:]{0,40}:\s*\S/;
const REMOVAL = /\b(?:eliminate[sd]?|eliminating|remove[sd]?|removing|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|no|without|zero)\b[^,;.]{0,40}$/i;

/** A relative target: "20-50 times lower latency", "a 2x reduction", "by ~40x". */
const MULTIPLIER = /(?<![\p{L}\d])~?\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(?:x|times)\b/iu;

/** Qualities a relative target ("10x fewer events", "20 times lower") can set. */
const RELATIVE_QUALITIES: ReadonlySet<string> = new Set(['latency', 'performance', 'throughput', 'scalability']);

/**
 * Where a relative target for a sentence may be written: the sentence, or for a list item the
 * whole item ("Proved scalability/performance gain. With a simple POC I was able to reduce
 * processed events by ~40x. So setting the minimum goal on 10x ..."): an item states one criterion.
 */
function relativeTargetText(model: SpecModel, sentence: Sentence): string {
  if (!sentence.listItem) return sentence.text;
  return model.sentences.filter((other) => other.listItem === sentence.listItem).map((other) => other.text).join(' ');
}

/**
 * Nouns of things and activities that a quality word can name the kind of: "Scalability tests",
 * "latency measurements", "performance issues", "retention policies", "latency and max limits
 * results". The statement asks for the thing (a test, a metric, a policy), not for a level of the
 * quality.
 */
const ARTEFACT = /^(?:\s*(?:,|\band\b|\bor\b|&|\/)\s*[\p{L}-]+(?:\s+[\p{L}-]+)?){0,2}[\s/-]+(?:tests?|testing|benchmarks?|benchmarking|measurements?|metrics?|numbers|data|results?|dashboards?|jobs?|suites?|reports?|reporting|issues?|problems?|bugs?|polic(?:y|ies)|analys[ie]s|evaluations?|reviews?|stud(?:y|ies)|experiments?|profiling|profiles?|monitoring|tracking|framework|harness|tooling|tools?|teams?|sigs?|characteristics|considerations|implications|sections?|requirements?|criteria|goals?|features?|settings?|fields?|values?|parameters?|options?|flags?|configuration|knobs?|mode|class(?:es)?|tier|sli|slis)\b/iu;

/** The artefacts among those that measure the quality: a test, a benchmark, a measurement, a metric. */
const MEASUREMENT = /^(?:\s*(?:,|\band\b|\bor\b|&|\/)\s*[\p{L}-]+){0,2}[\s/-]+(?:tests?|testing|benchmarks?|benchmarking|measurements?|metrics?|dashboards?|profiling|experiments?)\b/iu;

/**
 * A verb that measures, watches or tests the quality: "measure scheduling throughput", "covers the
 * performance of", "monitor latency". The statement asks for the measurement, not for a level.
 */
const MEASURING = /\b(?:measur(?:e|es|ed|ing)|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|monitor(?:s|ed|ing)?|track(?:s|ed|ing)?|observ(?:e|es|ed|ing)|record(?:s|ed|ing)?|report(?:s|ed|ing)?|collect(?:s|ed|ing)?|expos(?:e|es|ed|ing)|cover(?:s|ed|ing)?|benchmark(?:s|ed|ing)?|profil(?:e|es|ed|ing)|quantif(?:y|ies|ied|ying)|assess(?:es|ed|ing)?|captur(?:e|es|ed|ing)|visuali[sz](?:e|es|ed|ing))\s+(?:(?:the|its|their|our|a|an|any|overall|end-to-end|e2e|[\p{L}-]+ing|[\p{L}-]+(?:al|ed))\s+){0,3}(?:[\p{L}-]+\s+(?:and|or)\s+)?$/iu;

/**
 * A target of no change: "the error rate should not increase", "No increase to memory usage",
 * "should not increase scheduling latency": checkable against the current behaviour.
 */
const NO_CHANGE_BEFORE = /\b(?:no|zero|not|never|without(?:\s+an?)?)\s+(?:\p{L}+\s+){0,2}?(?:increas(?:e|es|ed|ing)|grow(?:s|th|ing)?|rais(?:e|es|ing)|degrad(?:e|es|ed|ing|ation)|regress(?:es|ed|ing|ions?)?|worsen(?:s|ed|ing)?|chang(?:e|es|ed|ing)|affect(?:s|ed|ing)?)\s+(?:(?:to|in|of|on|the|its|their|our)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const NO_CHANGE_AFTER = /^\s+(?:\p{L}+\s+){0,3}?(?:should|must|shall|will|does|do|is|are|may)\s+not\s+(?:\p{L}+ly\s+)?(?:increase|grow|rise|degrade|regress|worsen|change|be (?:affected|impacted|degraded|increased))\b/iu;

/**
 * A cost the change brings, stated as a fact or a forecast: "The feature gate will increase memory
 * usage". Nobody asks for more latency or memory: it is an effect, not a target.
 */
const COST_QUALITIES: ReadonlySet<string> = new Set(['latency', 'memory', 'cpu', 'energy', 'capacity', 'timeout']);
/** "the same latency as before", "the same throughput as today": equal to a level already measured. */
const SAME_BEFORE = /\b(?:the\s+)?same\s+(?:[\p{L}-]+\s+)?$/iu;
const SAME_AS_EXISTING = /^\s+(?:\p{L}+\s+)?as\s+(?:before|today|now|currently|previously|in the current release|(?:the|with the|in the)\s+(?:existing|current|previous)\b|without\b)/iu;
const RAISES_COST = /\b(?:will|would|may|might|could|can|does|do)\s+(?:\p{L}+ly\s+)?(?:increase|raise|add(?:\s+to)?|double|grow|inflate)\s+(?:(?:the|its|their|our|some|a\s+bit\s+of|slightly|overall)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

/** A value left to whoever configures it: "a configurable timeout", "custom retention". */
const CONFIGURABLE_BEFORE = /\b(?:configurable|customi[sz]able|adjustable|tunable|user[\s-](?:defined|specified|configurable)|custom|optional)\s+(?:[\p{L}-]+\s+)?$/iu;
/**
 * A value the user supplies: "an option for specifying a running timeout", "a flag to set the
 * retention", "lets the operator choose the timeout", "the caller passes a timeout".
 */
const SUPPLIED_BEFORE = /\b(?:(?:options?|flags?|settings?|parameters?|arguments?|fields?|knobs?|switch(?:es)?|ways?|means)\s+(?:for|to)\s+|(?:lets?|allows?|enables?)\s+(?:the\s+)?(?:users?|callers?|clients?|operators?|admins?|administrators?|teams?)\s+(?:to\s+)?|(?:users?|callers?|clients?|operators?|admins?|administrators?)\s+(?:can\s+|may\s+)?)(?:specify|specifies|specifying|set|sets|setting|configure|configures|configuring|choose|chooses|choosing|pass|passes|passing|override|overrides|overriding|select|selects|selecting|adjust|adjusts|adjusting|tune|tunes|tuning|provide|provides|providing)\s+(?:(?:the|a|an|its|their|own|custom)\s+)*(?:[\p{L}-]+\s+)?$/iu;
const CONFIGURABLE_AFTER = /^\s+(?:(?:is|are|can|could|may|must|should|will)\s+)?(?:be\s+)?(?:configurable|customi[sz]able|adjustable|tunable|configured|set by)\b/iu;

/** A relative clause about something else: "workloads that can tolerate downtime". */
const TOLERATED = /\b(?:that|which|who)\s+(?:(?:can|could|may|might|will|do|does|cannot|can['’]t|don['’]t|doesn['’]t)\s+)?(?:not\s+)?(?:tolerate|accept|afford|survive|withstand|experience|suffer|care about|depend on)s?\s+(?:(?:some|the|a|an|any|brief|short|occasional|high|higher|low|lower)\s+)*$/iu;

/**
 * A purpose or a means after the main clause: "Re-evaluate the need to skip reconciliation to
 * optimize performance", "Improve reliability by providing a way to terminate gracefully": the
 * statement binds the action; the quality is why it is wanted.
 */
const TRAILING_PURPOSE = /\S\s+(?:in order\s+)?to\s+(?:\p{L}+\s+)?(?:improve|optimi[sz]e|increase|reduce|boost|enhance|maximi[sz]e|minimi[sz]e|speed up|lower|help|ensure|guarantee|preserve|maintain|protect|achieve)\s+(?:(?:the|its|their|our|overall|better|higher|lower)\s+)*(?:[\p{L}-]+\s+){0,2}$/iu;
/**
 * A load the means serves: "provide load balancing to overcome data load spikes". Not "able to
 * handle peak traffic" or "needs to absorb traffic spikes", where coping with the load is the target.
 */
const COPING_PURPOSE = /\S\s+(?<!\b(?:able|needs?|has|have|had|required|expected|designed|going|wants?|ought|used|is|are|be|been|must|shall|should|will|can)\s+)(?:in order\s+)?to\s+(?:overcome|absorb|withstand|survive|cope with|handle)\s+(?:(?:the|its|their|our|any|all)\s+)*(?:[\p{L}-]+\s+){0,2}$/iu;
/** The means, after the quality: "by adding a cache", or listed after the lead-in ("with the following changes:"). */
const MEANS_AFTER = new RegExp(String.raw`^[^.;]{0,80}?${MEANS_BY}|^[^.;]{0,80}?${MEANS_LISTED}`, 'iu');

/**
 * Qualities that are a limit rather than a level: a timeout is what happens when a time limit runs
 * out, a retention period is how long something is kept. The limit may be set anywhere in the
 * statement's item or paragraph ("answers within 15 seconds. ... a timeout is a failed attempt").
 */
const LIMIT_QUALITIES: ReadonlySet<string> = new Set(['timeout', 'retention']);

/** Values that have a tolerance: "accurate timestamps", "accurate estimates". */
const NUMERIC_NOUNS = String.raw`(?:timestamps?|times?|clocks?|counts?|estimates?|measurements?|positions?|locations?|readings?|values?|figures?|numbers?|totals?|amounts?|coordinates|rates?|percentages?|predictions?|forecasts?)\b`;
const NUMERIC_NOUN = new RegExp(String.raw`^\s+(?:\p{L}+\s+)?${NUMERIC_NOUNS}`, 'iu');
/** The subject of the clause is such a value: "Timestamps must be accurate". */
const NUMERIC_SUBJECT = new RegExp(String.raw`\b${NUMERIC_NOUNS}`, 'iu');

/**
 * Why the quality word is not the target the statement sets, or undefined when it is: the word
 * names a kind of test, metric or policy; it is what a measurement measures; the statement
 * asks for no change or forecasts a cost; the value is left to configuration; the word sits in
 * an aside, an example, a relative clause about something else, or a purpose or means clause.
 */
export function notTheTarget(text: string, start: number, end: number, quality: string): string | undefined {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (ARTEFACT.test(after)) return 'names a kind of thing';
  // "remains accurate regardless of changes", "accurately preview which objects will be deleted":
  // correctness of a result, which has no tolerance; "accurate timestamps" or "accuracy" is a measure.
  if (quality === 'accuracy' && !/^accuracy$/i.test(text.slice(start, end)) && !NUMERIC_NOUN.test(after)
    && !NUMERIC_SUBJECT.test(before.split(/[,;:]/).pop() ?? '')) return 'means correct';
  if (MEASURING.test(before)) return 'is measured, not targeted';
  if (NO_CHANGE_BEFORE.test(before) || NO_CHANGE_AFTER.test(after)) return 'no change is the target';
  // "System Pods should start with the same latency as before": the level measured today is the target.
  if (SAME_BEFORE.test(before) && SAME_AS_EXISTING.test(after)) return 'the existing level is the target';
  if (COST_QUALITIES.has(quality) && RAISES_COST.test(before)) return 'a cost the change brings';
  if (CONFIGURABLE_BEFORE.test(before) || CONFIGURABLE_AFTER.test(after) || SUPPLIED_BEFORE.test(before)) return 'left to configuration';
  if (TOLERATED.test(before)) return 'describes something else';
  if (TRAILING_PURPOSE.test(before) || COPING_PURPOSE.test(before) || MEANS_AFTER.test(after)) return 'a purpose or a means';
  return undefined;
}

/**
 * An adjective that classifies the noun after it ("a durable store", "reliable delivery
 * guarantees"): it names a kind of component, not a quality the statement asks for.
 */
function namesAKind(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).toLowerCase();
  if (!/^(?:durable|reliable|scalable|responsive|accurate|fast|quick|slow|fault tolerant|highly available)$/.test(word)) return false;
  const before = text.slice(0, start);
  const opens = !/\p{L}/u.test(before.replace(/\[[^\]]*\]|\([^)]*\)|[A-Z]+-\d+:?/g, ''));
  return (opens || /\b(?:a|an|the|its|their|our|any|each|every)\s+$/i.test(before)) && /^\s+\p{Ll}/u.test(text.slice(end));
}

export const unmeasurableRequirement: Rule<UnmeasurableRequirementData> = {
  id: 'unmeasurable-requirement',
  defaultSeverity: 'warning',
  dimension: 'requirements',
  scoreRole: 'wording',
  tags: ['statement'],
  scope: { statements: 'binding', exclude: ['example', 'parentheses', 'justification', 'follow-up'] },
  docs: {
    description: 'Requirements (typically non-functional) with no measurable target.',
    summary: 'A requirement names a quality (latency, availability, throughput, size...) without a number and unit.',
    rationale: 'A quality without a target cannot be accepted or rejected: "low latency" passes at 50 ms for one '
      + 'reader and fails at 500 ms for another. Checked: binding statements (see the statement model) of '
      + 'requirements, non-functional, criteria and goals sections: list items and table rows, and prose that binds '
      + 'itself (must, shall, should, will, needs to); never narrative, questions, definitions, non-goals or design '
      + 'sections, where quality words name things ("the capacity of the resource"). Not reported: an adjective '
      + 'that classifies its noun ("a durable store"), a quality tied to a named target ("startup latency SLOs"), '
      + 'a capitalised name ("the Performance API"), a relation ("costs scale with load"), justification clauses, '
      + 'and latency given as a relative target ("20-50 times lower", "by 50%"), a cost of the quality removed '
      + 'altogether ("eliminate the performance impact", "eliminate the message size limit"), a statement that sets '
      + 'up the target or its measurement ("Establish an SLO for pod startup latency") and a quality explained '
      + 'after a colon ("Enable portability: consumers work with every scheduler"). Only a quality the statement sets '
      + 'as its target is judged: not a quality that names a kind of thing ("Scalability tests", "latency '
      + 'measurements", "performance issues", "retention policies"; once a statement asks for a test or a '
      + 'measurement, its other quality words are what that measures), the object of a measuring verb ("measure '
      + 'scheduling throughput", "covers the performance of"), a target of no change ("the error rate should not '
      + 'increase", "no increase to memory usage"), the level measured today ("the same latency as before"), a cost the change brings ("will increase memory usage"), a value '
      + 'left to configuration ("a configurable timeout") or supplied by its user ("an option for specifying a '
      + 'running timeout", "lets the operator set the retention"), "retention" as the property of an annotation ("the '
      + '`BINARY` retention of every marker", "source retention"), an aside in parentheses or an example, a relative clause '
      + 'about something else ("workloads that can tolerate downtime"), a purpose or a means ("… to optimize '
      + 'performance", "Improve reliability by providing …"), and "accurate(ly)" meaning correct ("accurately preview '
      + 'which objects will be deleted"; "accurate timestamps" and "accuracy" are judged). A statement is measured when '
      + 'the sentence, the next sentence of the same item or the table row gives a quantity of the right kind '
      + '(latency needs a duration or a rate, availability a percentage or a duration, usability a percentage, a '
      + 'duration or a count, "p95" counts as latency; a load named by its level and not by a number ("keep up with '
      + 'peak carrier traffic", "during traffic spikes") is a throughput target without one; physical units such as "5 mm" or "900 MHz" count too), or '
      + 'when it points to a target written elsewhere (a link or another requirement id). A timeout or a retention '
      + 'period is the other side of a time limit: a bound duration anywhere in its list item or paragraph ("answers '
      + 'within 15 seconds. Any other status or a timeout is a failed attempt") measures it. A relative target ("by '
      + '~40x", "10 times fewer") anywhere in the same list item sets a latency, performance, throughput or '
      + 'scalability target. A quality word that is '
      + 'also a vague term ("fast", "scalable", "reliable") is reported by vague-term, not again here; it is '
      + 'reported here when vocabulary.remove took it out of the lexicon.',
    bad: '- NFR-1: The API must have low latency and high availability.',
    good: '- NFR-1: The API MUST answer within 250 ms at p95 and be available 99.9% of each calendar month.',
    sources: [
      'ISO/IEC 25010:2011 (quality characteristics: performance efficiency, reliability, capacity)',
      'INCOSE Guide for Writing Requirements, R34 (measurable performance) and R7 (vague terms)',
      'Robertson & Robertson, Volere Requirements Specification Template: fit criteria',
    ],
  },
  question: unmeasurableQuestion,
  fixes: (finding) => [measurablePlaceholderFix(finding)],
  check(model: SpecModel, context: RuleContext): RawFinding<UnmeasurableRequirementData>[] {
    const findings: RawFinding<UnmeasurableRequirementData>[] = [];
    model.sentences.forEach((sentence, index) => {
      const statement = requirementStatement(context.scope, sentence);
      if (statement) findings.push(...unmeasuredQualities(model, index, context));
    });
    return findings;
  },
};

/**
 * Requirement statements that name qualities: binding statements in requirement and criteria
 * sections, and explicitly binding ones (must, shall, an imperative goal) anywhere else.
 */
function requirementStatement(scope: ScopedDocument, sentence: Sentence): Statement | undefined {
  const statement = scope.statementOf(sentence);
  if (!statement) return undefined;
  if (!REQUIREMENT_SECTIONS.has(statement.sectionRole) && statement.role !== 'goal') return undefined;
  // Prose between the items explains them ("Latency is measured from request receipt to the
  // last byte") unless it asks for something itself.
  return statement.kind !== 'sentence' || statement.explicit ? statement : undefined;
}

function unmeasuredQualities(model: SpecModel, index: number, context: RuleContext): RawFinding<UnmeasurableRequirementData>[] {
  const sentence = model.sentences[index];
  // Most statements name no quality at all: one test before anything else is looked up.
  if (!QUALITY_PRESENT.test(sentence.text)) return [];
  if (refersElsewhere(model, sentence, context.idPattern)) return [];
  const vague = context.lexicon.find(sentence.text);
  // "Improve pod startup latency measurements to get finer-grained operation latencies": once the
  // statement asks for a test or a measurement, its other quality words are what that measures.
  if ([...sentence.text.matchAll(QUALITY_PATTERN)].some((match) => MEASUREMENT.test(sentence.text.slice((match.index ?? 0) + match[0].length)))) return [];
  const reported = new Set<string>();
  const findings: RawFinding<UnmeasurableRequirementData>[] = [];
  for (const match of sentence.text.matchAll(QUALITY_PATTERN)) {
    const quality = qualityOf(match);
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (!quality || reported.has(quality.quality)) continue;
    if (vague.some((term) => term.start < end && start < term.end)) continue;
    if (context.scope.excludes(sentence, start, end) || namesAKind(sentence.text, start, end)) continue;
    if (NAMED_TARGET.test(sentence.text.slice(end)) || isNameInside(sentence.text, start)) continue;
    if (RELATIVE_QUALITIES.has(quality.quality) && MULTIPLIER.test(relativeTargetText(model, sentence))) continue;
    if (REMOVED_COST.test(sentence.text.slice(end)) && REMOVAL.test(sentence.text.slice(0, start))) continue;
    if (SETS_TARGET.test(sentence.text.slice(0, start)) || EXPLAINED.test(sentence.text.slice(end))) continue;
    if (notTheTarget(sentence.text, start, end, quality.quality)) continue;
    // "The compiler keeps the `BINARY` retention of every marker": the annotation property, not a period.
    if (quality.quality === 'retention' && namesAnnotationRetention(model.text.slice(sentence.startOffset, sentence.endOffset), start, end)) continue;
    if (isMeasured(model, index, quality.kinds && new Set(quality.kinds))) continue;
    if (LIMIT_QUALITIES.has(quality.quality) && setsTimeLimit(model, index)) continue;
    reported.add(quality.quality);
    findings.push(finding(model, sentence.startOffset + start, sentence.startOffset + end, quality));
  }
  return findings;
}

/**
 * A pointer into the document: "defined in section 3.4", "see Table 2", "per Appendix B",
 * "within the non-functional limits", "meets the latency targets".
 */
const CROSS_REFERENCE = /\b(?:sections?|chapters?|appendix|annex|table|clause)\s+(?:\d|[A-Z]\b)|\b(?:within|meets?|per|as in|according to|satisf(?:y|ies))\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:limits?|targets?|requirements?|budgets?|slos?|objectives?)\b/i;

/**
 * "Latency MUST meet [the SLOs](#slos)", "as in NFR-2" or "defined in section 10.2": the target
 * is written somewhere else.
 */
function refersElsewhere(model: SpecModel, sentence: Sentence, idPattern: string): boolean {
  if (CROSS_REFERENCE.test(sentence.text)) return true;
  if (linkStartsWithin(model, sentence.startOffset, sentence.endOffset - 1)) return true;
  const ids = [...sentence.text.matchAll(new RegExp(`(?<![\\w-])(?:${idPattern})(?![\\w-]*\\w)`, 'g'))];
  const opening = ids[0] && /^[^\p{L}\p{N}]*$/u.test(sentence.text.slice(0, ids[0].index)) ? 1 : 0;
  return ids.length > opening;
}

function qualityOf(match: RegExpMatchArray): Quality | undefined {
  const groups = match.groups ?? {};
  const index = QUALITIES.findIndex((_, position) => groups[`q${position}`] !== undefined);
  return QUALITIES[index];
}

function finding(model: SpecModel, start: number, end: number, quality: Quality): RawFinding<UnmeasurableRequirementData> {
  const written = model.text.slice(start, end);
  return {
    message: `Requirement names ${quality.quality} ("${written}") without a measurable target: ${quality.hint}.`,
    range: rangeFromOffsets(model, start, end),
    data: { quality: quality.quality, term: written, hint: quality.hint },
  };
}

function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.split(/[\s-]+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+'))
    .join('|');
}

function unmeasurableQuestion(finding: Finding): string | undefined {
  const data: Partial<UnmeasurableRequirementData> = dataOf(unmeasurableRequirement, finding) ?? {};
  const quality = plainText(data.quality);
  if (!quality) return undefined;
  const term = plainText(data.term);
  const hint = plainText(data.hint);
  const head = `What ${quality} target applies${term ? ` to "${term}"` : ''}?`;
  return hint ? `${head} ${asInstruction(hint)}` : head;
}

/** What a finding of this rule carries in `data`. */
export type UnmeasurableRequirementData = {
  quality: string;
  term: string;
  hint?: string;
};
