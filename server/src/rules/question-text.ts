/**
 * Helpers for the questions rules phrase about their findings (`Rule.question`): the question a
 * contractor would otherwise have to ask the team, built from the finding's data.
 */

/** The value as one line of text, or undefined when it is not a non-empty string. */
export function plainText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\s+/g, ' ') : undefined;
}

/** The phrasing of the value when it is text, else undefined (then the caller's fallback asks). */
export function withText(value: unknown, phrase: (value: string) => string): string | undefined {
  const written = plainText(value);
  return written === undefined ? undefined : phrase(written);
}

export function shortened(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 3).trimEnd()}...` : value;
}

/** "state a latency target, e.g. p95 < 200 ms" -> "Give a latency target, e.g. p95 < 200 ms." */
export function asInstruction(hint: string): string {
  const imperative = hint.trim().replace(/^state (?=(?:a|an|the) )/i, 'give ');
  return `${imperative.charAt(0).toUpperCase()}${imperative.slice(1)}`.replace(/[.!]?$/, '.');
}
