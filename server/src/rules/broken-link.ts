import { classifyLinkTarget, documentAnchors, fragmentMatches } from '../model/link-targets';
import type { Link, SpecModel } from '../model/types';
import { nearestWithin } from '../model/edit-distance';
import { compareRanges } from '../model/text';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { rangeOffsets } from './util';
import { plainText } from './question-text';

export const brokenLink: Rule<BrokenLinkData> = {
  id: 'broken-link',
  defaultSeverity: 'error',
  dimension: 'selfContained',
  scoreRole: 'integrity',
  docs: {
    description: 'Relative links to files or headings that do not exist.',
    summary: 'Reports relative links and images to files that do not exist, and `#fragments` that match no heading or anchor.',
    rationale:
      'Links are how a spec hands over the context it does not repeat: the API reference, the data model, the ' +
      'runbook. A contractor who follows a dead link loses exactly the context the author meant to give, and ' +
      'usually cannot tell whether the file moved or never existed. Fragments are compared with GitHub-style ' +
      'heading slugs and explicit `<a name>`/`id` anchors. Relative paths are resolved from the spec\'s folder and ' +
      'root-relative paths (`/docs/x.md`) from the project root (the folder of the nearest `.specready.*` file, ' +
      'else the git work tree), with any `?query` left out, exactly as document links and the export resolve ' +
      'them. External URLs are not checked; other files are only checked when the spec is saved on disk.',
    bad: 'See the [error codes](#error-code) and the [data model](docs/data-modle.md).\n\n## Error codes',
    good: 'See the [error codes](#error-codes) and the [data model](docs/data-model.md).\n\n## Error codes',
    sources: ['GitHub Flavored Markdown: heading anchors'],
  },
  question: brokenLinkQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<BrokenLinkData>[] {
    const anchors = documentAnchors(model);
    const findings: RawFinding<BrokenLinkData>[] = [];
    const reported = new Set<string>();
    for (const link of linksToCheck(model)) {
      const finding = checkLink(link, anchors, context);
      const key = finding && `${finding.range.start.line}:${finding.range.start.character}`;
      if (!finding || !key || reported.has(key)) continue;
      reported.add(key);
      findings.push(finding);
    }
    return findings;
  },
};

/**
 * The links a reader can follow, each broken destination reported once where it is written:
 * a reference link (`[text][label]`) is checked at its definition (`[label]: target`), and a
 * definition nobody uses is not checked, since it renders nothing. Footnotes (`[^1]`) are not links.
 */
function linksToCheck(model: SpecModel): Link[] {
  // Sets, not arrays: membership is asked for every link.
  const definitions = new Set(model.links.filter((link) => isDefinition(model, link)));
  const uses = new Set(model.links.filter((link) => !definitions.has(link) && isReferenceUse(model, link)));
  const usedTargets = new Set([...uses].map((link) => decodeTarget(link.target)));
  return model.links.filter((link) => {
    if (link.text.startsWith('^')) return false;
    if (definitions.has(link)) return usedTargets.has(decodeTarget(link.target));
    return !uses.has(link);
  });
}

function isDefinition(model: SpecModel, link: Link): boolean {
  const { start } = rangeOffsets(model, link.range);
  return link.range.start.character <= 3 && /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/.test(model.text.slice(start - link.range.start.character, start + link.text.length + 8));
}

/** A reference link's recorded destination is the link itself: its target is written elsewhere. */
function isReferenceUse(model: SpecModel, link: Link): boolean {
  const { start } = rangeOffsets(model, link.range);
  return compareRanges(link.range, link.targetRange) === 0 && /^!?\[/.test(model.text.slice(start, start + 2));
}

function decodeTarget(target: string): string {
  try {
    return decodeURI(target.trim());
  } catch {
    return target.trim();
  }
}

function checkLink(link: Link, anchors: ReadonlySet<string>, context: RuleContext): RawFinding<BrokenLinkData> | undefined {
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

function fragmentFinding(link: Link, problem: string, fragment: string, anchors: ReadonlySet<string>): RawFinding<BrokenLinkData> {
  const suggestion = closestAnchor(fragment.toLowerCase(), anchors);
  return {
    message: suggestion ? `${problem}; did you mean "#${suggestion}"?` : `${problem}.`,
    range: link.targetRange,
    data: { target: link.target, reason: 'missing-fragment', ...(suggestion ? { suggestion } : {}) },
  };
}

/** The anchor within a small edit distance of the fragment (typos, a renamed heading's old slug). */
function closestAnchor(fragment: string, anchors: ReadonlySet<string>): string | undefined {
  return nearestWithin(fragment, anchors, Math.max(2, Math.floor(fragment.length / 4)));
}

function brokenLinkQuestion(finding: Finding): string | undefined {
  const data: Partial<BrokenLinkData> = dataOf(brokenLink, finding) ?? {};
  const target = plainText(data.target);
  if (!target) return undefined;
  if (data.reason === 'missing-fragment') {
    const suggestion = plainText(data.suggestion);
    return `Which section should "${target}" point to? It does not exist${suggestion ? `; is "#${suggestion}" meant` : ''}.`;
  }
  return `Where is "${target}"? The link is broken, so the document it refers to is not in this bundle.`;
}

/** What a finding of this rule carries in `data`. */
export type BrokenLinkData = {
  target: string;
  reason: 'missing-file' | 'missing-fragment';
  /** The heading the fragment was probably meant to name. */
  suggestion?: string;
};
