/**
 * Finding and reading configuration files through a host (see host/host.ts). A loader caches
 * what it found per folder and per file for its life: one CLI run, or until the language server
 * calls `clear` after a configuration file changed.
 */
import { dirname, join, resolve } from 'node:path';
import { decodeUtf8, errorCode, isFile, type Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { ConfigError } from './errors';
import { parseConfigText } from './parse';
import { LruCache } from '../util/lru';
import { DEFAULT_TERMS_FILE, type SpecReadyConfig } from './types';
import { CONFIG_FILE_NAMES } from './spec-paths';

export { CONFIG_FILE_NAMES };

export interface LoadedConfig {
  /** Empty when no configuration file applies or when it has errors. */
  config: SpecReadyConfig;
  /** The configuration file used, if any. */
  file?: string;
  errors: ConfigError[];
}

/** Why a configuration file cannot be read, in words (never "EISDIR"). */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'it is a folder; name a .specready.json, .specready.yaml or .specready.yml file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

/** Folders and files remembered by a loader (a large monorepo's worth). */
const MAX_FOLDERS = 4096;
const MAX_FILES = 256;

export class ConfigLoader {
  private readonly folderCache = new LruCache<string, Promise<string | undefined>>(MAX_FOLDERS);
  private readonly fileCache = new LruCache<string, Promise<LoadedConfig>>(MAX_FILES);
  private readonly termsCache = new LruCache<string, Promise<{ terms: string[] } | { error: string }>>(MAX_FILES);

  constructor(private readonly host: Host = nodeHost) {}

  clear(): void {
    this.folderCache.clear();
    this.fileCache.clear();
    this.termsCache.clear();
  }

  /**
   * The configuration file in `startDir` or the nearest folder above it. Rejects with a
   * ConfigError when one folder holds several, since silently preferring one would hide the
   * other's settings.
   */
  findConfigFile(startDir: string): Promise<string | undefined> {
    const folder = resolve(startDir);
    return this.folderCache.getOrCreate(folder, () => this.findUncached(folder));
  }

  private async findUncached(folder: string): Promise<string | undefined> {
    const candidates = CONFIG_FILE_NAMES.map((name) => join(folder, name));
    const present = await Promise.all(candidates.map((candidate) => isFile(this.host, candidate)));
    const here = candidates.filter((_, index) => present[index]);
    if (here.length > 1) {
      throw new ConfigError(`several configuration files in one folder (${here.join(', ')}); keep one`, { file: here[1] });
    }
    const parent = dirname(folder);
    return here[0] ?? (parent === folder ? undefined : this.findConfigFile(parent));
  }

  /** Reads and validates one configuration file. */
  loadConfigFile(file: string): Promise<LoadedConfig> {
    const path = resolve(file);
    return this.fileCache.getOrCreate(path, () => this.readConfigFile(path));
  }

  private async readConfigFile(path: string): Promise<LoadedConfig> {
    if (/\.(?:md|markdown)$/i.test(path)) {
      return { config: {}, file: path, errors: [new ConfigError('this is a Markdown file, not a configuration; name a .specready.json, .specready.yaml or .specready.yml file', { file: path })] };
    }
    let text: string;
    try {
      text = decodeUtf8(await this.host.readFile(path));
    } catch (error) {
      const reason = READ_ERRORS[errorCode(error)] ?? 'the file cannot be read';
      return { config: {}, file: path, errors: [new ConfigError(`cannot read configuration: ${reason}`, { file: path })] };
    }
    const { config, errors } = parseConfigText(text, path);
    return { config: config ?? {}, file: path, errors };
  }

  /** The configuration for files in `folder`: the explicit file if given, else the nearest one. */
  async loadConfigForFolder(folder: string, explicitConfig?: string): Promise<LoadedConfig> {
    if (explicitConfig) return this.withProjectTerms(await this.loadConfigFile(explicitConfig), folder);
    let file: string | undefined;
    try {
      file = await this.findConfigFile(folder);
    } catch (error) {
      if (error instanceof ConfigError) return { config: {}, file: error.file, errors: [error] };
      throw error;
    }
    return this.withProjectTerms(file ? await this.loadConfigFile(file) : { config: {}, errors: [] }, folder);
  }

  /** The configuration that applies to one spec file. */
  loadConfigFor(specPath: string, explicitConfig?: string): Promise<LoadedConfig> {
    return this.loadConfigForFolder(dirname(resolve(specPath)), explicitConfig);
  }

  /**
   * Adds the project vocabulary to a configuration: the file `terms` names (relative to the
   * configuration file), else the nearest `.specready/terms.txt` from the spec's folder up. One
   * term per line; `#` starts a comment; text after ":" or " - " is a note.
   */
  private async withProjectTerms(loaded: LoadedConfig, folder: string): Promise<LoadedConfig> {
    const configured = loaded.config.terms;
    const file = configured !== undefined
      ? resolve(loaded.file ? dirname(loaded.file) : folder, configured)
      : await this.findUp(resolve(folder), DEFAULT_TERMS_FILE);
    if (!file) return loaded;
    const read = await this.termsCache.getOrCreate(file, () => this.readTerms(file));
    if ('error' in read) return { ...loaded, errors: [...loaded.errors, new ConfigError(read.error, { file: loaded.file ?? file })] };
    return { ...loaded, config: { ...loaded.config, projectTerms: { file, terms: read.terms } } };
  }

  private async readTerms(file: string): Promise<{ terms: string[] } | { error: string }> {
    try {
      return { terms: parseTermsFile(decodeUtf8(await this.host.readFile(file))) };
    } catch (error) {
      const reason = READ_ERRORS[errorCode(error)] ?? 'the file cannot be read';
      return { error: `cannot read the project vocabulary ${file}: ${reason}` };
    }
  }

  private async findUp(folder: string, relative: string): Promise<string | undefined> {
    for (let current = folder; ; current = dirname(current)) {
      const candidate = join(current, relative);
      if (await isFile(this.host, candidate)) return candidate;
      if (dirname(current) === current) return undefined;
    }
  }
}

export function parseTermsFile(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').replace(/(?::\s|\s[-–—]\s)[^]*$/, '').trim())
    .filter((term) => term !== '');
}

/**
 * The process's loader over the real file system, for the CLI and the MCP tools (one run, or
 * one tool call after `clearConfigCache`).
 */
const processLoader = new ConfigLoader(nodeHost);
/** One loader per other host (a test's files in memory), going with the host. */
const hostLoaders = new WeakMap<Host, ConfigLoader>();

/** The loader over `host`: the process's one for the real file system. */
export function configLoaderFor(host: Host): ConfigLoader {
  if (host === nodeHost) return processLoader;
  let loader = hostLoaders.get(host);
  if (!loader) {
    loader = new ConfigLoader(host);
    hostLoaders.set(host, loader);
  }
  return loader;
}

export function clearConfigCache(): void {
  processLoader.clear();
}

export function findConfigFile(startDir: string): Promise<string | undefined> {
  return processLoader.findConfigFile(startDir);
}

export function loadConfigFile(file: string): Promise<LoadedConfig> {
  return processLoader.loadConfigFile(file);
}

export function loadConfigForFolder(folder: string, explicitConfig?: string): Promise<LoadedConfig> {
  return processLoader.loadConfigForFolder(folder, explicitConfig);
}

export function loadConfigFor(specPath: string, explicitConfig?: string): Promise<LoadedConfig> {
  return processLoader.loadConfigFor(specPath, explicitConfig);
}
