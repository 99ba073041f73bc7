import { positionAt } from '../model/text';
import type { Range, SpecModel } from '../model/types';
import { BUILTIN_PROFILES } from '../sections/profiles';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { rangeOffsets } from './util';
import { withText } from './question-text';

/**
 * Front matter that does not parse, is not a mapping, or names a profile that does not exist.
 * The engine falls back to the configured or default profile, so the rest still gets checked.
 */
export const invalidFrontMatter: Rule<InvalidFrontMatterData> = {
  id: 'invalid-front-matter',
  defaultSeverity: 'error',
  dimension: 'structure',
  scoreRole: 'integrity',
  docs: {
    description: 'YAML front matter that does not parse or names an unknown profile.',
    summary: 'The YAML front matter does not parse or names an unknown profile.',
    rationale: 'Front matter selects the spec profile and carries metadata that exports and trackers read. If it '
      + 'does not parse, the spec is checked against the wrong profile and the metadata is lost without notice.',
    bad: '---\nprofile: [api\nowner: payments\n---',
    good: '---\nprofile: api\nowner: payments-team\n---',
  },
  question: invalidFrontMatterQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<InvalidFrontMatterData>[] {
    const frontMatter = model.frontMatter;
    if (!frontMatter) return [];
    if (frontMatter.error) {
      return [{ message: `Front matter is not valid YAML: ${frontMatter.error.message}`, range: frontMatter.error.range }];
    }
    const profile = frontMatter.data?.profile;
    if (profile === undefined || profile === context.profile.name) return [];
    const known = [...new Set([...Object.keys(BUILTIN_PROFILES), context.profile.name])].join(', ');
    return [{
      message: typeof profile === 'string'
        ? `Unknown profile "${profile}" (known: ${known}); checking against "${context.profile.name}".`
        : `"profile" must be a profile name (known: ${known}).`,
      range: profileRange(model, frontMatter.range),
      data: { profile: typeof profile === 'string' ? profile : JSON.stringify(profile) },
    }];
  },
};

/** The value of the top-level `profile:` key (the key itself when the value is on later lines). */
function profileRange(model: SpecModel, block: Range): Range {
  const { start, end } = rangeOffsets(model, block);
  const match = /^(profile[ \t]*:[ \t]*)([^\r\n]*?)[ \t]*(?:#[^\r\n]*)?$/m.exec(model.text.slice(start, end));
  if (!match) return block;
  const keyStart = start + match.index;
  const valueStart = keyStart + match[1].length;
  return match[2]
    ? { start: positionAt(model, valueStart), end: positionAt(model, valueStart + match[2].length) }
    : { start: positionAt(model, keyStart), end: positionAt(model, keyStart + 'profile'.length) };
}

function invalidFrontMatterQuestion(finding: Finding): string | undefined {
  return withText(dataOf(invalidFrontMatter, finding)?.profile, (profile) =>
    `Which kind of spec is this? Its front matter names the profile "${profile}", which does not exist.`);
}

/** What a finding of this rule carries in `data`. */
export type InvalidFrontMatterData = {
  /** The unknown profile the front matter names. */
  profile: string;
};
