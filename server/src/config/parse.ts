/**
 * Parsing and validation of configuration text, without I/O, so that the CLI and the language
 * server (which also lints the config file being edited) share it.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { computeLineStarts, positionAt } from '../model/text';
import { normalizeHeading } from '../sections/catalog';
import { resolveProfile, UnknownProfileError } from '../sections/profiles';
import { ConfigError } from './errors';
import { findJsonSyntaxError } from './json-syntax';
import { isPlainObject, validateSchema, type PathSegment } from './schema';
import type { SpecReadyConfig } from './types';

export interface ParsedConfig {
  /** Undefined when there are errors: a half-valid configuration is never used. */
  config?: SpecReadyConfig;
  errors: ConfigError[];
}

type OffsetRange = [number, number];

/** Parses `.specready.json` (strict JSON) or YAML (any other name) and validates it. */
export function parseConfigText(text: string, fileName: string): ParsedConfig {
  const source = new ConfigSource(text.replace(/^\uFEFF/, ' '), fileName);
  const value = source.parse();
  if (source.errors.length > 0) return { errors: source.errors };
  source.validate(value ?? {});
  return source.errors.length > 0 ? { errors: source.errors } : { config: (value ?? {}), errors: [] };
}

class ConfigSource {
  readonly errors: ConfigError[] = [];
  private readonly lines: { text: string; lineStarts: number[] };
  private document: Document | undefined;

  constructor(private readonly text: string, private readonly fileName: string) {
    this.lines = { text, lineStarts: computeLineStarts(text) };
  }

  parse(): unknown {
    const json = /\.json$/i.test(this.fileName);
    if (json) {
      const syntax = findJsonSyntaxError(this.text);
      if (syntax) {
        this.error(syntax.message, [syntax.offset, syntax.offset + 1]);
        return undefined;
      }
    }
    // Valid JSON has no raw tabs inside strings, so turning tabs into spaces keeps every
    // offset and lets YAML (which forbids tab indentation) locate nodes in tab-indented JSON.
    const yamlText = json ? this.text.replace(/\t/g, ' ') : this.text;
    this.document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    for (const error of this.document.errors) this.error(yamlMessage(error), error.pos);
    if (this.errors.length > 0) return undefined;
    this.checkDuplicateKeys(this.document.contents);
    return json ? JSON.parse(this.text) : this.document.toJS();
  }

  validate(value: unknown): void {
    if (!isPlainObject(value)) {
      this.error('the configuration must be a mapping of keys to values', this.rangeOf([], 'value'));
      return;
    }
    for (const violation of validateSchema(value)) {
      this.error(violation.message, this.rangeOf(violation.path, violation.on));
    }
    if (this.errors.length === 0) this.checkSemantics(value);
  }

  /** Checks the schema cannot express: profile names and extends chains, id pattern sanity. */
  private checkSemantics(config: SpecReadyConfig): void {
    const custom = config.profiles ?? {};
    for (const [name, profile] of Object.entries(custom)) {
      const problem = profileProblem(name, custom);
      const at = profile.extends !== undefined ? ['profiles', name, 'extends'] : ['profiles', name];
      if (problem) this.error(problem, this.rangeOf(at, 'value'));
    }
    if (config.profile !== undefined) {
      const problem = profileProblem(config.profile, custom);
      if (problem) this.error(problem, this.rangeOf(['profile'], 'value'));
    }
    this.checkAliasConflicts(config.aliases ?? {});
    if (config.idPattern !== undefined && new RegExp(config.idPattern).test('')) {
      this.error('"idPattern" matches the empty string, so it would match everywhere', this.rangeOf(['idPattern'], 'value'));
    }
  }

  /**
   * Two configured aliases that name the same heading (after normalisation: case, numbering,
   * punctuation) for different sections cannot both hold. Against built-in aliases a configured
   * one simply wins, so only configured pairs are errors.
   */
  private checkAliasConflicts(aliases: Record<string, string[]>): void {
    const seen = new Map<string, { id: string; alias: string }>();
    for (const [id, list] of Object.entries(aliases)) {
      list.forEach((alias, index) => {
        const key = normalizeHeading(alias);
        const first = seen.get(key);
        if (!first) seen.set(key, { id, alias });
        else if (first.id !== id) {
          this.error(`aliases "${first.alias}" (for ${first.id}) and "${alias}" (for ${id}) name the same heading; keep one of them`,
            this.rangeOf(['aliases', id, index], 'value'));
        }
      });
    }
  }

  private checkDuplicateKeys(node: unknown): void {
    if (isSeq(node)) node.items.forEach((item) => this.checkDuplicateKeys(item));
    if (!isMap(node)) return;
    const seen = new Map<unknown, Pair>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const first = seen.get(key);
      if (first) {
        const line = this.position(nodeRange(first.key)?.[0] ?? 0).line;
        this.error(`duplicate key "${String(key)}" (first defined on line ${line})`, nodeRange(pair.key) ?? [0, 0]);
      } else {
        seen.set(key, pair);
      }
      this.checkDuplicateKeys(pair.value);
    }
  }

  /**
   * Where a schema path is in the text: the key for unknown keys and for values that are
   * collections (which start on the next line), the value itself for scalars.
   */
  private rangeOf(path: PathSegment[], on: 'key' | 'value'): OffsetRange {
    const whole = nodeRange(this.document?.contents) ?? [0, 0];
    if (path.length === 0 || !this.document) return whole;
    const parent = path.length === 1 ? this.document.contents : this.document.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isSeq(parent) && typeof last === 'number') return nodeRange(parent.items[last]) ?? whole;
    if (!isMap(parent)) return whole;
    const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === last);
    const keyRange = nodeRange(pair?.key);
    const valueRange = isScalar(pair?.value) ? nodeRange(pair?.value) : undefined;
    return (on === 'value' ? valueRange ?? keyRange : keyRange) ?? whole;
  }

  private error(message: string, [start, end]: OffsetRange | [number, number, ...number[]]): void {
    if (this.errors.some((error) => error.message === message)) return;
    const from = this.position(start);
    const to = this.position(Math.max(end, start));
    this.errors.push(new ConfigError(message, {
      file: this.fileName, line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
    }));
  }

  /** 1-based line and column (UTF-16 code units) of an offset. */
  private position(offset: number): { line: number; column: number } {
    const { line, character } = positionAt(this.lines, offset);
    return { line: line + 1, column: character + 1 };
  }
}

function profileProblem(name: string, custom: NonNullable<SpecReadyConfig['profiles']>): string | undefined {
  try {
    resolveProfile(name, custom);
    return undefined;
  } catch (error) {
    if (error instanceof UnknownProfileError) return error.message;
    throw error;
  }
}

function nodeRange(node: unknown): OffsetRange | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** The yaml library's message in the product's words where it speaks of its own API. */
function yamlMessage(error: { code?: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS') {
    return 'the file holds more than one YAML document (a second "---" line); a configuration is one mapping of keys to values';
  }
  return firstLine(error.message);
}

/** yaml's messages may carry "at line N, column M:" and a code excerpt; we add our own position. */
function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end < 0 ? message : message.slice(0, end)).replace(/ at line \d+, column \d+:?$/, '').trim();
}
