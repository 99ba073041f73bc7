import { createPalette, type Palette } from '../color';
import { notReadyReason, type CheckReport, type FileReport, type ReportDiagnostic, type ReportSummary } from '../report';
import type { Severity } from '../../rules/types';

export interface StylishOptions {
  color: boolean;
}

/** The human format: problems grouped by file, then each file's score, then the totals. */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const palette = createPalette(options.color);
  const blocks = report.files
    .filter((file) => file.diagnostics.length > 0)
    .map((file) => fileBlock(file, palette));
  const scores = scoreLines(report.files, palette);
  return [...blocks, scores, summaryLines(report.summary, palette)]
    .filter((block) => block.length > 0)
    .join('\n\n') + '\n';
}

function fileBlock(file: FileReport, palette: Palette): string {
  const rows = file.diagnostics.map((diagnostic) => ({
    where: `${diagnostic.line}:${diagnostic.column}`,
    diagnostic,
  }));
  const whereWidth = Math.max(...rows.map((row) => row.where.length));
  const severityWidth = Math.max(...rows.map((row) => row.diagnostic.severity.length));
  const messageWidth = Math.max(...rows.map((row) => oneLine(row.diagnostic.message).length));
  const lines = rows.map(({ where, diagnostic }) => '  ' + [
    palette.dim(where.padEnd(whereWidth)),
    severityColor(diagnostic.severity, palette)(diagnostic.severity.padEnd(severityWidth)),
    oneLine(diagnostic.message).padEnd(messageWidth),
    palette.dim(diagnostic.rule),
  ].join('  ').trimEnd());
  return [palette.underline(file.path), ...lines].join('\n');
}

function scoreLines(files: FileReport[], palette: Palette): string {
  const pathWidth = Math.max(0, ...files.map((file) => file.path.length));
  return files.map((file) => {
    const score = `${String(file.score).padStart(3)}/100`;
    const status = file.ready
      ? palette.green('ready')
      : palette.red('not ready') + palette.dim(` (${notReadyReason(file)})`);
    return `${file.path.padEnd(pathWidth)}  ${palette.bold(score)}  ${status}`;
  }).join('\n');
}

function summaryLines(summary: ReportSummary, palette: Palette): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, `
    + `${plural(summary.infos, 'info')}, ${plural(summary.hints, 'hint')}`;
  const readiness = `${summary.ready} of ${plural(summary.files, 'file')} ready for handoff`;
  if (problems === 0) return palette.green(`✔ no problems`) + `\n${readiness}`;
  const color = summary.errors > 0 ? palette.red : summary.warnings > 0 ? palette.yellow : palette.blue;
  return palette.bold(color(`✖ ${plural(problems, 'problem')} (${counts})`)) + `\n${readiness}`;
}

function severityColor(severity: Severity, palette: Palette): (text: string) => string {
  return { error: palette.red, warning: palette.yellow, info: palette.blue, hint: palette.dim }[severity];
}

function oneLine(message: ReportDiagnostic['message']): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
