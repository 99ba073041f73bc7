import type { AnalysisResult } from '../engine/analyze';
import type { Finding } from '../rules/types';
import { criteriaFixes, rewriteCriterionFix } from './criteria';
import { checkableDoneFix } from './done';
import { completeEarsFixes, rewriteAsEarsFix } from './ears';
import { interfaceFixes } from './interfaces';
import { insertAllSectionsFix, insertSectionFix } from './sections';
import { suppressionFixes } from './suppress';
import { defineTermFix } from './terms';
import type { QuickFix } from './types';
import { measurablePlaceholderFix, weakModalFixes } from './wording';

export type { QuickFix, TextEdit } from './types';

/** Every quick fix for one finding, the preferred one first, suppressions last. */
export function quickFixesFor(result: AnalysisResult, finding: Finding): QuickFix[] {
  const fixes: Array<QuickFix | undefined> = [];
  switch (finding.rule) {
    case 'missing-section':
      fixes.push(...(finding.data?.section === 'acceptance-criteria' ? criteriaFixes(result, finding) : [insertSectionFix(result, finding)]));
      if (finding.severity !== 'hint') fixes.push(insertAllSectionsFix(result));
      break;
    case 'untraced-requirement':
      fixes.push(...criteriaFixes(result, finding));
      break;
    case 'untestable-criterion':
      fixes.push(rewriteCriterionFix(result, finding));
      // Documents that write criteria in EARS (Kiro) get the EARS shape too.
      if (result.profile === 'kiro') fixes.push(rewriteAsEarsFix(result, finding));
      break;
    case 'malformed-ears':
      fixes.push(...completeEarsFixes(result, finding));
      break;
    case 'vague-term':
    case 'unmeasurable-requirement':
      fixes.push(measurablePlaceholderFix(finding));
      break;
    case 'weak-modal':
      fixes.push(...weakModalFixes(finding));
      break;
    case 'interface-incomplete':
      fixes.push(...interfaceFixes(result, finding));
      break;
    case 'generic-definition-of-done':
      fixes.push(checkableDoneFix(result, finding));
      break;
    case 'undefined-term':
      fixes.push(defineTermFix(result, finding));
      break;
  }
  fixes.push(...suppressionFixes(result, finding));
  return fixes.filter((fix): fix is QuickFix => !!fix)
    .map((fix) => ({ ...fix, hasHoles: fix.edits.some((edit) => edit.snippet !== undefined) }));
}
