/**
 * "Answer question": turns an open question into a recorded decision. Pure: from an analysis,
 * the position of a question and the answer (with the date and author the editor supplies),
 * computes the edits that remove the question where it was asked (an Open Questions item or
 * paragraph, a table row, a `Q:` item, a `[NEEDS CLARIFICATION: ...]` or `<<[UNRESOLVED]>>`
 * marker) and record it, answered, dated and signed, in the Decisions section, which is
 * created after the Open Questions section (or at the end) when the spec has none. The editor
 * applies all edits as one change, so one undo brings the question back.
 */
import type { AnalysisResult } from '../engine/analyze';
import { eolOf, insertBlock } from '../rules/fixes/edits';
import type { TextEdit } from '../fixes/types';
import { mainSectionLevel } from '../model/sections';
import { lineText, offsetAt, positionAt } from '../model/text';
import type { ListItem, Position, Range, Section, SpecModel } from '../model/types';
import type { Finding } from '../rules/types';
import { normalizeHeading } from '../sections/catalog';
import { isQuestionFinding, specEntry, type SpecQuestion } from './specs';
import { placeholder } from '../rules/placeholder';

export interface AnswerInput {
  answer: string;
  /** `YYYY-MM-DD`, the editor's today. */
  date: string;
  /** Who answered (the editor's git user name), if known. */
  author?: string;
}

export interface AnswerResult {
  question: string;
  edits: TextEdit[];
}

/** Headings a decisions log goes by. */
const DECISIONS_HEADING = /^(?:decisions?|decision log|decisions made|decision record|resolved questions|resolutions?|answered questions)$/;
const OPEN_QUESTIONS = 'open-questions';

/** The open question at (or whose line holds) `position`, as the Specs view shows it. */
export function questionAt(result: AnalysisResult, position: Position): SpecQuestion | undefined {
  const finding = questionFindingAt(result, position);
  if (!finding) return undefined;
  return specEntry(result.model.uri, { ...result, findings: [finding] }, '').details.questions[0];
}

function questionFindingAt(result: AnalysisResult, position: Position): Finding | undefined {
  const questions = result.findings.filter(isQuestionFinding);
  const inside = questions.find((finding) => contains(finding.range, position));
  return inside ?? questions.find((finding) => finding.range.start.line === position.line);
}

/** The edits that answer the question at `position`; undefined when there is none there (or the answer is empty). */
export function answerQuestion(result: AnalysisResult, position: Position, input: AnswerInput): AnswerResult | undefined {
  const answer = input.answer.replace(/\s+/g, ' ').trim();
  const finding = questionFindingAt(result, position);
  if (!finding || !answer) return undefined;
  const question = questionAt(result, finding.range.start)!;
  const { model } = result;
  const removal = removalEdit(model, finding, answer);
  if (!removal) return undefined;
  const entry = decisionEntry(question.text.charAt(0).toUpperCase() + question.text.slice(1), answer, input);
  return { question: question.text, edits: disjoint(model, removal, recordEdit(model, entry, removal)) };
}

/**
 * Edits that touch (the decision inserted right where the question was removed) become one,
 * computed on the original text: editors reject overlapping edits and may order touching ones
 * either way.
 */
function disjoint(model: SpecModel, first: TextEdit, second: TextEdit): TextEdit[] {
  const [a, b] = offsetAt(model, second.range.start) < offsetAt(model, first.range.start) ? [second, first] : [first, second];
  const aEnd = offsetAt(model, a.range.end);
  const bStart = offsetAt(model, b.range.start);
  if (bStart > aEnd) return [first, second];
  const end = Math.max(aEnd, offsetAt(model, b.range.end));
  const newText = a.newText + model.text.slice(aEnd, Math.max(aEnd, bStart)) + b.newText + model.text.slice(Math.max(aEnd, offsetAt(model, b.range.end)), end);
  return [{ range: { start: a.range.start, end: positionAt(model, end) }, newText }];
}

/** `- Which queue? **Decision:** SQS orders-retry (2026-12-01, Lena Novak)` */
function decisionEntry(question: string, answer: string, input: AnswerInput): string {
  const signed = input.author?.trim() ? `${input.date}, ${input.author.trim()}` : input.date;
  return `- ${question} **Decision:** ${answer.replace(/[.]?$/, '')} (${signed})`;
}

// ---- removing the question where it was asked ------------------------------------------------

function removalEdit(model: SpecModel, finding: Finding, answer: string): TextEdit | undefined {
  if (finding.rule === placeholder.id) return markerEdit(model, finding, answer);
  const start = offsetAt(model, finding.range.start);
  const item = model.listItems.find((candidate) => candidate.startOffset === start);
  if (item) return removeLines(model, item.range.start.line, lastLineOfItem(model, item), item.section);
  const row = model.tables.flatMap((table) => table.rows).find((cells) => cells.some((cell) => cell.startOffset <= start && start <= cell.endOffset));
  const rowLine = row?.[0]?.range.start.line;
  if (rowLine !== undefined) return removeLines(model, rowLine, rowLine, sectionOfLine(model, rowLine));
  const heading = model.sections.find((section) => section.headingRange.start.line === finding.range.start.line);
  if (heading) return removeLines(model, heading.headingRange.start.line, heading.bodyRange.end.line - (endsAtLineStart(heading.bodyRange) ? 1 : 0), heading.parent);
  const paragraph = paragraphLines(model, finding.range.start.line);
  return removeLines(model, paragraph.first, paragraph.last, sectionOfLine(model, paragraph.first));
}

/** A clarification marker is replaced by its answer; a KEP block loses its opening and closing markers. */
function markerEdit(model: SpecModel, finding: Finding, answer: string): TextEdit | undefined {
  const end = offsetAt(model, finding.range.end);
  const marker = model.text.slice(offsetAt(model, finding.range.start), end);
  if (/^\[NEEDS CLARIFICATION/i.test(marker)) {
    // The answer takes the marker's place in the sentence, which goes on after it.
    const continues = /^[ \t]*[^\s]/.test(model.text.slice(end, end + 2));
    return { range: finding.range, newText: continues ? answer.replace(/[.]$/, '') : answer };
  }
  if (!/^<<\[UNRESOLVED/i.test(marker)) return undefined;
  const openLine = finding.range.start.line;
  let closeLine = -1;
  for (let line = openLine + 1; line < model.lineStarts.length; line++) {
    if (/<<\[\/UNRESOLVED\]>>/i.test(lineText(model, line))) {
      closeLine = line;
      break;
    }
  }
  const onlyMarker = (line: number) => /^\s*<<\[\/?UNRESOLVED[^\]]*\]>>\s*$/i.test(lineText(model, line));
  if (closeLine < 0 || !onlyMarker(openLine) || !onlyMarker(closeLine)) return { range: finding.range, newText: '' };
  // One edit from the opening marker line to the closing one: the discussion in between stays.
  const inner = model.text.slice(model.lineStarts[openLine + 1] ?? model.text.length, model.lineStarts[closeLine]);
  return { range: { start: { line: openLine, character: 0 }, end: lineStartOrEnd(model, closeLine + 1) }, newText: inner };
}

/**
 * Removes whole lines. An Open Questions section left with no text says "None." instead, which
 * is what the open-question rule reads as "nothing open".
 */
function removeLines(model: SpecModel, first: number, last: number, section: Section | undefined): TextEdit {
  const from = first;
  let to = last + 1;
  // A blank line left doubled (or at the start of the section) goes with the question.
  const blank = (line: number) => line >= 0 && line < model.lineStarts.length && lineText(model, line).trim() === '';
  if (blank(to) && (blank(from - 1) || from === 0)) to++;
  const range: Range = { start: { line: from, character: 0 }, end: lineStartOrEnd(model, to) };
  const questions = questionSectionOf(section);
  if (questions) {
    const own = questions.ownBodyRange;
    let remaining = false;
    for (let line = own.start.line; line <= Math.min(own.end.line, model.lineStarts.length - 1); line++) {
      if ((line < from || line >= to) && lineText(model, line).trim() !== '' && !/^\s*<!--[\s\S]*-->\s*$/.test(lineText(model, line))) remaining = true;
    }
    if (!remaining && questions.children.length === 0) {
      return { range: { start: { line: first, character: 0 }, end: lineStartOrEnd(model, last + 1) }, newText: `None.${eolOf(model)}` };
    }
  }
  return { range, newText: '' };
}

function questionSectionOf(section: Section | undefined): Section | undefined {
  return section?.canonical.includes(OPEN_QUESTIONS) ? section : undefined;
}

function lastLineOfItem(model: SpecModel, item: ListItem): number {
  const index = model.listItems.indexOf(item);
  let last = item.range.end.line;
  for (const next of model.listItems.slice(index + 1)) {
    if (next.depth <= item.depth) break;
    last = Math.max(last, next.range.end.line);
  }
  // Continuation paragraphs of the item are indented lines up to the next item or a dedent.
  const nextItem = model.listItems.slice(index + 1).find((next) => next.depth <= item.depth);
  const limit = nextItem ? nextItem.range.start.line : model.lineStarts.length;
  const indent = /^\s*/.exec(lineText(model, item.range.start.line))![0].length;
  for (let line = last + 1; line < limit; line++) {
    const text = lineText(model, line);
    if (text.trim() === '') continue;
    if (/^\s*/.exec(text)![0].length <= indent || /^\s*#/.test(text)) break;
    last = line;
  }
  return last;
}

function paragraphLines(model: SpecModel, line: number): { first: number; last: number } {
  const nonBlank = (n: number) => n >= 0 && n < model.lineStarts.length && lineText(model, n).trim() !== '' && !/^\s*#/.test(lineText(model, n));
  let first = line;
  let last = line;
  while (nonBlank(first - 1)) first--;
  while (nonBlank(last + 1)) last++;
  return { first, last };
}

function sectionOfLine(model: SpecModel, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of model.sections) {
    if (section.headingRange.start.line <= line) found = section;
  }
  return found;
}

function endsAtLineStart(range: Range): boolean {
  return range.end.character === 0;
}

function lineStartOrEnd(model: SpecModel, line: number): Position {
  return line < model.lineStarts.length ? { line, character: 0 } : positionAt(model, model.text.length);
}

function contains(range: Range, position: Position): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(position, range.start) && !before(range.end, position);
}

// ---- recording the decision --------------------------------------------------------------------

/**
 * Appends the entry to the Decisions section (right after its last list item when it is a
 * list), or creates the section: after the Open Questions section at its level, or at the end
 * of the spec at the level of its main sections.
 */
function recordEdit(model: SpecModel, entry: string, removal: TextEdit): TextEdit {
  const eol = eolOf(model);
  const decisions = model.sections.find((section) => DECISIONS_HEADING.test(normalizeHeading(section.title)));
  if (decisions) {
    const lastLine = lastContentLine(model, decisions);
    if (lastLine !== undefined && /^\s*[-*+]\s/.test(lineText(model, lastLine)) && !overlapsLine(removal, lastLine)) {
      const end = positionAt(model, model.lineStarts[lastLine] + lineText(model, lastLine).length);
      return { range: { start: end, end }, newText: eol + entry };
    }
    return insertBlock(model, sectionEnd(model, decisions), [entry]);
  }
  const questions = model.sections.find((section) => section.canonical.includes(OPEN_QUESTIONS) && !section.parent?.canonical.includes(OPEN_QUESTIONS));
  const level = questions?.level ?? mainSectionLevel(model);
  const at = questions ? sectionEnd(model, questions) : lineStartOrEnd(model, model.lineStarts.length);
  return insertBlock(model, at, [`${'#'.repeat(level)} Decisions`, '', entry]);
}

/** The start of the line after the section (subsections included), or the end of the document. */
function sectionEnd(model: SpecModel, section: Section): Position {
  const next = model.sections.find((other) => other.index > section.index && other.level <= section.level);
  return next ? { line: next.headingRange.start.line, character: 0 } : positionAt(model, model.text.length);
}

function lastContentLine(model: SpecModel, section: Section): number | undefined {
  const next = model.sections.find((other) => other.index > section.index);
  const limit = next ? next.headingRange.start.line : model.lineStarts.length;
  for (let line = limit - 1; line > section.headingRange.start.line; line--) {
    if (lineText(model, line).trim() !== '') return line;
  }
  return undefined;
}

function overlapsLine(edit: TextEdit, line: number): boolean {
  return edit.range.start.line <= line && line < Math.max(edit.range.end.line, edit.range.start.line + 1);
}
