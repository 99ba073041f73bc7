/**
 * The file system as the analysis pipeline, the configuration loader and the language server
 * see it: a few asynchronous calls, so that the same code runs on the real disk (node-host.ts)
 * and on files held in memory (memory-host.ts, for tests and unsaved documents). Paths are
 * absolute, in the platform's form.
 */
export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
  /** Modification time in milliseconds; caches compare it with the size to notice a change. */
  mtimeMs: number;
  /**
   * Which file this is while it exists (device and inode on disk): the same path with another
   * id is another file. Hosts without such a notion leave it out.
   */
  id?: string;
}

export interface ListOptions {
  /** Glob patterns relative to the folder whose trees are skipped (pruning only). */
  ignore?: readonly string[];
}

export interface Host {
  /** undefined when nothing is at the path (or it cannot be reached). */
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * The bytes of a file, or up to `limit` bytes from its start. Rejects with an error whose
   * `code` says why (ENOENT, EISDIR, EACCES, ...), as Node's file system does.
   */
  readFile(path: string, limit?: number): Promise<Uint8Array>;
  /** Every file (not folder) below a folder, absolute, symbolic links not followed. */
  listFiles(folder: string, options?: ListOptions): Promise<string[]>;
  /** The path with every symbolic link resolved; rejects with a coded error (ENOENT, ELOOP, ...). */
  realPath(path: string): Promise<string>;
  /**
   * The bytes of the regular file that `checked` (a `stat` of `path`) described, without
   * following a symbolic link at the path itself. Rejects with ECHANGED when what opens is not
   * that file any more: the export reads a file only after checking where it is.
   */
  readSameFile(path: string, checked: FileStat): Promise<Uint8Array>;
}

/** The error a host rejects with, carrying Node's error code. */
export class HostError extends Error {
  constructor(readonly code: string, path: string) {
    super(`${code}: ${path}`);
  }
}

/** The code of a rejected host call ('' when the error has none). */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Bytes as UTF-8 text, as Node's `readFile(path, 'utf8')` gives it: a byte order mark is kept
 * (the parsers expect it) and invalid sequences become U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** A file as UTF-8 text; undefined when it cannot be read. */
export async function readText(host: Host, path: string): Promise<string | undefined> {
  try {
    return decodeUtf8(await host.readFile(path));
  } catch {
    return undefined;
  }
}

export async function isFile(host: Host, path: string): Promise<boolean> {
  return (await host.stat(path))?.kind === 'file';
}
