/**
 * `specready check --watch`: check once and print the report as `check` does, then check again
 * whenever a file under the checked paths, a configuration file they use or a file a checked
 * spec links (an OpenAPI file, a Markdown document) changes, and print only what changed:
 * findings that appeared or went away and score changes, per file. With `--format json`, every
 * run prints the whole report as one JSON document on one line.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { clearConfigCache } from '../config/load';
import type { CheckCommand } from './args';
import { createPalette, shouldUseColor, type Palette } from './color';
import { cacheFileLocation, ResultCache } from './cache';
import { collectReport, formatReport, type Collected } from './commands/check';
import { formatJson } from './formatters/json';
import { EXIT_OK, type CliIo } from './io';
import type { CheckReport, FileReport, ReportDiagnostic } from './report';

/** What the watch needs from its process: where changes come from and how it is stopped. */
export interface WatchHost {
  /** Calls `onChange` with the changed path whenever something under `path` changes; returns a closer. */
  watch(path: string, recursive: boolean, onChange: (path: string) => void): { close(): void };
  /** Resolves when the user asks to stop (Ctrl-C). */
  stopped: Promise<void>;
}

/** Changes closer together than this are checked together (an editor saving writes several times). */
const SETTLE_MS = 80;

export async function runWatch(command: CheckCommand, io: CliIo, host: WatchHost): Promise<number> {
  const palette = createPalette(shouldUseColor(io.env, io.stdoutIsTTY));
  // Unchanged files whose linked files are unchanged too are not analysed again: in memory, or
  // in the cache file with --cache (saved after every run).
  const cache = command.cache.enabled
    ? ResultCache.open(cacheFileLocation(io.cwd, command.cache.location), command.cache.strategy)
    : ResultCache.inMemory('content');
  const collect = async (): Promise<Collected> => {
    // A configuration file may have changed since the last run.
    clearConfigCache();
    const collected = await collectReport(command, io, cache);
    const problem = cache.save();
    if (problem) io.stderr(`specready: ${problem}\n`);
    return collected;
  };
  const first = await collect();
  if (first.kind === 'failed') return first.status;
  const json = command.format === 'json';
  io.stdout(json ? formatJson(first.report, true) : formatReport(first.report, command, io));
  let previous = first.report;
  const watchers = new Map<string, { close(): void }>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const changed = new Set<string>();
  /** Linked files outside the watched paths, watched through their folders. */
  let linked = new Set<string>();

  const recheck = async (): Promise<void> => {
    const paths = [...changed];
    changed.clear();
    const next = await collect();
    if (next.kind === 'failed') {
      io.stderr(`specready: ${clock()} the check failed (see above); watching for the next change\n`);
      return;
    }
    io.stdout(json ? formatJson(next.report, true) : formatChanges(previous, next.report, palette, paths));
    previous = next.report;
    follow(next);
  };
  const schedule = (path: string): void => {
    if (ignored(path)) return;
    changed.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await recheck();
        } while (again);
      })().finally(() => { running = undefined; });
    }, SETTLE_MS);
  };
  /** Watches the checked paths and the folders of the configuration files in use. */
  const follow = (collected: Extract<Collected, { kind: 'report' }>): void => {
    const wanted = new Map<string, boolean>();
    for (const path of command.paths) {
      const absolute = resolve(io.cwd, path);
      if (collected.folders.has(absolute)) wanted.set(absolute, true);
      else wanted.set(dirname(absolute), wanted.get(dirname(absolute)) ?? false);
    }
    for (const file of collected.configFiles) {
      const folder = dirname(file);
      if (![...wanted].some(([root, recursive]) => folder === root || (recursive && folder.startsWith(root + sep)))) wanted.set(folder, false);
    }
    for (const [path, recursive] of wanted) {
      const key = `${path}\u0000${recursive}`;
      if (watchers.has(key)) continue;
      watchers.set(key, host.watch(path, recursive, schedule));
    }
    // A linked file's folder, not the file: an editor that saves by renaming replaces the file.
    const covered = (folder: string) => [...wanted].some(([root, recursive]) => folder === root || (recursive && folder.startsWith(root + sep)));
    linked = new Set(collected.linkedFiles.filter((file) => !covered(dirname(file))));
    for (const folder of new Set([...linked].map((file) => dirname(file)))) {
      const key = `${folder}\u0000linked`;
      if (watchers.has(key)) continue;
      watchers.set(key, host.watch(folder, false, (path) => { if (linked.has(path)) schedule(path); }));
    }
  };
  follow(first);
  const count = first.report.files.length;
  io.stderr(`specready: watching ${count === 1 ? '1 spec' : `${count} specs`}${linked.size > 0 ? ` and ${linked.size === 1 ? '1 linked file' : `${linked.size} linked files`}` : ''} for changes; press Ctrl-C to stop\n`);
  await host.stopped;
  if (timer) clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
  io.stderr('specready: stopped watching\n');
  return EXIT_OK;
}

/** Editors' swap and backup files, git's and npm's folders: not the user's documents. */
function ignored(path: string): boolean {
  return /(?:^|[\\/])(?:\.git|node_modules)(?:[\\/]|$)|(?:\.sw[px]|~|\.tmp)$|(?:^|[\\/])\.specreadycache/.test(path);
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** A finding's identity across edits: what it says, not where (lines move when text is added above). */
function key(diagnostic: ReportDiagnostic): string {
  return `${diagnostic.rule}\u0000${diagnostic.severity}\u0000${diagnostic.message}`;
}

/** The findings of `after` that `before` lacks, counting repeats: two equal findings and one before is one new. */
function added(before: readonly ReportDiagnostic[], after: readonly ReportDiagnostic[]): ReportDiagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of before) counts.set(key(diagnostic), (counts.get(key(diagnostic)) ?? 0) + 1);
  return after.filter((diagnostic) => {
    const left = counts.get(key(diagnostic)) ?? 0;
    if (left === 0) return true;
    counts.set(key(diagnostic), left - 1);
    return false;
  });
}

/**
 * What changed between two runs, per file: new findings (with their place), fixed ones, the score
 * and verdict when they moved, specs that appeared or went away. One line when nothing changed.
 */
export function formatChanges(before: CheckReport, after: CheckReport, palette: Palette, paths: readonly string[] = []): string {
  const old = new Map(before.files.map((file) => [file.path, file]));
  const blocks: string[] = [];
  for (const file of after.files) {
    const was = old.get(file.path);
    old.delete(file.path);
    const block = fileChanges(was, file, palette);
    if (block) blocks.push(block);
  }
  for (const file of old.values()) blocks.push(`${palette.underline(file.path)}\n  ${palette.dim('no longer checked (deleted, renamed or no longer a spec)')}`);
  const time = palette.dim(clock());
  if (blocks.length === 0) {
    const [only] = paths;
    const what = paths.length === 1 && only !== undefined ? relativeName(only, after.root) : `${paths.length || 'some'} changed files`;
    return `${time} ${what}: no change in findings or scores\n`;
  }
  const { errors, warnings, ready, files } = after.summary;
  const totals = palette.dim(`now ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${ready} of ${files} ready for handoff`);
  return `${time} ${blocks.join('\n')}\n${totals}\n`;
}

function fileChanges(was: FileReport | undefined, file: FileReport, palette: Palette): string | undefined {
  const lines: string[] = [];
  const appeared = added(was?.diagnostics ?? [], file.diagnostics);
  const fixed = added(file.diagnostics, was?.diagnostics ?? []);
  for (const diagnostic of appeared) {
    lines.push(`  ${palette.red('+')} ${palette.dim(`${diagnostic.line}:${diagnostic.column}`)}  ${diagnostic.severity}  ${oneLine(diagnostic.message)}  ${palette.dim(diagnostic.rule)}`);
  }
  for (const diagnostic of fixed) {
    lines.push(`  ${palette.green('-')} ${palette.dim('fixed')}  ${diagnostic.severity}  ${oneLine(diagnostic.message)}  ${palette.dim(diagnostic.rule)}`);
  }
  const verdict = (report: FileReport) => (report.notChecked ? 'not checked' : report.ready ? 'ready' : 'not ready');
  if (!was) lines.unshift(`  ${palette.dim('new spec')}: ${file.score}/100, ${verdict(file)}`);
  else if (was.score !== file.score || verdict(was) !== verdict(file)) {
    const moved = was.score === file.score ? `${file.score}/100` : `${was.score} → ${file.score}/100`;
    lines.push(`  score ${moved}, ${verdict(was) === verdict(file) ? verdict(file) : `${verdict(was)} → ${verdict(file)}`}`);
  }
  return lines.length === 0 ? undefined : [palette.underline(file.path), ...lines].join('\n');
}

function relativeName(path: string, root: string): string {
  return path.startsWith(root + sep) ? path.slice(root.length + 1).split(sep).join('/') : path;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** The watch host of a real process: `fs.watch` and Ctrl-C (SIGINT) or SIGTERM. */
export function processWatchHost(): WatchHost {
  return {
    watch(path, recursive, onChange) {
      let watcher: FSWatcher;
      try {
        watcher = watch(path, { recursive }, (_event, name) => onChange(name ? resolve(path, name.toString()) : path));
      } catch {
        return { close() {} };
      }
      // A watched folder that is deleted ends its watcher; the next check reports what is left.
      watcher.on('error', () => watcher.close());
      return { close: () => watcher.close() };
    },
    stopped: new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    }),
  };
}
