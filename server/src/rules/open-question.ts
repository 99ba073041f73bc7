import { normalizeHeading } from '../sections/catalog';
import { rangeFromOffsets } from '../model/text';
import type { ListItem, Range, Section, Sentence, SpecModel, Table } from '../model/types';
import { questionMeta } from '../model/questions';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { inSection, rangeOffsets } from './util';
import { shortened, withText } from './question-text';

const SECTION_ID = 'open-questions';

/**
 * Statements that there is nothing open, in their three grammatical shapes:
 * - a nil answer: "None.", "N/A", "None yet", "Nothing open", and a nil word followed by its
 *   justification ("None: all decisions are recorded above.", "None - see Decisions");
 * - an existential negation: "There are none", "We have no open items", "No questions remain";
 * - a universal resolution: "All questions have been resolved", "All decisions are recorded above".
 */
const NIL_WORD = '(?:none|nothing|n\\/?a|nil|no)';
const OPEN_THINGS = '(?:questions?|issues?|items?|points?|topics?|decisions?|unknowns?|concerns?)';
const SETTLED = '(?:resolved|answered|decided|recorded|settled|closed|addressed|covered|captured|documented|agreed|made|taken)';
const NOTHING_OPEN = [
  new RegExp(`^\\W*${NIL_WORD}\\b(?:[^.:;!?(\u2014\u2013-]{0,30}[.!]*$|\\s*(?:[.:;!(\u2014\u2013]|-\\s))`, 'i'),
  new RegExp(`\\bno (?:\\w+ ){0,3}${OPEN_THINGS}\\b`, 'i'),
  /\b(?:there (?:are|is)|currently|presently|we have|so far) (?:none|nothing|no)\b/i,
  new RegExp(`\\bnothing (?:is |remains |left |)(?:open|outstanding|pending|unresolved|left|remains|to (?:decide|resolve|answer))\\b`, 'i'),
  new RegExp(`^\\W*all (?:\\w+ ){0,3}${OPEN_THINGS} (?:have been|has been|are|were|is) (?:\\w+ )?${SETTLED}\\b`, 'i'),
  new RegExp(`\\b${OPEN_THINGS} (?:have been|are|were) (?:all )?${SETTLED}\\b`, 'i'),
];
/** A leading "Resolved:", "**Decision:**", "Answered in #12", or a "(resolved)" note. */
const RESOLVED = [
  /^\W*(?:resolved|answered|decided|decision|answer|closed|done)\b/i,
  /\b(?:resolved|answered|decided|decision|answer)\W{0,4}[:—–]/i,
  /[([](?:resolved|answered|decided|closed|done)\b/i,
  /[✅✔☑]/,
];
const STRUCK_THROUGH = /^\s*~~[\s\S]*~~/;
const MARKER_ONLY = /^\W*(?:TBD|TBC|TODO|FIXME|XXX|\?+)\W*$/;
/** FAQ sections are questions that come with their answers. */
const ANSWERED_SECTIONS = new Set(['faq', 'frequently asked questions']);

type Block =
  | { kind: 'paragraph'; start: number; sentences: Sentence[] }
  | { kind: 'item'; start: number; item: ListItem; children: ListItem[] };

export const openQuestion: Rule<OpenQuestionData> = {
  id: 'open-question',
  defaultSeverity: 'warning',
  dimension: 'selfContained',
  scoreRole: 'undecided',
  docs: {
    description: 'Unresolved open questions left in the spec.',
    summary: 'Reports each unresolved item in the Open Questions section.',
    rationale:
      'An open question is a decision the contractor will otherwise make alone, usually without the context to make ' +
      'it well. Questions are list items, table rows, subsections, and paragraphs that ask something (a list right ' +
      'after a question lists its options and is not reported separately). An item counts as resolved when it is ' +
      'checked (`- [x]`), struck through (`~~...~~`), or says "Resolved:", "Answered", "Decision:" (also in a nested ' +
      'item). A section that opens with "None." has no open questions; FAQ sections are skipped because their ' +
      'questions come with answers. Elsewhere in the spec, a `Q:` item or paragraph is a question unless an `A:` ' +
      'follows it. A question may name its owner (`@lena`) and a due date (`due 2026-12-15`); once the date has ' +
      'passed the question is reported as overdue, at least as a warning. "Answer question" in the editor moves a ' +
      'question with its answer, date and author to a Decisions section.',
    bad: '## Open Questions\n\n- Which queue do we use for retries?\n- Do refunds need approval above 500 EUR?',
    good: '## Open Questions\n\n- ~~Which queue do we use for retries?~~ Decision: SQS `orders-retry` (2024-05-02, @lena)\n- [x] Do refunds need approval above 500 EUR? Resolved: yes, by a finance lead.',
  },
  counted: { one: 'open question' },
  question: openQuestionQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<OpenQuestionData>[] {
    const inSectionFindings = model.sections.filter(isQuestionsRoot).flatMap((section) => sectionFindings(model, section));
    return [...inSectionFindings, ...inlineQuestionFindings(model)]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((found) => withOwnerAndDue(found, context.today));
  },
};

/**
 * `@owner` and `due 2026-12-15` in a question are kept in the finding's data; a question past
 * its due date (compared with the `today` the caller passed in) says so and is at least a warning.
 */
function withOwnerAndDue(found: RawFinding<OpenQuestionData>, today: string | undefined): RawFinding<OpenQuestionData> {
  const question = found.data?.question ?? '';
  const meta = questionMeta(question, today);
  if (!meta.owner && !meta.due) return found;
  const data: OpenQuestionData = { question, ...found.data };
  if (meta.owner) data.owner = meta.owner;
  if (meta.due) data.due = meta.due;
  if (!meta.overdue) return { ...found, data };
  data.overdue = true;
  const owner = meta.owner ? `, owner @${meta.owner}` : '';
  return {
    ...found,
    data,
    message: `Overdue open question (due ${meta.due}${owner}): decide it, or move the due date, before handoff.`,
    minimumSeverity: 'warning',
  };
}

/** `Q: ...` list items and paragraphs outside the Open Questions section; an `A:` right after (or nested) answers them. */
const Q_PREFIX = /^\W{0,3}Q\W{0,3}:\s*\S/;
const A_PREFIX = /^\W{0,3}A\W{0,3}:\s*\S/;

function inlineQuestionFindings(model: SpecModel): RawFinding<OpenQuestionData>[] {
  const outside = (section: Section | undefined) => !inSection(section, [SECTION_ID]) && !(section && isFaq(section));
  const findings: RawFinding<OpenQuestionData>[] = [];
  model.listItems.forEach((item, index) => {
    if (!outside(item.section) || !Q_PREFIX.test(item.text)) return;
    const next = model.listItems[index + 1];
    const answeredByNext = next !== undefined && next.section === item.section && next.depth >= item.depth && A_PREFIX.test(next.text);
    // The answer may also be a later paragraph of the same item.
    const itemEnd = next?.startOffset ?? rangeOffsets(model, item.section?.bodyRange ?? { start: item.range.start, end: item.range.end }).end;
    const answered = answeredByNext || /\n[ \t>]*\W{0,3}A\W{0,3}:[ \t]*\S/.test(model.text.slice(item.startOffset, Math.max(item.startOffset, itemEnd)));
    if (!answered) findings.push(itemFinding(model, item));
  });
  const paragraphs = model.sentences.filter((sentence) => sentence.kind === 'paragraph' && outside(sentence.section));
  paragraphs.forEach((sentence, index) => {
    const lineStart = model.lineStarts[sentence.range.start.line];
    if (model.text.slice(lineStart, sentence.startOffset).trim() !== '' || !Q_PREFIX.test(sentence.text)) return;
    const next = paragraphs[index + 1];
    const answered = next !== undefined && next.section === sentence.section && A_PREFIX.test(next.text);
    if (!answered) findings.push(finding(stripQ(sentence.text), sentence.range));
  });
  return findings.map((found) => ({ ...found, data: { ...found.data, question: stripQ(typeof found.data?.question === 'string' ? found.data.question : '') } }));
}

function stripQ(text: string): string {
  return text.replace(/^\W{0,3}Q\W{0,3}:\s*/, '').trim();
}

function isFaq(section: Section): boolean {
  for (let current: Section | undefined = section; current; current = current.parent) {
    if (ANSWERED_SECTIONS.has(normalizeHeading(current.title))) return true;
  }
  return false;
}

function isQuestionsRoot(section: Section): boolean {
  return section.canonical.includes(SECTION_ID) && !inSection(section.parent, [SECTION_ID]) &&
    !ANSWERED_SECTIONS.has(normalizeHeading(section.title));
}

/**
 * Questions in the section's own text, plus one per subsection: a subsection under Open
 * Questions is a question with its discussion, whatever its heading says.
 */
function sectionFindings(model: SpecModel, section: Section): RawFinding<OpenQuestionData>[] {
  const own = rangeOffsets(model, section.ownBodyRange);
  const within = (offset: number) => offset >= own.start && offset < own.end;
  const first = model.sentences.find((sentence) => within(sentence.startOffset) && sentence.kind !== 'heading');
  if (first && saysNothingIsOpen(first.text)) return [];
  const findings = ownTextFindings(model, within, section.children.length > 0);
  for (const child of section.children) {
    if (!childResolved(model, child)) findings.push(finding(child.title, child.headingRange));
  }
  return findings;
}

function ownTextFindings(model: SpecModel, within: (offset: number) => boolean, hasSubsections: boolean): RawFinding<OpenQuestionData>[] {
  const tables = model.tables.filter((table) => within(rangeOffsets(model, table.range).start));
  const blocks = textBlocks(model, within);
  const findings = [...tables.flatMap(tableFindings), ...blockFindings(model, blocks)];
  if (findings.length > 0 || hasSubsections || tables.length > 0) return findings;
  // Prose that asks nothing explicitly ("Suspense will need special handling") is still one open item;
  // before subsections it only introduces them.
  const paragraph = blocks.find((block) => block.kind === 'paragraph');
  return paragraph && paragraph.kind === 'paragraph' && !isResolved(paragraph.sentences[0].text)
    && !paragraph.sentences.some((sentence) => saysNothingIsOpen(sentence.text))
    ? [paragraphFinding(model, paragraph.sentences)]
    : [];
}

/**
 * Walks paragraphs and top-level list items in order. A list right after a paragraph that asks
 * something holds that question's options (or its answer); any other list item is a question.
 */
function blockFindings(model: SpecModel, blocks: Block[]): RawFinding<OpenQuestionData>[] {
  const findings: RawFinding<OpenQuestionData>[] = [];
  let question: { finding: RawFinding<OpenQuestionData> | undefined } | undefined;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const asks = block.sentences.some((sentence) => sentence.text.trim().endsWith('?'));
      question = asks ? { finding: isResolved(block.sentences[0].text) ? undefined : paragraphFinding(model, block.sentences) } : undefined;
      if (question?.finding) findings.push(question.finding);
    } else if (question) {
      if (itemResolved(block.item, block.children) && question.finding) {
        findings.splice(findings.indexOf(question.finding), 1);
        question.finding = undefined;
      }
    } else if (!MARKER_ONLY.test(block.item.text) && !saysNothingIsOpen(block.item.text) && !itemResolved(block.item, block.children)) {
      findings.push(itemFinding(model, block.item));
    }
  }
  return findings;
}

/** Top-level paragraphs and the outermost list items (with their nested items) of the section's own text. */
function textBlocks(model: SpecModel, within: (offset: number) => boolean): Block[] {
  const blocks: Block[] = paragraphs(model, within).map((sentences) => ({ kind: 'paragraph', start: sentences[0].startOffset, sentences }));
  const items = model.listItems.filter((item) => within(item.startOffset));
  const topDepth = Math.min(...items.map((item) => item.depth));
  items.forEach((item, index) => {
    if (item.depth !== topDepth) return;
    const children: ListItem[] = [];
    for (const next of items.slice(index + 1)) {
      if (next.depth <= item.depth) break;
      children.push(next);
    }
    blocks.push({ kind: 'item', start: item.startOffset, item, children });
  });
  return blocks.sort((a, b) => a.start - b.start);
}

/** Sentences of top-level paragraphs, grouped by the blank lines between paragraphs. */
function paragraphs(model: SpecModel, within: (offset: number) => boolean): Sentence[][] {
  const groups: Sentence[][] = [];
  for (const sentence of model.sentences) {
    if (sentence.kind !== 'paragraph' || !within(sentence.startOffset)) continue;
    const previous = groups[groups.length - 1]?.at(-1);
    const sameParagraph = previous && !/\n[ \t]*\r?\n/.test(model.text.slice(previous.endOffset, sentence.startOffset));
    if (sameParagraph) groups[groups.length - 1].push(sentence);
    else groups.push([sentence]);
  }
  return groups;
}

/**
 * A statement, not a question, declares the section empty ("None of the options scale, do we
 * shard?" asks). A nil answer may carry a justification of any length; the other shapes only
 * count in a short statement, where they are its main clause.
 */
function saysNothingIsOpen(text: string): boolean {
  const trimmed = text.trim().replace(/^[*_~]+|[*_~]+$/g, '');
  if (trimmed.includes('?')) return false;
  if (NOTHING_OPEN[0].test(trimmed)) return true;
  return trimmed.length <= 80 && NOTHING_OPEN.slice(1).some((pattern) => pattern.test(trimmed));
}

function isResolved(text: string): boolean {
  return STRUCK_THROUGH.test(text) || RESOLVED.some((pattern) => pattern.test(text));
}

function itemResolved(item: ListItem, children: ListItem[]): boolean {
  if (item.checked !== undefined) return item.checked;
  return isResolved(item.text) || children.some((child) => RESOLVED.some((pattern) => pattern.test(child.text)));
}

function childResolved(model: SpecModel, child: Section): boolean {
  if (isResolved(child.title)) return true;
  const body = rangeOffsets(model, child.bodyRange);
  const first = model.sentences.find((sentence) => sentence.startOffset >= body.start && sentence.startOffset < body.end);
  return first !== undefined && RESOLVED.some((pattern) => pattern.test(first.text));
}

/** A row is resolved when its status says so or its answer/decision cell is filled in. */
function tableFindings(table: Table): RawFinding<OpenQuestionData>[] {
  const header = table.header.map((cell) => cell.text.trim().toLowerCase());
  const statusColumn = header.findIndex((name) => /status|state|resolution/.test(name));
  const answerColumn = header.findIndex((name) => /answer|decision|outcome/.test(name));
  const questionColumn = Math.max(0, header.findIndex((name) => /question|issue|topic|item/.test(name)));
  const findings: RawFinding<OpenQuestionData>[] = [];
  for (const row of table.rows) {
    const status = row[statusColumn]?.text ?? '';
    const answer = row[answerColumn]?.text ?? '';
    if (/resolved|closed|answered|done|decided|agreed|accepted/i.test(status)) continue;
    if (answer.trim() && !/^\W*(?:tbd|todo|open|pending|-)?\W*$/i.test(answer)) continue;
    const cell = row[questionColumn] ?? row[0];
    if (cell && cell.text.trim()) findings.push(finding(cell.text, cell.range));
  }
  return findings;
}

/** Reported on the item's first line; a multi-line item would otherwise underline a whole block. */
function itemFinding(model: SpecModel, item: ListItem): RawFinding<OpenQuestionData> {
  const firstLineEnd = item.text.search(/\r?\n/);
  const end = firstLineEnd === -1 ? item.endOffset : item.startOffset + firstLineEnd;
  return finding(item.text, rangeFromOffsets(model, item.startOffset, end));
}

function paragraphFinding(model: SpecModel, sentences: Sentence[]): RawFinding<OpenQuestionData> {
  const last = sentences[sentences.length - 1];
  return finding(model.text.slice(sentences[0].startOffset, last.endOffset), sentences[0].range);
}

function finding(question: string, range: Range): RawFinding<OpenQuestionData> {
  const text = question.replace(/\s+/g, ' ').trim();
  return {
    message: 'Unresolved open question: decide it before handoff, or record the decision (e.g. "Resolved: ...") with an owner and date.',
    range,
    data: { question: text.length > 200 ? `${text.slice(0, 197)}...` : text },
  };
}

function openQuestionQuestion(finding: Finding): string | undefined {
  return withText(dataOf(openQuestion, finding)?.question, (question) =>
    `Has this open question been decided: "${shortened(question, 160)}"? If so, what is the answer; if not, who decides and by when?`);
}

/** What a finding of this rule carries in `data`. */
export type OpenQuestionData = {
  question: string;
  owner?: string;
  due?: string;
  overdue?: boolean;
};
