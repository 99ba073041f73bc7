import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
import { DEFAULT_ALIASES, matchHeading, type AliasTable, type SectionId } from '../sections/catalog';
import { parseFrontMatter } from './front-matter';
import { recordMembers } from './records';
import { maskInline, normalizeLabel, type References } from './inline';
import { ProseMask } from './prose-mask';
import { splitSentences } from './sentences';
import { buildStatements } from './statements';
import { buildSections, sectionAtLine, type HeadingToken } from './sections';
import { compareRanges, computeLineStarts, detachedString, lineEndOffset, PositionCursor } from './text';
import { LruCache } from '../util/lru';
import type {
  BlockKind, CodeBlock, HtmlComment, ListItem, Sentence, SpecModel, Table, TableCell,
} from './types';

export interface ParseOptions {
  /** Heading alias table (built-in plus configured aliases). */
  aliases?: AliasTable;
}

// One parser instance: markdown-it compiles its rule chains on construction.
const markdown = new MarkdownIt({ html: true });
// The model finds inline syntax (code spans, links, HTML) again in the source, where it has
// offsets, and needs markdown-it's inline tokens for heading text only. Inline-parsing every
// paragraph, list item and table cell was about half of markdown-it's time and all of it unused.
markdown.core.ruler.at('inline', parseHeadingsInline);

function parseHeadingsInline(state: MarkdownIt.StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'inline' || tokens[i - 1].type !== 'heading_open') continue;
    token.children = token.children ?? [];
    state.md.inline.parse(token.content, state.md, state.env, token.children);
  }
}

/**
 * Parses a Markdown spec once and builds the model every rule works on. Never throws for any
 * input text: malformed front matter is recorded on the model, everything else is Markdown.
 */
export function parseSpec(text: string, uri = '', options: ParseOptions = {}): SpecModel {
  const lineStarts = computeLineStarts(text);
  const base = { text, lineStarts };
  const frontMatter = parseFrontMatter(text, base);
  // Blank the front matter so markdown-it does not read it as a thematic break and heading.
  const markdownSource = frontMatter ? blankOut(text, 0, frontMatter.endOffset) : text;
  const env: MarkdownIt.Env = {};
  const tokens = markdown.parse(markdownSource, env);
  const builder = new ModelBuilder(text, lineStarts, tokens, (env.references ?? {}));
  builder.collect();
  const aliases = options.aliases ?? DEFAULT_ALIASES;
  const sections = buildSections(builder.headings, base, (title) => classifyHeading(title, aliases));
  const model: SpecModel = {
    uri,
    text,
    lineStarts,
    prose: builder.prose.slice(),
    frontMatter,
    sections,
    rootSections: sections.filter((section) => !section.parent),
    listItems: builder.listItems,
    tables: builder.tables,
    codeBlocks: builder.codeBlocks,
    links: builder.links,
    inlineCode: builder.inlineCode,
    htmlComments: builder.htmlComments,
    sentences: builder.sentences,
    statements: [],
  };
  model.links.sort((a, b) => compareRanges(a.range, b.range));
  model.htmlComments.sort((a, b) => a.startOffset - b.startOffset);
  attachSections(model);
  model.statements = buildStatements(model);
  return model;
}

// Headings repeat across documents and across the versions of a document being edited, and
// classifying one runs a dozen regular expressions, so results are remembered per alias table.
const headingIds = new WeakMap<AliasTable, LruCache<string, SectionId[]>>();
const MAX_REMEMBERED_HEADINGS = 10_000;

function classifyHeading(title: string, aliases: AliasTable): SectionId[] {
  let known = headingIds.get(aliases);
  if (!known) headingIds.set(aliases, (known = new LruCache<string, SectionId[]>(MAX_REMEMBERED_HEADINGS)));
  let ids = known.get(title);
  if (!ids) {
    ids = matchHeading(title, aliases);
    // The key is a copy: the title is a substring that would keep its whole document alive.
    known.set(detachedString(title), ids);
  }
  // A copy: models never share a mutable array.
  return [...ids];
}

function blankOut(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** Gives every located element the innermost section that contains its first line. */
function attachSections(model: SpecModel): void {
  const find = (line: number) => sectionAtLine(model.sections, line);
  for (const item of model.listItems) item.section = find(item.range.start.line);
  for (const table of model.tables) table.section = find(table.range.start.line);
  for (const block of model.codeBlocks) block.section = find(block.range.start.line);
  for (const link of model.links) link.section = find(link.range.start.line);
  for (const code of model.inlineCode) {
    code.section = find(code.range.start.line);
    if (code.section && code.text.includes(':') && recordMembers(code.text)) code.section.declaresRecords = true;
  }
  for (const sentence of model.sentences) sentence.section = find(sentence.range.start.line);
}

interface ContentSpan {
  start: number;
  end: number;
}

/** Walks markdown-it's block tokens once and records every element with its offsets. */
class ModelBuilder {
  readonly prose: ProseMask;
  readonly headings: HeadingToken[] = [];
  readonly listItems: ListItem[] = [];
  readonly tables: Table[] = [];
  readonly codeBlocks: CodeBlock[] = [];
  readonly links: SpecModel['links'] = [];
  readonly inlineCode: SpecModel['inlineCode'] = [];
  readonly htmlComments: HtmlComment[] = [];
  readonly sentences: Sentence[] = [];
  private readonly base: Pick<SpecModel, 'text' | 'lineStarts'>;
  /** Elements are recorded roughly in document order, so positions are found from the last one. */
  private readonly cursor: PositionCursor;
  private readonly listStack: Array<{ ordered: boolean; id: number }> = [];
  private lists = 0;
  private readonly openItems: Array<ListItem | undefined> = [];
  private blockquoteDepth = 0;

  constructor(
    private readonly text: string,
    lineStarts: number[],
    private readonly tokens: Token[],
    private readonly references: References,
  ) {
    this.base = { text, lineStarts };
    this.cursor = new PositionCursor(this.base);
    // Everything starts masked; only inline prose content is copied in.
    this.prose = new ProseMask(text, lineStarts);
  }

  collect(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      i = this.visit(i);
    }
    this.collectDefinitions();
  }

  /**
   * Reference definitions (`[label]: target`) produce no tokens; the ones markdown-it accepted
   * are found in the source so that their targets can be checked like inline links.
   */
  private collectDefinitions(): void {
    if (Object.keys(this.references).length === 0) return;
    const definition = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)/gm;
    for (let match = definition.exec(this.text); match; match = definition.exec(this.text)) {
      if (!this.references[normalizeLabel(match[1])] || this.insideCode(match.index)) continue;
      const raw = match[2];
      const targetStart = match.index + match[0].length - raw.length + (raw.startsWith('<') ? 1 : 0);
      const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
      this.links.push({
        text: match[1],
        target,
        isImage: false,
        range: this.cursor.rangeFromOffsets(match.index, match.index + match[0].length),
        targetRange: this.cursor.rangeFromOffsets(targetStart, targetStart + target.length),
        section: undefined,
      });
    }
  }

  private insideCode(offset: number): boolean {
    return this.codeBlocks.some((block) => offset >= this.lineStart(block.range.start.line) && offset <= this.lineStart(block.range.end.line + 1));
  }

  /** Handles the token at `index`; returns the index of the last token consumed. */
  private visit(index: number): number {
    const token = this.tokens[index];
    switch (token.type) {
      case 'heading_open':
        return this.visitHeading(index);
      case 'fence':
      case 'code_block':
        this.visitCode(token);
        return index;
      case 'html_block':
        this.visitHtml(token);
        return index;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.listStack.push({ ordered: token.type === 'ordered_list_open', id: this.lists++ });
        return index;
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.listStack.pop();
        return index;
      case 'list_item_open':
        this.openItems.push(this.startListItem(index));
        return index;
      case 'list_item_close':
        this.openItems.pop();
        return index;
      case 'blockquote_open':
        this.blockquoteDepth++;
        return index;
      case 'blockquote_close':
        this.blockquoteDepth--;
        return index;
      case 'table_open':
        return this.visitTable(index);
      case 'inline':
        this.visitParagraph(token);
        return index;
      default:
        return index;
    }
  }

  private visitHeading(index: number): number {
    const open = this.tokens[index];
    const inline = this.tokens[index + 1];
    const [startLine, endLine] = open.map ?? [0, 1];
    const title = inline?.type === 'inline' ? headingText(inline) : '';
    this.headings.push({ title, level: Number(open.tag.slice(1)) || 1, startLine, endLine });
    if (inline?.type === 'inline') {
      // Setext headings span two lines; only the text line is prose.
      const spans = this.contentSpans(inline, open.markup === '=' || open.markup === '-' ? 1 : 0);
      this.addProse(spans, 'heading', undefined, false);
    }
    return index + 2;
  }

  private visitCode(token: Token): void {
    const [startLine, endLine] = token.map ?? [0, 1];
    const fenced = token.type === 'fence';
    const lastLine = Math.max(startLine, endLine - 1);
    const closed = fenced && lastLine > startLine && /^\s*(`{3,}|~{3,})\s*$/.test(this.line(lastLine));
    const contentStartLine = fenced ? startLine + 1 : startLine;
    const contentEndLine = closed ? lastLine : endLine; // exclusive
    const contentStart = this.lineStart(Math.min(contentStartLine, contentEndLine));
    const contentEnd = contentEndLine > contentStartLine ? lineEndOffset(this.base, contentEndLine - 1) : contentStart;
    const info = token.info.trim();
    this.codeBlocks.push({
      range: this.cursor.rangeFromOffsets(this.lineStart(startLine), lineEndOffset(this.base, lastLine)),
      info,
      language: (info.split(/\s+/)[0] ?? '').replace(/^\{\.?|\}$/g, '').toLowerCase(),
      content: token.content,
      contentRange: this.cursor.rangeFromOffsets(contentStart, contentEnd),
      contentStartOffset: contentStart,
      fenced,
      section: undefined,
    });
  }

  private visitHtml(token: Token): void {
    const [startLine, endLine] = token.map ?? [0, 1];
    const start = this.lineStart(startLine);
    const end = lineEndOffset(this.base, Math.max(startLine, endLine - 1));
    this.recordComments(start, end);
  }

  /** HTML comments in [start, end); an unclosed comment runs to `end`. */
  private recordComments(start: number, end: number): void {
    const pattern = /<!--([\s\S]*?)(?:-->|$)/g;
    const slice = this.text.slice(start, end);
    for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
      const from = start + match.index;
      const to = from + match[0].length;
      this.htmlComments.push({
        text: match[0],
        body: match[1].trim(),
        range: this.cursor.rangeFromOffsets(from, to),
        startOffset: from,
        endOffset: to,
      });
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }

  private startListItem(index: number): ListItem {
    const open = this.tokens[index];
    const [startLine] = open.map ?? [0, 1];
    const next = this.tokens[index + 1];
    const inline = next?.type === 'paragraph_open' ? this.tokens[index + 2] : undefined;
    let spans = inline?.type === 'inline' ? this.contentSpans(inline, 0) : [];
    const markerEnd = this.listMarkerEnd(startLine);
    if (spans.length === 0) spans = [{ start: markerEnd, end: markerEnd }];
    let start = spans[0].start;
    let end = spans[spans.length - 1].end;
    let checked: boolean | undefined;
    const task = /^\[([ xX])\]\s+/.exec(this.text.slice(start, end));
    if (task) {
      checked = task[1] !== ' ';
      start += task[0].length;
    }
    end = Math.max(start, end);
    const item: ListItem = {
      text: this.text.slice(start, end),
      range: this.cursor.rangeFromOffsets(start, end),
      startOffset: start,
      endOffset: end,
      section: undefined,
      ordered: this.listStack[this.listStack.length - 1]?.ordered ?? false,
      depth: Math.max(0, this.listStack.length - 1),
      checked,
      list: this.listStack[this.listStack.length - 1]?.id ?? -1,
      parent: this.openItems[this.openItems.length - 1],
    };
    this.listItems.push(item);
    return item;
  }

  private listMarkerEnd(line: number): number {
    const source = this.line(line);
    const marker = /^[\s>]*(?:[-*+]|\d{1,9}[.)])\s?/.exec(source);
    return this.lineStart(line) + (marker ? marker[0].length : 0);
  }

  private visitParagraph(inline: Token): void {
    const spans = this.contentSpans(inline, 0);
    const item = this.openItems[this.openItems.length - 1];
    const kind: BlockKind = item ? 'list-item' : this.blockquoteDepth > 0 ? 'blockquote' : 'paragraph';
    this.addProse(spans, kind, item, true);
  }

  private visitTable(index: number): number {
    const open = this.tokens[index];
    const [startLine, endLine] = open.map ?? [0, 1];
    const header: TableCell[] = [];
    const rows: TableCell[][] = [];
    let row = 0;
    let close = index;
    for (; close < this.tokens.length && this.tokens[close].type !== 'table_close'; close++) {
      const token = this.tokens[close];
      if (token.type !== 'tr_open' || !token.map) continue;
      const cells = this.tableCells(token.map[0], row);
      if (row === 0) header.push(...cells);
      else rows.push(cells);
      row++;
    }
    const tableEnd = lineEndOffset(this.base, Math.max(startLine, endLine - 1));
    this.tables.push({ range: this.cursor.rangeFromOffsets(this.lineStart(startLine), tableEnd), section: undefined, header, rows });
    return close;
  }

  private tableCells(line: number, row: number): TableCell[] {
    const lineStart = this.lineStart(line);
    const source = this.line(line);
    const prefix = /^[\s>]*/.exec(source)?.[0].length ?? 0;
    const cells: TableCell[] = [];
    let column = 0;
    for (const cell of splitTableRow(source, prefix)) {
      const raw = source.slice(cell.start, cell.end);
      const start = lineStart + cell.start + (raw.length - raw.trimStart().length);
      const trimmed = { start, end: Math.max(start, lineStart + cell.start + raw.trimEnd().length) };
      this.addProse([{ start: lineStart + cell.start, end: lineStart + cell.end }], 'table-cell', undefined, false);
      cells.push({
        text: this.text.slice(trimmed.start, trimmed.end),
        range: this.cursor.rangeFromOffsets(trimmed.start, trimmed.end),
        startOffset: trimmed.start,
        endOffset: trimmed.end,
        row,
        column: column++,
      });
    }
    return cells;
  }

  /**
   * Source offsets of each line of an inline token's content. markdown-it strips container
   * markers and indentation, so every content line is found again in its source line.
   */
  private contentSpans(inline: Token, skipTrailingLines: number): ContentSpan[] {
    const [startLine, endLine] = inline.map ?? [0, 1];
    const contentLines = inline.content.split('\n');
    const spans: ContentSpan[] = [];
    const lastLine = endLine - skipTrailingLines;
    for (let line = startLine, k = 0; line < lastLine && k < contentLines.length; line++, k++) {
      const source = this.line(line);
      const content = contentLines[k].trimEnd();
      let column = content.length > 0 ? source.indexOf(content) : -1;
      if (column < 0) column = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:#{1,6}\s+)?/.exec(source)?.[0].length ?? 0;
      const end = content.length > 0 ? Math.min(source.length, column + content.length) : source.length;
      spans.push({ start: this.lineStart(line) + column, end: this.lineStart(line) + Math.max(column, end) });
    }
    return spans;
  }

  /**
   * Copies the spans into the prose mask, masks inline code, HTML and URLs, records links,
   * code spans and comments, and emits sentences. Returns the trimmed extent of the block.
   */
  private addProse(spans: ContentSpan[], kind: BlockKind, item: ListItem | undefined, split: boolean): ContentSpan {
    if (spans.length === 0) return { start: 0, end: 0 };
    for (const span of spans) this.prose.reveal(span.start, span.end);
    const blockStart = spans[0].start;
    const blockEnd = spans[spans.length - 1].end;
    // A single span has just been revealed whole, so its mask is the source text itself.
    const source = spans.length === 1 ? this.text.slice(blockStart, blockEnd) : this.prose.slice(blockStart, blockEnd);
    const masked = maskInline(source, blockStart, this.references);
    for (const region of masked.masks) this.prose.hide(region.start, region.end);
    for (const code of masked.codeSpans) {
      const range = this.cursor.rangeFromOffsets(code.startOffset, code.endOffset);
      this.inlineCode.push({ text: code.text, startOffset: code.startOffset, endOffset: code.endOffset, range, section: undefined });
    }
    for (const link of masked.links) {
      this.links.push({
        text: link.text,
        target: link.target,
        isImage: link.isImage,
        range: this.cursor.rangeFromOffsets(link.start, link.end),
        targetRange: this.cursor.rangeFromOffsets(link.targetStart, link.targetEnd),
        section: undefined,
      });
    }
    for (const comment of masked.comments) this.recordComments(comment.start, comment.end);
    // Nothing was blanked, so the block's mask is still `source`.
    const block = masked.masks.length === 0 ? source : this.prose.slice(blockStart, blockEnd);
    return this.emitSentences(block, blockStart, kind, item, split);
  }

  /** Sentences of a block whose prose mask `block` starts at offset `start`. */
  private emitSentences(block: string, start: number, kind: BlockKind, item: ListItem | undefined, split: boolean): ContentSpan {
    const pieces = split ? splitSentences(block) : [{ start: 0, end: block.length }];
    let extent: ContentSpan | undefined;
    for (const piece of pieces) {
      const text = block.slice(piece.start, piece.end);
      const leading = text.length - text.trimStart().length;
      const trimmed = text.trim();
      if (!trimmed) continue;
      const from = start + piece.start + leading;
      const to = from + trimmed.length;
      extent = { start: extent?.start ?? from, end: to };
      this.sentences.push({
        text: trimmed,
        kind,
        listItem: item,
        section: undefined,
        range: this.cursor.rangeFromOffsets(from, to),
        startOffset: from,
        endOffset: to,
      });
    }
    return extent ?? { start, end: start };
  }

  private line(line: number): string {
    return this.text.slice(this.lineStart(line), lineEndOffset(this.base, line));
  }

  private lineStart(line: number): number {
    return this.base.lineStarts[line] ?? this.text.length;
  }
}

/** Cell extents (offsets within the line) of a pipe table row, honouring `\|` and code spans. */
function splitTableRow(source: string, from: number): ContentSpan[] {
  const cells: ContentSpan[] = [];
  let start = source[from] === '|' ? from + 1 : from;
  let inCode = false;
  for (let i = start; i <= source.length; i++) {
    const char = source[i];
    if (char === '\\') { i++; continue; }
    if (char === '`') inCode = !inCode;
    if (i === source.length || (char === '|' && !inCode)) {
      if (i > start || i < source.length) cells.push({ start, end: i });
      start = i + 1;
    }
  }
  // A trailing pipe leaves an empty last "cell" that is not a column.
  const last = cells[cells.length - 1];
  if (last && last.start >= source.trimEnd().length) cells.pop();
  return cells;
}

/**
 * Heading text as a reader sees it, taken from markdown-it's inline tokens: emphasis and link
 * syntax gone, code spans kept as text, HTML tags dropped, entities decoded. GitHub computes
 * its anchors from the same text, so slugs match.
 */
function headingText(inline: Token): string {
  const parts = (inline.children ?? []).map((child) => {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        return child.content;
      case 'image':
        return child.content;
      case 'softbreak':
      case 'hardbreak':
        return ' ';
      default:
        return '';
    }
  });
  return parts.join('').replace(/\s+\{#[^}]*\}\s*$/, '').trim();
}
