import type { Range } from '../model/types';

/** A text replacement in the analysed document (LSP TextEdit shape, without an LSP import). */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same insertion as a snippet with tab stops (`${1:TODO}`), for clients that accept
   * snippet edits in code actions; `newText` is what the snippet expands to untouched.
   */
  snippet?: string;
}

/**
 * A quick fix computed purely from an analysis result; the language server turns it into a
 * CodeAction and the property tests apply it to the text directly.
 */
export interface QuickFix {
  title: string;
  /** The finding it fixes (rule id), or undefined for document-wide actions. */
  rule: string | undefined;
  isPreferred: boolean;
  edits: TextEdit[];
}
