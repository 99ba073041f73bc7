import type { Severity } from '../../rules/types';
import { notReadyReason, type CheckReport, type ReportDiagnostic } from '../report';

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
 * Hints are left out: GitHub shows only a few annotations per step, and hints are suggestions
 * that would crowd out real problems.
 */
export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) {
      const command = COMMAND[diagnostic.severity];
      if (command) lines.push(annotation(command, file.path, diagnostic));
    }
  }
  for (const file of report.files) {
    lines.push(`${file.path}: ${file.score}/100, ${file.ready ? 'ready' : `not ready (${notReadyReason(file)})`}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const COMMAND: Record<Severity, string | undefined> = {
  error: 'error', warning: 'warning', info: 'notice', hint: undefined,
};

function annotation(command: string, path: string, diagnostic: ReportDiagnostic): string {
  const properties: Array<[string, string | number]> = [
    ['file', path],
    ['line', diagnostic.line],
    ['col', diagnostic.column],
    ['endLine', diagnostic.endLine],
    ['endColumn', diagnostic.endColumn],
    ['title', `specready(${diagnostic.rule})`],
  ];
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${command} ${list}::${escapeData(diagnostic.message)}`;
}

/** As the Actions runner decodes them (toolkit/core `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also must not contain the `:` and `,` that delimit them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
