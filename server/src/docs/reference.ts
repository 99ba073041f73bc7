/**
 * The reference documentation generated from the code itself (rule files, section catalogue,
 * profiles), so that docs/ can never drift from what the engine does. `npm run docs` writes it;
 * a unit test fails when the committed files are stale.
 */
import { SECTION_CATALOG } from '../sections/catalog';
import { BUILTIN_PROFILES } from '../sections/profiles';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';

/** A Markdown fence longer than any backtick run inside the code. */
export function fence(code: string, info = 'markdown'): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${code}\n${ticks}`;
}

export function ruleDocument(rule: Rule): string {
  const parts = [
    `# ${rule.id}`,
    rule.docs.summary,
    `Default severity: **${rule.defaultSeverity}**. Counts against: **${rule.dimension}**.`
      + (rule.aliases?.length ? ` Former id${rule.aliases.length > 1 ? 's' : ''}, still accepted in configuration and suppression comments: ${rule.aliases.map((alias) => `\`${alias}\``).join(', ')}.` : ''),
    `## Why it matters\n\n${rule.docs.rationale}`,
    `## Bad\n\n${fence(rule.docs.bad)}`,
    `## Good\n\n${fence(rule.docs.good)}`,
  ];
  if (rule.docs.options) parts.push(`## Options\n\n${rule.docs.options}`);
  if (rule.docs.sources?.length) parts.push(`## Sources\n\n${rule.docs.sources.map((source) => `- ${source}`).join('\n')}`);
  parts.push([
    '## Turning it off',
    '',
    `- For one line: \`<!-- specready-disable-line ${rule.id} -->\` at the end of the line, or`,
    `  \`<!-- specready-disable-next-line ${rule.id} -->\` on the line before.`,
    `- For a region: \`<!-- specready-disable ${rule.id} -->\` … \`<!-- specready-enable ${rule.id} -->\`.`,
    `- For a project: \`"rules": { "${rule.id}": "off" }\` in \`.specready.json\`.`,
  ].join('\n'));
  return `${parts.join('\n\n')}\n`;
}

export function rulesIndex(): string {
  const rows = RULES.map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.dimension} | ${rule.docs.summary.replace(/\|/g, '\\|')} |`);
  return [
    '# Rules',
    '',
    'Every rule reports one kind of gap an engineer outside the team would otherwise have to ask about.',
    '',
    '| Rule | Default | Dimension | Reports |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export function sectionsDocument(): string {
  const lines = [
    '# Sections and profiles',
    '',
    'SpecReady recognises sections by meaning, not by exact wording. A heading matches a section when,',
    'after lower-casing and removing numbering ("3.", "2.1", "A."), emphasis, punctuation and notes such as',
    '"(optional)", it equals one of the aliases below. A heading that joins names with "&", "and", "/" or ","',
    'satisfies every section it names: "Goals & Non-Goals" counts as both Scope and Out of Scope. Headings',
    'count at any level. Projects add aliases with `aliases` in `.specready.json`.',
    '',
    '## Profiles',
    '',
    '| Profile | Required | Recommended (hint only) |',
    '| --- | --- | --- |',
    ...Object.values(BUILTIN_PROFILES).map((profile) =>
      `| \`${profile.name}\` | ${profile.required.map((id) => `\`${id}\``).join(', ')} | ${profile.recommended.map((id) => `\`${id}\``).join(', ')} |`),
    '',
    ...Object.values(BUILTIN_PROFILES).map((profile) => `- \`${profile.name}\`: ${profile.description}`),
    '',
    'Select a profile with `profile:` in the spec\'s front matter, or `profile` in the configuration.',
    '',
    '## Sections and their aliases',
    '',
  ];
  for (const section of SECTION_CATALOG) {
    lines.push(`### \`${section.id}\`: ${section.title}`, '', `What a contractor needs from it: ${section.purpose}.`, '',
      `Aliases: ${section.aliases.map((alias) => `"${alias}"`).join(', ')}.`, '');
  }
  return lines.join('\n');
}

/** Every generated file, path relative to the repository root -> content. */
export function referenceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('docs/rules/README.md', rulesIndex());
  for (const rule of RULES) files.set(`docs/rules/${rule.id}.md`, ruleDocument(rule));
  files.set('docs/sections.md', sectionsDocument());
  return files;
}
