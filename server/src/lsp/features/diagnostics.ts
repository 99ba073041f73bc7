import { fileURLToPath } from 'node:url';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type ResultProgressReporter,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { applySuppressions } from '../../engine/bulk-suppressions';
import { discoverSpecFiles } from '../../fs/discover';
import type { Finding } from '../../rules/types';
import type { DocumentAnalysis } from '../analysis';
import { toDiagnostic, toSuppressedDiagnostic } from '../../features/diagnostics';
import { snapshotOf, type ServerContext } from '../context';
import { fileUri, isFileUri, readClosedFile } from '../workspace';

export interface DiagnosticsPublisher {
  /** Called once the client is initialised. */
  start(): void;
  /** Settings or configuration files changed: everything is re-checked. */
  refreshAll(): void;
  /** Files changed on disk or workspace folders changed. */
  workspaceChanged(): void;
  /** An open document was saved (with `specready.run: onSave`, the moment it is checked). */
  saved(uri: string): void;
}

/** Files per partial workspace report: fewer messages than one per file, each still small. */
const PARTIAL_BATCH = 25;

/** Push mode waits this long after the last keystroke; pull clients debounce themselves. */
const PUSH_DEBOUNCE_MS = 200;

export function registerDiagnostics(session: ServerContext, pull: boolean): DiagnosticsPublisher {
  return pull ? new PullDiagnostics(session) : new PushDiagnostics(session);
}

/**
 * The findings as diagnostics. Those recorded in the nearest specready-suppressions.json are
 * hints with a note, left out, or shown as usual, as `specready.suppressedFindings` says; the
 * file is matched as the CLI matches it (fingerprints, then counts), so the editor agrees with CI.
 */
async function diagnosticsOf(session: ServerContext, uri: string, analysis: DocumentAnalysis | undefined): Promise<Diagnostic[]> {
  if (!analysis) return [];
  const suppressed = await suppressedFindings(session, uri, analysis.findings);
  if (!suppressed) return analysis.findings.map(toDiagnostic);
  const diagnostics: Diagnostic[] = [];
  for (const finding of analysis.findings) {
    if (!suppressed.findings.has(finding)) diagnostics.push(toDiagnostic(finding));
    else if (suppressed.mode === 'hint') diagnostics.push(toSuppressedDiagnostic(finding, suppressed.file));
  }
  return diagnostics;
}

async function suppressedFindings(session: ServerContext, uri: string, findings: readonly Finding[]):
  Promise<{ findings: ReadonlySet<Finding>; mode: 'hint' | 'hide'; file: string } | undefined> {
  if (!isFileUri(uri) || findings.length === 0) return undefined;
  const mode = (await session.workspace.configFor(uri)).suppressedFindings;
  if (mode === 'show') return undefined;
  const recorded = await session.suppressions.forSpec(fileURLToPath(uri));
  if (!recorded?.entries) return undefined;
  const applied = applySuppressions(recorded.key, findings, recorded.entries);
  return applied.suppressed.length === 0 ? undefined : { findings: new Set(applied.suppressed), mode, file: recorded.file };
}

/** Spec files of the workspace folders that are not open in the editor. */
async function closedSpecFiles(session: ServerContext): Promise<string[]> {
  const folders = session.workspace.folderPaths();
  if (folders.length === 0) return [];
  const { files } = await discoverSpecFiles(folders, { cwd: folders[0], host: session.host, loader: session.workspace.configLoader });
  return files.filter((file) => !session.documents.get(fileUri(file)));
}

async function analyseClosed(session: ServerContext, file: string): Promise<Diagnostic[] | undefined> {
  const read = await readClosedFile(session.host, file);
  if (!read) return undefined;
  const uri = fileUri(file);
  const analysis = await session.analyse({ uri, version: undefined, text: read.text }, { cache: false });
  return analysis ? diagnosticsOf(session, uri, analysis) : undefined;
}

/**
 * Pull model (LSP 3.17): the client asks per document, and keeps one long-lived
 * `workspace/diagnostic` request open for files that are not open; that request is answered
 * at once the first time and then only when something changed.
 */
class PullDiagnostics implements DiagnosticsPublisher {
  private generation = 0;
  private servedGeneration = -1;
  private wake: (() => void) | undefined;
  private lastReported = new Set<string>();
  /** The last full report per open document: its result id and the editor version it was for. */
  private readonly reports = new Map<string, { resultId: string; version: number }>();
  private nextResultId = 1;

  constructor(private readonly session: ServerContext) {
    const diagnostics = session.connection.languages.diagnostics;
    diagnostics.on(async (params) => {
      const uri = params.textDocument.uri;
      const last = this.reports.get(uri);
      // Checked on save only: while typing, the client keeps the last report (its markers move with the text).
      if (last && params.previousResultId === last.resultId && (await session.unsaved(uri))) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      }
      const version = session.documents.get(uri)?.version;
      const analysis = await session.analyseOpen(uri);
      const resultId = String(this.nextResultId++);
      if (version !== undefined) this.reports.set(uri, { resultId, version });
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await diagnosticsOf(session, uri, analysis) };
    });
    diagnostics.onWorkspace(async (_params, token, _workDone, partial) => ({ items: await this.workspaceReport(token, partial) }));
    session.documents.onDidClose((event) => {
      this.reports.delete(event.document.uri);
      session.analysis.forget(event.document.uri);
      session.forgetReadiness(event.document.uri);
      this.bump();
    });
    session.documents.onDidOpen(() => this.bump());
  }

  start(): void {
    this.bump();
  }

  refreshAll(): void {
    this.bump();
    void this.session.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  workspaceChanged(): void {
    this.bump();
  }

  /**
   * The client asks for diagnostics after a save itself; when that request came before the
   * save notification (and was answered "unchanged"), it is asked to ask again.
   */
  saved(uri: string): void {
    void this.session.workspace.configFor(uri).then((documentConfig) => {
      const last = this.reports.get(uri);
      if (documentConfig.run !== 'onSave' || !last || last.version === this.session.documents.get(uri)?.version) return;
      return this.session.connection.languages.diagnostics.refresh();
    }).catch(() => undefined);
  }

  private bump(): void {
    this.generation++;
    this.wake?.();
  }

  /**
   * With a partial result token (VS Code sends one) reports are streamed in batches as files
   * are analysed and the final answer is empty, as LSP requires: the client sees results
   * sooner, and the server never holds the diagnostics of the whole workspace at once.
   */
  private async workspaceReport(token: CancellationToken, partial?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDocumentDiagnosticReport[]> {
    while (this.servedGeneration === this.generation && !token.isCancellationRequested) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        token.onCancellationRequested(() => resolve());
      });
    }
    this.wake = undefined;
    if (token.isCancellationRequested) return [];
    this.servedGeneration = this.generation;
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    const flush = (all: boolean) => {
      if (!partial || reports.length === 0 || (!all && reports.length < PARTIAL_BATCH)) return;
      partial.report({ items: reports.splice(0) });
    };
    const reported = new Set<string>();
    for (const file of await closedSpecFiles(this.session)) {
      const items = await analyseClosed(this.session, file);
      if (!items) continue;
      reports.push({ kind: DocumentDiagnosticReportKind.Full, uri: fileUri(file), version: null, items });
      reported.add(fileUri(file));
      flush(false);
    }
    // Files reported last time that are gone (deleted, renamed, no longer specs) get an empty
    // report: the client keeps a file's last workspace report until told otherwise.
    for (const uri of this.lastReported) {
      if (!reported.has(uri) && !this.session.documents.get(uri)) {
        reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      }
    }
    this.lastReported = reported;
    flush(true);
    return reports;
  }
}

/**
 * Push model for clients without pull support: debounced per document, stale runs dropped by
 * comparing versions, and closed spec files published once at start and after changes.
 */
class PushDiagnostics implements DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly closedPublished = new Set<string>();

  constructor(private readonly session: ServerContext) {
    session.documents.onDidOpen((event) => this.schedule(event.document.uri, 0));
    session.documents.onDidChangeContent((event) => this.schedule(event.document.uri, PUSH_DEBOUNCE_MS));
    session.documents.onDidClose((event) => void this.closed(event.document.uri));
  }

  start(): void {
    void this.publishClosedFiles();
  }

  refreshAll(): void {
    for (const document of this.session.documents.all()) this.schedule(document.uri, 0);
    void this.publishClosedFiles();
  }

  workspaceChanged(): void {
    void this.publishClosedFiles();
  }

  saved(uri: string): void {
    this.schedule(uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publishOpen(uri);
    }, delay));
  }

  private async publishOpen(uri: string): Promise<void> {
    const document = this.session.documents.get(uri);
    if (!document) return;
    // Checked on save only: the diagnostics of the saved text stay until the next save.
    if (await this.session.unsaved(uri)) return;
    const snapshot = snapshotOf(document);
    const analysis = await this.session.analyse(snapshot);
    // A newer version arrived while settings were fetched: its own run will publish.
    if (this.session.documents.get(uri)?.version !== snapshot.version) return;
    const diagnostics = await diagnosticsOf(this.session, uri, analysis);
    if (this.session.documents.get(uri)?.version !== snapshot.version) return;
    await this.session.connection.sendDiagnostics({ uri, version: snapshot.version, diagnostics });
  }

  private async closed(uri: string): Promise<void> {
    clearTimeout(this.timers.get(uri));
    this.session.analysis.forget(uri);
    this.session.forgetReadiness(uri);
    const items = isFileUri(uri) ? await analyseClosed(this.session, fileURLToPath(uri)) : undefined;
    await this.session.connection.sendDiagnostics({ uri, diagnostics: items ?? [] });
  }

  private async publishClosedFiles(): Promise<void> {
    const files = await closedSpecFiles(this.session);
    const current = new Set(files.map((file) => fileUri(file)));
    for (const uri of this.closedPublished) {
      if (!current.has(uri) && !this.session.documents.get(uri)) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.closedPublished.clear();
    for (const file of files) {
      const items = await analyseClosed(this.session, file);
      if (!items) continue;
      this.closedPublished.add(fileUri(file));
      await this.session.connection.sendDiagnostics({ uri: fileUri(file), diagnostics: items });
    }
  }
}
