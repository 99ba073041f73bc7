/**
 * Finding and reading configuration files. Results are cached per folder and per file for the
 * life of the process (a CLI run); the language server calls `clearConfigCache` when a
 * configuration file changes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from './errors';
import { parseConfigText } from './parse';
import type { SpecReadyConfig } from './types';

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

export function clearConfigCache(): void {
  folderCache.clear();
  fileCache.clear();
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

/** Reads and validates one configuration file. */
export function loadConfigFile(file: string): LoadedConfig {
  const path = resolve(file);
  const cached = fileCache.get(path);
  if (cached) return cached;
  let loaded: LoadedConfig;
  try {
    const { config, errors } = parseConfigText(readFileSync(path, 'utf8'), path);
    loaded = { config: config ?? {}, file: path, errors };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    loaded = { config: {}, file: path, errors: [new ConfigError(`cannot read configuration: ${reason}`, { file: path })] };
  }
  fileCache.set(path, loaded);
  return loaded;
}

/** The configuration for files in `folder`: the explicit file if given, else the nearest one. */
export function loadConfigForFolder(folder: string, explicitConfig?: string): LoadedConfig {
  if (explicitConfig) return loadConfigFile(explicitConfig);
  try {
    const file = findConfigFile(folder);
    return file ? loadConfigFile(file) : { config: {}, errors: [] };
  } catch (error) {
    if (error instanceof ConfigError) return { config: {}, file: error.file, errors: [error] };
    throw error;
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
