import {
  CompletionItemKind,
  ResponseError,
  type CompletionItem,
  type Location,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import { requirementIndex, type IdOccurrence, type RequirementIndex } from '../../model/requirements';
import { containsPosition, lineText } from '../../model/text';
import type { Session } from '../session';

/**
 * Requirement ids as symbols: completion of known ids, go to definition, find references and
 * rename (every occurrence in the document, prose only: code is left alone).
 */
export function registerIdNavigation(session: Session): void {
  const { connection } = session;

  const indexAt = async (uri: string) => {
    const analysis = await session.analyseOpen(uri);
    if (analysis?.kind !== 'analysed') return undefined;
    return { result: analysis.result, index: requirementIndex(analysis.result.model, analysis.result.idPattern) };
  };

  const occurrenceAt = (index: RequirementIndex, position: Position): IdOccurrence | undefined =>
    [...index.definitions, ...index.references].find((o) => containsPosition(o.range, position));

  const occurrencesOf = (index: RequirementIndex, id: string): IdOccurrence[] =>
    [...index.definitions, ...index.references].filter((o) => o.id === id).sort((a, b) => a.offset - b.offset);

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const found = await indexAt(params.textDocument.uri);
    if (!found) return [];
    const line = lineText(found.result.model, params.position.line).slice(0, params.position.character);
    const partial = /[A-Za-z][A-Za-z0-9]*-?\d*$/.exec(line)?.[0] ?? '';
    if (!partial) return [];
    const seen = new Set<string>();
    return found.index.definitions
      .filter((d) => d.id.toLowerCase().startsWith(partial.toLowerCase()) && !seen.has(d.id) && seen.add(d.id))
      .map((d) => ({
        label: d.id,
        kind: CompletionItemKind.Reference,
        detail: (d.sentence.listItem?.text ?? d.sentence.text).replace(/[*_`]/g, '').trim(),
        textEdit: {
          range: { start: { line: params.position.line, character: params.position.character - partial.length }, end: params.position },
          newText: d.id,
        },
      }));
  });

  connection.onDefinition(async (params): Promise<Location[]> => {
    const found = await indexAt(params.textDocument.uri);
    const occurrence = found && occurrenceAt(found.index, params.position);
    if (!found || !occurrence) return [];
    return found.index.definitions
      .filter((d) => d.id === occurrence.id)
      .map((d) => ({ uri: params.textDocument.uri, range: d.range }));
  });

  connection.onReferences(async (params): Promise<Location[]> => {
    const found = await indexAt(params.textDocument.uri);
    const occurrence = found && occurrenceAt(found.index, params.position);
    if (!found || !occurrence) return [];
    return occurrencesOf(found.index, occurrence.id)
      .filter((o) => params.context.includeDeclaration || !found.index.definitions.includes(o as never))
      .map((o) => ({ uri: params.textDocument.uri, range: o.range }));
  });

  connection.onPrepareRename(async (params) => {
    const found = await indexAt(params.textDocument.uri);
    const occurrence = found && occurrenceAt(found.index, params.position);
    return occurrence ? { range: occurrence.range, placeholder: occurrence.id } : null;
  });

  connection.onRenameRequest(async (params) => {
    const found = await indexAt(params.textDocument.uri);
    const occurrence = found && occurrenceAt(found.index, params.position);
    if (!found || !occurrence) return null;
    if (!new RegExp(`^(?:${found.result.idPattern})$`).test(params.newName)) {
      throw new ResponseError(-32602, `"${params.newName}" does not match the requirement id pattern ${found.result.idPattern}.`);
    }
    const edits: TextEdit[] = occurrencesOf(found.index, occurrence.id).map((o) => ({ range: o.range, newText: params.newName }));
    return { changes: { [params.textDocument.uri]: edits } };
  });
}
