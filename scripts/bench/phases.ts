/**
 * Where the engine's time goes on one document: markdown-it's bare parse, the model (parseSpec,
 * which includes the statement layer), each rule in the engine's order on a fresh model, and the
 * score. Each run parses anew, so a rule that first asks for a derived view of the model (section
 * roles, interfaces) pays for building it, as it does in a real analysis. Phases of one run are
 * measured back to back, runs are repeated and the medians reported. Times are this process's CPU
 * time (process.cpuUsage), so that other processes on a loaded machine do not count.
 *
 * Standalone: node out/scripts/bench/phases.js [LINES] [RUNS]   (default 2000 lines, 30 runs)
 */
import MarkdownIt from 'markdown-it';
import { DEFAULT_ID_PATTERN } from '../../server/src/config/types';
import { findRule, RULES } from '../../server/src/rules/registry';
import type { RuleContext } from '../../server/src/rules/types';
import { createLexicon } from '../../server/src/lexicon/lexicon';
import { parseSpec } from '../../server/src/model/parse';
import { resolveScope } from '../../server/src/model/scope';
import { buildStatements } from '../../server/src/model/statements';
import { computeScore } from '../../server/src/engine/score';
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from '../../server/src/sections/profiles';
import type { Finding } from '../../server/src/rules/types';
import { lineCount, loadCorpus, specOfSize } from './corpus';
import { cpuMs, summarize } from './stats';

export interface PhaseTimes {
  /** Phase name → median milliseconds, in the order measured. */
  medians: Map<string, number>;
  runs: number;
}

export function phaseTimes(text: string, runs: number, warmup = 10): PhaseTimes {
  const markdown = new MarkdownIt({ html: true });
  const profile = BUILTIN_PROFILES[DEFAULT_PROFILE];
  const context: Omit<RuleContext, 'scope'> = { profile, lexicon: createLexicon(), idPattern: DEFAULT_ID_PATTERN };
  const samples = new Map<string, number[]>();
  const record = (name: string, start: number) => {
    const end = cpuMs();
    let list = samples.get(name);
    if (!list) samples.set(name, (list = []));
    list.push(end - start);
    return end;
  };
  for (let run = 0; run < warmup + runs; run++) {
    const keep = run >= warmup;
    let start = cpuMs();
    markdown.parse(text, {});
    start = keep ? record('markdown-it parse (the floor)', start) : cpuMs();
    const model = parseSpec(text, 'file:///bench/spec.md');
    start = keep ? record('parseSpec (model, statements included)', start) : cpuMs();
    buildStatements(model);
    start = keep ? record('  of which buildStatements (run again)', start) : cpuMs();
    const findings: Finding[] = [];
    for (const rule of RULES) {
      for (const raw of rule.check(model, { ...context, scope: resolveScope(model, rule.scope) })) findings.push({ rule: rule.id, severity: raw.severity ?? rule.defaultSeverity, message: raw.message, range: raw.range });
      start = keep ? record(`rule ${rule.id}`, start) : cpuMs();
    }
    computeScore({ model, findings, profile, idPattern: DEFAULT_ID_PATTERN, scoringOf: (id) => findRule(id) && { role: findRule(id)!.scoreRole, dimension: findRule(id)!.dimension } });
    if (keep) record('score', start);
  }
  const medians = new Map<string, number>();
  for (const [name, list] of samples) medians.set(name, summarize(list).median);
  return { medians, runs };
}

function main(): void {
  const lines = Number(process.argv[2] ?? 2000);
  const runs = Number(process.argv[3] ?? 30);
  const text = specOfSize(loadCorpus(), lines);
  const { medians } = phaseTimes(text, runs);
  const floor = medians.get('markdown-it parse (the floor)') ?? 1;
  let total = 0;
  process.stdout.write(`${lineCount(text)} lines, ${runs} runs (medians)\n`);
  for (const [name, median] of medians) {
    if (!name.startsWith('markdown-it') && !name.startsWith('  ')) total += median;
    process.stdout.write(`${name.padEnd(44)} ${median.toFixed(2).padStart(8)} ms  ${(median / floor).toFixed(2)}x\n`);
  }
  process.stdout.write(`${'sum of phases (parse + rules + score)'.padEnd(44)} ${total.toFixed(2).padStart(8)} ms  ${(total / floor).toFixed(2)}x\n`);
}

if (require.main === module) main();
