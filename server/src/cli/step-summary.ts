/**
 * The GitHub Actions job summary: when `$GITHUB_STEP_SUMMARY` names a file, `specready check`
 * appends a Markdown table of the specs it checked (scores, with --changed-since the change
 * since the base), which GitHub shows on the run's page.
 */
import { appendFileSync } from 'node:fs';
import { notReadyReason, scoreChange, type CheckReport, type FileReport } from './report';

/** GitHub accepts up to 1 MiB per step; a table this long is not read anyway. */
const MAX_ROWS = 200;

export interface SummaryContext {
  /** --changed-since: the ref as given and the merge base it resolved to. */
  changedSince?: { ref: string; base: string };
}

export function stepSummaryMarkdown(report: CheckReport, context: SummaryContext = {}): string {
  const { summary } = report;
  const changed = context.changedSince;
  const title = changed
    ? `${plural(summary.files, 'spec')} changed since \`${escapeCode(changed.ref)}\` (${changed.base.slice(0, 12)}), ${summary.ready} ready for handoff`
    : `${summary.ready} of ${plural(summary.files, 'spec')} ready for handoff`;
  const lines = [`### SpecReady: ${title}`, ''];
  if (report.files.length === 0) {
    lines.push(changed ? 'No spec changed, and no spec links to a changed file.' : 'No spec files were found.', '');
    return `${lines.join('\n')}\n`;
  }
  const header = changed ? '| Spec | Score | Change | Status | Errors | Warnings |' : '| Spec | Score | Status | Errors | Warnings |';
  lines.push(header, changed ? '| --- | ---: | ---: | --- | ---: | ---: |' : '| --- | ---: | --- | ---: | ---: |');
  const rows = [...report.files].sort(worstFirst);
  for (const file of rows.slice(0, MAX_ROWS)) {
    const cells = [
      `\`${escapeCode(file.path)}\``,
      file.notChecked ? '-' : String(file.score),
      ...(changed ? [file.notChecked ? '-' : scoreChange(file.score, file.previousScore)] : []),
      file.notChecked ? `⚠️ not checked: ${escapeCell(file.notChecked)}` : file.ready ? '✅ ready' : `❌ not ready (${notReadyReason(file)})`,
      String(count(file, 'error')),
      String(count(file, 'warning')),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (rows.length > MAX_ROWS) lines.push('', `…and ${rows.length - MAX_ROWS} more; the full list is in the job log.`);
  lines.push('', `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`
    + (summary.suppressed ? `; ${plural(summary.suppressed, 'finding')} suppressed by specready-suppressions.json` : '') + '.', '');
  return `${lines.join('\n')}\n`;
}

/** Appends the summary when the variable is set; a problem writing it is only a warning. */
export function writeStepSummary(report: CheckReport, env: Readonly<Record<string, string | undefined>>, context: SummaryContext = {}): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  try {
    appendFileSync(file, stepSummaryMarkdown(report, context));
    return undefined;
  } catch (error) {
    return `could not write the job summary to $GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Dropped scores first, then the lowest scores: what a reviewer should look at. */
function worstFirst(a: FileReport, b: FileReport): number {
  return drop(b) - drop(a) || a.score - b.score || (a.path < b.path ? -1 : 1);
}

function drop(file: FileReport): number {
  return typeof file.previousScore === 'number' ? Math.max(0, file.previousScore - file.score) : 0;
}

function count(file: FileReport, severity: string): number {
  return file.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function escapeCode(text: string): string {
  return text.replace(/[`|]/g, (char) => (char === '|' ? '\\|' : "'"));
}

function plural(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? '' : 's'}`;
}
