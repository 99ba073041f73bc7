/**
 * The project root: the folder that include/exclude globs and root-relative links (`/docs/a.md`)
 * are relative to, for the CLI and the language server alike. It is the folder of the nearest
 * `.specready.*` file, else the root of the git work tree, else a fallback chosen by the caller
 * (the folder given on the command line, the working folder, or the editor's workspace folder).
 *
 * Pure apart from the host, which answers "does this path exist": callers with another file
 * system (a virtual workspace, a test) pass their own.
 */
import { dirname, join, resolve } from 'node:path';
import type { Host } from '../host/host';
import { nodeHost } from '../host/node-host';

export type ProjectRootKind = 'config' | 'git' | 'fallback';

export interface ProjectRoot {
  /** Absolute folder. */
  folder: string;
  /** Why this folder: a configuration file lives there, it is a git work tree root, or neither. */
  kind: ProjectRootKind;
}

export interface ProjectRootOptions {
  /** The `.specready.*` file that applies (undefined when none, or when `--config` replaced it). */
  configFile?: string;
  /** Used when there is neither a configuration file nor a git work tree. */
  fallback: string;
  /** The file system; the real one by default. */
  host?: Host;
}

/** `start` is the folder being checked (or the folder of the file being checked). */
export async function findProjectRoot(start: string, options: ProjectRootOptions): Promise<ProjectRoot> {
  if (options.configFile) return { folder: dirname(resolve(options.configFile)), kind: 'config' };
  const git = await gitWorkTreeRoot(start, options.host);
  if (git) return { folder: git, kind: 'git' };
  return { folder: resolve(options.fallback), kind: 'fallback' };
}

/**
 * The nearest folder at or above `start` that holds `.git` (a folder in a clone, a file in a
 * linked worktree or submodule). Found by looking, not by running git, so it costs no process
 * and works where git is not installed.
 */
export async function gitWorkTreeRoot(start: string, host: Host = nodeHost): Promise<string | undefined> {
  let folder = resolve(start);
  for (;;) {
    if (await host.stat(join(folder, '.git'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
