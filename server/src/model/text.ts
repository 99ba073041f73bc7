import type { CodeBlock, Position, Range, SpecModel } from './types';
import { firstIndexWhere, itemAt } from '../util/indexed';

/** Offsets of line starts; "\r\n", "\n" and a lone "\r" all end a line, as in LSP. */
export function computeLineStarts(text: string): number[] {
  // Most documents use "\n" alone, where the native search is many times faster than a loop.
  if (text.indexOf('\r') === -1) return newlineStarts(text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function newlineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

type LineIndexed = Pick<SpecModel, 'lineStarts' | 'text'>;

export function positionAt(model: LineIndexed, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, model.text.length));
  const line = lastStartAtOrBefore(model.lineStarts, clamped);
  return { line, character: clamped - itemAt(model.lineStarts, line) };
}

/**
 * Index of the last of the ascending `starts` that is at or before `offset` (0 when the offset
 * comes before them all): the line of an offset, given the offsets where lines start.
 */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  return Math.max(0, firstIndexWhere(starts.length, (index) => itemAt(starts, index) > offset) - 1);
}

export function offsetAt(model: LineIndexed, position: Position): number {
  if (position.line >= model.lineStarts.length) return model.text.length;
  const start = itemAt(model.lineStarts, Math.max(0, position.line));
  return Math.min(start + Math.max(0, position.character), lineEndOffset(model, position.line));
}

/**
 * positionAt for offsets that mostly increase, as when a document is walked from top to bottom:
 * the search starts at the line of the previous offset instead of bisecting all lines. Same
 * results as positionAt for any offset.
 */
export class PositionCursor {
  private line = 0;

  constructor(private readonly model: LineIndexed) {}

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.model.text.length));
    const starts = this.model.lineStarts;
    if (!this.onLine(this.line, clamped)) {
      this.line = this.onLine(this.line + 1, clamped) ? this.line + 1 : positionAt(this.model, clamped).line;
    }
    return { line: this.line, character: clamped - itemAt(starts, this.line) };
  }

  rangeFromOffsets(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private onLine(line: number, offset: number): boolean {
    const starts = this.model.lineStarts;
    return line < starts.length && itemAt(starts, line) <= offset && (line + 1 === starts.length || offset < itemAt(starts, line + 1));
  }
}

export function rangeFromOffsets(model: LineIndexed, start: number, end: number): Range {
  return { start: positionAt(model, start), end: positionAt(model, end) };
}

/** Offset just before the line break that ends `line` (or the end of the text). */
export function lineEndOffset(model: LineIndexed, line: number): number {
  const next = model.lineStarts[line + 1];
  if (next === undefined) return model.text.length;
  let end = next;
  if (model.text.charCodeAt(end - 1) === 10) end--;
  if (model.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

export function lineText(model: LineIndexed, line: number): string {
  return model.text.slice(model.lineStarts[line] ?? model.text.length, lineEndOffset(model, line));
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character ||
    a.end.line - b.end.line || a.end.character - b.end.character;
}

export function containsPosition(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line ||
    (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/**
 * GitHub-style heading anchor: lower-case, punctuation dropped (letters, digits, "-", "_" and
 * spaces kept), spaces turned into "-". De-duplication ("x", "x-1") is done by the caller.
 */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/**
 * Position of an offset inside `block.content`. markdown-it strips the indentation of fences
 * nested in lists and block quotes, so each content line is located in its source line.
 */
export function codeBlockPosition(model: LineIndexed, block: CodeBlock, contentOffset: number): Position {
  const before = block.content.slice(0, Math.max(0, contentOffset));
  const lineIndex = (before.match(/\n/g) ?? []).length;
  const column = before.length - (before.lastIndexOf('\n') + 1);
  const line = block.contentRange.start.line + lineIndex;
  const contentLine = block.content.split('\n')[lineIndex] ?? '';
  const source = lineText(model, line);
  const indent = source.endsWith(contentLine) ? source.length - contentLine.length : 0;
  return { line, character: Math.min(indent + column, source.length) };
}

/**
 * A copy of a string that shares no memory with the string it was cut from. V8 keeps a whole
 * document alive for as long as any substring of it lives, so anything kept beyond one analysis
 * (caches, findings kept for many files) stores copies. Concatenating and slicing makes V8 copy
 * the characters into a string of their own.
 */
export function detachedString(text: string): string {
  return (' ' + text).slice(1);
}

const commentsBlanked = new WeakMap<Pick<SpecModel, 'text' | 'htmlComments'>, string>();

/**
 * The document with every HTML comment's characters (line breaks kept) replaced by spaces: same
 * length and lines as the text. Built once per model, in one pass.
 */
export function textWithoutComments(model: Pick<SpecModel, 'text' | 'htmlComments'>): string {
  let blanked = commentsBlanked.get(model);
  if (blanked === undefined) commentsBlanked.set(model, (blanked = blankComments(model)));
  return blanked;
}

function blankComments({ text, htmlComments }: Pick<SpecModel, 'text' | 'htmlComments'>): string {
  const parts: string[] = [];
  let position = 0;
  for (const comment of htmlComments) {
    const start = Math.max(position, comment.startOffset);
    const end = Math.max(start, comment.endOffset);
    parts.push(text.slice(position, start), text.slice(start, end).replace(/[^\r\n]+/g, spaces));
    position = end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/** As many spaces as the run has characters (a comment line at a time, not a character at a time). */
function spaces(run: string): string {
  return ' '.repeat(run.length);
}
