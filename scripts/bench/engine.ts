/**
 * Engine per-document latency: parse + every rule + score, in process, against markdown-it's
 * bare parse of the same text with the options the engine uses (the floor no analysis can beat).
 */
import MarkdownIt from 'markdown-it';
import { analyzeSpec } from '../../server/src/engine/analyze';
import type { SpecReadyConfig } from '../../server/src/config/types';
import { lineCount, specOfSize, type CorpusFile } from './corpus';
import { phaseTimes } from './phases';
import { ms, ratio, timingRow, valueRow, type Section } from './report';
import { cpuMs, nowMs, summarize, type Summary } from './stats';

type Parser = InstanceType<typeof MarkdownIt>;

const SIZES = [200, 2000, 20000];
// The language server is long-running: what the editor sees is the optimised code, reached
// after some 15 analyses of a document (V8 compiles hot functions and regular expressions late).
const WARMUP: Record<number, number> = { 200: 20, 2000: 20, 20000: 3 };
// The 2,000-line target is a p95, so that size gets enough runs for one.
const RUNS: Record<number, number> = { 200: 60, 2000: 60, 20000: 7 };
const QUICK_RUNS = 7;

const RATIO_TARGET = 3;
const P95_TARGET_MS = 30;

// Parsed anew every run, like the editor after a keystroke; one configuration object, like a workspace.
const CONFIG: SpecReadyConfig = {};

export function benchEngine(corpus: readonly CorpusFile[], quick: boolean): Section {
  const section: Section = { title: 'Engine: one document, in process', rows: [], targets: [] };
  const markdown = new MarkdownIt({ html: true });
  for (const size of SIZES) {
    const text = specOfSize(corpus, size);
    const runs = quick ? QUICK_RUNS : RUNS[size];
    const { analysis, parse, analysisCpu, parseCpu } = measure(text, markdown, WARMUP[size], runs);
    const lines = lineCount(text).toLocaleString('en-US');
    const factor = analysis.median / parse.median;
    const cpuFactor = analysisCpu.median / parseCpu.median;
    section.rows.push(timingRow(`analyse a ${lines}-line spec`, analysis, `p95 ${ms(analysis.p95)}, ${runs} runs after ${WARMUP[size]} warm-up runs`));
    section.rows.push(timingRow(`markdown-it parse, same text`, parse, `analysis/parse ${ratio(factor)}`));
    section.rows.push(timingRow(`  the same two in CPU time`, analysisCpu, `markdown-it ${ms(parseCpu.median)}; analysis/parse ${ratio(cpuFactor)} (other processes' load left out)`));
    if (size === 2000) {
      section.targets.push({ name: `analysis/parse, ${lines}-line spec < ${RATIO_TARGET}x`, measured: `${ratio(factor)} (CPU time ${ratio(cpuFactor)})`, met: factor < RATIO_TARGET });
      section.targets.push({ name: `analysis p95, ${lines}-line spec < ${P95_TARGET_MS} ms`, measured: ms(analysis.p95), met: analysis.p95 < P95_TARGET_MS });
      section.rows.push(...phaseRows(text, quick ? QUICK_RUNS : PHASE_RUNS));
    }
  }
  return section;
}

const PHASE_RUNS = 30;
/** Phases below this share of the analysis are summed into one row. */
const PHASE_SHARE = 0.03;

/** Where the time of one analysis of the spec goes, phase by phase (CPU time, medians). */
function phaseRows(text: string, runs: number): Section['rows'] {
  const { medians } = phaseTimes(text, runs);
  const entries = [...medians.entries()];
  const [, floor] = entries[0];
  const total = entries.slice(1).filter(([name]) => !name.startsWith(' ')).reduce((sum, [, value]) => sum + value, 0);
  const rows: Section['rows'] = [];
  let rest = 0;
  let restCount = 0;
  for (const [name, value] of entries.slice(1)) {
    if (name.startsWith('rule ') && value < PHASE_SHARE * total) {
      rest += value;
      restCount++;
      continue;
    }
    rows.push(valueRow(`  phase: ${name.trim()}`, ms(value), `${ratio(value / floor)} of markdown-it's parse`));
  }
  rows.push(valueRow(`  phase: ${restCount} other rules`, ms(rest), `${ratio(rest / floor)} of markdown-it's parse`));
  rows.push(valueRow(`  phases together (CPU time)`, ms(total), `${ratio(total / floor)}; markdown-it ${ms(floor)}, ${runs} runs`));
  return rows;
}

/** Alternates the two measurements so that load from other processes hits both alike. */
function measure(text: string, markdown: Parser, warmup: number, runs: number): { analysis: Summary; parse: Summary; analysisCpu: Summary; parseCpu: Summary } {
  const analyse = () => analyzeSpec(text, { uri: 'file:///bench/spec.md', config: CONFIG });
  const parse = () => markdown.parse(text, {});
  for (let i = 0; i < warmup; i++) {
    analyse();
    parse();
  }
  const times = { analysis: [] as number[], parse: [] as number[], analysisCpu: [] as number[], parseCpu: [] as number[] };
  const time = (action: () => unknown, wall: number[], cpu: number[]) => {
    const startCpu = cpuMs();
    const start = nowMs();
    action();
    wall.push(nowMs() - start);
    cpu.push(cpuMs() - startCpu);
  };
  for (let i = 0; i < runs; i++) {
    time(analyse, times.analysis, times.analysisCpu);
    time(parse, times.parse, times.parseCpu);
  }
  return { analysis: summarize(times.analysis), parse: summarize(times.parse), analysisCpu: summarize(times.analysisCpu), parseCpu: summarize(times.parseCpu) };
}
