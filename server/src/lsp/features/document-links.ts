import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver/node';
import { isFileUri } from '../workspace';
import type { Session } from '../session';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Relative links (files and `#fragments` in other files) become clickable document links. */
export function registerDocumentLinks(session: Session): void {
  session.connection.onDocumentLinks(async (params): Promise<DocumentLink[]> => {
    if (!isFileUri(params.textDocument.uri)) return [];
    const analysis = await session.analyseOpen(params.textDocument.uri);
    if (analysis?.kind !== 'analysed') return [];
    const folder = dirname(fileURLToPath(params.textDocument.uri));
    return analysis.result.model.links.flatMap((link) => {
      const target = link.target.trim();
      if (!target || target.startsWith('#') || SCHEME.test(target) || target.startsWith('//')) return [];
      const [path, fragment] = target.split('#', 2);
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        decoded = path;
      }
      const url = pathToFileURL(resolve(folder, decoded));
      if (fragment) url.hash = fragment;
      return [{ range: link.targetRange, target: url.href, tooltip: `Open ${decoded}` }];
    });
  });
}
