/**
 * Quick fixes that complete an EARS statement or turn a plain criterion into one, keeping every
 * word the author wrote: the missing part is inserted as a snippet whose tab stops the author
 * fills in ("the ${1:system}"), and the plain text is what the snippet expands to untouched.
 */
import type { FixContext } from '../types';
import { earsForm } from '../../model/ears';
import { offsetAt, positionAt } from '../../model/text';
import type { Range } from '../../model/types';
import type { Finding } from '../types';
import { escapeSnippet } from './edits';
import type { QuickFix } from '../types';

/**
 * Holes, not made-up content: a fix that wrote "the system shall respond" would make the finding
 * go away with nothing decided. An HTML comment is reported as a hole until it is filled (and is
 * the tab stop's default where the client takes snippets).
 */
const SYSTEM = '<!-- system -->';
const RESPONSE = '<!-- response -->';
const TRIGGER = '<!-- trigger -->';

/** Fixes for a malformed-ears finding: insert the response, or the system before "shall". */
export function completeEarsFixes(result: FixContext, finding: Finding): QuickFix[] {
  const { model } = result;
  const start = offsetAt(model, finding.range.start);
  const end = offsetAt(model, finding.range.end);
  const text = model.text.slice(start, end);
  const form = earsForm(text);
  if (!form) return [];
  const capitals = form.keywordsInCapitals;
  const fixes: QuickFix[] = [];
  if (form.problems.includes('no-response')) {
    const at = start + text.replace(/[.\s]+$/, '').length;
    const plain = capitals ? ` THEN the ${SYSTEM} SHALL ${RESPONSE}` : `, the ${SYSTEM} shall ${RESPONSE}`;
    const snippet = capitals ? ` THEN the \${1:${SYSTEM}} SHALL \${2:${RESPONSE}}` : `, the \${1:${SYSTEM}} shall \${2:${RESPONSE}}`;
    fixes.push(insertion(model, at, plain, snippet, 'Add the response: "… the <system> shall <response>"', finding));
  }
  if (form.problems.includes('no-system')) {
    const shall = /\bshall\b/i.exec(text);
    if (shall) fixes.push(insertion(model, start + shall.index, `the ${SYSTEM} `, `the \${1:${SYSTEM}} `, 'Name the system that shall respond', finding));
  }
  return fixes;
}

/**
 * For a criterion with no observable outcome in an EARS document: the author's sentence becomes
 * the response of "WHEN <trigger> THEN the <system> SHALL <their words>".
 */
export function rewriteAsEarsFix(result: FixContext, finding: Finding): QuickFix | undefined {
  const { model } = result;
  const start = offsetAt(model, finding.range.start);
  const end = offsetAt(model, finding.range.end);
  const text = model.text.slice(start, end);
  if (earsForm(text) || text.includes('\n')) return undefined;
  const lead = /^\s*(?:(?:\*\*|__)?[A-Z][A-Z0-9]*-\d+(?:\*\*|__)?(?:\s*\([^)]*\))?\s*[:.-]?\s*)?/.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).replace(/\.\s*$/, '');
  if (!words) return undefined;
  const response = words.charAt(0).toLowerCase() + words.slice(1);
  return {
    title: 'Rewrite as EARS: WHEN … THEN the … SHALL …',
    rule: finding.rule,
    isPreferred: false,
    edits: [{
      range: finding.range,
      newText: `${lead}WHEN ${TRIGGER} THEN the ${SYSTEM} SHALL ensure that ${response}.`,
      snippet: `${lead}WHEN \${1:${TRIGGER}} THEN the \${2:${SYSTEM}} SHALL \${3:ensure that} ${escapeSnippet(response)}.`,
    }],
  };
}

function insertion(model: FixContext['model'], offset: number, newText: string, snippet: string, title: string, finding: Finding): QuickFix {
  const position = positionAt(model, offset);
  const range: Range = { start: position, end: position };
  return { title, rule: finding.rule, isPreferred: true, edits: [{ range, newText, snippet }] };
}
