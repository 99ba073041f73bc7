/**
 * `--format markdown`: a compact report for a coding agent or a pull-request comment. Per spec,
 * what blocks handoff comes first, then the questions the builder would have to ask (each
 * finding phrased as that question), then a count of the minor rest. The same input always
 * gives the same text: no times, no paths outside the report, stable order.
 */
import { codeSpan, escapeMarkdown } from '../../export/markdown-text';
import { questionFor } from '../../export/questions';
import { findingFromDiagnostic, type CheckReport, type FileReport } from '../report';

export function formatMarkdown(report: CheckReport): string {
  const { summary } = report;
  const lines = [
    '# SpecReady check',
    '',
    `${summary.ready} of ${summary.files} ${summary.files === 1 ? 'spec' : 'specs'} ready for handoff · `
      + `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')}, ${count(summary.infos, 'info')}, ${count(summary.hints, 'hint')}.`,
  ];
  const files = [...report.files].sort((a, b) => Number(a.ready) - Number(b.ready) || a.path.localeCompare(b.path));
  for (const file of files) lines.push('', ...fileLines(file));
  return `${lines.join('\n')}\n`;
}

function fileLines(file: FileReport): string[] {
  const verdict = file.ready ? 'ready' : 'not ready';
  const lines = [
    `## ${codeSpan(file.path)}: ${file.score}/100, ${verdict}`,
    '',
    `Profile ${codeSpan(file.profile)}, threshold ${file.threshold}. ${breakdownLine(file)}`,
  ];
  const ordered = [...file.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  const blocking = ordered.filter((diagnostic) => diagnostic.severity === 'error');
  const questions = ordered.filter((diagnostic) => diagnostic.severity === 'warning' || diagnostic.severity === 'info');
  const minor = ordered.filter((diagnostic) => diagnostic.severity === 'hint');
  // Secrets, placeholders in the contract, blocking questions and weak dimensions block too.
  const verdictBlockers = (file.blockers ?? []).filter((blocker) => blocker.kind !== 'error');
  if (blocking.length + verdictBlockers.length > 0) {
    lines.push('', `### Blocks handoff (${blocking.length + verdictBlockers.length})`, '');
    for (const blocker of verdictBlockers) lines.push(`- ${blocker.kind === 'weak-dimension' ? '' : `Line ${blocker.line}: `}${escapeMarkdown(blocker.message)}`);
    for (const diagnostic of blocking) lines.push(`- Line ${diagnostic.line}: ${escapeMarkdown(diagnostic.message)} (${codeSpan(diagnostic.rule)})`);
  }
  if (questions.length > 0) {
    lines.push('', `### Questions to answer (${questions.length})`, '');
    for (const diagnostic of questions) {
      lines.push(`- Line ${diagnostic.line}: ${escapeMarkdown(questionFor(findingFromDiagnostic(diagnostic)))} (${codeSpan(diagnostic.rule)})`);
    }
  }
  if (minor.length > 0) {
    const rules = [...new Set(minor.map((diagnostic) => diagnostic.rule))].sort().map(codeSpan).join(', ');
    lines.push('', `Also ${count(minor.length, 'hint')} (${rules}).`);
  }
  if (blocking.length + questions.length + minor.length === 0) lines.push('', 'Nothing to ask: every check passed.');
  return lines;
}

function breakdownLine(file: FileReport): string {
  const parts = Object.entries(file.breakdown as unknown as Record<string, unknown>)
    .map(([dimension, value]) => [dimension, typeof value === 'number' ? value : (value as { score?: unknown } | undefined)?.score] as const)
    .filter((entry): entry is readonly [string, number] => typeof entry[1] === 'number')
    .map(([dimension, value]) => `${dimension} ${value}`);
  return parts.length > 0 ? `Breakdown: ${parts.join(', ')}.` : '';
}


function count(value: number, noun: string): string {
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}
