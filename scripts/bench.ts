/**
 * `npm run bench`: SpecReady's speed on this machine, printed as one Markdown table plus the
 * targets of the performance issue. Not part of `npm test` (it takes minutes and its figures
 * depend on the machine).
 *
 * Usage: npm run bench [-- --quick] [-- --only engine,cold,edit,api,scan,cache,memory,activation]
 *   --quick  fewer runs of everything (a smoke test of the benchmark itself)
 *   --only   a comma-separated subset of the benchmarks
 * The shared corpus defaults to ../shared next to the project; override with SPECREADY_SHARED.
 * SPECREADY_BENCH_SERVER_ARGS passes Node options to the language server processes, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/profiles" to profile the server under the benchmark's load.
 */
// First, as in the CLI and the language server: the engine runs here as it runs there.
import '../server/src/pipeline/regexp-tiers';
import { cpus, loadavg } from 'node:os';
import { benchLinkedApiFile } from './bench/api-file';
import { benchCache } from './bench/cache';
import { benchCold } from './bench/cold';
import { loadCorpus } from './bench/corpus';
import { benchEngine } from './bench/engine';
import { renderSections, renderTargets, type Section } from './bench/report';
import { benchScan } from './bench/scan';
import { benchActivation, benchEditLatency, benchServerMemory } from './bench/server';

const BENCHMARKS = ['engine', 'cold', 'edit', 'api', 'scan', 'cache', 'memory', 'activation'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

interface Options {
  quick: boolean;
  only: ReadonlySet<Benchmark>;
}

function parseOptions(argv: readonly string[]): Options {
  const onlyIndex = argv.indexOf('--only');
  const names = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : [...BENCHMARKS];
  const unknown = names.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}`);
  return { quick: argv.includes('--quick'), only: new Set(names as Benchmark[]) };
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  return `${cpu}, ${cpus().length} cores, Node ${process.version}, ${process.platform}; load average ${load}`;
}

async function run(options: Options): Promise<Section[]> {
  const corpus = loadCorpus();
  const sections: Section[] = [];
  const step = async (name: Benchmark, bench: () => Section | Promise<Section>) => {
    if (!options.only.has(name)) return;
    process.stderr.write(`bench: ${name}...\n`);
    sections.push(await bench());
  };
  await step('engine', () => benchEngine(corpus, options.quick));
  await step('cold', () => benchCold(options.quick));
  await step('edit', () => benchEditLatency(corpus));
  await step('api', () => benchLinkedApiFile(options.quick));
  await step('scan', () => benchScan(corpus, options.quick));
  await step('cache', () => benchCache(corpus, options.quick));
  await step('memory', () => benchServerMemory(corpus, options.quick));
  await step('activation', () => benchActivation(corpus, options.quick));
  return sections;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const before = machine();
  const sections = await run(options);
  const output = [
    `SpecReady benchmarks on ${before}`,
    '',
    renderSections(sections),
    '',
    renderTargets(sections),
    '',
    `Load average at the end: ${loadavg().map((value) => value.toFixed(1)).join(' ')} (other processes share these cores).`,
  ];
  process.stdout.write(`${output.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
