/**
 * The parsed spec model: everything a rule may look at. Built once per document version by
 * `parseSpec`; rules never touch the raw Markdown parser or the file system.
 *
 * Positions are 0-based line/character in UTF-16 code units, exactly as LSP expects.
 */

import type { Statement } from './statements';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of the document with both its text and where it is. Offsets index `SpecModel.text`. */
export interface Span {
  text: string;
  range: Range;
  startOffset: number;
  endOffset: number;
}

export interface FrontMatter extends Span {
  /** Parsed YAML mapping; undefined when the YAML does not parse or is not a mapping. */
  data: Record<string, unknown> | undefined;
  error?: { message: string; range: Range };
}

export interface Section {
  /** Index in `SpecModel.sections` (document order). */
  index: number;
  title: string;
  level: number;
  /** GitHub-style anchor slug, de-duplicated within the document ("title", "title-1"). */
  slug: string;
  headingRange: Range;
  /** From the line after the heading to the end of this section including subsections. */
  bodyRange: Range;
  /** Body up to the first subsection: text that belongs to this heading alone. */
  ownBodyRange: Range;
  /** Canonical section ids this heading satisfies (see sections/catalog.ts). */
  canonical: string[];
  parent: Section | undefined;
  children: Section[];
}

export interface ListItem extends Span {
  /** Text of the item's own first paragraph, without the bullet/number marker. */
  section: Section | undefined;
  ordered: boolean;
  depth: number;
  /** `true`/`false` for task list items (`- [x]` / `- [ ]`), undefined otherwise. */
  checked: boolean | undefined;
  /** The list the item belongs to, numbered in document order: items with the same number are siblings. */
  list: number;
  /** The item a nested list sits in. */
  parent: ListItem | undefined;
}

export interface TableCell extends Span {
  row: number;
  column: number;
}

export interface Table {
  range: Range;
  section: Section | undefined;
  header: TableCell[];
  rows: TableCell[][];
}

export interface CodeBlock {
  range: Range;
  /** Info string after the opening fence, trimmed (e.g. "json", "yaml title=x"). */
  info: string;
  /** First word of the info string, lower-cased. */
  language: string;
  content: string;
  /** Range of `content` (the lines between the fences). */
  contentRange: Range;
  contentStartOffset: number;
  fenced: boolean;
  section: Section | undefined;
}

export interface Link {
  /** Link label as written. */
  text: string;
  /** Destination as written (not URL-decoded). */
  target: string;
  range: Range;
  targetRange: Range;
  isImage: boolean;
  section: Section | undefined;
}

export interface InlineCode extends Span {
  section: Section | undefined;
}

export interface HtmlComment extends Span {
  /** Comment body without `<!--` and `-->`, trimmed. */
  body: string;
}

export type BlockKind = 'paragraph' | 'list-item' | 'table-cell' | 'heading' | 'blockquote';

/**
 * A unit of prose: a sentence of a paragraph, a list item's text, a table cell or a heading.
 * `text` is the prose mask of the source: code spans, URLs, HTML and link destinations are
 * replaced by spaces so that offsets still line up with the document.
 */
export interface Sentence extends Span {
  kind: BlockKind;
  section: Section | undefined;
  listItem: ListItem | undefined;
}

export interface SpecModel {
  uri: string;
  text: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
  /**
   * The document with everything that is not prose (code, front matter, HTML comments, URLs,
   * link destinations, inline code) replaced by spaces; same length and line structure as `text`.
   */
  prose: string;
  frontMatter: FrontMatter | undefined;
  /** Flat list of all sections in document order. */
  sections: Section[];
  /** Top-level sections (the roots of the tree). */
  rootSections: Section[];
  listItems: ListItem[];
  tables: Table[];
  codeBlocks: CodeBlock[];
  links: Link[];
  inlineCode: InlineCode[];
  htmlComments: HtmlComment[];
  sentences: Sentence[];
  /**
   * Every prose sentence, list item sentence and table body row as a statement with a role
   * (requirement, criterion, goal, non-goal, definition, narrative, question) and the reason
   * for it, in document order. See model/statements.ts.
   */
  statements: Statement[];
}
