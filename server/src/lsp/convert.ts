import type { AnalysisResult } from '../engine/analyze';
import type { Finding, Severity } from '../rules/types';

type ReadinessItem = { rule: string; message: string; range: Finding['range']; severity: Severity };

export interface Readiness {
  uri: string;
  score: number;
  ready: boolean;
  threshold: number;
  profile: string;
  /** Each dimension's score, weight, what was judged and the reasons it lost points. */
  breakdown: AnalysisResult['breakdown'];
  /**
   * What stands between the spec and a handoff: its errors, and, while the score is below the
   * threshold, its warnings (they cost the missing points). Empty for a ready spec.
   */
  blockers: ReadinessItem[];
  /** Every warning, blocking or not: for a ready spec, worth fixing but no blocker. */
  warnings: ReadinessItem[];
  /** What makes the spec not ready whatever its score (secrets, placeholders, blocking questions, errors, a weak dimension). */
  verdictBlockers: AnalysisResult['blockers'];
}

/** Errors first, then warnings: what stands between the spec and a handoff. */
export function toReadiness(uri: string, result: AnalysisResult): Readiness {
  const item = (finding: Finding): ReadinessItem => ({ rule: finding.rule, message: finding.message, range: finding.range, severity: finding.severity });
  const errors = result.findings.filter((finding) => finding.severity === 'error').map(item);
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').map(item);
  return {
    uri,
    score: result.score,
    ready: result.ready,
    threshold: result.threshold,
    profile: result.profile,
    breakdown: result.breakdown,
    blockers: result.score < result.threshold ? [...errors, ...warnings] : errors,
    warnings,
    verdictBlockers: result.blockers,
  };
}
