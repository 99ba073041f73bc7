import type { SectionId } from '../sections/catalog';
import { detachedString, lineEndOffset, offsetAt, rangeFromOffsets, slugify } from './text';
import type { Section, SpecModel } from './types';
import { firstIndexWhere, itemAt, lastOf } from '../util/indexed';
import { LruCache } from '../util/lru';

type Base = Pick<SpecModel, 'text' | 'lineStarts'>;

/** A heading as the parser found it, before sections are built from the headings. */
export interface HeadingToken {
  title: string;
  level: number;
  startLine: number;
  endLine: number;
}

/**
 * Builds the section tree from headings in document order. A section's body runs to the next
 * heading of the same or a higher level; its own body stops at the first heading of any level.
 */
export function buildSections(headings: HeadingToken[], base: Base, classify: (title: string) => SectionId[]): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  const slugCounts = new Map<string, number>();
  const lastLine = base.lineStarts.length - 1;
  const siblingLines = nextSiblingLines(headings, lastLine + 1);
  headings.forEach((heading, index) => {
    const nextAny = headings[index + 1]?.startLine ?? lastLine + 1;
    const nextSibling = itemAt(siblingLines, index);
    for (let top = lastOf(stack); top && top.level >= heading.level; top = lastOf(stack)) stack.pop();
    const parent = lastOf(stack);
    const section: Section = {
      index,
      title: heading.title,
      level: heading.level,
      slug: uniqueSlug(slugOf(heading.title), slugCounts),
      headingRange: rangeFromOffsets(base, itemAt(base.lineStarts, heading.startLine), lineEndOffset(base, heading.endLine - 1)),
      bodyRange: bodyRange(base, heading.endLine, nextSibling),
      ownBodyRange: bodyRange(base, heading.endLine, nextAny),
      canonical: classify(heading.title),
      parent,
      children: [],
    };
    parent?.children.push(section);
    stack.push(section);
    sections.push(section);
  });
  return sections;
}

/**
 * For each heading, the start line of the next heading at the same or a higher level (or
 * `end`), in one pass: searching forward from every heading was quadratic in large documents.
 */
function nextSiblingLines(headings: HeadingToken[], end: number): number[] {
  const lines = new Array<number>(headings.length).fill(end);
  // Headings still waiting for their next sibling; their levels increase towards the top.
  const waiting: number[] = [];
  headings.forEach((heading, index) => {
    for (let top = lastOf(waiting); top !== undefined && itemAt(headings, top).level >= heading.level; top = lastOf(waiting)) {
      waiting.pop();
      lines[top] = heading.startLine;
    }
    waiting.push(index);
  });
  return lines;
}

// Slugs are pure functions of titles, which repeat across documents and edits; see slugify.
const slugs = new LruCache<string, string>(10_000);

function slugOf(title: string): string {
  let slug = slugs.get(title);
  if (slug === undefined) {
    // Copies: the title and its slug may be substrings that would keep their document alive.
    slug = detachedString(slugify(title));
    slugs.set(detachedString(title), slug);
  }
  return slug;
}

/** Lines [fromLine, toLine) as a range ending at the end of the last line's text. */
function bodyRange(base: Base, fromLine: number, toLine: number) {
  const lastLine = base.lineStarts.length - 1;
  const start = base.lineStarts[Math.min(fromLine, lastLine)] ?? base.text.length;
  if (toLine <= fromLine) return rangeFromOffsets(base, start, start);
  return rangeFromOffsets(base, start, lineEndOffset(base, Math.min(toLine - 1, lastLine)));
}

function uniqueSlug(slug: string, counts: Map<string, number>): string {
  const seen = counts.get(slug);
  counts.set(slug, (seen ?? -1) + 1);
  return seen === undefined ? slug : `${slug}-${seen + 1}`;
}

/** Innermost section whose heading is at or before `line` (undefined before the first heading). */
export function sectionAtLine(sections: Section[], line: number): Section | undefined {
  const after = firstIndexWhere(sections.length, (index) => itemAt(sections, index).headingRange.start.line > line);
  return sections[after - 1];
}

// The start offset of each section's heading, per model: sections are in document order.
const headingStarts = new WeakMap<SpecModel, number[]>();

/**
 * The innermost section whose heading or body contains the offset, or undefined before the
 * first heading. Sections nest (a body runs to the next heading of the same or a higher level),
 * so the innermost is the last section that starts at or before the offset, or the nearest of
 * its ancestors that has not ended yet: a binary search and a walk up the tree.
 */
export function sectionAt(model: SpecModel, offset: number): Section | undefined {
  const starts = headingStartsOf(model);
  const after = firstIndexWhere(starts.length, (index) => itemAt(starts, index) > offset);
  for (let section: Section | undefined = model.sections[after - 1]; section; section = section.parent) {
    if (offset <= offsetAt(model, section.bodyRange.end)) return section;
  }
  return undefined;
}

function headingStartsOf(model: SpecModel): number[] {
  let starts = headingStarts.get(model);
  if (!starts) headingStarts.set(model, (starts = model.sections.map((section) => offsetAt(model, section.headingRange.start))));
  return starts;
}

/** The heading level the spec uses for its main sections (the level of most recognised headings). */
export function mainSectionLevel(model: SpecModel): number {
  const counts = new Map<number, number>();
  for (const section of model.sections) {
    if (section.canonical.length > 0) counts.set(section.level, (counts.get(section.level) ?? 0) + 1);
  }
  let best = 2;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) { best = level; bestCount = count; }
  }
  return best;
}
