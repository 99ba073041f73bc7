import { CompletionItemKind, type CompletionItem, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { AnalysisResult } from '../engine/analyze';
import { requirementIndex, type IdOccurrence, type RequirementIndex } from '../model/requirements';
import { containsPosition, lineText } from '../model/text';

/**
 * Requirement ids as symbols: completion of known ids, go to definition, find references and
 * rename (every occurrence in the document, prose only: code is left alone).
 */

function indexOf(result: AnalysisResult): RequirementIndex {
  return requirementIndex(result.model, result.idPattern);
}

function occurrenceAt(index: RequirementIndex, position: Position): IdOccurrence | undefined {
  return [...index.definitions, ...index.references].find((o) => containsPosition(o.range, position));
}

function occurrencesOf(index: RequirementIndex, id: string): IdOccurrence[] {
  return [...index.definitions, ...index.references].filter((o) => o.id === id).sort((a, b) => a.offset - b.offset);
}

/** Ids defined in the document that start with the word before the cursor. */
export function completeIds(result: AnalysisResult, position: Position): CompletionItem[] {
  const line = lineText(result.model, position.line).slice(0, position.character);
  const partial = /[A-Za-z][A-Za-z0-9]*-?\d*$/.exec(line)?.[0] ?? '';
  if (!partial) return [];
  const seen = new Set<string>();
  return indexOf(result).definitions
    .filter((d) => d.id.toLowerCase().startsWith(partial.toLowerCase()) && !seen.has(d.id) && seen.add(d.id))
    .map((d) => ({
      label: d.id,
      kind: CompletionItemKind.Reference,
      detail: (d.sentence.listItem?.text ?? d.sentence.text).replace(/[*_`]/g, '').trim(),
      textEdit: {
        range: { start: { line: position.line, character: position.character - partial.length }, end: position },
        newText: d.id,
      },
    }));
}

export function idDefinitions(uri: string, result: AnalysisResult, position: Position): Location[] {
  const index = indexOf(result);
  const occurrence = occurrenceAt(index, position);
  if (!occurrence) return [];
  return index.definitions.filter((d) => d.id === occurrence.id).map((d) => ({ uri, range: d.range }));
}

export function idReferences(uri: string, result: AnalysisResult, position: Position, includeDeclaration: boolean): Location[] {
  const index = indexOf(result);
  const occurrence = occurrenceAt(index, position);
  if (!occurrence) return [];
  const definitions: ReadonlySet<IdOccurrence> = new Set(index.definitions);
  return occurrencesOf(index, occurrence.id)
    .filter((o) => includeDeclaration || !definitions.has(o))
    .map((o) => ({ uri, range: o.range }));
}

export function prepareIdRename(result: AnalysisResult, position: Position): { range: Range; placeholder: string } | null {
  const occurrence = occurrenceAt(indexOf(result), position);
  return occurrence ? { range: occurrence.range, placeholder: occurrence.id } : null;
}

/** A new id that does not match the project's id pattern. */
export class InvalidIdError extends Error {}

/** Every occurrence of the id under the cursor renamed; null when the cursor is on no id. */
export function renameId(uri: string, result: AnalysisResult, position: Position, newName: string): WorkspaceEdit | null {
  const index = indexOf(result);
  const occurrence = occurrenceAt(index, position);
  if (!occurrence) return null;
  if (!new RegExp(`^(?:${result.idPattern})$`).test(newName)) {
    throw new InvalidIdError(`"${newName}" does not match the requirement id pattern ${result.idPattern}.`);
  }
  return { changes: { [uri]: occurrencesOf(index, occurrence.id).map((o) => ({ range: o.range, newText: newName })) } };
}
