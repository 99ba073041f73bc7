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
  /**
   * The fix inserts holes for the author to fill (tab stops in snippet-capable clients): apply it
   * one at a time, never in a batch "fix all". Set by `quickFixesFor`; fixes without holes are
   * complete edits that are safe to apply together.
   */
  hasHoles?: boolean;
}
