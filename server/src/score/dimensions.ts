import type { SpecModel } from '../model/types';
import { PART_LABELS, type InterfacePart } from '../model/interfaces';
import { sectionDefinition, type SectionId } from '../sections/catalog';
import type { Profile } from '../sections/profiles';
import { presentSections } from './present';
import { sectionRoles } from './roles';
import type { ContractInput } from './contract';
import type { JudgedStatement, ScoredFinding } from './evidence';
import type { ScoreReason } from './types';
import { statesQuantity } from './statements';

/** A dimension before weighting: a 0-1 value and the reasons it is below 1, each with the share it costs. */
export interface RawDimension {
  value: number;
  evidence: string;
  reasons: Array<Omit<ScoreReason, 'lost'> & { cost: number }>;
}

export interface DimensionInputs {
  model: SpecModel;
  profile: Profile;
  statements: JudgedStatement[];
  findings: ScoredFinding[];
  contract: ContractInput;
}

/** How many specific statements a dimension needs before its volume stops limiting it. */
export const ENOUGH = { requirements: 3, criteria: 3, done: 2 } as const;

/** Points of self-containment (out of 100) each kind of finding costs. */
export const SELF_CONTAINED_COST = { credential: 50, 'unshared-knowledge': 15, 'stand-in': 15, undecided: 10, integrity: 10 } as const;
/** Points an integrity problem (unparsable block, duplicate or unknown id) costs in its dimension. */
export const INTEGRITY_COST = 10;

const MAX_ITEMS = 6;

export function structure({ model, profile, statements, contract }: DimensionInputs): RawDimension {
  const required = profile.required;
  if (required.length === 0) return { value: 1, evidence: 'the profile requires no sections', reasons: [] };
  const roles = sectionRoles(model);
  const present = presentSections(model);
  const missing: string[] = [];
  const hollow: string[] = [];
  for (const id of required) {
    const sections = [...roles.entries()].filter(([, ids]) => ids.includes(id)).map(([section]) => section);
    // A piece written without a section of its own counts by its content; a section of that
    // name must have the substance itself.
    const substance = sections.length > 0
      ? statements.some((s) => s.statement.section && sections.includes(s.statement.section) && s.specific)
        || model.codeBlocks.some((block) => block.section && sections.includes(block.section) && block.content.trim() !== '')
      : contentEvidence(id, statements, contract);
    if (substance) continue;
    const title = sectionDefinition(id)?.title ?? id;
    if (present.has(id)) hollow.push(title);
    else missing.push(title);
  }
  const share = 1 / required.length;
  const reasons: RawDimension['reasons'] = [];
  if (missing.length > 0) {
    reasons.push({ message: `${count(missing.length, 'required section')} missing: ${missing.join(', ')}`, cost: missing.length * share, items: missing });
  }
  if (hollow.length > 0) {
    reasons.push({
      message: `${count(hollow.length, 'section')} without substance (only generic sentences, no value, name or identifier): ${hollow.join(', ')}`,
      cost: hollow.length * share, items: hollow,
    });
  }
  const credited = required.length - missing.length - hollow.length;
  return { value: credited / required.length, evidence: `${credited} of ${required.length} required sections with substance`, reasons };
}

/** A required piece that the spec gives outside a section of that name. */
function contentEvidence(id: SectionId, statements: JudgedStatement[], contract: ContractInput): boolean {
  switch (id) {
    case 'requirements': return statements.some((s) => s.requirement && s.specific);
    case 'acceptance-criteria': return statements.some((s) => s.criterion && s.observable);
    case 'api-contract': return contract.interfaces.length > 0;
    case 'inputs-outputs': return contract.fields.some((f) => f.typed) || contract.examples > 0;
    case 'non-functional': return statements.some((s) => s.requirement && s.specific && statesQuantity(s.statement));
    default: return false;
  }
}

export function requirements({ statements, profile }: DimensionInputs): RawDimension {
  const all = statements.filter((s) => s.requirement);
  if (all.length === 0) {
    return { value: 0, evidence: 'no requirements', reasons: [{ message: 'no requirements: state each behaviour as a binding statement (MUST/SHALL) with its values', cost: 1 }] };
  }
  const qualities = all.filter((s) => s.roles.includes('non-functional'));
  const behaviour = all.filter((s) => !s.roles.includes('non-functional'));
  // What it does and how well: when the profile asks for quality targets, they are half of it.
  const split = profile.required.includes('non-functional') ? NFR_SHARE : qualities.length > 0 ? NFR_SHARE : 0;
  const reasons: RawDimension['reasons'] = [];
  const part = (list: JudgedStatement[], what: string, weight: number): number => {
    if (weight === 0) return 0;
    if (list.length === 0) {
      reasons.push({ message: what === 'requirements' ? 'no functional requirements' : 'no non-functional requirements: state latency, throughput, limits and availability with numbers', cost: weight });
      return 0;
    }
    const specific = list.filter((s) => s.specific);
    const share = specific.length / list.length;
    const volume = what === 'requirements' ? Math.min(1, specific.length / ENOUGH.requirements) : 1;
    const vague = list.filter((s) => !s.specific);
    if (vague.length > 0) {
      reasons.push({
        message: `${vague.length} of ${list.length} ${what} are not specific (${commonWeakness(vague)})`,
        cost: weight * (1 - share), items: labels(vague), line: vague[0]?.statement.range.start.line,
      });
    }
    if (volume < 1) {
      reasons.push({ message: `only ${count(specific.length, 'specific requirement')}; a contractor needs each behaviour stated (${ENOUGH.requirements} or more)`, cost: weight * share * (1 - volume) });
    }
    return weight * share * volume;
  };
  let value = part(behaviour, 'requirements', 1 - split);
  if (qualities.length > 0 || split === 0) {
    value += part(qualities, 'non-functional requirements', split);
  } else {
    // No non-functional section: measured requirements elsewhere are the quality targets.
    const measured = behaviour.filter((s) => s.specific && statesQuantity(s.statement)).length;
    const share = Math.min(1, measured / ENOUGH.requirements);
    if (share < 1) {
      reasons.push({ message: `only ${count(measured, 'measured quality target')} (latency, throughput, limits, availability; ${ENOUGH.requirements} or more expected)`, cost: split * (1 - share) });
    }
    value += split * share;
  }
  const specificCount = all.filter((s) => s.specific).length;
  return { value, evidence: `${all.length} requirements (${qualities.length} non-functional), ${specificCount} specific`, reasons };
}

/** Share of requirements that is about qualities (latency, limits, availability) when the profile asks for them. */
export const NFR_SHARE = 0.5;


export function contract({ contract: input }: DimensionInputs): RawDimension {
  const { interfaces, fields, examples } = input;
  if (interfaces.length === 0 && fields.length === 0 && examples === 0) {
    return { value: 0, evidence: 'no interfaces or data', reasons: [{ message: 'no contract: describe each interface (endpoint, message, file, job, function, command) with its input, output, errors and auth', cost: 1 }] };
  }
  let expected = 0;
  let given = 0;
  const gaps = new Map<string, string[]>();
  for (const item of interfaces) {
    for (const [part, present] of Object.entries(item.parts)) {
      expected++;
      if (present) given++;
      else gaps.set(part, [...(gaps.get(part) ?? []), item.name]);
    }
  }
  const parts = expected === 0 ? 0 : given / expected;
  const typedFields = fields.filter((f) => f.typed).length;
  const types = fields.length > 0 ? typedFields / fields.length : examples > 0 ? 0.5 : 0;
  const PARTS = 0.7;
  const value = PARTS * parts + (1 - PARTS) * types;
  const reasons: RawDimension['reasons'] = [];
  if (interfaces.length === 0) {
    reasons.push({ message: 'no interface (endpoint, message, file, job, function, command, API type) is described', cost: PARTS });
  }
  for (const [part, names] of gaps) {
    reasons.push({
      message: `${count(names.length, 'interface')} without ${partLabel(part)}`,
      cost: PARTS * (names.length / expected), items: names.slice(0, MAX_ITEMS),
    });
  }
  if (types < 1) {
    const untyped = fields.filter((f) => !f.typed);
    reasons.push(fields.length > 0
      ? { message: `${untyped.length} of ${fields.length} fields have no type or format`, cost: (1 - PARTS) * (1 - types), items: untyped.slice(0, MAX_ITEMS).map((f) => f.name), line: untyped[0]?.line }
      : { message: examples > 0 ? 'data is shown only by example: give each input and output field its type and format' : 'no inputs or outputs with types and formats', cost: (1 - PARTS) * (1 - types) });
  }
  return { value, evidence: `${interfaces.length} interfaces (${given} of ${expected} parts), ${typedFields} of ${fields.length} fields typed`, reasons };
}

/** How the contract's reasons name a part an interface lacks ("1 interface without error cases"). */
export function partLabel(part: string): string {
  return PART_LABEL[part] ?? PART_LABELS[part as InterfacePart] ?? part;
}

const PART_LABEL: Record<string, string> = {
  request: 'a typed request or input',
  response: 'a response or output (example, schema or success status)',
  errors: 'error cases',
  auth: 'authentication',
  payload: 'a payload (schema or example)',
  format: 'a format',
  schedule: 'a schedule or trigger',
  inputs: 'typed inputs',
  output: 'an output',
  idempotency: 'idempotency (what a repeated request does)',
  pagination: 'pagination',
  channel: 'a topic or queue',
  location: 'a location',
};

/** Words of a criterion that exercises a failure path rather than the happy path. */
const FAILURE = /\b(?:[45]\d\d|errors?|fails?|failed|failure|rejects?|rejected|invalid|denied|forbidden|unauthori[sz]ed|timeouts?|timed out|unavailable|declined|retr(?:y|ies|ied)|conflict|not found|expired|dead[- ]letter|dlq|malformed|exceeds?|limited|unreachable|down|stopped)\b/i;
/** Share of verification that needs a checked failure path when the contract has error cases to check. */
export const FAILURE_PATH_SHARE = 0.2;

export function verification({ statements, contract }: DimensionInputs): RawDimension {
  const criteria = statements.filter((s) => s.criterion);
  if (criteria.length === 0) {
    return { value: 0, evidence: 'no acceptance criteria', reasons: [{ message: 'no acceptance criteria: add Given/When/Then criteria with observable outcomes', cost: 1 }] };
  }
  const observable = criteria.filter((s) => s.observable);
  const share = observable.length / criteria.length;
  const requirements = statements.filter((s) => s.requirement);
  const coverage = coverageOf(requirements, criteria);
  const volume = Math.min(1, observable.length / ENOUGH.criteria);
  const SHARE = coverage ? 0.6 : 1;
  let base = SHARE * share + (coverage ? (1 - SHARE) * coverage.value : 0);
  const reasons: RawDimension['reasons'] = [];
  // Interfaces with error cases need at least one criterion that goes down a failure path.
  const errorsExpected = contract.interfaces.some((item) => 'errors' in item.parts);
  if (errorsExpected && !observable.some((c) => FAILURE.test(c.statement.prose) || FAILURE.test(c.statement.text))) {
    reasons.push({ message: 'no criterion checks a failure path (an error status, a rejection, a timeout or a retry)', cost: FAILURE_PATH_SHARE * base });
    base *= 1 - FAILURE_PATH_SHARE;
  }
  const value = base * volume;
  const weak = criteria.filter((s) => !s.observable);
  if (weak.length > 0) {
    reasons.push({ message: `${weak.length} of ${criteria.length} criteria have no observable outcome`, cost: SHARE * (1 - share), items: labels(weak), line: weak[0]?.statement.range.start.line });
  }
  if (coverage && coverage.value < 1) {
    reasons.push({ message: coverage.message, cost: (1 - SHARE) * (1 - coverage.value), items: coverage.items });
  }
  if (volume < 1) {
    reasons.push({ message: `only ${count(observable.length, 'checkable criterion', 'checkable criteria')} (${ENOUGH.criteria} or more expected)`, cost: base - value });
  }
  return { value, evidence: `${criteria.length} criteria, ${observable.length} observable`, reasons };
}

/**
 * Requirements covered by criteria: by id when requirements have ids (a criterion names them,
 * or is itself the requirement, as in EARS), otherwise by count.
 */
function coverageOf(requirements: JudgedStatement[], criteria: JudgedStatement[]): { value: number; message: string; items?: string[] } | undefined {
  if (requirements.length === 0) return undefined;
  const referenced = new Set(criteria.filter((c) => c.observable).flatMap((c) => c.ids));
  const withIds = requirements.filter((r) => r.definesId);
  const tracing = withIds.some((r) => r.criterion || referenced.has(r.definesId as string));
  if (withIds.length > 0 && tracing) {
    const uncovered = withIds.filter((r) => !r.criterion && !referenced.has(r.definesId as string));
    return { value: 1 - uncovered.length / withIds.length, message: `${uncovered.length} of ${withIds.length} requirements are covered by no checkable criterion`, items: labels(uncovered) };
  }
  const own = requirements.filter((r) => !r.criterion);
  if (own.length === 0) return { value: 1, message: '' };
  const checkable = criteria.filter((c) => c.observable).length;
  const value = Math.min(1, checkable / own.length);
  const how = withIds.length > 0 ? 'no criterion names a requirement id' : 'requirements have no ids';
  return { value, message: `${checkable} checkable criteria for ${own.length} requirements, and ${how}: name the requirement each criterion covers` };
}

export function done({ statements, findings }: DimensionInputs): RawDimension {
  const items = statements.filter((s) => s.done);
  if (items.length === 0) {
    return { value: 0, evidence: 'no definition of done', reasons: [{ message: 'no definition of done: list the concrete checks (tests in CI, docs, deployment, sign-off) that finish the work', cost: 1 }] };
  }
  // A finding on a definition-of-done heading judges the whole list (only generic items): none of its items is concrete.
  const judged = new Set(findings.filter((f) => f.dimension === 'done' && f.role === 'wording').map((f) => f.finding.range.start.line));
  const judgedWhole = (s: JudgedStatement) => {
    for (let section = s.statement.section; section; section = section.parent) if (judged.has(section.headingRange.start.line)) return true;
    return false;
  };
  const concrete = items.filter((s) => s.specific && !judgedWhole(s));
  const share = concrete.length / items.length;
  // "T1-T9 pass in CI, docs/runbook.md covers replay, and a reviewer approved the PR" is three checks.
  const checks = concrete.reduce((sum, s) => sum + s.statement.text.split(/[;,]\s+(?:and\s+)?|\s+and\s+/).filter((c) => c.trim().length > 8).length, 0);
  const volume = Math.min(1, checks / ENOUGH.done);
  const value = share * volume;
  const reasons: RawDimension['reasons'] = [];
  const generic = items.filter((s) => !concrete.includes(s));
  if (generic.length > 0) {
    const why = generic.some((s) => s.specific) && generic.every(judgedWhole) ? 'only generic items: complete, tested, reviewed' : commonWeakness(generic);
    reasons.push({ message: `${generic.length} of ${items.length} done items are not concrete (${why})`, cost: 1 - share, items: labels(generic), line: generic[0]?.statement.range.start.line });
  }
  if (volume < 1) reasons.push({ message: `only ${count(checks, 'concrete check')} in the definition of done (${ENOUGH.done} or more expected)`, cost: share - value });
  return { value, evidence: `${items.length} done items, ${concrete.length} concrete`, reasons };
}

/** The roles whose findings make a spec depend on what it does not say, in the order their reasons are listed. */
const UNSELFCONTAINED = ['credential', 'unshared-knowledge', 'stand-in', 'undecided'] as const;

export function selfContained({ statements, findings }: DimensionInputs): RawDimension {
  if (statements.length === 0) {
    return { value: 0, evidence: 'nothing written', reasons: [{ message: 'nothing to judge: the spec has no content', cost: 1 }] };
  }
  const reasons: RawDimension['reasons'] = [];
  let points = 0;
  for (const role of UNSELFCONTAINED) {
    const matching = findings.filter((f) => f.role === role);
    const [first] = matching;
    if (!first) continue;
    const cost = matching.length * SELF_CONTAINED_COST[role];
    points += cost;
    // Named as the rule of the first finding calls its findings ("2 secrets").
    const { one, other } = first.counted ?? { one: first.finding.rule };
    reasons.push({ message: count(matching.length, one, other), cost: cost / 100, line: first.finding.range.start.line, items: lines(matching) });
  }
  const integrity = findings.filter((f) => f.role === 'integrity' && f.dimension === 'selfContained');
  if (integrity.length > 0) {
    points += integrity.length * SELF_CONTAINED_COST.integrity;
    reasons.push({ message: `${count(integrity.length, 'broken reference')}`, cost: integrity.length * SELF_CONTAINED_COST.integrity / 100, items: lines(integrity) });
  }
  const value = Math.max(0, 1 - points / 100);
  normalizeCosts(reasons, 1 - value);
  return { value, evidence: `${findings.filter((f) => (UNSELFCONTAINED as readonly string[]).includes(f.role)).length} self-containment findings`, reasons };
}

/** When capped costs add up to more than the loss, scale them down so the reasons add up. */
export function normalizeCosts(reasons: RawDimension['reasons'], loss: number): void {
  const total = reasons.reduce((sum, r) => sum + r.cost, 0);
  if (total <= loss || total === 0) return;
  for (const reason of reasons) reason.cost = reason.cost * loss / total;
}

function labels(statements: JudgedStatement[]): string[] {
  const all = statements.map((s) => s.label);
  return all.length > MAX_ITEMS ? [...all.slice(0, MAX_ITEMS), `${all.length - MAX_ITEMS} more`] : all;
}

function lines(findings: ScoredFinding[]): string[] {
  const all = findings.map((f) => `line ${f.finding.range.start.line + 1}`);
  return all.length > MAX_ITEMS ? [...all.slice(0, MAX_ITEMS), `${all.length - MAX_ITEMS} more`] : all;
}

function commonWeakness(statements: JudgedStatement[]): string {
  const tally = new Map<string, number>();
  for (const s of statements) tally.set(s.weakness ?? 'not specific', (tally.get(s.weakness ?? 'not specific') ?? 0) + 1);
  const [top = 'not specific'] = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([weakness]) => weakness);
  return top.toLowerCase().startsWith('no ') ? top : `e.g. ${top}`;
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
