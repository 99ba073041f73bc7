import type { FixContext } from '../types';
import type { Position } from '../../model/types';
import type { Finding } from '../types';
import { hole, insertLines, type SnippetLine } from './snippet';
import type { QuickFix } from '../types';

/** Checkable items a definition of done needs; each hole is a tab stop for the author. */
const CHECKABLE: readonly SnippetLine[] = [
  ['- [ ] Deployed to ', hole('environment'), ' (', hole('how it is enabled'), ')'],
  ['- [ ] ', hole('dashboard or alert'), ' shows ', hole('the metric to watch')],
  ['- [ ] ', hole('document'), ' describes the change'],
  ['- [ ] Signed off by ', hole('role'), ' in ', hole('where')],
];

/** Appends the checkable items to a definition of done made only of generic ones. */
export function checkableDoneFix(result: FixContext, finding: Finding, data: { insertAt: Position } | undefined): QuickFix | undefined {
  const at = data?.insertAt;
  if (!at) return undefined;
  return {
    title: 'Add checkable done items (deployment, monitoring, documentation, sign-off)',
    rule: finding.rule,
    isPreferred: true,
    edits: [insertLines(result.model, at, [...CHECKABLE])],
  };
}
