/**
 * `specready check` with a bulk suppressions file: `--suppress-all`, `--suppress-rule <id>` and
 * `--prune-suppressions` write it; every check applies it. See engine/bulk-suppressions.ts for
 * the file and its rules.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import {
  applySuppressions,
  missingFileEntries,
  parseSuppressions,
  pruneSuppressions,
  recordSuppressions,
  serializeSuppressions,
  SuppressionsFileError,
  SUPPRESSIONS_FILE,
  type ExceededSuppression,
  type StaleSuppression,
  type SuppressionsData,
} from '../engine/bulk-suppressions';
import { findRule } from '../rules/registry';
import type { FileReport } from './report';

export interface BulkSuppressionOptions {
  suppressAll: boolean;
  suppressRules: string[];
  prune: boolean;
  /** `--suppressions-location`; default: the nearest specready-suppressions.json at or above the working folder. */
  location?: string;
  passOnUnpruned: boolean;
}

export interface BulkSuppressionOutcome {
  files: FileReport[];
  /** Lines for stderr, in order. */
  messages: string[];
  /** Stale entries and no --pass-on-unpruned-suppressions: the check fails (exit 1). */
  failed: boolean;
  /** A problem with the file or the options: exit 2 with these messages. */
  usageError: boolean;
  /** Findings the file suppressed in this run. */
  suppressed: number;
}

/** Where the suppressions file is read from and written to. */
export function suppressionsFileLocation(cwd: string, location?: string): string {
  if (location) return resolve(cwd, location);
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const candidate = join(folder, SUPPRESSIONS_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return join(resolve(cwd), SUPPRESSIONS_FILE);
  }
}

/** Whether the run touches suppressions at all (writing them, or a file to apply). */
export function writesSuppressions(options: BulkSuppressionOptions): boolean {
  return options.suppressAll || options.suppressRules.length > 0 || options.prune;
}

/**
 * Records, prunes and applies the suppressions for the checked files (paths relative to `cwd`).
 * Findings the file suppresses are removed from the reports and counted in `suppressed`.
 */
export function runBulkSuppressions(files: FileReport[], options: BulkSuppressionOptions, cwd: string): BulkSuppressionOutcome {
  const outcome: BulkSuppressionOutcome = { files, messages: [], failed: false, usageError: false, suppressed: 0 };
  const unknown = options.suppressRules.filter((rule) => !findRule(rule));
  if (unknown.length > 0) {
    outcome.messages.push(`--suppress-rule: unknown rule ${unknown.map((rule) => `"${rule}"`).join(', ')} (run "specready rules" for the list)`);
    outcome.usageError = true;
    return outcome;
  }
  const file = suppressionsFileLocation(cwd, options.location);
  const shown = displayName(file, cwd);
  const base = dirname(file);
  let data: SuppressionsData = {};
  if (existsSync(file)) {
    try {
      data = parseSuppressions(readFileSync(file, 'utf8'));
    } catch (error) {
      const problem = error instanceof SuppressionsFileError ? error.message : `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      outcome.messages.push(`${shown}: ${problem}`);
      outcome.usageError = true;
      return outcome;
    }
  } else if (options.location && !writesSuppressions(options)) {
    outcome.messages.push(`${shown}: no such file (create it with --suppress-all)`);
    outcome.usageError = true;
    return outcome;
  }

  const keyOf = (report: FileReport) => toKey(relative(base, resolve(cwd, report.path)));
  const checked = new Map(files.map((report) => [keyOf(report), report.diagnostics]));
  const exists = (path: string) => existsSync(resolve(base, path));
  const recordRules = options.suppressRules.length > 0 ? new Set(options.suppressRules) : undefined;
  if (options.suppressAll || recordRules) {
    data = recordSuppressions(data, checked, options.suppressAll ? undefined : recordRules);
  }
  if (options.prune) data = pruneSuppressions(data, checked, exists);
  if (writesSuppressions(options)) {
    try {
      writeAtomically(file, serializeSuppressions(data));
    } catch (error) {
      outcome.messages.push(`${shown}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      outcome.usageError = true;
      return outcome;
    }
    outcome.messages.push(describeWrite(data, shown));
  }

  const stale: StaleSuppression[] = missingFileEntries(data, exists);
  const exceeded: ExceededSuppression[] = [];
  outcome.files = files.map((report) => {
    const applied = applySuppressions(keyOf(report), report.diagnostics, data[keyOf(report)]);
    stale.push(...applied.stale);
    exceeded.push(...applied.exceeded);
    outcome.suppressed += applied.suppressed.length;
    return applied.suppressed.length === 0 ? report : { ...report, diagnostics: applied.kept, suppressed: applied.suppressed.length };
  });

  if (outcome.suppressed > 0) {
    outcome.messages.push(`${plural(outcome.suppressed, 'finding')} suppressed by ${shown}`);
  }
  for (const entry of exceeded) outcome.messages.push(exceededMessage(entry, shown));
  if (stale.length > 0) {
    const list = stale.map((entry) => `${entry.path} ${entry.rule} (${entry.fixed} of ${entry.recorded} fixed)`).join(', ');
    outcome.messages.push(
      `${stale.length === 1 ? '1 suppression is' : `${stale.length} suppressions are`} stale, the findings were fixed: ${list}; `
      + `run "specready check --prune-suppressions" to update ${shown}`,
    );
    outcome.failed = !options.passOnUnpruned;
  }
  return outcome;
}

function exceededMessage(entry: ExceededSuppression, shown: string): string {
  const what = entry.matched
    ? `${plural(entry.reported, `new ${entry.rule} finding`)} (not among the ${entry.recorded} recorded in ${shown})`
    : `${entry.reported} ${entry.rule} findings, more than the ${entry.recorded} recorded in ${shown}; all are reported (the entry has no fingerprints to tell the recorded ones apart)`;
  return `${entry.path}: ${what}`;
}

function describeWrite(data: SuppressionsData, shown: string): string {
  let findings = 0;
  for (const entries of Object.values(data)) for (const entry of Object.values(entries)) findings += entry.count;
  return `wrote ${shown}: ${plural(findings, 'finding')} in ${plural(Object.keys(data).length, 'file')} recorded`;
}

/** A crash half-way through writing must not leave a truncated file that the next run rejects. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

function toKey(path: string): string {
  return path.split(sep).join('/');
}

function displayName(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return toKey(path === '' || isAbsolute(path) ? file : path);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
