import { requirementIndex, type IdDefinition } from '../model/requirements';
import type { SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { withText } from './question-text';

/** The same requirement or criterion id defined more than once. */
export const duplicateId: Rule<DuplicateIdData> = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  dimension: 'verification',
  scoreRole: 'integrity',
  docs: {
    description: 'The same requirement id defined more than once.',
    summary: 'A requirement or criterion id is defined twice.',
    rationale: 'Ids are how the contractor, the tests and the tracker talk about a requirement. Two requirements '
      + 'with one id make every reference ambiguous: which one did the test cover, which one was descoped?',
    bad: '- REQ-3: Orders MUST be paginated.\n- REQ-3: Orders MUST be sorted by date.',
    good: '- REQ-3: Orders MUST be paginated.\n- REQ-4: Orders MUST be sorted by date.',
  },
  question: duplicateIdQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<DuplicateIdData>[] {
    const first = new Map<string, IdDefinition>();
    const findings: RawFinding<DuplicateIdData>[] = [];
    for (const definition of requirementIndex(model, context.idPattern).definitions) {
      const original = first.get(definition.id);
      if (!original) {
        first.set(definition.id, definition);
        continue;
      }
      findings.push({
        message: `${definition.id} is already defined on line ${original.range.start.line + 1}.`,
        range: definition.range,
        data: { id: definition.id, firstLine: original.range.start.line },
      });
    }
    return findings;
  },
};

function duplicateIdQuestion(finding: Finding): string | undefined {
  const data: Partial<DuplicateIdData> = dataOf(duplicateId, finding) ?? {};
  return withText(data.id, (id) => {
    const first = typeof data.firstLine === 'number' ? ` (line ${data.firstLine + 1} and line ${finding.range.start.line + 1})` : '';
    return `Which requirement is ${id}? The id is defined twice${first}.`;
  });
}

/** What a finding of this rule carries in `data`. */
export type DuplicateIdData = {
  id: string;
  /** Zero-based line of the first definition. */
  firstLine: number;
};
