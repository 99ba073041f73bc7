import { positionAt } from './text';
import type { SpecModel } from './types';

/**
 * What a link destination points at, as far as `broken-link` is concerned.
 *
 * - `external`: has a scheme (`https:`, `mailto:`, ...), is protocol-relative (`//host`) or is
 *   absolute (`/docs/x.md`: relative to a repository root the linter does not know). Not checked.
 * - `fragment`: `#anchor` in this document.
 * - `local`: a path relative to the spec's folder, percent-decoded, without `?query` or
 *   `#fragment` (e.g. `docs/api.md` for `docs/api.md#errors`). This path is the key of
 *   `RuleContext.linkTargets`.
 */
export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'local'; path: string; fragment: string | undefined };

export function classifyLinkTarget(target: string): LinkTarget {
  const written = target.trim().replace(/^<(.*)>$/, '$1');
  if (written === '' || /^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('/')) return { kind: 'external' };
  const hash = written.indexOf('#');
  const fragment = hash === -1 ? undefined : decode(written.slice(hash + 1));
  const pathPart = (hash === -1 ? written : written.slice(0, hash)).replace(/\?.*$/, '');
  if (pathPart === '') return fragment === undefined ? { kind: 'external' } : { kind: 'fragment', fragment };
  return { kind: 'local', path: decode(pathPart), fragment };
}

/** The distinct relative paths the caller has to stat before `broken-link` can check them. */
export function localLinkPaths(model: SpecModel): string[] {
  const paths = new Set<string>();
  for (const link of model.links) {
    const target = classifyLinkTarget(link.target);
    if (target.kind === 'local') paths.add(target.path);
  }
  return [...paths];
}

/**
 * Every fragment a link into this document may use: heading slugs plus explicit HTML anchors
 * (`<a name="x">`, `id="x"`), which GitHub also honours.
 */
export function documentAnchors(model: SpecModel): Set<string> {
  const anchors = new Set(model.sections.map((section) => section.slug));
  const codeLines = model.codeBlocks.map((block) => [block.range.start.line, block.range.end.line]);
  const inlineCode = model.inlineCode.map((code) => [code.startOffset, code.endOffset]);
  const pattern = /<[a-z][a-z0-9]*\b[^<>]*?\b(?:name|id)\s*=\s*["']([^"']+)["'][^<>]*>/gi;
  for (let match = pattern.exec(model.text); match; match = pattern.exec(model.text)) {
    const offset = match.index;
    const line = positionAt(model, offset).line;
    if (codeLines.some(([start, end]) => line >= start && line <= end)) continue;
    if (inlineCode.some(([start, end]) => offset >= start && offset < end)) continue;
    anchors.add(match[1]);
  }
  return anchors;
}

/**
 * GitHub matches the fragment against anchors as written and lower-cased; an empty fragment
 * and `#top` go to the top of the page.
 */
export function fragmentMatches(fragment: string, anchors: ReadonlySet<string>): boolean {
  if (fragment === '' || fragment.toLowerCase() === 'top') return true;
  return anchors.has(fragment) || anchors.has(fragment.toLowerCase());
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
