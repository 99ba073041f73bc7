/**
 * Measures the readiness score against specs graded by a reviewer (shared/datasets/graded:
 * grades.json holds each spec's rubric grade 0-100 and whether it is handoff-ready).
 *
 * Reports Kendall's tau-b between score and grade, verdict agreement (ready vs handoffReady),
 * whether every spec the reviewer judged not ready is not ready, and lists every disagreement
 * with the reasons the score gives. Also checks the floors any spec must respect: an empty or
 * whitespace-only spec, every unfilled `specready new` template and a headings-only spec with
 * filler, and how long scoring takes compared with the whole analysis.
 *
 * Usage: npm run eval   (or node out/scripts/eval-graded.js [--explain] [folder])
 * The shared folder defaults to ../shared next to the project; override with SPECREADY_SHARED.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeSpec, type AnalysisResult } from '../server/src/engine/analyze';
import { explanationLines } from '../server/src/score/explain';
import { computeScore } from '../server/src/engine/score';
import { parseSpec } from '../server/src/model/parse';
import { findRule } from '../server/src/rules/registry';
import { renderTemplate } from '../server/src/templates/render';
import { BUILTIN_PROFILES } from '../server/src/sections/profiles';

const SHARED = process.env.SPECREADY_SHARED ?? resolve(__dirname, '..', '..', '..', 'shared');

interface Graded {
  file: string;
  grade: number;
  handoffReady: boolean;
}

export function kendallTau(xs: readonly number[], ys: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = Math.sign(xs[i] - xs[j]);
      const dy = Math.sign(ys[i] - ys[j]);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

function evaluateGraded(folder: string, explain: boolean): boolean {
  const grades = (JSON.parse(readFileSync(join(folder, 'grades.json'), 'utf8')) as { specs: Graded[] }).specs;
  const rows = grades.map((graded) => ({ graded, result: analyzeSpec(readFileSync(join(folder, graded.file), 'utf8')) }));
  const tau = kendallTau(rows.map((r) => r.result.score), rows.map((r) => r.graded.grade));
  const agree = rows.filter((r) => r.result.ready === r.graded.handoffReady).length;
  const falseReady = rows.filter((r) => r.result.ready && !r.graded.handoffReady);
  console.log(`Graded specs (${folder}): ${rows.length}`);
  console.log('');
  console.log('grade  score  reviewer  SpecReady  file');
  for (const { graded, result } of [...rows].sort((a, b) => b.graded.grade - a.graded.grade)) {
    const mark = result.ready === graded.handoffReady ? ' ' : '✗';
    console.log(`${String(graded.grade).padStart(5)}  ${String(result.score).padStart(5)}  ${(graded.handoffReady ? 'ready' : 'not').padEnd(8)}  ${(result.ready ? 'ready' : 'not').padEnd(9)}${mark} ${graded.file}  ${dimensionsOf(result)}`);
  }
  console.log('');
  console.log(`Kendall tau-b (score vs grade): ${tau.toFixed(3)}   target >= 0.7`);
  console.log(`Verdict agreement: ${agree}/${rows.length} (${percent(agree, rows.length)})   target >= 90%`);
  console.log(`Not handoff-ready but ready: ${falseReady.length}   target 0`);
  const disagreements = rows.filter((r) => r.result.ready !== r.graded.handoffReady);
  if (disagreements.length > 0) {
    console.log('');
    console.log('Disagreements:');
    for (const { graded, result } of disagreements) {
      console.log(`- ${graded.file}: reviewer ${graded.handoffReady ? 'ready' : 'not ready'} (${graded.grade}), SpecReady ${result.ready ? 'ready' : 'not ready'} (${result.score})`);
      for (const line of explanationLines(result)) console.log(`    ${line}`);
    }
  }
  if (explain) {
    for (const { graded, result } of rows) {
      console.log('', `== ${graded.file} (grade ${graded.grade}, score ${result.score})`);
      for (const line of explanationLines(result)) console.log(`  ${line}`);
    }
  }
  return tau >= 0.7 && falseReady.length === 0 && agree / rows.length >= 0.9;
}

function dimensionsOf(result: AnalysisResult): string {
  const b = result.breakdown;
  const blockers = result.blockers.length > 0 ? ` blockers:${[...new Set(result.blockers.map((x) => x.kind))].join(',')}` : '';
  return `[st ${b.structure.score} rq ${b.requirements.score} ct ${b.contract.score} vf ${b.verification.score} dn ${b.done.score} sc ${b.selfContained.score}]${blockers}`;
}

/** Specs with nothing to build from must score low whatever their shape. */
function evaluateFloors(): boolean {
  const cases: Array<{ name: string; text: string; max: number }> = [
    { name: 'empty file', text: '', max: 10 },
    { name: 'whitespace only', text: ' \n\n\t\n   \n', max: 10 },
    ...Object.keys(BUILTIN_PROFILES).map((profile) => ({ name: `unfilled ${profile} template`, text: renderTemplate(profile, 'Untitled'), max: 30 })),
    { name: 'headings with filler', text: FILLER_SPEC, max: 40 },
  ];
  let ok = true;
  console.log('');
  console.log('Floors:');
  for (const { name, text, max } of cases) {
    const result = analyzeSpec(text);
    const pass = result.score <= max && !result.ready;
    ok &&= pass;
    console.log(`  ${pass ? 'ok  ' : 'FAIL'} ${name}: ${result.score} (at most ${max})${result.ready ? ', READY' : ''}`);
  }
  return ok;
}

const FILLER_SPEC = [
  '# Payments', '', '## Context', '', 'Standard REST API with JSON.', '', '## Scope', '', 'The payments feature.', '',
  '## Out of Scope', '', 'Anything else.', '', '## Requirements', '', '- The system must work correctly.',
  '- Errors are handled appropriately.', '- Industry-standard security.', '', '## API Contract', '', 'Standard REST API with JSON.', '',
  '## Inputs and Outputs', '', 'The usual inputs and outputs.', '', '## Non-Functional Requirements', '', 'Fast and reliable.', '',
  '## Acceptance Criteria', '', '- Payments work correctly.', '- All tests pass.', '- No regressions.', '',
  '## Definition of Done', '', 'Done when the feature is complete.', '',
].join('\n');

/** Scoring time as a share of the whole analysis, on the graded specs. */
function measureScoring(folder: string): void {
  const texts = (JSON.parse(readFileSync(join(folder, 'grades.json'), 'utf8')) as { specs: Graded[] }).specs
    .map((graded) => readFileSync(join(folder, graded.file), 'utf8'));
  const runs = 20;
  for (const text of texts) analyzeSpec(text);
  const started = process.hrtime.bigint();
  for (let run = 0; run < runs; run++) for (const text of texts) analyzeSpec(text);
  const total = Number(process.hrtime.bigint() - started) / 1e6;
  const { scoringMs } = scoringTime(texts, runs);
  console.log('');
  console.log(`Analysis: ${(total / (runs * texts.length)).toFixed(2)} ms per spec; scoring: ${(scoringMs / (runs * texts.length)).toFixed(2)} ms (${percent(scoringMs, total)} of analysis)`);
}

function scoringTime(texts: string[], runs: number): { scoringMs: number } {
  // Scoring re-run on the finished analyses: the statement and contract caches are per model, so
  // a fresh parse per run keeps the measurement honest.
  let scoringMs = 0;
  for (let run = 0; run < runs; run++) {
    for (const text of texts) {
      const analysis = analyzeSpec(text);
      const model = parseSpec(text);
      const profile = BUILTIN_PROFILES[analysis.profile] ?? BUILTIN_PROFILES.service;
      const started = process.hrtime.bigint();
      computeScore({
        model, findings: analysis.findings, profile, idPattern: analysis.idPattern,
        scoringOf: (id) => { const rule = findRule(id); return rule ? { role: rule.scoreRole, dimension: rule.dimension } : undefined; },
      });
      scoringMs += Number(process.hrtime.bigint() - started) / 1e6;
    }
  }
  return { scoringMs };
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;
}

function main(): void {
  const args = process.argv.slice(2);
  const explain = args.includes('--explain');
  const folder = args.find((arg) => !arg.startsWith('--')) ?? join(SHARED, 'datasets', 'graded');
  if (!existsSync(join(folder, 'grades.json'))) {
    console.log(`Graded specs not found at ${folder}: skipping the readiness evaluation (set SPECREADY_SHARED).`);
    return;
  }
  const graded = evaluateGraded(folder, explain);
  const floors = evaluateFloors();
  measureScoring(folder);
  console.log('');
  console.log(graded && floors ? 'All readiness targets met.' : 'Some readiness targets are not met (see above).');
}

if (require.main === module) main();
