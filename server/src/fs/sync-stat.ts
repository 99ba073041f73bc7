/**
 * Synchronous checks of what a path is, for the command line (which works on the disk and
 * waits for it anyway). A path that does not exist or cannot be read is neither.
 */
import { statSync } from 'node:fs';

export function isDirectorySync(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isFileSync(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
