/**
 * Client commands that server results name (code lenses, code actions, view items). The
 * client registers them under these ids; it imports this file through lsp/protocol.ts.
 */

/** Reveals a range in a document: arguments `[uri, range]`. */
export const REVEAL_COMMAND = 'specready.reveal';

/** Behind the "Answer question…" code action: arguments `[uri, position]`. */
export const ANSWER_QUESTION_COMMAND = 'specready.answerQuestion';

/** Behind "Show documentation for <rule>" on every diagnostic: arguments `[ruleId]`. */
export const SHOW_RULE_DOCUMENTATION_COMMAND = 'specready.showRuleDocumentation';
