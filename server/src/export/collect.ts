/**
 * Reads the files a spec links to, recursively through linked Markdown, and nothing else.
 *
 * Path safety: a link is resolved against the folder of the file that holds it (or the project
 * root, for `/docs/a.md`), checked
 * lexically against the root (so nothing outside is even looked at), then resolved with
 * realpath and checked again, which defeats symlinks (also in intermediate folders) that lead
 * outside. The file is opened without following a final symlink and must be the same file
 * that was checked (`Host.readSameFile`), so swapping it between the check and the read fails
 * instead of leaking. Every look at the disk goes through the host.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorCode, type FileStat, type Host } from '../host/host';
import { parseSpec } from '../model/parse';
import type { Link, SpecModel } from '../model/types';
import {
  assetBundlePath, decodeText, isMarkdownPath, MAX_ASSET_BYTES, MAX_ASSETS, MAX_TOTAL_ASSET_BYTES, SPEC_MD,
} from './assets';
import { linkLocation } from '../fs/link-location';
import { classifyExportTarget } from './links';
import type { LinkRefusal, RefusedLink } from './types';

/** A link whose target is in the bundle. */
export interface ResolvedLink {
  link: Link;
  /** Bundle path of the target. */
  bundlePath: string;
  /** `?query#fragment` as written. */
  suffix: string;
}

/** A Markdown file of the bundle (the spec or a linked one) with its links resolved. */
export interface CollectedDocument {
  bundlePath: string;
  /** Path relative to the root, forward slashes. */
  rootPath: string;
  model: SpecModel;
  links: ResolvedLink[];
}

export interface CollectedAsset {
  bundlePath: string;
  rootPath: string;
  bytes: Uint8Array;
  /** Present for Markdown files that are UTF-8 text: their links are rewritten too. */
  document?: CollectedDocument;
}

export interface Collection {
  spec: CollectedDocument;
  /** Sorted by bundle path. */
  assets: CollectedAsset[];
  refusedLinks: RefusedLink[];
}

export interface CollectInput {
  /** Absolute path of the spec as addressed (its links are relative to this folder). */
  specPath: string;
  /** realpath of the spec; must be inside `realRoot`. */
  specRealPath: string;
  specModel: SpecModel;
  /** Absolute root as given, and its realpath. */
  root: string;
  realRoot: string;
  /** What root-relative links (`/docs/a.md`) are relative to; default `root`. */
  projectRoot?: string;
  /** Where the files are read. */
  host: Host;
}

export async function collectAssets(input: CollectInput): Promise<Collection> {
  return new Collector(input).run();
}

type Resolution = { bundlePath: string } | { reason: LinkRefusal; message: string };

interface Pending {
  /** The path the document was reached by: its relative links resolve from here. */
  path: string;
  document: CollectedDocument;
}

class Collector {
  private readonly bundlePathByRealPath = new Map<string, string>();
  private readonly assets: CollectedAsset[] = [];
  private readonly refusedLinks: RefusedLink[] = [];
  private totalBytes = 0;

  constructor(private readonly input: CollectInput) {}

  async run(): Promise<Collection> {
    const spec: CollectedDocument = {
      bundlePath: SPEC_MD,
      rootPath: toPosix(relative(this.input.realRoot, this.input.specRealPath)),
      model: this.input.specModel,
      links: [],
    };
    this.bundlePathByRealPath.set(this.input.specRealPath, SPEC_MD);
    const queue: Pending[] = [{ path: this.input.specPath, document: spec }];
    // Breadth first, links in document order: the same inputs always give the same bundle.
    for (let next = queue.shift(); next; next = queue.shift()) {
      await this.resolveLinks(next, queue);
    }
    const assets = [...this.assets].sort((a, b) => compareStrings(a.bundlePath, b.bundlePath));
    return { spec, assets, refusedLinks: this.refusedLinks };
  }

  private async resolveLinks(pending: Pending, queue: Pending[]): Promise<void> {
    const { document } = pending;
    for (const link of document.model.links) {
      const target = classifyExportTarget(link.target);
      if (target.kind === 'external' || target.kind === 'fragment') continue;
      const location = target.kind === 'local'
        ? linkLocation(target.path, { documentFolder: dirname(pending.path), projectRoot: this.input.projectRoot ?? this.input.root })
        : undefined;
      const resolution = target.kind === 'refused'
        ? target
        : location === undefined ? { reason: 'missing' as const, message: 'the project root is unknown' } : await this.resolveLocal(location, queue);
      if ('bundlePath' in resolution) {
        document.links.push({ link, bundlePath: resolution.bundlePath, suffix: target.kind === 'local' ? target.suffix : '' });
      } else {
        this.refusedLinks.push({
          from: document.rootPath,
          line: link.range.start.line + 1,
          target: link.target,
          reason: resolution.reason,
          message: `Not bundled: ${resolution.message}.`,
        });
      }
    }
  }

  private async resolveLocal(candidate: string, queue: Pending[]): Promise<Resolution> {
    const { root, realRoot } = this.input;
    if (!isInside(root, candidate) && !isInside(realRoot, candidate)) {
      return { reason: 'outside-root', message: 'it leads outside the root folder' };
    }
    const real = await realPathOf(candidate, this.input.host);
    if ('reason' in real) return real;
    if (!isInside(realRoot, real.path)) {
      return { reason: 'outside-root', message: 'a symbolic link leads outside the root folder' };
    }
    const known = this.bundlePathByRealPath.get(real.path);
    if (known) return { bundlePath: known };
    const rootPath = toPosix(relative(realRoot, real.path));
    // Repository internals (.git/config may hold a token in a remote URL) are never handed out.
    if (rootPath.split('/').includes('.git')) return { reason: 'unsafe-path', message: 'it is inside a .git folder' };
    const read = await this.read(real.path);
    if ('reason' in read) return read;
    const asset: CollectedAsset = { bundlePath: assetBundlePath(rootPath), rootPath, bytes: read.bytes };
    this.bundlePathByRealPath.set(real.path, asset.bundlePath);
    this.assets.push(asset);
    this.totalBytes += read.bytes.length;
    const text = isMarkdownPath(real.path) ? decodeText(read.bytes) : undefined;
    if (text !== undefined) {
      asset.document = { bundlePath: asset.bundlePath, rootPath, model: parseSpec(text, pathToFileURL(candidate).href), links: [] };
      queue.push({ path: candidate, document: asset.document });
    }
    return { bundlePath: asset.bundlePath };
  }

  private async read(realPath: string): Promise<{ bytes: Uint8Array } | { reason: LinkRefusal; message: string }> {
    const stats = await this.input.host.stat(realPath);
    if (!stats) return { reason: 'unreadable', message: 'the file cannot be read' };
    if (stats.kind !== 'file') return { reason: 'not-a-file', message: 'it is a folder or a special file, not a file' };
    if (stats.size > MAX_ASSET_BYTES) {
      return { reason: 'too-large', message: `the file is larger than ${MAX_ASSET_BYTES / 1024 / 1024} MiB` };
    }
    if (this.assets.length >= MAX_ASSETS || this.totalBytes + stats.size > MAX_TOTAL_ASSET_BYTES) {
      return { reason: 'too-large', message: `the bundle would exceed ${MAX_ASSETS} files or ${MAX_TOTAL_ASSET_BYTES / 1024 / 1024} MiB` };
    }
    return readSameFile(realPath, stats, this.input.host);
  }
}

async function realPathOf(candidate: string, host: Host): Promise<{ path: string } | { reason: LinkRefusal; message: string }> {
  try {
    return { path: await host.realPath(candidate) };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'missing', message: 'the file does not exist' };
    if (code === 'ELOOP') return { reason: 'unsafe-path', message: 'it goes through a symbolic link loop' };
    return { reason: 'unreadable', message: 'the file cannot be read' };
  }
}

/** Reads the file only if what opens is still the regular file that was checked. */
async function readSameFile(realPath: string, checked: FileStat, host: Host): Promise<{ bytes: Uint8Array } | { reason: LinkRefusal; message: string }> {
  try {
    return { bytes: await host.readSameFile(realPath, checked) };
  } catch (error) {
    if (errorCode(error) === 'ECHANGED') return { reason: 'unreadable', message: 'the file changed while it was being read' };
    return { reason: 'unreadable', message: 'the file cannot be read' };
  }
}

/** True when `child` is `parent` or below it (lexically; pass real paths for a real check). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Code-unit order: locale-independent, so entry order is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
