import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SuppressionsFiles } from '../fs/suppressions-file';
import type { Host } from '../host/host';
import type { AnalysisService, DocumentAnalysis, DocumentSnapshot } from './analysis';
import type { Workspace } from './workspace';

/**
 * What the handlers wired to the connection (handlers.ts, the diagnostics publishers, the
 * Specs view index) need from the server. The session implements it; the handlers import only
 * this interface, so the session and the modules it wires do not import each other.
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly analysis: AnalysisService;
  readonly host: Host;
  /** specready-suppressions.json files, for showing the findings they record as hints. */
  readonly suppressions: SuppressionsFiles;
  /** The client accepts snippet edits (tab stops) in code action workspace edits (LSP 3.18). */
  readonly supportsSnippetEdits: boolean;
  /** The client can create a file in a workspace edit. */
  readonly supportsFileCreation: boolean;
  /** Analyses the current version of a document, or undefined when it is not a spec. */
  analyse(snapshot: DocumentSnapshot, options?: { cache: boolean }): Promise<DocumentAnalysis | undefined>;
  /** Analysis of an open document's current version (the cached one when up to date). */
  analyseOpen(uri: string): Promise<DocumentAnalysis | undefined>;
  /** Whether the open document's current text waits for a save before it is checked (`specready.run: onSave`). */
  unsaved(uri: string): Promise<boolean>;
  forgetReadiness(uri: string): void;
}

export function snapshotOf(document: TextDocument): DocumentSnapshot {
  return { uri: document.uri, version: document.version, text: document.getText() };
}
