/** Where a link resolved by model/link-resolver.ts leads on this machine's file system. */
import { isAbsolute, resolve } from 'node:path';
import type { LinkBase } from '../model/link-resolver';

export interface LinkBases {
  /** Absolute folder of the document that holds the link. */
  documentFolder: string;
  /** Absolute project root; without it, root-relative links lead nowhere. */
  projectRoot?: string;
}

/** The absolute file-system path a file link (or a `linkTargetKey`) leads to. */
export function linkLocation(target: { path: string; base: LinkBase } | string, bases: LinkBases): string | undefined {
  const { path, base } = typeof target === 'string' ? keyParts(target) : target;
  if (base === 'root') return bases.projectRoot !== undefined && isAbsolute(bases.projectRoot) ? resolve(bases.projectRoot, path) : undefined;
  return resolve(bases.documentFolder, path);
}

function keyParts(key: string): { path: string; base: LinkBase } {
  return key.startsWith('/') ? { path: key.slice(1) || '.', base: 'root' } : { path: key, base: 'document' };
}
