/**
 * acceptance-criteria.json and .csv: one row per acceptance criterion, for import into a
 * tracker. A criterion's id is the id that opens it ("AC-2: ..."), empty when it has none: an
 * invented id would not match anything the team writes.
 */
import { acceptanceCriteria } from '../model/criteria';
import { requirementIndex } from '../model/requirements';
import { offsetAt } from '../model/text';
import type { Range, Section, SpecModel } from '../model/types';
import { toCsv } from './csv';
import { plainText } from './markdown-text';

export interface CriterionRow {
  /** 1-based position among the spec's criteria. */
  number: number;
  id: string;
  /** The criterion as a reader sees it, without Markdown markup ("AC-2 (REQ-2): Given ..."). */
  text: string;
  /** The criterion as written in the spec, markup included. */
  markdown: string;
  /** Requirement ids the criterion references, in order of appearance, each once. */
  requirements: string[];
  /** Title of the section the criterion is in. */
  section: string;
  /** Heading anchor of that section in SPEC.md / SPEC.html. */
  anchor: string;
  /** 1-based line in SPEC.md. */
  line: number;
}

export function criterionRows(model: SpecModel, idPattern: string): CriterionRow[] {
  const index = requirementIndex(model, idPattern);
  const criterionIds = new Set(index.definitions.filter((d) => d.kind === 'criterion').map((d) => d.id));
  return acceptanceCriteria(model).map((criterion, position) => {
    const [start, end] = offsets(model, criterion.range);
    const inside = (offset: number) => offset >= start && offset < end;
    const id = index.definitions.find((d) => d.kind === 'criterion' && inside(d.offset))?.id ?? '';
    const requirements = unique(index.references
      .filter((reference) => inside(reference.offset) && !criterionIds.has(reference.id))
      .map((reference) => reference.id));
    return {
      number: position + 1,
      id,
      text: plainText(criterion.text),
      markdown: criterion.text.replace(/\s+/g, ' ').trim(),
      requirements,
      section: plainText(sectionPath(criterion.section)),
      anchor: criterion.section?.slug ?? '',
      line: criterion.range.start.line + 1,
    };
  });
}

export function criteriaJson(rows: readonly CriterionRow[]): string {
  return `${JSON.stringify({ criteria: rows }, null, 2)}\n`;
}

export function criteriaCsv(rows: readonly CriterionRow[]): string {
  return toCsv(
    ['number', 'id', 'text', 'requirements', 'section', 'line'],
    rows.map((row) => [row.number, row.id, row.text, row.requirements.join('; '), row.section, row.line]),
  );
}

/** "Acceptance Criteria > Refund creation": the title alone may repeat under several parents. */
function sectionPath(section: Section | undefined): string {
  const titles: string[] = [];
  for (let current = section; current; current = current.parent) titles.unshift(current.title);
  // The document title (a lone level-1 heading) adds nothing to every row.
  if (titles.length > 1 && section && rootOf(section).level === 1) titles.shift();
  return titles.join(' > ');
}

function rootOf(section: Section): Section {
  let current = section;
  while (current.parent) current = current.parent;
  return current;
}

function offsets(model: SpecModel, range: Range): [number, number] {
  return [offsetAt(model, range.start), offsetAt(model, range.end)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
