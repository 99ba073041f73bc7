/**
 * `specready check --cache`: the report of each file from the last run, reused while nothing it
 * depends on has changed. A cached report is used only when all of these are the same as when it
 * was stored: the file itself (by the `--cache-strategy`, ESLint's: `metadata`, the default,
 * compares size and modification time and does not even read an unchanged file; `content`
 * compares a hash of the content, so a fresh clone or a `git checkout` keeps the cache valid), its
 * configuration (the loaded configuration with the
 * project vocabulary, and the project root links resolve against), the tool (version and a hash
 * of the running bundle, so a rebuilt or upgraded SpecReady starts afresh), and every file the
 * analysis looked at through the host (linked files: whether they exist, what kind they are, and
 * those it read, compared by the same strategy), recorded by wrapping the host around the shared
 * pipeline.
 *
 * `--changed-since` stores the score of each spec as it was at the merge base here too, keyed by
 * the spec's git object there, its path, the configuration and the linked files at the base (all
 * content-addressed by git), so repeated runs of a pull request do not analyse the base again.
 *
 * The cache file is one header line (format, tool key, strategy and a hash of the body) and the
 * body. A file that cannot be read, does not parse, fails its hash, was written by another version
 * or with the other strategy is ignored, never trusted, and replaced at the end of the run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SpecReadyConfig } from '../config/types';
import { isDirectorySync } from '../fs/sync-stat';
import type { FileStat, Host, ListOptions } from '../host/host';
import type { FileReport } from './report';
import { TOOL_VERSION } from './version';

/** ESLint's `.eslintcache`, for SpecReady. */
export const DEFAULT_CACHE_FILE = '.specreadycache';
const FORMAT = 'specready-cache/3';
/** Scores at merge bases kept beyond those a run used (the newest stay). */
const MAX_BASE_ENTRIES = 5000;

/** `--cache-strategy`: how a file is known to be unchanged (ESLint's names and meanings). */
export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = typeof CACHE_STRATEGIES[number];
export const DEFAULT_CACHE_STRATEGY: CacheStrategy = 'metadata';

export interface CacheOptions {
  /** `--cache`. */
  enabled: boolean;
  /** `--cache-location <file-or-folder>`. */
  location?: string;
  /** `--cache-strategy metadata|content`. */
  strategy: CacheStrategy;
}

/** What a file's report depends on besides the file itself. */
export interface CacheContext {
  config: SpecReadyConfig;
  /** The project root that root-relative links resolve against. */
  projectRoot: string;
}

/**
 * Something the analysis looked at: a path it asked about (`stat`: what is there), a file it read
 * (`read`: the content, to the byte limit it asked for) or a folder it listed (`list`).
 */
type Dependency = [kind: DependencyKind, path: string, digest: string];
type DependencyKind = 'stat' | 'read' | 'list';

/** What is at a path now, as a short string (see `digest`). */
export type Digester = (kind: DependencyKind, path: string) => Promise<string>;

/**
 * A host that remembers what was asked of it, for `ResultCache.store`. Every call goes to the
 * host it wraps.
 */
export class RecordingHost implements Host {
  readonly stats = new Set<string>();
  readonly reads = new Map<string, number | undefined>();
  readonly lists = new Map<string, ListOptions | undefined>();

  constructor(private readonly inner: Host) {}

  stat(path: string): Promise<FileStat | undefined> {
    this.stats.add(path);
    return this.inner.stat(path);
  }

  readFile(path: string, limit?: number): Promise<Uint8Array> {
    this.reads.set(path, limit);
    return this.inner.readFile(path, limit);
  }

  listFiles(folder: string, options?: ListOptions): Promise<string[]> {
    this.lists.set(folder, options);
    return this.inner.listFiles(folder, options);
  }

  realPath(path: string): Promise<string> {
    this.stats.add(path);
    return this.inner.realPath(path);
  }

  readSameFile(path: string, checked: FileStat): Promise<Uint8Array> {
    this.reads.set(path, undefined);
    return this.inner.readSameFile(path, checked);
  }
}

interface Entry {
  /** The file as the strategy sees it: size and modification time, or a hash of the content. */
  signature: string;
  config: string;
  links: Dependency[];
  /** The report without its path (which depends on the working folder). */
  report: Omit<FileReport, 'path'>;
}

/** The score of a spec's text at a merge base. */
interface BaseEntry {
  config: string;
  links: Dependency[];
  score: number;
}

interface Body {
  files: Record<string, Entry>;
  bases: Record<string, BaseEntry>;
}

interface Header {
  format: string;
  tool: string;
  strategy: CacheStrategy;
  sha1: string;
}

/** Where the cache is read from and written to: a file, or a file in a folder (as in ESLint). */
export function cacheFileLocation(cwd: string, location?: string): string {
  if (!location) return join(resolve(cwd), DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || isDirectorySync(path);
  // One folder can hold the caches of several projects: the name says which working folder.
  return isFolder ? join(path, `${DEFAULT_CACHE_FILE}_${hash(resolve(cwd)).slice(0, 12)}`) : path;
}

export class ResultCache {
  private readonly entries: Map<string, Entry>;
  private readonly bases: Map<string, BaseEntry>;
  private readonly used = new Set<string>();
  private readonly usedBases = new Set<string>();
  private changed = false;
  private readonly configKeys = new WeakMap<SpecReadyConfig, string>();

  private constructor(readonly file: string, readonly strategy: CacheStrategy, stored: Stored | undefined) {
    this.entries = stored?.files ?? new Map<string, Entry>();
    this.bases = stored?.bases ?? new Map<string, BaseEntry>();
    this.changed = stored === undefined;
  }

  /** A cache that lives only as long as the process (`check --watch` between its runs); `save` writes nothing. */
  static inMemory(strategy: CacheStrategy): ResultCache {
    const cache = new ResultCache('', strategy, { files: new Map(), bases: new Map() });
    cache.changed = false;
    return cache;
  }

  /** Opens the cache file; a missing, corrupt or foreign one, or one of the other strategy, gives an empty cache. */
  static open(file: string, strategy: CacheStrategy = DEFAULT_CACHE_STRATEGY): ResultCache {
    if (!existsSync(file)) return new ResultCache(file, strategy, { files: new Map(), bases: new Map() });
    return new ResultCache(file, strategy, readEntries(file, strategy));
  }

  /**
   * What the strategy compares of a file: its size and modification time (`stat`, taken before
   * the file is read), or a hash of its text. undefined when it cannot be known.
   */
  async signature(stat: FileStat | undefined, text: () => Promise<string | undefined>): Promise<string | undefined> {
    if (this.strategy === 'metadata') return stat && metadataSignature(stat);
    const content = await text();
    return content === undefined ? undefined : hash(content);
  }

  /** The stored report of `file` when it, its configuration and its dependencies are unchanged. */
  async lookup(file: string, signature: string, context: CacheContext, path: string, host: Host): Promise<FileReport | undefined> {
    const entry = this.entries.get(file);
    this.used.add(file);
    if (!entry || entry.signature !== signature || entry.config !== this.configKey(context)) return undefined;
    const current = await Promise.all(entry.links.map(([kind, dependency]) => digest(host, kind, dependency, this.strategy)));
    if (current.some((value, index) => value !== entry.links[index]?.[2])) return undefined;
    return { path, ...entry.report };
  }

  /** The files the last analysis of `file` read besides the file itself (linked files), as stored. */
  readsOf(file: string): string[] {
    return (this.entries.get(file)?.links ?? []).filter(([kind, path]) => kind === 'read' && path !== file).map(([, path]) => path);
  }

  /** Stores the report of a file that was analysed, with what the analysis looked at through `recorded`. */
  async store(file: string, signature: string, context: CacheContext, recorded: RecordingHost, host: Host, report: FileReport): Promise<void> {
    const dependencies = await dependenciesOf(recorded, (kind, path) => digest(host, kind, path, this.strategy));
    const stored: Partial<FileReport> = { ...report };
    delete stored.path;
    this.entries.set(file, { signature, config: this.configKey(context), links: dependencies, report: stored as Entry['report'] });
    this.used.add(file);
    this.changed = true;
  }

  /**
   * The score stored for a spec's text at a merge base (`key`: its git object and path) when the
   * configuration and every linked file at that base (`digester`) are the same.
   */
  async lookupBase(key: string, context: CacheContext, digester: Digester): Promise<number | undefined> {
    const entry = this.bases.get(key);
    if (!entry || entry.config !== this.configKey(context)) return undefined;
    const current = await Promise.all(entry.links.map(([kind, path]) => digester(kind, path)));
    if (current.some((value, index) => value !== entry.links[index]?.[2])) return undefined;
    this.usedBases.add(key);
    return entry.score;
  }

  async storeBase(key: string, context: CacheContext, recorded: RecordingHost, digester: Digester, score: number): Promise<void> {
    this.bases.delete(key);
    this.bases.set(key, { config: this.configKey(context), links: await dependenciesOf(recorded, digester), score });
    this.usedBases.add(key);
    this.changed = true;
  }

  /**
   * Writes the cache when anything changed, atomically. Entries of files this run did not check
   * are kept while the file exists (another run may check a different folder). Returns a problem
   * in words, or undefined.
   */
  save(): string | undefined {
    if (this.file === '') return undefined;
    for (const file of this.entries.keys()) {
      if (this.used.has(file) || existsSync(file)) continue;
      this.entries.delete(file);
      this.changed = true;
    }
    for (const key of this.bases.keys()) {
      if (this.bases.size <= MAX_BASE_ENTRIES) break;
      if (this.usedBases.has(key)) continue;
      this.bases.delete(key);
      this.changed = true;
    }
    if (!this.changed) return undefined;
    const data: Body = { files: Object.fromEntries(this.entries), bases: Object.fromEntries(this.bases) };
    const body = JSON.stringify(data);
    const header: Header = { format: FORMAT, tool: toolKey(), strategy: this.strategy, sha1: hash(body) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(resolve(this.file, '..'), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // Nothing was written.
      }
      return `cannot write the cache ${this.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
    return undefined;
  }

  private configKey(context: CacheContext): string {
    let key = this.configKeys.get(context.config);
    if (key === undefined) {
      key = hash(JSON.stringify(context.config));
      this.configKeys.set(context.config, key);
    }
    return `${key}:${context.projectRoot}`;
  }
}

interface Stored {
  files: Map<string, Entry>;
  bases: Map<string, BaseEntry>;
}

/** The entries of a cache file, or undefined when it must not be trusted. */
function readEntries(file: string, strategy: CacheStrategy): Stored | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.tool !== toolKey() || header.strategy !== strategy || header.sha1 !== hash(body)) return undefined;
    const data = JSON.parse(body) as Partial<Record<keyof Body, unknown>> | null;
    if (!isRecord(data) || !isRecord(data.files) || !isRecord(data.bases)) return undefined;
    const files = new Map<string, Entry>();
    for (const [path, entry] of Object.entries(data.files)) {
      if (isEntry(entry)) files.set(path, entry);
    }
    const bases = new Map<string, BaseEntry>();
    for (const [key, entry] of Object.entries(data.bases)) {
      if (isBaseEntry(entry)) bases.set(key, entry);
    }
    return { files, bases };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is Entry {
  if (!isRecord(value)) return false;
  const entry = value as Partial<Entry>;
  const report = entry.report as Partial<FileReport> | undefined;
  return typeof entry.signature === 'string' && typeof entry.config === 'string' && areDependencies(entry.links)
    && typeof report === 'object' && report !== null && Array.isArray(report.diagnostics) && typeof report.score === 'number';
}

function isBaseEntry(value: unknown): value is BaseEntry {
  if (!isRecord(value)) return false;
  const entry = value as Partial<BaseEntry>;
  return typeof entry.config === 'string' && areDependencies(entry.links) && typeof entry.score === 'number';
}

function areDependencies(links: unknown): links is Dependency[] {
  return Array.isArray(links) && links.every((link) => Array.isArray(link) && link.length === 3
    && ['stat', 'read', 'list'].includes(link[0] as string) && typeof link[1] === 'string' && typeof link[2] === 'string');
}

/** Everything the analysis asked of the host, with what is there now. */
function dependenciesOf(recorded: RecordingHost, digester: Digester): Promise<Dependency[]> {
  const asked: Array<[DependencyKind, string]> = [
    ...[...recorded.stats].map((path) => ['stat', path] as [DependencyKind, string]),
    ...[...recorded.reads.keys()].map((path) => ['read', path] as [DependencyKind, string]),
    ...[...recorded.lists.keys()].map((path) => ['list', path] as [DependencyKind, string]),
  ];
  return Promise.all(asked.map(async ([kind, path]) => [kind, path, await digester(kind, path)] as Dependency));
}

/**
 * What is at a path now, as a short string: its kind for a `stat`; for a file that was read, its
 * size and modification time or a hash of the content (whole: a change anywhere re-checks the
 * specs that read it), as the strategy says; a hash of the list for a folder.
 */
async function digest(host: Host, kind: DependencyKind, path: string, strategy: CacheStrategy): Promise<string> {
  try {
    if (kind === 'stat') return (await host.stat(path))?.kind ?? 'missing';
    if (kind === 'read' && strategy === 'metadata') {
      const stat = await host.stat(path);
      return stat ? metadataSignature(stat) : 'missing';
    }
    if (kind === 'read') return hash(await host.readFile(path));
    return hash((await host.listFiles(path)).sort().join('\n'));
  } catch {
    return 'unreadable';
  }
}

let cachedToolKey: string | undefined;

/**
 * The version and a hash of the running program: a development build changes its rules without
 * changing its version, and its cached results must not outlive it.
 */
function toolKey(): string {
  if (cachedToolKey === undefined) {
    let build = 'unknown';
    try {
      build = hash(readFileSync(__filename)).slice(0, 16);
    } catch {
      // Without its own file the version alone decides.
    }
    cachedToolKey = `${TOOL_VERSION}+${build}`;
  }
  return cachedToolKey;
}

function metadataSignature(stat: FileStat): string {
  return `${stat.kind}:${stat.size}:${stat.mtimeMs}`;
}

function hash(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}
