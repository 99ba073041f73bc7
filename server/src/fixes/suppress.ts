import type { AnalysisResult } from '../engine/analyze';
import { lineText } from '../model/text';
import type { Finding } from '../rules/types';
import { eolOf } from '../rules/fixes/edits';
import type { QuickFix } from './types';

/**
 * "Disable <rule> for this line" appends a `specready-disable-line` comment to the finding's
 * line; "... for this file" puts a `specready-disable` comment at the top (after front matter).
 * Lines inside code blocks or front matter cannot carry a comment, so only the file action is
 * offered there.
 */
export function suppressionFixes(result: AnalysisResult, finding: Finding): QuickFix[] {
  const fixes: QuickFix[] = [];
  const line = finding.range.start.line;
  if (!insideNonMarkdown(result, line) && hasProse(result, line)) {
    const end = { line, character: commentColumn(result, line) };
    fixes.push({
      title: `Disable ${finding.rule} for this line`,
      rule: finding.rule,
      isPreferred: false,
      edits: [{ range: { start: end, end }, newText: ` <!-- specready-disable-line ${finding.rule} -->` }],
    });
  }
  const top = { line: result.model.frontMatter ? result.model.frontMatter.range.end.line + 1 : 0, character: 0 };
  const eol = eolOf(result.model);
  const atEnd = top.line >= result.model.lineStarts.length;
  const position = atEnd ? { line: result.model.lineStarts.length - 1, character: lineText(result.model, result.model.lineStarts.length - 1).length } : top;
  fixes.push({
    title: `Disable ${finding.rule} for this file`,
    rule: finding.rule,
    isPreferred: false,
    edits: [{ range: { start: position, end: position }, newText: `${atEnd ? eol : ''}<!-- specready-disable ${finding.rule} -->${eol}` }],
  });
  return fixes;
}

/**
 * Only a line of Markdown text can carry the comment: on a line of raw HTML it would change how
 * the HTML block ends, and with it the structure of everything below.
 */
function hasProse(result: AnalysisResult, line: number): boolean {
  const { prose, lineStarts } = result.model;
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : prose.length;
  return /\S/.test(prose.slice(lineStarts[line], end));
}

/** End of the line, or inside the last cell of a table row (a cell after it would break the table). */
function commentColumn(result: AnalysisResult, line: number): number {
  const text = lineText(result.model, line);
  const inTable = result.model.tables.some((table) => table.range.start.line <= line && line <= table.range.end.line);
  const trimmed = text.trimEnd();
  return inTable && trimmed.endsWith('|') ? trimmed.length - 1 : text.length;
}

function insideNonMarkdown(result: AnalysisResult, line: number): boolean {
  const { frontMatter, codeBlocks, htmlComments } = result.model;
  if (frontMatter && line <= frontMatter.range.end.line) return true;
  const within = (range: { start: { line: number }; end: { line: number } }) => range.start.line <= line && line <= range.end.line;
  return codeBlocks.some((block) => within(block.range))
    || htmlComments.some((comment) => comment.range.start.line < comment.range.end.line && within(comment.range));
}
