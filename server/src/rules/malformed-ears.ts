import { EARS_PATTERN_NAMES, earsForm, type EarsForm, type EarsProblem } from '../model/ears';
import { acceptanceCriteria } from '../model/criteria';
import { commentHoles, hasHole } from '../model/holes';
import { contentChecker } from '../model/tracing';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';
import { completeEarsFixes } from './fixes/ears';

/**
 * Requirements and criteria written in EARS that miss a part of their pattern. A well-formed
 * EARS statement is as testable as a Given/When/Then criterion: the trigger is the test's
 * setup, the response its expected outcome. A malformed one leaves the builder to guess the
 * part that is missing.
 */
export const malformedEars: Rule<MalformedEarsData> = {
  id: 'malformed-ears',
  defaultSeverity: 'warning',
  dimension: 'verification',
  scoreRole: 'outcome',
  scope: { statements: ['requirement', 'criterion'] },
  docs: {
    description: 'Requirements and criteria written in EARS that miss part of their pattern (a trigger without a response, two SHALLs, no system named).',
    summary: 'A requirement or criterion written in EARS misses part of its pattern (a trigger without a response, two SHALLs, no system named).',
    rationale: 'EARS (Easy Approach to Requirements Syntax) makes each requirement one testable sentence: an optional '
      + 'state, trigger, unwanted condition or feature, then "the <system> shall <response>". Kiro and many '
      + 'requirement teams write acceptance criteria this way. When a part is missing, the sentence still looks like '
      + 'a requirement but cannot be tested: a trigger with no response says when, not what; a second SHALL hides a '
      + 'second requirement that nothing traces (so it is not reported when an acceptance criterion tests each '
      + 'response, read with the condition before it: "a failed write shall fail the request with `503`" beside a criterion '
      + 'that expects 503); without a system name nobody knows which component must respond.',
    bad: '1. WHEN a refund fails THEN SHALL notify.\n2. WHEN a refund succeeds THEN the service SHALL send an email and SHALL update the ledger.',
    good: '1. WHEN a refund fails THEN the notifications service SHALL send the "refund-failed" email within 60 seconds.\n'
      + '2. WHEN a refund succeeds THEN the ledger service SHALL record a `refund` entry.',
    sources: [
      'Mavin, Wilkinson, Harwood, Novak: Easy Approach to Requirements Syntax (EARS), IEEE RE 2009',
      'Kiro requirements documents (EARS acceptance criteria)',
    ],
  },
  fixes: (finding, context) => completeEarsFixes(context, finding),
  check(model: SpecModel, context: RuleContext): RawFinding<MalformedEarsData>[] {
    const earsDocument = context.profile.name === 'kiro';
    const findings: RawFinding<MalformedEarsData>[] = [];
    const holes = commentHoles(model);
    const raw = (statement: { startOffset: number; endOffset: number }) => model.text.slice(statement.startOffset, statement.endOffset);
    // Built on the first requirement with several SHALLs, once for the document; null without criteria.
    let checkedByCriterion: ((text: string) => boolean) | null | undefined;
    const criterionChecker = (): ((text: string) => boolean) | null => {
      const criteria = acceptanceCriteria(model).map((criterion) => criterion.text);
      const requirements = context.scope.statements.filter((statement) => statement.role === 'requirement');
      return criteria.length === 0 ? null : contentChecker(requirements.map(raw), criteria);
    };
    for (const statement of context.scope.statements) {
      // Not written yet: the placeholder rule reports the hole.
      if (hasHole(holes, statement.range)) continue;
      const form = earsForm(statement.text);
      if (!form || form.problems.length === 0 || !meantAsEars(form, statement.text, earsDocument)) continue;
      // A second SHALL hides a second requirement only when nothing checks it: a requirement each
      // of whose responses an acceptance criterion tests has them all traced (model/tracing).
      const problems = form.problems.filter((problem) => problem !== 'several-shalls' || statement.role !== 'requirement'
        || !everyResponseChecked(raw(statement), (checkedByCriterion ??= criterionChecker())));
      if (problems.length === 0) continue;
      findings.push({
        message: `Malformed EARS requirement, almost ${EARS_PATTERN_NAMES[form.pattern]}: ${problems.map(describe).join('; ')}.`,
        range: statement.range,
        data: { pattern: form.pattern, problems },
      });
    }
    return findings;
  },
};

/**
 * An ordinary sentence that happens to open with "If" or "When" is not EARS. It is when it says
 * "shall", writes the keywords in capitals (Kiro), or sits in a document of an EARS format.
 */
function meantAsEars(form: EarsForm, text: string, earsDocument: boolean): boolean {
  return /\bshall\b/i.test(text) || form.keywordsInCapitals || earsDocument;
}

/**
 * Whether every response of a requirement with several SHALLs is tested by a criterion: each
 * response read with the condition and subject before the first SHALL, its words as distinctive
 * as they are among the document's requirements.
 */
function everyResponseChecked(text: string, checkedByCriterion: ((text: string) => boolean) | null): boolean {
  const [head = '', ...responses] = text.split(/\bshall\b/i);
  if (!checkedByCriterion || responses.length < 2) return false;
  return responses.every((response) => checkedByCriterion(`${head} shall ${response}`));
}

function describe(problem: EarsProblem): string {
  switch (problem) {
    case 'no-response': return 'the condition has no response: add "the <system> shall <response>"';
    case 'several-shalls': return 'it has more than one "shall": write one requirement per response';
    case 'no-system': return 'no system is named before "shall": write "the <system> shall …"';
    case 'empty-response': return 'nothing concrete follows "shall": state the response';
    case 'empty-condition': return 'a While/When/If/Where clause is empty: state the condition';
  }
}

/** What a finding of this rule carries in `data`. */
export type MalformedEarsData = {
  pattern: string;
  problems: string[];
};
