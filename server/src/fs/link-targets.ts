import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { linkLocation } from './link-location';
import { documentAnchors, localLinkPaths } from '../model/link-targets';
import { parseSpec } from '../model/parse';
import type { SpecModel } from '../model/types';
import type { LinkTargetInfo } from '../rules/types';

interface CachedAnchors {
  mtimeMs: number;
  size: number;
  anchors: ReadonlySet<string>;
}

/**
 * Anchors of linked Markdown files by absolute path. Entries are reused while the file's mtime
 * and size are unchanged, so the language server re-parses a linked file only after it changes.
 */
export type LinkTargetCache = Map<string, CachedAnchors>;

const sharedCache: LinkTargetCache = new Map();
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd)$/i;

/**
 * Stats every local link target of the spec (relative to the spec's folder, or to the project
 * root for `/docs/x.md`) and collects the anchors of linked Markdown files: the facts
 * `broken-link` reads from `RuleContext.linkTargets`. Keys are the paths returned by
 * `localLinkPaths`; without a project root, root-relative links are left unchecked.
 */
export async function gatherLinkTargets(
  model: SpecModel,
  specFilePath: string,
  projectRoot?: string,
  cache: LinkTargetCache = sharedCache,
): Promise<Map<string, LinkTargetInfo>> {
  const bases = { documentFolder: path.dirname(specFilePath), projectRoot };
  const entries = await Promise.all(localLinkPaths(model).map(async (key) => {
    const location = linkLocation(key, bases);
    return location === undefined ? undefined : [key, await targetInfo(location, cache)] as const;
  }));
  return new Map(entries.filter((entry) => entry !== undefined));
}

async function targetInfo(absolute: string, cache: LinkTargetCache): Promise<LinkTargetInfo> {
  let stats;
  try {
    stats = await fs.stat(absolute);
  } catch {
    return { exists: false };
  }
  if (!stats.isFile() || !MARKDOWN_FILE.test(absolute)) return { exists: true };
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
    return { exists: true, slugs: cached.anchors };
  }
  try {
    const anchors = documentAnchors(parseSpec(await fs.readFile(absolute, 'utf8'), absolute));
    cache.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, anchors });
    return { exists: true, slugs: anchors };
  } catch {
    // Unreadable between stat and read: the file exists, its fragments just cannot be checked.
    return { exists: true };
  }
}
