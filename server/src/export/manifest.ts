/**
 * manifest.json: where the bundle comes from and a checksum of every other file, so that two
 * bundles can be compared and a recipient can check that nothing was changed on the way.
 */
import { createHash } from 'node:crypto';
import type { BundleEntry, LinkedSpec, RefusedLink } from './types';
import { MANIFEST } from '../fs/bundle-marker';

export { isSpecReadyManifest, MANIFEST } from '../fs/bundle-marker';
export const MANIFEST_VERSION = 1;

export interface GitInfo {
  commit: string;
  /** True when a bundled source file (the spec or a linked file) differs from the commit, or the spec was exported from an unsaved buffer. */
  dirty: boolean;
}

export interface ManifestInput {
  toolVersion: string;
  createdAt: string;
  /** The spec's path relative to the root, forward slashes. */
  sourcePath: string;
  git: GitInfo | null;
  profile: string;
  score: number;
  threshold: number;
  ready: boolean;
  exportedNotReady: boolean;
  refusedLinks: readonly RefusedLink[];
  linkedSpecs: readonly LinkedSpec[];
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest lists every entry given (all files but itself) in bundle order. */
export function buildManifest(entries: readonly BundleEntry[], input: ManifestInput): BundleEntry {
  const files: ManifestFile[] = entries.map((entry) => ({ path: entry.path, size: entry.bytes.length, sha256: sha256(entry.bytes) }));
  const manifest = {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'SpecReady', version: input.toolVersion },
    createdAt: input.createdAt,
    source: { path: input.sourcePath, git: input.git },
    readiness: {
      profile: input.profile,
      score: input.score,
      threshold: input.threshold,
      ready: input.ready,
      exportedNotReady: input.exportedNotReady,
      linkedSpecs: input.linkedSpecs,
    },
    refusedLinks: input.refusedLinks,
    files,
  };
  return { path: MANIFEST, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
}
