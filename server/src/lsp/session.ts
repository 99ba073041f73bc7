import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../features/code-actions';
import { AnalysisService, type DocumentAnalysis, type DocumentSnapshot } from './analysis';
import { snapshotOf, type ServerContext } from './context';
import { toReadiness, type Readiness } from './convert';
import { ConfigDiagnostics } from './features/config-diagnostics';
import { registerDiagnostics, type DiagnosticsPublisher } from './features/diagnostics';
import { registerEditorFeatures } from './handlers';
import { AnalysisStateNotification, onRequest, ReadinessChangedNotification, ReadinessRequest, RecheckRequest, sendNotification, ServerInfoRequest } from './protocol';
import { SpecIndex } from './spec-index';
import { SuppressionsFiles } from '../fs/suppressions-file';
import { isFileUri, Workspace, type DocumentConfig } from './workspace';
import { fileURLToPath } from 'node:url';
import type { Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { linkTargetCacheOf } from '../fs/link-targets';
import { loadValidator } from '../fs/api-files';
import { workerValidator } from '../fs/api-worker';
import { version as SERVER_VERSION } from '../../../package.json';

/**
 * The language server: owns the open documents, the workspace state and the analysis cache,
 * and wires the editor features (pure functions in server/src/features, see handlers.ts), the
 * diagnostics publishers and the Specs view index to the connection.
 */
export class Session implements ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace: Workspace;
  readonly analysis: AnalysisService;
  readonly configDiagnostics: ConfigDiagnostics;
  readonly specs: SpecIndex;
  /** specready-suppressions.json files, for showing the findings they record as hints. */
  readonly suppressions: SuppressionsFiles;
  private diagnostics!: DiagnosticsPublisher;
  private readonly lastReadiness = new Map<string, string>();
  private supportsWatchedFiles = false;
  private readonly shownSettingsProblems = new Set<string>();
  /** The client accepts snippet edits (tab stops) in code action workspace edits (LSP 3.18). */
  supportsSnippetEdits = false;
  /** The client can create files in a workspace edit (`resourceOperations` includes "create"). */
  supportsFileCreation = false;
  private supportsConfigurationChange = false;
  /** Editor version of each open document when it was last opened or saved (what `specready.run: onSave` checks). */
  private readonly savedVersions = new Map<string, number>();

  constructor(readonly connection: Connection, readonly host: Host = nodeHost) {
    this.workspace = new Workspace(connection, host);
    // Linked API files are validated on a worker thread: a large one does not hold up the editor.
    this.analysis = new AnalysisService(host, { error: (message) => connection.console.error(message) }, {
      validator: workerValidator(loadValidator),
      onReady: (uri) => this.linkedApiFileValidated(uri),
    });
    this.configDiagnostics = new ConfigDiagnostics(connection);
    this.specs = new SpecIndex(this);
    this.suppressions = new SuppressionsFiles(host, (file, problem) => connection.console.warn(`${file}: ${problem}; its findings are shown as usual`));
  }

  start(): void {
    this.connection.onInitialize((params) => this.initialize(params));
    this.connection.onInitialized(() => this.initialized());
    // Registered before the features' listeners, so they see the saved version already.
    this.documents.onDidOpen((event) => this.savedVersions.set(event.document.uri, event.document.version));
    this.documents.onDidSave((event) => {
      this.savedVersions.set(event.document.uri, event.document.version);
      this.diagnostics.saved(event.document.uri);
    });
    this.documents.onDidClose((event) => this.savedVersions.delete(event.document.uri));
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.workspace.canRequestConfiguration = !!capabilities.workspace?.configuration;
    this.workspace.setFolders(params.workspaceFolders, params.rootUri);
    this.supportsWatchedFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.supportsSnippetEdits = !!(capabilities.workspace?.workspaceEdit)?.snippetEditSupport;
    this.supportsFileCreation = !!capabilities.workspace?.workspaceEdit?.documentChanges
      && (capabilities.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    this.supportsConfigurationChange = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const pull = !!capabilities.textDocument?.diagnostic;
    this.diagnostics = registerDiagnostics(this, pull);
    registerEditorFeatures(this);
    this.specs.register();
    // The editor's text is the truth for open documents; once closed, the file on disk is.
    this.documents.onDidClose((event) => void this.specs.refresh(event.document.uri));
    this.documents.onDidChangeContent((event) => this.specs.documentChanged(event.document.uri));
    onRequest(this.connection, ReadinessRequest, (request) => this.readiness(request.uri));
    onRequest(this.connection, ServerInfoRequest, () => ({
      pid: process.pid,
      version: SERVER_VERSION,
      uptimeMs: Math.round(process.uptime() * 1000),
      rssBytes: process.memoryUsage.rss(),
      openDocuments: this.documents.all().length,
    }));
    onRequest(this.connection, RecheckRequest, (request) => {
      this.configurationChanged();
      return request.uri ? this.readiness(request.uri) : null;
    });
    this.connection.onDidChangeConfiguration(() => this.configurationChanged());
    this.connection.onDidChangeWatchedFiles((change) => {
      // The project vocabulary is part of the configuration.
      const configChanged = change.changes.some((event) => /\.specready\.(?:json|ya?ml)$|\/\.specready\/terms\.txt$/.test(event.uri));
      if (configChanged) {
        this.configurationChanged();
        return;
      }
      if (change.changes.some((event) => event.uri.endsWith('/specready-suppressions.json'))) {
        this.suppressions.filesChanged();
        this.diagnostics.refreshAll();
        return;
      }
      if (change.changes.some((event) => BUNDLE_MANIFEST.test(event.uri))) {
        this.workspace.bundlesChanged();
        this.diagnostics.refreshAll();
      }
      // A linked API description changed: the specs that read it are checked again.
      const apiChanges = change.changes.filter((event) => API_FILE.test(event.uri));
      if (apiChanges.some((event) => this.linkedApiFileChanged(event.uri))) this.diagnostics.refreshAll();
      if (apiChanges.length === change.changes.length) return;
      this.diagnostics.workspaceChanged();
      for (const event of change.changes) {
        if (this.specs.isCandidate(event.uri)) void this.specs.refresh(event.uri);
      }
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(pull ? { diagnosticProvider: { identifier: 'specready', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['-'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'specready', version: SERVER_VERSION },
    };
  }

  private initialized(): void {
    if (this.supportsConfigurationChange) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'specready' });
    }
    if (this.supportsWatchedFiles) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.specready.{json,yaml,yml}' }, { globPattern: '**/.specready/terms.txt' }, { globPattern: '**/specready-suppressions.json' }, { globPattern: '**/*.{md,markdown}' },
          // Linked API descriptions (OpenAPI, AsyncAPI, JSON Schema).
          { globPattern: '**/*.{yaml,yml,json}' }],
      });
    }
    if (this.connection.workspace && this.workspace.folderPaths().length > 0) {
      try {
        this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
          this.workspace.addFolders(event.added, event.removed);
          this.diagnostics.workspaceChanged();
          void this.specs.rescan();
        });
      } catch {
        // The client did not announce workspace folder support; a single root is fine.
      }
    }
    this.diagnostics.start();
    void this.specs.rescan();
  }

  /**
   * Invalid client settings are shown once as a warning (and logged), not on every analysis;
   * after the settings change, a problem that is still there is shown once more.
   */
  private reportSettingsProblems(problems: readonly string[]): void {
    const fresh = problems.filter((problem) => !this.shownSettingsProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) this.shownSettingsProblems.add(problem);
    const text = `SpecReady settings: ${fresh.join(' ')} ${fresh.length === 1 ? 'That setting uses its default' : 'Those settings use their defaults'} until fixed.`;
    this.connection.console.warn(text);
    // A notification, not window/showMessageRequest: nothing waits for the user to answer.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  /** Forgets the analyses that read this API file; true when there were any. */
  private linkedApiFileChanged(uri: string): boolean {
    if (!isFileUri(uri)) return false;
    const dependents = this.analysis.forgetDependentsOf(fileURLToPath(uri));
    for (const dependent of dependents) this.forgetReadiness(dependent);
    return dependents.length > 0;
  }

  private refreshScheduled = false;

  /** A spec was answered before its linked API file was validated: it is published again (once per turn for all such specs). */
  private linkedApiFileValidated(uri: string): void {
    this.forgetReadiness(uri);
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      this.diagnostics.refreshAll();
    });
  }

  private configurationChanged(): void {
    this.shownSettingsProblems.clear();
    this.workspace.invalidate();
    this.suppressions.filesChanged();
    this.analysis.clear();
    linkTargetCacheOf(this.host).clear();
    this.diagnostics.refreshAll();
    void this.specs.rescan();
  }

  /** Analyses the current version of a document, or undefined when it is not a spec. */
  async analyse(snapshot: DocumentSnapshot, options: { cache: boolean } = { cache: true }): Promise<DocumentAnalysis | undefined> {
    const documentConfig = await this.workspace.configFor(snapshot.uri);
    this.configDiagnostics.report(documentConfig);
    this.reportSettingsProblems(documentConfig.settingsProblems);
    const today = this.specs.today();
    if (!(await this.workspace.isSpec(snapshot.uri, snapshot.text, documentConfig))) {
      this.analysis.forget(snapshot.uri);
      this.recordForIndex(snapshot, undefined, today);
      return undefined;
    }
    // With `specready.run: onSave` an unsaved version is analysed for code actions and hovers
    // only: the readiness, the Specs view and the busy state follow the saved text.
    const unsaved = this.waitsForSave(snapshot, documentConfig);
    const announced = snapshot.version !== undefined && !unsaved;
    const running = announced && !this.analysis.isCurrent(snapshot, documentConfig, today);
    if (running) this.analysisState(snapshot, true);
    let analysis: DocumentAnalysis;
    try {
      analysis = await this.analysis.analyse(snapshot, documentConfig, options.cache, today);
    } finally {
      if (running) this.analysisState(snapshot, false);
    }
    if (analysis.kind === 'analysed' && announced) this.announceReadiness(snapshot.uri, analysis);
    if (!unsaved) this.recordForIndex(snapshot, analysis, today);
    return analysis;
  }

  private analysisState(snapshot: DocumentSnapshot, analysing: boolean): void {
    sendNotification(this.connection, AnalysisStateNotification, { uri: snapshot.uri, version: snapshot.version ?? 0, analysing });
  }

  /** `specready.run` is `onSave` and this editor version has not been saved (nor just opened). */
  private waitsForSave(snapshot: DocumentSnapshot, documentConfig: DocumentConfig): boolean {
    return documentConfig.run === 'onSave' && snapshot.version !== undefined && this.savedVersions.get(snapshot.uri) !== snapshot.version;
  }

  /** Whether the open document's current text waits for a save before it is checked (`specready.run: onSave`). */
  async unsaved(uri: string): Promise<boolean> {
    const document = this.documents.get(uri);
    if (!document) return false;
    return this.waitsForSave(snapshotOf(document), await this.workspace.configFor(uri));
  }

  /**
   * The Specs view lists what is saved or open: a closed file's analysis only counts while no
   * editor has the document open (its buffer wins), and stale editor versions are dropped.
   */
  private recordForIndex(snapshot: DocumentSnapshot, analysis: DocumentAnalysis | undefined, today: string): void {
    const open = this.documents.get(snapshot.uri);
    if (open ? open.version !== snapshot.version : snapshot.version !== undefined) return;
    this.specs.record(snapshot.uri, analysis, today);
  }

  /** Analysis of an open document's current version (the cached one when up to date). */
  async analyseOpen(uri: string): Promise<DocumentAnalysis | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    return this.analyse(snapshotOf(document));
  }

  async readiness(uri: string): Promise<Readiness | null> {
    const saved = this.lastReadiness.get(uri);
    if (saved && (await this.unsaved(uri))) return JSON.parse(saved) as Readiness;
    const analysis = await this.analyseOpen(uri);
    return analysis?.kind === 'analysed' ? toReadiness(uri, analysis.result) : null;
  }

  private announceReadiness(uri: string, analysis: DocumentAnalysis & { kind: 'analysed' }): void {
    const readiness = toReadiness(uri, analysis.result);
    const key = JSON.stringify(readiness);
    if (this.lastReadiness.get(uri) === key) return;
    this.lastReadiness.set(uri, key);
    sendNotification(this.connection, ReadinessChangedNotification, readiness);
  }

  forgetReadiness(uri: string): void {
    this.lastReadiness.delete(uri);
  }
}

const API_FILE = /\.(?:ya?ml|json)$/i;
/** A handoff bundle's manifest: the documents beside and below it are no longer specs. */
const BUNDLE_MANIFEST = /\/manifest\.json$/;
