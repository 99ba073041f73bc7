import { offsetAt } from '../model/text';
import type { Section, SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

/**
 * Spec-driven tools give every requirement a block of its own, and their checkers (and the
 * agents that build from them) rely on each block being complete:
 * - OpenSpec: `### Requirement: <name>` states its behaviour with SHALL or MUST and owns at
 *   least one `#### Scenario:` with WHEN and THEN;
 * - Kiro: `### Requirement <n>` carries a user story and an "Acceptance Criteria" list;
 * - Spec Kit: `### User Story <n> - <title> (Priority: P<n>)` carries acceptance scenarios.
 * The rule looks at block headings only, so documents of other formats are never affected.
 */
export const requirementBlock: Rule<RequirementBlockData> = {
  id: 'requirement-block',
  defaultSeverity: 'warning',
  dimension: 'verification',
  scoreRole: 'trace',
  docs: {
    description: 'OpenSpec, Kiro or Spec Kit requirement and user-story blocks without their SHALL/MUST statement or scenarios.',
    summary: 'A requirement or user-story block of a spec-driven format (OpenSpec, Kiro, Spec Kit) lacks its SHALL/MUST statement or its scenarios.',
    rationale: 'OpenSpec, Kiro and Spec Kit specs are built requirement by requirement, often by a coding agent that '
      + 'reads one block at a time. A block without a binding SHALL/MUST statement leaves open whether the behaviour '
      + 'is required; a block without scenarios or acceptance criteria leaves the builder to guess how it will be '
      + 'checked, and the tools\' own validators reject it.',
    bad: '### Requirement: Refund ceiling\n\nRefunds are limited to the captured amount.',
    good: '### Requirement: Refund ceiling\n\nThe Payments API SHALL reject a refund above the captured amount.\n\n'
      + '#### Scenario: Over the limit\n\n- **WHEN** an agent refunds 60.00 EUR of a 50.00 EUR payment\n- **THEN** the response is `422`',
    sources: ['OpenSpec conventions (Requirement and Scenario blocks, SHALL/MUST)', 'Kiro requirements documents (user stories with EARS acceptance criteria)', 'GitHub Spec Kit spec template (prioritised user stories with acceptance scenarios)'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding<RequirementBlockData>[] {
    const findings: RawFinding<RequirementBlockData>[] = [];
    const kiro = context.profile.name === 'kiro';
    for (const section of model.sections) {
      const kind = blockKind(section.title, kiro);
      if (!kind) continue;
      const missing = missingParts(model, section, kind);
      if (missing.length === 0) continue;
      findings.push({
        message: `${BLOCK_NAMES[kind]} "${section.title}" has no ${missing.join(' and no ')}: ${ADVICE[kind]}`,
        range: section.headingRange,
        data: { block: kind, missing },
      });
    }
    return findings;
  },
};

type BlockKind = 'openspec-requirement' | 'kiro-requirement' | 'user-story';

const BLOCK_NAMES: Readonly<Record<BlockKind, string>> = {
  'openspec-requirement': 'Requirement',
  'kiro-requirement': 'Requirement',
  'user-story': 'User story',
};

const ADVICE: Readonly<Record<BlockKind, string>> = {
  'openspec-requirement': 'state the behaviour with SHALL or MUST and add a "#### Scenario:" with WHEN and THEN bullets.',
  'kiro-requirement': 'add a user story and numbered acceptance criteria ("WHEN … THEN the system SHALL …").',
  'user-story': 'add numbered acceptance scenarios ("Given …, When …, Then …").',
};

/**
 * Kiro numbers its blocks "Requirement 1"; other documents that number requirements with a
 * title ("Requirement 1: Example manifests", a KEP) follow no such convention, so a titled one
 * counts only in a Kiro document.
 */
function blockKind(title: string, kiro: boolean): BlockKind | undefined {
  const plain = title.replace(/[*_`]/g, '').trim();
  if (/^requirement\s*:\s*\S/i.test(plain)) return 'openspec-requirement';
  if (/^requirement\s+\d+$/i.test(plain) || (kiro && /^requirement\s+\d+\b/i.test(plain))) return 'kiro-requirement';
  if (/^user story\s+\d+\b.*\(priority:\s*p\d+\)\s*$/i.test(plain)) return 'user-story';
  return undefined;
}

function missingParts(model: SpecModel, section: Section, kind: BlockKind): string[] {
  const whole = bodyText(model, section.bodyRange);
  switch (kind) {
    case 'openspec-requirement': {
      const missing: string[] = [];
      if (!/\b(?:SHALL|MUST)\b/.test(bodyText(model, section.ownBodyRange))) missing.push('SHALL or MUST statement');
      const scenarios = section.children.filter((child) => /^scenario\s*:/i.test(child.title.replace(/[*_`]/g, '').trim()));
      if (scenarios.length === 0) missing.push('scenario');
      else if (!scenarios.some((scenario) => hasWhenThen(bodyText(model, scenario.bodyRange)))) missing.push('scenario with WHEN and THEN');
      return missing;
    }
    case 'kiro-requirement': {
      const missing: string[] = [];
      if (!/\buser story\b/i.test(whole)) missing.push('user story');
      const criteria = section.children.some((child) => child.canonical.includes('acceptance-criteria') && hasListItem(model, child));
      if (!criteria) missing.push('acceptance criteria');
      return missing;
    }
    case 'user-story':
      return hasGivenWhenThen(model, section) ? [] : ['acceptance scenarios'];
  }
}

function bodyText(model: SpecModel, range: Section['bodyRange']): string {
  return model.prose.slice(offsetAt(model, range.start), offsetAt(model, range.end));
}

function hasWhenThen(text: string): boolean {
  return /\bwhen\b/i.test(text) && /\bthen\b/i.test(text);
}

function hasListItem(model: SpecModel, section: Section): boolean {
  return model.listItems.some((item) => isWithin(item.section, section));
}

function hasGivenWhenThen(model: SpecModel, section: Section): boolean {
  return model.listItems.some((item) => isWithin(item.section, section) && /\bgiven\b/i.test(item.text) && hasWhenThen(item.text));
}

function isWithin(inner: Section | undefined, outer: Section): boolean {
  for (let current = inner; current; current = current.parent) if (current === outer) return true;
  return false;
}

/** What a finding of this rule carries in `data`. */
export type RequirementBlockData = {
  block: string;
  missing: string[];
};
