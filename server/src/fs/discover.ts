/**
 * Which files are specs. The pure helpers (`isSpecPath`, `hasSpecFrontMatter`,
 * `isSpecDocument`) are shared with the language server, which decides from the text it already
 * has; `discoverSpecFiles` walks folders for the CLI.
 */
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { type ConfigError } from '../config/errors';
import { ConfigLoader } from '../config/load';
import { decodeUtf8, type Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { findProjectRoot } from './project-root';
import { LruCache } from '../util/lru';
import { isSpecReadyManifest, MANIFEST } from './bundle-marker';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type SpecReadyConfig } from '../config/types';

export interface SpecGlobs {
  include: readonly string[];
  exclude: readonly string[];
}

/**
 * A configured `include` replaces the defaults (a project narrows or widens what a spec is);
 * `exclude` adds to them, because node_modules and .git are never wanted.
 */
export function specGlobs(config: SpecReadyConfig = {}): SpecGlobs {
  return {
    include: config.include ?? DEFAULT_INCLUDE,
    exclude: [...DEFAULT_EXCLUDE, ...(config.exclude ?? [])],
  };
}

const matchers = new LruCache<string, (path: string) => boolean>(64);

/** `dot: true` so that specs under .github/ or other dot folders are found like any other. */
function matcher(patterns: readonly string[]): (path: string) => boolean {
  return matchers.getOrCreate(patterns.join('\0'), () => (patterns.length > 0 ? picomatch([...patterns], { dot: true }) : () => false));
}

function normalizeRelative(path: string): string {
  return path.split('\\').join('/').replace(/^(?:\.\/)+/, '');
}

export function isExcludedPath(relativePath: string, exclude: readonly string[] = DEFAULT_EXCLUDE): boolean {
  return matcher(exclude)(normalizeRelative(relativePath));
}

/** Whether a path (relative to the configuration's folder) matches the include and not the exclude globs. */
export function isSpecPath(
  relativePath: string,
  include: readonly string[] = DEFAULT_INCLUDE,
  exclude: readonly string[] = DEFAULT_EXCLUDE,
): boolean {
  const path = normalizeRelative(relativePath);
  return matcher(include)(path) && !matcher(exclude)(path);
}

// `---` on the first line (after an optional BOM) up to a closing `---` or `...` line.
const FRONT_MATTER_OPENER = /^\uFEFF?---[ \t]*\r?\n/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The `specready` front matter flag: true opts a Markdown file in, false opts it out. */
export function specFrontMatterFlag(text: string): boolean | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const body = match[1] ?? '';
  try {
    const data: unknown = parseYaml(body);
    const flag = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).specready : undefined;
    return typeof flag === 'boolean' ? flag : undefined;
  } catch {
    // Broken front matter is reported by the parser when the file is checked; here it just
    // does not opt the file in.
    return undefined;
  }
}

export function hasSpecFrontMatter(text: string): boolean {
  return specFrontMatterFlag(text) === true;
}

/** The language server's test for an open document: front matter first, then the globs. */
export function isSpecDocument(relativePath: string, text: string, globs: SpecGlobs = specGlobs()): boolean {
  if (isExcludedPath(relativePath, globs.exclude)) return false;
  const flag = specFrontMatterFlag(text);
  return flag ?? isSpecPath(relativePath, globs.include, globs.exclude);
}

export interface DiscoverOptions {
  /** Folder that relative paths are resolved against. */
  cwd: string;
  /** `--config FILE`: used for every folder instead of the nearest configuration file. */
  config?: string;
  /** The file system; the real one by default. */
  host?: Host;
  /** Reads the configuration of each walked folder (a caller's loader shares its cache). */
  loader?: ConfigLoader;
  /**
   * `--only-specs`: a file named explicitly is checked only when it is a spec by the same test
   * as a file found in a folder; the others are left out silently (file lists from pre-commit
   * hooks and lint-staged name every staged Markdown file).
   */
  onlySpecs?: boolean;
}

export interface DiscoveryResult {
  /** Absolute, forward-slash paths, sorted and without duplicates. */
  files: string[];
  /** Paths given that do not exist, as given. */
  missing: string[];
  /** With `onlySpecs`: files named explicitly that are not specs (absolute, forward slashes). */
  skipped: string[];
  /** Folders given (as given) in which no spec was found, with the globs that were tried. */
  unmatched: UnmatchedFolder[];
  configErrors: ConfigError[];
}

export interface UnmatchedFolder {
  path: string;
  /** The project root the globs were matched against. */
  root: string;
  globs: SpecGlobs;
}

/**
 * Files named explicitly are always checked. Folders are walked, and a file in them is a spec
 * when it matches the globs of the configuration that applies to the folder, relative to the
 * project root (see project-root.ts), or when it is Markdown with `specready: true` front
 * matter. Handoff bundles (folders with a SpecReady manifest.json) are never walked into.
 */
export async function discoverSpecFiles(paths: readonly string[], options: DiscoverOptions): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { files: [], missing: [], skipped: [], unmatched: [], configErrors: [] };
  const found = new Set<string>();
  const host = options.host ?? nodeHost;
  const walk = { ...options, host, loader: options.loader ?? new ConfigLoader(host) };
  for (const given of paths) {
    const absolute = resolve(options.cwd, given);
    const kind = (await host.stat(absolute))?.kind;
    if (kind === 'directory') await walkFolder(given, absolute, walk, found, result);
    else if (kind === undefined) result.missing.push(given);
    else if (!options.onlySpecs || await isNamedFileSpec(absolute, walk, result)) found.add(absolute);
    else result.skipped.push(toForwardSlashes(absolute));
  }
  result.files = [...found].map(toForwardSlashes).sort();
  return result;
}

type WalkOptions = DiscoverOptions & { host: Host; loader: ConfigLoader };

async function walkFolder(given: string, folder: string, options: WalkOptions, found: Set<string>, result: DiscoveryResult): Promise<void> {
  const loaded = await options.loader.loadConfigForFolder(folder, options.config);
  if (loaded.errors.length > 0) {
    result.configErrors.push(...loaded.errors);
    return;
  }
  const globs = specGlobs(loaded.config);
  const base = await globBase(folder, loaded.file, options);
  // Pruning only: depth-independent excludes skip whole trees; the exact test is below.
  const candidates = await options.host.listFiles(folder, { ignore: globs.exclude.filter((pattern) => pattern.startsWith('**/')) });
  const bundles = await bundleFolders(candidates, options.host);
  let matched = 0;
  for (const candidate of candidates) {
    const file = resolve(candidate);
    if (bundles.length > 0 && bundles.some((bundle) => isInsideFolder(bundle, file))) continue;
    if (await isSpecCandidate(relative(base, file), file, globs, options.host)) {
      found.add(file);
      matched++;
    }
  }
  if (matched === 0) result.unmatched.push({ path: given, root: base, globs });
}

/**
 * `onlySpecs`: whether a file named on the command line would be found as a spec in a walk of
 * its folder (globs of the configuration that applies to it, front matter, not in a bundle).
 */
async function isNamedFileSpec(file: string, options: WalkOptions, result: DiscoveryResult): Promise<boolean> {
  const folder = dirname(file);
  const loaded = await options.loader.loadConfigForFolder(folder, options.config);
  if (loaded.errors.length > 0) {
    result.configErrors.push(...loaded.errors);
    return false;
  }
  const base = await globBase(folder, loaded.file, options);
  return await isSpecCandidate(relative(base, file), file, specGlobs(loaded.config), options.host) && !await isInsideBundle(file, base, options.host);
}

/** Folders (absolute) among the walked files that are SpecReady handoff bundles. */
async function bundleFolders(candidates: readonly string[], host: Host): Promise<string[]> {
  const manifests = candidates.filter((candidate) => basename(candidate) === MANIFEST);
  const heads = await Promise.all(manifests.map((manifest) => readHead(manifest, MANIFEST_HEAD_BYTES, host)));
  return manifests.filter((_, index) => isSpecReadyManifest(heads[index] ?? '')).map((manifest) => dirname(resolve(manifest)));
}

/**
 * Whether a file lies in a handoff bundle: a folder between it and `root` (inclusive) holds a
 * SpecReady manifest.json. For a single file (the language server's open document); a walk
 * finds bundles from the files it lists.
 */
export async function isInsideBundle(file: string, root: string, host: Host = nodeHost): Promise<boolean> {
  let folder = dirname(resolve(file));
  const top = resolve(root);
  for (;;) {
    if (isSpecReadyManifest(await readHead(join(folder, MANIFEST), MANIFEST_HEAD_BYTES, host))) return true;
    if (folder === top) return false;
    const parent = dirname(folder);
    if (parent === folder || !isInsideFolder(top, folder)) return false;
    folder = parent;
  }
}

function isInsideFolder(folder: string, file: string): boolean {
  const inside = relative(folder, file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

async function isSpecCandidate(relativePath: string, file: string, globs: SpecGlobs, host: Host): Promise<boolean> {
  if (isExcludedPath(relativePath, globs.exclude)) return false;
  const included = isSpecPath(relativePath, globs.include, globs.exclude);
  if (!/\.(?:md|markdown)$/i.test(file)) return included;
  return specFrontMatterFlag(await readHead(file, HEAD_BYTES, host)) ?? included;
}

/**
 * Globs are relative to the project root of the walked folder: the folder of its configuration
 * file, else its git work tree, else the working directory (or the folder itself when it lies
 * outside the working directory, since `**` never matches `..`). With `--config` the
 * configuration file's folder says nothing about the project, so the git work tree decides.
 */
async function globBase(folder: string, configFile: string | undefined, options: WalkOptions): Promise<string> {
  const cwd = resolve(options.cwd);
  const fromCwd = relative(cwd, folder);
  const fallback = fromCwd.startsWith('..') || isAbsolute(fromCwd) ? folder : cwd;
  return (await findProjectRoot(folder, { configFile: options.config ? undefined : configFile, fallback, host: options.host })).folder;
}

const HEAD_BYTES = 4096;
/** The tool name is written near the start of a manifest; the whole file can be large. */
const MANIFEST_HEAD_BYTES = 1024;
const MAX_FRONT_MATTER_BYTES = 65536;

/** The start of a file, long enough to hold its front matter; '' when unreadable. */
export async function readHead(file: string, bytes = HEAD_BYTES, host: Host = nodeHost): Promise<string> {
  const head = await readBytes(file, bytes, host);
  const unclosed = FRONT_MATTER_OPENER.test(head.text) && !FRONT_MATTER.test(head.text);
  return unclosed && !head.complete ? (await readBytes(file, MAX_FRONT_MATTER_BYTES, host)).text : head.text;
}

async function readBytes(file: string, length: number, host: Host): Promise<{ text: string; complete: boolean }> {
  try {
    const read = await host.readFile(file, length);
    return { text: decodeUtf8(read), complete: read.length < length };
  } catch {
    return { text: '', complete: true };
  }
}

function toForwardSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
