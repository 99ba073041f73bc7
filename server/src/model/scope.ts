/**
 * Statement scoping shared by the wording rules: which statements are judged, and which parts of a
 * statement are not its own claim (an example, a quotation, a justification, a link label).
 */
import { statementOf, type Statement } from './statements';
import type { Sentence, SpecModel } from './types';

/**
 * The binding statement (requirement, criterion, goal, non-goal) a sentence belongs to, or
 * undefined when the sentence is narrative, a definition, a question or a heading.
 */
export function bindingStatement(model: SpecModel, sentence: Sentence): Statement | undefined {
  const statement = statementOf(model, sentence);
  return statement?.binding ? statement : undefined;
}

/** "e.g." or "such as" up to the end of the clause: an illustration, not a commitment. */
const EXAMPLE = /\b(?:e\.\s?g\.|eg\.|for example|for instance|such as)[^);]*$/i;

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
