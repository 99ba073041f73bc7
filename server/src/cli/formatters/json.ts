import type { CheckReport } from '../report';

/** Format version of the JSON document; bumped on any incompatible change (2: breakdown per dimension with reasons, blockers). */
export const JSON_REPORT_VERSION = 2;

/**
 * One JSON document for scripts and dashboards: per-file scores and diagnostics, and totals.
 * `oneLine` writes it on a single line (`check --watch --format json`: one document per run).
 */
export function formatJson(report: CheckReport, oneLine = false): string {
  const document = {
    version: JSON_REPORT_VERSION,
    files: report.files.map((file) => ({
      path: file.path,
      profile: file.profile,
      score: file.score,
      ready: file.ready,
      threshold: file.threshold,
      breakdown: file.breakdown,
      blockers: file.blockers,
      diagnostics: file.diagnostics.map((diagnostic) => ({
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        line: diagnostic.line,
        column: diagnostic.column,
        endLine: diagnostic.endLine,
        endColumn: diagnostic.endColumn,
        ...(diagnostic.data ? { data: diagnostic.data } : {}),
      })),
      ...(file.suppressed ? { suppressed: file.suppressed } : {}),
      ...(file.previousScore !== undefined ? { previousScore: file.previousScore } : {}),
    })),
    summary: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      ready: report.summary.ready,
      ...(report.summary.suppressed ? { suppressed: report.summary.suppressed } : {}),
    },
  };
  return `${oneLine ? JSON.stringify(document) : JSON.stringify(document, null, 2)}\n`;
}
