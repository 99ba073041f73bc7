/**
 * `specready check --cache` over the 5x corpus (1,865 files, as in the repository scan): the
 * first run with an empty cache, the second over the unchanged files, and a run after one file
 * changed, side by side with a run without the cache. The reports of the cached runs are compared
 * with the report without the cache: a cache that changes a result is a failure, not a speed-up.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusFile } from './corpus';
import { ratio, seconds, timingRow, valueRow, type Section } from './report';
import { runOnce, SPECREADY, writeCopies, type Tool } from './scan';
import { summarize } from './stats';

const SCALE = 5;
const RUNS = 3;
const QUICK_RUNS = 1;
const TARGET_SPEED_UP = 5;

export async function benchCache(corpus: readonly CorpusFile[], quick: boolean): Promise<Section> {
  const workspace = mkdtempSync(join(tmpdir(), 'specready-cache-'));
  const section: Section = { title: `Result cache (CLI, ${SCALE}x corpus, cold process per run)`, rows: [], targets: [] };
  try {
    const folder = writeCopies(workspace, corpus, SCALE);
    const files = corpus.length * SCALE;
    const cacheFile = join(workspace, 'bench.specreadycache');
    const plain: Tool = { name: 'specready check', entry: SPECREADY, args: (target) => ['check', target] };
    const cached: Tool = { name: 'specready check --cache', entry: SPECREADY, args: (target) => ['check', target, '--cache', '--cache-location', cacheFile] };
    const changedFile = join(workspace, folder, 'copy-1', corpus[0].relative.replace(/\.md$/, '.spec.md'));
    const runs = quick ? QUICK_RUNS : RUNS;
    const times = { plain: [] as number[], first: [] as number[], second: [] as number[], oneChanged: [] as number[] };
    for (let run = 0; run < runs; run++) {
      rmSync(cacheFile, { force: true });
      times.plain.push((await runOnce(plain, workspace, folder)).wallMs);
      times.first.push((await runOnce(cached, workspace, folder)).wallMs);
      times.second.push((await runOnce(cached, workspace, folder)).wallMs);
      appendFileSync(changedFile, `\nTBD: one more line in run ${run + 1}.\n`);
      times.oneChanged.push((await runOnce(cached, workspace, folder)).wallMs);
    }
    const [plainTime, first, second, oneChanged] = [times.plain, times.first, times.second, times.oneChanged].map(summarize);
    section.rows.push(
      timingRow(`without --cache (${files} files)`, plainTime, 'reference', seconds),
      timingRow('--cache, first run (empty cache)', first, `${ratio(first.median / plainTime.median)} of the run without the cache`, seconds),
      timingRow('--cache, second run (nothing changed)', second, `${ratio(first.median / second.median)} faster than the first`, seconds),
      timingRow('--cache, one file changed', oneChanged, `${ratio(first.median / oneChanged.median)} faster than the first`, seconds),
    );
    const same = sameReports(workspace, folder, cacheFile);
    section.rows.push(valueRow('cached report equals the report without the cache', same ? 'yes' : 'NO', 'JSON of every file, after the runs above'));
    const speedUp = first.median / second.median;
    section.targets.push(
      { name: `cache: second run over unchanged ${files} files >= ${TARGET_SPEED_UP}x faster than the first`, measured: ratio(speedUp), met: speedUp >= TARGET_SPEED_UP },
      { name: 'cache: same report as without it', measured: same ? 'same' : 'different', met: same },
    );
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return section;
}

function sameReports(cwd: string, folder: string, cacheFile: string): boolean {
  const json = (extra: string[]) => spawnSync(process.execPath, [SPECREADY, 'check', folder, '--format', 'json', ...extra], {
    cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
  }).stdout;
  const withCache = json(['--cache', '--cache-location', cacheFile]);
  return withCache.length > 0 && withCache === json([]);
}
