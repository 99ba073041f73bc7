import MarkdownIt from 'markdown-it';

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

const INLINE = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * What a reader sees of a line of inline Markdown, without the markup: emphasis, strikethrough
 * and code marks dropped, a link reduced to its text (an autolink to its address), an image to
 * its alt text, backslash escapes and entities resolved, HTML comments removed. Other HTML is
 * kept as written ("<amount>" is text in a spec). For files that are not Markdown (CSV) and
 * for text that is written into Markdown again (READINESS.md escapes what is left).
 */
export function plainText(markdown: string): string {
  const source = markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  const parts: string[] = [];
  for (const block of INLINE.parseInline(source, {})) {
    for (const token of block.children ?? []) {
      if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'image') parts.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}
