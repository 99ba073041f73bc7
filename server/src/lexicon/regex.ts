/** `(?:a|b|c)`: a non-capturing group of alternatives, so long word lists stay readable. */
export function oneOf(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}
