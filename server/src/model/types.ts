/**
 * The parsed spec model: everything a rule may look at. Built once per document version by
 * `parseSpec`; rules never touch the raw Markdown parser or the file system.
 *
 * Positions are 0-based line/character in UTF-16 code units, exactly as LSP expects.
 */

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
  /** Its own body writes a record shape inline (`{id: string, amount: integer}`): it declares data (see model/records.ts). */
  declaresRecords?: boolean;
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

// Statements: see model/statements.ts, which builds them.

export type StatementRole =
  | 'requirement'
  | 'criterion'
  | 'goal'
  | 'non-goal'
  | 'definition'
  | 'narrative'
  | 'question';

/** What kind of narrative a narrative statement is. */
export type NarrativeKind =
  | 'background'
  | 'rationale'
  | 'example'
  | 'prediction'
  | 'discussion'
  | 'quote'
  | 'lead-in'
  | 'guidance';

/** The role a section gives the statements written in it (before their own wording is read). */
export type SectionRole =
  | 'requirements'
  | 'criteria'
  | 'goals'
  | 'non-goals'
  | 'definitions'
  | 'design'
  | 'narrative'
  | 'questions'
  | 'none';

export interface SectionRoleInfo {
  role: SectionRole;
  /** For narrative sections: which kind. */
  narrative?: NarrativeKind;
  /** The heading that decided the role (the section itself or an ancestor); undefined before any heading. */
  decidedBy: Section | undefined;
  /** True for a paragraph between the document's title and its first subsection: narrative background. */
  introduction?: boolean;
}

export type StatementKind = 'sentence' | 'list-item' | 'table-row';

export interface Statement {
  /** Index in `SpecModel.statements` (document order). */
  index: number;
  kind: StatementKind;
  /** Prose mask of the statement (code spans, URLs, HTML blanked); table rows join cells with " | ". */
  text: string;
  role: StatementRole;
  narrative?: NarrativeKind;
  /** True for requirement, criterion, goal and non-goal: what the implementer is held to. */
  binding: boolean;
  /**
   * True when the statement's own wording carries the role (a modal, an RFC 2119 keyword, an
   * imperative, "for example"...); false when only its place decided it.
   */
  explicit: boolean;
  /** Why it has its role, for hovers: `'must' in a "Requirements" section`. */
  reason: string;
  /**
   * The binding word of the main clause, if any: an RFC 2119 keyword, must/shall/needs to,
   * should, will, "Given/When/Then" or the imperative verb opening a list item.
   */
  cue?: string;
  /** True when the cue is must, shall, an RFC 2119 keyword, "required" or Given/When/Then. */
  strongCue: boolean;
  /**
   * Length of a leading purpose or condition-of-purpose clause ("In order to safely use X, ...",
   * "For the feature to be fully effective, ..."): it says why, not what is bound.
   */
  purposeEnd?: number;
  /**
   * Offset in `text` where a justification clause starts ("..., because ...", "since ...",
   * "for ... reasons"): what follows explains the statement and is not part of what it binds.
   */
  justificationStart?: number;
  startOffset: number;
  endOffset: number;
  range: Range;
  section: Section | undefined;
  sectionRole: SectionRole;
  /** The model sentences the statement covers: one, or the cells of a table row. */
  sentences: Sentence[];
  listItem?: ListItem;
  /** For list items: the lead-in they read with (a sentence ending in ":" or the parent item). */
  leadIn?: Statement;
  /**
   * For a list item with a lower-case should or may: a sibling item of the same list that states
   * the same outcome without a modal ("... should be an error" beside "... is an error"). The list
   * states its outcomes plainly, so the modal leaves this one's level unclear.
   */
  plainSibling?: Statement;
}
