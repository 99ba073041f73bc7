import { rangeFromOffsets } from './text';
import type { ListItem, Range, Section, SpecModel } from './types';

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
  /**
   * For list items: the item or line the list reads with, as prose. The parent item of a nested
   * item ("e2e tests on these scenarios:" over "+ multiple lease candidates"), or the item right
   * before a list that follows it without a blank line ("Documentation with the following
   * sections." over "1. Overview of networking").
   */
  leadIn?: string;
  /** For list items: the prose of the items nested directly under it. */
  details?: string[];
}

/**
 * The acceptance criteria of a spec: list items and table rows under an acceptance-criteria
 * section (at any depth). An item ending in ":" that introduces nested criteria is a group
 * label, not a criterion.
 */
export function acceptanceCriteria(model: SpecModel): Criterion[] {
  const found: Criterion[] = [];
  const prose = (item: ListItem) => model.prose.slice(item.startOffset, item.endOffset);
  const { leadIns, details } = listStructure(model.listItems);
  for (const item of model.listItems) {
    if (!inCriteria(item.section) || isGroupLabel(item.text)) continue;
    const leadIn = leadIns.get(item);
    const nested = details.get(item);
    found.push({
      text: item.text,
      prose: prose(item),
      range: item.range,
      section: item.section,
      kind: 'list-item',
      ...(leadIn ? { leadIn: prose(leadIn) } : {}),
      ...(nested ? { details: nested.map(prose) } : {}),
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

/**
 * Which item each list item reads with: its parent for a nested item; for a top-level item, the
 * item of another list ending on the line right before its list starts. And the items nested
 * directly under each item.
 */
function listStructure(items: readonly ListItem[]): { leadIns: Map<ListItem, ListItem>; details: Map<ListItem, ListItem[]> } {
  const leadIns = new Map<ListItem, ListItem>();
  const details = new Map<ListItem, ListItem[]>();
  const open: ListItem[] = [];
  let lastTop: ListItem | undefined;
  let runLead: ListItem | undefined;
  items.forEach((item, index) => {
    while (open.length > 0 && open[open.length - 1].depth >= item.depth) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.depth === item.depth - 1) {
      leadIns.set(item, parent);
      details.set(parent, [...(details.get(parent) ?? []), item]);
    } else if (item.depth === 0) {
      const previous = items[index - 1];
      // The same list goes on: same kind of marker, in the same section, at most a blank line away.
      const continues = !!lastTop && !!previous && lastTop.ordered === item.ordered && lastTop.section === item.section
        && item.range.start.line - previous.range.end.line <= 2;
      if (!continues) runLead = previous?.depth === 0 && previous.range.end.line + 1 === item.range.start.line ? previous : undefined;
      if (runLead) leadIns.set(item, runLead);
      lastTop = item;
    }
    open.push(item);
  });
  return { leadIns, details };
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
