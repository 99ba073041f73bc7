/**
 * Link destinations as the export sees them, and rewriting them to the bundled copies. Pure:
 * whether a file exists or where a symlink points is decided by collect.ts.
 */
import { posix } from 'node:path';
import { offsetAt } from '../model/text';
import { linkTargetKey, resolveLinkTarget } from '../model/link-resolver';
import type { Link, SpecModel } from '../model/types';
import type { LinkRefusal } from './types';

export type ExportLinkTarget =
  /** A URL with a scheme other than `file:` (https, mailto, ...) or protocol-relative: left alone. */
  | { kind: 'external' }
  /** `#anchor` in the same document, or an empty destination. */
  | { kind: 'fragment' }
  /**
   * A path relative to the linking file (or, with a leading `/`, to the project root),
   * percent-decoded, with its `?query#fragment` kept as written in `suffix`.
   */
  | { kind: 'local'; path: string; suffix: string }
  /** Never read, whatever is on disk. */
  | { kind: 'refused'; reason: LinkRefusal; message: string };

/**
 * Classifies a destination with the shared reading (model/link-resolver.ts), which already
 * refuses `file:` URLs, Windows drive and UNC paths, backslashes and NUL bytes (also when
 * percent-encoded, so `%2e%2e%2f` is judged after decoding) before anything touches the file
 * system. A root-relative path (`/docs/a.md`) is kept with its leading slash: collect.ts looks
 * it up under the project root. Whether a path climbs out of the root is decided there, on
 * real paths.
 */
export function classifyExportTarget(target: string): ExportLinkTarget {
  const resolved = resolveLinkTarget(target);
  switch (resolved.kind) {
    case 'external': return { kind: 'external' };
    case 'fragment': return { kind: 'fragment' };
    case 'invalid': return { kind: 'refused', reason: resolved.reason, message: resolved.message };
    case 'file': return { kind: 'local', path: linkTargetKey(resolved), suffix: resolved.suffix };
  }
}

/** Percent-encodes each segment so the destination needs no `<...>` and has no parentheses. */
export function encodeHrefPath(path: string): string {
  return path.split('/').map((segment) =>
    segment === '..' || segment === '.' ? segment : encodeURIComponent(segment).replace(/[()'*!]/g, percent)).join('/');
}

function percent(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** The destination that leads from the bundled file `from` to the bundled file `to`. */
export function bundleHref(from: string, to: string, suffix: string): string {
  const relative = posix.relative(posix.dirname(from), to) || posix.basename(to);
  return encodeHrefPath(relative) + suffix;
}

/**
 * The text with the destinations of some links replaced. `replacement` returns the new
 * destination, or undefined to leave a link as written. Only destinations written in place are
 * rewritten: a reference link (`[text][ref]`) is changed through its definition (`[ref]: path`),
 * which the model lists as a link of its own.
 */
export function rewriteLinks(model: SpecModel, replacement: (link: Link) => string | undefined): string {
  const edits = new Map<number, { end: number; text: string }>();
  for (const link of model.links) {
    const start = offsetAt(model, link.targetRange.start);
    const end = offsetAt(model, link.targetRange.end);
    if (model.text.slice(start, end) !== link.target || edits.has(start)) continue;
    const text = replacement(link);
    if (text !== undefined && text !== link.target) edits.set(start, { end, text });
  }
  let result = model.text;
  for (const [start, edit] of [...edits].sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + edit.text + result.slice(edit.end);
  }
  return result;
}
