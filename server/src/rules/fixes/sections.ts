import type { FixContext } from '../types';
import type { Position } from '../../model/types';
import type { Finding } from '../types';
import { mainSectionLevel } from '../../model/sections';
import { sectionDefinition } from '../../sections/catalog';
import { eolOf } from './edits';
import { hole, insertLines, type SnippetLine } from './snippet';
import type { QuickFix, TextEdit } from '../types';

/** Where a missing section goes: what a missing-section finding's data says. */
export interface MissingSectionPlace {
  section: string;
  title: string;
  insertAt: Position;
}

/** "Insert section X" for one missing-section finding. */
export function insertSectionFix(result: FixContext, finding: Finding, place: MissingSectionPlace | undefined): QuickFix | undefined {
  const edit = place && sectionEdit(result, place);
  if (!edit) return undefined;
  return {
    title: `Insert section "${place.title}"`,
    rule: finding.rule,
    isPreferred: true,
    edits: [edit],
  };
}

/** One action that inserts every missing required section, each at its canonical position. */
export function insertAllSectionsFix(result: FixContext, missing: ReadonlyArray<MissingSectionPlace | undefined>): QuickFix | undefined {
  if (missing.length < 2) return undefined;
  const edits = missing.map((place) => place && sectionEdit(result, place)).filter((edit): edit is TextEdit => !!edit);
  return { title: `Insert all ${edits.length} missing sections`, rule: undefined, isPreferred: false, edits: mergeSamePosition(edits, eolOf(result.model)) };
}

function sectionEdit(result: FixContext, place: MissingSectionPlace): TextEdit | undefined {
  const definition = sectionDefinition(place.section);
  const at = place.insertAt;
  if (!definition) return undefined;
  const hashes = '#'.repeat(sectionLevel(result));
  return insertLines(result.model, at, [[`${hashes} ${definition.title}`], [], ...definition.template.split('\n').map(templateLine)]);
}

/**
 * A template line with its `TODO` markers as holes: "TODO: describe the context" becomes a hole
 * saying "describe the context", a bare TODO a hole saying "fill in".
 */
function templateLine(line: string): SnippetLine {
  const pieces: SnippetLine = [];
  let last = 0;
  for (const match of line.matchAll(/TODO(?::\s*([^|]*))?/g)) {
    if (match.index > last) pieces.push(line.slice(last, match.index));
    pieces.push(hole(match[1]?.trim().replace(/\.$/, '') || 'fill in'));
    last = match.index + match[0].length;
  }
  if (last < line.length) pieces.push(line.slice(last));
  return pieces;
}

/** The heading level new sections get: the one the spec uses for its main sections. */
export function sectionLevel(result: FixContext): number {
  return mainSectionLevel(result.model);
}

/**
 * Several sections inserted at one position become one edit, in profile order, so that clients
 * that apply same-position inserts in reverse cannot scramble them.
 */
function mergeSamePosition(edits: TextEdit[], eol: string): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const previous = merged.find((m) => m.range.start.line === edit.range.start.line && m.range.start.character === edit.range.start.character);
    if (!previous) { merged.push({ ...edit }); continue; }
    previous.newText = joinBlocks(previous.newText, edit.newText, eol);
  }
  return merged;
}

function joinBlocks(first: string, second: string, eol: string): string {
  const trimmedFirst = first.replace(new RegExp(`(?:${escape(eol)})+$`), '');
  const trimmedSecond = second.replace(new RegExp(`^(?:${escape(eol)})+`), '');
  const trailing = /(\r\n|\r|\n)+$/.exec(first)?.[0] ?? eol;
  return trimmedFirst + eol + eol + trimmedSecond.replace(/(\r\n|\r|\n)+$/, '') + trailing;
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
