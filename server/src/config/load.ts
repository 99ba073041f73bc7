/**
 * Finding and reading configuration files. Results are cached per folder and per file for the
 * life of the process (a CLI run); the language server calls `clearConfigCache` when a
 * configuration file changes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors';
import { parseConfigText } from './parse';
import { DEFAULT_TERMS_FILE, type SpecReadyConfig } from './types';

/** Looked for in this order; having more than one in a folder is an error. */
export const CONFIG_FILE_NAMES = ['.specready.json', '.specready.yaml', '.specready.yml'] as const;

export interface LoadedConfig {
  /** Empty when no configuration file applies or when it has errors. */
  config: SpecReadyConfig;
  /** The configuration file used, if any. */
  file?: string;
  errors: ConfigError[];
}

const folderCache = new Map<string, string | undefined>();
const fileCache = new Map<string, LoadedConfig>();
const termsCache = new Map<string, { terms: string[] } | { error: string }>();

export function clearConfigCache(): void {
  folderCache.clear();
  fileCache.clear();
  termsCache.clear();
}

/**
 * The configuration file in `startDir` or the nearest folder above it. Throws a ConfigError
 * when one folder holds several, since silently preferring one would hide the other's settings.
 */
export function findConfigFile(startDir: string): string | undefined {
  const folder = resolve(startDir);
  if (folderCache.has(folder)) return folderCache.get(folder);
  const here = CONFIG_FILE_NAMES.map((name) => join(folder, name)).filter(isFile);
  if (here.length > 1) {
    throw new ConfigError(`several configuration files in one folder (${here.join(', ')}); keep one`, { file: here[1] });
  }
  const parent = dirname(folder);
  const found = here[0] ?? (parent === folder ? undefined : findConfigFile(parent));
  folderCache.set(folder, found);
  return found;
}

/** Why a configuration file cannot be read, in words (never "EISDIR"). */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'it is a folder; name a .specready.json, .specready.yaml or .specready.yml file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

/** Reads and validates one configuration file. */
export function loadConfigFile(file: string): LoadedConfig {
  const path = resolve(file);
  const cached = fileCache.get(path);
  if (cached) return cached;
  let loaded: LoadedConfig;
  if (/\.(?:md|markdown)$/i.test(path)) {
    loaded = { config: {}, file: path, errors: [new ConfigError('this is a Markdown file, not a configuration; name a .specready.json, .specready.yaml or .specready.yml file', { file: path })] };
    fileCache.set(path, loaded);
    return loaded;
  }
  try {
    const { config, errors } = parseConfigText(readFileSync(path, 'utf8'), path);
    loaded = { config: config ?? {}, file: path, errors };
  } catch (error) {
    const reason = READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'the file cannot be read';
    loaded = { config: {}, file: path, errors: [new ConfigError(`cannot read configuration: ${reason}`, { file: path })] };
  }
  fileCache.set(path, loaded);
  return loaded;
}

/** The configuration for files in `folder`: the explicit file if given, else the nearest one. */
export function loadConfigForFolder(folder: string, explicitConfig?: string): LoadedConfig {
  if (explicitConfig) return withProjectTerms(loadConfigFile(explicitConfig), folder);
  try {
    const file = findConfigFile(folder);
    return withProjectTerms(file ? loadConfigFile(file) : { config: {}, errors: [] }, folder);
  } catch (error) {
    if (error instanceof ConfigError) return { config: {}, file: error.file, errors: [error] };
    throw error;
  }
}

/**
 * Adds the project vocabulary to a configuration: the file `terms` names (relative to the
 * configuration file), else the nearest `.specready/terms.txt` from the spec's folder up. One
 * term per line; `#` starts a comment; text after ":" or " - " is a note.
 */
function withProjectTerms(loaded: LoadedConfig, folder: string): LoadedConfig {
  const configured = loaded.config.terms;
  const file = configured !== undefined
    ? resolve(loaded.file ? dirname(loaded.file) : folder, configured)
    : findUp(resolve(folder), DEFAULT_TERMS_FILE);
  if (!file) return loaded;
  let read = termsCache.get(file);
  if (!read) {
    try {
      read = { terms: parseTermsFile(readFileSync(file, 'utf8')) };
    } catch (error) {
      const reason = READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'the file cannot be read';
      read = { error: `cannot read the project vocabulary ${file}: ${reason}` };
    }
    termsCache.set(file, read);
  }
  if ('error' in read) return { ...loaded, errors: [...loaded.errors, new ConfigError(read.error, { file: loaded.file ?? file })] };
  return { ...loaded, config: { ...loaded.config, projectTerms: { file, terms: read.terms } } };
}

export function parseTermsFile(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').split(/:\s|\s[-–—]\s/)[0].trim())
    .filter((term) => term !== '');
}

function findUp(folder: string, relative: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, relative);
    if (isFile(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/** The configuration that applies to one spec file. */
export function loadConfigFor(specPath: string, explicitConfig?: string): LoadedConfig {
  return loadConfigForFolder(dirname(resolve(specPath)), explicitConfig);
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
