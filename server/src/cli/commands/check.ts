/** `specready check`: discover specs, analyse each with its configuration, report, set the exit status. */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, formatConfigError } from '../../config/errors';
import { configLoaderFor, type LoadedConfig } from '../../config/load';
import { DEFAULT_MAX_FILE_SIZE_KB, DEFAULT_THRESHOLD, fileTooLargeMessage } from '../../config/types';
import { discoverSpecFiles, type DiscoveryResult, type UnmatchedFolder } from '../../fs/discover';
import { LinkTargetCache } from '../../fs/link-targets';
import { findProjectRoot } from '../../fs/project-root';
import { errorCode, type Host } from '../../host/host';
import { nodeHost } from '../../host/node-host';
import { analyzeDocument } from '../../pipeline/analyze-document';
import { ruleDocsUrl } from '../../rules/docs-url';
import { RULES } from '../../rules/registry';
import { DEFAULT_PROFILE } from '../../sections/profiles';
import type { CheckCommand } from '../args';
import { shouldUseColor } from '../color';
import { formatGithub } from '../formatters/github';
import { explanationLines, verdictLine } from '../../score/explain';
import { formatJson } from '../formatters/json';
import { formatMarkdown } from '../formatters/markdown';
import { formatSarif } from '../formatters/sarif';
import { formatStylish } from '../formatters/stylish';
import { cacheFileLocation, RecordingHost, ResultCache } from '../cache';
import { runBulkSuppressions } from '../suppressions';
import { ChangedSinceError, previousScore, selectChangedSpecs, type ChangedSelection } from '../changed';
import { writeStepSummary } from '../step-summary';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { buildReport, fileReportFromAnalysis, scoreChange, tooLargeFileReport, unreadableFileReport, type CheckReport, type FileReport } from '../report';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../version';

/** What went wrong outside the findings: printed to stderr, exit status 2. */
interface Failures {
  config: ConfigError[];
  internal: string[];
}

/**
 * The specs the command's paths name, found as `check` finds them; undefined, after saying why on
 * stderr, when a path is missing, a configuration is broken or a folder given holds no spec.
 */
async function discoverSpecs(command: CheckCommand, io: CliIo, explicitConfig: string | undefined): Promise<DiscoveryResult | undefined> {
  const host = io.host ?? nodeHost;
  if (explicitConfig && reportConfigErrors((await configLoaderFor(host).loadConfigFile(explicitConfig)).errors, io)) return undefined;
  const discovery = await discoverSpecFiles(command.paths, { cwd: io.cwd, config: explicitConfig, onlySpecs: command.onlySpecs, host });
  for (const missing of discovery.missing) io.stderr(`specready: ${missing}: no such file or folder\n`);
  if (discovery.missing.length > 0 || reportConfigErrors(discovery.configErrors, io)) return undefined;
  if (!command.allowUnmatched && unmatchedIsError(command, discovery)) {
    for (const folder of discovery.unmatched) io.stderr(`specready: ${unmatchedMessage(folder, io.cwd, true)}\n`);
    return undefined;
  }
  return discovery;
}

/**
 * A folder named on the command line without a spec fails the run. So does a bare `check` that
 * finds nothing at all: a CI step run from the wrong folder must not pass having checked nothing.
 * Watch mode keeps waiting for specs to appear instead.
 */
function unmatchedIsError(command: CheckCommand, discovery: DiscoveryResult): boolean {
  if (discovery.unmatched.length === 0) return false;
  if (command.pathsGiven) return true;
  return !command.watch && discovery.files.length === 0;
}

/** One run's report for `check --watch`, or the exit status of a run that could not be made. */
export type Collected =
  | { kind: 'failed'; status: number }
  | {
    kind: 'report';
    report: CheckReport;
    /** The folders among the paths given (absolute). */
    folders: Set<string>;
    /** The configuration files the checked specs use (absolute). */
    configFiles: string[];
    /** The files the checked specs link that their analysis read (API descriptions, Markdown), when a cache recorded them (absolute). */
    linkedFiles: string[];
  };

/**
 * Discovers and checks the specs as `runCheck` does, with the bulk suppressions applied (never
 * written), and returns the report instead of printing it. Problems go to stderr as in `check`.
 */
export async function collectReport(command: CheckCommand, io: CliIo, cache: ResultCache | undefined): Promise<Collected> {
  const explicitConfig = command.config ? resolve(io.cwd, command.config) : undefined;
  const discovery = await discoverSpecs(command, io, explicitConfig);
  if (!discovery) return { kind: 'failed', status: EXIT_USAGE };
  const failures: Failures = { config: [], internal: [] };
  const files: FileReport[] = [];
  const configFiles = new Set<string>();
  const host = io.host ?? nodeHost;
  for (const file of discovery.files) {
    const report = await checkFile(file, { cwd: io.cwd, explicitConfig, maxFileSizeKB: command.maxFileSizeKB, failures, cache, configFiles, host });
    if (report) files.push(report);
  }
  if (reportConfigErrors(failures.config, io)) return { kind: 'failed', status: EXIT_USAGE };
  for (const message of failures.internal) io.stderr(`specready: internal error: ${message}\n`);
  const bulk = runBulkSuppressions(files, command.suppressions, io.cwd);
  for (const message of bulk.messages) io.stderr(`specready: ${message}\n`);
  if (bulk.usageError || failures.internal.length > 0) return { kind: 'failed', status: EXIT_USAGE };
  const folders = new Set<string>();
  for (const path of command.paths) {
    const absolute = resolve(io.cwd, path);
    if ((await host.stat(absolute))?.kind === 'directory') folders.add(absolute);
  }
  const linkedFiles = new Set(cache ? discovery.files.flatMap((file) => cache.readsOf(file)) : []);
  return { kind: 'report', report: buildReport(io.cwd, bulk.files), folders, configFiles: [...configFiles], linkedFiles: [...linkedFiles] };
}

export async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const explicitConfig = command.config ? resolve(io.cwd, command.config) : undefined;
  const discovery = await discoverSpecs(command, io, explicitConfig);
  if (!discovery) return EXIT_USAGE;
  const host = io.host ?? nodeHost;

  let changes: ChangedSelection | undefined;
  if (command.changedSince !== undefined) {
    try {
      changes = await selectChangedSpecs(discovery.files, command.changedSince, await gitAnchor(command.paths[0] ?? '.', io.cwd, host));
    } catch (error) {
      if (!(error instanceof ChangedSinceError)) throw error;
      io.stderr(`specready: ${error.message}\n`);
      return EXIT_USAGE;
    }
  }

  const failures: Failures = { config: [], internal: [] };
  const cache = command.cache.enabled ? ResultCache.open(cacheFileLocation(io.cwd, command.cache.location), command.cache.strategy) : undefined;
  const files: FileReport[] = [];
  for (const file of changes?.files ?? discovery.files) {
    const report = await checkFile(file, { cwd: io.cwd, explicitConfig, maxFileSizeKB: command.maxFileSizeKB, failures, cache, host });
    if (report && changes) report.previousScore = await previousScore(changes, file, explicitConfig, io.cwd, cache) ?? null;
    if (report) files.push(report);
  }
  if (reportConfigErrors(failures.config, io)) return EXIT_USAGE;
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`specready: ${cacheProblem}\n`);

  const bulk = runBulkSuppressions(files, command.suppressions, io.cwd);
  if (bulk.usageError) {
    for (const message of bulk.messages) io.stderr(`specready: ${message}\n`);
    return EXIT_USAGE;
  }
  const report = buildReport(io.cwd, bulk.files);
  io.stdout(formatReport(report, command, io));
  if (changes) io.stderr(`specready: ${changedNote(changes, discovery.files.length)}\n`);
  for (const message of bulk.messages) io.stderr(`specready: ${message}\n`);
  const summaryProblem = writeStepSummary(report, io.env, { changedSince: changes && { ref: changes.ref, base: changes.base } });
  if (summaryProblem) io.stderr(`specready: ${summaryProblem}\n`);
  const [unmatched] = discovery.unmatched;
  if (files.length === 0 && unmatched) io.stderr(`specready: ${unmatchedMessage(unmatched, io.cwd, false)}\n`);
  for (const message of failures.internal) io.stderr(`specready: internal error: ${message}\n`);
  if (failures.internal.length > 0) return EXIT_USAGE;
  let status = exitStatus(report, command, io);
  if (command.failOnScoreDrop && changes && scoreDropped(report, changes, io)) status = EXIT_FINDINGS;
  return bulk.failed ? EXIT_FINDINGS : status;
}

/** What checking one file needs from its run. */
interface CheckRun {
  cwd: string;
  explicitConfig: string | undefined;
  maxFileSizeKB: number | undefined;
  failures: Failures;
  cache: ResultCache | undefined;
  /** Collects the configuration files the checked specs use. */
  configFiles?: Set<string>;
  host: Host;
}

async function checkFile(file: string, run: CheckRun): Promise<FileReport | undefined> {
  const { cwd, explicitConfig, maxFileSizeKB, failures, cache, configFiles, host } = run;
  const loaded = await configLoaderFor(host).loadConfigFor(file, explicitConfig);
  if (loaded.file) configFiles?.add(loaded.file);
  if (loaded.errors.length > 0) {
    failures.config.push(...loaded.errors);
    return undefined;
  }
  const path = displayPath(file, cwd);
  const profile = loaded.config.profile ?? DEFAULT_PROFILE;
  const threshold = loaded.config.threshold ?? DEFAULT_THRESHOLD;
  const limitKB = maxFileSizeKB ?? loaded.config.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  // Taken before the file is read: a change after it makes the stored signature stale, never wrong.
  const stat = await host.stat(file);
  if (stat !== undefined && stat.size > limitKB * 1024) {
    return tooLargeFileReport(path, profile, threshold, fileTooLargeMessage(stat.size, limitKB, 'raise it with --max-file-size or maxFileSizeKB in .specready.*'));
  }
  let read: Promise<string | { problem: string }> | undefined;
  const readText = (): Promise<string | { problem: string }> => (read ??= readSpecText(file, host));
  const projectRoot = (await findProjectRoot(dirname(file), { configFile: explicitConfig ? undefined : loaded.file, fallback: cwd, host })).folder;
  const cacheContext = { config: loaded.config, projectRoot };
  // With --cache-strategy metadata an unchanged file is not even read.
  const signature = await cache?.signature(stat, async () => { const text = await readText(); return typeof text === 'string' ? text : undefined; });
  const cached = signature === undefined ? undefined : await cache?.lookup(file, signature, cacheContext, path, host);
  if (cached) return cached;
  const text = await readText();
  if (typeof text !== 'string') return unreadableFileReport(path, profile, threshold, text.problem);
  const uri = pathToFileURL(file).href;
  try {
    // With the cache, the host records what the analysis looked at (linked files): the
    // dependencies a stored report is checked against next time.
    const recording = cache ? new RecordingHost(host) : undefined;
    const result = await analyzeDocument(text, uri, { host: recording ?? host, config: loaded.config, projectRoot, ...(cache ? { linkTargetCache: new LinkTargetCache() } : {}) });
    for (const failure of result.ruleFailures) failures.internal.push(`rule "${failure.rule}" failed on ${path}: ${failure.error}`);
    const report = fileReportFromAnalysis(path, result);
    if (cache && signature !== undefined && recording && result.ruleFailures.length === 0) await cache.store(file, signature, cacheContext, recording, host, report);
    return report;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    failures.config.push(withConfigFile(error, loaded, file));
    return undefined;
  }
}

/** The engine does not know which file the configuration came from. */
function withConfigFile(error: ConfigError, loaded: LoadedConfig, specFile: string): ConfigError {
  if (!error.file) error.file = loaded.file ?? specFile;
  return error;
}

/** The file as UTF-8 text, or why it cannot be checked. */
export async function readSpecText(file: string, host: Host = nodeHost): Promise<string | { problem: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(file);
  } catch (error) {
    return { problem: `cannot read file: ${errorCode(error) || (error as Error).message}` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { problem: 'not a text file (it contains NUL bytes); only Markdown can be checked' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text; save the file as UTF-8' };
  }
}

export function formatReport(report: CheckReport, command: CheckCommand, io: CliIo): string {
  switch (command.format) {
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report, RULES, {
      name: TOOL_NAME, version: TOOL_VERSION, informationUri: INFORMATION_URI, helpUri: ruleDocsUrl,
    });
    case 'github': return formatGithub(report);
    case 'markdown': return formatMarkdown(report);
    case 'stylish': {
      const text = formatStylish(report, { color: shouldUseColor(io.env, io.stdoutIsTTY), width: terminalWidth(io) });
      return command.explain ? `${text}${explanation(report)}` : text;
    }
  }
}

/** `--explain`: the verdict and every lost point of each file, blockers first. */
function explanation(report: CheckReport): string {
  const parts = report.files.map((file) => [`\n${file.path}: ${file.score}/100, ${verdictLine(file)}`, ...explanationLines(file).map((line) => `  ${line}`)].join('\n'));
  return `${parts.join('\n')}\n`;
}

/** The terminal's width; COLUMNS when piped; 120 when nothing says (a CI log, a file). */
function terminalWidth(io: CliIo): number {
  if (io.stdoutIsTTY && io.stdoutColumns) return io.stdoutColumns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 120;
}

/** 1 when a file has errors or a limit is exceeded; each exceeded limit is explained on stderr. */
function exitStatus(report: CheckReport, command: CheckCommand, io: CliIo): number {
  let status = report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  const { minScore, maxWarnings } = command;
  if (minScore !== undefined) {
    const low = report.files.filter((file) => file.score < minScore);
    if (low.length > 0) {
      const list = low.map((file) => `${file.path} (${file.score})`).join(', ');
      io.stderr(`specready: ${low.length === 1 ? '1 file scores' : `${low.length} files score`} below --min-score ${minScore}: ${list}\n`);
      status = EXIT_FINDINGS;
    }
  }
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) {
    io.stderr(`specready: ${report.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    status = EXIT_FINDINGS;
  }
  return status;
}

/** The folder whose repository --changed-since asks: that of the first path given. */
async function gitAnchor(path: string, cwd: string, host: Host): Promise<string> {
  const absolute = resolve(cwd, path);
  return (await host.stat(absolute))?.kind === 'directory' ? absolute : dirname(absolute);
}

/** How many specs --changed-since selected, and against which commit. */
function changedNote(changes: ChangedSelection, discovered: number): string {
  const linked = [...changes.reasons.values()].filter((reason) => reason !== 'changed').length;
  const how = linked > 0 ? ` (${linked} because ${linked === 1 ? 'it links' : 'they link'} to a changed file)` : '';
  return `${changes.files.length} of ${discovered === 1 ? '1 spec' : `${discovered} specs`} checked: changed since ${changes.ref} `
    + `(merge base ${changes.base.slice(0, 12)})${how}`;
}

/** --fail-on-score-drop: true (and explained on stderr) when a spec scores lower than at the base. */
function scoreDropped(report: CheckReport, changes: ChangedSelection, io: CliIo): boolean {
  const dropped = report.files.filter((file) => typeof file.previousScore === 'number' && file.score < file.previousScore);
  if (dropped.length === 0) return false;
  const list = dropped.map((file) => `${file.path} ${scoreChange(file.score, file.previousScore)}`).join(', ');
  io.stderr(`specready: ${dropped.length === 1 ? '1 spec scores' : `${dropped.length} specs score`} lower than at ${changes.ref}: ${list}\n`);
  return true;
}

/** Prints configuration errors once each; true when there were any. */
function reportConfigErrors(errors: readonly ConfigError[], io: CliIo): boolean {
  const lines = new Set(errors.map((error) => {
    const shown = new ConfigError(error.message, { ...error, file: error.file && displayPath(error.file, io.cwd) });
    return `specready: ${formatConfigError(shown)}\n`;
  }));
  for (const line of lines) io.stderr(line);
  return errors.length > 0;
}

/**
 * A folder given on the command line in which no file is a spec: which globs were tried against
 * which folder, and the three ways out.
 */
function unmatchedMessage(folder: UnmatchedFolder, cwd: string, isError: boolean): string {
  const globs = folder.globs.include.length > 0 ? folder.globs.include.join(', ') : '(none)';
  const root = relative(cwd, folder.root) === '' ? '.' : displayPath(folder.root, cwd);
  return `no spec files found in ${folder.path}\n`
    + `  A spec is a file matching ${globs} (relative to the project root ${root}),\n`
    + '  or a Markdown file with "specready: true" in its front matter.\n'
    + '  To check other files, name them on the command line, add "specready: true" to their front matter,\n'
    + '  or set "include" in the .specready.* configuration file'
    + (isError ? ';\n  pass --no-error-on-unmatched-pattern to let a folder without specs pass.' : '.')
    + (root === '.' ? '' : `\n  To check the whole project, run the check in its root ${root}.`);
}

/** Relative to the working directory with forward slashes; absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  const shown = path === '' || isAbsolute(path) ? file : path;
  return shown.split(sep).join('/');
}
