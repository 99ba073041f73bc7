import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverSpecFiles } from '../fs/discover';
import { localDate } from '../model/questions';
import { compareSpecs } from '../features/spec-order';
import { specEntry, type SpecDetails, type SpecEntry } from '../features/specs';
import type { DocumentAnalysis } from './analysis';
import { onRequest, sendNotification, SpecDetailsRequest, SpecsChangedNotification, SpecsRequest, type SpecsChange, type SpecsResult } from './protocol';
import type { ServerContext } from './context';
import { fileUri, isFileUri, readClosedFile } from './workspace';

/** Changes are collected for this long and sent as one notification. */
const FLUSH_DELAY_MS = 150;
/** An edited document is analysed for the view this long after its last change. */
const DOCUMENT_DELAY_MS = 500;
/** During the first scan a notification goes out every this many specs, so the view fills as it goes. */
const SCAN_BATCH = 100;

/**
 * The readiness of every spec in the workspace, for the Specs view. Filled by one scan of all
 * workspace folders at start (files read from disk, analysed without caching their models),
 * then kept current from every analysis the server runs anyway (open documents as they are
 * edited) and from file events for closed files. The client asks once (`specready/specs`) and
 * then receives only what changed (`specready/specsChanged`).
 */
export class SpecIndex {
  private readonly entries = new Map<string, SpecEntry>();
  private readonly keys = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private revision = 0;
  private scanning = false;
  private scanGeneration = 0;
  private timer: NodeJS.Timeout | undefined;
  /** `scanning` as the client last heard it. */
  private lastScanning = false;

  constructor(private readonly session: ServerContext) {}

  register(): void {
    const { connection } = this.session;
    onRequest(connection, SpecsRequest, (): SpecsResult => ({
      revision: this.revision,
      scanning: this.scanning,
      specs: [...this.entries.values()].map((entry) => entry.summary).sort(compareSpecs),
    }));
    onRequest(connection, SpecDetailsRequest, async (params): Promise<SpecDetails | null> => {
      // An open document may have changed since its last analysis: analyse its current version.
      if (this.session.documents.get(params.uri)) await this.session.analyseOpen(params.uri);
      return this.entries.get(params.uri)?.details ?? null;
    });
  }

  private readonly pendingDocuments = new Map<string, NodeJS.Timeout>();

  /**
   * An open document changed. Diagnostics analyse it when the editor asks, which it does not
   * for a document without a visible editor (reverted, then its tab closed): the view must not
   * keep the old state, so the index analyses it itself after a pause (a no-op when the
   * diagnostics already did, thanks to the analysis cache).
   */
  documentChanged(uri: string): void {
    clearTimeout(this.pendingDocuments.get(uri));
    this.pendingDocuments.set(uri, setTimeout(() => {
      this.pendingDocuments.delete(uri);
      void this.session.analyseOpen(uri);
    }, DOCUMENT_DELAY_MS));
  }

  /** Today's date as the analysis sees it (the server host's local calendar day). */
  today(): string {
    return localDate(new Date());
  }

  /** Called by the session for every analysis: the document is a spec with this analysis, or not a spec (undefined). */
  record(uri: string, analysis: DocumentAnalysis | undefined, today: string): void {
    if (analysis?.kind !== 'analysed') {
      this.remove(uri);
      return;
    }
    const entry = specEntry(uri, analysis.result, fallbackTitle(uri), today);
    const key = JSON.stringify(entry);
    if (this.keys.get(uri) === key) return;
    this.keys.set(uri, key);
    this.entries.set(uri, entry);
    this.removed.delete(uri);
    this.changed.add(uri);
    this.schedule(uri);
  }

  remove(uri: string): void {
    if (!this.entries.delete(uri)) return;
    this.keys.delete(uri);
    this.changed.delete(uri);
    this.removed.add(uri);
    this.schedule(uri);
  }

  /**
   * Reads every spec of the workspace folders again (start, settings or configuration changed,
   * folders added or removed). Open documents are analysed from the editor's text. Yields to
   * the event loop after each file so that requests are answered during a long scan.
   */
  async rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    this.scanning = true;
    this.schedule();
    try {
      const folders = this.session.workspace.folderPaths();
      const files = folders.length > 0 ? (await discoverSpecFiles(folders, { cwd: folders[0], host: this.session.host, loader: this.session.workspace.configLoader })).files : [];
      const seen = new Set<string>();
      let sinceFlush = 0;
      for (const file of files) {
        if (generation !== this.scanGeneration) return;
        const uri = fileUri(file);
        seen.add(uri);
        await this.refresh(uri);
        if (++sinceFlush >= SCAN_BATCH) {
          sinceFlush = 0;
          this.flush();
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      for (const document of this.session.documents.all()) {
        seen.add(document.uri);
        await this.session.analyseOpen(document.uri);
      }
      for (const uri of [...this.entries.keys()]) if (!seen.has(uri)) this.remove(uri);
    } finally {
      if (generation === this.scanGeneration) {
        this.scanning = false;
        this.schedule();
      }
    }
  }

  /** A file changed, appeared or was closed in the editor: analyse what is on disk (or in the editor). */
  async refresh(uri: string): Promise<void> {
    if (this.session.documents.get(uri)) {
      await this.session.analyseOpen(uri);
      return;
    }
    if (!isFileUri(uri)) {
      this.remove(uri);
      return;
    }
    const read = await readClosedFile(this.session.host, fileURLToPath(uri));
    if (!read) {
      this.remove(uri);
      return;
    }
    await this.session.analyse({ uri, version: undefined, text: read.text }, { cache: false });
  }

  /** Whether a path could be a spec at all; the exact decision is the session's. */
  isCandidate(uri: string): boolean {
    return /\.(?:md|markdown)$/i.test(uri) || this.entries.has(uri);
  }

  /**
   * During a scan, closed files go out in batches of SCAN_BATCH (and the rest at the end);
   * anything else (an edited document, the scan starting or ending) within FLUSH_DELAY_MS.
   */
  private schedule(uri?: string): void {
    if (this.timer) return;
    if (uri && this.scanning && !this.session.documents.get(uri)) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, FLUSH_DELAY_MS);
  }

  private flush(): void {
    if (this.changed.size === 0 && this.removed.size === 0 && !this.statusChanged()) return;
    this.revision++;
    const change: SpecsChange = {
      revision: this.revision,
      scanning: this.scanning,
      changed: [...this.changed].flatMap((uri) => {
        const entry = this.entries.get(uri);
        return entry ? [entry.summary] : [];
      }),
      removed: [...this.removed],
    };
    this.changed.clear();
    this.removed.clear();
    this.lastScanning = this.scanning;
    sendNotification(this.session.connection, SpecsChangedNotification, change);
  }

  private statusChanged(): boolean {
    return this.lastScanning !== this.scanning;
  }
}

function fallbackTitle(uri: string): string {
  const name = isFileUri(uri) ? basename(fileURLToPath(uri)) : uri.slice(uri.lastIndexOf('/') + 1);
  return name.replace(/\.(?:md|markdown)$/i, '').replace(/\.(?:spec|handoff)$/i, '') || name;
}
