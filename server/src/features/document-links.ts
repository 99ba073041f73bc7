import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import type { AnalysisResult } from '../engine/analyze';
import { linkLocation } from '../fs/link-location';
import { resolveLinkTarget } from '../model/link-resolver';

/**
 * Links to other files (and `#fragments` in them) become clickable document links, resolved
 * the way the broken-link rule and the export resolve them: relative to the spec's folder, or to the
 * project root for `/docs/x.md`, with the `?query` left out of the file looked up.
 */
export function documentLinks(uri: string, result: AnalysisResult, projectRoot: string | undefined): DocumentLink[] {
  if (!uri.startsWith('file:')) return [];
  const bases = { documentFolder: dirname(fileURLToPath(uri)), projectRoot };
  return result.model.links.flatMap((link) => {
    const target = resolveLinkTarget(link.target);
    if (target.kind !== 'file') return [];
    const location = linkLocation(target, bases);
    if (location === undefined) return [];
    const url = pathToFileURL(location);
    const hash = target.suffix.indexOf('#');
    if (hash !== -1 && hash < target.suffix.length - 1) url.hash = target.suffix.slice(hash + 1);
    return [{ range: link.targetRange, target: url.href, tooltip: `Open ${target.base === 'root' ? `/${target.path}` : target.path}` }];
  });
}
