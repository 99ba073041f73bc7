// What both integration runners (run-offline.mjs and run-electron.mjs) agree on: where the suite,
// the fixtures, the cache and the results live, and how a run gets its own throwaway folders.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_WORKSPACE = join(REPO_ROOT, 'test/integration/fixtures/workspace');
/** Compiled by `tsc -p test/integration` (see test/integration/tsconfig.json). */
export const TEST_INDEX = join(REPO_ROOT, 'out/test/integration/suite/index.js');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results/integration');

/** Downloads and installs shared by runs; deleting it only costs the next run the install time. */
export function cacheRoot() {
  if (process.env.SPECREADY_IT_CACHE) return resolve(process.env.SPECREADY_IT_CACHE);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'specready-integration');
}

/**
 * Fails early, with the fix, when the extension or the suite has not been built. Returns the
 * extension's identifier (`publisher.name`).
 */
export function assertBuilt(extensionPath) {
  const manifestPath = join(extensionPath, 'package.json');
  if (!existsSync(manifestPath)) throw new Error(`No extension manifest at ${manifestPath}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const main = manifest.main && resolve(extensionPath, manifest.main);
  const missing = [main, TEST_INDEX].filter((file) => file && !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Not built: ${missing.join(', ')}. Run \`npm run build && npx tsc -p test/integration\` first.`);
  }
  return `${manifest.publisher}.${manifest.name}`;
}

/**
 * A fresh folder for one run, with a copy of the fixture workspace in it, so that tests may edit
 * files and settings without touching the repo or the next run. `dispose()` removes it.
 */
export function createRunDir() {
  const root = mkdtempSync(join(tmpdir(), 'specready-it-'));
  const workspace = join(root, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  return {
    root,
    workspace,
    dispose: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}

export function ensureResultsDir() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return RESULTS_DIR;
}

export function seconds(sinceMs) {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
