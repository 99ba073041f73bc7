import { ConfigError } from '../config/errors';
import { fileTooLargeMessage } from '../config/types';
import type { AnalysisResult } from '../engine/analyze';
import type { Host } from '../host/host';
import { fileURLToPath } from 'node:url';
import { apiFileLocations } from '../fs/api-files';
import type { ApiTextValidator } from '../fs/api-worker';
import { analyzeDocument, type DocumentContext } from '../pipeline/analyze-document';
import type { Finding } from '../rules/types';
import { LruCache } from '../util/lru';
import { isFileUri, type DocumentConfig } from './workspace';

export interface DocumentSnapshot {
  uri: string;
  /** Editor version, or undefined for a file read from disk. */
  version: number | undefined;
  text: string;
}

/** What the server knows about one document version. */
export type DocumentAnalysis =
  | { kind: 'analysed'; result: AnalysisResult; findings: Finding[] }
  | { kind: 'skipped'; findings: Finding[] };

interface CacheEntry {
  version: number | undefined;
  text: string;
  configKey: string;
  analysis: DocumentAnalysis;
  /** Absolute paths of the API description files the analysis read, and of the files their `$ref`s lead to. */
  apiFiles: readonly string[];
}

/** Analyses kept: more open documents than an editor shows, each with its model. */
const MAX_CACHED_ANALYSES = 64;

export interface AnalysisLogger {
  error(message: string): void;
}

/** How the server validates linked API files: off its event loop, telling it when a file is done. */
export interface ApiFileValidation {
  validator: ApiTextValidator;
  /**
   * A linked file that was still being validated when this document was analysed is now
   * done; that analysis is forgotten, so the caller publishes the document anew.
   */
  onReady: (uri: string) => void;
}

/**
 * Runs the engine for documents and caches the result per document version and configuration,
 * so that diagnostics, hovers, code actions and lenses for one version share one analysis.
 */
export class AnalysisService {
  private readonly cache = new LruCache<string, CacheEntry>(MAX_CACHED_ANALYSES);
  /** Analyses under way: a second request for the same version waits for the first. */
  private readonly inFlight = new Map<string, Omit<CacheEntry, 'analysis' | 'apiFiles'> & { analysis: Promise<DocumentAnalysis> }>();

  constructor(private readonly host: Host, private readonly logger: AnalysisLogger, private readonly apiFiles?: ApiFileValidation) {}

  /**
   * Drops the cached analyses that read the API description file at this absolute path and
   * returns their URIs, so the caller can publish them anew after the file changed.
   */
  forgetDependentsOf(absolutePath: string): string[] {
    const dependents: string[] = [];
    for (const [uri, entry] of this.cache.items()) {
      if (!entry.apiFiles.includes(absolutePath)) continue;
      dependents.push(uri);
      this.cache.delete(uri);
    }
    return dependents;
  }

  cached(uri: string, version: number | undefined): DocumentAnalysis | undefined {
    const entry = this.cache.get(uri);
    return entry && entry.version === version ? entry.analysis : undefined;
  }

  /** Whether `analyse` would answer from the cache or join a run under way (no new engine run). */
  isCurrent(snapshot: DocumentSnapshot, documentConfig: DocumentConfig, today?: string): boolean {
    const configKey = cacheKey(documentConfig, today);
    return matches(this.cache.get(snapshot.uri), snapshot, configKey) || matches(this.inFlight.get(snapshot.uri), snapshot, configKey);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  /**
   * `cache: false` for files read from disk for workspace diagnostics: keeping a model for
   * every closed spec would grow memory with the size of the repository.
   */
  async analyse(snapshot: DocumentSnapshot, documentConfig: DocumentConfig, cache = true, today?: string): Promise<DocumentAnalysis> {
    const configKey = cacheKey(documentConfig, today);
    const entry = this.cache.get(snapshot.uri);
    if (entry && matches(entry, snapshot, configKey)) return entry.analysis;
    const running = this.inFlight.get(snapshot.uri);
    if (running && matches(running, snapshot, configKey)) return running.analysis;
    const pending: Array<{ location: string; ready: Promise<unknown> }> = [];
    const analysis = this.run(snapshot, documentConfig, today, pending);
    const flight = { version: snapshot.version, text: snapshot.text, configKey, analysis };
    this.inFlight.set(snapshot.uri, flight);
    try {
      const result = await analysis;
      if (cache) {
        const apiFiles = result.kind === 'analysed' && isFileUri(snapshot.uri) ? readApiFiles(result.result, fileURLToPath(snapshot.uri), documentConfig.projectRoot) : [];
        this.cache.set(snapshot.uri, { version: snapshot.version, text: snapshot.text, configKey, analysis: result, apiFiles });
      }
      for (const { ready } of pending) this.whenValidated(snapshot.uri, result, ready);
      return result;
    } finally {
      if (this.inFlight.get(snapshot.uri) === flight) this.inFlight.delete(snapshot.uri);
    }
  }

  /** When a linked file this analysis did not wait for is done, the analysis gives way to a new one. */
  private whenValidated(uri: string, result: DocumentAnalysis, ready: Promise<unknown>): void {
    void ready.then(() => {
      if (this.cache.get(uri)?.analysis === result) this.cache.delete(uri);
      this.apiFiles?.onReady(uri);
    });
  }

  private async run(snapshot: DocumentSnapshot, documentConfig: DocumentConfig, today: string | undefined,
    pending: Array<{ location: string; ready: Promise<unknown> }>): Promise<DocumentAnalysis> {
    const skipped = skipReason(snapshot.text, documentConfig.maxFileSizeKB);
    if (skipped) return { kind: 'skipped', findings: [skipped] };
    const context: DocumentContext = {
      host: this.host,
      config: documentConfig.config,
      projectRoot: documentConfig.projectRoot,
      today,
      onLinkError: (error) => this.logger.error(`could not resolve links of ${snapshot.uri}: ${error.message}`),
      ...(this.apiFiles ? { apiFileValidator: this.apiFiles.validator, onApiFilePending: (location: string, ready: Promise<unknown>) => pending.push({ location, ready }) } : {}),
    };
    try {
      const result = await analyzeDocument(snapshot.text, snapshot.uri, context);
      for (const failure of result.ruleFailures) this.logger.error(`rule ${failure.rule} failed on ${snapshot.uri}: ${failure.error}`);
      return { kind: 'analysed', result, findings: result.findings };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A broken configuration is reported on the config file; the spec falls back to defaults.
      const result = await analyzeDocument(snapshot.text, snapshot.uri, { ...context, config: undefined });
      return { kind: 'analysed', result, findings: result.findings };
    }
  }
}

/** The linked API files of an analysis and the files their `$ref`s lead to: a change to any of them changes the analysis. */
function readApiFiles(result: AnalysisResult, specPath: string, projectRoot: string | undefined): string[] {
  const locations = apiFileLocations(result.model, specPath, projectRoot);
  const references = [...(result.apiFiles?.values() ?? [])].flatMap((description) => description.references ?? []);
  return references.length === 0 ? locations : [...new Set([...locations, ...references])];
}

function matches(entry: { version: number | undefined; text: string; configKey: string } | undefined, snapshot: DocumentSnapshot, configKey: string): boolean {
  return !!entry && entry.version === snapshot.version && entry.configKey === configKey && entry.text === snapshot.text;
}

/**
 * Keyed by the configuration's version (bumped whenever settings or configuration files change)
 * and today: a question can become overdue overnight without an edit.
 */
function cacheKey(documentConfig: DocumentConfig, today: string | undefined): string {
  return `${documentConfig.configVersion}\0${today ?? ''}`;
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Documents that are not analysed: above the size limit, or binary (NUL bytes or mostly
 * replacement characters from invalid UTF-8). They get one informational finding instead.
 */
export function skipReason(text: string, maxFileSizeKB: number): Finding | undefined {
  const sizeKB = Buffer.byteLength(text, 'utf8') / 1024;
  if (sizeKB > maxFileSizeKB) {
    return {
      rule: 'file-too-large',
      severity: 'info',
      message: fileTooLargeMessage(sizeKB * 1024, maxFileSizeKB, 'setting specready.maxFileSizeKB, or maxFileSizeKB in .specready.*'),
      range: ORIGIN,
    };
  }
  const sample = text.slice(0, 8192);
  // NUL and replacement characters are exactly what marks a binary file.
  // eslint-disable-next-line no-control-regex
  const suspicious = (sample.match(/[\u0000\uFFFD]/g) ?? []).length;
  if (suspicious > 0 && suspicious / Math.max(1, sample.length) > 0.01) {
    return {
      rule: 'binary-file',
      severity: 'info',
      message: 'SpecReady skipped this file: it looks binary or is not valid UTF-8 text.',
      range: ORIGIN,
    };
  }
  return undefined;
}
