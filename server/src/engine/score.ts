import type { Profile } from '../sections/profiles';
import type { Dimension, Finding, Severity } from '../rules/types';

export interface Breakdown {
  structure: number;
  clarity: number;
  testability: number;
  completeness: number;
}

/**
 * How much each dimension counts towards the overall score. Structure and testability weigh
 * most: a contractor can ask about a vague word, but cannot recover a missing contract or an
 * untestable definition of done without a meeting.
 */
export const DIMENSION_WEIGHTS: Readonly<Breakdown> = {
  structure: 0.3,
  clarity: 0.2,
  testability: 0.3,
  completeness: 0.2,
};

/** Penalty points per finding; hints never cost anything. */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = {
  error: 20,
  warning: 5,
  info: 1,
  hint: 0,
};

/** Points at which a dimension has decayed to 1/e (37 %). */
const DECAY = 100;

/**
 * Readiness score, 0-100. Each dimension starts at 100 and decays exponentially with the
 * penalty points of the findings counted against it; structure instead loses an equal share for
 * every required section that is missing or empty. Every term only ever grows when a finding
 * goes away, so fixing a finding can never lower the score.
 */
export function computeScore(
  findings: readonly Finding[],
  profile: Profile,
  dimensionOf: (rule: string) => Dimension | undefined,
): { score: number; breakdown: Breakdown } {
  const penalty: Breakdown = { structure: 0, clarity: 0, testability: 0, completeness: 0 };
  let sectionGaps = 0;
  for (const finding of findings) {
    const dimension = dimensionOf(finding.rule);
    if (!dimension) continue;
    if (isRequiredSectionGap(finding, profile)) sectionGaps++;
    else penalty[dimension] += SEVERITY_PENALTY[finding.severity];
  }
  const required = Math.max(1, profile.required.length);
  const breakdown: Breakdown = {
    structure: Math.round(Math.max(0, 1 - sectionGaps / required) * decay(penalty.structure)),
    clarity: Math.round(decay(penalty.clarity)),
    testability: Math.round(decay(penalty.testability)),
    completeness: Math.round(decay(penalty.completeness)),
  };
  const weighted = (Object.keys(DIMENSION_WEIGHTS) as Array<keyof Breakdown>)
    .reduce((sum, key) => sum + DIMENSION_WEIGHTS[key] * breakdown[key], 0);
  return { score: Math.round(weighted), breakdown };
}

function decay(points: number): number {
  return 100 * Math.exp(-points / DECAY);
}

/** Missing or empty required sections count as a share of structure, not as penalty points. */
function isRequiredSectionGap(finding: Finding, profile: Profile): boolean {
  if (finding.severity === 'hint') return false;
  if (finding.rule === 'missing-section') return true;
  const section = finding.data?.section;
  return finding.rule === 'empty-section' && typeof section === 'string' && (profile.required as string[]).includes(section);
}
