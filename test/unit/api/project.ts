/** A spec and the files it links, in a temporary folder, analysed the way every front end does. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeSpec, parseForConfig } from '../../../server/src/engine/analyze';
import { gatherApiFiles, newApiFileCache, type ApiFileCache } from '../../../server/src/fs/api-files';
import { nodeHost } from '../../../server/src/host/node-host';

export class Project {
  readonly root = mkdtempSync(path.join(tmpdir(), 'specready-api-'));
  readonly cache: ApiFileCache = newApiFileCache();

  write(file: string, text: string): string {
    const absolute = path.join(this.root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    return absolute;
  }

  /** Writes `file` (relative to the root) and returns the project. */
  with(file: string, text: string): this {
    this.write(file, text);
    return this;
  }

  /** `noApiFiles`: analysed as if the linked files were unknown (an unsaved document). */
  async check(spec: string, options: { maxBytes?: number; noApiFiles?: boolean } = {}) {
    const file = this.write('refunds.spec.md', spec);
    const model = parseForConfig(spec, pathToFileURL(file).href);
    const apiFiles = await gatherApiFiles(model, file, { projectRoot: this.root, host: nodeHost, cache: this.cache, maxBytes: options.maxBytes });
    const result = analyzeSpec(spec, { uri: pathToFileURL(file).href, model, apiFiles: options.noApiFiles ? undefined : apiFiles });
    return { apiFiles, findings: result.findings.filter((finding) => finding.rule === 'invalid-api-file'), result };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
