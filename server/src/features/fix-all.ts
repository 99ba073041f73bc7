/**
 * "Fix all": every safe fix of a document at once, for `source.fixAll.specready` (and so for
 * `editor.codeActionsOnSave`) and the per-rule "Fix all <rule> problems". A fix is safe when it
 * is the preferred fix of its finding, is not a suppression, and rewrites wording in place with
 * finished text: no line breaks (no inserted sections or criteria, which come with guidance to
 * replace), no snippet tab stops and nothing the placeholder rule would report. Fixes that
 * leave holes for the author stay in the quick-fix menu. Overlapping fixes keep the first.
 */
import { analyzeSpec, type AnalysisResult } from '../engine/analyze';
import { quickFixesFor, type TextEdit } from '../fixes';
import { offsetAt } from '../model/text';
import { placeholder } from '../rules/placeholder';

export interface FixAll {
  /** Rules whose findings the edits fix, with how many. */
  rules: Record<string, number>;
  edits: TextEdit[];
}

/** Every safe fix of the document, or only those of one rule. */
export function fixAll(result: AnalysisResult, rule?: string): FixAll {
  const taken: Array<{ start: number; end: number }> = [];
  const fixed: Record<string, number> = {};
  const edits: TextEdit[] = [];
  for (const finding of result.findings) {
    if (rule && finding.rule !== rule) continue;
    const fix = quickFixesFor(result, finding).find((candidate) => candidate.isPreferred && candidate.rule === finding.rule);
    if (!fix || fix.edits.length === 0 || !fix.edits.every(isFinishedText)) continue;
    const spans = fix.edits.map((edit) => ({ start: offsetAt(result.model, edit.range.start), end: offsetAt(result.model, edit.range.end) }));
    if (spans.some((span) => taken.some((other) => span.start < other.end && other.start < span.end || (span.start === other.start && span.end === other.end)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits.map(({ range, newText }) => ({ range, newText })));
    fixed[finding.rule] = (fixed[finding.rule] ?? 0) + 1;
  }
  return { rules: fixed, edits };
}

/** Rules with at least two safely fixable findings: each gets a "Fix all" entry in the quick-fix menu. */
export function fixAllRules(result: AnalysisResult): string[] {
  return Object.entries(fixAll(result).rules).filter(([, count]) => count >= 2).map(([rule]) => rule);
}

/** Text a reader can take as written: one line, no tab stops, no placeholder. */
function isFinishedText(edit: TextEdit): boolean {
  if (edit.snippet !== undefined || /[\r\n]/.test(edit.newText)) return false;
  if (edit.newText.trim() === '') return true;
  return analyzeSpec(edit.newText, { rules: [placeholder] }).findings.length === 0;
}
