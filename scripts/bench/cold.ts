/**
 * Cold analysis: a document analysed for the first time in a fresh process (the CLI, or the first
 * spec a language server opens), with nothing compiled or cached yet: regular expressions are
 * compiled on first use, functions start in the interpreter and per-text caches are empty. Each
 * sample is a fresh Node process (cold-child.ts) on a different never-seen ~2,000-line document
 * cut from the corpus; markdown-it's parse of the same text is measured in the same process once
 * warm and, separately, cold in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { COLD_STRIDE, type ColdEngineSample, type ColdParseSample } from './cold-child';
import { ms, ratio, timingRow, type Section } from './report';
import { summarize } from './stats';

const CHILD = join(__dirname, 'cold-child.js');
const SAMPLES = 6;
const QUICK_SAMPLES = 2;
const RATIO_TARGET = 3;

function child<T>(mode: string, first: number): T {
  const result = spawnSync(process.execPath, [CHILD, mode, String(first)], { encoding: 'utf8', env: process.env });
  if (result.status !== 0) throw new Error(`cold-child ${mode} ${first} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export function benchCold(quick: boolean): Section {
  const section: Section = { title: 'Cold analysis: first document in a fresh process', rows: [], targets: [] };
  const engine: ColdEngineSample[] = [];
  const parse: ColdParseSample[] = [];
  const samples = quick ? QUICK_SAMPLES : SAMPLES;
  // Each sample's documents start 5 strides apart, so no two samples share a document.
  for (let index = 0; index < samples; index++) {
    const first = index * 5 * COLD_STRIDE + index;
    engine.push(child<ColdEngineSample>('engine', first));
    parse.push(child<ColdParseSample>('markdown-it', first));
  }
  const median = (values: number[]) => summarize(values);
  const lines = Math.round(median(engine.map((sample) => sample.lines)).median).toLocaleString('en-US');
  const cold = median(engine.map((sample) => sample.coldMs));
  const overWarm = median(engine.map((sample) => sample.coldMs / sample.parseWarmMs));
  const overCold = median(engine.map((sample, index) => sample.coldMs / parse[index].coldMs));
  const newText = median(engine.map((sample) => sample.newTextMs));
  const newTextRatio = median(engine.map((sample) => sample.newTextMs / sample.newTextParseWarmMs));
  section.rows.push(timingRow(`analyse a never-seen ~${lines}-line spec, cold`, cold, `${ratio(overWarm.median)} markdown-it's warm parse (${ratio(overWarm.min)}-${ratio(overWarm.max)}); ${ratio(overCold.median)} markdown-it's own cold parse; CPU time, ${samples} processes`));
  section.rows.push(timingRow('  markdown-it parse, same text, warm', median(engine.map((sample) => sample.parseWarmMs))));
  section.rows.push(timingRow('  markdown-it parse, same text, cold', median(parse.map((sample) => sample.coldMs)), `load ${ms(median(parse.map((sample) => sample.loadMs)).median)}`));
  section.rows.push(timingRow('  loading the engine (modules, before the analysis)', median(engine.map((sample) => sample.loadMs))));
  section.rows.push(timingRow('analyse a never-seen spec after four others (warm code, cold caches)', newText, `${ratio(newTextRatio.median)} markdown-it's warm parse (${ratio(newTextRatio.min)}-${ratio(newTextRatio.max)})`));
  section.targets.push({ name: `cold analysis/warm parse, ~${lines}-line spec < ${RATIO_TARGET}x`, measured: ratio(overWarm.median), met: overWarm.median < RATIO_TARGET });
  return section;
}
