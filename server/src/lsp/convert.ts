import { basename } from 'node:path';
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { AnalysisResult } from '../engine/analyze';
import type { Finding, Severity } from '../rules/types';
import { ruleDocsUrl } from '../rules/docs-url';
import { findRule } from '../rules/registry';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'specready';

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
    data: { rule: finding.rule, ...(finding.data ?? {}) },
  };
  // Unfinished text (placeholders) is shown faded in editors that support the tag.
  if (findRule(finding.rule)?.tags?.includes('unfinished')) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/**
 * A finding recorded in specready-suppressions.json: a hint, so that authors still see it
 * without a squiggle, and the note says why it does not fail the check.
 */
export function toSuppressedDiagnostic(finding: Finding, suppressionsFile: string): Diagnostic {
  const diagnostic = toDiagnostic(finding);
  diagnostic.severity = DiagnosticSeverity.Hint;
  diagnostic.message = `${finding.message} (${finding.severity}, suppressed by ${basename(suppressionsFile)})`;
  diagnostic.data = { ...(diagnostic.data as Record<string, unknown>), suppressed: true, severity: finding.severity };
  return diagnostic;
}

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
