import { acceptanceCriteria } from '../model/criteria';
import { commentHoles, hasHole } from '../model/holes';
import type { SpecModel } from '../model/types';
import { earsForm, isWellFormed } from '../model/ears';
import type { Lexicon } from '../lexicon/lexicon';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { rewriteCriterionFix } from './fixes/criteria';
import { rewriteAsEarsFix } from './fixes/ears';
import { plainText, shortened } from './question-text';

/** Outcomes nobody can check: they describe a feeling or restate "it works". */
const VAGUE_OUTCOME = new RegExp(
  '\\b(?:' + [
    'works?(?: (?:correctly|properly|fine|well|as (?:expected|intended|designed)|smoothly|seamlessly|normally))',
    '(?:functions?|behaves?|performs?|runs?|operates?) (?:correctly|properly|well|as (?:expected|intended)|normally|smoothly)',
    '(?:is|are|feels?|looks?) (?:happy|satisfied|pleased|good|nice|great|fine|ok|okay|intuitive|user[- ]friendly|clean|acceptable|reasonable)',
    '(?:is|are) handled (?:correctly|properly|gracefully|appropriately|well)',
    'handles? (?:\\w+ )?(?:errors?|failures?|edge cases?|everything) (?:gracefully|correctly|properly|well|appropriately)',
    'without (?:any )?(?:issues|problems|errors|bugs)', 'no (?:issues|problems|bugs)', 'all good',
    '(?:is|are) (?:fast|quick|responsive|stable|robust|reliable|secure|performant|scalable) enough',
    'as expected', 'as intended', 'is (?:correct|right)(?= *[.;]?$)',
  ].join('|') + ')',
  'i',
);

/** Evidence that a criterion has an observable, checkable outcome. */
const OBSERVABLE = new RegExp(
  '\\b(?:' + [
    'returns?', 'responds?', 'respond(?:s|ed)? with', 'displays?', 'shows?', 'shown', 'contains?', 'includes?',
    'equals?', 'emits?', 'logs?', 'logged', 'records?', 'recorded', 'stores?', 'stored', 'persist(?:s|ed)?',
    'creates?', 'created', 'deletes?', 'deleted', 'removed?', 'updates?', 'updated', 'sends?', 'sent', 'receives?',
    'received', 'rejects?', 'rejected', 'redirects?', 'redirected', 'appears?', 'lists?', 'listed', 'exports?',
    'exported', 'generates?', 'generated', 'fails? with', 'raises?', 'throws?', 'matches', 'exits? with', 'prints?',
    'writes?', 'written', 'publishes', 'published', 'notif(?:y|ies|ied)', 'charged?', 'refunded', 'blocked',
    'denied', 'accepted', 'enqueued', 'retried', 'retries', 'is set to', 'set to', 'changes? to', 'becomes?',
    'status(?: code)?', 'error', 'message', 'response', 'header', 'field', 'email', 'event', 'within', 'at most',
    'at least', 'no more than', 'less than', 'fewer than', 'more than', 'exactly', 'count', 'visible', 'disabled',
    'enabled', 'present', 'absent', 'empty',
  ].join('|') + ')\\b',
  'i',
);

const CONCRETE_VALUE = /\d|"[^"]+"|'[^']+'|“[^”]+”/;

/** A resulting state in the passive ("is served from cache", "are rejected") can be inspected. */
const RESULTING_STATE = /\b(?:is|are|was|were|be|been|gets?|remains?|stays?)\s+(?:not\s+)?(?:\w+ly\s+)?\w+(?:ed|en)\b/i;

/**
 * Acceptance criteria (list items and table rows under acceptance-criteria sections) that do
 * not state an observable outcome. Given/When/Then criteria are judged on their Then clause.
 */
export const untestableCriterion: Rule = {
  id: 'untestable-criterion',
  defaultSeverity: 'warning',
  dimension: 'verification',
  scoreRole: 'outcome',
  docs: {
    description: 'Acceptance criteria that a test cannot check (no observable outcome).',
    summary: 'An acceptance criterion has no observable, checkable outcome.',
    rationale: 'A contractor and a reviewer must be able to agree, without a meeting, whether a criterion passes. '
      + '"Works correctly" or "the user is happy" cannot be checked; a status code, a stored value, a message, or a '
      + 'number with a unit can. Given/When/Then criteria are judged on their Then clause: it is testable when it names '
      + 'something observable, or states the state of a named thing ("then their numbers are consecutive", "then the '
      + 'account stays locked"); not when it states a feeling ("the agent understands why"), an evaluation ("the report '
      + 'is complete and accurate", any vague term) or mere success ("the import succeeds").',
    bad: '- Refunds work correctly and the customer is happy.',
    good: '- AC-2 (REQ-1): Given a captured payment, when `POST /refunds` is called twice with the same key, then '
      + 'both responses are 201 with the same refund id and exactly one refund is stored.',
    sources: ['INCOSE Guide for Writing Requirements, R7 (vague terms) and R34 (measurable performance)',
      'Gherkin Given/When/Then (cucumber.io) for the criterion shape'],
  },
  // Documents that write criteria in EARS (Kiro) get the EARS shape too.
  question: untestableQuestion,
  fixes: (finding, context) => [rewriteCriterionFix(context, finding), ...(context.profile === 'kiro' ? [rewriteAsEarsFix(context, finding)] : [])],
  check(model: SpecModel, context: RuleContext): RawFinding[] {
    // Ids carry digits and would pass for measured values; judge the wording without them.
    const ids = new RegExp(`(?<![\\w-])(?:${context.idPattern})(?![\\w-]*\\w)`, 'g');
    const holes = commentHoles(model);
    // A criterion with a hole is not written yet: the placeholder rule reports the hole.
    return acceptanceCriteria(model).filter((criterion) => !TEMPLATE_HOLE.test(criterion.text) && !hasHole(holes, criterion.range)).flatMap((criterion) => {
      const reason = untestableReason(criterion.prose.replace(ids, ' '), criterion.text.replace(ids, ' '), context.lexicon);
      if (!reason) return [];
      return [{
        message: reason.message,
        range: criterion.range,
        data: { criterion: criterion.text, reason: reason.kind, phrase: reason.phrase },
      }];
    });
  },
};

/** A criterion still holding template holes is reported by `placeholder` instead. */
const TEMPLATE_HOLE = /<[a-z][^<>]*\s[^<>]*>|<(?:precondition|action|outcome|result)>|\b(?:TBD|TODO|TBC|FIXME)\b/;

interface Reason {
  kind: 'vague-outcome' | 'no-outcome' | 'vague-then';
  message: string;
  phrase?: string;
}

export function untestableReason(prose: string, text: string, lexicon?: Lexicon): Reason | undefined {
  const vague = VAGUE_OUTCOME.exec(prose);
  if (vague) {
    return {
      kind: 'vague-outcome',
      phrase: vague[0],
      message: `Criterion outcome "${vague[0]}" cannot be checked: name an observable result (status code, stored value, message, number with unit).`,
    };
  }
  if (isTestableEars(text, lexicon)) return undefined;
  const then = /\bthen\b([\s\S]*)$/i.exec(text);
  if (then) {
    if (hasEvidence(then[1]) || statesObservableOutcome(then[1], lexicon)) return undefined;
    return {
      kind: 'vague-then',
      message: 'The Then clause names no observable outcome: state what a tester will see (response, stored value, message, number).',
    };
  }
  if (hasEvidence(text) || statesObservableOutcome(text, lexicon)) return undefined;
  return {
    kind: 'no-outcome',
    message: 'Criterion has no observable outcome: rewrite as Given/When/Then with a checkable Then clause.',
  };
}

/**
 * A well-formed EARS statement ("WHEN a refund fails THEN the notifications service SHALL send
 * the refund-failed email") names its trigger and the system's response: the response is the
 * observable outcome, unless it is itself an evaluation ("SHALL work correctly") or a feeling.
 */
function isTestableEars(text: string, lexicon: Lexicon | undefined): boolean {
  const form = earsForm(text);
  if (!form || !isWellFormed(form) || !form.response) return false;
  return !MENTAL_STATE.test(form.response) && !evaluative(form.response.replace(/^(?:be|remain|stay|become)\s+/i, ''), lexicon);
}

function hasEvidence(text: string): boolean {
  return /`[^`]+`/.test(text) || CONCRETE_VALUE.test(text) || OBSERVABLE.test(text) || RESULTING_STATE.test(text);
}

/**
 * An observable outcome is a statement about a thing a tester can inspect: a subject and a
 * predicate that states its state or an event ("their numbers are consecutive", "the account
 * stays locked", "the job stops"). It is not observable when the predicate is a mental state of a
 * person ("the agent understands why"), an evaluation ("the page is intuitive", "the report is
 * complete and accurate"), or restates success ("it works", "the import succeeds"). Evaluations
 * are the lexicon's vague terms plus the words that only say "as it should be".
 */
function statesObservableOutcome(text: string, lexicon: Lexicon | undefined): boolean {
  return text.split(/[,;:]|\b(?:and|but|or|so that)\b/i).some((clause) => clauseIsObservable(clause.trim(), lexicon));
}

/**
 * "X is/are/remains/stays/becomes <state>": the subject is a noun phrase (not a verb: "Add links"
 * is a task), the complement a state of it.
 */
const COPULA_PREDICATE = /^(?:[\w'-]+\s+){0,6}?(?:is|are|was|were|becomes?|become|remains?|remain|stays?|stay)\s+(?:still\s+|not\s+|never\s+|no longer\s+|now\s+|always\s+)*(.*)$/i;
const MENTAL_STATE = /\b(?:understands?|understood|knows?|knew|feels?|felt|likes?|liked|loves?|enjoys?|trusts?|prefers?|believes?|wants?|appreciates?|aware|confident|comfortable|satisfied|happy|pleased|delighted|frustrated|confused|annoyed)\b/i;
const EVALUATION = /^(?:(?:very|fully|quite|really|always|also|then|now)\s+)*(?:correct|right|ok|okay|fine|good|great|nice|better|best|successful|working|done|proper|appropriate|acceptable|satisfactory|reasonable|complete|completed|accurate|adequate|sufficient|possible|supported|improved|addressed|implemented|in place|taken into account|as (?:expected|intended|designed|specified|required))\b/i;

function clauseIsObservable(clause: string, lexicon: Lexicon | undefined): boolean {
  const words = clause.replace(/[^\w' -]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words || MENTAL_STATE.test(words)) return false;
  const copula = COPULA_PREDICATE.exec(words);
  return copula !== null && /^(?:the|a|an|its|their|his|her|our|your|each|every|all|both|no|none|this|that|these|those|it|they|[a-z]+s)\b/i.test(words) && complementIsObservable(copula[1], lexicon);
}

function complementIsObservable(complement: string, lexicon: Lexicon | undefined): boolean {
  const rest = complement.trim();
  if (!/[a-z]{3,}/i.test(rest) || EVALUATION.test(rest)) return false;
  return !evaluative(rest, lexicon);
}

function evaluative(text: string, lexicon: Lexicon | undefined): boolean {
  return EVALUATION.test(text.trim()) || (lexicon?.find(text).length ?? 0) > 0;
}

function untestableQuestion(finding: Finding): string | undefined {
  const data = finding.data ?? {};
  const criterion = plainText(data.criterion);
  if (!criterion) return undefined;
  const phrase = plainText(data.phrase);
  const vague = phrase ? ` "${phrase}" cannot be checked.` : '';
  return `How would a tester check "${shortened(criterion, 120)}"?${vague} Name the observable result: a status code, a stored value, a message or a number with a unit.`;
}
