/**
 * Where things go inside the bundle and what kind of file they are. Pure; the reading is in
 * collect.ts.
 */
import { posix } from 'node:path';

export const SPEC_MD = 'spec/SPEC.md';
export const SPEC_HTML = 'spec/SPEC.html';
export const ASSETS_DIR = 'spec/assets';

/** Limits that keep a stray link to a build artefact from producing a gigantic bundle. */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;
export const MAX_TOTAL_ASSET_BYTES = 200 * 1024 * 1024;
export const MAX_ASSETS = 1000;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
};

/**
 * A linked file keeps its folder layout from the root under `spec/assets/`, so that names never
 * clash and the relative links between bundled Markdown files keep working.
 */
export function assetBundlePath(rootRelative: string): string {
  return posix.join(ASSETS_DIR, rootRelative);
}

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

/** The MIME type of an image SPEC.html may embed, by extension. */
export function imageMimeType(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? IMAGE_TYPES[extension] : undefined;
}

/** UTF-8 text, or undefined for bytes that are not (NUL bytes or invalid sequences). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

