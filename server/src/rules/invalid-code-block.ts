import { parseAllDocuments } from 'yaml';
import { codeBlockPosition } from '../model/text';
import type { CodeBlock, SpecModel } from '../model/types';
import type { RawFinding, Rule } from './types';

/** A syntax error inside a block's content: offsets index `CodeBlock.content`. */
interface BlockError {
  offset: number;
  length: number;
  message: string;
}

const JSON_LANGUAGES = new Set(['json']);
const YAML_LANGUAGES = new Set(['yaml', 'yml']);

export const invalidCodeBlock: Rule = {
  id: 'invalid-code-block',
  defaultSeverity: 'error',
  dimension: 'contract',
  scoreRole: 'integrity',
  docs: {
    description: 'JSON or YAML code blocks that do not parse.',
    summary: 'Reports fenced `json` and `yaml` blocks that do not parse, at the position of the syntax error.',
    rationale:
      'Examples are the part of a spec a contractor copies into code, fixtures and tests. An example that does not ' +
      'parse is either wrong or incomplete, and the contractor has to guess which. `...` ellipses and `//` comments ' +
      'are reported too: write a complete example, or label the block `jsonc`/`json5`/`text` (those are not checked) ' +
      'when it is deliberately not valid JSON. Several YAML documents separated by `---` are fine, and so are JSON Lines.',
    bad: '```json\n{\n  "id": "ord_123",\n  "items": [...],\n}\n```',
    good: '```json\n{\n  "id": "ord_123",\n  "items": [{ "sku": "A-1", "quantity": 2 }]\n}\n```',
    sources: ['RFC 8259 (JSON)', 'YAML 1.2'],
  },
  check(model: SpecModel): RawFinding[] {
    const findings: RawFinding[] = [];
    for (const block of model.codeBlocks) {
      if (!block.fenced || block.content.trim() === '') continue;
      const kind = JSON_LANGUAGES.has(block.language) ? 'JSON' : YAML_LANGUAGES.has(block.language) ? 'YAML' : undefined;
      if (!kind) continue;
      const error = kind === 'JSON' ? jsonError(block.content) : yamlError(block.content);
      if (error) findings.push(toFinding(model, block, kind, error));
    }
    return findings;
  },
};

function toFinding(model: SpecModel, block: CodeBlock, kind: string, error: BlockError): RawFinding {
  const start = codeBlockPosition(model, block, error.offset);
  const end = codeBlockPosition(model, block, error.offset + error.length);
  return {
    message: `Invalid ${kind} in code block: ${error.message}`,
    range: { start, end: end.line === start.line ? end : { line: start.line, character: start.character + 1 } },
    data: { language: block.language },
  };
}

function yamlError(content: string): BlockError | undefined {
  const documents = parseAllDocuments(content, { prettyErrors: false });
  if (!Array.isArray(documents)) return undefined;
  const error = documents.flatMap((document) => document.errors)[0];
  if (!error) return undefined;
  const offset = errorOffset(content, error.pos[0]);
  const lineStart = content.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = content.indexOf('\n', offset);
  const line = content.slice(lineStart, lineEnd === -1 ? content.length : lineEnd);
  // YAML reports where the structure broke; an elision on that line is the usual cause.
  const ellipsis = /(?:^|\s)(\.\.\.|…)(?=\s|$)/.exec(line);
  if (ellipsis) {
    return {
      offset: lineStart + ellipsis.index + ellipsis[0].length - ellipsis[1].length,
      length: ellipsis[1].length,
      message: `${error.message}. The \`...\` elides content: show a complete example, or mark omitted parts with a \`# ...\` comment.`,
    };
  }
  // YAML often points at one character or at indentation; underline the whole token there.
  const token = /^([ \t]*)(\S+)/.exec(line.slice(offset - lineStart));
  const length = error.pos[1] - error.pos[0];
  if (!token || length > 1) return { offset, length: Math.max(1, length), message: `${error.message}.` };
  return { offset: offset + token[1].length, length: token[2].length, message: `${error.message}.` };
}

/**
 * An error at the end of the input ("never closed") is reported on the last token, where the
 * reader can see it, rather than on the invisible line break after it.
 */
function errorOffset(content: string, offset: number): number {
  if (content.slice(offset).trim() !== '') return offset;
  const end = content.trimEnd().length;
  const tokenStart = content.slice(0, end).search(/\S+$/);
  return Math.max(0, tokenStart);
}

/**
 * JSON.parse is the fast path; the scanner explains and locates the error, because V8's
 * messages often carry no position ("Unexpected token '}', ... is not valid JSON"). Several
 * values in one block (JSON Lines, an event stream) are accepted when each value is valid.
 */
function jsonError(content: string): BlockError | undefined {
  try {
    JSON.parse(content);
    return undefined;
  } catch {
    return new JsonScanner(content).firstError();
  }
}

class JsonSyntaxError extends Error {
  constructor(readonly offset: number, readonly length: number, message: string) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

/** A strict RFC 8259 recogniser that reports the first error with an explanation. */
class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  firstError(): BlockError | undefined {
    try {
      do {
        this.value();
        this.skipWhitespace();
      } while (this.pos < this.text.length);
      return undefined;
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      return { offset: error.offset, length: error.length, message: error.message };
    }
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    const word = this.wordAt();
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos += word.length;
      return;
    }
    this.invalidToken('a value');
  }

  private object(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.invalidToken('a double-quoted property name');
      this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.invalidToken("':' after the property name");
      this.pos++;
      this.value();
      if (this.separatorOrEnd('}')) return;
    }
  }

  private array(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      if (this.separatorOrEnd(']')) return;
    }
  }

  /** After a member: `,` continues (unless a trailing comma), the closing bracket ends. */
  private separatorOrEnd(close: '}' | ']'): boolean {
    this.skipWhitespace();
    const char = this.text[this.pos];
    if (char === close) {
      this.pos++;
      return true;
    }
    if (char !== ',') this.invalidToken(`',' or '${close}'`);
    const comma = this.pos;
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === close) {
      this.pos = comma;
      this.fail(1, `trailing comma before '${close}' is not allowed in JSON.`);
    }
    return false;
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char === '\\') {
        this.escape();
        continue;
      }
      if (char < ' ') {
        // Underline the string up to the break: the break itself is invisible.
        const length = this.pos - start;
        this.pos = start;
        this.fail(length, 'line breaks and control characters must be escaped inside JSON strings (is a closing quote missing?).');
      }
      this.pos++;
    }
    this.pos = start;
    this.fail(1, 'the string is never closed.');
  }

  private escape(): void {
    const next = this.text[this.pos + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6;
    } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
      this.pos += 2;
    } else {
      this.fail(2, 'invalid escape sequence in a JSON string.');
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match || match[0] === '-') this.fail(1, 'invalid number.');
    this.pos += match[0].length;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
    const two = this.text.slice(this.pos, this.pos + 2);
    if (two === '//' || two === '/*') {
      const end = this.text.indexOf('\n', this.pos);
      this.fail((end === -1 ? this.text.length : end) - this.pos, 'JSON does not allow comments; move the explanation out of the block, or label it `jsonc` if comments are intended.');
    }
  }

  /** Explains the token at the current position, which is not what `expected` asked for. */
  private invalidToken(expected: string): never {
    const rest = this.text.slice(this.pos);
    if (rest === '' || /^\s*$/.test(rest)) {
      this.pos = this.text.trimEnd().length - 1;
      this.fail(1, `the JSON ends before it is complete (expected ${expected}); check for missing closing brackets.`);
    }
    if (rest.startsWith('...') || rest.startsWith('…')) {
      this.fail(rest.startsWith('…') ? 1 : 3, 'the `...` elides content, so the example cannot be copied as is: show a complete example, or label the block `jsonc`/`text`.');
    }
    if (rest[0] === "'") this.fail(1, 'JSON strings and property names need double quotes.');
    const word = this.wordAt();
    if (word) {
      this.fail(word.length, expected === 'a value'
        ? `"${word}" is not a JSON value (use a string, number, true, false or null).`
        : `expected ${expected}, found "${word}" (property names need double quotes).`);
    }
    this.fail(1, `expected ${expected}, found "${rest[0]}".`);
  }

  private wordAt(): string | undefined {
    WORD.lastIndex = this.pos;
    return WORD.exec(this.text)?.[0];
  }

  private fail(length: number, message: string): never {
    throw new JsonSyntaxError(this.pos, Math.max(1, length), message);
  }
}
