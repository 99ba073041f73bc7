/**
 * Writing the bundle so that it is never half-written and never silently replaces anything:
 * everything goes to a temporary file or folder next to the target and is renamed into place.
 * Without `overwrite`, a zip is put in place with link(2), which fails if the target appeared
 * in the meantime, instead of rename(2), which would replace it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { isSpecReadyManifest, MANIFEST } from './manifest';
import type { BundleEntry, BundleFormat } from './types';

export type TargetProblem = { reason: 'exists' | 'invalid-output'; message: string };

const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

/**
 * Whether the bundle may be written to `path`. A zip bundle's name must end in `.zip`. An
 * existing target is only ever replaced when it is an earlier SpecReady bundle of the same
 * format (a zip or a folder with SpecReady's manifest.json; an empty folder holds nothing to
 * lose), and then only with `overwrite`: `--out README.md --overwrite` or `--out .` must never
 * replace the user's files. Nothing is written when this returns a problem.
 */
export async function checkTarget(path: string, format: BundleFormat, overwrite: boolean): Promise<TargetProblem | undefined> {
  if (format === 'zip' && !/\.zip$/i.test(path)) {
    return { reason: 'invalid-output', message: `${path} does not end in .zip; a zip bundle is only written to a .zip file (or use --format dir for a folder).` };
  }
  let stats;
  try {
    stats = await fs.lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { reason: 'invalid-output', message: `${path} cannot be checked: ${(error as Error).message}` };
  }
  const bundle = format === 'zip'
    ? stats.isFile() && await isBundleZip(path)
    : stats.isDirectory() && await isReplaceableFolder(path);
  if (!bundle) {
    const what = stats.isDirectory() ? 'a folder' : stats.isFile() ? 'a file' : 'something';
    const kind = format === 'zip' ? 'a SpecReady zip bundle' : 'a SpecReady bundle folder';
    return { reason: 'invalid-output', message: `${path} is ${what} that is not ${kind}; it is never replaced. Choose another output path.` };
  }
  if (!overwrite) return { reason: 'exists', message: `${path} already exists (an earlier bundle).` };
  return undefined;
}

async function isReplaceableFolder(path: string): Promise<boolean> {
  const names = await fs.readdir(path);
  if (names.length === 0) return true;
  try {
    return isSpecReadyManifest(await fs.readFile(join(path, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
}

/** A zip whose manifest.json was written by SpecReady. */
async function isBundleZip(path: string): Promise<boolean> {
  try {
    const bytes = new Uint8Array(await fs.readFile(path));
    const entries = unzipSync(bytes, { filter: (file) => file.name === MANIFEST });
    const manifest = entries[MANIFEST];
    return manifest !== undefined && isSpecReadyManifest(new TextDecoder().decode(manifest));
  } catch {
    return false;
  }
}

/** Writes the zip; returns its size. Throws TargetExistsError when the target appeared meanwhile. */
export async function writeZipAtomically(path: string, bytes: Uint8Array, overwrite: boolean): Promise<number> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temporary = temporaryName(path, 'tmp');
  try {
    const handle = await fs.open(temporary, 'wx', FILE_MODE);
    try {
      await handle.writeFile(bytes);
      await handle.chmod(FILE_MODE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await (overwrite ? fs.rename(temporary, path) : placeWithoutReplacing(temporary, path));
  } finally {
    await fs.rm(temporary, { force: true });
  }
  return bytes.length;
}

async function placeWithoutReplacing(temporary: string, path: string): Promise<void> {
  try {
    await fs.link(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(path);
    // File systems without hard links: check, then rename (a much narrower race than before).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (await exists(path)) throw new TargetExistsError(path);
    await fs.rename(temporary, path);
  }
}

/**
 * Writes the bundle as a folder; returns the total size of its files. Files get mode 0644,
 * folders 0755, and all of them the export time as their modification time.
 */
export async function writeFolderAtomically(path: string, entries: readonly BundleEntry[], time: Date, overwrite: boolean): Promise<number> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temporary = temporaryName(path, 'tmp');
  await fs.mkdir(temporary, { mode: DIR_MODE });
  try {
    await fillFolder(temporary, entries, time);
    await (overwrite ? replaceFolder(temporary, path) : placeFolder(temporary, path));
  } finally {
    await fs.rm(temporary, { recursive: true, force: true });
  }
  return entries.reduce((total, entry) => total + entry.bytes.length, 0);
}

async function fillFolder(folder: string, entries: readonly BundleEntry[], time: Date): Promise<void> {
  const folders = new Set<string>();
  for (const entry of entries) {
    assertSafeEntryPath(entry.path);
    const file = join(folder, ...entry.path.split('/'));
    await fs.mkdir(dirname(file), { recursive: true, mode: DIR_MODE });
    for (let parent = posix.dirname(entry.path); parent !== '.'; parent = posix.dirname(parent)) folders.add(parent);
    await fs.writeFile(file, entry.bytes, { flag: 'wx', mode: FILE_MODE });
    await fs.chmod(file, FILE_MODE);
    await fs.utimes(file, time, time);
  }
  // Deepest first: creating a child changes its parent's modification time.
  for (const relative of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const path = join(folder, ...relative.split('/'));
    await fs.chmod(path, DIR_MODE);
    await fs.utimes(path, time, time);
  }
  await fs.chmod(folder, DIR_MODE);
  await fs.utimes(folder, time, time);
}

async function placeFolder(temporary: string, path: string): Promise<void> {
  // rename(2) would replace an empty folder; nothing may be replaced without overwrite.
  if (await exists(path)) throw new TargetExistsError(path);
  try {
    await fs.rename(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new TargetExistsError(path);
    throw error;
  }
}

/** Moves the old folder aside, moves the new one in, and only then deletes the old one. */
async function replaceFolder(temporary: string, path: string): Promise<void> {
  if (!(await exists(path))) {
    await fs.rename(temporary, path);
    return;
  }
  const old = temporaryName(path, 'old');
  await fs.rename(path, old);
  try {
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rename(old, path);
    throw error;
  }
  await fs.rm(old, { recursive: true, force: true });
}

/** Bundle paths come from root-relative real paths; a path that could climb out is a bug, not input. */
function assertSafeEntryPath(path: string): void {
  const normal = posix.normalize(path);
  if (normal !== path || path.startsWith('/') || path.startsWith('../') || path === '..' || path.includes('\\')) {
    throw new Error(`unsafe bundle entry path: ${path}`);
  }
}

export class TargetExistsError extends Error {
  override name = 'TargetExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** A hidden sibling of the target, so that the final rename stays on one file system. */
function temporaryName(path: string, kind: 'tmp' | 'old'): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${kind}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}
