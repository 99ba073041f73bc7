import type { CodeLens } from 'vscode-languageserver-protocol';
import type { AnalysisResult } from '../engine/analyze';
import { acceptanceCriteria } from '../model/criteria';
import { untestableCriterion } from '../rules/untestable-criterion';
import { untracedRequirement } from '../rules/untraced-requirement';
import { contractLenses } from './interfaces';
import { REVEAL_COMMAND } from './commands';

/**
 * Above each contract section: "4 endpoints · 1 without error cases · 2 untyped fields". Above
 * the acceptance-criteria heading: "N criteria · M untestable · K requirements untraced";
 * clicking reveals the first problem (or the heading when there is none).
 */
export function codeLenses(uri: string, result: AnalysisResult): CodeLens[] {
  const { model, findings } = result;
  const lenses: CodeLens[] = contractLenses(model, result.apiFiles).map((lens) => ({
    range: lens.range,
    command: { title: lens.title, command: REVEAL_COMMAND, arguments: [uri, lens.target] },
  }));
  const heading = model.sections.find((section) => section.canonical.includes('acceptance-criteria'));
  if (!heading) return lenses;
  const criteria = acceptanceCriteria(model).length;
  const problems = findings.filter((f) => f.rule === untestableCriterion.id || f.rule === untracedRequirement.id);
  const untestable = problems.filter((f) => f.rule === untestableCriterion.id).length;
  const untraced = problems.length - untestable;
  const target = problems[0]?.range ?? heading.headingRange;
  lenses.push({
    range: heading.headingRange,
    command: {
      title: `${plural(criteria, 'criterion', 'criteria')} · ${untestable} untestable · ${plural(untraced, 'requirement', 'requirements')} untraced`,
      command: REVEAL_COMMAND,
      arguments: [uri, target],
    },
  });
  return lenses;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
