import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** Announce pull diagnostics support (LSP 3.17) instead of relying on push. */
  pull?: boolean;
  /** Announce snippet edits in workspace edits (LSP 3.18), as VS Code does. */
  snippetEdits?: boolean;
  /** What `workspace/configuration` answers for the `specready` section (null like a minimal client). */
  settings?: unknown;
  /** Files to create in the temporary workspace, relative path -> content. */
  files?: Record<string, string>;
  /** Extra Node.js options for the server process (e.g. a heap limit). */
  nodeOptions?: string[];
  /** The workspace folder the client opens, relative to the temporary root (default: the root). */
  workspaceFolder?: string;
  /** Several workspace folders (multi-root), relative to the temporary root; wins over `workspaceFolder`. */
  folders?: string[];
}

/**
 * A minimal LSP client that starts the real built server over stdio in a temporary workspace:
 * what the protocol tests (and any outside client) see is what editors see.
 */
export class TestClient {
  readonly root: string;
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly publishedLog = new Map<string, Array<number | undefined>>();
  /** When the server last showed signs of work: a message, or CPU time used. */
  private lastActivity = Date.now();
  private lastCpuTicks = -1;
  private readonly listeners: Array<() => void> = [];
  readonly readinessEvents: Array<{ uri: string; score: number }> = [];
  /** `window/showMessage` notifications, in order. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  /** Every `specready/specsChanged` notification, in order. */
  readonly specsChanges: Array<{ revision: number; scanning: boolean; changed: Array<{ uri: string; score: number; state: string }>; removed: string[] }> = [];
  settings: unknown;
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'specready-lsp-'));
    for (const [path, content] of Object.entries(options.files ?? {})) this.write(path, content);
    this.settings = options.settings ?? null;
    this.process = spawn(process.execPath, [...(options.nodeOptions ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => { this.stderr += String(chunk); });
    this.process.stdout!.on('data', () => { this.lastActivity = Date.now(); });
    this.process.on('exit', () => this.notify());
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.publishedLog.set(params.uri, [...(this.publishedLog.get(params.uri) ?? []), params.version]);
      this.notify();
    });
    this.connection.onNotification('specready/readinessChanged', (params: { uri: string; score: number }) => {
      this.readinessEvents.push(params);
      this.notify();
    });
    this.connection.onNotification('specready/specsChanged', (params: TestClient['specsChanges'][number]) => {
      this.specsChanges.push(params);
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      this.notify();
    });
    this.connection.listen();
  }

  /** Resident memory of the server process in MiB (Linux /proc). */
  serverRssMiB(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  get serverAlive(): boolean {
    return this.process.exitCode === null && !this.process.killed;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  write(path: string, content: string): void {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  remove(path: string): void {
    rmSync(join(this.root, path), { force: true });
  }

  async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = {
      // Workspace edits as VS Code accepts them: document changes that may create files.
      workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], ...(this.options.snippetEdits ? { snippetEditSupport: true } : {}) } },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folder = pathToFileURL(join(this.root, this.options.workspaceFolder ?? '.')).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: this.options.folders
        ? this.options.folders.map((name) => ({ uri: pathToFileURL(join(this.root, name)).href, name }))
        : [{ uri: folder, name: 'test' }],
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(path: string, text: string, version = 1): Promise<string> {
    const uri = this.uri(path);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return uri;
  }

  async replaceAll(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async edit(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Waits for pushed diagnostics of `uri` that satisfy `accept` (optionally for a version). */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const params = await this.waitFor(() => {
      const current = this.published.get(uri);
      return current && accept(current) ? current : undefined;
    }, timeoutMs, `diagnostics for ${uri}`);
    return params.diagnostics;
  }

  publishedFor(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.get(uri);
  }

  /** The document versions of every diagnostics notification for `uri`, in order. */
  publishedVersions(uri: string): Array<number | undefined> {
    return this.publishedLog.get(uri) ?? [];
  }

  /**
   * Waits until `probe` returns a value (checked after every notification). Gives up only when
   * the server has exited or has shown no sign of work (no message, no CPU time used) for
   * `quietMs`: a loaded machine makes the server slower, not idle, so this waits for the state
   * instead of racing a deadline.
   */
  async waitFor<T>(probe: () => T | undefined, quietMs: number, what: string): Promise<T> {
    this.lastActivity = Date.now();
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      this.checkProgress(quietMs, what);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(quietMs, 500));
        this.listeners.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** The answer to a request, waiting as long as the server is working on it (see `waitFor`). */
  async request<R>(method: string, params?: unknown, quietMs = 20000): Promise<R> {
    let outcome: { value: R } | { error: unknown } | undefined;
    const sent = params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params);
    sent.then(
      (value) => { outcome = { value: value as R }; this.notify(); },
      (error: unknown) => { outcome = { error }; this.notify(); },
    );
    const settled = await this.waitFor(() => outcome, quietMs, `the answer to ${method}`);
    if ('error' in settled) throw settled.error;
    return settled.value;
  }

  private checkProgress(quietMs: number, what: string): void {
    if (!this.serverAlive) throw new Error(`the server exited while waiting for ${what}; server stderr: ${this.stderr}`);
    const ticks = this.serverCpuTicks();
    if (ticks !== this.lastCpuTicks) {
      this.lastCpuTicks = ticks;
      this.lastActivity = Date.now();
    }
    if (Date.now() - this.lastActivity > quietMs) {
      throw new Error(`gave up waiting for ${what}: the server did nothing for ${quietMs} ms; server stderr: ${this.stderr}`);
    }
  }

  /** User + system CPU time of the server process in clock ticks (Linux /proc; -1 elsewhere). */
  private serverCpuTicks(): number {
    try {
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return -1;
    }
  }

  private notify(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    this.connection.dispose();
    this.process.kill();
    rmSync(this.root, { recursive: true, force: true });
  }
}
