import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { AnalysisResult } from '../engine/analyze';
import type { Finding, Severity } from '../rules/types';
import { ruleDocsUrl } from '../rules/docs-url';

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
  // Placeholders are unfinished text: shown faded in editors that support the tag.
  if (finding.rule === 'placeholder') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export interface Readiness {
  uri: string;
  score: number;
  ready: boolean;
  threshold: number;
  profile: string;
  breakdown: AnalysisResult['breakdown'];
  blockers: Array<{ rule: string; message: string; range: Finding['range']; severity: Severity }>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Errors first, then warnings: what stands between the spec and a handoff. */
export function toReadiness(uri: string, result: AnalysisResult): Readiness {
  const blockers = result.findings
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((finding) => ({ rule: finding.rule, message: finding.message, range: finding.range, severity: finding.severity }));
  return {
    uri,
    score: result.score,
    ready: result.ready,
    threshold: result.threshold,
    profile: result.profile,
    breakdown: result.breakdown,
    blockers,
  };
}
