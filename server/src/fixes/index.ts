import type { AnalysisResult } from '../engine/analyze';
import { findRule } from '../rules/registry';
import type { Finding } from '../rules/types';
import { suppressionFixes } from './suppress';
import type { QuickFix } from './types';

export type { QuickFix, TextEdit } from './types';

/**
 * Every quick fix for one finding: the rule's own fixes (declared next to its check), the
 * preferred one first, then the suppressions.
 */
export function quickFixesFor(result: AnalysisResult, finding: Finding): QuickFix[] {
  const fixes: Array<QuickFix | undefined> = [...(findRule(finding.rule)?.fixes?.(finding, result) ?? [])];
  fixes.push(...suppressionFixes(result, finding));
  return fixes.filter((fix): fix is QuickFix => !!fix)
    .map((fix) => ({ ...fix, hasHoles: fix.edits.some((edit) => edit.snippet !== undefined) }));
}
