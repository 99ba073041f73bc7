/**
 * Link destinations as the export sees them, and rewriting them to the bundled copies. Pure:
 * whether a file exists or where a symlink points is decided by collect.ts.
 */
import { posix } from 'node:path';
import { offsetAt } from '../model/text';
import type { Link, SpecModel } from '../model/types';
import type { LinkRefusal } from './types';

export type ExportLinkTarget =
  /** A URL with a scheme other than `file:` (https, mailto, ...) or protocol-relative: left alone. */
  | { kind: 'external' }
  /** `#anchor` in the same document, or an empty destination. */
  | { kind: 'fragment' }
  /** A relative path, percent-decoded, with its `?query#fragment` kept as written in `suffix`. */
  | { kind: 'local'; path: string; suffix: string }
  /** Never read, whatever is on disk. */
  | { kind: 'refused'; reason: LinkRefusal; message: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DRIVE = /^[a-z]:(?:[\\/]|$)/i;

/**
 * Classifies a destination. Stricter than the linter's classification: `file:` URLs, absolute
 * paths, Windows drive and UNC paths, backslashes and NUL bytes (also when percent-encoded, so
 * `%2e%2e%2f` is judged after decoding) are refused before anything touches the file system.
 * Whether a relative path climbs out of the root is decided on real paths by collect.ts.
 */
export function classifyExportTarget(target: string): ExportLinkTarget {
  const written = target.trim().replace(/^<(.*)>$/s, '$1');
  if (written === '' || written.startsWith('#')) return { kind: 'fragment' };
  if (/^file:/i.test(written)) return refused('absolute-path', 'a file: URL points at an absolute path');
  if (DRIVE.test(written)) return refused('absolute-path', 'an absolute Windows path');
  if (/^(?:\\\\|\\\/|\/\\)/.test(written)) return refused('absolute-path', 'a UNC network path');
  if (written.startsWith('//') || SCHEME.test(written)) return { kind: 'external' };
  if (written.startsWith('/') || written.startsWith('\\')) return refused('absolute-path', 'an absolute path');
  const cut = written.search(/[?#]/);
  const rawPath = cut === -1 ? written : written.slice(0, cut);
  const suffix = cut === -1 ? '' : written.slice(cut);
  if (rawPath === '') return { kind: 'fragment' };
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refused('unsafe-path', 'its percent-encoding is invalid');
  }
  if (path.includes('\0')) return refused('unsafe-path', 'it contains a NUL byte');
  // A backslash is a separator on Windows: "..\\..\\secret" must not slip past the checks.
  if (path.includes('\\')) return refused('unsafe-path', 'it contains a backslash');
  if (path.startsWith('/')) return refused('absolute-path', 'it decodes to an absolute path');
  if (DRIVE.test(path)) return refused('absolute-path', 'it decodes to an absolute Windows path');
  return { kind: 'local', path, suffix };
}

function refused(reason: LinkRefusal, message: string): ExportLinkTarget {
  return { kind: 'refused', reason, message };
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
