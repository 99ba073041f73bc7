import type { AnalysisResult } from '../engine/analyze';
import type { Position } from '../model/types';
import type { Finding } from '../rules/types';
import { eolOf, escapeSnippet, insertBlock } from './edits';
import type { QuickFix } from './types';

/** Checkable items a definition of done needs; each `[...]` is a tab stop whose default says TODO. */
const CHECKABLE: ReadonlyArray<Array<string | [string]>> = [
  ['- [ ] Deployed to ', ['TODO: environment'], ' (', ['TODO: how it is enabled'], ')'],
  ['- [ ] ', ['TODO: dashboard or alert'], ' shows ', ['TODO: the metric to watch']],
  ['- [ ] ', ['TODO: document'], ' describes the change'],
  ['- [ ] Signed off by ', ['TODO: role'], ' in ', ['TODO: where']],
];

/** Appends the checkable items to a definition of done made only of generic ones. */
export function checkableDoneFix(result: AnalysisResult, finding: Finding): QuickFix | undefined {
  const at = finding.data?.insertAt as Position | undefined;
  if (!at) return undefined;
  const plain = CHECKABLE.map((line) => line.map((piece) => (typeof piece === 'string' ? piece : piece[0])).join(''));
  const edit = insertBlock(result.model, at, plain);
  const block = plain.join(eolOf(result.model));
  const index = edit.newText.lastIndexOf(block);
  let stop = 0;
  const lines = CHECKABLE.map((line) => line.map((piece) => (typeof piece === 'string' ? escapeSnippet(piece) : `\${${++stop}:${escapeSnippet(piece[0])}}`)).join(''));
  const snippet = index < 0 ? undefined : escapeSnippet(edit.newText.slice(0, index)) + lines.join(eolOf(result.model)) + escapeSnippet(edit.newText.slice(index + block.length));
  return { title: 'Add checkable done items (deployment, monitoring, documentation, sign-off)', rule: finding.rule, isPreferred: true, edits: [{ ...edit, ...(snippet ? { snippet } : {}) }] };
}
