import type { Range, Section, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { withText } from './question-text';

/**
 * A heading with nothing under it but white space, HTML comments (template guidance) or
 * equally empty subsections.
 */
export const emptySection: Rule<EmptySectionData> = {
  id: 'empty-section',
  defaultSeverity: 'error',
  dimension: 'structure',
  scoreRole: 'section',
  docs: {
    description: 'A section heading has no content, or only template guidance.',
    summary: 'A section heading is present but the section has no content.',
    rationale: 'An empty section looks finished in an outline but answers nothing. Template guidance in HTML comments '
      + 'is invisible in rendered Markdown, so a section holding only comments is empty to the reader too. Either '
      + 'write the content or state explicitly that it does not apply ("None: the service has no public API"). An '
      + 'empty section the profile only recommends is a hint, like a missing one: leaving it empty is no worse than '
      + 'leaving it out.',
    bad: '## Non-Functional Requirements\n\n<!-- latency, availability, limits -->\n\n## Acceptance Criteria',
    good: '## Non-Functional Requirements\n\n- NFR-1: p95 latency of `GET /orders/{id}` MUST be below 200 ms at 50 requests/s.',
  },
  question: emptySectionQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<EmptySectionData>[] {
    const findings: RawFinding<EmptySectionData>[] = [];
    const hasContent = contentIndex(model);
    const title = documentTitle(model);
    for (const section of model.sections) {
      if (section === title || subtreeHasContent(section, hasContent)) continue;
      // Report the outermost empty section only; its empty subsections add nothing. The document
      // title does not count as "outer": an empty skeleton reports each of its sections.
      if (section.parent && section.parent !== title && !subtreeHasContent(section.parent, hasContent)) continue;
      findings.push({
        message: `Section "${section.title}" is empty: write its content or state why it does not apply.`,
        range: section.headingRange,
        data: { section: section.canonical[0], title: section.title },
        ...(onlyRecommended(section, context) ? { severity: 'hint' as const } : {}),
      });
    }
    return findings;
  },
};

/** A section the profile recommends and does not require (Dependencies and Access, Open Questions). */
function onlyRecommended(section: Section, context: RuleContext): boolean {
  const required: readonly string[] = context.profile.required;
  const recommended: readonly string[] = context.profile.recommended;
  return section.canonical.length > 0 && !section.canonical.some((id) => required.includes(id))
    && section.canonical.some((id) => recommended.includes(id));
}

/** For each section index, whether its own body (excluding subsections) holds real content. */
function contentIndex(model: SpecModel): boolean[] {
  const own = model.sections.map(() => false);
  const mark = (element: { section: Section | undefined; range: Range }) => {
    const section = element.section;
    // Elements on the heading line itself (e.g. inline code in a title) are not body content.
    if (section && element.range.start.line > section.headingRange.end.line) own[section.index] = true;
  };
  for (const sentence of model.sentences) {
    if (sentence.kind !== 'heading' && /[\p{L}\p{N}]/u.test(sentence.text)) mark(sentence);
  }
  for (const element of [...model.codeBlocks, ...model.tables, ...model.inlineCode]) mark(element);
  for (const link of model.links) if (link.isImage) mark(link);
  return own;
}

/** The single level-1 heading that opens the document and holds every other section, if any. */
function documentTitle(model: SpecModel): Section | undefined {
  const [first] = model.rootSections;
  return model.rootSections.length === 1 && first.level === 1 && first.children.length > 0 ? first : undefined;
}

function subtreeHasContent(section: Section, own: boolean[]): boolean {
  return own[section.index] || section.children.some((child) => subtreeHasContent(child, own));
}

function emptySectionQuestion(finding: Finding): string | undefined {
  return withText(dataOf(emptySection, finding)?.title, (title) =>
    `What belongs in "${title}"? The section is empty: does it not apply, or is it still to be written?`);
}

/** What a finding of this rule carries in `data`. */
export type EmptySectionData = {
  section: string | undefined;
  title: string;
};
