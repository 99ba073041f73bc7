import { sectionDefinition, type SectionId } from '../sections/catalog';
import { mainSectionLevel } from '../model/sections';
import { positionAt } from '../model/text';
import type { Position, Section, SpecModel } from '../model/types';
import { presentSections } from '../score/present';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { criteriaFixes } from './fixes/criteria';
import { insertAllSectionsFix, insertSectionFix } from './fixes/sections';
import { untracedIds } from './untraced-requirement';
import { plainText } from './question-text';

/**
 * Required sections of the active profile that no heading satisfies. Recommended sections that
 * are missing are reported as hints so that they never block a handoff.
 */
export const missingSection: Rule<MissingSectionData> = {
  id: 'missing-section',
  defaultSeverity: 'error',
  dimension: 'structure',
  scoreRole: 'section',
  docs: {
    description: 'A section the profile requires (error) or recommends (hint) is missing.',
    summary: 'A section the spec profile requires is missing.',
    rationale: 'An outside engineer cannot ask the hallway what is in scope, what the API looks like or how the work '
      + 'will be accepted. Every required section answers one of those questions up front; a missing one becomes a '
      + 'round-trip across time zones. Headings are recognised by meaning (see docs/sections.md for every alias), at '
      + 'any level, ignoring numbering and case.',
    bad: '# Refunds\n\n## Background\n\nCustomers want refunds.\n\n## Requirements\n\n- REQ-1: ...',
    good: '# Refunds\n\n## Background\n...\n## Scope\n...\n## Out of Scope\n...\n## Requirements\n...\n'
      + '## API Contract\n...\n## Inputs and Outputs\n...\n## Non-Functional Requirements\n...\n'
      + '## Acceptance Criteria\n...\n## Definition of Done\n...',
    options: 'The profile (front matter `profile:` or config `profile`) decides which sections are required; custom '
      + 'profiles and extra heading aliases are configured in `.specready.json`.',
  },
  question: missingSectionQuestion,
  fixes: (finding, context) => [
    ...(dataOf(missingSection, finding)?.section === 'acceptance-criteria'
      ? criteriaFixes(context, finding, { untraced: untracedIds(context), missingSection: true })
      : [insertSectionFix(context, finding, dataOf(missingSection, finding))]),
    ...(finding.severity === 'hint' ? [] : [insertAllSectionsFix(context, context.findings
      .filter((f) => f.rule === missingSection.id && f.severity !== 'hint').map((f) => dataOf(missingSection, f)))]),
  ],
  check(model: SpecModel, context: RuleContext): RawFinding<MissingSectionData>[] {
    const present = presentSections(model);
    const order = [...context.profile.required, ...context.profile.recommended];
    const anchor = model.sections.find((section) => section.level === 1)?.headingRange
      ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const findings: RawFinding<MissingSectionData>[] = [];
    for (const id of order) {
      if (present.has(id)) continue;
      const definition = sectionDefinition(id);
      if (!definition) continue;
      const recommended = !context.profile.required.includes(id);
      findings.push({
        message: recommended
          ? `Recommended section "${definition.title}" is missing: ${definition.purpose}.`
          : `Missing section "${definition.title}": ${definition.purpose}.`,
        range: anchor,
        severity: recommended ? 'hint' : undefined,
        data: {
          section: id,
          title: definition.title,
          recommended,
          insertAt: insertionPoint(model, order, id),
          profile: context.profile.name,
        },
      });
    }
    return findings;
  },
};

/**
 * Where a missing section belongs: after the last present section that comes before it in the
 * profile's order, otherwise before the first present section that comes after it, otherwise
 * at the end of the document.
 */
export function insertionPoint(model: SpecModel, order: readonly SectionId[], missing: SectionId): Position {
  const level = mainSectionLevel(model);
  const rank = order.indexOf(missing);
  let after: Section | undefined;
  let before: Section | undefined;
  for (const section of model.sections) {
    const sectionRank = Math.min(...section.canonical.map((id) => order.indexOf(id as SectionId)).filter((r) => r >= 0));
    if (!Number.isFinite(sectionRank)) continue;
    if (sectionRank < rank) after = section;
    else if (!before) before = section;
  }
  if (after) {
    // Right before the next heading that would not become a child of the inserted section.
    const ceiling = Math.min(after.level, level);
    const next = model.sections.find((section) => section.index > after.index && section.level <= ceiling);
    return next ? { line: next.headingRange.start.line, character: 0 } : lineOrEnd(model, model.lineStarts.length);
  }
  if (before) return { line: outermostAtLevel(before, level).headingRange.start.line, character: 0 };
  return lineOrEnd(model, model.lineStarts.length);
}

/** A subsection deeper than the inserted heading is entered through its enclosing section. */
function outermostAtLevel(section: Section, level: number): Section {
  let current = section;
  while (current.parent && current.parent.level >= level) current = current.parent;
  return current;
}

/** Start of `line`, or the very end of the document when the line does not exist. */
function lineOrEnd(model: SpecModel, line: number): Position {
  return line < model.lineStarts.length ? { line, character: 0 } : positionAt(model, model.text.length);
}

/** Sections get questions about their content, not about the heading. */
const SECTION_QUESTIONS: Readonly<Record<string, string>> = {
  context: 'Why does this work exist, and which system, users and data does it touch?',
  scope: 'What exactly is in scope for this piece of work?',
  'out-of-scope': 'What is explicitly not part of this work?',
  requirements: 'What are the functional requirements, one numbered statement each?',
  'api-contract': 'What are the endpoints or interfaces, with request and response shapes and errors?',
  'inputs-outputs': 'What data goes in and comes out, with types and formats?',
  'non-functional': 'Which measurable targets apply for latency, throughput, availability, security and limits?',
  'acceptance-criteria': 'How will we know the work is done? Which testable acceptance criteria must pass?',
  'definition-of-done': 'What must be true before the work counts as finished (tests, docs, review, deployment)?',
  'dependencies-access': 'Which systems, credentials, environments and people will I need access to?',
  'open-questions': 'Which decisions are still open, and who owns each of them?',
  reproduction: 'What exact steps, data and environment reproduce the bug?',
  'expected-actual': 'What should happen, and what happens instead?',
  rollback: 'How is the change released, and how is it undone if it goes wrong?',
  'data-mapping': 'How do the fields map between the two systems, with formats and transformations?',
  'error-handling': 'What happens when the other side fails: retries, timeouts, idempotency?',
};

function missingSectionQuestion(finding: Finding): string | undefined {
  const data: Partial<MissingSectionData> = dataOf(missingSection, finding) ?? {};
  const id = plainText(data.section);
  const title = plainText(data.title) ?? (id ? sectionDefinition(id)?.title : undefined);
  if (!id && !title) return undefined;
  const question = (id && SECTION_QUESTIONS[id]) || `What belongs in "${title}"?`;
  return `${question} The spec has no "${title ?? id}" section.`;
}

/** What a finding of this rule carries in `data`. */
export type MissingSectionData = {
  section: string;
  title: string;
  recommended: boolean;
  /** Where the section belongs. */
  insertAt: Position;
  profile: string;
};
