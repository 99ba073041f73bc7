/** The host for the real file system: Node's asynchronous fs calls. */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import type { FileStat, Host, ListOptions } from './host';
// `require` makes esbuild pick tinyglobby's CommonJS build: its ES module build pulls in fdir's,
// which calls createRequire(import.meta.url), and import.meta is empty in a CommonJS bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

export const nodeHost: Host = {
  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const stats = await fs.stat(path);
      return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size, mtimeMs: stats.mtimeMs };
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
};
