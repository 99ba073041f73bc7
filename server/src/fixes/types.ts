import type { Range } from '../model/types';

/** A text replacement in the analysed document (LSP TextEdit shape, without an LSP import). */
export interface TextEdit {
  range: Range;
  newText: string;
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
