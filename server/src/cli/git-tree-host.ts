/**
 * The files of one commit as a Host, for `--changed-since`: the analysis of a spec as it was at
 * the merge base reads its linked files (headings of linked Markdown, linked API descriptions)
 * from the same commit, through the same pipeline as today's analysis. Paths outside the work tree
 * are not in any commit; they are read from the disk.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { HostError, type FileStat, type Host, type ListOptions } from '../host/host';
import { nodeHost } from '../host/node-host';

interface Blob {
  id: string;
  size: number;
}

export class GitTreeHost implements Host {
  private readonly folders = new Set<string>(['']);

  private constructor(readonly root: string, readonly commit: string, private readonly blobs: ReadonlyMap<string, Blob>, submodules: readonly string[]) {
    for (const path of [...blobs.keys(), ...submodules]) {
      for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) this.folders.add(path.slice(0, end));
    }
    for (const path of submodules) this.folders.add(path);
  }

  /**
   * The tree of `commit` in the repository at `root` from the output of
   * `git ls-tree -r -l -z --full-tree <commit>`; contents are read on demand.
   */
  static fromListing(root: string, commit: string, lsTree: string): GitTreeHost {
    const listing = lsTree.split('\0');
    const blobs = new Map<string, Blob>();
    const submodules: string[] = [];
    for (const record of listing) {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const match = /^\d+ (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(record);
      if (!match) continue;
      const [, type, id = '', size, path = ''] = match;
      if (type === 'blob') blobs.set(path, { id, size: Number(size) });
      else if (type === 'commit') submodules.push(path);
    }
    return new GitTreeHost(root, commit, blobs, submodules);
  }

  /** Whether the commit holds a file at `path` (relative to the root, forward slashes). */
  hasFile(path: string): boolean {
    return this.blobs.has(path);
  }

  /** The object id of the file at `path` (relative, forward slashes) in the commit. */
  blobId(path: string): string | undefined {
    return this.blobs.get(path)?.id;
  }

  stat(path: string): Promise<FileStat | undefined> {
    const inside = this.inside(path);
    if (inside === undefined) return nodeHost.stat(path);
    const blob = this.blobs.get(inside);
    if (blob) return Promise.resolve({ kind: 'file', size: blob.size, mtimeMs: 0 });
    return Promise.resolve(this.folders.has(inside) ? { kind: 'directory', size: 0, mtimeMs: 0 } : undefined);
  }

  readFile(path: string, limit?: number): Promise<Uint8Array> {
    const inside = this.inside(path);
    if (inside === undefined) return nodeHost.readFile(path, limit);
    const blob = this.blobs.get(inside);
    if (!blob) return Promise.reject(new HostError(this.folders.has(inside) ? 'EISDIR' : 'ENOENT', path));
    const bytes = this.readBlob(blob.id);
    if (bytes === undefined) return Promise.reject(new HostError('EIO', path));
    return Promise.resolve(limit === undefined ? bytes : bytes.subarray(0, limit));
  }

  listFiles(folder: string, options: ListOptions = {}): Promise<string[]> {
    const inside = this.inside(folder);
    if (inside === undefined) return nodeHost.listFiles(folder, options);
    const prefix = inside === '' ? '' : `${inside}/`;
    const ignored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;
    const files: string[] = [];
    for (const path of this.blobs.keys()) {
      if (!path.startsWith(prefix)) continue;
      const below = path.slice(prefix.length);
      const parent = below.includes('/') ? below.slice(0, below.lastIndexOf('/')) : '';
      if (ignored(below) || (parent !== '' && ignored(parent))) continue;
      files.push(join(this.root, ...path.split('/')));
    }
    return Promise.resolve(files.sort());
  }

  /** A commit holds no symbolic links that the analysis follows: a path that exists is its own. */
  async realPath(path: string): Promise<string> {
    if (this.inside(path) === undefined) return nodeHost.realPath(path);
    if (!await this.stat(path)) throw new HostError('ENOENT', path);
    return resolve(path);
  }

  /** A commit does not change: the file is the one `stat` described. */
  readSameFile(path: string, checked: FileStat): Promise<Uint8Array> {
    return this.inside(path) === undefined ? nodeHost.readSameFile(path, checked) : this.readFile(path);
  }

  /**
   * What is at a path in this commit, as a short string for a cache: the object id of a file
   * (content-addressed, so nothing needs reading), its kind for a stat, a hash of a listing.
   */
  async digest(kind: 'stat' | 'read' | 'list', path: string): Promise<string> {
    const inside = this.inside(path);
    if (kind === 'read' && inside !== undefined) return this.blobs.get(inside)?.id ?? 'missing';
    try {
      if (kind === 'stat') return (await this.stat(path))?.kind ?? 'missing';
      if (kind === 'read') return createHash('sha1').update(await this.readFile(path)).digest('hex');
      return createHash('sha1').update((await this.listFiles(path)).join('\n')).digest('hex');
    } catch {
      return 'unreadable';
    }
  }

  /** The path relative to the root with forward slashes, or undefined outside the work tree. */
  private inside(path: string): string | undefined {
    const rel = relative(this.root, resolve(path));
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  private readBlob(id: string): Uint8Array | undefined {
    const result = spawnSync('git', ['-c', 'core.fsmonitor=false', 'cat-file', 'blob', id], {
      cwd: this.root,
      maxBuffer: 512 * 1024 * 1024,
      windowsHide: true,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
    return result.error || result.status !== 0 ? undefined : result.stdout;
  }
}
