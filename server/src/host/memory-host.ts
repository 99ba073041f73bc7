/**
 * A host over files held in memory: tests give the pipeline, the configuration loader and the
 * editor features a workspace without touching the disk.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { HostError, type FileStat, type Host, type ListOptions } from './host';

export class InMemoryHost implements Host {
  private readonly files = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  private clock = 1;

  /** `files` maps absolute paths to their text. */
  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  /** Adds or replaces a file; its modification time moves forward. */
  write(path: string, text: string | Uint8Array): void {
    this.files.set(resolve(path), { bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, mtimeMs: this.clock++ });
  }

  delete(path: string): void {
    this.files.delete(resolve(path));
  }

  stat(path: string): Promise<FileStat | undefined> {
    const absolute = resolve(path);
    const file = this.files.get(absolute);
    if (file) return Promise.resolve({ kind: 'file', size: file.bytes.length, mtimeMs: file.mtimeMs, id: `${absolute}@${file.mtimeMs}` });
    const isFolder = [...this.files.keys()].some((key) => isBelow(absolute, key));
    return Promise.resolve(isFolder ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined);
  }

  readFile(path: string, limit?: number): Promise<Uint8Array> {
    const absolute = resolve(path);
    const file = this.files.get(absolute);
    if (!file) {
      const code = [...this.files.keys()].some((key) => isBelow(absolute, key)) ? 'EISDIR' : 'ENOENT';
      return Promise.reject(new HostError(code, absolute));
    }
    return Promise.resolve(limit === undefined ? file.bytes : file.bytes.subarray(0, limit));
  }

  /** No symbolic links in memory: a path that exists is its own real path. */
  async realPath(path: string): Promise<string> {
    const absolute = resolve(path);
    if (!await this.stat(absolute)) throw new HostError('ENOENT', absolute);
    return absolute;
  }

  /** The file written at `checked`'s time, or ECHANGED once it was replaced or deleted. */
  async readSameFile(path: string, checked: FileStat): Promise<Uint8Array> {
    const now = await this.stat(path);
    if (now?.kind !== 'file' || now.id !== checked.id) throw new HostError('ECHANGED', resolve(path));
    return this.readFile(path);
  }

  listFiles(folder: string, options: ListOptions = {}): Promise<string[]> {
    const base = resolve(folder);
    const ignored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;
    return Promise.resolve([...this.files.keys()]
      .filter((key) => isBelow(base, key))
      .filter((key) => !ignored(relative(base, key).split(sep).join('/')) && !ignored(relative(base, dirname(key)).split(sep).join('/')))
      .sort());
  }
}

function isBelow(folder: string, path: string): boolean {
  return path !== folder && path.startsWith(folder.endsWith(sep) ? folder : join(folder, sep));
}
