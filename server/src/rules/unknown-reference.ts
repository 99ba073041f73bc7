import { requirementIndex } from '../model/requirements';
import type { SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { withText } from './question-text';

/**
 * References to ids that are never defined. Only ids whose prefix the document itself uses for
 * requirement definitions are checked, so that "UTF-8", "ISO-8601" or "KEP-1234" are never taken
 * for requirement ids (criterion ids are rarely referenced and a stray "AC-1" outside the
 * criteria is not worth an error).
 */
export const unknownReference: Rule<UnknownReferenceData> = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  dimension: 'verification',
  scoreRole: 'integrity',
  docs: {
    description: 'A reference to a requirement id that is never defined.',
    summary: 'An id is referenced but never defined.',
    rationale: 'A criterion that covers "REQ-7" when the spec defines REQ-1 to REQ-5 points at a requirement the '
      + 'contractor cannot read: it was renamed, deleted or lives in another document. Ids that name other documents '
      + 'and standards (`RFC-7231`, `PEP-8`, `ISO-8601`, `UTF-8`, `CVE-...`), ids inside a link to another document '
      + '(`[REQ-9](billing.spec.md#req-9)`) and ids followed by "section", "Annex" or "conformance" are references to '
      + 'those documents; this rule, `duplicate-id` and `untraced-requirement` never count them as this spec\'s ids.',
    bad: '## Requirements\n- REQ-1: ...\n\n## Acceptance Criteria\n- AC-1 (REQ-2): Given ...',
    good: '## Requirements\n- REQ-1: ...\n\n## Acceptance Criteria\n- AC-1 (REQ-1): Given ...',
  },
  question: unknownReferenceQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<UnknownReferenceData>[] {
    const index = requirementIndex(model, context.idPattern);
    const defined = new Set(index.definitions.map((definition) => definition.id));
    const requirementPrefixes = new Set(index.definitions.filter((d) => d.kind === 'requirement').map((d) => d.prefix));
    return index.references
      .filter((reference) => requirementPrefixes.has(reference.prefix) && !defined.has(reference.id))
      .map((reference) => ({
        message: `${reference.id} is referenced but not defined in this spec.`,
        range: reference.range,
        data: { id: reference.id },
      }));
  },
};

function unknownReferenceQuestion(finding: Finding): string | undefined {
  return withText(dataOf(unknownReference, finding)?.id, (id) => `What is ${id}? The spec refers to it but never defines it.`);
}

/** What a finding of this rule carries in `data`. */
export type UnknownReferenceData = {
  id: string;
};
