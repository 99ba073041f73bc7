import type { SpecModel } from '../model/types';
import { BUILTIN_PROFILES } from '../sections/profiles';
import type { RawFinding, Rule, RuleContext } from './types';

/**
 * Front matter that does not parse, is not a mapping, or names a profile that does not exist.
 * The engine falls back to the configured or default profile, so the rest still gets checked.
 */
export const invalidFrontMatter: Rule = {
  id: 'invalid-front-matter',
  defaultSeverity: 'error',
  dimension: 'structure',
  docs: {
    summary: 'The YAML front matter does not parse or names an unknown profile.',
    rationale: 'Front matter selects the spec profile and carries metadata that exports and trackers read. If it '
      + 'does not parse, the spec is checked against the wrong profile and the metadata is lost without notice.',
    bad: '---\nprofile: [api\nowner: payments\n---',
    good: '---\nprofile: api\nowner: payments-team\n---',
  },
  check(model: SpecModel, context: RuleContext): RawFinding[] {
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
      range: frontMatter.range,
      data: { profile: String(profile) },
    }];
  },
};
