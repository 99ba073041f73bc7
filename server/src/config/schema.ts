/**
 * A validator for the subset of JSON Schema draft-07 that schemas/specready.schema.json uses.
 *
 * Why not ajv: it would add ~120 KB minified to each bundle (CLI and language server) and
 * compiles schemas with `new Function`, while the config schema needs ten keywords. Interpreting
 * the shipped schema (rather than hand-coding the checks) keeps one source of truth for editors
 * and for SpecReady, and lets the messages speak the user's language ("unknown key "x"; did you
 * mean ...") with a path that is mapped back to a line in the file.
 *
 * Supported: $ref (local #/definitions), type, enum, anyOf, properties, additionalProperties,
 * required, items, minimum, maximum, minLength, format "regex". Annotation keywords are ignored.
 */
import schemaJson from '../../../schemas/specready.schema.json';
import { closestMatch } from './suggest';

export interface JsonSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  format?: string;
  definitions?: Record<string, JsonSchema>;
  description?: string;
}

export const CONFIG_SCHEMA = schemaJson as unknown as JsonSchema;

export type PathSegment = string | number;

export interface SchemaViolation {
  path: PathSegment[];
  message: string;
  /** Whether the problem is the key itself (unknown key) or the value under it. */
  on: 'key' | 'value';
}

export function validateSchema(value: unknown, schema: JsonSchema = CONFIG_SCHEMA): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  new Validator(schema, violations).check(value, schema, []);
  return violations;
}

class Validator {
  constructor(private readonly root: JsonSchema, private readonly out: SchemaViolation[]) {}

  check(value: unknown, schema: JsonSchema, path: PathSegment[]): void {
    const resolved = this.resolve(schema);
    if (resolved.anyOf) {
      this.checkAnyOf(value, resolved.anyOf, path);
      return;
    }
    if (resolved.type && !hasType(value, resolved.type)) {
      this.report(path, `${describePath(path)} must be ${article(resolved.type)}, not ${describeValue(value)}`);
      return;
    }
    if (resolved.enum && !resolved.enum.includes(value)) {
      this.report(path, enumMessage(value, resolved.enum, path));
      return;
    }
    if (typeof value === 'string') this.checkString(value, resolved, path);
    if (typeof value === 'number') this.checkNumber(value, resolved, path);
    if (Array.isArray(value) && resolved.items) {
      value.forEach((item, index) => this.check(item, resolved.items as JsonSchema, [...path, index]));
    }
    if (isPlainObject(value)) this.checkObject(value, resolved, path);
  }

  resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? this.root.definitions?.[name] : undefined;
    if (!target) throw new Error(`unsupported $ref ${schema.$ref}`);
    // Annotations next to a $ref (a description) do not change validation.
    return this.resolve(target);
  }

  /** Reports the errors of the branch the value was evidently meant for (same type), if any. */
  checkAnyOf(value: unknown, branches: JsonSchema[], path: PathSegment[]): void {
    const attempts = branches.map((branch) => validateBranch(value, this.resolve(branch), this.root, path));
    if (attempts.some((errors) => errors.length === 0)) return;
    const sameType = branches.map((branch) => this.resolve(branch)).filter((branch) => branch.type && hasType(value, branch.type));
    if (sameType.length === 1) {
      this.out.push(...validateBranch(value, sameType[0], this.root, path));
      return;
    }
    const types = branches.map((branch) => article(this.resolve(branch).type ?? 'value'));
    this.report(path, `${describePath(path)} must be ${types.join(' or ')}, not ${describeValue(value)}`);
  }

  checkString(value: string, schema: JsonSchema, path: PathSegment[]): void {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      this.report(path, schema.minLength === 1
        ? `${describePath(path)} must not be empty`
        : `${describePath(path)} must be at least ${schema.minLength} characters long`);
      return;
    }
    if (schema.format === 'regex') {
      const problem = regexProblem(value);
      if (problem) this.report(path, `${describePath(path)} is not a valid regular expression: ${problem}`);
    }
  }

  checkNumber(value: number, schema: JsonSchema, path: PathSegment[]): void {
    const { minimum, maximum } = schema;
    const tooSmall = minimum !== undefined && value < minimum;
    const tooLarge = maximum !== undefined && value > maximum;
    if (!tooSmall && !tooLarge) return;
    const bound = minimum !== undefined && maximum !== undefined
      ? `between ${minimum} and ${maximum}`
      : tooSmall ? `at least ${minimum}` : `at most ${maximum}`;
    this.report(path, `${describePath(path)} must be ${bound}, not ${value}`);
  }

  checkObject(value: Record<string, unknown>, schema: JsonSchema, path: PathSegment[]): void {
    for (const key of schema.required ?? []) {
      if (!(key in value)) this.report(path, `${describePath(path)} is missing the required key "${key}"`);
    }
    const known = Object.keys(schema.properties ?? {});
    for (const [key, item] of Object.entries(value)) {
      const propertySchema = schema.properties?.[key];
      if (propertySchema) {
        this.check(item, propertySchema, [...path, key]);
      } else if (schema.additionalProperties === false) {
        this.out.push({ path: [...path, key], message: unknownKeyMessage(key, known, path), on: 'key' });
      } else if (schema.additionalProperties && schema.additionalProperties !== true) {
        this.check(item, schema.additionalProperties, [...path, key]);
      }
    }
  }

  report(path: PathSegment[], message: string): void {
    this.out.push({ path, message, on: 'value' });
  }
}

function validateBranch(value: unknown, branch: JsonSchema, root: JsonSchema, path: PathSegment[]): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  new Validator(root, violations).check(value, branch, path);
  return violations;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return isPlainObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    default: throw new Error(`unsupported schema type ${type}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message of the SyntaxError `new RegExp` throws, or undefined when the pattern compiles. */
function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'g');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

function unknownKeyMessage(key: string, known: string[], path: PathSegment[]): string {
  const where = path.length === 0 ? '' : ` in ${describePath(path)}`;
  const suggestion = closestMatch(key, known);
  if (suggestion) return `unknown key "${key}"${where}; did you mean "${suggestion}"?`;
  return `unknown key "${key}"${where} (expected one of: ${known.join(', ')})`;
}

function enumMessage(value: unknown, allowed: unknown[], path: PathSegment[]): string {
  const list = allowed.map((item) => JSON.stringify(item)).join(', ');
  const base = `${describePath(path)} must be one of ${list}, not ${JSON.stringify(value)}`;
  const suggestion = typeof value === 'string'
    ? closestMatch(value, allowed.filter((item): item is string => typeof item === 'string'))
    : undefined;
  return suggestion ? `${base}; did you mean "${suggestion}"?` : base;
}

/** `"rules.vague-term"`, `"vocabulary.add[2].term"`; the root is "the configuration". */
function describePath(path: PathSegment[]): string {
  if (path.length === 0) return 'the configuration';
  const text = path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
  return `"${text}"`;
}

/** Schema type names in the words of someone editing YAML or JSON. */
function article(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'an integer' };
  return words[type] ?? `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return typeof value === 'number' ? `the number ${value}` : `the boolean ${value === true}`;
}
