/**
 * The editor features wired to the connection. Each handler finds the analysis of the
 * document's current version and hands it to a pure function of server/src/features; nothing
 * here computes what the editor shows.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver/node';
import { DEFAULT_TERMS_FILE } from '../config/types';
import type { AnalysisResult } from '../engine/analyze';
import { codeActions } from '../features/code-actions';
import { codeLenses } from '../features/code-lens';
import { documentLinks } from '../features/document-links';
import { hoverAt } from '../features/hover';
import { completeIds, idDefinitions, idReferences, InvalidIdError, prepareIdRename, renameId } from '../features/ids';
import { answerQuestion, questionAt } from '../features/questions';
import { readText } from '../host/host';
import type { ServerContext } from './context';
import { exportDocument } from './export';
import { AnswerQuestionRequest, ExportRequest, onRequest, QuestionAtRequest } from './protocol';
import { isFileUri } from './workspace';

export function registerEditorFeatures(server: ServerContext): void {
  const { connection } = server;
  /** The analysis of an open spec's current version; undefined for anything else. */
  const analysed = async (uri: string): Promise<AnalysisResult | undefined> => {
    const analysis = await server.analyseOpen(uri);
    return analysis?.kind === 'analysed' ? analysis.result : undefined;
  };

  connection.onHover(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? hoverAt(result, params.position) : null;
  });

  connection.onCodeLens(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? codeLenses(params.textDocument.uri, result) : [];
  });

  connection.onDocumentLinks(async (params) => {
    const uri = params.textDocument.uri;
    if (!isFileUri(uri)) return [];
    const result = await analysed(uri);
    return result ? documentLinks(uri, result, (await server.workspace.configFor(uri)).projectRoot) : [];
  });

  connection.onCompletion(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? completeIds(result, params.position) : [];
  });

  connection.onDefinition(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? idDefinitions(params.textDocument.uri, result, params.position) : [];
  });

  connection.onReferences(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? idReferences(params.textDocument.uri, result, params.position, params.context.includeDeclaration) : [];
  });

  connection.onPrepareRename(async (params) => {
    const result = await analysed(params.textDocument.uri);
    return result ? prepareIdRename(result, params.position) : null;
  });

  connection.onRenameRequest(async (params) => {
    const result = await analysed(params.textDocument.uri);
    if (!result) return null;
    try {
      return renameId(params.textDocument.uri, result, params.position, params.newName);
    } catch (error) {
      if (error instanceof InvalidIdError) throw new ResponseError(-32602, error.message);
      throw error;
    }
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const result = await analysed(uri);
    if (!result) return [];
    return codeActions(result, { uri, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only }, {
      version: server.documents.get(uri)?.version,
      snippetEdits: server.supportsSnippetEdits,
      fileCreation: server.supportsFileCreation,
      vocabulary: () => vocabularyOf(server, uri),
    });
  });

  // `specready/questionAt` and `specready/answerQuestion`, on the version the editor has now.
  onRequest(connection, QuestionAtRequest, async (params) => {
    const result = await analysed(params.uri);
    return result ? questionAt(result, params.position) ?? null : null;
  });
  onRequest(connection, AnswerQuestionRequest, async (params) => {
    const document = server.documents.get(params.uri);
    const result = document && (await analysed(params.uri));
    if (!document || !result) return null;
    const answered = answerQuestion(result, params.position, { answer: params.answer, date: params.date, author: params.author });
    return answered ? { uri: params.uri, version: document.version, question: answered.question, edits: answered.edits } : null;
  });

  onRequest(connection, ExportRequest, (params) => exportDocument(server, params));
}

/**
 * The project vocabulary of a document on disk: the file the configuration uses, else
 * `.specready/terms.txt` next to the configuration file (else in the workspace folder).
 */
async function vocabularyOf(server: ServerContext, uri: string): Promise<{ file: string; uri: string; text: string | undefined } | undefined> {
  if (!isFileUri(uri)) return undefined;
  const documentConfig = await server.workspace.configFor(uri);
  const root = documentConfig.configFile ? dirname(documentConfig.configFile) : server.workspace.folderPaths()[0] ?? dirname(fileURLToPath(uri));
  const file = documentConfig.config.projectTerms?.file ?? join(root, DEFAULT_TERMS_FILE);
  return { file, uri: pathToFileURL(file).href, text: await readText(server.host, file) };
}
