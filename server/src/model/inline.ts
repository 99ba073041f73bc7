/**
 * A small inline scanner over the source of one prose block. markdown-it's inline tokens carry
 * no positions, so code spans, links, autolinks, bare URLs and inline HTML are found again in
 * the source to (a) mask them out of prose and (b) record them with exact offsets.
 */

export interface OffsetRange {
  start: number;
  end: number;
}

export interface ScannedLink {
  text: string;
  target: string;
  isImage: boolean;
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
}

export interface ScannedCode {
  text: string;
  startOffset: number;
  endOffset: number;
}

export interface InlineScan {
  /** Regions (document offsets) that are not prose. */
  masks: OffsetRange[];
  codeSpans: ScannedCode[];
  links: ScannedLink[];
  comments: OffsetRange[];
}

/** Reference definitions collected by markdown-it (`env.references`), keyed by normalised label. */
export type References = Readonly<Record<string, { href: string }>>;

// Element names that make `<name ...>` real HTML; anything else (`<describe the payload>`) is
// left in prose so that template holes stay visible to the rules.
const HTML_ELEMENTS = new Set(('a abbr b blockquote br caption cite code col dd del details dfn div dl dt em '
  + 'figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p picture pre q s samp small source '
  + 'span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr center font '
  + 'iframe script style section article aside nav header footer main label button select option textarea form svg path')
  .split(' '));

const BARE_URL = /(?:https?|ftp):\/\/[^\s<>()[\]`]+(?:\([^\s<>()]*\)[^\s<>()[\]`]*)*|www\.[\w-]+\.[^\s<>()[\]`]+/y;
/** A URI scheme as CommonMark's autolinks take it: 2-32 characters before the colon. */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:/;
const AUTOLINK = /<((?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)|(?:[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+))>/y;
const HTML_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/y;

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/**
 * ASCII characters at which something can happen: a construct may start (backtick, `<`, `[`,
 * `![`, a URL at h/f/w), a backslash escapes, or a link label ends (`]`, where its destination
 * is jumped over). Every other character is passed over without work; this loop runs over all
 * prose of a document.
 */
const INTERESTING = new Uint8Array(128);
for (const char of '\\`<[]!hfw') INTERESTING[char.charCodeAt(0)] = 1;

export function maskInline(source: string, base: number, references: References = {}): InlineScan {
  const scan: InlineScan = { masks: [], codeSpans: [], links: [], comments: [] };
  // Where a link label ends, jump over its destination (already masked).
  const jumps = new Map<number, number>();
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code >= 128 || INTERESTING[code] === 0) continue;
    const jump = jumps.get(i);
    if (jump !== undefined) { i = jump - 1; continue; }
    const char = source[i];
    if (char === '\\') { i++; continue; }
    const next = scanAt(source, i, base, references, scan, jumps);
    if (next > i) i = next - 1;
  }
  return scan;
}

/** Tries each inline construct at `i`; returns the index after it, or `i` when none applies. */
function scanAt(source: string, i: number, base: number, references: References, scan: InlineScan, jumps: Map<number, number>): number {
  const char = source[i];
  if (char === '`') return codeSpan(source, i, base, scan);
  if (char === '<') return angle(source, i, base, scan);
  if (char === '[' || (char === '!' && source[i + 1] === '[')) return link(source, i, base, references, scan, jumps);
  if ((char === 'h' || char === 'f' || char === 'w') && mayStartUrl(source, i) && (i === 0 || /[\s(*_"']/.test(source[i - 1]))) {
    return bareUrl(source, i, base, scan);
  }
  return i;
}

/** The literal start BARE_URL needs; most words starting with h, f or w ("the", "for", "with") fail it cheaply. */
function mayStartUrl(source: string, i: number): boolean {
  return source.startsWith('http', i) || source.startsWith('ftp', i) || source.startsWith('www.', i);
}

function codeSpan(source: string, i: number, base: number, scan: InlineScan): number {
  let run = 0;
  while (source[i + run] === '`') run++;
  const fence = '`'.repeat(run);
  let search = i + run;
  for (;;) {
    const close = source.indexOf(fence, search);
    if (close < 0) return i + run; // unmatched: the backticks are literal text
    if (source[close + run] === '`' ) { search = close + run; while (source[search] === '`') search++; continue; }
    const end = close + run;
    scan.masks.push({ start: base + i, end: base + end });
    scan.codeSpans.push({ text: source.slice(i + run, close).trim(), startOffset: base + i, endOffset: base + end });
    return end;
  }
}

function angle(source: string, i: number, base: number, scan: InlineScan): number {
  if (source.startsWith('<!--', i)) {
    const close = source.indexOf('-->', i + 4);
    const end = close < 0 ? source.length : close + 3;
    scan.masks.push({ start: base + i, end: base + end });
    scan.comments.push({ start: base + i, end: base + end });
    return end;
  }
  AUTOLINK.lastIndex = i;
  const auto = AUTOLINK.exec(source);
  if (auto) {
    const [whole, written = ''] = auto;
    const end = i + whole.length;
    // CommonMark: an e-mail autolink (`<sam@example.com>`) links to `mailto:` that address, not to a file.
    const target = SCHEME.test(written) ? written : `mailto:${written}`;
    scan.masks.push({ start: base + i, end: base + end });
    scan.links.push({
      text: written, target, isImage: false,
      start: base + i, end: base + end, targetStart: base + i + 1, targetEnd: base + end - 1,
    });
    return end;
  }
  HTML_TAG.lastIndex = i;
  const tag = HTML_TAG.exec(source);
  if (tag && HTML_ELEMENTS.has((tag[1] ?? '').toLowerCase())) {
    const end = i + tag[0].length;
    scan.masks.push({ start: base + i, end: base + end });
    return end;
  }
  return i;
}

function bareUrl(source: string, i: number, base: number, scan: InlineScan): number {
  BARE_URL.lastIndex = i;
  const match = BARE_URL.exec(source);
  if (!match) return i;
  const url = match[0].replace(/[.,;:!?'"*_]+$/, '');
  const end = i + url.length;
  scan.masks.push({ start: base + i, end: base + end });
  scan.links.push({ text: url, target: url, isImage: false, start: base + i, end: base + end, targetStart: base + i, targetEnd: base + end });
  return end;
}

/** Inline `[text](dest "title")`, images, and full/collapsed/shortcut reference links. */
function link(source: string, i: number, base: number, references: References, scan: InlineScan, jumps: Map<number, number>): number {
  const isImage = source[i] === '!';
  const open = isImage ? i + 1 : i;
  const close = matchingBracket(source, open);
  if (close < 0) return i;
  const label = source.slice(open + 1, close);
  const inline = inlineDestination(source, close + 1);
  if (inline) {
    const record: ScannedLink = {
      text: label, target: inline.target, isImage,
      start: base + i, end: base + inline.end,
      targetStart: base + inline.targetStart, targetEnd: base + inline.targetEnd,
    };
    return finishLink(record, isImage ? i : close, inline.end, base, open, scan, jumps);
  }
  const reference = referenceLabel(source, close, label);
  const definition = references[normalizeLabel(reference.label)];
  if (!definition) return i;
  const record: ScannedLink = {
    text: label, target: definition.href, isImage,
    start: base + i, end: base + reference.end, targetStart: base + i, targetEnd: base + reference.end,
  };
  return finishLink(record, isImage ? i : close, reference.end, base, open, scan, jumps);
}

function finishLink(record: ScannedLink, maskFrom: number, end: number, base: number, open: number,
  scan: InlineScan, jumps: Map<number, number>): number {
  scan.links.push(record);
  scan.masks.push({ start: base + maskFrom, end: base + end });
  if (record.isImage) return end; // alt text is not requirement prose
  // Keep scanning inside the label (it may hold code spans), then skip the destination.
  jumps.set(maskFrom, end);
  return open + 1;
}

function referenceLabel(source: string, close: number, label: string): { label: string; end: number } {
  if (source[close + 1] === '[') {
    const end = source.indexOf(']', close + 2);
    if (end >= 0) {
      const explicit = source.slice(close + 2, end);
      return { label: explicit.trim() ? explicit : label, end: end + 1 };
    }
  }
  return { label, end: close + 1 };
}

function matchingBracket(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') { i++; continue; }
    if (char === '`') {
      const skip = source.indexOf('`', i + 1);
      if (skip > 0) { i = skip; continue; }
    }
    if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  return -1;
}

interface Destination {
  target: string;
  targetStart: number;
  targetEnd: number;
  end: number;
}

function inlineDestination(source: string, at: number): Destination | undefined {
  if (source[at] !== '(') return undefined;
  let i = at + 1;
  while (source[i] === ' ' || source[i] === '\t' || source[i] === '\n') i++;
  let targetStart = i;
  let targetEnd: number;
  if (source[i] === '<') {
    const close = source.indexOf('>', i);
    if (close < 0) return undefined;
    targetStart = i + 1;
    targetEnd = close;
    i = close + 1;
  } else {
    let depth = 0;
    for (; i < source.length; i++) {
      const char = source[i];
      if (char === '\\') { i++; continue; }
      if (/\s/.test(char)) break;
      if (char === '(') depth++;
      else if (char === ')') { if (depth === 0) break; depth--; }
    }
    targetEnd = i;
  }
  const titleAndClose = /^\s*(?:"[^"]*"|'[^']*'|\([^)]*\))?\s*\)/.exec(source.slice(i));
  if (!titleAndClose) return undefined;
  return { target: source.slice(targetStart, targetEnd), targetStart, targetEnd, end: i + titleAndClose[0].length };
}
