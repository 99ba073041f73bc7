import { basename } from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../rules/docs-url';
import { findRule } from '../rules/registry';
import type { Finding, Severity } from '../rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The `source` of every SpecReady diagnostic: how code actions recognise their own. */
export const DIAGNOSTIC_SOURCE = 'specready';

/** A finding as the editor shows it: severity, rule id with its documentation link, message. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
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
