import type { FixContext } from '../types';
import { lineEndOffset, positionAt } from '../../model/text';
import type { Position } from '../../model/types';
import type { Finding } from '../types';
import { mainSectionLevel } from '../../model/sections';
import { eolOf, escapeSnippet, insertBlock } from './edits';
import type { QuickFix, TextEdit } from '../types';

const GLOSSARY_TITLE = /\b(?:glossary|definitions?|terminology|acronyms|abbreviations|vocabulary)\b/i;

/**
 * "Define term": a Glossary entry for the term, appended to the spec's glossary section, or a new
 * Glossary section at the end of the document. The definition is a tab stop whose plain text is a hole (an HTML comment), never an error.
 */
export function defineTermFix(result: FixContext, finding: Finding, data: { term: string; kind: string } | undefined): QuickFix | undefined {
  const term = data?.term;
  if (!term) return undefined;
  const { model } = result;
  const glossary = model.sections.find((section) => GLOSSARY_TITLE.test(section.title) && !section.title.trim().endsWith('?'));
  const definition = `<!-- what ${term} is${data?.kind === 'name' ? ', where it lives and who owns it' : ''} -->`;
  const eol = eolOf(model);
  let edit: TextEdit;
  if (glossary) {
    // A new item right after the last line with text in the glossary body, so the list goes on.
    const start = model.lineStarts[glossary.ownBodyRange.start.line] ?? model.text.length;
    const body = model.text.slice(start, lineEndOffset(model, glossary.ownBodyRange.end.line));
    const lastText = body.trimEnd().length;
    const item = `- **${term}**: ${definition}`;
    if (lastText === 0) {
      edit = insertBlock(model, { line: glossary.headingRange.end.line + 1, character: 0 }, [item]);
    } else {
      const line = positionAt(model, start + lastText - 1).line;
      if (line + 1 < model.lineStarts.length) {
        const next = model.text.slice(model.lineStarts[line + 1], lineEndOffset(model, line + 1));
        edit = { range: point({ line: line + 1, character: 0 }), newText: item + eol + (next.trim() === '' ? '' : eol) };
      } else {
        edit = { range: point(positionAt(model, lineEndOffset(model, line))), newText: eol + item + eol };
      }
    }
  } else {
    const last = model.lineStarts.length - 1;
    let at = positionAt(model, lineEndOffset(model, last));
    if (at.character === 0 && last > 0) at = { line: last, character: 0 };
    edit = insertBlock(model, at, [`${'#'.repeat(mainSectionLevel(model))} Glossary`, '', `- **${term}**: ${definition}`]);
  }
  const index = edit.newText.lastIndexOf(definition);
  const snippet = index < 0
    ? undefined
    : `${escapeSnippet(edit.newText.slice(0, index))}\${1:${escapeSnippet(definition)}}${escapeSnippet(edit.newText.slice(index + definition.length))}`;
  return {
    title: `Define "${term}" in the ${glossary ? `"${glossary.title}" section` : 'Glossary'}`,
    rule: finding.rule,
    isPreferred: true,
    edits: [{ ...edit, ...(snippet ? { snippet } : {}) }],
  };
}

/**
 * The text that adds a term to the project vocabulary file, and where: at the end of the file's
 * current text (undefined when the file does not exist yet).
 */
export function vocabularyAddition(existing: string | undefined, term: string): { at: Position; text: string } {
  if (existing === undefined || existing === '') return { at: { line: 0, character: 0 }, text: `${term}\n` };
  const lines = existing.split(/\r\n|\r|\n/);
  const eol = /\r\n/.test(existing) ? '\r\n' : '\n';
  const lastLine = lines.length - 1;
  const endsWithBreak = lines[lastLine] === '';
  return {
    at: { line: lastLine, character: lines[lastLine].length },
    text: `${endsWithBreak ? '' : eol}${term}${eol}`,
  };
}


function point(at: Position): { start: Position; end: Position } {
  return { start: at, end: at };
}
