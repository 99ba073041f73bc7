/**
 * The language server measured through its real process: latency of diagnostics after small
 * edits, memory with a large workspace, and the cost of starting it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BenchClient, SERVER, type ServerMemory } from './lsp-client';
import { lineCount, specOfSize, type CorpusFile } from './corpus';
import { mib, ms, timingRow, valueRow, type Section } from './report';
import { nowMs, summarize } from './stats';

const EDITS = 200;
// As for the engine: the server is measured warm, after V8 has optimised the analysis.
const EDIT_WARMUP = 20;
const EDIT_P95_TARGET_MS = 50;
const WORKSPACE_FILES = 1000;
const MEMORY_RUNS = 3;
const MEMORY_TARGET_BYTES = 150 * 1024 * 1024;
const STARTS = 7;
const PROJECT = join(__dirname, '..', '..', '..');
const BUNDLES = ['extension.js', 'server.js', 'cli.js'];
const QUICK_STARTS = 3;

/** Runs `body` with a started, initialised server in a fresh temporary workspace. */
export async function withServer<T>(setup: (root: string) => void, body: (client: BenchClient) => Promise<T>, server = SERVER): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'specready-bench-'));
  setup(root);
  const client = new BenchClient(root, server);
  try {
    await client.initialize();
    return await body(client);
  } finally {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * 200 one-character insertions at spread-out lines of a 2,000-line spec, each followed by a pull
 * diagnostics request (as VS Code sends after its own debounce), timed from didChange to the
 * answer. Pull mode has no server-side debounce, so none needs subtracting.
 */
export async function benchEditLatency(corpus: readonly CorpusFile[]): Promise<Section> {
  const text = specOfSize(corpus, 2000);
  const lines = text.split(/\r\n|\r|\n/);
  const times = await withServer((root) => writeFileSync(join(root, 'large.spec.md'), text), async (client) => {
    const uri = client.uri('large.spec.md');
    await client.open(uri, text);
    await client.diagnostics(uri);
    const measured: number[] = [];
    for (let edit = 0; edit < EDIT_WARMUP + EDITS; edit++) {
      // A fixed stride visits lines all over the document, the same ones every run.
      const line = (edit * 7919) % lines.length;
      const start = nowMs();
      await client.change(uri, edit + 2, line, lines[line].length, 'x');
      await client.diagnostics(uri);
      if (edit >= EDIT_WARMUP) measured.push(nowMs() - start);
      lines[line] += 'x';
    }
    return measured;
  });
  const summary = summarize(times);
  const label = `didChange → diagnostics, ${lineCount(text).toLocaleString('en-US')}-line spec`;
  return {
    title: 'Language server: edit latency (pull diagnostics, real process)',
    rows: [timingRow(label, summary, `p95 ${ms(summary.p95)}; ${EDITS} edits after ${EDIT_WARMUP} warm-up edits`)],
    targets: [{ name: `server edit latency p95 < ${EDIT_P95_TARGET_MS} ms`, measured: ms(summary.p95), met: summary.p95 < EDIT_P95_TARGET_MS }],
  };
}

/**
 * Server memory after answering workspace diagnostics for 1,000 spec files on disk: the peak
 * resident set (VmHWM) of a fresh server per run, which includes the scan itself.
 */
export async function benchServerMemory(corpus: readonly CorpusFile[], quick: boolean): Promise<Section> {
  const runs: MemoryRun[] = [];
  for (let run = 0; run < (quick ? 1 : MEMORY_RUNS); run++) runs.push(await memoryRun(corpus));
  const files = runs[0].files;
  const rows = [timingRow(`workspace diagnostics, ${files} spec files`, summarize(runs.map((run) => run.elapsed)), 'first workspace/diagnostic answer, streamed as partial results')];
  const peaks = runs.flatMap((run) => (run.memory ? [run.memory.peak] : []));
  if (peaks.length === 0) {
    rows.push(valueRow('server memory', 'n/a', '/proc is not available on this system'));
    return { title: 'Language server: memory', rows, targets: [] };
  }
  const peak = summarize(peaks);
  rows.push(timingRow(`server peak RSS, ${files} specs indexed`, peak, `RSS after the scan ${mib(runs[0].memory?.rss ?? NaN)} (first run)`, mib));
  return {
    title: 'Language server: memory',
    rows,
    targets: [{ name: `server memory with ${WORKSPACE_FILES.toLocaleString('en-US')} specs < 150 MB (median peak RSS)`, measured: mib(peak.median), met: peak.median < MEMORY_TARGET_BYTES }],
  };
}

interface MemoryRun {
  elapsed: number;
  files: number;
  memory: ServerMemory | undefined;
}

function memoryRun(corpus: readonly CorpusFile[]): Promise<MemoryRun> {
  return withServer((root) => writeWorkspace(root, corpus, WORKSPACE_FILES), async (client) => {
    const start = nowMs();
    const report = await client.workspaceDiagnostics();
    return { elapsed: nowMs() - start, files: report.items.length, memory: client.memory() };
  });
}

/** `count` corpus specs (repeated as needed) as `specs/NNNN-name.spec.md`. */
function writeWorkspace(root: string, corpus: readonly CorpusFile[], count: number): void {
  mkdirSync(join(root, 'specs'));
  for (let index = 0; index < count; index++) {
    const file = corpus[index % corpus.length];
    const name = `${String(index).padStart(4, '0')}-${basename(file.relative, '.md')}.spec.md`;
    writeFileSync(join(root, 'specs', name), file.text);
  }
}

/**
 * Activation as far as it can be measured without VS Code: bundle sizes, and the time from
 * starting the server process to the diagnostics of the first opened spec, for the development
 * build in dist/ and for the minified production build that `vscode:prepublish` packages.
 */
export async function benchActivation(corpus: readonly CorpusFile[], quick: boolean): Promise<Section> {
  const text = specOfSize(corpus, 200);
  const production = mkdtempSync(join(tmpdir(), 'specready-bundle-'));
  try {
    execFileSync(process.execPath, [join(PROJECT, 'scripts', 'bundle.mjs'), '--production', '--outdir', production], { cwd: PROJECT, stdio: 'ignore' });
    const rows = BUNDLES.map((name) => bundleRow(name, join(PROJECT, 'dist', name), join(production, name)));
    for (const [label, server] of [['production', join(production, 'server.js')], ['development', SERVER]]) {
      const times: number[] = [];
      for (let run = 0; run < (quick ? QUICK_STARTS : STARTS); run++) times.push(await startToDiagnostics(text, server));
      rows.push(timingRow(`server start → first diagnostics, ${label} bundle`, summarize(times), `spawn, initialize, open a ${lineCount(text)}-line spec, pull diagnostics`));
    }
    return { title: 'Activation (VS Code itself is not available to the benchmark; the server side is measured)', rows, targets: [] };
  } finally {
    rmSync(production, { recursive: true, force: true });
  }
}

async function startToDiagnostics(text: string, server: string): Promise<number> {
  return withServer((root) => writeFileSync(join(root, 'first.spec.md'), text), async (client) => {
    const uri = client.uri('first.spec.md');
    await client.open(uri, text);
    await client.diagnostics(uri);
    return nowMs() - client.startedAt;
  }, server);
}

function bundleRow(name: string, development: string, production: string): ReturnType<typeof valueRow> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const shipped = readFileSync(production);
  return valueRow(`bundle ${name}`, kb(shipped.length), `minified as packaged, ${kb(gzipSync(shipped).length)} gzipped; development build in dist/ ${kb(statSync(development).size)}`);
}
