/**
 * The one reading of a link destination, shared by document links, the broken-link rule and the
 * export. Pure: it says what a destination means and where it leads; whether the file exists
 * is for the caller to find out.
 *
 * - A URL with a scheme (`https:`, `mailto:`) or protocol-relative (`//host/x`) is external.
 * - `#anchor` (and an empty destination, or only `?query`) stays in this document.
 * - `docs/a.md` is relative to the folder of the document that holds the link; `/docs/a.md`
 *   is relative to the project root (see fs/project-root.ts), as on GitHub.
 * - The `?query` and `#fragment` are cut off before the path is percent-decoded and looked up:
 *   `img.png?raw=true` is the file `img.png`.
 * - Destinations no file system should be asked about are invalid: `file:` URLs, Windows drive
 *   and UNC paths, backslashes, NUL bytes and broken percent-encoding (also when the decoded
 *   path would be absolute, so `%2Fetc%2Fpasswd` is not a root-relative link).
 *
 * Turning a target into a file-system path is `linkLocation` in fs/link-location.ts.
 */
export type LinkBase = 'document' | 'root';

export type LinkInvalidReason = 'absolute-path' | 'unsafe-path';

export type ResolvedLinkTarget =
  | { kind: 'external' }
  /** In this document; `fragment` is decoded ('' for the top of the page). */
  | { kind: 'fragment'; fragment: string }
  | {
    kind: 'file';
    /** Decoded, without query and fragment; for `base: 'root'` without the leading slash. */
    path: string;
    base: LinkBase;
    /** Decoded fragment, undefined when there is no `#`. */
    fragment: string | undefined;
    /** `?query#fragment` exactly as written ('' when there is none). */
    suffix: string;
  }
  | { kind: 'invalid'; reason: LinkInvalidReason; message: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DRIVE = /^[a-z]:(?:[\\/]|$)/i;

export function resolveLinkTarget(target: string): ResolvedLinkTarget {
  const written = target.trim().replace(/^<(.*)>$/s, '$1');
  if (/^file:/i.test(written)) return invalid('absolute-path', 'a file: URL points at an absolute path');
  if (DRIVE.test(written)) return invalid('absolute-path', 'an absolute Windows path');
  if (/^(?:\\\\|\\\/|\/\\)/.test(written)) return invalid('absolute-path', 'a UNC network path');
  if (written.startsWith('//') || SCHEME.test(written)) return { kind: 'external' };
  const cut = written.search(/[?#]/);
  const rawPath = cut === -1 ? written : written.slice(0, cut);
  const suffix = cut === -1 ? '' : written.slice(cut);
  const hash = suffix.indexOf('#');
  const fragment = hash === -1 ? undefined : decode(suffix.slice(hash + 1)) ?? suffix.slice(hash + 1);
  if (rawPath === '') return { kind: 'fragment', fragment: fragment ?? '' };
  if (rawPath.startsWith('\\')) return invalid('absolute-path', 'an absolute path');
  const base: LinkBase = rawPath.startsWith('/') ? 'root' : 'document';
  const path = decode(base === 'root' ? rawPath.replace(/^\/+/, '') : rawPath);
  if (path === undefined) return invalid('unsafe-path', 'its percent-encoding is invalid');
  if (path.includes('\0')) return invalid('unsafe-path', 'it contains a NUL byte');
  // A backslash is a separator on Windows: "..\\..\\secret" must not slip past the checks.
  if (path.includes('\\')) return invalid('unsafe-path', 'it contains a backslash');
  if (path.startsWith('/')) return invalid('absolute-path', 'it decodes to an absolute path');
  if (DRIVE.test(path)) return invalid('absolute-path', 'it decodes to an absolute Windows path');
  if (base === 'root' && path === '') return { kind: 'file', path: '.', base, fragment, suffix };
  return { kind: 'file', path, base, fragment, suffix };
}

/**
 * The key a file link is known by in `RuleContext.linkTargets`: the decoded path as written,
 * with a leading `/` when it is relative to the project root.
 */
export function linkTargetKey(target: { path: string; base: LinkBase }): string {
  return target.base === 'root' ? `/${target.path === '.' ? '' : target.path}` : target.path;
}

function invalid(reason: LinkInvalidReason, message: string): ResolvedLinkTarget {
  return { kind: 'invalid', reason, message };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
