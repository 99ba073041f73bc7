/**
 * `specready check --changed-since <ref>`: pull-request mode. Checks only the specs that changed
 * since the merge base of `<ref>` and HEAD (committed, staged, unstaged or untracked), plus the
 * specs that link to a changed file, and scores each spec as it was at the merge base so that
 * the report can say "payments.spec.md 72 → 85 (+13)". The spec at the base is analysed by the
 * same pipeline as today's, with its linked files as they were at the base (GitTreeHost); with
 * `--cache` that score is stored, so repeated runs of a pull request do not analyse the base again.
 *
 * Uses the git command line through a child process. The repository may be untrusted:
 * `core.fsmonitor` (which can name any program) is switched off and optional locks skipped.
 */
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/errors';
import { loadConfigFor } from '../config/load';
import { LinkTargetCache } from '../fs/link-targets';
import { findProjectRoot } from '../fs/project-root';
import { linkLocation } from '../fs/link-location';
import { decodeUtf8 } from '../host/host';
import { nodeHost } from '../host/node-host';
import { localLinkPaths } from '../model/link-targets';
import { parseSpec } from '../model/parse';
import { analyzeDocument } from '../pipeline/analyze-document';
import { RecordingHost, type ResultCache } from './cache';
import { GitTreeHost } from './git-tree-host';

/** Something about git or the ref that stops the check: exit status 2 with this message. */
export class ChangedSinceError extends Error {
  override name = 'ChangedSinceError';
}

export interface ChangedSelection {
  /** The ref as given, and the merge-base commit it resolved to. */
  ref: string;
  base: string;
  /** Absolute root of the git work tree. */
  root: string;
  /** The discovered specs to check (absolute, in discovery order). */
  files: string[];
  /** Why each was selected. */
  reasons: Map<string, 'changed' | 'links to a changed file'>;
  /** For each selected spec, its path at the base relative to `root`; absent when it is new. */
  previousPath: Map<string, string>;
}

const GIT_TIMEOUT_MS = 60_000;

export function runGit(cwd: string, args: readonly string[], options: { allowFailure?: boolean } = {}): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: GIT_TIMEOUT_MS,
    windowsHide: true,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new ChangedSinceError(code === 'ENOENT'
      ? '--changed-since needs git, and there is no git command on PATH'
      : `git ${args[0]} failed: ${result.error.message}`);
  }
  const outcome = { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.trim() };
  if (!outcome.ok && !options.allowFailure) throw new ChangedSinceError(`git ${args.join(' ')} failed: ${outcome.stderr.split('\n')[0]}`);
  return outcome;
}

/** The work tree root, or a clear error outside one. */
export async function gitRoot(cwd: string): Promise<string> {
  const top = runGit(cwd, ['rev-parse', '--show-toplevel'], { allowFailure: true });
  if (!top.ok) throw new ChangedSinceError(`--changed-since needs a git work tree, and ${cwd} is not inside one`);
  return await realPath(top.stdout.trim());
}

/** The merge base of `ref` and HEAD: what a pull request is compared against. */
export function mergeBase(root: string, ref: string): string {
  if (ref.startsWith('-')) throw new ChangedSinceError(`--changed-since: "${ref}" is not a git revision`);
  const commit = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { allowFailure: true });
  if (!commit.ok) {
    throw new ChangedSinceError(`--changed-since: unknown git revision "${ref}" (in a shallow CI clone, fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
  }
  const base = runGit(root, ['merge-base', commit.stdout.trim(), 'HEAD'], { allowFailure: true });
  if (!base.ok) {
    throw new ChangedSinceError(`--changed-since: "${ref}" and HEAD have no common ancestor in this clone (a shallow clone? fetch more history, e.g. fetch-depth: 0)`);
  }
  return base.stdout.trim();
}

interface Change {
  /** Path now, relative to the root (for a deletion, the path that is gone). */
  path: string;
  /** Path at the base when renamed or copied. */
  from?: string;
  status: string;
}

/** Files that differ between the base and the working tree, untracked files included. */
export function changedFiles(root: string, base: string): Change[] {
  const diff = runGit(root, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', base, '--']).stdout.split('\0');
  const changes: Change[] = [];
  for (let index = 0; index + 1 < diff.length;) {
    const status = diff[index++] ?? '';
    if (status === '') continue;
    const kind = status.charAt(0);
    if (kind === 'R' || kind === 'C') {
      const from = diff[index++];
      const path = diff[index++] ?? '';
      changes.push({ path, from: kind === 'R' ? from : undefined, status: kind });
    } else {
      changes.push({ path: diff[index++] ?? '', status: kind });
    }
  }
  const untracked = runGit(root, ['ls-files', '--others', '--exclude-standard', '-z']).stdout.split('\0').filter(Boolean);
  for (const path of untracked) changes.push({ path, status: 'A' });
  return changes;
}

/**
 * Picks the specs to check among `discovered` (absolute): those that changed, and those with a
 * local link to a changed file (a renamed or deleted target counts by its old path too). The
 * repository is the one that holds `anchor` (the first path given on the command line).
 */
export async function selectChangedSpecs(discovered: readonly string[], ref: string, anchor: string): Promise<ChangedSelection> {
  const root = await gitRoot(anchor);
  const base = mergeBase(root, ref);
  const changes = changedFiles(root, base);
  const changedNow = new Map<string, Change>();
  const touched = new Set<string>();
  for (const change of changes) {
    const absolute = join(root, change.path);
    changedNow.set(absolute, change);
    touched.add(absolute);
    if (change.from) touched.add(join(root, change.from));
  }
  const touchedNames = new Set([...touched].map((file) => basename(file)));
  const selection: ChangedSelection = { ref, base, root, files: [], reasons: new Map(), previousPath: new Map() };
  const atBase = baseTree(selection);
  for (const file of discovered) {
    const real = await realPath(file);
    const change = changedNow.get(real);
    if (change && change.status !== 'D') {
      selection.reasons.set(file, 'changed');
    } else if (!change && await linksToTouched(real, touched, touchedNames)) {
      selection.reasons.set(file, 'links to a changed file');
    } else {
      continue;
    }
    selection.files.push(file);
    const before = change?.from ?? toGitPath(relative(root, real));
    if (change?.status !== 'A' && atBase.hasFile(before)) selection.previousPath.set(file, before);
  }
  return selection;
}

/** Whether a spec links to one of the touched files; cheap name test first, then its links. */
async function linksToTouched(file: string, touched: ReadonlySet<string>, names: ReadonlySet<string>): Promise<boolean> {
  let text: string;
  try {
    text = decodeUtf8(await nodeHost.readFile(file));
  } catch {
    return false;
  }
  if (![...names].some((name) => text.includes(name))) return false;
  const model = parseSpec(text, pathToFileURL(file).href);
  const projectRoot = (await findProjectRoot(dirname(file), { configFile: (await loadConfigFor(file)).file, fallback: dirname(file) })).folder;
  return localLinkPaths(model).some((key) => {
    const target = linkLocation(key, { documentFolder: dirname(file), projectRoot });
    return target !== undefined && touched.has(target);
  });
}

/** The files of the merge base, listed once per run. */
const trees = new WeakMap<ChangedSelection, GitTreeHost>();

function baseTree(selection: ChangedSelection): GitTreeHost {
  let tree = trees.get(selection);
  if (!tree) {
    const listing = runGit(selection.root, ['ls-tree', '-r', '-l', '-z', '--full-tree', selection.base]).stdout;
    tree = GitTreeHost.fromListing(selection.root, selection.base, listing);
    trees.set(selection, tree);
  }
  return tree;
}

/**
 * The readiness score of a spec as it was at the base: its text then, checked with today's
 * configuration, with its linked files (headings, API descriptions) as they were at the base.
 * Undefined when that text cannot be read or analysed. With a cache, a score stored for the same
 * text, path, configuration and linked files is used instead.
 */
export async function previousScore(selection: ChangedSelection, file: string, explicitConfig: string | undefined, cwd: string,
  cache?: ResultCache): Promise<number | undefined> {
  const path = selection.previousPath.get(file);
  if (path === undefined) return undefined;
  const tree = baseTree(selection);
  const blob = tree.blobId(path);
  if (blob === undefined) return undefined;
  const loaded = await loadConfigFor(file, explicitConfig);
  if (loaded.errors.length > 0) return undefined;
  const oldFile = join(selection.root, ...path.split('/'));
  const projectRoot = (await findProjectRoot(dirname(file), { configFile: explicitConfig ? undefined : loaded.file, fallback: cwd })).folder;
  const context = { config: loaded.config, projectRoot };
  const key = `${blob}:${path}`;
  const digester = (kind: 'stat' | 'read' | 'list', dependency: string): Promise<string> => tree.digest(kind, dependency);
  const stored = await cache?.lookupBase(key, context, digester);
  if (stored !== undefined) return stored;
  let text: string;
  try {
    text = decodeUtf8(await tree.readFile(oldFile));
  } catch {
    return undefined;
  }
  // With the cache, every file the analysis reads is recorded: a fresh anchor cache per spec.
  const host = cache ? new RecordingHost(tree) : tree;
  try {
    const result = await analyzeDocument(text, pathToFileURL(oldFile).href, { host, config: loaded.config, projectRoot, linkTargetCache: new LinkTargetCache() });
    if (cache && host instanceof RecordingHost && result.ruleFailures.length === 0) await cache.storeBase(key, context, host, digester, result.score);
    return result.score;
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

async function realPath(path: string): Promise<string> {
  try {
    return await nodeHost.realPath(path);
  } catch {
    return resolve(path);
  }
}

function toGitPath(path: string): string {
  return path.split(sep).join('/');
}
