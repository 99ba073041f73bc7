import { normalizeHeading } from '../sections/catalog';
import { rangeFromOffsets } from '../model/text';
import type { ListItem, Range, Section, SpecModel, Table } from '../model/types';
import type { RawFinding, Rule } from './types';
import { inSection, rangeOffsets } from './util';

const SECTION_ID = 'open-questions';

/** "None.", "N/A", "None at this time", "No open questions": the section is deliberately empty. */
const NOTHING_OPEN = /^\W*(?:none|n\/?a|nothing(?: open| outstanding)?|no (?:open |unresolved |outstanding )?(?:questions|issues|items))\b/i;
/** A leading "Resolved:", "**Decision:**", "Answered in #12", "~~...~~", or a "(resolved)" note. */
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

export const openQuestion: Rule = {
  id: 'open-question',
  defaultSeverity: 'warning',
  dimension: 'completeness',
  docs: {
    summary: 'Reports each unresolved item in the Open Questions section.',
    rationale:
      'An open question is a decision the contractor will otherwise make alone, usually without the context to make ' +
      'it well. Questions are list items, table rows, question headings or, failing those, sentences ending in "?". ' +
      'An item counts as resolved when it is checked (`- [x]`), struck through (`~~...~~`), or says "Resolved:", ' +
      '"Answered", "Decision:" (also in a nested item). A section that says "None." has no open questions; FAQ ' +
      'sections are skipped because their questions come with answers.',
    bad: '## Open Questions\n\n- Which queue do we use for retries?\n- Do refunds need approval above 500 EUR?',
    good: '## Open Questions\n\n- ~~Which queue do we use for retries?~~ Decision: SQS `orders-retry` (2024-05-02, @lena)\n- [x] Do refunds need approval above 500 EUR? Resolved: yes, by a finance lead.',
  },
  check(model: SpecModel): RawFinding[] {
    const findings: RawFinding[] = [];
    for (const section of model.sections) {
      if (!isQuestionsRoot(section)) continue;
      findings.push(...sectionFindings(model, section));
    }
    return findings;
  },
};

function isQuestionsRoot(section: Section): boolean {
  return section.canonical.includes(SECTION_ID) && !inSection(section.parent, [SECTION_ID]) &&
    !ANSWERED_SECTIONS.has(normalizeHeading(section.title));
}

function sectionFindings(model: SpecModel, section: Section): RawFinding[] {
  const body = rangeOffsets(model, section.bodyRange);
  const within = (offset: number) => offset >= body.start && offset < body.end;
  const items = model.listItems.filter((item) => within(item.startOffset));
  const firstProse = model.sentences.find((sentence) => within(sentence.startOffset) && sentence.kind !== 'heading');
  if (firstProse && NOTHING_OPEN.test(firstProse.text)) return [];
  if (items.length > 0) return listFindings(model, items);
  const tables = model.tables.filter((table) => within(rangeOffsets(model, table.range).start));
  if (tables.length > 0) return tables.flatMap((table) => tableFindings(table));
  const headings = model.sections.filter((child) => child !== section && inSubtree(child, section) && child.title.trim().endsWith('?'));
  if (headings.length > 0) return headings.filter((child) => !childResolved(model, child)).map((child) => finding(child.title, child.headingRange));
  return paragraphFindings(model, within);
}

function inSubtree(candidate: Section, root: Section): boolean {
  for (let current = candidate.parent; current; current = current.parent) if (current === root) return true;
  return false;
}

/** Top-level items are the questions; nested items are their discussion and may resolve them. */
function listFindings(model: SpecModel, items: ListItem[]): RawFinding[] {
  const topDepth = Math.min(...items.map((item) => item.depth));
  const findings: RawFinding[] = [];
  items.forEach((item, index) => {
    if (item.depth !== topDepth || MARKER_ONLY.test(item.text) || NOTHING_OPEN.test(item.text)) return;
    const children: ListItem[] = [];
    for (const next of items.slice(index + 1)) {
      if (next.depth <= item.depth) break;
      children.push(next);
    }
    if (itemResolved(item, children)) return;
    const firstLineEnd = item.text.search(/\r?\n/);
    const end = firstLineEnd === -1 ? item.endOffset : item.startOffset + firstLineEnd;
    findings.push(finding(item.text, rangeFromOffsets(model, item.startOffset, end)));
  });
  return findings;
}

function itemResolved(item: ListItem, children: ListItem[]): boolean {
  if (item.checked !== undefined) return item.checked;
  if (STRUCK_THROUGH.test(item.text)) return true;
  return [item, ...children].some((entry) => RESOLVED.some((pattern) => pattern.test(entry.text)));
}

/** A row is resolved when its status says so or its answer/decision cell is filled in. */
function tableFindings(table: Table): RawFinding[] {
  const header = table.header.map((cell) => cell.text.trim().toLowerCase());
  const statusColumn = header.findIndex((name) => /status|state|resolution/.test(name));
  const answerColumn = header.findIndex((name) => /answer|decision|outcome/.test(name));
  const questionColumn = Math.max(0, header.findIndex((name) => /question|issue|topic|item/.test(name)));
  const findings: RawFinding[] = [];
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

function childResolved(model: SpecModel, child: Section): boolean {
  const body = rangeOffsets(model, child.bodyRange);
  const first = model.sentences.find((sentence) => sentence.startOffset >= body.start && sentence.startOffset < body.end);
  return first !== undefined && RESOLVED.some((pattern) => pattern.test(first.text));
}

/** Free prose: each sentence asking something is a question; otherwise the whole text is one open item. */
function paragraphFindings(model: SpecModel, within: (offset: number) => boolean): RawFinding[] {
  const sentences = model.sentences.filter((sentence) => within(sentence.startOffset) && sentence.kind !== 'heading');
  const questions = sentences.filter((sentence) => sentence.text.trim().endsWith('?'));
  const open = questions.length > 0 ? questions : sentences.slice(0, 1);
  return open.filter((sentence) => !RESOLVED.some((pattern) => pattern.test(sentence.text)))
    .map((sentence) => finding(model.text.slice(sentence.startOffset, sentence.endOffset), sentence.range));
}

function finding(question: string, range: Range): RawFinding {
  const text = question.replace(/\s+/g, ' ').trim();
  return {
    message: 'Unresolved open question: decide it before handoff, or record the decision (e.g. "Resolved: ...") with an owner and date.',
    range,
    data: { question: text.length > 200 ? `${text.slice(0, 197)}...` : text },
  };
}
