import { rangeFromOffsets } from '../model/text';
import { commentHoles } from '../model/holes';
import type { SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule } from './types';
import { dataOf } from './types';
import { matchesOf, nonProseIntervals, OffsetIntervals, rangeOffsets } from './util';
import { withText } from './question-text';

interface Hit {
  start: number;
  end: number;
  placeholder: string;
  message: string;
  severity?: 'warning';
}

/**
 * Marker words count only in upper case ("a todo list app" is prose, "TODO" is a marker), or
 * in any case when followed by a colon ("todo: pick a queue").
 */
const MARKER_WORD = /(?<![\w-])(?:TBD|TBC|TBA|TODO|FIXME|XXX)(?![\w-])/g;
const MARKER_WITH_COLON = /(?<![\w-])(?:tbd|tbc|tba|todo|fixme)(?=\s*:)/gi;
const QUESTION_MARKS = /\?{3,}/g;
const LOREM = /\blorem ipsum\b/gi;
/** Spec Kit's `[NEEDS CLARIFICATION: ...]`. */
const CLARIFICATION = /\[NEEDS CLARIFICATION\b[^\]\n]*\]/g;
/** KEP template's `<<[UNRESOLVED ...]>>` opening marker (the closing `<<[/UNRESOLVED]>>` is not reported again). */
const KEP_UNRESOLVED = /<<\[UNRESOLVED\b[^\]\n]*\]>>/g;
/** `[fill in]`, `[describe the retry policy]`, `[Your name]` - not followed by `(`/`[`/`:` which make it a link. */
const BRACKET_HOLE = /\[(?:fill(?: me)? in|insert|describe|enter|specify|explain|provide|your|placeholder|tbd|todo)\b[^\]\n]*\](?![([:])/gi;
/** Spec Kit style upper-case holes: `[FEATURE NAME]`, `[PROJECT_NAME]`, `[DATE]`. */
const CAPS_BRACKET_HOLE = /\[([A-Z][A-Z]*(?:[ _][A-Z]+)*)\](?![([:])/g;
const CAPS_SINGLE_WORDS = new Set(['DATE', 'NAME', 'TITLE', 'AUTHOR', 'AUTHORS', 'OWNER', 'DESCRIPTION', 'LINK', 'URL', 'EMAIL', 'VERSION', 'PLACEHOLDER']);
/** `(fill me in with today's date)` from the Rust RFC template. */
const PAREN_HOLE = /\(fill(?: me)? in\b[^)\n]*\)/gi;
/** `<describe the payload>`: an angle-bracket phrase not glued to a word (`Result<T, E>` is a type). */
const ANGLE_CANDIDATE = /(?<![\w<])<([A-Za-z][^<>\n]*)>/g;

export const placeholder: Rule<PlaceholderData> = {
  id: 'placeholder',
  defaultSeverity: 'error',
  dimension: 'selfContained',
  scoreRole: 'stand-in',
  tags: ['unfinished'],
  docs: {
    description: 'TODO, TBD, ??? and template placeholders left in the text.',
    summary: 'Reports placeholders left in the spec: TBD/TODO/FIXME/XXX, "???", lorem ipsum, unfilled template holes and unresolved clarification markers.',
    rationale:
      'A contractor cannot build against "TBD". Every placeholder is a decision the team has not made yet, ' +
      'and someone outside the team will either block on it or guess. Marker words count only in upper case ' +
      '(or followed by a colon) so that "a todo list app" is not reported; text in code, inline code and HTML ' +
      'comments is ignored because comments carry template guidance, not content, except a comment that stands ' +
      'where content should be (a list item or table cell holding only a comment, the value after a label, a ' +
      'clause such as `Given <!-- precondition -->,` or `WHEN <!-- event --> THEN`): that is a hole left to fill, ' +
      'reported as a warning. Rules that judge what a statement says (untestable-criterion, malformed-ears) leave ' +
      'a statement with a hole alone until it is written.',
    bad: '## API Contract\n\nThe response payload is TBD.\n\n- Retry policy: <describe the retry policy>\n- Owner: [NEEDS CLARIFICATION: who owns the queue?]',
    good: '## API Contract\n\nThe response is the created order as JSON (see example below).\n\n- Retry policy: 3 attempts, exponential backoff from 1 s\n- Owner: payments team (@payments-oncall)',
    sources: ['GitHub Spec Kit spec template ([NEEDS CLARIFICATION] markers)', 'Kubernetes KEP template (<<[UNRESOLVED]>> blocks)'],
  },
  counted: { one: 'placeholder' },
  question: placeholderQuestion,
  check(model: SpecModel): RawFinding<PlaceholderData>[] {
    const excluded = nonProseIntervals(model);
    const linkTexts = new OffsetIntervals(model.links.map((link) => rangeOffsets(model, link.range)));
    const hits = [
      ...proseHits(model.prose, linkTexts),
      ...rawTextHits(model.text, excluded),
      ...holeHits(model),
    ];
    return dropOverlaps(hits).map((hit) => ({
      message: hit.message,
      range: rangeFromOffsets(model, hit.start, hit.end),
      data: { placeholder: hit.placeholder },
      ...(hit.severity ? { severity: hit.severity } : {}),
    }));
  },
};

/** Markers searched in the prose mask, where code, URLs and HTML are already blanked. */
function proseHits(prose: string, linkTexts: OffsetIntervals): Hit[] {
  const hits: Hit[] = [];
  for (const { match, start, end } of matchesOf(CLARIFICATION, prose)) {
    hits.push({ start, end, placeholder: 'NEEDS CLARIFICATION', message: `Unresolved clarification marker "${shorten(match[0])}": answer the question and remove the marker before handoff.` });
  }
  for (const pattern of [BRACKET_HOLE, CAPS_BRACKET_HOLE, PAREN_HOLE]) {
    for (const { match, start, end } of matchesOf(pattern, prose)) {
      if (pattern === CAPS_BRACKET_HOLE && !isCapsHole(match[1])) continue;
      if (linkTexts.overlaps(start, end)) continue;
      hits.push(holeHit(match[0], start, end));
    }
  }
  for (const { match, start, end } of [...matchesOf(MARKER_WORD, prose), ...matchesOf(MARKER_WITH_COLON, prose)]) {
    const placeholder = match[0].toUpperCase();
    hits.push({ start, end, placeholder, message: `Placeholder "${placeholder}" left in the spec: replace it with the actual decision or content before handoff.` });
  }
  for (const { start, end } of matchesOf(QUESTION_MARKS, prose)) {
    hits.push({ start, end, placeholder: '???', message: 'Placeholder "???" left in the spec: replace it with the actual decision or content before handoff.' });
  }
  for (const { start, end } of matchesOf(LOREM, prose)) {
    hits.push({ start, end, placeholder: 'lorem ipsum', message: 'Filler text "lorem ipsum" left in the spec: replace it with real content.' });
  }
  return hits;
}

/**
 * Markers that look like HTML to the Markdown parser and so are blanked out of the prose mask;
 * they are found in the raw text instead, skipping code, comments and front matter.
 */
function rawTextHits(text: string, excluded: OffsetIntervals): Hit[] {
  const hits: Hit[] = [];
  for (const { start, end } of matchesOf(KEP_UNRESOLVED, text)) {
    if (excluded.overlaps(start, end)) continue;
    hits.push({ start, end, placeholder: 'UNRESOLVED', message: 'Unresolved discussion block (<<[UNRESOLVED]>>): settle it and remove the markers before handoff.' });
  }
  for (const { match, start, end } of matchesOf(ANGLE_CANDIDATE, text)) {
    if (excluded.overlaps(start, end) || !isAngleHole(match[1]) || insideQuotes(text, start)) continue;
    hits.push(holeHit(match[0], start, end));
  }
  return hits;
}

/**
 * An HTML comment standing where content should be is a hole left to fill (see model/holes.ts).
 * Quick fixes and templates insert such holes. They are warnings: the text around them is the
 * author's, and the hole says what is missing.
 */
function holeHits(model: SpecModel): Hit[] {
  return commentHoles(model).map((comment) => ({
    start: comment.startOffset,
    end: comment.endOffset,
    placeholder: 'hole',
    message: `Hole left to fill: ${shorten(comment.body)}. Write the content in place of the comment.`,
    severity: 'warning' as const,
  }));
}

/**
 * `"failed to get node <node name>: <error>"` quotes a message format; its holes are filled at
 * run time, not by the author.
 */
function insideQuotes(text: string, offset: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return (line.match(/"/g) ?? []).length % 2 === 1 || line.lastIndexOf('“') > line.lastIndexOf('”');
}

function holeHit(hole: string, start: number, end: number): Hit {
  return { start, end, placeholder: hole, message: `Template placeholder "${shorten(hole)}" was never filled in: replace it with the actual content.` };
}

function isCapsHole(words: string): boolean {
  return /[ _]/.test(words) || CAPS_SINGLE_WORDS.has(words);
}

/** Inline HTML the Markdown renderers keep; anything with these names is markup, not a hole. */
const HTML_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'meta', 'ol', 'p',
  'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'source', 'span', 'strike', 'strong',
  'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'var',
  'video', 'wbr', 'section', 'article', 'aside', 'nav', 'header', 'footer', 'main', 'iframe', 'svg',
  'style', 'script', 'link', 'object', 'embed', 'param', 'audio', 'track', 'map', 'area', 'label',
  'button', 'select', 'option', 'textarea', 'form', 'fieldset', 'legend', 'time', 'data', 'output',
]);

/**
 * `<describe the payload>`, `<your-api-key>`, `<TBD>` are holes; `<br>`, `<img src=...>`,
 * `</details>`, autolinks and e-mail addresses are not.
 */
function isAngleHole(inner: string): boolean {
  const firstWord = inner.split(/[\s/]/)[0].toLowerCase();
  if (HTML_TAGS.has(firstWord)) return false;
  if (/[="]/.test(inner) || inner.includes('@') || /^[a-z][a-z0-9+.-]*:/i.test(inner)) return false;
  // A phrase of several words is prose someone was meant to replace.
  if (/^[A-Za-z][\w'’.,/()-]*(?:\s+[\w'’.,/()-]+)+$/.test(inner.trim())) return true;
  // Single tokens are often command syntax (`<crate-name>`); only unmistakable holes count.
  return /^(?:your|placeholder|tbd|todo)(?:\b|_)/i.test(inner) || /^[A-Z]+(?:[-_][A-Z]+)+$/.test(inner);
}

/** Keeps the first of overlapping hits (a `[TODO: ...]` hole is reported once, not twice). */
function dropOverlaps(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const hit of sorted) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function placeholderQuestion(finding: Finding): string | undefined {
  return withText(dataOf(placeholder, finding)?.placeholder, (placeholder) =>
    `What goes where the spec still says "${placeholder}"? It is a placeholder, not a decision.`);
}

/** What a finding of this rule carries in `data`. */
export type PlaceholderData = {
  /** The marker as written (TBD, TODO, NEEDS CLARIFICATION, ...). */
  placeholder: string;
};
