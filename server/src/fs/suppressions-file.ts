/**
 * The bulk suppressions file on disk (`specready-suppressions.json`), for the language server:
 * the nearest one at or above a spec's folder, read again only when it changes. The CLI reads the
 * nearest one at or above its working folder (cli/suppressions.ts); run from the repository root,
 * both find the same file, and its keys are paths relative to the file's folder.
 */
import { dirname, join, relative, sep } from 'node:path';
import { parseSuppressions, SUPPRESSIONS_FILE, type FileSuppressions, type SuppressionsData } from '../engine/bulk-suppressions';
import { decodeUtf8, isFile, type Host } from '../host/host';
import { LruCache } from '../util/lru';

/** What reading a suppressions file that no longer exists gives. */
const GONE = Symbol('gone');

/** Spec folders whose nearest suppressions file is remembered. */
const MAX_REMEMBERED_FOLDERS = 1024;

export interface SpecSuppressions {
  /** The suppressions file (absolute). */
  file: string;
  /** The spec's key in it: its path relative to the file's folder, forward slashes. */
  key: string;
  /** The spec's entries; undefined when the file records nothing for it. */
  entries: FileSuppressions | undefined;
}

interface Loaded {
  mtimeMs: number;
  size: number;
  data: SuppressionsData | undefined;
  problem?: string;
}

/**
 * Reads suppressions files and remembers them by modification time and size. `problems` receives
 * a file that cannot be used, once per version of it.
 */
export class SuppressionsFiles {
  private readonly loaded = new LruCache<string, Loaded>(MAX_REMEMBERED_FOLDERS);
  /**
   * The nearest suppressions file per spec folder (undefined: none), remembered until one comes
   * or goes (`filesChanged`), so that a keystroke costs one look at the file, not a walk to the root.
   */
  private readonly nearest = new LruCache<string, Promise<string | undefined>>(MAX_REMEMBERED_FOLDERS);

  constructor(private readonly host: Host, private readonly problems: (file: string, problem: string) => void = () => undefined) {}

  /** A suppressions file was created, changed or deleted somewhere: look for the nearest one again. */
  filesChanged(): void {
    this.nearest.clear();
  }

  /** The suppressions of one spec file, from the nearest suppressions file at or above its folder. */
  async forSpec(specFile: string): Promise<SpecSuppressions | undefined> {
    const folder = dirname(specFile);
    let file = await this.nearestTo(folder);
    let data = file === undefined ? undefined : await this.read(file);
    if (data === GONE) {
      // Deleted without a word: look again from the spec's folder.
      this.nearest.clear();
      file = await this.nearestTo(folder);
      data = file === undefined ? undefined : await this.read(file);
    }
    if (!file || !data || data === GONE) return undefined;
    const key = relative(dirname(file), specFile).split(sep).join('/');
    return { file, key, entries: data[key] };
  }

  private nearestTo(folder: string): Promise<string | undefined> {
    return this.nearest.getOrCreate(folder, () => nearestSuppressionsFile(this.host, folder));
  }

  private async read(file: string): Promise<SuppressionsData | typeof GONE | undefined> {
    const stats = await this.host.stat(file);
    if (stats?.kind !== 'file') {
      this.loaded.delete(file);
      return GONE;
    }
    const known = this.loaded.get(file);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.data;
    const loaded: Loaded = { mtimeMs: stats.mtimeMs, size: stats.size, data: undefined };
    try {
      loaded.data = parseSuppressions(decodeUtf8(await this.host.readFile(file)));
    } catch (error) {
      loaded.problem = error instanceof Error ? error.message : String(error);
      this.problems(file, loaded.problem);
    }
    this.loaded.set(file, loaded);
    return loaded.data;
  }
}

/** The nearest `specready-suppressions.json` in `folder` or a folder above it. */
export async function nearestSuppressionsFile(host: Host, folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, SUPPRESSIONS_FILE);
    if (await isFile(host, candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}
