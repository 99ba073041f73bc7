import type { Range } from '../model/types';

/**
 * The six things a contractor needs from a spec, each scored 0-100 from what the spec actually
 * says (see docs/score.md). A dimension with nothing to judge scores 0.
 */
export type DimensionId = 'structure' | 'requirements' | 'contract' | 'verification' | 'done' | 'selfContained';

export const DIMENSION_IDS: readonly DimensionId[] = ['structure', 'requirements', 'contract', 'verification', 'done', 'selfContained'];

export const DIMENSION_LABELS: Readonly<Record<DimensionId, string>> = {
  structure: 'structure',
  requirements: 'requirements',
  contract: 'contract',
  verification: 'verification',
  done: 'done',
  selfContained: 'self-contained',
};

/**
 * How the score uses a rule's findings (rules declare it; the score never checks rule ids):
 * - `wording`: the statement holding the finding is not specific (vague, weak or unmeasured);
 * - `outcome`: the acceptance criterion holding it has no observable outcome;
 * - `stand-in`: unfinished text; a blocker inside requirements or the contract;
 * - `credential`: a credential in the text; always a blocker;
 * - `unshared-knowledge`: knowledge the reader does not have;
 * - `undecided`: an undecided point; a blocker when marked as blocking;
 * - `interface`: a gap in an interface of the contract (already measured from the text);
 * - `trace`: a requirement no criterion covers (already measured from the text);
 * - `section`: a missing or empty section (already measured from the text);
 * - `integrity`: a broken link, unparsable block or id problem: a fixed cost in the rule's dimension.
 */
export type ScoreRole =
  | 'wording' | 'outcome' | 'stand-in' | 'credential' | 'unshared-knowledge' | 'undecided'
  | 'interface' | 'trace' | 'section' | 'integrity';

/** What a rule's finding is called where a reason counts findings: "1 secret", "2 references to hidden context". */
export interface CountedAs {
  one: string;
  /** The plural; `one` + "s" when absent. */
  other?: string;
}

/** One reason a dimension lost points, phrased so the author knows what to change. */
export interface ScoreReason {
  message: string;
  /** Points of the overall score this reason costs (rounded; reasons of one dimension add up to its loss). */
  lost: number;
  /** Ids or short labels of the statements concerned (requirement ids, criteria, endpoints). */
  items?: string[];
  /** 0-based line of the first statement concerned, when there is one. */
  line?: number;
}

export interface DimensionScore {
  score: number;
  /** Share of the overall score (0-1). */
  weight: number;
  /** What was judged, e.g. "9 requirements, 7 specific". */
  evidence: string;
  reasons: ScoreReason[];
}

export type Breakdown = Record<DimensionId, DimensionScore>;

/**
 * Why a spec is not ready whatever its score. A finding whose rule's score role blocks (a
 * `credential`; a `stand-in` in the requirements or the contract) gives a blocker whose kind is
 * the rule's id; the others are a question marked as blocking, an error and a dimension below its
 * floor.
 */
export type BlockerKind = 'blocking-question' | 'error' | 'weak-dimension' | RuleBlockerKind;

/** The id of the rule whose finding blocks readiness. */
export type RuleBlockerKind = string & Record<never, never>;

/** Something that makes a spec not ready whatever its score. */
export interface ReadinessBlocker {
  kind: BlockerKind;
  message: string;
  range: Range;
  rule?: string;
}

/**
 * How much each dimension counts, following what a contractor needs before starting (the
 * rubric in docs/score.md): what to build and why (structure), the behaviour (requirements),
 * the interfaces (contract) and how it will be accepted (verification) weigh most; the
 * definition of done and self-containment less, because blockers in them stop a handoff on
 * their own.
 */
export const DIMENSION_WEIGHTS: Readonly<Record<DimensionId, number>> = {
  structure: 0.25,
  requirements: 0.2,
  contract: 0.2,
  verification: 0.2,
  done: 0.1,
  selfContained: 0.05,
};
