import type { FixContext } from '../types';
import { requirementIndex } from '../../model/requirements';
import { lineText, offsetAt, positionAt } from '../../model/text';
import type { Position, Section } from '../../model/types';
import type { Finding } from '../types';
import { inSection } from '../util';
import { sectionDefinition } from '../../sections/catalog';
import { eolOf } from './edits';
import { escapeSnippet, example, hole, insertLines, plainLines, replaceWith, snippetLines, type Piece, type SnippetLine } from './snippet';
import { sectionLevel } from './sections';
import type { QuickFix, TextEdit } from '../types';

const CRITERION_PREFIX = 'AC';
/** "Given ..., when ..., then ...": the holes are tab stops, HTML comments in plain text. */
function skeleton(then: Piece = hole('observable result: a status, stored value, message or number')): Piece[] {
  return ['Given ', hole('precondition'), ', when ', hole('action'), ', then ', then];
}

/** What the criteria fixes cover; the rules that call them know which findings say it. */
export interface CriteriaNeed {
  /** Requirement ids no criterion references yet, in document order. */
  untraced: readonly string[];
  /** The one requirement the finding is about, for a fix that covers just it. */
  id?: string;
  /** The finding reports the acceptance-criteria section missing. */
  missingSection: boolean;
}

/**
 * Given/When/Then templates referencing requirement ids. For one untraced requirement the fix
 * covers just that id (preferred); a second action covers all of them. When the spec has no
 * acceptance-criteria section, the section is created at its canonical position.
 */
export function criteriaFixes(result: FixContext, finding: Finding, need: CriteriaNeed): QuickFix[] {
  const all = [...need.untraced];
  const fixes: QuickFix[] = [];
  if (need.id !== undefined) {
    const id = need.id;
    const edit = criteriaEdit(result, [id]);
    if (edit) fixes.push({ title: `Add an acceptance criterion for ${id}`, rule: finding.rule, isPreferred: true, edits: [edit] });
  }
  const isMissingCriteria = need.missingSection;
  if ((isMissingCriteria || all.length > 1) && (all.length > 0 || isMissingCriteria)) {
    const edit = criteriaEdit(result, all);
    if (edit) {
      const title = all.length > 0
        ? `Insert acceptance criteria for ${all.length} untraced requirement${all.length === 1 ? '' : 's'}`
        : 'Insert acceptance criteria template';
      fixes.push({ title, rule: finding.rule, isPreferred: isMissingCriteria, edits: [edit] });
    }
  }
  return fixes;
}

function criteriaEdit(result: FixContext, ids: string[]): TextEdit | undefined {
  const lines = criterionLines(result, ids);
  const section = criteriaSection(result);
  if (section) return appendToSection(result, section, lines);
  // The finding that says where the missing section belongs.
  const at = result.findings.map((f) => f.data?.section === 'acceptance-criteria' ? f.data.insertAt : undefined).find(isPosition) ?? positionAt(result.model, result.model.text.length);
  const title = sectionDefinition('acceptance-criteria')?.title ?? 'Acceptance Criteria';
  return insertLines(result.model, at, [[`${'#'.repeat(sectionLevel(result))} ${title}`], [], ...lines]);
}

function criterionLines(result: FixContext, ids: string[]): SnippetLine[] {
  // When the spec already numbers requirements "AC-n", a new "AC-n" would read as a reference to
  // one of them; the criteria then go without ids of their own.
  const index = requirementIndex(result.model, result.idPattern);
  if (index.definitions.some((d) => d.kind === 'requirement' && d.prefix === CRITERION_PREFIX)) {
    return ids.length === 0 ? [['- ', ...skeleton(), '.']] : ids.map((id) => [`- (${id}): `, ...skeleton(), '.']);
  }
  let next = nextCriterionNumber(result);
  if (ids.length === 0) return [[`- **${CRITERION_PREFIX}-${next}**: `, ...skeleton(), '.']];
  return ids.map((id) => [`- **${CRITERION_PREFIX}-${next++}** (${id}): `, ...skeleton(), '.']);
}

function nextCriterionNumber(result: FixContext): number {
  const pattern = new RegExp(`\\b${CRITERION_PREFIX}-(\\d+)\\b`, 'g');
  let highest = 0;
  for (const match of result.model.prose.matchAll(pattern)) highest = Math.max(highest, Number(match[1]));
  return highest + 1;
}

function criteriaSection(result: FixContext): Section | undefined {
  return result.model.sections.find((section) => section.canonical.includes('acceptance-criteria'));
}

/** After the section's last list item (staying in the same list), or as a new block. */
function appendToSection(result: FixContext, section: Section, lines: SnippetLine[]): TextEdit {
  const model = result.model;
  let last = section.bodyRange.end.line;
  while (last > section.headingRange.end.line && lineText(model, last).trim() === '') last--;
  const lastItem = [...model.listItems].reverse().find((item) => item.range.start.line <= last && inSection(item.section, ['acceptance-criteria']) && item.depth === 0);
  const eol = eolOf(model);
  if (lastItem && last >= lastItem.range.start.line && /^\s*[-*+]\s/.test(lineText(model, lastItem.range.start.line))) {
    const lineEnd = { line: last, character: lineText(model, last).length };
    return { range: { start: lineEnd, end: lineEnd }, newText: eol + plainLines(lines).join(eol), snippet: escapeSnippet(eol) + snippetLines(lines, eol) };
  }
  return insertLines(model, { line: last + 1, character: 0 }, lines);
}

/** A position read from another rule's finding data, checked rather than cast. */
function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && 'line' in value && typeof value.line === 'number'
    && 'character' in value && typeof value.character === 'number';
}

/**
 * Rewrites an untestable criterion into Given/When/Then, keeping the author's words as the Then
 * clause (a tab stop to sharpen into an observable outcome) and the id prefix in front; the
 * precondition and action are holes. A criterion that already has a Then clause, or a table row
 * (rewriting a row in place would break the table), gets no rewrite.
 */
export function rewriteCriterionFix(result: FixContext, finding: Finding, data: { criterion: string } | undefined): QuickFix | undefined {
  const original = data?.criterion ?? '';
  if (result.model.tables.some((table) => table.range.start.line <= finding.range.start.line && finding.range.start.line <= table.range.end.line)) {
    return undefined;
  }
  if (/\bthen\b/i.test(original)) return undefined;
  const model = result.model;
  const text = model.text.slice(offsetAt(model, finding.range.start), offsetAt(model, finding.range.end));
  const prefix = /^\s*(?:\*\*)?[A-Z][A-Z0-9]*-\d+(?:\*\*)?(?:\s*\([^)]*\))?\s*[:.-]?\s*/.exec(text)?.[0] ?? '';
  const rest = text.slice(prefix.length);
  const outcome = rest.replace(/[.;\s]+$/, '');
  if (!outcome) return undefined;
  const ending = rest.slice(outcome.length);
  const then = outcome.charAt(0).toLowerCase() + outcome.slice(1);
  const keepCase = /^[A-Z]{2,}|^[A-Z][a-z]*[A-Z]/.test(outcome) ? outcome : then;
  return {
    title: 'Rewrite as Given/When/Then (keeps the wording as the Then clause)',
    rule: finding.rule,
    isPreferred: true,
    edits: [replaceWith(finding.range, [prefix, ...skeleton(example(keepCase)), ending || '.'])],
  };
}
