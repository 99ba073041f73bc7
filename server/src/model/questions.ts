/**
 * Who owns an open question and by when it must be decided, read from the question's own text:
 * `@lena`, `owner: @lena` or `(owner lena)` and `due 2026-12-15`, `due: 2026-12-15`,
 * `(due by 2026-12-15)`. Pure: the caller passes today's date.
 */
export interface QuestionMeta {
  owner?: string;
  /** ISO date `YYYY-MM-DD`. */
  due?: string;
  /** True when `due` is before `today`. */
  overdue: boolean;
}

/** `@name` not preceded by a word character (an e-mail address is not an owner). */
const MENTION = /(?<![\w.@/])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_]|[A-Za-z0-9])/;
const OWNER_WORD = /\bowner\s*[:=]?\s*@?([A-Za-z0-9][\w.-]*)/i;
const DUE = /\bdue(?:\s+(?:by|on|date))?\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b/i;

export function questionMeta(text: string, today?: string): QuestionMeta {
  const owner = MENTION.exec(text)?.[1] ?? OWNER_WORD.exec(text)?.[1];
  const dueMatch = DUE.exec(text)?.[1];
  const due = dueMatch && isValidDate(dueMatch) ? dueMatch : undefined;
  const meta: QuestionMeta = { overdue: !!(due && today && due < today) };
  if (owner) meta.owner = owner.replace(/[.-]+$/, '');
  if (due) meta.due = due;
  return meta;
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local calendar date of `now` as `YYYY-MM-DD` (for callers that own the clock). */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
