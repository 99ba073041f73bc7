/**
 * The git commit a bundle was exported from. Runs the git command line (when there is one) in
 * the spec's folder; a spec outside a repository, or a machine without git, gives null.
 *
 * `dirty` looks only at the files that went into the bundle (the spec and every bundled linked
 * file), not the whole repository: an unrelated change, or the bundle just written to
 * handoff/, says nothing about whether the bundle matches the commit.
 *
 * The workspace may be untrusted: `core.fsmonitor` (which can name any program) is switched
 * off, and optional locks are skipped so that a running editor's git is never blocked.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isInside } from './collect';
import type { GitInfo } from './manifest';

const TIMEOUT_MS = 10_000;

export async function gitInfo(specPath: string, inputs: readonly string[]): Promise<GitInfo | null> {
  const cwd = dirname(specPath);
  const commit = await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  const top = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (!commit || !top) return null;
  const realTop = await realpath(top).catch(() => top);
  const tracked = inputs.filter((input) => isInside(realTop, input));
  if (tracked.length === 0) return { commit, dirty: false };
  const status = await git(realTop, ['status', '--porcelain', '--untracked-files=all', '--', ...tracked]);
  // A status that cannot be read cannot vouch for the files: call them changed.
  return { commit, dirty: status === undefined || status !== '' };
}

/** The repository root of a folder, for the CLI's default --root; undefined outside git. */
export async function repositoryRoot(folder: string): Promise<string | undefined> {
  return git(folder, ['rev-parse', '--show-toplevel']);
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args],
      { cwd, timeout: TIMEOUT_MS, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout) => resolve(error ? undefined : stdout.trim()),
    );
  });
}
