import { lineEndOffset, offsetAt, positionAt } from '../model/text';
import type { Range, Section, SpecModel } from '../model/types';
import { firstIndexWhere, itemAt } from '../util/indexed';

/** True when the section or one of its ancestors satisfies one of the canonical ids. */
export function inSection(section: Section | undefined, ids: readonly string[]): boolean {
  for (let current = section; current; current = current.parent) {
    if (current.canonical.some((id) => ids.includes(id))) return true;
  }
  return false;
}

/** The nearest section (itself or an ancestor) that satisfies one of the canonical ids. */
export function enclosingSection(section: Section | undefined, ids: readonly string[]): Section | undefined {
  for (let current = section; current; current = current.parent) {
    if (current.canonical.some((id) => ids.includes(id))) return current;
  }
  return undefined;
}

/** Start and end offsets of a range in `model.text`. */
export function rangeOffsets(model: SpecModel, range: Range): { start: number; end: number } {
  return { start: offsetAt(model, range.start), end: offsetAt(model, range.end) };
}

export { sectionAt } from '../model/sections';

/** Half-open offset intervals, merged and sorted so that lookups are a binary search. */
export class OffsetIntervals {
  private readonly intervals: Array<{ start: number; end: number }> = [];

  constructor(intervals: Array<{ start: number; end: number }>) {
    for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
      const last = this.intervals[this.intervals.length - 1];
      if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
      else this.intervals.push({ ...interval });
    }
  }

  /** True when [start, end) overlaps any interval. */
  overlaps(start: number, end = start + 1): boolean {
    // Merged intervals are disjoint and sorted, so only the first one ending after `start` can overlap.
    const intervals = this.intervals;
    const first = intervals[firstIndexWhere(intervals.length, (index) => itemAt(intervals, index).end > start)];
    return first !== undefined && first.start < end;
  }
}

/**
 * Regions of `model.text` that are not prose written for the reader: code blocks (including
 * fences), inline code, HTML comments and front matter.
 */
export function nonProseIntervals(model: SpecModel): OffsetIntervals {
  const intervals: Array<{ start: number; end: number }> = [];
  for (const block of model.codeBlocks) intervals.push(rangeOffsets(model, block.range));
  for (const span of [...model.inlineCode, ...model.htmlComments]) {
    intervals.push({ start: span.startOffset, end: span.endOffset });
  }
  if (model.frontMatter) intervals.push({ start: model.frontMatter.startOffset, end: model.frontMatter.endOffset });
  return new OffsetIntervals(intervals);
}

/** Every non-empty match of a regular expression (made global), with offsets shifted by `base`. */
export function* matchesOf(pattern: RegExp, text: string, base = 0): Generator<{ match: RegExpExecArray; start: number; end: number }> {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    yield { match, start: base + match.index, end: base + match.index + match[0].length };
  }
}

/**
 * The matches `matchesOf(pattern, model.text)` would give, for a pattern that never matches
 * across a line break, searched only in the lines where `filter` (a cheap condition every match
 * meets, such as a keyword the pattern requires) finds something. For patterns that are slow
 * to try at every position of a long document.
 */
export function* matchesInFilteredLines(pattern: RegExp, filter: RegExp, model: SpecModel): Generator<{ match: RegExpExecArray; start: number; end: number }> {
  const finder = new RegExp(filter.source, filter.flags.includes('g') ? filter.flags : `${filter.flags}g`);
  for (let hit = finder.exec(model.text); hit; hit = finder.exec(model.text)) {
    const line = positionAt(model, hit.index).line;
    const lineStart = model.lineStarts[line];
    const lineEnd = lineEndOffset(model, line);
    yield* matchesOf(pattern, model.text.slice(lineStart, lineEnd), lineStart);
    // The rest of this line has been searched already.
    finder.lastIndex = Math.max(finder.lastIndex + (hit[0].length === 0 ? 1 : 0), lineEnd);
  }
}

interface LinkOffsets {
  /** Start offset of each link, in `model.links` order (sorted by position). */
  starts: number[];
  /** Largest end offset among the links up to each index. */
  maxEnds: number[];
}

const linkOffsetsCache = new WeakMap<SpecModel, LinkOffsets>();

/**
 * Link offsets prepared once per model for the queries below, which rules ask per finding or
 * per sentence: scanning every link for each was quadratic in the size of large documents.
 */
function linkOffsets(model: SpecModel): LinkOffsets {
  let offsets = linkOffsetsCache.get(model);
  if (!offsets) {
    const starts: number[] = [];
    const maxEnds: number[] = [];
    for (const link of model.links) {
      starts.push(offsetAt(model, link.range.start));
      maxEnds.push(Math.max(maxEnds[maxEnds.length - 1] ?? -Infinity, offsetAt(model, link.range.end)));
    }
    offsets = { starts, maxEnds };
    linkOffsetsCache.set(model, offsets);
  }
  return offsets;
}

/** Index of the first start >= offset (starts.length when none). */
function firstStartAtOrAfter(starts: readonly number[], offset: number): number {
  return firstIndexWhere(starts.length, (index) => itemAt(starts, index) >= offset);
}

/** True when a link's source range covers [start, end]: it starts at or before `start` and ends at or after `end`. */
export function linkCovers(model: SpecModel, start: number, end: number): boolean {
  const { starts, maxEnds } = linkOffsets(model);
  const last = firstStartAtOrAfter(starts, start + 1) - 1;
  return last >= 0 && itemAt(maxEnds, last) >= end;
}

/** True when `offset` lies inside a link's source range (start inclusive, end exclusive). */
export function insideLink(model: SpecModel, offset: number): boolean {
  return linkCovers(model, offset, offset + 1);
}

/** True when a link starts in [from, to]. */
export function linkStartsWithin(model: SpecModel, from: number, to: number): boolean {
  const { starts } = linkOffsets(model);
  const next = firstStartAtOrAfter(starts, from);
  return next < starts.length && itemAt(starts, next) <= to;
}
