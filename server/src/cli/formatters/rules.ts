/** Output of `specready rules`: the rule catalogue with its documentation. */
import type { Rule } from '../../rules/types';
import { fence } from './fence';

export function formatRulesText(rules: readonly Rule[]): string {
  return rules.map((rule) => {
    const lines = [
      `${rule.id} (${rule.defaultSeverity}, ${rule.dimension})`,
      ...wrap(rule.docs.summary),
      ...wrap(rule.docs.rationale),
      '  Bad:',
      ...indent(rule.docs.bad, 4),
      '  Good:',
      ...indent(rule.docs.good, 4),
    ];
    if (rule.docs.options) lines.push(`  Options: ${rule.docs.options}`);
    if (rule.docs.sources?.length) lines.push(`  Sources: ${rule.docs.sources.join('; ')}`);
    return lines.join('\n');
  }).join('\n\n') + '\n';
}

export function formatRulesJson(rules: readonly Rule[]): string {
  const list = rules.map((rule) => ({
    id: rule.id, defaultSeverity: rule.defaultSeverity, dimension: rule.dimension, scoreRole: rule.scoreRole, docs: rule.docs,
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** A reference page: an index table, then one section per rule. */
export function formatRulesMarkdown(rules: readonly Rule[]): string {
  const index = [
    '| Rule | Default severity | Dimension | Reports |',
    '| --- | --- | --- | --- |',
    ...rules.map((rule) => `| [${rule.id}](#${rule.id}) | ${rule.defaultSeverity} | ${rule.dimension} | ${cell(rule.docs.summary)} |`),
  ].join('\n');
  const sections = rules.map((rule) => {
    const parts = [
      `## ${rule.id}`,
      `${rule.docs.summary}\n\nDefault severity: **${rule.defaultSeverity}**. Dimension: **${rule.dimension}**.`,
      `**Why:** ${rule.docs.rationale}`,
      `**Bad:**\n\n${fence(rule.docs.bad)}`,
      `**Good:**\n\n${fence(rule.docs.good)}`,
    ];
    if (rule.docs.options) parts.push(`**Options:** ${rule.docs.options}`);
    if (rule.docs.sources?.length) parts.push(`**Sources:**\n\n${rule.docs.sources.map((source) => `- ${source}`).join('\n')}`);
    return parts.join('\n\n');
  });
  return ['# SpecReady rules', index, ...sections].join('\n\n') + '\n';
}

const WIDTH = 100;

/** Prose wrapped at word boundaries for a terminal, indented by two spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH - 2) {
      lines.push(`  ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(`  ${line}`);
  return lines;
}

/** Examples keep their own line breaks. */
function indent(text: string, spaces = 2): string[] {
  return text.split('\n').map((line) => `${' '.repeat(spaces)}${line}`.trimEnd());
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
