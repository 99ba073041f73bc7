/**
 * `specready check --changed-since <ref>`: pull-request mode. Checks only the specs that changed
 * since the merge base of `<ref>` and HEAD (committed, staged, unstaged or untracked), plus the
 * specs that link to a changed file, and scores each spec as it was at the merge base so that
 * the report can say "payments.spec.md 72 → 85 (+13)".
 *
 * Uses the git command line through a child process. The repository may be untrusted:
 * `core.fsmonitor` (which can name any program) is switched off and optional locks skipped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config/errors';
import { loadConfigFor } from '../config/load';
import { analyzeSpec, parseForConfig } from '../engine/analyze';
import { findProjectRoot } from '../fs/project-root';
import { linkLocation } from '../fs/link-location';
import { documentAnchors, localLinkPaths } from '../model/link-targets';
import { parseSpec } from '../model/parse';
import type { SpecModel } from '../model/types';
import type { LinkTargetInfo } from '../rules/types';

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
export function gitRoot(cwd: string): string {
  const top = runGit(cwd, ['rev-parse', '--show-toplevel'], { allowFailure: true });
  if (!top.ok) throw new ChangedSinceError(`--changed-since needs a git work tree, and ${cwd} is not inside one`);
  return realPath(top.stdout.trim());
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
    const status = diff[index++];
    if (status === '') continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = diff[index++];
      const path = diff[index++];
      changes.push({ path, from: status.startsWith('R') ? from : undefined, status: status[0] });
    } else {
      changes.push({ path: diff[index++], status: status[0] });
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
  const root = gitRoot(anchor);
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
  const atBase = treeOf(selection).files;
  for (const file of discovered) {
    const real = realPath(file);
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
    if (change?.status !== 'A' && atBase.has(before)) selection.previousPath.set(file, before);
  }
  return selection;
}

/** Whether a spec links to one of the touched files; cheap name test first, then its links. */
async function linksToTouched(file: string, touched: ReadonlySet<string>, names: ReadonlySet<string>): Promise<boolean> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
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

/** Every file path (relative to the root, forward slashes) in the tree of `commit`. */
function listTree(root: string, commit: string): string[] {
  return runGit(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit]).stdout.split('\0').filter(Boolean);
}

/**
 * The readiness score of a spec as it was at the base: its text then, checked with today's
 * configuration, with links resolved against the tree of the base. Undefined when that text
 * cannot be read or analysed.
 */
export async function previousScore(selection: ChangedSelection, file: string, explicitConfig: string | undefined, cwd: string): Promise<number | undefined> {
  const path = selection.previousPath.get(file);
  if (path === undefined) return undefined;
  const shown = runGit(selection.root, ['show', `${selection.base}:${path}`], { allowFailure: true });
  if (!shown.ok) return undefined;
  const loaded = await loadConfigFor(file, explicitConfig);
  if (loaded.errors.length > 0) return undefined;
  const oldFile = join(selection.root, path);
  const uri = pathToFileURL(oldFile).href;
  try {
    const model = parseForConfig(shown.stdout, uri, loaded.config);
    const projectRoot = (await findProjectRoot(dirname(file), { configFile: explicitConfig ? undefined : loaded.file, fallback: cwd })).folder;
    const linkTargets = linkTargetsAtBase(selection, model, oldFile, projectRoot);
    return analyzeSpec(shown.stdout, { uri, config: loaded.config, linkTargets, model }).score;
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/** What `broken-link` needs, as the files were at the base. */
function linkTargetsAtBase(selection: ChangedSelection, model: SpecModel, specFile: string, projectRoot: string): Map<string, LinkTargetInfo> {
  const tree = treeOf(selection);
  const targets = new Map<string, LinkTargetInfo>();
  for (const key of localLinkPaths(model)) {
    const location = linkLocation(key, { documentFolder: dirname(specFile), projectRoot });
    if (location === undefined) continue;
    const inside = relative(selection.root, location);
    if (inside.startsWith('..') || isAbsolute(inside)) continue;
    const path = toGitPath(inside);
    if (tree.files.has(path)) {
      targets.set(key, /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? { exists: true, slugs: anchorsAtBase(selection, path) } : { exists: true });
    } else {
      targets.set(key, { exists: path === '' || tree.folders.has(path) });
    }
  }
  return targets;
}

const trees = new WeakMap<ChangedSelection, { files: Set<string>; folders: Set<string>; anchors: Map<string, ReadonlySet<string>> }>();

function treeOf(selection: ChangedSelection): { files: Set<string>; folders: Set<string>; anchors: Map<string, ReadonlySet<string>> } {
  let tree = trees.get(selection);
  if (!tree) {
    const files = new Set(listTree(selection.root, selection.base));
    const folders = new Set<string>();
    for (const file of files) {
      for (let folder = file.lastIndexOf('/'); folder > 0; folder = file.lastIndexOf('/', folder - 1)) folders.add(file.slice(0, folder));
    }
    tree = { files, folders, anchors: new Map() };
    trees.set(selection, tree);
  }
  return tree;
}

function anchorsAtBase(selection: ChangedSelection, path: string): ReadonlySet<string> {
  const tree = treeOf(selection);
  let anchors = tree.anchors.get(path);
  if (!anchors) {
    const shown = runGit(selection.root, ['show', `${selection.base}:${path}`], { allowFailure: true });
    anchors = shown.ok ? documentAnchors(parseSpec(shown.stdout, pathToFileURL(join(selection.root, path)).href)) : new Set();
    tree.anchors.set(path, anchors);
  }
  return anchors;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function toGitPath(path: string): string {
  return path.split(sep).join('/');
}
