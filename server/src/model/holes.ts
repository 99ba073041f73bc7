/**
 * Holes: HTML comments standing where content should be. Templates and quick fixes leave them
 * for the author (`- <!-- in-scope item -->`, `Owner: <!-- team -->`, `Given <!-- precondition -->,`,
 * `WHEN <!-- event --> THEN`). The placeholder rule reports each one; rules that judge what a
 * statement says (is the criterion testable, is the EARS well formed) leave a statement with a
 * hole alone, since it is not written yet and one finding for the hole is enough.
 */
import { lineText } from './text';
import type { HtmlComment, Position, Range, SpecModel } from './types';

/** Tool directives in comments, which are never holes. */
const DIRECTIVE = /^(?:specready|markdownlint|prettier|lint|vale|textlint|cspell)\b/i;

/**
 * Words a clause cannot end with: modal and auxiliary verbs, articles and determiners,
 * prepositions and conjunctions. Text ending in one of them is unfinished, so a comment after
 * it stands where the rest of the clause belongs ("System MUST <!-- capability -->").
 */
const UNFINISHED_CLAUSE_END = /(?:^|[^\p{L}\p{N}])(?:must|shall|should|will|would|may|can|could|might|is|are|be|was|were|has|have|the|a|an|each|every|its|their|this|these|to|of|for|with|by|in|on|at|from|into|than|as|via|per|and|or|nor)$/iu;

/**
 * A one-line comment is a hole when it is the whole of a list item or table cell, the value
 * after a label or a dash separator (`### Story 1 - <!-- title --> (P1)`), a clause of an
 * unfinished sentence (after a word and before punctuation or another word), or the rest of a
 * clause cut off after a word it cannot end with. A comment on a line of its own is guidance,
 * and one after a finished sentence (or at the end of a line) is a remark; neither is a hole.
 */
export function commentHoles(model: SpecModel): HtmlComment[] {
  return model.htmlComments.filter((comment) => isHole(model, comment));
}

function isHole(model: SpecModel, comment: HtmlComment): boolean {
  if (comment.range.start.line !== comment.range.end.line || DIRECTIVE.test(comment.body)) return false;
  const lineStart = model.lineStarts[comment.range.start.line];
  const lineEnd = lineStart + lineText(model, comment.range.start.line).length;
  const before = model.text.slice(lineStart, comment.startOffset);
  const after = model.text.slice(comment.endOffset, lineEnd);
  const beforeTrimmed = before.replace(/[*_\s]+$/, '');
  const wholeItem = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:(?:\*\*|__)[^*_]+(?:\*\*|__):?\s+)?$/.test(before) && /^\s*[.;]?\s*$/.test(after);
  const wholeCell = /\|\s*$/.test(before) && /^\s*\|/.test(after);
  const afterLabel = /[\p{L}\p{N}`*_)]:$/u.test(beforeTrimmed) && /^\s*(?:[.;,|]|$)/.test(after);
  const afterSeparator = /\S\s+[-\u2013\u2014]$/u.test(beforeTrimmed) && /^\s*(?:[([,.;|]|[*_]*[\p{L}\p{N}`]|$)/u.test(after);
  const inClause = /[\p{L}\p{N}`*]$/u.test(beforeTrimmed) && /^\s*(?:[,.;:()]|[*_]*[\p{L}\p{N}`])/u.test(after);
  const clauseCutOff = UNFINISHED_CLAUSE_END.test(beforeTrimmed) && /^\s*[.;]?\s*$/.test(after);
  return wholeItem || wholeCell || afterLabel || afterSeparator || inClause || clauseCutOff;
}

/** Whether a hole lies inside `range` (a statement, a criterion). */
export function hasHole(holes: readonly HtmlComment[], range: Range): boolean {
  return holes.some((hole) => !before(hole.range.start, range.start) && !before(range.end, hole.range.end));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
