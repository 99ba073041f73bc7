/**
 * Record shapes written inline: a code span that lists a record's members, each with its type,
 * as TypeScript, JSON Schema shorthand and API references write a request body, a message or a
 * row (`{customer_id: string, kind: "shipping" | "billing", line2: string | null}`). Such a span
 * declares data: each member is a field with a type. An object of values (`{ priority: 10,
 * name: "a.example" }`, `{enabled: true}`) is an example, not a declaration.
 *
 * Pure: text in, members out.
 */

/** Words that give a field its type or format. "a date" and "the amount" alone do not. */
export const TYPE_WORDS = new RegExp('\\b(?:' + [
  'strings?', 'str', 'text', 'varchar\\w*', 'char', 'integers?', 'int(?:8|16|32|64)?', 'u?int\\d*', 'bigint', 'smallint', 'long', 'short',
  'numbers?', 'numeric', 'decimal', 'float\\w*', 'double', 'bool(?:ean)?', 'true', 'false', 'date-?times?', 'timestamps?(?:tz)?',
  'uuid\\w*', 'guid', 'ulid', 'enum\\w*', 'arrays?', 'lists? of', 'sets? of', 'maps?', 'objects?', 'dict\\w*', 'json', 'bytes?',
  'binary', 'base64', 'blob', 'iso[ -]?8601', 'rfc ?\\d+', 'e\\.164', 'unix', 'epoch', 'seconds', 'milliseconds', 'ms',
  'minor units?', 'cents', 'iso[ -]?4217', 'iso[ -]?3166\\w*', 'currency codes?', 'email(?: address)?', 'urls?', 'uris?', 'hostname',
  'ipv[46]', 'ip address', 'cidr', 'regex', 'pattern', 'yyyy[-\\w]*', 'hh:mm\\w*', 'one of', 'null(?:able)?', 'semver', 'hex',
  'sha-?\\d+', 'percent(?:age)?', 'ratio', 'counts?', 'duration', 'bits?', 'kb', 'mb', 'gb', 'utc', 'locale', 'bcp ?47', 'jwt', 'tokens?',
  'struct', 'record', 'tuple', 'optional<', 'vec<', 'option<', 'id of', 'references?', 'foreign key',
].join('|') + ')\\b', 'i');

export interface RecordMember {
  name: string;
  /** The type as written ("string | null", "RFC 3339 timestamp", `"created" | "duplicate"`). */
  type: string;
  /** Where the name starts, from the start of the code span's text. */
  index: number;
}

const MEMBER = /^(\s*)["']?([A-Za-z_$][\w$-]*)["']?\??[ \t]*:\s*([\s\S]+?)\s*$/;
/** A union of quoted literals (`"shipping" | "billing"`): an enumerated type, not one example value. */
const LITERAL_UNION = /^(?:"[^"]*"|'[^']*')(?:\s*\|\s*(?:"[^"]*"|'[^']*'|null))+$/;
/** A value, not a type: a number, a boolean, null, one quoted string. */
const VALUE = /^(?:-?\d|true\b|false\b|null\b|"[^"]*"$|'[^']*'$)/i;

/**
 * The members of a record shape written in a code span, or undefined when the span is not one:
 * it must be braces around two or more `name: type` members, each typed (a type word first, a
 * type name, a nested record or list, or a union of literals).
 */
export function recordMembers(code: string): RecordMember[] | undefined {
  const trimmed = code.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}') || !trimmed.includes(':')) return undefined;
  const offset = code.indexOf('{') + 1;
  const members: RecordMember[] = [];
  for (const piece of topLevelPieces(code.slice(offset, code.lastIndexOf('}')))) {
    const match = MEMBER.exec(piece.text);
    if (!match) return undefined;
    const [, lead = '', name = '', type = ''] = match;
    if (!isType(type)) return undefined;
    members.push({ name, type, index: offset + piece.start + lead.length + (piece.text.slice(lead.length).startsWith(name) ? 0 : 1) });
  }
  return members.length >= 2 ? members : undefined;
}

function isType(type: string): boolean {
  if (LITERAL_UNION.test(type)) return true;
  if (VALUE.test(type)) return false;
  if (/^[[{]/.test(type)) return true;
  // A type name (`Money`, `Address[]`) or a type word first ("string (ISO 3166-1 alpha-2)", "RFC 3339 timestamp").
  return /^[A-Z][A-Za-z0-9]*(?:<[^>]*>)?(?:\[\])?(?:\s*\|\s*\w+)*$/.test(type) || TYPE_WORDS.exec(type)?.index === 0;
}

/** The text split at commas outside brackets, braces, parentheses, angle brackets and quotes. */
function topLevelPieces(text: string): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ('{[(<'.includes(char)) depth++;
    else if ('}])>'.includes(char)) depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      pieces.push({ text: text.slice(start, index), start });
      start = index + 1;
    }
  }
  if (text.slice(start).trim() !== '') pieces.push({ text: text.slice(start), start });
  return pieces;
}

/**
 * What a field's or a flag's name says it holds, when that settles its type: a name
 * (`SourcePVCName`, `display_name`, `namespace`: text), a URL (`callback_url`, `prometheusUrl`),
 * a count (`retry_count`, `numWorkers`: a whole number) or a flag (`is_active`, `hasChildren`,
 * `cache_enabled`: true or false). Each of these has one representation. An id (UUID, integer or
 * prefixed string?), a time (RFC 3339 or epoch seconds?), an amount (minor units?) or a status
 * (which values?) has several, so its name says what it is but not its format, and the format
 * stays a question. Undefined when the name settles nothing.
 */
export function typeByName(name: string): string | undefined {
  const words = (name.replace(/^-+/, '').match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((word) => word.toLowerCase());
  const head = words[words.length - 1];
  const first = words[0];
  if (head === undefined || first === undefined) return undefined;
  if (/^(?:(?:host|user|file|path|nick|sur|display|full)?names?|namespaces?)$/.test(head)) return 'a name (text), as its name says';
  if (/^(?:urls?|uris?|hrefs?)$/.test(head)) return 'a URL, as its name says';
  if (/^counts?$/.test(head) || (words.length > 1 && /^(?:num|number)$/.test(first))) return 'a count (a whole number), as its name says';
  if ((words.length > 1 && /^(?:is|has|can|should|allow|enable|disable)$/.test(first)) || /^(?:enabled|disabled)$/.test(head)) return 'a flag (true or false), as its name says';
  return undefined;
}
