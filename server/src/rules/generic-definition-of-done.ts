import { lineEndOffset, positionAt } from '../model/text';
import type { Position, Section, SpecModel } from '../model/types';
import type { RawFinding, Rule } from './types';
import { dataOf } from './types';
import { checkableDoneFix } from './fixes/done';

/**
 * Words that say a piece of work is finished without saying how anyone would check it. What is
 * left of an item once they are removed (a place, a metric, a document, a person, a number, code)
 * is what makes it checkable.
 */
const GENERIC_WORDS = new Set([
  'all', 'the', 'a', 'an', 'any', 'every', 'each', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'was', 'were', 'will', 'must',
  'should', 'and', 'or', 'with', 'without', 'no', 'not', 'of', 'for', 'to', 'in', 'on', 'by', 'as', 'it', 'its', 'this', 'that', 'our',
  'code', 'feature', 'features', 'work', 'change', 'changes', 'task', 'tasks', 'story', 'ticket', 'implementation', 'functionality',
  'complete', 'completed', 'done', 'finished', 'implemented', 'ready', 'working', 'works', 'expected', 'correctly', 'properly', 'fully',
  'tested', 'test', 'tests', 'testing', 'unit', 'integration', 'e2e', 'automated', 'manual', 'written', 'added', 'pass', 'passes',
  'passed', 'passing', 'green', 'ci', 'pipeline', 'build', 'builds', 'reviewed', 'review', 'code-reviewed', 'peer', 'pr', 'prs',
  'approved', 'approval', 'accepted', 'merged', 'merge', 'deployed', 'deploy', 'deployment', 'released', 'release', 'shipped',
  'documented', 'documentation', 'docs', 'updated', 'update', 'qa', 'verified', 'checked', 'signed', 'off', 'sign-off', 'signoff',
  'bugs', 'bug', 'issues', 'known', 'open', 'criteria', 'acceptance', 'met', 'satisfied', 'fulfilled', 'requirements', 'coverage',
  'good', 'enough', 'quality', 'standards', 'lint', 'linted', 'linting', 'clean', 'also', 'then', 'team', 'stakeholders',
]);

export const genericDefinitionOfDone: Rule<GenericDefinitionOfDoneData> = {
  id: 'generic-definition-of-done',
  defaultSeverity: 'warning',
  dimension: 'done',
  scoreRole: 'wording',
  docs: {
    description: 'A definition of done made only of generic items ("complete", "tested", "reviewed"): asks for checkable ones.',
    summary: 'Reports a definition of done made only of generic items ("complete", "tested", "reviewed", "all tests pass").',
    rationale:
      'A definition of done is the contractor\'s checklist for handing the work back. "Tested", "reviewed" and "all tests ' +
      'pass" are true of every piece of work and settle nothing: the contractor still has to ask where it is deployed, ' +
      'what must be monitored, which documentation changes and who signs it off. An item is generic when nothing is left ' +
      'once the words that only say "finished" (complete, done, tested, reviewed, merged, deployed, documented, passing, ' +
      'approved...) are removed; a place ("staging"), a metric, a document ("README", "`docs/api.md`"), a role, a number, ' +
      'code or a link makes it checkable. The finding is reported once, on the heading, only when every item is generic.',
    bad: '## Definition of Done\n\n- [ ] Code complete\n- [ ] Tested\n- [ ] Reviewed and merged',
    good: '## Definition of Done\n\n- [ ] Deployed to production behind the `refunds_v2` flag, enabled for 10% of merchants\n- [ ] The refunds dashboard shows error rate per status code, with an alert above 1%\n- [ ] `docs/api/refunds.md` describes both endpoints\n- [ ] The payments product owner signs off in the release ticket',
    sources: ['Scrum Guide 2020: Definition of Done (a formal description of the state of the Increment when it meets the quality measures)'],
  },
  fixes: (finding, context) => [checkableDoneFix(context, finding, dataOf(genericDefinitionOfDone, finding))],
  check(model: SpecModel): RawFinding<GenericDefinitionOfDoneData>[] {
    const findings: RawFinding<GenericDefinitionOfDoneData>[] = [];
    for (const section of model.sections) {
      if (!section.canonical.includes('definition-of-done') || section.parent?.canonical.includes('definition-of-done')) continue;
      const items = itemsOf(model, section);
      if (items.length === 0 || !items.every(isGeneric)) continue;
      const body = section.bodyRange;
      const end = lineEndOffset(model, body.end.line);
      const at = positionAt(model, end);
      findings.push({
        message: `The definition of done has only generic items (${items.slice(0, 3).map((item) => `"${item}"`).join(', ')}): add checkable ones, such as where it is deployed, what is monitored, which documentation changes and who signs off.`,
        range: section.headingRange,
        data: { section: 'definition-of-done', items, insertAt: body.end.line + 1 < model.lineStarts.length ? { line: body.end.line + 1, character: 0 } : at },
      });
    }
    return findings;
  },
};

/** The items of the section: list items when it has any, else its sentences. */
function itemsOf(model: SpecModel, section: Section): string[] {
  const inside = (line: number) => line > section.headingRange.end.line && line <= section.bodyRange.end.line;
  const items = model.listItems.filter((item) => inside(item.range.start.line)).map((item) => item.text);
  const texts = items.length > 0 ? items : model.sentences.filter((sentence) => sentence.kind !== 'heading' && inside(sentence.range.start.line)).map((sentence) => model.text.slice(sentence.startOffset, sentence.endOffset));
  return texts.map((text) => text.replace(/^\s*\[[ xX]\]\s*/, '').replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
}

function isGeneric(item: string): boolean {
  if (/`|\d|https?:\/\/|\]\(/.test(item)) return false;
  const words = item.toLowerCase().replace(/[*_]/g, '').split(/[^a-z0-9-]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => GENERIC_WORDS.has(word));
}

/** What a finding of this rule carries in `data`. */
export type GenericDefinitionOfDoneData = {
  section: string;
  items: string[];
  /** Where a concrete item goes. */
  insertAt: Position;
};
