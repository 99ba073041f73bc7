import { offsetAt } from '../model/text';
import type { SpecModel } from '../model/types';
import { dataOf, type Finding } from '../rules/types';
import { openQuestion } from '../rules/open-question';
import type { SectionId } from '../sections/catalog';
import type { Profile } from '../sections/profiles';
import { rolesOf } from '../score/roles';
import { contractInputFromModel, type ContractInput } from '../score/contract';
import * as dimensions from '../score/dimensions';
import { INTEGRITY_COST, normalizeCosts, type RawDimension } from '../score/dimensions';
import { judgeStatements, type ScoredFinding } from '../score/evidence';
import { DIMENSION_IDS, DIMENSION_LABELS, DIMENSION_WEIGHTS, type Breakdown, type CountedAs, type DimensionId, type ReadinessBlocker, type ScoreRole } from '../score/types';

export type { Breakdown, DimensionId, DimensionScore, ReadinessBlocker, ScoreReason, ScoreRole } from '../score/types';


/**
 * A ready spec has at least this much of each core dimension: the weighted mean lets strong
 * parts hide one that is mostly missing, and a contractor cannot build around missing
 * requirements, contract, acceptance criteria or definition of done.
 */
export const DIMENSION_FLOOR = 60;
const FLOORED: readonly DimensionId[] = ['requirements', 'contract', 'verification', 'done'];

export interface RuleScoring {
  role: ScoreRole;
  dimension: DimensionId;
  counted?: CountedAs;
}

export interface ScoreInput {
  model: SpecModel;
  findings: readonly Finding[];
  profile: Profile;
  idPattern: string;
  /** How the score uses each rule's findings (rules declare it). */
  scoringOf: (rule: string) => RuleScoring | undefined;
  /** An interface model's view of the contract; derived from the document when absent. */
  contract?: ContractInput;
}

export interface ScoreResult {
  score: number;
  breakdown: Breakdown;
  /** What makes the spec not ready whatever its score, most serious first. */
  blockers: ReadinessBlocker[];
}

const SECTION_BLOCKERS: readonly SectionId[] = ['requirements', 'non-functional', 'api-contract', 'inputs-outputs', 'data-mapping', 'error-handling'];
const BLOCKING_QUESTION = /\b(?:block(?:s|ing|er|ed)?|needs? (?:a |an )?decision|must be decided|decision (?:is )?needed|undecided|before (?:implementation|work|handoff|we start)|cannot start)\b/i;

/**
 * Readiness score, 0-100: the weighted mean of six dimensions measured from what the spec
 * says (see docs/score.md). Hints cost nothing. Every lost point comes with a reason.
 */
export function computeScore(input: ScoreInput): ScoreResult {
  const { model, profile, idPattern, scoringOf } = input;
  const findings: ScoredFinding[] = [];
  for (const finding of input.findings) {
    if (finding.severity === 'hint') continue;
    const scoring = scoringOf(finding.rule);
    if (!scoring) continue;
    findings.push({ finding, role: scoring.role, dimension: scoring.dimension, counted: scoring.counted, offset: offsetAt(model, finding.range.start) });
  }
  const statements = judgeStatements(model, findings, idPattern);
  const contract = input.contract ?? contractInputFromModel(model);
  const inputs = { model, profile, statements, findings, contract };
  const raw: Record<DimensionId, RawDimension> = {
    structure: dimensions.structure(inputs),
    requirements: dimensions.requirements(inputs),
    contract: dimensions.contract(inputs),
    verification: dimensions.verification(inputs),
    done: dimensions.done(inputs),
    selfContained: dimensions.selfContained(inputs),
  };
  applyIntegrity(raw, findings);
  const breakdown = {} as Breakdown;
  let total = 0;
  for (const id of DIMENSION_IDS) {
    const dimension = raw[id];
    const weight = DIMENSION_WEIGHTS[id];
    const score = Math.round(100 * clamp(dimension.value));
    total += weight * 100 * clamp(dimension.value);
    normalizeCosts(dimension.reasons, 1 - clamp(dimension.value));
    breakdown[id] = {
      score,
      weight,
      evidence: dimension.evidence,
      reasons: dimension.reasons
        .filter((reason) => reason.cost > 0)
        .map(({ cost, ...reason }) => ({ ...reason, message: `${DIMENSION_LABELS[id]}: ${reason.message}`, lost: Math.round(weight * 100 * cost * 10) / 10 })),
    };
  }
  const blockers = blockersOf(model, input.findings, findings);
  for (const id of FLOORED) {
    if (breakdown[id].score >= DIMENSION_FLOOR) continue;
    const top = breakdown[id].reasons[0]?.message.replace(/^[^:]+: /, '');
    blockers.push({
      kind: 'weak-dimension',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `${DIMENSION_LABELS[id]} ${breakdown[id].score} is below ${DIMENSION_FLOOR}${top ? `: ${top}` : ''}`,
    });
  }
  return { score: Math.round(total), breakdown, blockers };
}

function applyIntegrity(raw: Record<DimensionId, RawDimension>, findings: ScoredFinding[]): void {
  const byDimension = new Map<DimensionId, ScoredFinding[]>();
  for (const f of findings) {
    const dimension = f.dimension;
    if (f.role !== 'integrity' || dimension === 'selfContained') continue;
    byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), f]);
  }
  for (const [dimension, list] of byDimension) {
    const before = raw[dimension].value;
    const after = Math.max(0, before - list.length * INTEGRITY_COST / 100);
    raw[dimension].value = after;
    const rules = [...new Set(list.map((f) => f.finding.rule))].join(', ');
    raw[dimension].reasons.push({ message: `${list.length} ${list.length === 1 ? 'problem' : 'problems'} reported by ${rules}`, cost: before - after, line: list[0]?.finding.range.start.line });
  }
}

/**
 * Where blockers are listed: those of blocking score roles first (a credential before a
 * stand-in), then blocking questions, errors and weak dimensions.
 */
const ROLE_RANK: Partial<Record<ScoreRole, number>> = { credential: 0, 'stand-in': 1 };
const KIND_RANK: Partial<Record<ReadinessBlocker['kind'], number>> = { 'blocking-question': 2, error: 3, 'weak-dimension': 4 };

function blockersOf(model: SpecModel, all: readonly Finding[], scored: ScoredFinding[]): ReadinessBlocker[] {
  const blockers: ReadinessBlocker[] = [];
  const roleRank = new Map<ReadinessBlocker, number>();
  const byRole = (role: ScoreRole, finding: Finding, message: string): void => {
    const blocker: ReadinessBlocker = { kind: finding.rule, rule: finding.rule, range: finding.range, message };
    roleRank.set(blocker, ROLE_RANK[role] ?? 0);
    blockers.push(blocker);
  };
  for (const { finding, role } of scored) {
    if (role === 'credential') {
      byRole(role, finding, `A secret is written in the spec (line ${finding.range.start.line + 1}): remove it and rotate it.`);
    } else if (role === 'stand-in' && inContractOrRequirements(model, finding)) {
      byRole(role, finding, `A placeholder is left in the requirements or contract (line ${finding.range.start.line + 1}): ${finding.message}`);
    } else if (role === 'undecided' && BLOCKING_QUESTION.test(dataOf(openQuestion, finding)?.question ?? finding.message)) {
      blockers.push({ kind: 'blocking-question', rule: finding.rule, range: finding.range, message: `A blocking question is unresolved (line ${finding.range.start.line + 1}): decide it and record the decision.` });
    }
  }
  for (const question of blockingQuestionsInText(model)) {
    if (blockers.some((b) => b.kind === 'blocking-question' && b.range.start.line === question.range.start.line)) continue;
    blockers.push(question);
  }
  for (const finding of all) {
    if (finding.severity !== 'error') continue;
    if (blockers.some((b) => b.rule === finding.rule && b.range.start.line === finding.range.start.line)) continue;
    blockers.push({ kind: 'error', rule: finding.rule, range: finding.range, message: finding.message });
  }
  const rank = (blocker: ReadinessBlocker): number => roleRank.get(blocker) ?? KIND_RANK[blocker.kind] ?? 0;
  return blockers.sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line);
}

function inContractOrRequirements(model: SpecModel, finding: Finding): boolean {
  const line = finding.range.start.line;
  const section = [...model.sections].reverse().find((s) => s.headingRange.start.line <= line && line <= s.bodyRange.end.line);
  return rolesOf(model, section).some((id) => SECTION_BLOCKERS.includes(id));
}

/** "Open question: ... ?" written anywhere, with a note that it blocks or needs a decision. */
function blockingQuestionsInText(model: SpecModel): ReadinessBlocker[] {
  const found: ReadinessBlocker[] = [];
  const sentences = model.sentences;
  sentences.forEach((sentence, index) => {
    if (sentence.kind === 'heading') return;
    const labelled = /^\W*open question\b/i.test(sentence.text);
    if (!labelled) return;
    const next = sentences[index + 1];
    const window = sentence.text + (next && next.kind === sentence.kind && next.section === sentence.section ? ` ${next.text}` : '');
    if (!BLOCKING_QUESTION.test(window) || /\b(?:resolved|decided|decision:)/i.test(window)) return;
    found.push({ kind: 'blocking-question', range: sentence.range, message: `A blocking question is unresolved (line ${sentence.range.start.line + 1}): decide it and record the decision.` });
  });
  return found;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
