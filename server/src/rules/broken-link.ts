import { classifyLinkTarget, documentAnchors, fragmentMatches } from '../model/link-targets';
import type { Link, SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';

export const brokenLink: Rule = {
  id: 'broken-link',
  defaultSeverity: 'error',
  dimension: 'completeness',
  docs: {
    summary: 'Reports relative links and images to files that do not exist, and `#fragments` that match no heading or anchor.',
    rationale:
      'Links are how a spec hands over the context it does not repeat: the API reference, the data model, the ' +
      'runbook. A contractor who follows a dead link loses exactly the context the author meant to give, and ' +
      'usually cannot tell whether the file moved or never existed. Fragments are compared with GitHub-style ' +
      'heading slugs and explicit `<a name>`/`id` anchors. External URLs and root-relative paths (`/docs/x.md`) ' +
      'are not checked; other files are only checked when the spec is saved on disk.',
    bad: 'See the [error codes](#error-code) and the [data model](docs/data-modle.md).\n\n## Error codes',
    good: 'See the [error codes](#error-codes) and the [data model](docs/data-model.md).\n\n## Error codes',
    sources: ['GitHub Flavored Markdown: heading anchors'],
  },
  check(model: SpecModel, context: RuleContext): RawFinding[] {
    const anchors = documentAnchors(model);
    const findings: RawFinding[] = [];
    for (const link of model.links) {
      const finding = checkLink(link, anchors, context);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkLink(link: Link, anchors: ReadonlySet<string>, context: RuleContext): RawFinding | undefined {
  const target = classifyLinkTarget(link.target);
  const what = link.isImage ? 'Image' : 'Link';
  if (target.kind === 'fragment') {
    if (fragmentMatches(target.fragment, anchors)) return undefined;
    return fragmentFinding(link, `${what} points to "#${target.fragment}", which matches no heading in this document`, target.fragment, anchors);
  }
  if (target.kind !== 'local') return undefined;
  // Without facts from the caller (an unsaved buffer), other files cannot be checked.
  const info = context.linkTargets?.get(target.path);
  if (!info) return undefined;
  if (!info.exists) {
    return {
      message: `${what} target "${target.path}" does not exist: fix the path or add the file before handoff.`,
      range: link.targetRange,
      data: { target: link.target, reason: 'missing-file' },
    };
  }
  if (target.fragment === undefined || !info.slugs || fragmentMatches(target.fragment, info.slugs)) return undefined;
  return fragmentFinding(link, `${what} points to "#${target.fragment}", which matches no heading in "${target.path}"`, target.fragment, info.slugs);
}

function fragmentFinding(link: Link, problem: string, fragment: string, anchors: ReadonlySet<string>): RawFinding {
  const suggestion = closestAnchor(fragment.toLowerCase(), anchors);
  return {
    message: suggestion ? `${problem}; did you mean "#${suggestion}"?` : `${problem}.`,
    range: link.targetRange,
    data: { target: link.target, reason: 'missing-fragment', ...(suggestion ? { suggestion } : {}) },
  };
}

/** The anchor within a small edit distance of the fragment (typos, a renamed heading's old slug). */
function closestAnchor(fragment: string, anchors: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(fragment.length / 4)) + 1;
  for (const anchor of anchors) {
    const distance = editDistance(fragment, anchor.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds the limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
