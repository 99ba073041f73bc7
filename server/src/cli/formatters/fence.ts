/** A Markdown fence longer than any backtick run inside the example. */
export function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}markdown\n${code}\n${ticks}`;
}
