/**
 * Statements of behaviour: what the system under specification does, said in the present tense
 * without a modal. A design or a requirements section often states its requirements this way
 * ("The consumer acknowledges a message after the transaction commits", "Reads the env file and
 * reports every problem", "A variable the schema requires that the file lacks is an error",
 * "Rows are sorted by `posted_at`"), and a contractor builds them as written.
 *
 * Three shapes are read, each in the main clause (a leading condition, "If a file already exists,
 * ...", is read past):
 * - a definite subject and a behaviour verb in the third person ("The job writes", "Each worker
 *   polls");
 * - a description that opens with that verb, as under a command's heading ("Writes the file");
 * - an outcome: a subject and a passive behaviour verb or a verdict ("... is rejected", "... are
 *   written to the rejects file", "... is an error", "... is a warning").
 */

/**
 * Base-form verbs that open an imperative list item or goal ("Add e2e tests", "Provide a way",
 * "Minimize the footprint"): English verbs common in requirements and plans. A word with a verb
 * suffix (-ize, -ise, -ify) counts as well.
 */
export const IMPERATIVE_VERBS: ReadonlySet<string> = new Set([
  'accept', 'add', 'adopt', 'allow', 'announce', 'apply', 'automate', 'avoid', 'block', 'build', 'bump', 'cap',
  'change', 'check', 'clarify', 'clean', 'collect', 'configure', 'consolidate', 'continue', 'convert', 'create',
  'define', 'delete', 'deliver', 'demonstrate', 'deprecate', 'design', 'detect', 'develop', 'disable', 'disallow',
  'display', 'document', 'drop', 'eliminate', 'emit', 'enable', 'encourage', 'enforce', 'ensure', 'establish',
  'evaluate', 'expand', 'explore', 'expose', 'extend', 'extract', 'fail', 'fix', 'gather', 'get', 'give', 'graduate',
  'guarantee', 'handle', 'help', 'hide', 'identify', 'implement', 'improve', 'include', 'increase', 'integrate',
  'introduce', 'investigate', 'keep', 'let', 'limit', 'log', 'maintain', 'make', 'measure', 'merge', 'migrate',
  'monitor', 'move', 'notify', 'offer', 'permit', 'persist', 'preserve', 'prevent', 'promote', 'protect', 'provide',
  'publish', 'reduce', 'refactor', 'reject', 'release', 'remove', 'rename', 'replace', 'report', 'require',
  'restrict', 'return', 'reuse', 'run', 'send', 'separate', 'set', 'ship', 'show', 'simplify', 'split', 'start',
  'stop', 'store', 'streamline', 'support', 'switch', 'test', 'track', 'trigger', 'turn', 'unblock', 'unify',
  'update', 'upgrade', 'use', 'validate', 'verify', 'warn', 'write', 'decouple', 'deduplicate', 'ban', 'mark',
  'pass', 'perform', 'raise', 'read', 'record', 'render', 'resolve', 'respect', 'retain', 'retry', 'serve', 'sign',
  'surface', 'teach', 'translate', 'treat', 'unlock', 'accommodate', 'address', 'achieve', 'align', 'benchmark',
  'cover', 'deploy', 'describe', 'determine', 'enhance', 'facilitate', 'finalize', 'flag', 'focus', 'grant', 'lower',
  'minimize', 'minimise', 'maximize', 'maximise', 'optimize', 'optimise', 'reach', 'recommend', 'reconcile',
  'rework', 'revisit', 'rewrite', 'scale', 'standardize', 'standardise', 'stabilize', 'stabilise', 'modify',
  'specify', 'work',
]);

/**
 * Verbs of what a component does to data, messages and files, beyond the imperative list:
 * "acknowledges", "exports", "uploads", "overwrites", "exits".
 */
const BEHAVIOUR_VERBS: ReadonlySet<string> = new Set([
  'acknowledge', 'receive', 'respond', 'refuse', 'wait', 'poll', 'fetch', 'load', 'skip', 'call', 'compute',
  'calculate', 'parse', 'print', 'exit', 'forward', 'queue', 'schedule', 'sort', 'commit', 'close', 'open', 'export',
  'import', 'upload', 'download', 'overwrite', 'post', 'copy', 'omit', 'ignore', 'discard', 'append', 'insert',
  'encode', 'decode', 'encrypt', 'decrypt', 'hash', 'compress', 'expire', 'evict', 'cache', 'batch', 'stream',
  'page', 'alert', 'archive', 'purge', 'redact', 'mask', 'truncate', 'round', 'lock', 'refresh', 'renew', 'revoke',
  'dispatch', 'route', 'filter', 'group', 'count', 'sum', 'lists', 'generate', 'produce', 'answer', 'abort',
  'cancel', 'pause', 'resume', 'restart', 'time',
]);

/** Irregular past participles of behaviour verbs: "is written", "are sent", "is kept". */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(['written', 'sent', 'read', 'kept', 'run', 'shown', 'given', 'built', 'set', 'left', 'held', 'split', 'put', 'made']);

/** The verdicts a system gives an input: "is an error", "is a warning", "is a no-op". */
const VERDICT = /^(?:an?\s+)?(?:error|warning|failure|no-op|conflict|duplicate)\b/i;

/** Words that cannot be part of a noun phrase subject: verbs and modals. */
const NOT_IN_SUBJECT = /^(?:is|are|was|were|has|have|had|does|do|did|can|may|will|would|could|should|must|shall|might|of|to|that|which|who|if|when|because)$/i;

/** The document itself as the subject ("The RFC covers ..."): a note on the text, not behaviour of the system. */
const DOCUMENT_SUBJECT = /^(?:the|this)\s+(?:rfc|kep|proposal|document|doc|section|pitch|spec|specification)\b/i;

/**
 * What a verb that opens a description cannot take next: a noun's complement or a conjunction
 * ("Counts of non-batching reasons", "Lists and maps"), which make the first word a noun.
 */
const NOUN_NEXT = /^\s*(?:of|and|or|vs|versus|per|are|is|were|was)\b/i;

/** A leading condition, read past to the main clause: "If a file already exists, ...". */
const LEADING_CONDITION = /^(?:if|when|whenever|while|once|after|before|unless|for|with|without|on)\b[^,;:]{1,120},\s*/i;

function verbBase(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('es') && isVerb(lower.slice(0, -2))) return lower.slice(0, -2);
  return lower.replace(/s$/, '');
}

function isVerb(base: string): boolean {
  return IMPERATIVE_VERBS.has(base) || BEHAVIOUR_VERBS.has(base);
}

/** A behaviour verb in the third person: "acknowledges", "reads", "retries", "rejects". */
export function isBehaviourVerb(word: string): boolean {
  const base = verbBase(word);
  return base !== word.toLowerCase() && isVerb(base);
}

/** A past participle of a behaviour verb: "rejected", "sorted", "omitted", "stored", "written". */
function isBehaviourParticiple(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_PARTICIPLES.has(lower)) return true;
  if (!lower.endsWith('ed')) return false;
  const stem = lower.slice(0, -2);
  const doubled = /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  return [stem, `${stem}e`, doubled, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : stem].some(isVerb);
}

/** The words of a text, markup and punctuation around them removed. */
function wordsOf(text: string, count: number): string[] {
  return text.split(/\s+/, count).map((word) => word.replace(/[^\p{L}'-]/gu, '')).filter(Boolean);
}

/**
 * True when the statement says what the system does: see the module comment. The main clause
 * must not describe what exists already ("already", "now", "still", "not yet", "no longer").
 */
export function describesBehaviour(text: string): boolean {
  const opened = text.replace(/^[\s*_>"'(]+/, '');
  const main = opened.replace(LEADING_CONDITION, '');
  if (/\b(?:already|now|still|yet|no longer)\b/i.test(main.split(/\b(?:if|when|unless|once|because|since)\b/i, 1)[0])) return false;
  const words = wordsOf(main, 6);
  if (words.length < 3) return false;
  if (main === opened && /^\p{Lu}/u.test(words[0]) && isBehaviourVerb(words[0]) && !NOUN_NEXT.test(opened.slice(words[0].length))) return true;
  if (DOCUMENT_SUBJECT.test(main)) return false;
  return statesAction(words) || statesOutcome(main);
}

/** "The consumer acknowledges ...", "Each worker polls ...": a definite noun phrase, then the verb. */
function statesAction(words: string[]): boolean {
  if (!/^(?:the|each|every)$/i.test(words[0])) return false;
  const verb = words.slice(2, 5).findIndex((word) => isBehaviourVerb(word));
  return verb >= 0 && words.slice(1, 2 + verb).every((word) => /^\p{Ll}[\p{Ll}-]*$|^\p{Lu}/u.test(word) && !NOT_IN_SUBJECT.test(word));
}

/**
 * "A value that does not match its type is an error", "Items answered `invalid` are written to the
 * rejects file", "`line` is omitted for a missing variable": a subject and is or are with a
 * verdict or a passive behaviour verb. A verdict may follow a subject restricted by a clause of its
 * own (a rule about which inputs get it); a passive verb must follow a short plain noun phrase, the
 * first is or are of the sentence: "... implies that SwiftPM can't determine how a build is
 * performed" describes, it does not state an outcome.
 */
function statesOutcome(main: string): boolean {
  // A subject written as code is blanked in the prose the statements hold: "      is omitted".
  const determined = /^(?:the|a|an|each|every|any|no|is|are)\b/i.test(main);
  if (!determined && PRONOUN_SUBJECT.test(main)) return false;
  const head = ` ${main.slice(0, 200)}`;
  let first = true;
  for (const copula of head.matchAll(COPULA)) {
    const subject = head.slice(0, copula.index);
    if (/[;:]/.test(subject) || SUBORDINATE_OR_MODAL.test(subject)) return false;
    const predicate = copula[1];
    if (determined && VERDICT.test(predicate)) return true;
    if (first && isPlainNounPhrase(subject) && isBehaviourParticiple(predicate.replace(/[^\p{L}].*$/u, ''))) return true;
    first = false;
  }
  return false;
}

/** A pronoun subject refers to something said before: "We are limited", "It is used". */
const PRONOUN_SUBJECT = /^(?:we|i|you|it|they|this|that|these|those|there|here|which|what|who)\b/i;

/** is or are, and the predicate word after it (an adverb of frequency or a negation read past). */
const COPULA = /\s(?:is|are)\s+(?:(?:not|never|always|also|then|only)\s+)?([^\s,;.]+(?:\s+[^\s,;.]+)?)/gi;
/** Words that put what follows in a clause of its own or make it a possibility: not an outcome of the main clause. */
const SUBORDINATE_OR_MODAL = /\b(?:if|how|because|since|when|whenever|while|whether|although|though|as|than|so|can|can't|cannot|could|would|should|may|might|must|will|shall)\b/i;

/** Up to six words with no clause of their own: "Rows", "The cached copy", "Items answered `invalid`". */
function isPlainNounPhrase(subject: string): boolean {
  const words = subject.trim().split(/\s+/).filter(Boolean);
  return words.length <= 6 && !/[,(]/.test(subject) && !/\b(?:to|that|which|who|whose|where|what|and|or|is|are|was|were|has|have|does|do)\b/i.test(subject);
}
