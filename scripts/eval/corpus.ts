/** Clarity findings per document of the shared corpus, per source: what a reader would face. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecReadyConfig } from '../../server/src/config/types';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { RULE_IDS } from '../../server/src/rules/registry';
import type { RuleLevel } from '../../server/src/rules/types';
import { CLARITY_RULES, SHARED } from './common';

const CONFIG: SpecReadyConfig = {
  rules: Object.fromEntries(RULE_IDS.map((id): [string, RuleLevel] => [id, CLARITY_RULES.includes(id) ? 'warning' : 'off'])),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function evalCorpus(): void {
  const root = join(SHARED, 'corpus');
  const sources = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  console.log('\n## Corpus: clarity findings per document\n');
  console.log(`| source | docs | mean | median | max | ${CLARITY_RULES.join(' | ')} |`);
  console.log(`|---|---:|---:|---:|---:|${CLARITY_RULES.map(() => '---:').join('|')}|`);
  const all: number[] = [];
  const allPerRule = new Map<string, number>();
  for (const source of sources) {
    const files = readdirSync(join(root, source)).filter((name) => name.endsWith('.md')).sort();
    const perDoc: number[] = [];
    const perRule = new Map<string, number>();
    for (const file of files) {
      const text = readFileSync(join(root, source, file), 'utf8');
      const findings = analyzeSpec(text, { uri: `file:///${source}/${file}`, config: CONFIG }).findings
        .filter((finding) => CLARITY_RULES.includes(finding.rule));
      perDoc.push(findings.length);
      for (const finding of findings) {
        perRule.set(finding.rule, (perRule.get(finding.rule) ?? 0) + 1);
        allPerRule.set(finding.rule, (allPerRule.get(finding.rule) ?? 0) + 1);
      }
    }
    all.push(...perDoc);
    console.log(row(source, perDoc, perRule));
  }
  console.log(row('all', all, allPerRule));
}

function row(name: string, perDoc: number[], perRule: Map<string, number>): string {
  const total = perDoc.reduce((sum, value) => sum + value, 0);
  const mean = perDoc.length ? total / perDoc.length : 0;
  const rules = CLARITY_RULES.map((rule) => String(perRule.get(rule) ?? 0));
  return `| ${name} | ${perDoc.length} | ${mean.toFixed(1)} | ${median(perDoc)} | ${Math.max(0, ...perDoc)} | ${rules.join(' | ')} |`;
}
