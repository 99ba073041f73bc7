/**
 * A strict reader of VS Code's snippet syntax, for the snippet tests: tab stops `$1`, `${1}`,
 * placeholders `${1:default}` (nested), choices `${1|a,b|}`, variables `$NAME` / `${NAME:default}`
 * and the escapes `\$`, `\}`, `\\`. VS Code treats a stray `$` or `}` as text; here it is an
 * error, since in a snippet file it is almost always a forgotten escape.
 */

export interface TabStop {
  index: number;
  kind: 'tabstop' | 'placeholder' | 'choice';
  /** The text it expands to when the user accepts every default. */
  text: string;
  choices?: string[];
}

export interface ExpandedSnippet {
  text: string;
  stops: TabStop[];
}

const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '04', TM_SELECTED_TEXT: '', TM_FILENAME: 'x.spec.md',
};

export function expandSnippet(body: string): ExpandedSnippet {
  const reader = new Reader(body);
  const text = reader.sequence(false);
  if (!reader.done()) throw new Error(`unexpected "${body[reader.position]}" at ${reader.position}`);
  return { text, stops: reader.stops };
}

class Reader {
  position = 0;
  readonly stops: TabStop[] = [];

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.position >= this.source.length;
  }

  /** Text and constructs up to the end, or up to the `}` closing a placeholder. */
  sequence(nested: boolean): string {
    let text = '';
    while (!this.done()) {
      const character = this.source[this.position];
      if (character === '}') {
        if (nested) return text;
        throw new Error(`unescaped "}" at ${this.position}`);
      }
      if (character === '\\') text += this.escape('$}\\');
      else if (character === '$') text += this.construct();
      else { text += character; this.position++; }
    }
    if (nested) throw new Error('placeholder not closed');
    return text;
  }

  private escape(escapable: string): string {
    const next = this.source[this.position + 1];
    this.position += next !== undefined && escapable.includes(next) ? 2 : 1;
    return next !== undefined && escapable.includes(next) ? next : '\\';
  }

  private construct(): string {
    const rest = this.source.slice(this.position);
    const simple = /^\$(\d+|[A-Z_]+)/.exec(rest);
    if (simple) {
      this.position += simple[0].length;
      return this.resolve(simple[1], 'tabstop', '');
    }
    const braced = /^\$\{(\d+|[A-Z_]+)([:|}])/.exec(rest);
    if (!braced) throw new Error(`unescaped "$" at ${this.position}`);
    this.position += braced[0].length;
    const [, name, separator] = braced;
    if (separator === '}') return this.resolve(name, 'tabstop', '');
    if (separator === '|') return this.choice(name);
    const inner = this.sequence(true);
    this.position++; // the closing brace
    return this.resolve(name, 'placeholder', inner);
  }

  private choice(name: string): string {
    if (!/^\d+$/.test(name)) throw new Error(`variable ${name} cannot have choices`);
    const options: string[] = [''];
    for (;;) {
      if (this.done()) throw new Error('choice not closed');
      const character = this.source[this.position];
      if (character === '|' && this.source[this.position + 1] === '}') { this.position += 2; break; }
      if (character === '\\') options[options.length - 1] += this.escape('$}\\,|');
      else if (character === ',') { options.push(''); this.position++; }
      else { options[options.length - 1] += character; this.position++; }
    }
    if (options.length < 2 || options.some((option) => option === '')) throw new Error(`choice $${name} needs two or more non-empty options`);
    this.stops.push({ index: Number(name), kind: 'choice', text: options[0], choices: options });
    return options[0];
  }

  private resolve(name: string, kind: TabStop['kind'], text: string): string {
    if (/^\d+$/.test(name)) {
      // A bare `$1` after `${1:default}` mirrors it.
      const mirrored = kind === 'tabstop' ? this.stops.find((stop) => stop.index === Number(name))?.text ?? '' : text;
      this.stops.push({ index: Number(name), kind, text: mirrored });
      return mirrored;
    }
    if (!(name in VARIABLES)) throw new Error(`unknown variable ${name}`);
    return VARIABLES[name] || text;
  }
}
