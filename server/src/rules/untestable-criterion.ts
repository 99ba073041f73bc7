import { acceptanceCriteria, inCriteria, stageRuledOut, type Criterion } from '../model/criteria';
import { commentHoles, hasHole } from '../model/holes';
import { lineEndOffset, positionAt, rangeFromOffsets } from '../model/text';
import type { Range, SpecModel } from '../model/types';
import { earsForm, isWellFormed } from '../model/ears';
import type { Lexicon } from '../lexicon/lexicon';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
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
    'returns?', 'responds?', 'respond(?:s|ed)? with', 'displays?', 'show(?:s|n|ing)?', 'contains?', 'includes?',
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
 * Verbs of generic treatment: "handled", "processed", "dealt with" say that something is done to
 * the thing, not what happens to it. On its own ("Unknown codes are handled.") such a passive
 * names no result; with a complement ("are processed in arrival order", "is handled by returning
 * 400") the complement is judged.
 */
const TREATED = String.raw`(?:handled|processed|managed|addressed|treated|dealt with|taken care of|accommodated|catered for|considered)`;
const BARE_TREATMENT = new RegExp(String.raw`\b(?:is|are|was|were|be|been|gets?)\s+(?:not\s+)?(?:\w+ly\s+)?${TREATED}(?:\s+(?:\w+ly|well|accordingly|somehow))?\s*(?=[.;,]|$)`, 'gi');
const TRAILING_TREATMENT = new RegExp(String.raw`\b${TREATED}(?:\s+(?:\w+ly|well|accordingly|somehow))?\s*[.;]?$`, 'i');
const TREATMENT_COMPLEMENT = new RegExp(String.raw`^${TREATED}(?:\s+(?:\w+ly|well|accordingly|somehow))?\s*[.;]?$`, 'i');

/**
 * How something behaves, told by a manner adverb and nothing measurable: "behaves sensibly for
 * edge cases", "responds quickly", "degrades gracefully", "handles retries smoothly". Adverbs of
 * time, frequency, place and mechanism ("runs nightly", "recovers automatically", "fails
 * silently") state something checkable and are not manner.
 */
const MANNER = new RegExp(String.raw`\b(?:works?|behaves?|functions?|performs?|operates?|runs?|responds?|reacts?|degrades?|recovers?|copes?|scales?|handles?(?:\s+[\w'-]+){0,3}?)\s+(?!(?:${[
  'daily', 'hourly', 'weekly', 'monthly', 'yearly', 'nightly', 'quarterly', 'annually', 'only', 'early', 'automatically',
  'immediately', 'exactly', 'directly', 'locally', 'remotely', 'manually', 'synchronously', 'asynchronously', 'concurrently',
  'sequentially', 'atomically', 'idempotently', 'independently', 'periodically', 'continuously', 'silently', 'internally',
  'externally', 'identically', 'deterministically', 'offline', 'online', 'twice', 'first', 'unchanged',
].join('|')})\b)([a-z]{3,}ly)\b`, 'i');
/** Identifiers such as AC7 or REQ-12 carry digits that are not measured values. */
const IDENTIFIER = /\b[A-Z]{1,8}[-_]?\d+(?:\.\d+)*\b/g;

/**
 * Acceptance criteria (list items and table rows under acceptance-criteria sections) that do
 * not state an observable outcome. Given/When/Then criteria are judged on their Then clause.
 */
export const untestableCriterion: Rule<UntestableCriterionData> = {
  id: 'untestable-criterion',
  defaultSeverity: 'warning',
  dimension: 'verification',
  scoreRole: 'outcome',
  // Criteria are read as items of criteria lists; an item whose own wording makes it narrative or
  // a question ("If we don't have enough information, we may decide to extend the evaluation
  // period.") is not a criterion to test.
  scope: { exceptWorded: ['narrative', 'question'] },
  docs: {
    description: 'Acceptance criteria that a test cannot check (no observable outcome).',
    summary: 'An acceptance criterion has no observable, checkable outcome.',
    rationale: 'A contractor and a reviewer must be able to agree, without a meeting, whether a criterion passes. '
      + '"Works correctly" or "the user is happy" cannot be checked; a status code, a stored value, a message, or a '
      + 'number with a unit can. Given/When/Then criteria are judged on their Then clause: it is testable when it names '
      + 'something observable, or states the state of a named thing ("then their numbers are consecutive", "then the '
      + 'account stays locked"); not when it states a feeling ("the agent understands why"), an evaluation ("the report '
      + 'is complete and accurate", any vague term) or mere success ("the import succeeds"). A generic treatment names no '
      + 'result ("Unknown codes are handled", "are processed") unless a complement says what happens ("are processed in '
      + 'arrival order"); a manner adverb with nothing measured is an evaluation ("behaves sensibly for edge cases", '
      + '"responds quickly"), an adverb of time, frequency or mechanism is not ("runs nightly", "recovers automatically"). '
      + 'Scenarios written as paragraphs, one step a line, are judged step by step: an outcome step (Then, and the '
      + 'And/But lines after it) that evaluates instead of stating what a tester sees ("And the output is clear and '
      + 'helpful") is reported on its own line, even when another step of the scenario is checkable; when no step '
      + 'evaluates, the steps together are judged as the Then clause ("Then the import succeeds"), on the Then line. A criterion that names a '
      + 'deliverable or a state checkable as written passes ("Feature implemented behind a feature gate", "Add unit '
      + 'tests for merging precedence", "Documentation published", "No bug reports against the feature", "NodeRestriction: '
      + 'beta"), and so does a count or a duration ("Month+ soak", "one upgrade"), an absence of reports ("No issues '
      + 'opened in the last 2 releases"), a behaviour stated of a named thing ("The allocation policy takes topology hints '
      + 'into account"), a checkable state after "ensure" ("Ensure existing conformance tests continue to pass"), a '
      + 'decision that names what is decided or is recorded under it, a task whose result is reported under it ("Sweep of '
      + 'callers" over "The following issues were opened: ..."), a thing that tells named alternatives apart ("Some '
      + 'indication of whether the credentials are SA or pod-scoped"), and a scenario or section listed under the test '
      + 'or documentation it belongs to. An activity with no end is reported ("Gather feedback from developers", '
      + '"Allowing time for feedback", "Determine if additional tests are necessary"). Items that are not criteria are '
      + 'skipped: a bare link or "See …" '
      + 'pointer, a name in a list, a documentation topic ("How to …"), a contingency ("If …, we may …", "we would …"), a scope '
      + 'decision ("follow-up, not a blocker"), template text ("N installs"), a wish of the authors ("There is a strong desire '
      + 'that ..."), rows of comparison tables, and the criteria of a stage the document rules out: a "Deprecation" list '
      + 'in a proposal that says "There are no planned deprecations" or answers its own question "Is the rollout '
      + 'accompanied by any deprecations ...?" with "No" (often the template\'s example list left in place).',
    bad: '- Refunds work correctly and the customer is happy.',
    good: '- AC-2 (REQ-1): Given a captured payment, when `POST /refunds` is called twice with the same key, then '
      + 'both responses are 201 with the same refund id and exactly one refund is stored.',
    sources: ['INCOSE Guide for Writing Requirements, R7 (vague terms) and R34 (measurable performance)',
      'Gherkin Given/When/Then (cucumber.io) for the criterion shape'],
  },
  // Documents that write criteria in EARS (Kiro) get the EARS shape too.
  question: untestableQuestion,
  fixes: (finding, context) => [rewriteCriterionFix(context, finding, dataOf(untestableCriterion, finding)), ...(context.profile === 'kiro' ? [rewriteAsEarsFix(context, finding)] : [])],
  check(model: SpecModel, context: RuleContext): RawFinding<UntestableCriterionData>[] {
    // Ids carry digits and would pass for measured values; judge the wording without them.
    const ids = new RegExp(`(?<![\\w-])(?:${context.idPattern})(?![\\w-]*\\w)`, 'g');
    const holes = commentHoles(model);
    const steps = scenarioOutcomes(outcomeSteps(model).filter((step) => context.scope.judgesLine(step.range.start.line) && !hasHole(holes, step.range)))
      .flatMap((outcome) => {
        const found = outcome.flatMap((step) => {
          const reason = vagueStep(step.text, step.prose.replace(ids, ' '), context.lexicon);
          return reason ? [{ message: reason.message, range: step.range, data: { criterion: step.text.trim(), reason: reason.kind, phrase: reason.phrase } }] : [];
        });
        if (found.length > 0 || outcome.length === 0) return found;
        // No step evaluates, but together they may still name nothing a tester sees ("Then the
        // import succeeds"): judged as the Then clause of a criterion, reported on the Then line.
        const then = outcome[0];
        const text = `then ${outcome.map((step) => step.text).join(' and ')}`;
        const prose = `then ${outcome.map((step) => step.prose).join(' and ')}`.replace(ids, ' ');
        const reason = criterionReason({ text, prose, range: then.range, section: undefined, kind: 'list-item' }, prose, text.replace(ids, ' '), context.lexicon);
        return reason ? [{ message: reason.message, range: then.range, data: { criterion: then.text.trim(), reason: reason.kind, phrase: reason.phrase } }] : [];
      });
    // A criterion with a hole is not written yet: the placeholder rule reports the hole.
    return [...steps, ...acceptanceCriteria(model).filter((criterion) => !TEMPLATE_HOLE.test(criterion.text) && !hasHole(holes, criterion.range)
      && context.scope.judgesLine(criterion.range.start.line) && !stageRuledOut(model, criterion.section) && isCriterion(criterion)).flatMap((criterion) => {
      const reason = criterionReason(criterion, criterion.prose.replace(ids, ' '), criterion.text.replace(ids, ' '), context.lexicon);
      if (!reason) return [];
      return [{
        message: reason.message,
        range: criterion.range,
        data: { criterion: criterion.text, reason: reason.kind, phrase: reason.phrase },
      }];
    })];
  },
};

interface Step {
  /** The step without its keyword, as written. */
  text: string;
  /** The same with code masked. */
  prose: string;
  range: Range;
  /** The Then line that opens the scenario's outcome. */
  opens: boolean;
}

/** Steps grouped per scenario outcome: each group opens with its Then line. */
function scenarioOutcomes(steps: Step[]): Step[][] {
  const groups: Step[][] = [];
  for (const step of steps) {
    if (step.opens || groups.length === 0) groups.push([step]);
    else groups[groups.length - 1].push(step);
  }
  return groups;
}

/**
 * Given/When/Then scenarios written as paragraphs, a line per step, under an acceptance-criteria
 * section: their outcome steps, the Then line and the And/But lines right after it, one by one.
 * (Scenarios in list items and table rows are criteria of their own, judged whole.)
 */
function outcomeSteps(model: SpecModel): Step[] {
  const steps: Step[] = [];
  let outcomeLine = -2;
  let lastLine = -1;
  for (const sentence of model.sentences) {
    if (sentence.kind !== 'paragraph' || !inCriteria(sentence.section)) continue;
    const first = Math.max(positionAt(model, sentence.startOffset).line, lastLine + 1);
    const last = positionAt(model, Math.max(sentence.startOffset, sentence.endOffset - 1)).line;
    for (let line = first; line <= last; line++) {
      const start = model.lineStarts[line];
      const raw = model.text.slice(start, lineEndOffset(model, line));
      const keyword = /^(\s*)(?:[*_]+)?(then|and|but)\b[*_:]*\s+/i.exec(raw);
      if (!keyword || !(/^then$/i.test(keyword[2]) || outcomeLine === line - 1)) continue;
      outcomeLine = line;
      const body = start + keyword[0].length;
      const end = start + raw.trimEnd().length;
      steps.push({ text: model.text.slice(body, end), prose: model.prose.slice(body, end), range: rangeFromOffsets(model, start + keyword[1].length, end), opens: /^then$/i.test(keyword[2]) });
    }
    lastLine = last;
  }
  return steps;
}

/**
 * An outcome step that says nothing checkable, shown by its own words: "the output is clear and
 * helpful", "the user is happy", "it works as expected". A step with no evaluation is left alone
 * even when it names nothing observable: the scenario's other steps may state its result.
 */
function vagueStep(text: string, prose: string, lexicon: Lexicon | undefined): Reason | undefined {
  const reason = untestableReason(prose, text, lexicon);
  if (reason?.kind === 'vague-outcome') return reason;
  if (hasEvidence(text)) return undefined;
  const clauses = prose.split(/[,;:]|\b(?:and|but|or|so that)\b/i).map((clause) => clause.replace(/[^\w' -]/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const evaluated = clauses.some((clause) => {
    if (MENTAL_STATE.test(clause)) return true;
    const copula = COPULA_PREDICATE.exec(clause);
    return copula !== null && !complementIsObservable(copula[1], lexicon);
  });
  // "the output is clear and helpful": the second half has no verb of its own, it is an evaluation too.
  return evaluated ? {
    kind: 'vague-then',
    message: 'This outcome step cannot be checked: state what a tester will see (response, stored value, message, number).',
  } : undefined;
}

/**
 * Not a criterion at all: a bare link, a row of a comparison table ("Immutability | y | y | n"),
 * or a scope decision ("Keep these ideas as follow-up features and not blockers").
 */
function isCriterion(criterion: Criterion): boolean {
  const text = criterion.text.trim();
  if (/^(?:<?https?:\/\/\S+>?|\[[^\]]*\]\([^)]*\))\.?$/.test(text)) return false;
  if (criterion.kind === 'table-row' && criterion.cells && isMatrixRow(criterion.cells)) return false;
  const prose = criterion.prose.replace(/^\W+/, '').trim();
  // One word is a name in a list ("AppWrapper"); a topic ("How to use …") or a contingency ("If …, we
  // may …") is not a criterion; "N installs" is template text still to fill in.
  if (/^[\w'-]+[.,;]?$/.test(prose) || /^(?:how to|what|why|when to|see)\b/i.test(prose) || /^if\b.*\b(?:may|might|could|would)\b/i.test(prose)) return false;
  // A proper name in a list of implementations ("Tekton Pipelines").
  if (/^(?:[A-Z][\w'-]*\s*){1,3}$/.test(prose)) return false;
  if (/(?:^|\s)N\s+[a-z]+s\b/.test(prose)) return false;
  return !SCOPE.test(criterion.prose);
}

/**
 * A row of a comparison matrix: every cell after the first is a mark ("y", "n", "✓") or starts
 * with one ("y (by closed set)"), and there are at least two of them, or the only one is a mark.
 */
function isMatrixRow(cells: string[]): boolean {
  const rest = cells.slice(1).map((cell) => cell.trim());
  if (rest.length === 1) return rest[0].length <= 3;
  return rest.length > 1 && rest.every((cell) => (cell.split(/\s+/)[0] ?? '').length <= 3);
}

const SCOPE = /\b(?:follow[- ]?ups?|not (?:a )?blockers?|non[- ]blocking|out of scope|deferred|future work|not (?:required|needed|planned) (?:for|in|before))\b/i;

/**
 * A deliverable or a state that can be checked as written: "Feature implemented behind a feature
 * gate", "Documentation published on kubernetes.io", "Add unit tests for merging precedence",
 * "E2E tests for the new field", "No bug reports against the feature", "Graduate the API to GA".
 * The check is whether the thing exists or the state holds; no outcome needs stating.
 */
const DONE_STATE = new RegExp('\\b(?:' + [
  'implemented', 'added', 'completed?', 'pass(?:e[sd]|ing)?', 'published', 'merged', 'landed', 'removed', 'deprecated',
  'enabled', 'disabled', 'supported', 'reported', 'fixed', 'resolved', 'graduated', 'promoted', 'deployed', 'released',
  'documented', 'defaults? to', 'defaulted', 'available', 'written', 'created', 'updated', 'migrated', 'renamed', 'exposed',
  'shipped', 'approved', 'reviewed', 'signed off', 'answered', 'addressed', 'in place', 'in use', 'exists?', 'cover(?:s|ed)?',
  'verified', 'tested', 'run(?:ning)? (?:in|on)', 'behind (?:a |the )?(?:feature )?(?:gate|flag)',
].join('|') + ')\\b', 'i');
/**
 * Verbs that make, change or deliver something (imperative "Add unit tests", third person "Enables
 * kubelet to report node conditions", gerund "Caching tokens per pod"): the thing made is what a
 * reviewer checks.
 */
const MAKING_VERBS = [
  'implement', 'add', 'write', 'publish', 'provide', 'create', 'remove', 'drop', 'deprecate', 'enable', 'disable', 'graduate',
  'promote', 'release', 'migrate', 'rename', 'expose', 'document', 'test', 'update', 'introduce', 'extend', 'run', 'ship',
  'deliver', 'deploy', 'land', 'merge', 'fix', 'resolve', 'support', 'switch', 'move', 'convert', 'replace', 'turn on',
  'turn off', 'default', 'mark', 'announce', 'file', 'complete', 'finish', 'pass', 'upgrade', 'downgrade', 'backport', 'port',
  'build', 'automate', 'record', 'expand', 'include', 'establish', 'define', 'outline', 'draft', 'design', 'handle', 'allow',
  'cache', 'measure', 'validate', 'prevent', 'make',
];
/** A verb and its regular inflections: "add", "adds", "added", "adding"; "cache", "caches", "cached", "caching". */
function inflections(verb: string): string {
  const [first, ...rest] = verb.split(' ');
  const stem = first.replace(/e$/, '');
  const third = /(?:s|sh|ch|x|z)$/.test(first) ? `${first}es` : `${first}s`;
  const forms = [first, third, `${stem}ed`, `${stem}ing`];
  return `(?:${forms.join('|')})${rest.map((word) => ` ${word}`).join('')}`;
}
const MAKING = new RegExp(`^(?:\\W*)(?:${MAKING_VERBS.map(inflections).join('|')})\\b`, 'i');
const DELIVERABLE = /\b(?:tests?|testing|e2e|conformance|benchmarks?|docs|documentation|metrics?|feature (?:gates?|flags?)|implementation|blog(?: posts?)?|release notes?|examples?|user guide|tutorial|dashboards?|alerts?|test plan|(?:test )?coverage|prototype|tooling|support for|validation|jobs?|api|endpoints?|fields?)\b/i;
/** An absence that can be checked: "No bug issues reported", "No users complaining", "No conformance tests". */
const ABSENCE = /^(?:\W*)(?:no|zero|none of|never)\b/i;
/** An activity with no end: "Gather feedback", "Allowing time for feedback", "Determine if ...", "Ensure reliability". */
const OPEN_ACTIVITY = /^(?:\W*)(?:gather(?:ing)?|collect(?:ing)?|solicit(?:ing)?|seek(?:ing)?|get(?:ting)? feedback|allow(?:ing)? (?:some |enough |more )?time|wait(?:ing)?|monitor(?:ing)?|evaluat(?:e|ing)|assess(?:ing)?|investigat(?:e|ing)|explor(?:e|ing)|consider(?:ing)?|discuss(?:ing)?|determin(?:e|ing)|decid(?:e|ing)|figur(?:e|ing) out|revisit(?:ing)?|think(?:ing)? about|look(?:ing)? into|ensur(?:e|ing)|improv(?:e|ing)|demonstrat(?:e|ing)|try(?:ing)?|keep(?:ing)? an eye)\b/i;

/** Feedback or time with no amount: "Feedback gathered from production deployments", "Address reviews from users". */
const OPEN_FEEDBACK = /\b(?:gather|collect|solicit|seek|get|receiv|address|incorporat)\w* (?:\w+ ){0,2}?(?:feedback|reviews?|input|comments?)\b|\bfeedback (?:is |was |has been )?(?:gathered|collected|received|addressed|incorporated)\b|\ballow(?:ing)? (?:\w+ )?time\b/i;
/**
 * A state a named thing reaches: "Kubernetes types finalized", "drivers are moving to GA",
 * "In-org manifests use the new labels", "Pods to support multi-IPs", "NodeRestriction: **beta**".
 */
const REACHED_STATE = /^(?:[\w'/-]+\s+){1,5}?(?:[a-z]+(?:ed|en)|uses?|supports?|implements?|provides?|exposes?|(?:are |is )?mov(?:ing|ed) to|compatible with|to (?:support|use|have|be))\b|\b(?:to|in|at) (?:GA|beta|alpha|stable)\b|:\W*(?:GA|beta|alpha|stable)\b/i;

const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|once|twice)\b(?! of (?:the|them|us)\b)/i;
/**
 * A count or a duration in words or with "+": "Gone through one Kubernetes upgrade", "Month+ soak
 * of minor release", "two releases": a gate anyone can count.
 */
const COUNT = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an)\s+(?:[\w-]+\s+){0,2}?(?:releases?|versions?|upgrades?|cycles?|months?|weeks?|days?|years?|quarters?|sprints?)\b|\b(?:releases?|versions?|months?|weeks?|days?|years?)\+/i;
/**
 * An absence of reported records: "No issues regarding kubectl exit code opened on the last 2
 * releases", "No issues were reported in the features using the framework". Reports are counted
 * in a tracker; "runs with no problems" is not.
 */
const REPORTED = /\b(?:reported|opened|filed|raised|logged|found|received)\b|\b(?:in|on|over|during|for|since) (?:the )?(?:last|past|previous|first)\b/i;
/** "Ensure existing conformance tests continue to pass": the state after "ensure" is the outcome. */
const ENSURE = /^\W*(?:ensur(?:e|es|ing)|make sure)\s+(?:that\s+)?(.+)$/i;
/** A decision naming what is decided: "Decide what the default of the flag should be", "experiments to decide the scope". */
const NAMED_DECISION = /\b(?:decid|determin|choos|select|pick)(?:e|es|ed|ing)?\s+(?:on\s+)?(?:the|what|which|how many|how much|how long)\b/i;
/** An open question to decide: "Determine if additional tests are necessary", "Decide whether ...". */
const OPEN_DECISION = /\b(?:decid|determin)(?:e|es|ed|ing)?\s+(?:if|whether)\b/i;
/** An item that opens with deciding: "Decide ...", "Determining ...". */
const DECIDE = /^\W*(?:decid|determin|choos|select|pick)(?:e|es|ed|ing)?\b/i;
/** A nested item that records the decision: "Decision: the flag defaults to off". */
const RECORDED = /^\W*(?:decision|decided|resolution|resolved|outcome|result|conclusion)s?\b[^:]{0,20}:/i;
/** A result reported in the past: "The following issues were opened for repos ...", "All callers have been migrated". */
const REPORTED_RESULT = /^\W*(?:[\w`'-]+\s+){0,6}?(?:was|were|has been|have been)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|t)\b/i;
/**
 * A thing that tells named alternatives apart: "Some indication of whether the credentials are SA
 * or SA+pod-scoped". The check is which of the alternatives it shows.
 */
const DISTINCTION = /^\W*(?:(?!(?:decid|determin|figur|investigat|evaluat|explor|consider|discuss)\w*\b)[\w'-]+\s+){1,4}?(?:of|about|showing|telling|on)\s+whether\s+[^.;]+\bor\b/i;
const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must)$/i;
/** Function words that end a subject: "Feedback from users" has none. */
const NOT_SUBJECT = /^(?:of|for|from|with|on|in|to|by|at|and|or|as|than|that|which|who|if|when|is|are|was|were|be|has|have|had|does|do|there|it)$/i;
/**
 * A behaviour stated of a named thing: "CPU Manager allocation policy takes topology hints into
 * account", "krel interacts with Open Build Service to trigger builds". A subject of one to five
 * words, then a verb in the third person with something after it; a copula or "has" states no
 * behaviour, and the predicate must not be an evaluation.
 */
function statesBehaviour(words: string, lexicon: Lexicon | undefined): boolean {
  const tokens = words.replace(/[^\w\s'/&+.-]/g, ' ').trim().split(/\s+/);
  for (let verb = 1; verb <= Math.min(5, tokens.length - 2); verb++) {
    if (NOT_SUBJECT.test(tokens[verb - 1])) return false;
    const word = tokens[verb];
    if (NOT_SUBJECT.test(word) || !/^[a-z]{2,}(?:[^su]s|ies|es)$/.test(word) || /(?:ss|us|is)$/.test(word)) continue;
    // "Unknown codes are handled": a plural noun before a copula or an auxiliary is the subject.
    if (AUXILIARY.test(tokens[verb + 1] ?? '')) continue;
    const predicate = tokens.slice(verb).join(' ');
    return !MENTAL_STATE.test(predicate) && !evaluative(tokens.slice(verb + 1).join(' '), lexicon) && (lexicon?.find(predicate).length ?? 0) === 0;
  }
  return false;
}

/**
 * The rule's judgement: `untestableReason`, except that a criterion naming a deliverable, a
 * checkable state, a count or a behaviour passes, a part of the deliverable it is listed under
 * passes, and an open-ended activity ("Gather feedback") is named as such.
 */
function criterionReason(criterion: Criterion, prose: string, text: string, lexicon?: Lexicon): Reason | undefined {
  const reason = untestableReason(prose, text, lexicon);
  if (!reason) return undefined;
  const words = prose.trim();
  if (reason.kind === 'vague-outcome') return /^(?:no|without)\b/i.test(reason.phrase ?? '') && REPORTED.test(words) ? undefined : reason;
  // The decision recorded under "Decide ..." is the result, not another criterion.
  if (RECORDED.test(words) && DECIDE.test(criterion.leadIn ?? '')) return undefined;
  const activity = openActivity(words, criterion, lexicon);
  if (activity === 'decided') return undefined;
  if (activity === 'open') {
    return {
      kind: 'no-outcome',
      message: 'Criterion names an activity with no end: say what result completes it (how much feedback from whom, how long, which decision).',
    };
  }
  // A task whose result is reported under it ("Sweep of X in grep.app" over "The following issues
  // were opened: ..."): a status report, the outcome is written down.
  if ((criterion.details ?? []).some((detail) => REPORTED_RESULT.test(detail))) return undefined;
  // A scenario or part listed under a test, documentation or other deliverable ("e2e tests on
  // these scenarios:" over "+ multiple lease candidates"), or the evidence under a gate.
  if (criterion.leadIn && isDeliverable(criterion.leadIn.trim())) return undefined;
  // A number in words is a value a tester counts: "then there is one suppression row", "posted twice".
  if (NUMBER_WORD.test(reason.kind === 'vague-then' ? (/\bthen\b([\s\S]*)$/i.exec(words)?.[1] ?? '') : words)) return undefined;
  if (reason.kind !== 'no-outcome') return reason;
  const task = words.replace(/^\W*to\s+/i, '');
  if (isDeliverable(task) || DISTINCTION.test(task) || REACHED_STATE.test(task.replace(BARE_TREATMENT, ' ').replace(TRAILING_TREATMENT, ' ')) || COUNT.test(task) || NAMED_DECISION.test(task) || statesBehaviour(task, lexicon)) return undefined;
  return reason;
}

/** A deliverable or a checkable state or absence, as written. */
function isDeliverable(words: string): boolean {
  return ABSENCE.test(words) || MAKING.test(words) || DONE_STATE.test(words) || DELIVERABLE.test(words);
}

/**
 * An activity with no end: gathering feedback, allowing time, investigating, improving. "Ensure
 * ..." is open unless what follows is a checkable state ("Ensure existing conformance tests
 * continue to pass"); "Decide if ..." unless the decision is recorded under it ("Decision: ..."),
 * and a decision that names what is decided ("Decide what the default should be") is a result.
 */
function openActivity(words: string, criterion: Criterion, lexicon: Lexicon | undefined): 'open' | 'decided' | undefined {
  const ensure = ENSURE.exec(words);
  if (ensure) {
    const state = ensure[1];
    return (DONE_STATE.test(state) || hasEvidence(state)) && !evaluative(state, lexicon) && (lexicon?.find(state).length ?? 0) === 0 ? undefined : 'open';
  }
  if (DECIDE.test(words)) {
    if ((criterion.details ?? []).some((detail) => RECORDED.test(detail))) return 'decided';
    return OPEN_DECISION.test(words) || !NAMED_DECISION.test(words) ? 'open' : undefined;
  }
  return OPEN_ACTIVITY.test(words) || OPEN_FEEDBACK.test(words) ? 'open' : undefined;
}

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
  const manner = MANNER.exec(prose);
  if (manner && !/`[^`]+`/.test(text) && !CONCRETE_VALUE.test(prose.replace(IDENTIFIER, ' '))) {
    return {
      kind: 'vague-outcome',
      phrase: manner[0],
      message: `Criterion outcome "${manner[0]}" cannot be checked: name an observable result (status code, stored value, message, number with unit).`,
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
  return /`[^`]+`/.test(text) || CONCRETE_VALUE.test(text) || OBSERVABLE.test(text) || RESULTING_STATE.test(text.replace(BARE_TREATMENT, ' '));
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
  if (!/[a-z]{3,}/i.test(rest) || EVALUATION.test(rest) || TREATMENT_COMPLEMENT.test(rest)) return false;
  return !evaluative(rest, lexicon);
}

function evaluative(text: string, lexicon: Lexicon | undefined): boolean {
  return EVALUATION.test(text.trim()) || (lexicon?.find(text).length ?? 0) > 0;
}

function untestableQuestion(finding: Finding): string | undefined {
  const data: Partial<UntestableCriterionData> = dataOf(untestableCriterion, finding) ?? {};
  const criterion = plainText(data.criterion);
  if (!criterion) return undefined;
  const phrase = plainText(data.phrase);
  const vague = phrase ? ` "${phrase}" cannot be checked.` : '';
  return `How would a tester check "${shortened(criterion, 120)}"?${vague} Name the observable result: a status code, a stored value, a message or a number with a unit.`;
}

/** What a finding of this rule carries in `data`. */
export type UntestableCriterionData = {
  criterion: string;
  reason: string;
  phrase?: string;
};
