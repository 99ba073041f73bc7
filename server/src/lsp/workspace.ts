import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver/node';
import { ConfigLoader } from '../config/load';
import type { ConfigError } from '../config/errors';
import type { SpecReadyConfig } from '../config/types';
import { isInsideBundle, isSpecDocument, specGlobs } from '../fs/discover';
import { findProjectRoot } from '../fs/project-root';
import { decodeUtf8, type Host } from '../host/host';
import { LruCache } from '../util/lru';
import { mergeConfig, validateSettings, DEFAULT_MAX_FILE_SIZE_KB, type ClientSettings, type RunMode, type SuppressedFindings } from './settings';

export interface DocumentConfig {
  config: SpecReadyConfig;
  enabled: boolean;
  /** `specready.suppressedFindings`: how findings recorded in specready-suppressions.json are shown. */
  suppressedFindings: SuppressedFindings;
  /** `specready.run`: whether open documents are checked as they are typed or when saved. */
  run: RunMode;
  maxFileSizeKB: number;
  /** The `.specready.*` file that applies, if any. */
  configFile: string | undefined;
  /** What is wrong with the client's `specready.*` settings (those values use their defaults). */
  settingsProblems: string[];
  /** Where globs and root-relative links are anchored; undefined for documents not on disk. */
  projectRoot: string | undefined;
  configErrors: ConfigError[];
  /**
   * Which generation of settings and configuration files this was read from: it changes
   * whenever they may have changed, so caches keyed by it never serve stale results.
   */
  configVersion: number;
}

/** Documents whose settings and configuration are remembered (a large workspace's worth). */
const MAX_CONFIGURED_DOCUMENTS = 4096;

/**
 * Workspace folders, per-resource settings and `.specready.*` files. Settings are fetched with
 * `workspace/configuration` and cached until the client says they changed; a client that
 * cannot answer (or answers null) gets the defaults.
 */
export class Workspace {
  private folders: WorkspaceFolder[] = [];
  private readonly settingsCache = new LruCache<string, Promise<ClientSettings | null>>(MAX_CONFIGURED_DOCUMENTS);
  private readonly configCache = new LruCache<string, Promise<DocumentConfig>>(MAX_CONFIGURED_DOCUMENTS);
  /** Whether a document lies in a handoff bundle, per path and project root (see `bundlesChanged`). */
  private readonly bundleCache = new LruCache<string, Promise<boolean>>(MAX_CONFIGURED_DOCUMENTS);
  private configVersion = 0;
  canRequestConfiguration = false;
  readonly configLoader: ConfigLoader;

  constructor(private readonly connection: Connection, readonly host: Host) {
    this.configLoader = new ConfigLoader(host);
  }

  setFolders(folders: WorkspaceFolder[] | null | undefined, rootUri?: string | null): void {
    this.folders = folders?.length ? folders : rootUri ? [{ uri: rootUri, name: 'root' }] : [];
  }

  addFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    this.folders = [...this.folders.filter((folder) => !gone.has(folder.uri)), ...added];
  }

  folderPaths(): string[] {
    return this.folders.flatMap((folder) => (isFileUri(folder.uri) ? [fileURLToPath(folder.uri)] : []));
  }

  /** Forget cached settings and configuration files (after a change notification). */
  invalidate(): void {
    this.configVersion++;
    this.settingsCache.clear();
    this.configCache.clear();
    this.bundleCache.clear();
    this.configLoader.clear();
  }

  /** A bundle manifest (manifest.json) was created, changed or deleted: ask again which documents lie in a bundle. */
  bundlesChanged(): void {
    this.bundleCache.clear();
  }

  /** Cached per document until `invalidate`, so every analysis of a version sees one object. */
  configFor(uri: string): Promise<DocumentConfig> {
    return this.configCache.getOrCreate(uri, () => this.loadConfigFor(uri));
  }

  private async loadConfigFor(uri: string): Promise<DocumentConfig> {
    const configVersion = this.configVersion;
    const settings = await this.settings(uri);
    const folder = isFileUri(uri) ? dirname(fileURLToPath(uri)) : this.folderPaths()[0];
    const loaded = folder ? await this.configLoader.loadConfigForFolder(folder) : { config: {}, errors: [], file: undefined };
    const validated = validateSettings(settings, loaded.config.profiles);
    const config = mergeConfig(validated.config, loaded.config);
    return {
      settingsProblems: validated.problems,
      projectRoot: isFileUri(uri) ? await this.projectRootOf(fileURLToPath(uri), loaded.file) : undefined,
      config,
      enabled: validated.enable,
      suppressedFindings: validated.suppressedFindings,
      run: validated.run,
      maxFileSizeKB: config.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB,
      configFile: loaded.file,
      configErrors: loaded.errors,
      configVersion,
    };
  }

  /**
   * Whether a document is a spec: its front matter opts it in or out, otherwise the include and
   * exclude globs decide, relative to the folder of its configuration file or workspace folder.
   */
  async isSpec(uri: string, text: string, documentConfig: DocumentConfig): Promise<boolean> {
    if (!documentConfig.enabled) return false;
    const globs = specGlobs(documentConfig.config);
    if (!isFileUri(uri)) return isSpecDocument(uri.replace(/^[a-z]+:\/*/i, ''), text, globs);
    const path = fileURLToPath(uri);
    const base = documentConfig.projectRoot ?? await this.projectRootOf(path, documentConfig.configFile);
    if (await this.insideBundle(path, base)) return false;
    const relativePath = relative(base, path);
    return isSpecDocument(relativePath.startsWith('..') ? path : relativePath, text, globs);
  }

  /**
   * Asked once per document and project root, not on every keystroke: the answer changes only
   * when a manifest.json comes or goes (`bundlesChanged`) or the configuration changes.
   */
  private insideBundle(path: string, base: string): Promise<boolean> {
    return this.bundleCache.getOrCreate(`${path}\0${base}`, () => isInsideBundle(path, base, this.host));
  }

  /** Where globs and root-relative links of a file on disk are anchored (see project-root.ts). */
  async projectRootOf(path: string, configFile: string | undefined): Promise<string> {
    return (await findProjectRoot(dirname(path), {
      configFile,
      fallback: this.folderOf(path) ?? dirname(path),
      host: this.host,
    })).folder;
  }

  private folderOf(path: string): string | undefined {
    return this.folderPaths()
      .filter((folder) => !relative(folder, path).startsWith('..'))
      .sort((a, b) => b.length - a.length)[0];
  }

  private settings(uri: string): Promise<ClientSettings | null> {
    if (!this.canRequestConfiguration) return Promise.resolve(null);
    return this.settingsCache.getOrCreate(uri, () => this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'specready' })
      .then((value: unknown) => (value && typeof value === 'object' ? value as ClientSettings : null))
      .catch(() => null));
  }
}

export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Reads a file that is not open in the editor; undefined when unreadable. */
export async function readClosedFile(host: Host, path: string): Promise<{ text: string; size: number } | undefined> {
  try {
    const bytes = await host.readFile(path);
    return { text: decodeUtf8(bytes), size: bytes.length };
  } catch {
    return undefined;
  }
}
