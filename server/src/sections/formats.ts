/**
 * Spec-driven development tools (GitHub Spec Kit, Kiro, OpenSpec) write specs in layouts of
 * their own. A document in one of them is checked against that tool's profile unless its front
 * matter or the configuration names a profile: the layout is what the author chose, so it is
 * the better guess than our default template.
 *
 * Recognition uses the path first (each tool puts its files in fixed places), then the headings
 * (a copied file keeps its headings but not its folder). Pure: paths and models in, names out.
 */
import type { SpecModel } from '../model/types';

export type SpecFormat = 'spec-kit' | 'kiro' | 'kiro-design' | 'openspec' | 'openspec-delta' | 'openspec-change';

export interface FormatInfo {
  format: SpecFormat;
  /** Built-in profile the format is checked against. */
  profile: string;
  /** Why the format was recognised, for messages: "path specs/001-x/spec.md". */
  evidence: string;
}

/** Files of these layouts that are plans, task lists or notes for the tool, not specs. */
export const NON_SPEC_GLOBS: readonly string[] = [
  '**/specs/[0-9][0-9][0-9]-*/{plan,tasks,research,quickstart,data-model}.md',
  '**/specs/[0-9][0-9][0-9]-*/{checklists,contracts}/**',
  '**/.kiro/specs/*/tasks.md',
  '**/openspec/changes/*/tasks.md',
  '**/openspec/{project,AGENTS,README}.md',
];

/** Files of these layouts that are specs although the default globs would not find them. */
export const FORMAT_SPEC_GLOBS: readonly string[] = [
  '**/openspec/changes/*/proposal.md',
];

const PATH_FORMATS: ReadonlyArray<readonly [RegExp, SpecFormat]> = [
  [/(?:^|\/)specs\/\d{3}-[^/]+\/spec\.md$/i, 'spec-kit'],
  [/(?:^|\/)\.kiro\/specs\/[^/]+\/requirements\.md$/i, 'kiro'],
  [/(?:^|\/)\.kiro\/specs\/[^/]+\/design\.md$/i, 'kiro-design'],
  [/(?:^|\/)openspec\/changes\/[^/]+\/proposal\.md$/i, 'openspec-change'],
  [/(?:^|\/)openspec\/changes\/[^/]+\/specs\/(?:[^/]+\/)*spec\.md$/i, 'openspec-delta'],
  [/(?:^|\/)openspec\/specs\/(?:[^/]+\/)*spec\.md$/i, 'openspec'],
];

const PROFILE_OF: Readonly<Record<SpecFormat, string>> = {
  'spec-kit': 'spec-kit',
  'kiro': 'kiro',
  'kiro-design': 'design',
  'openspec': 'openspec',
  'openspec-delta': 'openspec-delta',
  'openspec-change': 'openspec-change',
};

/** The format of a document, from its path or, failing that, its headings. */
export function detectFormat(uri: string, model: SpecModel | undefined): FormatInfo | undefined {
  const path = decodePath(uri);
  for (const [pattern, format] of PATH_FORMATS) {
    const match = pattern.exec(path);
    if (match) return { format, profile: PROFILE_OF[format], evidence: `path ${match[0].replace(/^\//, '')}` };
  }
  return model ? formatFromHeadings(model) : undefined;
}

function decodePath(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\\/g, '/');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Heading signatures: each needs two marks of its tool, so that one borrowed heading ("Success
 * Criteria" in a design doc) does not switch a document's profile.
 */
function formatFromHeadings(model: SpecModel): FormatInfo | undefined {
  const titles = model.sections.map((section) => section.title.replace(/[*_`]/g, '').trim());
  const count = (pattern: RegExp) => titles.filter((title) => pattern.test(title)).length;
  const requirementBlocks = count(/^requirement\s*:/i);
  const scenarioBlocks = count(/^scenario\s*:/i);
  if (requirementBlocks > 0 && scenarioBlocks > 0) {
    return { format: 'openspec', profile: 'openspec', evidence: 'headings "Requirement:" and "Scenario:"' };
  }
  const userScenarios = count(/^user scenarios\s*(?:&|and)\s*testing\b/i);
  const specKitMarks = userScenarios + count(/^success criteria\b/i) + count(/^key entities\b/i)
    + count(/^user story \d+\b.*\(priority:\s*p\d\)/i);
  if (userScenarios > 0 && specKitMarks >= 2) {
    return { format: 'spec-kit', profile: 'spec-kit', evidence: 'headings "User Scenarios & Testing" and "Success Criteria"' };
  }
  const numberedRequirements = count(/^requirement \d+\b/i);
  if (numberedRequirements > 0 && /\*\*user story:?\*\*:?/i.test(model.text) && /\bWHEN\b[^\n]*\bTHEN\b[^\n]*\bSHALL\b/.test(model.text)) {
    return { format: 'kiro', profile: 'kiro', evidence: 'numbered "Requirement" headings with user stories and EARS criteria' };
  }
  return undefined;
}
