import { acceptanceCriteria } from '../model/criteria';
import { requirementIndex, type IdDefinition } from '../model/requirements';
import { coveredByContent } from '../model/tracing';
import type { SpecModel } from '../model/types';
import type { Finding, FixContext, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { criteriaFixes } from './fixes/criteria';
import { plainText, shortened, withText } from './question-text';

/** Requirement ids that no acceptance criterion references. */
export const untracedRequirement: Rule<UntracedRequirementData> = {
  id: 'untraced-requirement',
  defaultSeverity: 'warning',
  dimension: 'verification',
  scoreRole: 'trace',
  docs: {
    description: 'Requirements that cannot be traced to an id or to acceptance criteria.',
    summary: 'A requirement is not covered by any acceptance criterion.',
    rationale: 'A contractor proves the work is done by passing the acceptance criteria. A requirement that no '
      + 'criterion references has no agreed test, so it is either skipped or built to a guess. Reference each '
      + 'requirement id from at least one criterion.',
    bad: '## Requirements\n- REQ-1: Refunds MUST be idempotent.\n\n## Acceptance Criteria\n- Given a paid order, when a refund is requested, then the status is `refunded`.',
    good: '## Requirements\n- REQ-1: Refunds MUST be idempotent.\n\n## Acceptance Criteria\n- AC-1 (REQ-1): Given a refunded order, when the same refund request is repeated, then the response is 200 and no second refund is created.',
    options: '`idPattern` (default `[A-Z][A-Z0-9]*-\\d+`) sets what a requirement id looks like.',
  },
  question: untracedQuestion,
  fixes: (finding, context) => criteriaFixes(context, finding, { untraced: untracedIds(context), id: String(dataOf(untracedRequirement, finding)?.id), missingSection: false }),
  check(model: SpecModel, context: RuleContext): RawFinding<UntracedRequirementData>[] {
    const index = requirementIndex(model, context.idPattern);
    const traced = new Set(index.criteriaReferences.map((reference) => reference.id));
    const requirements = index.definitions.filter((definition) => definition.kind === 'requirement');
    // Criteria that name no requirement id at all trace by what they test (model/tracing): a
    // requirement is untraced only when no criterion tests its literals or distinctive words.
    const byContent = traced.size === 0 ? testedByContent(model, requirements) : undefined;
    const reported = new Set<string>();
    const findings: RawFinding<UntracedRequirementData>[] = [];
    for (const [position, definition] of requirements.entries()) {
      if (traced.has(definition.id) || reported.has(definition.id) || byContent?.[position]) continue;
      reported.add(definition.id);
      findings.push({
        message: byContent
          ? `Requirement ${definition.id} is not referenced by any acceptance criterion, and no criterion tests what it states.`
          : `Requirement ${definition.id} is not referenced by any acceptance criterion.`,
        range: definition.range,
        data: { id: definition.id, requirement: requirementText(definitionText(definition), definition.id) },
      });
    }
    return findings;
  },
};

/** For each requirement, whether an acceptance criterion tests what it states. */
function testedByContent(model: SpecModel, requirements: readonly IdDefinition[]): boolean[] {
  return coveredByContent(requirements.map(definitionText), acceptanceCriteria(model).map((criterion) => criterion.text));
}

function definitionText(definition: IdDefinition): string {
  return definition.sentence.listItem?.text ?? definition.sentence.text;
}

/** The requirement's wording without its id and markup, for criterion templates. */
function requirementText(text: string, id: string): string {
  return text.replace(/[*_`]/g, '').replace(id, '').replace(/^[\s:.)\]-]+/, '').trim();
}

/** The requirement ids this rule reported, in document order: those no criterion references yet. */
export function untracedIds(context: FixContext): string[] {
  return context.findings.filter((finding) => finding.rule === untracedRequirement.id).map((finding) => String(dataOf(untracedRequirement, finding)?.id));
}

function untracedQuestion(finding: Finding): string | undefined {
  const data: Partial<UntracedRequirementData> = dataOf(untracedRequirement, finding) ?? {};
  return withText(data.id, (id) => {
    const requirement = plainText(data.requirement);
    return `How will ${id}${requirement ? ` ("${shortened(requirement, 80)}")` : ''} be accepted? No acceptance criterion tests it: which check proves it is done?`;
  });
}

/** What a finding of this rule carries in `data`. */
export type UntracedRequirementData = {
  id: string;
  requirement: string;
};
