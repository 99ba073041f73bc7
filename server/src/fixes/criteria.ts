import type { AnalysisResult } from '../engine/analyze';
import { requirementIndex } from '../model/requirements';
import { lineText, offsetAt } from '../model/text';
import type { Position, Section } from '../model/types';
import type { Finding } from '../rules/types';
import { inSection } from '../rules/util';
import { sectionDefinition } from '../sections/catalog';
import { eolOf } from './edits';
import { escapeSnippet, example, hole, insertLines, plainLines, replaceWith, snippetLines, type Piece, type SnippetLine } from './snippet';
import { sectionLevel } from './sections';
import type { QuickFix, TextEdit } from './types';

const CRITERION_PREFIX = 'AC';
/** "Given ..., when ..., then ...": the holes are tab stops, HTML comments in plain text. */
function skeleton(then: Piece = hole('observable result: a status, stored value, message or number')): Piece[] {
  return ['Given ', hole('precondition'), ', when ', hole('action'), ', then ', then];
}

/** The requirement ids no criterion references yet, in document order. */
function untracedIds(result: AnalysisResult): string[] {
  return result.findings.filter((f) => f.rule === 'untraced-requirement').map((f) => String(f.data?.id));
}

/**
 * Given/When/Then templates referencing requirement ids. For one untraced requirement the fix
 * covers just that id (preferred); a second action covers all of them. When the spec has no
 * acceptance-criteria section, the section is created at its canonical position.
 */
export function criteriaFixes(result: AnalysisResult, finding: Finding): QuickFix[] {
  const all = untracedIds(result);
  const fixes: QuickFix[] = [];
  if (finding.rule === 'untraced-requirement') {
    const id = String(finding.data?.id);
    const edit = criteriaEdit(result, [id]);
    if (edit) fixes.push({ title: `Add an acceptance criterion for ${id}`, rule: finding.rule, isPreferred: true, edits: [edit] });
  }
  const isMissingCriteria = finding.rule === 'missing-section' && finding.data?.section === 'acceptance-criteria';
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

function criteriaEdit(result: AnalysisResult, ids: string[]): TextEdit | undefined {
  const lines = criterionLines(result, ids);
  const section = criteriaSection(result);
  if (section) return appendToSection(result, section, lines);
  const missing = result.findings.find((f) => f.rule === 'missing-section' && f.data?.section === 'acceptance-criteria');
  const at = (missing?.data?.insertAt as Position | undefined) ?? endOfDocument(result);
  const title = sectionDefinition('acceptance-criteria')?.title ?? 'Acceptance Criteria';
  return insertLines(result.model, at, [[`${'#'.repeat(sectionLevel(result))} ${title}`], [], ...lines]);
}

function criterionLines(result: AnalysisResult, ids: string[]): SnippetLine[] {
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

function nextCriterionNumber(result: AnalysisResult): number {
  const pattern = new RegExp(`\\b${CRITERION_PREFIX}-(\\d+)\\b`, 'g');
  let highest = 0;
  for (const match of result.model.prose.matchAll(pattern)) highest = Math.max(highest, Number(match[1]));
  return highest + 1;
}

function criteriaSection(result: AnalysisResult): Section | undefined {
  return result.model.sections.find((section) => section.canonical.includes('acceptance-criteria'));
}

/** After the section's last list item (staying in the same list), or as a new block. */
function appendToSection(result: AnalysisResult, section: Section, lines: SnippetLine[]): TextEdit {
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

function endOfDocument(result: AnalysisResult): Position {
  const last = result.model.lineStarts.length - 1;
  return { line: last, character: result.model.text.length - result.model.lineStarts[last] };
}

/**
 * Rewrites an untestable criterion into Given/When/Then, keeping the author's words as the Then
 * clause (a tab stop to sharpen into an observable outcome) and the id prefix in front; the
 * precondition and action are holes. A criterion that already has a Then clause, or a table row
 * (rewriting a row in place would break the table), gets no rewrite.
 */
export function rewriteCriterionFix(result: AnalysisResult, finding: Finding): QuickFix | undefined {
  if (finding.rule !== 'untestable-criterion') return undefined;
  const original = typeof finding.data?.criterion === 'string' ? finding.data.criterion : '';
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
