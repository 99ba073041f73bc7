import type { SpecModel } from '../model/types';
import type { SectionId } from '../sections/catalog';
import { contractInputFromModel } from './contract';
import { sectionRoles } from './roles';
import { isSpecific } from './specific';
import { modelReadsAsRequirement, statementsOf, statesQuantity, traitsOf } from './statements';

/**
 * Every canonical id the document covers: the roles of its sections, plus pieces written
 * without a section of their own: an "Out of scope: ..." or "Not building: ..." line, user
 * stories ("As a ..., I want ...") or an "In scope:" line for scope, Given/When/Then scenarios
 * for acceptance criteria, binding statements outside discussion, and statements the statement model
 * reads as requirements in design sections (what the system does), for requirements.
 */
export function presentSections(model: SpecModel): Set<SectionId> {
  let present = presentCache.get(model);
  if (present) return present;
  present = new Set<SectionId>();
  const roles = sectionRoles(model);
  for (const ids of roles.values()) for (const id of ids) present.add(id);
  let bindingCount = 0;
  for (const statement of statementsOf(model)) {
    const text = statement.text.replace(/^[\s*_>#]+/, '');
    if (OUT_OF_SCOPE_LABEL.test(text) || OUT_OF_SCOPE_CLAUSE.test(text)) present.add('out-of-scope');
    if (SCOPE_LABEL.test(text) || USER_STORY.test(text)) present.add('scope');
    const ids = statement.section ? roles.get(statement.section) ?? [] : [];
    if (ids.some((id) => DISCUSSION.includes(id)) || !statement.section) continue;
    const traits = traitsOf(statement);
    if (traits.scenario) present.add('acceptance-criteria');
    if (traits.binding && isSpecific(statement.text)) {
      bindingCount++;
      if (statesQuantity(statement)) present.add('non-functional');
    } else if (modelReadsAsRequirement(model, statement) && isSpecific(statement.text)) {
      // "A variable the schema requires that the file lacks is an error": behaviour stated in a design section.
      bindingCount++;
    }
  }
  if (bindingCount >= 3) present.add('requirements');
  const contract = contractInputFromModel(model);
  if (contract.interfaces.length > 0) present.add('api-contract');
  if (contract.fields.some((field) => field.typed) || contract.examples > 0) present.add('inputs-outputs');
  presentCache.set(model, present);
  return present;
}

const presentCache = new WeakMap<SpecModel, Set<SectionId>>();
const OUT_OF_SCOPE_LABEL = /^(?:out of scope|not in scope|non[- ]goals?|not building|excluded|exclusions|we are not building|not part of this work)\b[^:]{0,20}:\s*\S/i;
const OUT_OF_SCOPE_CLAUSE = /\b(?:is|are) (?:out of scope|not in scope|not part of this work)\b/i;
const SCOPE_LABEL = /^(?:in scope|scope|building|we are building|deliverables?)\b[^:]{0,20}:\s*\S/i;
const USER_STORY = /\bas an? [^,.]{2,60}, i (?:want|need|would like)\b/i;
const DISCUSSION: readonly SectionId[] = ['context', 'out-of-scope', 'open-questions', 'dependencies-access', 'rollback'];
