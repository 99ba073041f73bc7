/**
 * Finds the first syntax error in a JSON text with its offset. `JSON.parse` reports a position
 * only for some errors (Node 20 says `Unexpected token '}', "..." is not valid JSON` without
 * one), and its wording changes between V8 versions; configuration errors need a stable
 * message and an exact line and column.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    const scanner = new Scanner(text);
    scanner.skipWhitespace();
    scanner.value();
    scanner.skipWhitespace();
    if (!scanner.atEnd()) scanner.fail('unexpected content after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class ScanError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string, offset = this.pos): never {
    throw new ScanError(message, offset);
  }

  skipWhitespace(): void {
    while (/[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++;
    if (this.text.startsWith('//', this.pos) || this.text.startsWith('/*', this.pos)) {
      this.fail('comments are not allowed in JSON');
    }
  }

  value(): void {
    const char = this.text[this.pos];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.unexpected('a value');
  }

  object(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.eat('}')) return;
    for (;;) {
      if (this.text[this.pos] !== '"') {
        this.unexpected('a property name in double quotes');
      }
      this.string();
      this.skipWhitespace();
      if (!this.eat(':')) this.unexpected("':' after the property name");
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      if (this.eat('}')) return;
      const comma = this.pos;
      if (!this.eat(',')) this.unexpected("',' or '}' after the property value");
      this.skipWhitespace();
      if (this.text[this.pos] === '}') this.fail('trailing comma before \'}\' is not allowed in JSON', comma);
    }
  }

  array(): void {
    this.pos++;
    this.skipWhitespace();
    if (this.eat(']')) return;
    for (;;) {
      this.value();
      this.skipWhitespace();
      if (this.eat(']')) return;
      const comma = this.pos;
      if (!this.eat(',')) this.unexpected("',' or ']' after the list item");
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('trailing comma before \']\' is not allowed in JSON', comma);
    }
  }

  string(): void {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined || char === '\n' || char === '\r') this.fail('unterminated string', start);
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char === '\\') {
        ESCAPE.lastIndex = this.pos;
        if (!ESCAPE.test(this.text)) this.fail('invalid escape sequence in string');
        this.pos = ESCAPE.lastIndex;
      } else if (char < ' ') {
        this.fail('control character in string (escape it, e.g. \\t)');
      } else {
        this.pos++;
      }
    }
  }

  number(): void {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match || /[\w.]/.test(this.text[this.pos + match[0].length] ?? '')) this.fail('invalid number');
    this.pos += match[0].length;
  }

  eat(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  unexpected(expected: string): never {
    if (this.atEnd()) this.fail(`unexpected end of file, expected ${expected}`);
    const found = /^[\w$]+/.exec(this.text.slice(this.pos))?.[0] ?? this.text[this.pos];
    this.fail(`expected ${expected}, found ${JSON.stringify(found)}`);
  }
}
