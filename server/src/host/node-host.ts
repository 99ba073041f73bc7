/** The host for the real file system: Node's asynchronous fs calls. */
import { constants, promises as fs, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { HostError, type FileStat, type Host, type ListOptions } from './host';
// `require` makes esbuild pick tinyglobby's CommonJS build: its ES module build pulls in fdir's,
// which calls createRequire(import.meta.url), and import.meta is empty in a CommonJS bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

export const nodeHost: Host = {
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      return fileStat(await fs.stat(path));
    } catch {
      return undefined;
    }
  },

  async readFile(path: string, limit?: number): Promise<Uint8Array> {
    if (limit === undefined) return fs.readFile(path);
    const handle = await fs.open(path, 'r');
    try {
      const buffer = Buffer.alloc(limit);
      const { bytesRead } = await handle.read(buffer, 0, limit, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },

  async listFiles(folder: string, options: ListOptions = {}): Promise<string[]> {
    const files = await tinyglobby.glob('**/*', {
      cwd: folder,
      absolute: true,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: [...(options.ignore ?? [])],
    });
    return files.map((file) => resolve(file));
  },

  realPath(path: string): Promise<string> {
    return fs.realpath(path);
  },

  async readSameFile(path: string, checked: FileStat): Promise<Uint8Array> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch {
      throw new HostError('ECHANGED', path);
    }
    try {
      const opened = fileStat(await handle.stat());
      if (opened.kind !== 'file' || opened.id !== checked.id) throw new HostError('ECHANGED', path);
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  },
};

function fileStat(stats: Stats): FileStat {
  return {
    kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other',
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    id: `${stats.dev}:${stats.ino}`,
  };
}
