/**
 * Repository scan: `specready check` and `markdownlint-cli2` over the same files, run one after
 * the other in the same benchmark, at 1x the corpus and at 5x (the same files in five folders).
 * Each tool finds the files itself, as it would in CI; output goes to /dev/null.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { CorpusFile } from './corpus';
import { mib, ms, ratio, seconds, timingRow, valueRow, type Row, type Section } from './report';
import { nowMs, summarize, type Summary } from './stats';

const PROJECT = join(__dirname, '..', '..', '..');
const USAGE_PRELOAD = join(__dirname, 'child-usage.js');
export const SPECREADY = join(PROJECT, 'dist', 'cli.js');
const MARKDOWNLINT = join(PROJECT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const SCALES = [1, 5];
const RUNS = 3;
const QUICK_RUNS = 1;
// Both tools exit 1 when they report problems; 2 and above means the run itself failed.
const MAX_OK_STATUS = 1;
const LINEAR_TOLERANCE = 1.25;

export interface Tool {
  name: string;
  entry: string;
  args: (folder: string) => string[];
}

const TOOLS: Tool[] = [
  { name: 'specready check', entry: SPECREADY, args: (folder) => ['check', folder] },
  { name: 'markdownlint-cli2', entry: MARKDOWNLINT, args: (folder) => [`${folder}/**/*.md`] },
];

interface RunResult {
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
}

interface ToolResult {
  wall: Summary;
  cpu: Summary;
  peakRss: number;
}

export async function benchScan(corpus: readonly CorpusFile[], quick: boolean): Promise<Section> {
  const workspace = mkdtempSync(join(tmpdir(), 'specready-scan-'));
  const section: Section = { title: 'Repository scan (CLI, cold process per run)', rows: [], targets: [] };
  try {
    const results = new Map<string, ToolResult>();
    for (const scale of SCALES) {
      const folder = writeCopies(workspace, corpus, scale);
      const files = corpus.length * scale;
      for (const tool of TOOLS) results.set(`${tool.name}@${scale}`, await measureTool(tool, workspace, folder, quick ? QUICK_RUNS : RUNS));
      section.rows.push(...scaleRows(results, scale, files));
      section.targets.push(ratioTarget(results, scale));
    }
    section.rows.push(...scalingRows(results, corpus.length));
    section.targets.push(...scalingTargets(results));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return section;
}

/**
 * `scale` copies of the corpus under `<workspace>/x<scale>/copy-N/`, named `*.spec.md` so that
 * SpecReady's default globs select every file, as markdownlint's `**\/*.md` does.
 */
export function writeCopies(workspace: string, corpus: readonly CorpusFile[], scale: number): string {
  const folder = `x${scale}`;
  for (let copy = 1; copy <= scale; copy++) {
    for (const file of corpus) {
      const target = join(workspace, folder, `copy-${copy}`, dirname(file.relative), `${basename(file.relative, '.md')}.spec.md`);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file.path, target);
    }
  }
  return folder;
}

async function measureTool(tool: Tool, cwd: string, folder: string, runs: number): Promise<ToolResult> {
  const results: RunResult[] = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(tool, cwd, folder));
  return {
    wall: summarize(results.map((result) => result.wallMs)),
    cpu: summarize(results.map((result) => result.cpuMs)),
    peakRss: Math.max(...results.map((result) => result.maxRssBytes)),
  };
}

export function runOnce(tool: Tool, cwd: string, folder: string): Promise<RunResult> {
  const usageFile = join(cwd, 'usage.json');
  const start = nowMs();
  const child = spawn(process.execPath, ['--require', USAGE_PRELOAD, tool.entry, ...tool.args(folder)], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, SPECREADY_BENCH_USAGE: usageFile, NO_COLOR: '1' },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status) => {
      const wallMs = nowMs() - start;
      if (status === null || status > MAX_OK_STATUS) {
        reject(new Error(`${tool.name} failed with status ${status} on ${folder}`));
        return;
      }
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssBytes: number; cpuMs: number };
      resolve({ wallMs, cpuMs: usage.cpuMs, maxRssBytes: usage.maxRssBytes });
    });
  });
}

function scaleRows(results: Map<string, ToolResult>, scale: number, files: number): Row[] {
  const rows = TOOLS.map((tool) => {
    const result = results.get(`${tool.name}@${scale}`) as ToolResult;
    const perSecond = files / (result.wall.median / 1000);
    const notes = `${perSecond.toFixed(0)} files/s, CPU ${seconds(result.cpu.median)}, peak RSS ${mib(result.peakRss)}`;
    return timingRow(`${tool.name}, ${scale}x corpus (${files} files)`, result.wall, notes, seconds);
  });
  const ours = results.get(`${TOOLS[0].name}@${scale}`) as ToolResult;
  const theirs = results.get(`${TOOLS[1].name}@${scale}`) as ToolResult;
  rows.push(valueRow(`ratio specready/markdownlint-cli2, ${scale}x`, ratio(ours.wall.median / theirs.wall.median),
    `wall time; CPU time ${ratio(ours.cpu.median / theirs.cpu.median)}`));
  return rows;
}

function ratioTarget(results: Map<string, ToolResult>, scale: number): Section['targets'][number] {
  const ours = results.get(`${TOOLS[0].name}@${scale}`) as ToolResult;
  const theirs = results.get(`${TOOLS[1].name}@${scale}`) as ToolResult;
  const value = ours.wall.median / theirs.wall.median;
  return { name: `scan ${scale}x: specready/markdownlint-cli2 wall time <= 1.0`, measured: ratio(value), met: value <= 1 };
}

/** Wall time at 5x over 1x: 5.0 is perfectly linear; process start-up makes it a little lower. */
function scaling(results: Map<string, ToolResult>, tool: Tool): number {
  const small = results.get(`${tool.name}@${SCALES[0]}`) as ToolResult;
  const large = results.get(`${tool.name}@${SCALES[SCALES.length - 1]}`) as ToolResult;
  return large.wall.median / small.wall.median;
}

/**
 * Scaling per tool: the wall-time factor from the smallest to the largest run, and the time each
 * additional file costs (the slope between the two runs, without process start-up).
 */
function scalingRows(results: Map<string, ToolResult>, files: number): Row[] {
  const first = SCALES[0];
  const last = SCALES[SCALES.length - 1];
  return TOOLS.map((tool) => {
    const small = results.get(`${tool.name}@${first}`) as ToolResult;
    const large = results.get(`${tool.name}@${last}`) as ToolResult;
    const perFile = (large.wall.median - small.wall.median) / (files * (last - first));
    const notes = `at most ${ratio(last / first)} is linear; ${ms(perFile)} per additional file`;
    return valueRow(`scaling ${first}x → ${last}x, ${tool.name}`, ratio(scaling(results, tool)), notes);
  });
}

function scalingTargets(results: Map<string, ToolResult>): Section['targets'] {
  const factor = SCALES[SCALES.length - 1] / SCALES[0];
  const value = scaling(results, TOOLS[0]);
  return [{ name: `scan scaling linear (${SCALES[0]}x → ${SCALES[SCALES.length - 1]}x within ${ratio(factor * LINEAR_TOLERANCE)})`, measured: ratio(value), met: value <= factor * LINEAR_TOLERANCE }];
}
