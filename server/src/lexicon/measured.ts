import type { Sentence, SpecModel, TableCell } from '../model/types';
import { findQuantities, type QuantityKind } from './quantity';

/**
 * Where a measurable target for a statement may be written, seen from one prose unit:
 * - for a sentence of a list item or a paragraph, the sentence and the next one of the same item
 *   or paragraph: the fit criterion usually follows the wish ("Search shall be fast. 95% of
 *   queries return in 1 s."), while a number further away, or before, measures something else
 *   ("A segment holds at most 96 characters. A message can include several segments.");
 * - for a table cell, the whole row ("| Latency | p95 < 200 ms |").
 * Inline code is put back into the prose (targets are often written as `200ms`).
 */
export function statementText(model: SpecModel, index: number): string {
  const sentence = model.sentences[index];
  if (!sentence) return '';
  if (sentence.kind === 'table-cell') {
    const row = tableRowOf(model, sentence)?.cells;
    if (row) return row.map((cell) => cell.text).join(' | ');
  }
  const next = model.sentences[index + 1];
  const own = withInlineCode(model, sentence);
  const continued = next !== undefined
    && (sentence.listItem ? next.listItem === sentence.listItem : sameParagraph(model, sentence, next));
  return continued ? `${own} ${withInlineCode(model, next)}` : own;
}

/** True when the statement around sentence `index` gives a quantity of one of `kinds` (any kind when omitted). */
export function isMeasured(model: SpecModel, index: number, kinds?: ReadonlySet<QuantityKind>): boolean {
  return findQuantities(statementText(model, index)).some((quantity) => !kinds || kinds.has(quantity.kind));
}

/**
 * The whole prose unit sentence `index` belongs to: every sentence of its list item, or of its
 * paragraph (sentences separated by nothing but spaces and one line break), or the sentence alone.
 */
export function unitText(model: SpecModel, index: number): string {
  const sentence = model.sentences[index];
  if (!sentence) return '';
  let first = index;
  let last = index;
  const together = (a: Sentence, b: Sentence): boolean =>
    sentence.listItem ? a.listItem === sentence.listItem && b.listItem === sentence.listItem : sameParagraph(model, a, b);
  while (first > 0 && together(model.sentences[first - 1], model.sentences[first])) first--;
  while (last + 1 < model.sentences.length && together(model.sentences[last], model.sentences[last + 1])) last++;
  return model.sentences.slice(first, last + 1).map((other) => withInlineCode(model, other)).join(' ');
}

/**
 * True when the unit of sentence `index` sets a time limit: a bound word right before a duration
 * ("answers within 15 seconds", "at most 2 s", "up to 30 minutes"). A timeout or a retention
 * period is that limit seen from the other side ("Any other status, a timeout ... is a failed
 * attempt"), so the limit may be written anywhere in the item or paragraph, before it too.
 */
export function setsTimeLimit(model: SpecModel, index: number): boolean {
  const text = unitText(model, index);
  const quantities = findQuantities(text);
  return quantities.some((bound, position) => {
    const next = quantities[position + 1];
    return bound.kind === 'bound' && next?.kind === 'time' && /^\s*$/.test(text.slice(bound.end, next.start));
  });
}

export interface TableRowRef {
  cells: TableCell[];
  /** True for the header row: its cells name columns rather than state anything. */
  header: boolean;
}

/** The table row a table-cell sentence belongs to. */
export function tableRowOf(model: SpecModel, sentence: Sentence): TableRowRef | undefined {
  const contains = (cell: TableCell): boolean =>
    cell.startOffset <= sentence.startOffset && sentence.startOffset < Math.max(cell.endOffset, cell.startOffset + 1);
  for (const table of model.tables) {
    if (table.header.some(contains)) return { cells: table.header, header: true };
    const row = table.rows.find((cells) => cells.some(contains));
    if (row) return { cells: row, header: false };
  }
  return undefined;
}

/** Consecutive sentences of one paragraph: nothing but spaces and one line break between them. */
function sameParagraph(model: SpecModel, a: Sentence, b: Sentence): boolean {
  if (a.kind !== 'paragraph' || b.kind !== 'paragraph') return false;
  const between = model.prose.slice(a.endOffset, b.startOffset);
  return /^[ \t]*(?:\r?\n|\r)?[ \t>]*$/.test(between);
}

/** The sentence's prose mask with the text of its code spans put back. */
function withInlineCode(model: SpecModel, sentence: Sentence): string {
  const { startOffset: start, endOffset: end } = sentence;
  let text = sentence.text;
  for (const code of model.inlineCode) {
    if (code.startOffset < start || code.endOffset > end) continue;
    const from = code.startOffset - start;
    text = text.slice(0, from) + code.text + text.slice(from + code.text.length);
  }
  return text;
}
