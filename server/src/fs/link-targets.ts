import * as path from 'node:path';
import { decodeUtf8, type Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { linkLocation } from './link-location';
import { documentAnchors, localLinkPaths } from '../model/link-targets';
import { parseSpec } from '../model/parse';
import type { SpecModel } from '../model/types';
import type { LinkTargetInfo } from '../rules/types';
import { LruCache } from '../util/lru';

interface CachedAnchors {
  mtimeMs: number;
  size: number;
  anchors: ReadonlySet<string>;
}

/**
 * Anchors of linked Markdown files by absolute path. Entries are reused while the file's mtime
 * and size are unchanged, so the language server re-parses a linked file only after it changes;
 * the least recently linked files are forgotten once the cache is full.
 */
export class LinkTargetCache extends LruCache<string, CachedAnchors> {
  constructor(maxSize = 512) {
    super(maxSize);
  }
}

/** One cache per host: two hosts may hold different files under one path. */
const cachesByHost = new WeakMap<Host, LinkTargetCache>();

export function linkTargetCacheOf(host: Host): LinkTargetCache {
  let cache = cachesByHost.get(host);
  if (!cache) cachesByHost.set(host, (cache = new LinkTargetCache()));
  return cache;
}

const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd)$/i;

/**
 * Stats every local link target of the spec (relative to the spec's folder, or to the project
 * root for `/docs/x.md`) and collects the anchors of linked Markdown files: the facts
 * the broken-link rule reads from `RuleContext.linkTargets`. Keys are the paths returned by
 * `localLinkPaths`; without a project root, root-relative links are left unchecked.
 */
export async function gatherLinkTargets(
  model: SpecModel,
  specFilePath: string,
  projectRoot?: string,
  host: Host = nodeHost,
  cache: LinkTargetCache = linkTargetCacheOf(host),
): Promise<Map<string, LinkTargetInfo>> {
  const bases = { documentFolder: path.dirname(specFilePath), projectRoot };
  const entries = await Promise.all(localLinkPaths(model).map(async (key) => {
    const location = linkLocation(key, bases);
    return location === undefined ? undefined : [key, await targetInfo(host, location, cache)] as const;
  }));
  return new Map(entries.filter((entry) => entry !== undefined));
}

async function targetInfo(host: Host, absolute: string, cache: LinkTargetCache): Promise<LinkTargetInfo> {
  const stats = await host.stat(absolute);
  if (!stats) return { exists: false };
  if (stats.kind !== 'file' || !MARKDOWN_FILE.test(absolute)) return { exists: true };
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
    return { exists: true, slugs: cached.anchors };
  }
  try {
    const anchors = documentAnchors(parseSpec(decodeUtf8(await host.readFile(absolute)), absolute));
    cache.set(absolute, { mtimeMs: stats.mtimeMs, size: stats.size, anchors });
    return { exists: true, slugs: anchors };
  } catch {
    // Unreadable between stat and read: the file exists, its fragments just cannot be checked.
    return { exists: true };
  }
}
