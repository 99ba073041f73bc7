/**
 * The first syntax error of a strict JSON text (RFC 8259), found with jsonc-parser and described
 * as a problem with its exact offset, for callers that word their own messages (configuration
 * files, JSON code blocks). `JSON.parse` reports a position only for some errors, and its wording
 * changes between V8 versions.
 *
 * jsonc-parser reports where its parser stopped; this layer turns that into what a reader needs:
 * the comma of a trailing comma, the character of a bad escape or a raw control character inside
 * a string, the start of a malformed number, what was expected and whether the input ended.
 */
import { printParseErrorCode, visit, type JSONVisitor, type ParseErrorCode } from 'jsonc-parser';

/** What the parser expected where it found something else. */
export type JsonExpectation = 'value' | 'property-name' | 'colon' | 'comma-or-close' | 'end';

export type JsonProblem =
  | { kind: 'comment'; offset: number }
  | { kind: 'trailing-comma'; offset: number; close: '}' | ']' }
  /** A string cut by a line break (`offset` is its opening quote, `end` the break). */
  | { kind: 'line-break-in-string'; offset: number; end: number }
  /** A string still open at the end of the input (`offset` is its opening quote). */
  | { kind: 'unclosed-string'; offset: number }
  | { kind: 'control-character'; offset: number; stringStart: number }
  | { kind: 'invalid-escape'; offset: number }
  | { kind: 'invalid-number'; offset: number }
  /**
   * Something other than `expected` at `offset`; `offset` is the input's length when it ended
   * early. `close` is the bracket that would end the innermost open object or list.
   */
  | { kind: 'unexpected'; offset: number; expected: JsonExpectation; close?: '}' | ']' };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The first problem of one JSON value in `text`, or undefined when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  return new ProblemFinder(text).run();
}

/** The first problem of a sequence of JSON values separated by white space (JSON Lines, event streams). */
export function findJsonSequenceProblem(text: string): JsonProblem | undefined {
  let base = 0;
  while (base < text.length) {
    const rest = text.slice(base);
    if (rest.trim() === '') return undefined;
    const problem = findJsonProblem(rest);
    if (!problem) return undefined;
    if (problem.kind === 'unexpected' && problem.expected === 'end') {
      base += problem.offset;
      continue;
    }
    return shifted(problem, base);
  }
  return undefined;
}

/** The problem with its offsets moved by `by` characters. */
function shifted(problem: JsonProblem, by: number): JsonProblem {
  const moved = { ...problem, offset: problem.offset + by };
  if (moved.kind === 'control-character') moved.stringStart += by;
  if (moved.kind === 'line-break-in-string') moved.end += by;
  return moved;
}

class ProblemFinder {
  private readonly closers: Array<'}' | ']'> = [];
  private expected: JsonExpectation = 'value';
  private lastComma = -1;
  private lastNumberEnd = -1;
  private problem: JsonProblem | undefined;

  constructor(private readonly text: string) {}

  run(): JsonProblem | undefined {
    const visitor: JSONVisitor = {
      onObjectBegin: () => this.open('}', 'property-name'),
      onArrayBegin: () => this.open(']', 'value'),
      onObjectEnd: () => this.close(),
      onArrayEnd: () => this.close(),
      onObjectProperty: () => { this.expected = 'colon'; },
      onLiteralValue: (value: unknown, offset: number, length: number) => {
        if (typeof value === 'number') this.lastNumberEnd = offset + length;
        this.afterValue();
      },
      onSeparator: (separator: string, offset: number) => {
        if (separator === ',') {
          this.lastComma = offset;
          this.expected = this.closers.at(-1) === '}' ? 'property-name' : 'value';
        } else {
          this.expected = 'value';
        }
      },
      onError: (error: ParseErrorCode, offset: number, length: number) => {
        this.problem ??= this.describe(error, offset, length);
      },
    };
    visit(this.text, visitor, STRICT);
    return this.problem;
  }

  private open(close: '}' | ']', expected: JsonExpectation): void {
    this.closers.push(close);
    this.expected = expected;
  }

  private close(): void {
    if (this.problem) return;
    this.closers.pop();
    this.afterValue();
  }

  private afterValue(): void {
    this.expected = this.closers.length === 0 ? 'end' : 'comma-or-close';
  }

  private describe(error: ParseErrorCode, offset: number, length: number): JsonProblem {
    // jsonc-parser's codes are ambient const enums; their names are the stable interface.
    const code = printParseErrorCode(error);
    switch (code) {
      case 'InvalidCommentToken':
        return { kind: 'comment', offset };
      case 'InvalidEscapeCharacter':
      case 'InvalidUnicode':
        return { kind: 'invalid-escape', offset: firstInvalidEscape(this.text, offset) };
      case 'InvalidCharacter':
        return { kind: 'control-character', offset: firstControlCharacter(this.text, offset + 1), stringStart: offset };
      case 'UnexpectedEndOfString': {
        const end = offset + length;
        return end < this.text.length ? { kind: 'line-break-in-string', offset, end } : { kind: 'unclosed-string', offset };
      }
      case 'UnexpectedEndOfNumber':
      case 'InvalidNumberFormat':
        return { kind: 'invalid-number', offset };
      case 'CloseBraceExpected':
      case 'CloseBracketExpected':
        return { kind: 'unexpected', offset, expected: 'comma-or-close', close: code === 'CloseBraceExpected' ? '}' : ']' };
      case 'EndOfFileExpected':
        return { kind: 'unexpected', offset, expected: 'end' };
      default:
        return this.unexpected(offset);
    }
  }

  private unexpected(offset: number): JsonProblem {
    const close = this.closers.at(-1);
    const found = this.text[offset];
    // A number run into letters or digits ("01", "1x", "0x1f") is one malformed number.
    if (offset === this.lastNumberEnd && found !== undefined && /[\w.]/.test(found)) {
      return { kind: 'invalid-number', offset: this.text.slice(0, offset).search(/-?[\d.]+$/) };
    }
    if (/^-(?!\d)/.test(this.text.slice(offset))) return { kind: 'invalid-number', offset };
    const closingAfterComma = close !== undefined && found === close && this.lastComma >= 0
      && this.text.slice(this.lastComma + 1, offset).trim() === '' && (this.expected === 'value' || this.expected === 'property-name');
    if (closingAfterComma) return { kind: 'trailing-comma', offset: this.lastComma, close };
    return { kind: 'unexpected', offset, expected: this.expected, ...(close ? { close } : {}) };
  }
}

function firstInvalidEscape(text: string, stringStart: number): number {
  const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}|([^]?))/g;
  escape.lastIndex = stringStart + 1;
  for (let match = escape.exec(text); match; match = escape.exec(text)) {
    if (match[1] !== undefined) return match.index;
  }
  return stringStart;
}

function firstControlCharacter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return i;
  return from;
}
