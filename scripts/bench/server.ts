/**
 * The language server measured through its real process: latency of diagnostics after small
 * edits, memory with a large workspace, and the cost of starting it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BenchClient, SERVER } from './lsp-client';
import { lineCount, specOfSize, type CorpusFile } from './corpus';
import { mib, ms, timingRow, valueRow, type Section } from './report';
import { nowMs, summarize } from './stats';

const EDITS = 200;
const EDIT_WARMUP = 10;
const EDIT_P95_TARGET_MS = 50;
const WORKSPACE_FILES = 1000;
const MEMORY_TARGET_BYTES = 150 * 1024 * 1024;
const STARTS = 7;
const QUICK_STARTS = 3;

/** Runs `body` with a started, initialised server in a fresh temporary workspace. */
async function withServer<T>(setup: (root: string) => void, body: (client: BenchClient) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'specready-bench-'));
  setup(root);
  const client = new BenchClient(root);
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
    rows: [timingRow(label, summary, `p95 ${ms(summary.p95)}; ${EDITS} edits`)],
    targets: [{ name: `server edit latency p95 < ${EDIT_P95_TARGET_MS} ms`, measured: ms(summary.p95), met: summary.p95 < EDIT_P95_TARGET_MS }],
  };
}

/** Server memory after answering workspace diagnostics for 1,000 spec files on disk. */
export async function benchServerMemory(corpus: readonly CorpusFile[]): Promise<Section> {
  const result = await withServer((root) => writeWorkspace(root, corpus, WORKSPACE_FILES), async (client) => {
    const start = nowMs();
    const report = await client.workspaceDiagnostics();
    return { elapsed: nowMs() - start, files: report.items.length, memory: client.memory() };
  });
  const rows = [valueRow(`workspace diagnostics, ${result.files} spec files`, ms(result.elapsed), 'first workspace/diagnostic answer')];
  if (!result.memory) {
    rows.push(valueRow('server memory', 'n/a', '/proc is not available on this system'));
    return { title: 'Language server: memory', rows, targets: [] };
  }
  rows.push(valueRow(`server RSS after indexing ${result.files} specs`, mib(result.memory.rss), `peak (VmHWM) ${mib(result.memory.peak)}`));
  return {
    title: 'Language server: memory',
    rows,
    targets: [{ name: `server memory with ${WORKSPACE_FILES.toLocaleString('en-US')} specs < 150 MB (peak RSS)`, measured: mib(result.memory.peak), met: result.memory.peak < MEMORY_TARGET_BYTES }],
  };
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
 * starting the server process to the diagnostics of the first opened spec.
 */
export async function benchActivation(corpus: readonly CorpusFile[], quick: boolean): Promise<Section> {
  const text = specOfSize(corpus, 200);
  const times: number[] = [];
  for (let run = 0; run < (quick ? QUICK_STARTS : STARTS); run++) {
    times.push(await startToDiagnostics(text));
  }
  const rows = ['extension.js', 'server.js', 'cli.js'].map((name) => bundleRow(join(SERVER, '..', name)));
  rows.push(timingRow('server start → first diagnostics', summarize(times), `spawn, initialize, open a ${lineCount(text)}-line spec, pull diagnostics`));
  return { title: 'Activation (VS Code itself is not available to the benchmark; the server side is measured)', rows, targets: [] };
}

async function startToDiagnostics(text: string): Promise<number> {
  return withServer((root) => writeFileSync(join(root, 'first.spec.md'), text), async (client) => {
    const uri = client.uri('first.spec.md');
    await client.open(uri, text);
    await client.diagnostics(uri);
    return nowMs() - client.startedAt;
  });
}

function bundleRow(path: string): ReturnType<typeof valueRow> {
  const size = statSync(path).size;
  const gzipped = gzipSync(readFileSync(path)).length;
  return valueRow(`bundle dist/${basename(path)}`, `${(size / 1024).toFixed(0)} KB`, `${(gzipped / 1024).toFixed(0)} KB gzipped; as built by npm run build (not minified)`);
}
