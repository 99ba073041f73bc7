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
import type { ReferencedFiles } from './api-worker-protocol';
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
  /** The same for each file its `$ref`s lead to, by absolute path ("missing" for one that is not there). */
  references?: Record<string, string>;
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
  const stamp = stampOf(stats);
  const cached = cache.get(location);
  if (cached?.stamp === stamp && await referencesUnchanged(host, cached.references)) return waitOrNot(cached, location, options);
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
  const referenced = await readReferences(host, location, text, limit);
  // A new modification time with the same text (a checkout, a save without changes) is no new version.
  const hash = versionHash(text, referenced.files);
  if (cached?.hash === hash && !cached.pending) {
    remember(cache, location, { ...cached, stamp, references: referenced.stamps });
    return cached.description;
  }
  const current = cache.get(location);
  if (current?.pending?.hash === hash) {
    current.stamp = stamp;
    return waitOrNot(current, location, options);
  }
  const validate = options.validator ?? ((input: string, at: string, isNamed: boolean, files?: ReferencedFiles) => loadValidator().analyseApiText(input, at, isNamed, files));
  const entry: CacheEntry = { stamp, references: referenced.stamps, hash: cached?.hash, description: cached?.description, pending: undefined };
  const done = validateWithReferences(validate, host, text, location, named, limit, referenced).catch((error: unknown) =>
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

function stampOf(stats: { mtimeMs: number; size: number }): string {
  return `disk:${stats.mtimeMs}:${stats.size}`;
}

/** The text of a file and the files its `$ref`s lead to: what a description is made from. */
function versionHash(text: string, files: ReferencedFiles): string {
  const hash = createHash('sha1').update(text);
  for (const file of Object.keys(files).sort()) hash.update(`\0${file}\0${files[file] ?? '\0missing'}`);
  return hash.digest('base64');
}

/** Whether every referenced file is as it was when the description was made (one stat each). */
async function referencesUnchanged(host: Host, references: Record<string, string> | undefined): Promise<boolean> {
  for (const [file, stamp] of Object.entries(references ?? {})) {
    const stats = await host.stat(file);
    if ((stats?.kind === 'file' ? stampOf(stats) : 'missing') !== stamp) return false;
  }
  return true;
}

/** Referenced files read for one description: their texts for the validator and their stamps for the cache. */
interface ReadReferences {
  files: Record<string, string | null>;
  stamps: Record<string, string>;
}

/** Referenced files read per description (as many as the validator follows). */
const MAX_REFERENCED_FILES = 64;

/**
 * The local files the text's `$ref`s appear to name, and the ones theirs name, read through the
 * host. A first guess from the text (the validator, which parses, asks for any it missed): it
 * saves the validator a second pass in the usual case.
 */
async function readReferences(host: Host, location: string, text: string, limit: number, into: ReadReferences = { files: {}, stamps: {} }): Promise<ReadReferences> {
  const queue = referencesIn(text).map((file) => path.resolve(path.dirname(location), file));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (file === location || Object.prototype.hasOwnProperty.call(into.files, file) || Object.keys(into.files).length >= MAX_REFERENCED_FILES) continue;
    const found = await readReferenced(host, file, limit);
    into.files[file] = found.text;
    into.stamps[file] = found.stamp;
    if (found.text !== null) for (const next of referencesIn(found.text)) queue.push(path.resolve(path.dirname(file), next));
  }
  return into;
}

async function readReferenced(host: Host, file: string, limit: number): Promise<{ text: string | null; stamp: string }> {
  const stats = await host.stat(file);
  if (stats?.kind !== 'file') return { text: null, stamp: 'missing' };
  const stamp = stampOf(stats);
  if (stats.size > limit) return { text: null, stamp };
  try {
    return { text: decodeUtf8(await host.readFile(file)), stamp };
  } catch {
    return { text: null, stamp };
  }
}

/** `$ref: schemas/refund.yaml#/Refund`, `"$ref": "./common.json"`: the file part of references to other local files. */
const REF_IN_TEXT = /["']?\$ref["']?\s*:\s*["']?([^"'#\s,{}[\]]+)/g;

function referencesIn(text: string): string[] {
  if (!text.includes('$ref')) return [];
  const files = new Set<string>();
  for (const match of text.matchAll(REF_IN_TEXT)) {
    const file = match[1];
    if (file !== undefined && !/^[a-z][a-z0-9+.-]+:/i.test(file)) files.add(file);
  }
  return [...files];
}

/**
 * Validates the text with the referenced files read so far; when the validator needs files the
 * first guess missed (a `$ref` written in a way the guess does not see), reads them and asks
 * again, a few times at most.
 */
async function validateWithReferences(validate: ApiTextValidator, host: Host, text: string, location: string, named: boolean, limit: number,
  referenced: ReadReferences): Promise<Omit<ApiDescription, 'key'> | undefined> {
  for (let round = 0; ; round++) {
    const description = await validate(text, location, named, referenced.files);
    const unread = description?.unread?.filter((file) => !Object.prototype.hasOwnProperty.call(referenced.files, file)) ?? [];
    if (unread.length === 0 || round >= 4) {
      if (description?.unread) return unusableApiFile('internal', 'SpecReady could not read the files its `$ref`s lead to');
      return description;
    }
    for (const file of unread) {
      const found = await readReferenced(host, file, limit);
      referenced.files[file] = found.text;
      referenced.stamps[file] = found.stamp;
      if (found.text !== null) await readReferences(host, file, found.text, limit, referenced);
    }
  }
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
export function analyseApiText(text: string, absolutePath: string, named = true, files: ReferencedFiles = {}): Promise<Omit<ApiDescription, 'key'> | undefined> {
  return loadValidator().analyseApiText(text, absolutePath, named, files);
}
