/**
 * Which files are specs. The pure helpers (`isSpecPath`, `hasSpecFrontMatter`,
 * `isSpecDocument`) are shared with the language server, which decides from the text it already
 * has; `discoverSpecFiles` walks folders for the CLI.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../config/errors';
import { loadConfigForFolder } from '../config/load';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, type SpecReadyConfig } from '../config/types';
// `require` makes esbuild pick tinyglobby's CommonJS build: its ES module build pulls in fdir's,
// which calls createRequire(import.meta.url), and import.meta is empty in a CommonJS bundle.
import tinyglobby = require('tinyglobby');

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

const matchers = new Map<string, (path: string) => boolean>();

/** `dot: true` so that specs under .github/ or other dot folders are found like any other. */
function matcher(patterns: readonly string[]): (path: string) => boolean {
  const key = patterns.join('\0');
  let match = matchers.get(key);
  if (!match) {
    match = patterns.length > 0 ? picomatch([...patterns], { dot: true }) : () => false;
    matchers.set(key, match);
  }
  return match;
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
}

export interface DiscoveryResult {
  /** Absolute, forward-slash paths, sorted and without duplicates. */
  files: string[];
  /** Paths given that do not exist, as given. */
  missing: string[];
  configErrors: ConfigError[];
}

/**
 * Files named explicitly are always checked. Folders are walked, and a file in them is a spec
 * when it matches the globs of the configuration that applies to the folder (relative to that
 * configuration file's folder), or when it is Markdown with `specready: true` front matter.
 */
export async function discoverSpecFiles(paths: readonly string[], options: DiscoverOptions): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { files: [], missing: [], configErrors: [] };
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = resolve(options.cwd, given);
    const kind = fileKind(absolute);
    if (kind === 'file') found.add(absolute);
    else if (kind === 'directory') await walkFolder(absolute, options, found, result);
    else result.missing.push(given);
  }
  result.files = [...found].map(toForwardSlashes).sort();
  return result;
}

async function walkFolder(folder: string, options: DiscoverOptions, found: Set<string>, result: DiscoveryResult): Promise<void> {
  const loaded = loadConfigForFolder(folder, options.config);
  if (loaded.errors.length > 0) {
    result.configErrors.push(...loaded.errors);
    return;
  }
  const globs = specGlobs(loaded.config);
  const base = globBase(folder, loaded.file, options);
  const candidates = await tinyglobby.glob('**/*', {
    cwd: folder,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    // Pruning only: depth-independent excludes skip whole trees; the exact test is below.
    ignore: globs.exclude.filter((pattern) => pattern.startsWith('**/')),
  });
  for (const candidate of candidates) {
    const file = resolve(candidate);
    if (isSpecCandidate(relative(base, file), file, globs)) found.add(file);
  }
}

function isSpecCandidate(relativePath: string, file: string, globs: SpecGlobs): boolean {
  if (isExcludedPath(relativePath, globs.exclude)) return false;
  const included = isSpecPath(relativePath, globs.include, globs.exclude);
  if (!/\.(?:md|markdown)$/i.test(file)) return included;
  return specFrontMatterFlag(readHead(file)) ?? included;
}

/**
 * Globs are relative to the folder of the configuration file that was found; with `--config`
 * or without a configuration, to the working directory. A walked folder outside that base
 * (`specready check ../other`) uses itself as the base, since `**` never matches `..`.
 */
function globBase(folder: string, configFile: string | undefined, options: DiscoverOptions): string {
  const base = configFile && !options.config ? dirname(configFile) : resolve(options.cwd);
  const inside = relative(base, folder);
  return inside.startsWith('..') || isAbsolute(inside) ? folder : base;
}

const HEAD_BYTES = 4096;
const MAX_FRONT_MATTER_BYTES = 65536;

/** The start of a file, long enough to hold its front matter; '' when unreadable. */
export function readHead(file: string): string {
  const head = readBytes(file, HEAD_BYTES);
  const unclosed = FRONT_MATTER_OPENER.test(head.text) && !FRONT_MATTER.test(head.text);
  return unclosed && !head.complete ? readBytes(file, MAX_FRONT_MATTER_BYTES).text : head.text;
}

function readBytes(file: string, length: number): { text: string; complete: boolean } {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const buffer = Buffer.alloc(length);
    const read = readSync(descriptor, buffer, 0, length, 0);
    return { text: buffer.subarray(0, read).toString('utf8'), complete: read < length };
  } catch {
    return { text: '', complete: true };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function fileKind(path: string): 'file' | 'directory' | undefined {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return 'directory';
    return 'file';
  } catch {
    return undefined;
  }
}

function toForwardSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
