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

export function inCriteria(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (current.canonical.includes('acceptance-criteria')) return true;
  }
  return false;
}

function isGroupLabel(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length === 0 || trimmed.endsWith(':');
}

/** Words a stage heading ends in that are not the stage itself: "Deprecation criteria", "Removal plan". */
const STAGE_SUFFIX = /\s+(?:criteria|requirements|plan|policy|process|phase|stage|graduation)$/i;
/** Ends of a stage noun: "deprecation", "deprecations", "deprecated" and "deprecate" share "deprecat". */
const STAGE_ENDING = /(?:ions?|ing|ed|es|e|s|al|als)$/;

/** The stem of the stage a criteria heading names ("Deprecation" → "deprecat"), or undefined. */
function stageStem(title: string): string | undefined {
  const words = title.replace(/[^\p{L}\s-]/gu, ' ').trim().replace(STAGE_SUFFIX, '').split(/\s+/);
  if (words.length !== 1) return undefined;
  const stem = words[0].toLowerCase().replace(STAGE_ENDING, '');
  return stem.length >= 5 ? stem : undefined;
}

const ruledOutCache = new WeakMap<SpecModel, Map<Section, boolean>>();

/**
 * A stage of the criteria that the document says will not happen: the criteria under
 * "Deprecation" in a proposal whose own text says "There are currently no planned deprecations.
 * The following rules will be followed if a deprecation is needed.", or that answers its own
 * question "Is the rollout accompanied by any deprecations ...?" with "No". Its list is a
 * contingency (often the template's example list left in place), not criteria of the proposal.
 */
export function stageRuledOut(model: SpecModel, section: Section | undefined): boolean {
  if (!section) return false;
  let cache = ruledOutCache.get(model);
  if (!cache) ruledOutCache.set(model, (cache = new Map<Section, boolean>()));
  let ruledOut = cache.get(section);
  if (ruledOut === undefined) cache.set(section, (ruledOut = computeRuledOut(model, section)));
  return ruledOut;
}

function computeRuledOut(model: SpecModel, section: Section): boolean {
  const stem = stageStem(section.title);
  if (!stem) return false;
  const stage = String.raw`${stem}\w*`;
  // "There are no planned deprecations", "No deprecation is planned", "if a deprecation is needed".
  const none = new RegExp(String.raw`\bno\s+(?:\w+\s+){0,2}?${stage}\b|\b${stage}\s+(?:is|are)\s+(?:not|no longer)\s+(?:planned|expected|needed|required|anticipated)\b|\b(?:if|when|should)\s+(?:a|an|any)\s+${stage}\s+(?:is|are|becomes?)\s+(?:ever\s+)?(?:needed|required|necessary|planned)\b`, 'i');
  const own = model.sentences.filter((sentence) => sentence.section === section && sentence.kind === 'paragraph');
  if (own.some((sentence) => none.test(sentence.text))) return true;
  // The document's own question about the stage, answered "No".
  const mentions = new RegExp(String.raw`\b${stage}\b`, 'i');
  return model.sections.some((question) => /\?\s*$/.test(question.title) && mentions.test(question.title)
    && /^\W*(?:no|none|n\/a)\b/i.test(firstSentenceOf(model, question)));
}

function firstSentenceOf(model: SpecModel, section: Section): string {
  return model.sentences.find((sentence) => sentence.section === section && sentence.kind !== 'heading')?.text ?? '';
}
