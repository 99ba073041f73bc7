import type { SpecModel } from '../../model/types';
import { eolOf, escapeSnippet, insertBlock } from './edits';

export { escapeSnippet };
import type { Position, Range } from '../../model/types';
import type { TextEdit } from '../types';

/**
 * Text a fix inserts, with holes for the author to fill. A hole becomes a tab stop in clients
 * that accept snippet edits. In plain text (and as the tab stop's default) a hole in prose is an
 * HTML comment saying what goes there, so an unfilled hole is never itself reported as an error
 * and never passes for content. An example hole (`example: true`) is its default value
 * (`string`, `404`, a field name in a code span): a typical value to overwrite, which no rule
 * reports as an error.
 */
export type Piece = string | Hole;
export interface Hole {
  hole: string;
  example?: boolean;
}
export type SnippetLine = Piece[];

/** A hole in prose: `<!-- what goes here -->` until the author writes it. */
export function hole(what: string): Hole {
  return { hole: what };
}

/** A hole whose default is a typical value (inside code spans, table cells, code blocks). */
export function example(value: string): Hole {
  return { hole: value, example: true };
}

function plainPiece(piece: Piece): string {
  if (typeof piece === 'string') return piece;
  return piece.example ? piece.hole : `<!-- ${piece.hole.replace(/--/g, '- -')} -->`;
}

/** The lines as plain text. */
export function plainLines(lines: SnippetLine[]): string[] {
  return lines.map((line) => line.map(plainPiece).join(''));
}


/** The lines as a snippet body, tab stops numbered from `first`. */
export function snippetLines(lines: SnippetLine[], eol: string, first = 1): string {
  let stop = first - 1;
  return lines.map((line) => line.map((piece) => (typeof piece === 'string'
    ? escapeSnippet(piece)
    : `\${${++stop}:${escapeSnippet(plainPiece(piece))}}`)).join('')).join(eol);
}

export function hasHoles(lines: SnippetLine[]): boolean {
  return lines.some((line) => line.some((piece) => typeof piece !== 'string'));
}

/**
 * An insertion of whole lines (see `insertBlock`) whose snippet has a tab stop per hole; its
 * plain text is what the snippet expands to when no hole is touched.
 */
export function insertLines(model: SpecModel, at: Position, lines: SnippetLine[]): TextEdit {
  const plain = plainLines(lines);
  const edit = insertBlock(model, at, plain);
  if (!hasHoles(lines)) return edit;
  const eol = eolOf(model);
  const block = plain.join(eol);
  const position = edit.newText.lastIndexOf(block);
  if (position < 0) return edit;
  const snippet = escapeSnippet(edit.newText.slice(0, position)) + snippetLines(lines, eol)
    + escapeSnippet(edit.newText.slice(position + block.length));
  return { ...edit, snippet };
}

/** A replacement of `range` by one line of pieces (a snippet when it has holes). */
export function replaceWith(range: Range, pieces: Piece[]): TextEdit {
  const newText = plainLines([pieces])[0];
  return hasHoles([pieces]) ? { range, newText, snippet: snippetLines([pieces], '\n') } : { range, newText };
}
