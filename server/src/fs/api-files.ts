/**
 * Reads, parses and validates the API description files a spec links (OpenAPI 3.x, Swagger
 * 2.0, AsyncAPI 2/3, JSON Schema), for the rules that check them against the spec. Validation
 * uses @redocly/openapi-core (structure, unresolved `$ref`s, duplicate operation ids, path
 * parameters, each problem with its line) and ajv for JSON Schema files and for validating the
 * spec's JSON examples against the file's schemas. Each file is parsed and validated once per
 * version: entries are reused while its mtime and size (or the editor's version) are unchanged.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { apiLinks, unusableApiFile } from '../model/api-description';
import type { ApiDescription } from '../model/api-description';
import type * as Validator from './api-validator';
import type { ApiTextValidator } from './api-worker';
import { decodeUtf8, errorCode, type Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { LruCache } from '../util/lru';
import { linkLocation } from './link-location';
import type { SpecModel } from '../model/types';

/** Larger files are not parsed: one finding says so. */
export const MAX_API_FILE_BYTES = 8 * 1024 * 1024;

interface CacheEntry {
  /** mtime and size of the file the description was made from. */
  stamp: string;
  /** Hash of the text the description was made from (unset for files not read). */
  hash?: string;
  description: Omit<ApiDescription, 'key'> | undefined;
  /** A validation under way of a newer text of the file (with its hash); `description` is the last one finished. */
  pending?: { hash: string; done: Promise<Omit<ApiDescription, 'key'> | undefined> };
}

/** Descriptions by absolute path (see CacheEntry for how a change is noticed). */
export type ApiFileCache = LruCache<string, CacheEntry>;
/** One cache per host: two hosts may hold different files under one path. */
const cachesByHost = new WeakMap<Host, ApiFileCache>();
const MAX_CACHED = 64;

/** An empty cache of the size the pipeline uses. */
export function newApiFileCache(): ApiFileCache {
  return new LruCache<string, CacheEntry>(MAX_CACHED);
}

export interface GatherApiOptions {
  projectRoot?: string;
  /** Where the files are read (the real disk unless a caller says otherwise). */
  host?: Host;
  cache?: ApiFileCache;
  /** Size limit in bytes (MAX_API_FILE_BYTES unless a test says otherwise). */
  maxBytes?: number;
  /** Parses and validates a file's text (by default in this thread, with the validator bundle). */
  validator?: ApiTextValidator;
  /**
   * With this, a file whose current text is still being validated is not waited for: the
   * description is the last one finished (none for a file never validated), and `ready`
   * settles when the new one is in the cache. Without it (the CLI) every file is waited for.
   */
  onPending?: (absolutePath: string, ready: Promise<unknown>) => void;
}

/**
 * The API descriptions linked from the spec, by link key (see model/link-targets.ts). Links to
 * YAML or JSON files that are not API descriptions are left out, unless the link says it is one
 * ("OpenAPI", "schema", `openapi.yaml`): then a file that cannot be parsed is reported.
 */
export async function gatherApiFiles(model: SpecModel, specFilePath: string, options: GatherApiOptions = {}): Promise<Map<string, ApiDescription>> {
  const bases = { documentFolder: path.dirname(specFilePath), projectRoot: options.projectRoot };
  const result = new Map<string, ApiDescription>();
  for (const { key, named } of apiLinks(model)) {
    const location = linkLocation(key, bases);
    if (location === undefined) continue;
    const description = await describe(location, named, options);
    if (description) result.set(key, { key, ...description });
  }
  return result;
}

/** Absolute paths of the API files a spec links, for callers that watch them. */
export function apiFileLocations(model: SpecModel, specFilePath: string, projectRoot?: string): string[] {
  const bases = { documentFolder: path.dirname(specFilePath), projectRoot };
  return apiLinks(model).map(({ key }) => linkLocation(key, bases)).filter((location): location is string => location !== undefined);
}

async function describe(location: string, named: boolean, options: GatherApiOptions): Promise<CacheEntry['description']> {
  const host = options.host ?? nodeHost;
  let cache = options.cache ?? cachesByHost.get(host);
  if (!cache) cachesByHost.set(host, (cache = newApiFileCache()));
  const stats = await host.stat(location);
  // A missing file is for broken-link to report.
  if (!stats || stats.kind !== 'file') return undefined;
  const stamp = `disk:${stats.mtimeMs}:${stats.size}`;
  const cached = cache.get(location);
  if (cached?.stamp === stamp) return waitOrNot(cached, location, options);
  const limit = options.maxBytes ?? MAX_API_FILE_BYTES;
  if (stats.size > limit) {
    const description = named ? unusableApiFile('too-large', `it is too large to check (${megabytes(stats.size)}; the limit is ${megabytes(limit)})`) : undefined;
    remember(cache, location, { stamp, description });
    return description;
  }
  let text: string;
  try {
    text = decodeUtf8(await host.readFile(location));
  } catch (error) {
    const description = named ? unusableApiFile('unreadable', `it cannot be read (${errorCode(error) || (error as Error).message})`) : undefined;
    remember(cache, location, { stamp, description });
    return description;
  }
  // A new modification time with the same text (a checkout, a save without changes) is no new version.
  const hash = createHash('sha1').update(text).digest('base64');
  if (cached?.hash === hash && !cached.pending) {
    remember(cache, location, { ...cached, stamp });
    return cached.description;
  }
  const current = cache.get(location);
  if (current?.pending?.hash === hash) {
    current.stamp = stamp;
    return waitOrNot(current, location, options);
  }
  const validate = options.validator ?? ((input: string, at: string, isNamed: boolean) => loadValidator().analyseApiText(input, at, isNamed));
  const entry: CacheEntry = { stamp, hash: cached?.hash, description: cached?.description, pending: undefined };
  const done = validate(text, location, named).catch((error: unknown) =>
    // The validator itself failed: say so on the link rather than lose the spec's diagnostics.
    unusableApiFile('internal', `SpecReady could not validate it (${(error as Error).message.split('\n')[0]})`),
  ).then((description) => {
    // A newer version of the file may have started meanwhile: it replaces this one.
    if (cache.get(location) === entry && entry.pending?.done === done) Object.assign(entry, { hash, description, pending: undefined });
    return description;
  });
  entry.pending = { hash, done };
  remember(cache, location, entry);
  return waitOrNot(entry, location, options);
}

/** The description under way (awaited), or, for a caller that does not wait, the last one finished. */
async function waitOrNot(entry: CacheEntry, location: string, options: GatherApiOptions): Promise<CacheEntry['description']> {
  const pending = entry.pending;
  if (!pending) return entry.description;
  if (!options.onPending) return pending.done;
  options.onPending(location, pending.done);
  return entry.description;
}

function remember(cache: ApiFileCache, location: string, entry: CacheEntry): void {
  cache.set(location, entry);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

let validator: typeof Validator | undefined;

/** The validator bundle, loaded on first use (see api-validator.ts). */
export function loadValidator(): typeof Validator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validator ??= require('./api-validator.js') as typeof Validator;
  return validator;
}

/** Parses and validates one API description (the validator's entry point, for tests and benchmarks). */
export function analyseApiText(text: string, absolutePath: string, named = true): Promise<Omit<ApiDescription, 'key'> | undefined> {
  return loadValidator().analyseApiText(text, absolutePath, named);
}
