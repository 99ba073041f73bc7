/** README.md: the first file a contractor opens: what the bundle is and how to read it. */
import { codeSpan, escapeMarkdown } from './markdown-text';
import type { RefusedLink } from './types';

export interface ReadmeInput {
  title: string;
  toolVersion: string;
  createdAt: string;
  /** Spec path relative to the workspace. */
  sourcePath: string;
  git: { commit: string; dirty: boolean } | null;
  score: number;
  threshold: number;
  ready: boolean;
  questions: number;
  blocking: number;
  criteria: number;
  assets: number;
  refusedLinks: readonly RefusedLink[];
}

export function readmeMarkdown(input: ReadmeInput): string {
  return [
    `# Handoff bundle: ${escapeMarkdown(input.title)}`,
    '',
    'This bundle holds what you need to work on this spec without access to the team\'s repository, chat or wiki.',
    `It was exported by SpecReady ${input.toolVersion} on ${input.createdAt} from ${codeSpan(input.sourcePath)}${provenance(input.git)}.`,
    '',
    readinessLine(input),
    '',
    '## How to read it',
    '',
    '1. **`spec/SPEC.html`**: the spec, rendered; open it in any browser (it loads nothing from the network) or print it.',
    '   **`spec/SPEC.md`** is the same spec as Markdown.',
    `2. **\`READINESS.md\`**: ${count(input.questions, 'question')} the spec leaves open${input.blocking > 0 ? `, ${input.blocking} of them blocking` : ''}. Ask them before you estimate; \`readiness.json\` has the same for tools.`,
    `3. **\`acceptance-criteria.csv\`** and **\`acceptance-criteria.json\`**: the ${count(input.criteria, 'acceptance criterion', 'acceptance criteria')}, one per row (id, text, requirement ids, section), for import into your tracker.`,
    ...(input.assets > 0
      ? [`4. **\`spec/assets/\`**: ${count(input.assets, 'file')} the spec links to, in the folder layout of the source; the links in the spec lead to these copies.`]
      : []),
    `${input.assets > 0 ? 5 : 4}. **\`manifest.json\`**: where the bundle comes from (tool version, source path, git commit) and the size and SHA-256 of every file, to check that nothing was changed.`,
    '',
    ...refusedSection(input.refusedLinks),
  ].join('\n');
}

function provenance(git: ReadmeInput['git']): string {
  if (!git) return '';
  return ` at git commit ${codeSpan(git.commit.slice(0, 12))}${git.dirty ? ' with uncommitted changes' : ''}`;
}

function readinessLine(input: ReadmeInput): string {
  const score = `**Readiness: ${input.score}/100** (threshold ${input.threshold})`;
  if (input.ready) return `${score}: ready for handoff.`;
  return `${score}: **not ready**. It was exported anyway; read \`READINESS.md\` first and expect to need answers before you can finish.`;
}

function refusedSection(links: readonly RefusedLink[]): string[] {
  if (links.length === 0) return [];
  return [
    '## Links that are not in this bundle',
    '',
    'These links of the spec (or of a bundled document) point at files that were not included; ask the team for them if you need them.',
    '',
    ...links.map((link) => `- ${codeSpan(link.target)} in ${codeSpan(link.from)}, line ${link.line}: ${escapeMarkdown(link.message)}`),
    '',
  ];
}

function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : plural}`;
}
