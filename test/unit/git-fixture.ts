/** Git in a temporary repository, with a fixed identity so that commits work on any machine. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

export function gitIn(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** Stages everything and commits it. */
export function commitAll(cwd: string, message: string): void {
  gitIn(cwd, 'add', '-A');
  gitIn(cwd, 'commit', '-q', '-m', message);
}
