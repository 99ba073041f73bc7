import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-protocol';
import type { AnalysisResult } from '../engine/analyze';
import { requirementIndex } from '../model/requirements';
import { describeStatement, statementAt } from '../model/statements';
import { containsPosition, offsetAt } from '../model/text';
import type { SpecModel } from '../model/types';
import { findRule } from '../rules/registry';
import { ruleDocsUrl } from '../rules/docs-url';
import type { Finding } from '../rules/types';
import { interfaceAt, interfaceHover } from './interfaces';

/**
 * Hover on a flagged span says what the rule reports (its one-line description), how to
 * rewrite it and where the rule's page explains why it matters; hover on an endpoint says what it has and lacks; hover on a requirement id shows the
 * requirement. Null where there is nothing to say.
 */
export function hoverAt(result: AnalysisResult, position: Position): Hover | null {
  const finding = result.findings.find((f) => f.range.start.line === f.range.end.line && containsPosition(f.range, position)
    && (f.range.start.character !== f.range.end.character));
  // On an endpoint or another interface: what it has and lacks, then the finding if there is one.
  const spec = interfaceAt(result.model, position);
  if (spec) {
    const range = spec.mentions.find((mention) => containsPosition(mention, position)) ?? spec.range;
    const value = interfaceHover(spec, result.apiFiles) + (finding ? `\n\n---\n\n${findingHover(finding, result.model)}` : '');
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  if (finding) return { contents: { kind: MarkupKind.Markdown, value: findingHover(finding, result.model) }, range: finding.range };
  const index = requirementIndex(result.model, result.idPattern);
  const occurrence = [...index.definitions, ...index.references].find((o) => containsPosition(o.range, position));
  const definition = occurrence && index.definitions.find((d) => d.id === occurrence.id);
  if (!definition) return null;
  const text = (definition.sentence.listItem?.text ?? definition.sentence.text).trim();
  return { contents: { kind: MarkupKind.Markdown, value: `**${definition.id}** (line ${definition.range.start.line + 1})\n\n${text}` }, range: occurrence.range };
}

function findingHover(finding: Finding, model: SpecModel): string {
  const rule = findRule(finding.rule);
  const lines = [`**SpecReady · ${finding.rule}**`, '', finding.message];
  // Rules that judge statements by their role: the hover says how the statement was read.
  const statement = rule?.tags?.includes('statement') ? statementAt(model, offsetAt(model, finding.range.start)) : undefined;
  if (statement) lines.push('', `*Statement:* ${describeStatement(statement)}.`);
  // One line on what the rule reports; the rationale stays on the rule's page, one click away.
  if (rule) lines.push('', `*Rule:* ${rule.docs.description}`);
  if (finding.data?.context) lines.push('', `*In the document:* ${finding.data.context}`);
  if (finding.data?.hint) lines.push('', `*Rewrite:* ${finding.data.hint}`);
  lines.push('', `*Why it matters:* see the [Rule documentation](${ruleDocsUrl(finding.rule)}).`);
  return lines.join('\n');
}
