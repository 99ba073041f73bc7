import { lineText, positionAt } from '../../model/text';
import type { Position, SpecModel } from '../../model/types';
import type { TextEdit } from '../types';

/** The line ending the document already uses, so inserted text never mixes styles. */
export function eolOf(model: Pick<SpecModel, 'text'>): string {
  const match = /\r\n|\r|\n/.exec(model.text);
  return match ? match[0] : '\n';
}

/**
 * Inserts a block of Markdown lines at the start of a line (or at the end of the document),
 * with blank lines around it so that it never merges into a neighbouring paragraph or list.
 */
export function insertBlock(model: SpecModel, requested: Position, lines: string[]): TextEdit {
  const eol = eolOf(model);
  // "The line after the section" does not exist when the section ends the document without a
  // line break; the block then goes at the end of the text.
  const at = requested.line < model.lineStarts.length ? requested : positionAt(model, model.text.length);
  const atEnd = at.line >= model.lineStarts.length - 1 && at.character > 0;
  const previousLine = at.line > 0 ? lineText(model, at.line - 1) : '';
  const needsLeadingBreak = atEnd;
  const needsLeadingBlank = (atEnd ? lineText(model, at.line) : previousLine).trim() !== '';
  const fence = unclosedFenceBefore(model, at);
  // Text appended after a fence that is never closed would land inside the code block.
  const block = (fence ? [fence, '', ...lines] : lines).join(eol);
  const prefix = (needsLeadingBreak ? eol : '') + (needsLeadingBlank ? eol : '');
  const nextLine = atEnd ? '' : lineText(model, at.line);
  const suffix = atEnd ? eol : eol + (nextLine.trim() !== '' ? eol : '');
  return { range: { start: at, end: at }, newText: prefix + block + suffix };
}

/** The fence that must be written to close a code block left open before `at`, if any. */
function unclosedFenceBefore(model: SpecModel, at: Position): string | undefined {
  for (const block of model.codeBlocks) {
    if (!block.fenced || block.range.start.line > at.line) continue;
    const opening = /^\s*(`{3,}|~{3,})/.exec(lineText(model, block.range.start.line));
    const closingLine = lineText(model, block.range.end.line);
    const closed = block.range.end.line > block.range.start.line && opening !== null
      && new RegExp(`^\\s*${opening[1][0]}{${opening[1].length},}\\s*$`).test(closingLine);
    if (opening && !closed && block.range.end.line >= at.line - 1) return opening[1];
  }
  return undefined;
}

/** Snippet syntax treats `$`, `}` and `\` specially; everything else is literal. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
