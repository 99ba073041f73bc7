/**
 * The CLI's view of a check run: what every formatter receives. Positions are 1-based, columns
 * in UTF-16 code units (LSP character + 1), end exclusive, as in ESLint and SARIF.
 */
import type { AnalysisResult, Breakdown, ReadinessBlocker } from '../engine/analyze';
import type { Finding, Severity } from '../rules/types';
import { findRule } from '../rules/registry';
import { emptyBreakdown } from '../score/explain';
import type { ScoreRole } from '../score/types';

export interface ReportDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, unknown>;
}

export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  path: string;
  profile: string;
  score: number;
  ready: boolean;
  threshold: number;
  breakdown: Breakdown;
  /** What makes the file not ready whatever its score, most serious first (1-based line). */
  blockers: ReportBlocker[];
  diagnostics: ReportDiagnostic[];
  /** Findings left out because specready-suppressions.json records them (they still count in the score). */
  suppressed?: number;
  /** Why the file was not analysed (unreadable, binary, above the size limit); its score means nothing then. */
  notChecked?: string;
  /** With --changed-since: the score at the merge base; null for a spec that is new since then. */
  previousScore?: number | null;
}

export interface ReportBlocker {
  kind: ReadinessBlocker['kind'];
  message: string;
  line: number;
  rule?: string;
}

export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  ready: number;
  /** Findings left out by specready-suppressions.json; absent when none were. */
  suppressed?: number;
}

export interface CheckReport {
  /** Absolute working directory that file paths are relative to. */
  root: string;
  files: FileReport[];
  summary: ReportSummary;
}

/** Pseudo-rule of the diagnostic reported for a file that cannot be read as text. */
export const UNREADABLE_FILE_RULE = 'unreadable-file';

export function toDiagnostic(finding: Finding): ReportDiagnostic {
  const { start, end } = finding.range;
  const diagnostic: ReportDiagnostic = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
  if (finding.data) diagnostic.data = finding.data;
  return diagnostic;
}

/** The engine's form of a reported diagnostic (0-based range), for code that phrases findings. */
export function findingFromDiagnostic(diagnostic: ReportDiagnostic): Finding {
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: {
      start: { line: diagnostic.line - 1, character: diagnostic.column - 1 },
      end: { line: diagnostic.endLine - 1, character: diagnostic.endColumn - 1 },
    },
    ...(diagnostic.data ? { data: diagnostic.data } : {}),
  };
}

export function fileReportFromAnalysis(path: string, result: AnalysisResult): FileReport {
  return {
    path,
    profile: result.profile,
    score: result.score,
    ready: result.ready,
    threshold: result.threshold,
    breakdown: result.breakdown,
    blockers: result.blockers.map((blocker) => ({
      kind: blocker.kind, message: blocker.message, line: blocker.range.start.line + 1, ...(blocker.rule ? { rule: blocker.rule } : {}),
    })),
    diagnostics: result.findings.map(toDiagnostic),
  };
}

/** Pseudo-rule of the notice reported for a file above the size limit (as in the editor). */
export const FILE_TOO_LARGE_RULE = 'file-too-large';

/** A file that could not be read as text: one error at its start, score 0, never ready. */
export function unreadableFileReport(path: string, profile: string, threshold: number, problem: string): FileReport {
  return notCheckedReport(path, profile, threshold, { rule: UNREADABLE_FILE_RULE, severity: 'error', message: problem }, problem.replace(/;.*$/, ''));
}

/** A file above the size limit: an informational notice instead of an analysis, as in the editor. */
export function tooLargeFileReport(path: string, profile: string, threshold: number, notice: string): FileReport {
  return notCheckedReport(path, profile, threshold, { rule: FILE_TOO_LARGE_RULE, severity: 'info', message: notice }, 'above the size limit');
}

function notCheckedReport(path: string, profile: string, threshold: number,
  diagnostic: Pick<ReportDiagnostic, 'rule' | 'severity' | 'message'>, notChecked: string): FileReport {
  return {
    path,
    profile,
    score: 0,
    ready: false,
    threshold,
    breakdown: emptyBreakdown('not analysed'),
    blockers: diagnostic.severity === 'error' ? [{ kind: 'error', message: diagnostic.message, line: 1, rule: diagnostic.rule }] : [],
    diagnostics: [{ ...diagnostic, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    notChecked,
  };
}

export function buildReport(root: string, files: FileReport[]): CheckReport {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const summary: ReportSummary = { files: sorted.length, errors: 0, warnings: 0, infos: 0, hints: 0, ready: 0 };
  for (const file of sorted) {
    if (file.ready) summary.ready++;
    if (file.suppressed) summary.suppressed = (summary.suppressed ?? 0) + file.suppressed;
    for (const diagnostic of file.diagnostics) summary[SUMMARY_KEY[diagnostic.severity]]++;
  }
  return { root, files: sorted, summary };
}

const SUMMARY_KEY: Record<Severity, 'errors' | 'warnings' | 'infos' | 'hints'> = {
  error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints',
};

/** Why a file is not ready, in a few words: by the blocker's kind, or by the score role of the rule that blocks. */
const BLOCKER_WORDS: Partial<Record<ReportBlocker['kind'], string>> = {
  'blocking-question': 'a blocking question is open',
  error: 'fix the errors',
  'weak-dimension': 'a core dimension is below 60',
};
const ROLE_WORDS: Partial<Record<ScoreRole, string>> = {
  credential: 'a secret is in the text',
  'stand-in': 'placeholder in requirements or contract',
};

function blockerWords(blocker: ReportBlocker): string {
  const role = blocker.rule === undefined ? undefined : findRule(blocker.rule)?.scoreRole;
  return BLOCKER_WORDS[blocker.kind] ?? (role && ROLE_WORDS[role]) ?? 'fix the errors';
}

/**
 * Why a file is not ready, in a few words: a low score, or the first blocker (which stops
 * handoff at any score). `--explain` gives the full reasons.
 */
export function notReadyReason(file: FileReport): string {
  if (file.score < file.threshold) return `needs ${file.threshold}`;
  const blocker = file.blockers?.[0];
  const errors = file.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (blocker && (blocker.kind !== 'error' || errors)) return blockerWords(blocker);
  return errors ? 'fix the errors' : 'has suppressed errors';
}

/** "72 → 85 (+13)"; "new" for a spec that did not exist at the base. */
export function scoreChange(score: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return 'new';
  const delta = score - previous;
  return `${previous} → ${score} (${delta > 0 ? '+' : delta < 0 ? '-' : '±'}${Math.abs(delta)})`;
}
