import type { Rule } from './types';
// One import per rule file; keep this list sorted by rule id.
import { apiFileMismatch } from './api-file-mismatch';
import { brokenLink } from './broken-link';
import { duplicateId } from './duplicate-id';
import { emptySection } from './empty-section';
import { invalidApiFile } from './invalid-api-file';
import { invalidExample } from './invalid-example';
import { invalidCodeBlock } from './invalid-code-block';
import { genericDefinitionOfDone } from './generic-definition-of-done';
import { hiddenContext } from './hidden-context';
import { interfaceIncomplete } from './interface-incomplete';
import { invalidFrontMatter } from './invalid-front-matter';
import { malformedEars } from './malformed-ears';
import { missingSection } from './missing-section';
import { openQuestion } from './open-question';
import { placeholder } from './placeholder';
import { requirementBlock } from './requirement-block';
import { secret } from './secret';
import { undefinedTerm } from './undefined-term';
import { unknownReference } from './unknown-reference';
import { unmeasurableRequirement } from './unmeasurable-requirement';
import { untestableCriterion } from './untestable-criterion';
import { untracedRequirement } from './untraced-requirement';
import { vagueTerm } from './vague-term';
import { weakModal } from './weak-modal';

/** Every rule, frozen: callers that want fewer pass their own list to the engine. */
export const RULES: readonly Rule[] = Object.freeze([
  apiFileMismatch,
  brokenLink,
  duplicateId,
  emptySection,
  genericDefinitionOfDone,
  hiddenContext,
  interfaceIncomplete,
  invalidApiFile,
  invalidCodeBlock,
  invalidExample,
  invalidFrontMatter,
  malformedEars,
  missingSection,
  openQuestion,
  placeholder,
  requirementBlock,
  secret,
  undefinedTerm,
  unknownReference,
  unmeasurableRequirement,
  untestableCriterion,
  untracedRequirement,
  vagueTerm,
  weakModal,
].map((rule) => Object.freeze(rule)));

const BY_ID = new Map(RULES.flatMap((rule) => [[rule.id, rule] as const, ...(rule.aliases ?? []).map((alias) => [alias, rule] as const)]));

/** The rule with this id or former id. */
export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** The current id for a rule id or a former id; unknown ids are returned unchanged. */
export function canonicalRuleId(id: string): string {
  return BY_ID.get(id)?.id ?? id;
}

export const RULE_IDS: readonly string[] = Object.freeze(RULES.map((rule) => rule.id));
