import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConfigError } from '../config/errors';
import { isInside } from '../export/collect';
import { exportBundle } from '../export/index';
import type { ExportResult } from '../export/types';
import type { ServerContext } from './context';
import type { ExportParams } from './protocol';
import { isFileUri } from './workspace';

/**
 * `specready/export`: writes the handoff bundle of a spec. The root is the workspace folder
 * that contains the spec, the text is the editor's current buffer (saved or not), the
 * configuration is the one diagnostics use. The result says what happened; prompting the user
 * ("Export anyway?", "Replace it?") is the client's job, which then asks again with
 * `force` or `overwrite`.
 */
export async function exportDocument(session: ServerContext, params: ExportParams): Promise<ExportResult> {
  if (!isFileUri(params.uri)) {
    return { status: 'refused', reason: 'unreadable', message: 'Only a spec saved in a workspace folder can be exported; save it first.' };
  }
  const specPath = fileURLToPath(params.uri);
  const root = session.workspace.folderPaths()
    .filter((folder) => isInside(folder, specPath))
    .sort((a, b) => b.length - a.length)[0];
  if (!root) {
    return { status: 'refused', reason: 'outside-root', message: `${specPath} is not inside an open workspace folder; open the folder that contains it to export it.` };
  }
  const documentConfig = await session.workspace.configFor(params.uri);
  if (documentConfig.configErrors.length > 0) {
    const errors = documentConfig.configErrors.map(formatConfigError).join('; ');
    return { status: 'refused', reason: 'config', message: `The configuration has errors, so the readiness of the spec is unknown: ${errors}` };
  }
  return exportBundle({
    specPath,
    root,
    outPath: params.outPath && !isAbsolute(params.outPath) ? resolve(root, params.outPath) : params.outPath,
    format: params.format ?? 'zip',
    force: params.force === true,
    overwrite: params.overwrite === true,
    config: documentConfig.config,
    text: session.documents.get(params.uri)?.getText(),
    host: session.host,
  });
}
