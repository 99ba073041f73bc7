/**
 * A minimal LSP client for the benchmarks: starts the built server (dist/server.js) over stdio
 * in a workspace folder, announces pull diagnostics like VS Code does, and can read the
 * server's memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { nowMs } from './stats';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

/** Extra Node options for the server, e.g. `--cpu-prof` to profile it (NODE_OPTIONS refuses that one). */
function serverNodeArgs(): string[] {
  return (process.env.SPECREADY_BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
}

export interface ServerMemory {
  /** Resident set size now, in bytes. */
  rss: number;
  /** Highest resident set size so far (VmHWM), in bytes. */
  peak: number;
}

interface DocumentReport {
  kind: string;
  items?: Diagnostic[];
}

interface WorkspaceReport {
  items: Array<{ uri: string; items?: Diagnostic[] }>;
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  /** When the server process was spawned (see `nowMs`). */
  readonly startedAt = nowMs();
  private readonly process: ChildProcess;
  private stderr = '';
  /** `workspace/diagnostic/refresh` requests received so far. */
  refreshes = 0;
  private readonly refreshWaiters: Array<() => void> = [];

  /** `server`: the bundle to start, dist/server.js unless another build is measured. */
  constructor(private readonly root: string, server = SERVER) {
    this.process = spawn(process.execPath, [...serverNodeArgs(), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (chunk) => { this.stderr += String(chunk); });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    // A client without settings answers null, and the server uses its defaults.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const waiter of this.refreshWaiters.splice(0)) waiter();
      return null;
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('specready/readinessChanged', () => undefined);
    this.connection.listen();
  }

  uri(relative: string): string {
    return pathToFileURL(join(this.root, relative)).href;
  }

  async initialize(): Promise<void> {
    const rootUri = pathToFileURL(this.root).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  async change(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const position = { line, character };
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text }],
    });
  }

  /** Resolves when the server has asked the client to pull diagnostics again more than `seen` times. */
  refreshedAfter(seen: number): Promise<void> {
    if (this.refreshes > seen) return Promise.resolve();
    return new Promise((resolve) => this.refreshWaiters.push(() => (this.refreshes > seen ? resolve() : void this.refreshedAfter(seen).then(resolve))));
  }

  /** Pull diagnostics of one open document. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<DocumentReport>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items ?? [];
  }

  /**
   * The first answer to `workspace/diagnostic` (every spec that is not open), asked for the way
   * VS Code asks: with a partial result token, so that reports may stream in as progress.
   */
  async workspaceDiagnostics(): Promise<WorkspaceReport> {
    const partialResultToken = `bench-${randomUUID()}`;
    const items: WorkspaceReport['items'] = [];
    const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (partial) => {
      items.push(...partial.items);
    });
    try {
      const final = await this.connection.sendRequest<WorkspaceReport>('workspace/diagnostic', { previousResultIds: [], partialResultToken });
      return { items: [...items, ...final.items] };
    } finally {
      progress.dispose();
    }
  }

  /** The server's memory from /proc; undefined where /proc is not available. */
  memory(): ServerMemory | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kib('VmRSS'), peak: kib('VmHWM') };
    } catch {
      return undefined;
    }
  }

  private exited(timeoutMs: number): Promise<void> {
    if (this.process.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may be gone already; it is killed below either way.
    }
    // A server that exits by itself writes its profile (SPECREADY_BENCH_SERVER_ARGS=--cpu-prof).
    await this.exited(5000);
    this.connection.dispose();
    this.process.kill();
    if (this.stderr.trim()) process.stderr.write(`server stderr: ${this.stderr}\n`);
  }
}
