import { createPalette, type Palette } from '../color';
import { notReadyReason, scoreChange, type CheckReport, type FileReport, type ReportDiagnostic, type ReportSummary } from '../report';
import type { Severity } from '../../rules/types';

export interface StylishOptions {
  color: boolean;
  /**
   * Terminal width in columns. Messages that would run past it wrap onto lines of their own,
   * indented under the message column. Without a width, rows are only aligned.
   */
  width?: number;
}

/**
 * How many findings of one rule a file shows before the rest are summed up in one line. The
 * machine formats (JSON, SARIF, GitHub) always carry every finding.
 */
export const MAX_ROWS_PER_RULE = 20;

/** The narrowest message column worth wrapping into; below it, lines are left long. */
const MIN_MESSAGE_WIDTH = 30;

/** The human format: problems grouped by file, then each file's score, then the totals. */
export function formatStylish(report: CheckReport, options: StylishOptions): string {
  const palette = createPalette(options.color);
  const blocks = report.files
    .filter((file) => file.diagnostics.length > 0)
    .map((file) => fileBlock(file, palette, options.width));
  const scores = scoreLines(report.files, palette);
  const notChecked = report.files.filter((file) => file.notChecked).length;
  return [...blocks, scores, summaryLines(report.summary, notChecked, palette)]
    .filter((block) => block.length > 0)
    .join('\n\n') + '\n';
}

type Row = { where: string; diagnostic: ReportDiagnostic } | { more: number; rule: string };

/**
 * The findings to print, in order. A rule with more than MAX_ROWS_PER_RULE findings in the file
 * shows the first of them and one line that counts the rest.
 */
function rowsOf(file: FileReport): Row[] {
  const totals = new Map<string, number>();
  for (const { rule } of file.diagnostics) totals.set(rule, (totals.get(rule) ?? 0) + 1);
  const shown = new Map<string, number>();
  const rows: Row[] = [];
  for (const diagnostic of file.diagnostics) {
    const total = totals.get(diagnostic.rule)!;
    const count = (shown.get(diagnostic.rule) ?? 0) + 1;
    shown.set(diagnostic.rule, count);
    // One hidden finding would take no less room than the line that mentions it.
    const cap = total > MAX_ROWS_PER_RULE + 1 ? MAX_ROWS_PER_RULE : total;
    if (count <= cap) rows.push({ where: `${diagnostic.line}:${diagnostic.column}`, diagnostic });
    else if (count === total) rows.push({ more: total - cap, rule: diagnostic.rule });
  }
  return rows;
}

function fileBlock(file: FileReport, palette: Palette, width: number | undefined): string {
  const rows = rowsOf(file);
  const findings = rows.filter((row): row is Extract<Row, { where: string }> => 'where' in row);
  // Loops, not Math.max(...rows): spreading thousands of rows overflows the call stack.
  let whereWidth = 0;
  let severityWidth = 0;
  let ruleWidth = 0;
  let longest = 0;
  for (const { where, diagnostic } of findings) {
    whereWidth = Math.max(whereWidth, where.length);
    severityWidth = Math.max(severityWidth, diagnostic.severity.length);
    ruleWidth = Math.max(ruleWidth, diagnostic.rule.length);
    longest = Math.max(longest, oneLine(diagnostic.message).length);
  }
  const indent = 2 + whereWidth + 2 + severityWidth + 2;
  const room = width === undefined ? Infinity : width - indent - 2 - ruleWidth;
  const messageWidth = room >= MIN_MESSAGE_WIDTH ? Math.min(longest, room) : longest;
  const lines: string[] = [];
  for (const row of rows) {
    if ('more' in row) {
      lines.push(`  ${palette.dim(`… and ${row.more.toLocaleString('en-US')} more ${row.rule} findings in this file (all of them are in --format json)`)}`);
      continue;
    }
    const [first, ...rest] = wrap(oneLine(row.diagnostic.message), messageWidth);
    lines.push('  ' + [
      palette.dim(row.where.padEnd(whereWidth)),
      severityColor(row.diagnostic.severity, palette)(row.diagnostic.severity.padEnd(severityWidth)),
      (first ?? '').padEnd(messageWidth),
      palette.dim(row.diagnostic.rule),
    ].join('  ').trimEnd());
    for (const line of rest) lines.push(' '.repeat(indent) + line);
  }
  return [palette.underline(file.path), ...lines].join('\n');
}

/** Breaks text at spaces into lines of at most `width` characters; a longer word gets a line of its own. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function scoreLines(files: FileReport[], palette: Palette): string {
  const pathWidth = Math.max(0, ...files.map((file) => file.path.length));
  // With --changed-since: "72 → 85 (+13)" between the score and the verdict.
  const changes = files.map((file) => (file.previousScore !== undefined ? scoreChange(file.score, file.previousScore) : ''));
  const changeWidth = Math.max(0, ...changes.map((change) => change.length));
  return files.map((file, index) => {
    if (file.notChecked) return `${file.path.padEnd(pathWidth)}  ${palette.bold('    -  ')}  ${palette.yellow('not checked')}${palette.dim(`: ${file.notChecked}`)}`;
    const score = `${String(file.score).padStart(3)}/100`;
    const status = file.ready
      ? palette.green('ready')
      : palette.red('not ready') + palette.dim(` (${notReadyReason(file)})`);
    const change = changeWidth > 0 ? `${(changes[index] ?? '').padEnd(changeWidth)}  ` : '';
    return `${file.path.padEnd(pathWidth)}  ${palette.bold(score)}  ${change}${status}`;
  }).join('\n');
}

function summaryLines(summary: ReportSummary, notChecked: number, palette: Palette): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, `
    + `${plural(summary.infos, 'info')}, ${plural(summary.hints, 'hint')}`;
  const readiness = `${summary.ready} of ${plural(summary.files, 'file')} ready for handoff`
    + (notChecked > 0 ? palette.yellow(` (${notChecked} not checked)`) : '');
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
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}
