/**
 * The next free requirement id for the `req` snippet, which a static snippet file cannot know.
 * Pure text scanning so that the editor can run it on every completion without the server.
 */

/** Prefixes of acceptance-criterion ids: a requirement snippet never continues these. */
const CRITERION_PREFIXES = new Set(['AC', 'ACC', 'TC', 'SC', 'CRIT']);
/** An id opening a list item or table row: where requirements are defined. */
const DEFINING_ID = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\|)[ \t]+(?:\[[ xX]\][ \t]+)?[*_`]*([A-Z][A-Z0-9]*)-(\d+)(?![\w-]*\w)/gm;
const ANY_ID = /(?<![\w-])([A-Z][A-Z0-9]*)-(\d+)(?![\w-]*\w)/g;

/**
 * The prefix of the nearest requirement defined above `offset` (REQ, FR, NFR…, "REQ" when there
 * is none), numbered one past the highest id with that prefix anywhere in the text. Zero
 * padding in use (REQ-007) is kept.
 */
export function nextRequirementId(text: string, offset: number = text.length): string {
  const prefix = nearestPrefix(text.slice(0, offset)) ?? 'REQ';
  let highest = 0;
  let width = 1;
  for (const match of text.matchAll(ANY_ID)) {
    const [, idPrefix, digits = ''] = match;
    if (idPrefix !== prefix) continue;
    const number = Number(digits);
    if (number >= highest) {
      highest = number;
      width = digits.startsWith('0') ? digits.length : 1;
    }
  }
  return `${prefix}-${String(highest + 1).padStart(width, '0')}`;
}

function nearestPrefix(before: string): string | undefined {
  let prefix: string | undefined;
  for (const match of before.matchAll(DEFINING_ID)) {
    const [, found] = match;
    if (found !== undefined && !CRITERION_PREFIXES.has(found)) prefix = found;
  }
  return prefix;
}
