/**
 * How a handoff bundle is recognised on disk: a manifest.json written by SpecReady. Discovery
 * skips such folders; the export writes the manifest (export/manifest.ts).
 */
export const MANIFEST = 'manifest.json';

/**
 * Whether a manifest.json (or its first kilobyte) was written by SpecReady: how a folder is
 * recognised as a handoff bundle, wherever it was written. The tool name comes right after the
 * manifest version, so the start of the file is enough.
 */
export function isSpecReadyManifest(text: string): boolean {
  return /^\s*\{\s*"manifestVersion"\s*:\s*\d+\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"SpecReady"/.test(text);
}
