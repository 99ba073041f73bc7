import type { AnalysisResult } from '../engine/analyze';
import { lineText } from '../model/text';
import type { Finding } from '../rules/types';
import { eolOf } from './edits';
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
  if (!insideNonMarkdown(result, line)) {
    const end = { line, character: lineText(result.model, line).length };
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

function insideNonMarkdown(result: AnalysisResult, line: number): boolean {
  const { frontMatter, codeBlocks, htmlComments } = result.model;
  if (frontMatter && line <= frontMatter.range.end.line) return true;
  const within = (range: { start: { line: number }; end: { line: number } }) => range.start.line <= line && line <= range.end.line;
  return codeBlocks.some((block) => within(block.range))
    || htmlComments.some((comment) => comment.range.start.line < comment.range.end.line && within(comment.range));
}
