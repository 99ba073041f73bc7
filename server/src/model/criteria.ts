import { rangeFromOffsets } from './text';
import type { Range, Section, SpecModel } from './types';

export interface Criterion {
  /** Source text (code spans kept: they are evidence of an observable outcome). */
  text: string;
  /** Prose mask of the same text (code removed). */
  prose: string;
  range: Range;
  section: Section | undefined;
  kind: 'list-item' | 'table-row';
  /** For table rows: the cells' prose. */
  cells?: string[];
}

/**
 * The acceptance criteria of a spec: list items and table rows under an acceptance-criteria
 * section (at any depth). An item ending in ":" that introduces nested criteria is a group
 * label, not a criterion.
 */
export function acceptanceCriteria(model: SpecModel): Criterion[] {
  const found: Criterion[] = [];
  for (const item of model.listItems) {
    if (!inCriteria(item.section) || isGroupLabel(item.text)) continue;
    found.push({
      text: item.text,
      prose: model.prose.slice(item.startOffset, item.endOffset),
      range: item.range,
      section: item.section,
      kind: 'list-item',
    });
  }
  for (const table of model.tables) {
    if (!inCriteria(table.section)) continue;
    for (const row of table.rows) {
      const first = row[0];
      const last = row[row.length - 1];
      if (!first || !last) continue;
      found.push({
        text: row.map((cell) => cell.text).join(' '),
        prose: row.map((cell) => model.prose.slice(cell.startOffset, cell.endOffset)).join(' '),
        range: rangeFromOffsets(model, first.startOffset, last.endOffset),
        section: table.section,
        kind: 'table-row',
        cells: row.map((cell) => model.prose.slice(cell.startOffset, cell.endOffset)),
      });
    }
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line);
}

function inCriteria(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (current.canonical.includes('acceptance-criteria')) return true;
  }
  return false;
}

function isGroupLabel(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length === 0 || trimmed.endsWith(':');
}
