/**
 * Text from the spec (titles, phrases, quoted criteria) written into the bundle's own Markdown
 * files: escaped so that it reads as written and cannot turn into markup, links or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    // Always markup: backslash, code, emphasis, links, tables, strikethrough.
    .replace(/[\\`*[\]|~]/g, (char) => `\\${char}`)
    // Only at a word boundary: "amount_exceeds_balance" stays readable.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    // Only where it could open a tag or autolink, or start an entity: "p95 < 200 ms" stays.
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

/** An inline code span that shows `text` verbatim, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text.replace(/\s+/g, ' ')}${padding}${fence}`;
}
