import { linkTargetKey, resolveLinkTarget } from './link-resolver';
import { positionAt } from './text';
import type { SpecModel } from './types';

/**
 * What a link destination points at, as far as the broken-link rule is concerned (from the shared
 * reading in link-resolver.ts).
 *
 * - `external`: has a scheme (`https:`, `mailto:`, ...), is protocol-relative (`//host`), or
 *   is a destination no file lookup should be made for (`file:` URLs, drive letters). Not checked.
 * - `fragment`: `#anchor` in this document.
 * - `local`: a file, percent-decoded, without `?query` or `#fragment` (e.g. `docs/api.md` for
 *   `docs/api.md#errors`); relative to the spec's folder, or to the project root when it starts
 *   with `/`. This path is the key of `RuleContext.linkTargets`.
 */
export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'local'; path: string; fragment: string | undefined };

export function classifyLinkTarget(target: string): LinkTarget {
  if (target.trim().replace(/^<(.*)>$/s, '$1') === '') return { kind: 'external' };
  const resolved = resolveLinkTarget(target);
  if (resolved.kind === 'fragment') return resolved;
  if (resolved.kind !== 'file') return { kind: 'external' };
  return { kind: 'local', path: linkTargetKey(resolved), fragment: resolved.fragment };
}

/** The distinct paths (keys of `RuleContext.linkTargets`) the caller has to stat before the broken-link rule can check them. */
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
    if (match[1]) anchors.add(match[1]);
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

