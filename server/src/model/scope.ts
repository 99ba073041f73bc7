/**
 * Statement scoping shared by the rules: which statements are judged, and which parts of a
 * statement are not its own claim (an example, a quotation, a justification, a link label).
 */
import { statementOf, type Statement, type StatementRole } from './statements';
import type { Sentence, SpecModel } from './types';

/**
 * The binding statement (requirement, criterion, goal, non-goal) a sentence belongs to, or
 * undefined when the sentence is narrative, a definition, a question or a heading.
 */
export function bindingStatement(model: SpecModel, sentence: Sentence): Statement | undefined {
  const statement = statementOf(model, sentence);
  return statement?.binding ? statement : undefined;
}

/**
 * "e.g.", "such as" or a plural noun and "like" ("future improvements like query planning, queuing,
 * rate limiting etc.") up to the end of the clause: an illustration, not a commitment.
 */
const EXAMPLE = /\b(?:e\.\s?g\.|eg\.|for example|for instance|such as|\p{L}{3,}(?<![su]s)s\s+like\b)[^);]*$/iu;

/** True when `offset` is inside an illustration: "Supporting documentation, e.g. relevant PRs". */
export function insideExample(text: string, offset: number): boolean {
  return EXAMPLE.test(text.slice(0, offset));
}

/** True when `offset` is inside parentheses: an aside ("(modulo the usual caveats and so on)"). */
export function insideParentheses(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  return (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
}

/**
 * True when `offset` falls inside a double-quoted string of the sentence: UI labels and quoted
 * speech are reproduced as written, not stated by the author.
 */
export function insideQuotes(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = before.lastIndexOf('“');
  return straight % 2 === 1 || (opened >= 0 && opened > before.lastIndexOf('”'));
}

/**
 * True when `offset` (in the sentence's text) lies in the statement's justification clause
 * ("..., because the queue is small") or its leading purpose clause ("In order to safely use X,
 * ..."): a reason given for the statement, not what it binds.
 */
export function insideJustification(statement: Statement | undefined, sentence: Sentence, offset: number): boolean {
  if (!statement || statement.kind === 'table-row') return false;
  const at = sentence.startOffset + offset - statement.startOffset;
  if (statement.purposeEnd !== undefined && at < statement.purposeEnd) return true;
  return statement.justificationStart !== undefined && at >= statement.justificationStart;
}

/**
 * "fast (TBD: p95 target)": the author has marked the term for follow-up (the quick fix does
 * this), and the placeholder rule reports the open point, so it is not reported twice.
 */
export function markedForFollowUp(model: SpecModel, end: number): boolean {
  return /^\s*\((?:TBD|TBC|TODO)\b/.test(model.text.slice(end, end + 12));
}

/**
 * True when `offset` lies in a question the statement asks before its answer ("**What are the
 * reasonable SLOs for the above SLIs?** n/a"): the question is the template's, the answer is the
 * statement.
 */
export function insideQuestion(text: string, offset: number): boolean {
  return /^[^.!?;]*\?/.test(text.slice(offset));
}

/** Verbs of benefit that open a trailing infinitive of purpose: "... to maintain high quality". */
const PURPOSE = /(\p{L}+)[\s*_)\]]+(?:in order\s+)?to\s+(?:\p{L}+ly\s+)?(?:improve|optimi[sz]e|increase|reduce|boost|enhance|maximi[sz]e|minimi[sz]e|speed up|lower|preserve|maintain|protect|achieve|promote|ease|keep|prevent|avoid|facilitate|encourage|simplify)\b/giu;

/**
 * Words that "to" completes rather than opening a purpose: "need to", "easy to", "allow users to",
 * "the ability to", "changes to".
 */
const COMPLETES_TO = /^(?:needs?|needed|wants?|wanted|able|unable|ability|has|have|had|going|used|aims?|plans?|try|tries|attempts?|seeks?|continues?|intends?|expects?|expected|likes?|required|supposed|likely|unlikely|way|ways|easy|easier|hard|harder|difficult|possible|impossible|how|what|order|is|are|be|been|was|were|allows?|enables?|helps?|lets?|it|them|us|you|users?|changes?|due|up|back|close|similar|equal|prior|according|ought|tends?|fails?|refuses?|decides?|decided|chooses?|asks?|asked|wish|wishes|important|necessary|sufficient|enough|designed|meant|intended|responsible|free|ready|willing|begin|begins|start|starts|work|works|effort|efforts|commitment|goal|goals|aim|objective|objectives|purpose|intent|intention|mission|option|choice|decision|permission|right|time|opportunity|chance|not)$/i;

/** A benefit clause up to the word: "so that / such that <someone> can ...". */
const ENABLED_AFTER = /\p{L}[^.;:]*?\s(?:so that|such that)\s+(?:[\p{L}'-]+\s+){1,5}?(?:can|could|may|will be able to)\s+[^.;:,]*$/iu;

/**
 * "Transactions must be designed so that they can be completed with a small number of
 * interactions": after a verb of design the clause is the criterion the design must meet, not a benefit.
 */
const DESIGNED_SO = /\b(?:designed|built|implemented|engineered|constructed|structured|arranged|configured|laid out|set up)\s+(?:\p{L}+\s+){0,2}?(?:so|such) that\b/iu;

/** "for <someone> to", "allow <someone> to": the infinitive is what they do, not a purpose. */
const COMPLETED_BY_SUBJECT = /\b(?:for|allow|allows|allowing|enable|enables|enabling|let|lets|permit|permits|require|requires|ask|asks|want|wants|expect|expects|force|forces|cause|causes|help|helps|get|gets)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/**
 * True when `offset` lies in an infinitive of purpose that follows the statement's main clause
 * ("Create a test suite in testgrid to maintain high quality", "Re-evaluate the need to skip
 * reconciliation to optimize performance"): the statement binds the action; the purpose says
 * why it is wanted. "Make it easy to ...", "the ability to ..." and "need to ..." are not purposes,
 * and neither is "... to ensure that ...", which states the criterion the action must meet.
 */
export function insidePurpose(text: string, offset: number): boolean {
  // "... communicated clearly such that developer correction can proceed as smoothly as possible":
  // what the action lets someone do is its benefit.
  if (ENABLED_AFTER.test(text.slice(0, offset)) && !DESIGNED_SO.test(text.slice(0, offset))) return true;
  for (const match of text.matchAll(PURPOSE)) {
    const at = (match.index ?? 0) + match[1].length;
    if (at > offset) break;
    // A main clause of its own before the purpose, and no sentence break in between.
    const head = text.slice(0, match.index ?? 0);
    // "possible for the network to prevent ...", "allow the user to ...": the infinitive completes the phrase.
    if (COMPLETES_TO.test(match[1]) || !/\p{L}+\s+\p{L}+/u.test(head) || COMPLETED_BY_SUBJECT.test(head)) continue;
    // The purpose runs to the end of its clause.
    if (!/[.;:,(]|\s[-–—]\s/.test(text.slice(at, offset))) return true;
  }
  return false;
}

/** An example introduced as such, not an aside inside a statement ("For example, ..."). */
const ASIDE_EXAMPLE = /^\W*(?:for (?:example|instance)\b|e\.\s?g\.)/i;

const announcedExampleCache = new WeakMap<SpecModel, Set<Statement>>();

/**
 * True when the statement is a step of an example its section announces before stating anything
 * binding ("Here's an example of a customised controller that uses gang scheduling. ... 1. For
 * each job, the controller creates a group. 2. Its annotation should be set accordingly."): the
 * steps illustrate the design, they do not add to it.
 */
export function inAnnouncedExample(model: SpecModel, statement: Statement): boolean {
  let steps = announcedExampleCache.get(model);
  if (!steps) {
    steps = new Set<Statement>();
    let section: Statement['section'] | null = null;
    let state: 'open' | 'example' | 'closed' = 'closed';
    for (const candidate of model.statements) {
      if (candidate.section !== section) {
        section = candidate.section;
        state = 'open';
      }
      if (state === 'example') steps.add(candidate);
      else if (state === 'open' && candidate.binding) state = 'closed';
      else if (state === 'open' && candidate.narrative === 'example' && !ASIDE_EXAMPLE.test(candidate.text)) state = 'example';
    }
    announcedExampleCache.set(model, steps);
  }
  return steps.has(statement);
}

/** Parts of a sentence that are not the author's own claim, which a rule may leave out of its scope. */
export type ExcludedPart =
  /** "e.g." or "such as" up to the end of the clause. */
  | 'example'
  /** A double-quoted string: a UI label or quoted speech. */
  | 'quote'
  /** An aside in parentheses. */
  | 'parentheses'
  /** The statement's justification ("..., because ...") or leading purpose clause. */
  | 'justification'
  /** A term the author has marked for follow-up right after it: "fast (TBD: p95 target)". */
  | 'follow-up';

/**
 * The text a rule judges, declared next to its check (like Vale's `scope:`) and resolved by the
 * engine with `resolveScope` before the check runs.
 */
export interface StatementScope {
  /**
   * The statements judged: `binding` ones (requirements, criteria, goals, non-goals), those with
   * one of the given roles, or, when absent, every statement.
   */
  statements?: 'binding' | readonly StatementRole[];
  /**
   * Roles that leave a statement out when its own wording gives them, whatever its place: an item
   * of a criteria list that says "Today the scheduler retries forever" is narrative by what it says,
   * not a criterion.
   */
  exceptWorded?: readonly StatementRole[];
  /** Parts of a judged sentence that are left out. */
  exclude?: readonly ExcludedPart[];
}

/** A declared scope resolved against one document: what a rule's check reads instead of deciding for itself. */
export interface ScopedDocument {
  /** The judged statements, in document order. */
  readonly statements: readonly Statement[];
  /** The judged statement a sentence belongs to; undefined when the sentence is outside the scope. */
  statementOf(sentence: Sentence): Statement | undefined;
  /** True when the span from `start` to `end` (offsets in the sentence's text) begins or ends in an excluded part. */
  excludes(sentence: Sentence, start: number, end?: number): boolean;
  /**
   * False when a statement outside the scope starts on this (zero-based) line: for the parts of the
   * model read by line, such as acceptance criteria.
   */
  judgesLine(line: number): boolean;
}

const EVERY_STATEMENT: StatementScope = {};

/** `scope` (every statement, nothing excluded, when absent) resolved against `model`. */
export function resolveScope(model: SpecModel, scope: StatementScope = EVERY_STATEMENT): ScopedDocument {
  const judged = judgedBy(scope);
  const exclude = new Set(scope.exclude ?? []);
  let statements: readonly Statement[] | undefined;
  let leftOutLines: ReadonlySet<number> | undefined;
  return {
    get statements() {
      statements ??= model.statements.filter(judged);
      return statements;
    },
    statementOf(sentence) {
      const statement = statementOf(model, sentence);
      return statement && judged(statement) ? statement : undefined;
    },
    excludes(sentence, start, end = start) {
      if (exclude.size === 0) return false;
      const text = sentence.text;
      return (exclude.has('example') && insideExample(text, start))
        || (exclude.has('quote') && insideQuotes(text, start))
        || (exclude.has('parentheses') && insideParentheses(text, start))
        || (exclude.has('justification') && insideJustification(statementOf(model, sentence), sentence, start))
        || (exclude.has('follow-up') && markedForFollowUp(model, sentence.startOffset + end));
    },
    judgesLine(line) {
      leftOutLines ??= new Set(model.statements.filter((statement) => !judged(statement)).map((statement) => statement.range.start.line));
      return !leftOutLines.has(line);
    },
  };
}

function judgedBy(scope: StatementScope): (statement: Statement) => boolean {
  const byRole = judgedByRole(scope.statements);
  const worded = scope.exceptWorded;
  if (!worded || worded.length === 0) return byRole;
  return (statement) => byRole(statement) && !(statement.explicit && worded.includes(statement.role));
}

function judgedByRole(roles: StatementScope['statements']): (statement: Statement) => boolean {
  if (roles === undefined) return () => true;
  if (roles === 'binding') return (statement) => statement.binding;
  return (statement) => roles.includes(statement.role);
}
