/**
 * Linked API description files (OpenAPI 3.x, Swagger 2.0, AsyncAPI 2/3, JSON Schema) as the
 * rules see them: what the file defines and what is wrong with it, already read, parsed and
 * validated by the caller (fs/api-files.ts). Pure data plus pure helpers; no I/O here.
 */
import { classifyLinkTarget } from './link-targets';
import type { Link, SpecModel } from './types';

export type ApiFormat = 'openapi' | 'swagger' | 'asyncapi' | 'json-schema';

/** A position in the linked file, 0-based like every model position. */
export interface ApiFilePosition {
  line: number;
  character: number;
}

export interface ApiProblem {
  /** In the product's words, without the file name. */
  message: string;
  /** Where in the linked file; absent when the problem is about the whole file. */
  at?: ApiFilePosition;
  /** The validator's own rule id ("struct", "no-unresolved-refs") or "syntax", "too-large", "unreadable". */
  code: string;
}

export interface ApiOperation {
  /** Upper-case HTTP method, or for AsyncAPI the action ("SEND", "RECEIVE", "PUBLISH", "SUBSCRIBE"). */
  method: string;
  /** The path template ("/v1/refunds/{id}") or, for AsyncAPI, the channel address. */
  path: string;
  operationId?: string;
  at?: ApiFilePosition;
  /** JSON pointer of the request body schema in the file, when it has one. */
  requestSchema?: string;
  /** JSON pointers of response schemas by status code ("201", "4XX", "default"). */
  responseSchemas: Record<string, string>;
  /** Status codes the file documents. */
  responses: string[];
  /** The operation (or the whole file) declares a security requirement. */
  secured: boolean;
  /** Declared parameters and body properties with their types, for the score. */
  fields: Array<{ name: string; typed: boolean }>;
}

/** One error of a JSON example validated against a schema of the file. */
export interface ExampleError {
  /** JSON pointer into the example ("" for the whole value, "/amount"). */
  path: string;
  message: string;
}

export interface ApiDescription {
  /** The link key (see link-targets.ts) the file was found by. */
  key: string;
  format: ApiFormat | undefined;
  /** "3.0.3", "2.0", "2.6.0", or the JSON Schema dialect. */
  version?: string;
  title?: string;
  problems: ApiProblem[];
  operations: ApiOperation[];
  /** Named schemas and the JSON pointer of each ("Refund" → "/components/schemas/Refund"). */
  schemas: Record<string, string>;
  /** Path prefixes of the servers (`/v1` of `https://api.example.com/v1`), which the file's paths omit. */
  basePaths: string[];
  /**
   * Validates a value against the schema at a JSON pointer of the file. Undefined when the
   * file could not be read or the pointer leads nowhere; [] when the value is valid.
   */
  validate?: (pointer: string, value: unknown) => ExampleError[] | undefined;
}

const API_EXTENSION = /\.(?:ya?ml|json)$/i;
/** A link whose words or file name say it is an API description, even before the file is read. */
const API_WORDS = /\b(?:open ?api|swagger|async ?api|json schema|schema|api (?:spec|specification|description|definition|contract))\b|openapi|swagger|asyncapi|schema/i;

export interface ApiLink {
  /** The `RuleContext.linkTargets` key. */
  key: string;
  link: Link;
  /** The link text or file name says it is an API description or schema. */
  named: boolean;
}

/** Local links to YAML or JSON files: candidates for linked API descriptions, first link per file. */
export function apiLinks(model: SpecModel): ApiLink[] {
  const seen = new Map<string, ApiLink>();
  for (const link of model.links) {
    if (link.isImage) continue;
    const target = classifyLinkTarget(link.target);
    if (target.kind !== 'local' || !API_EXTENSION.test(target.path)) continue;
    const named = API_WORDS.test(link.text) || API_WORDS.test(target.path.split('/').pop() ?? '');
    const known = seen.get(target.path);
    if (!known) seen.set(target.path, { key: target.path, link, named });
    else if (named) known.named = true;
  }
  return [...seen.values()];
}

/** Every link to the file with this key, in document order. */
export function linksTo(model: SpecModel, key: string): Link[] {
  return model.links.filter((link) => {
    const target = classifyLinkTarget(link.target);
    return target.kind === 'local' && target.path === key;
  });
}

/**
 * Path templates compared the way a router matches them: segments equal, a `{param}` (or `:param`)
 * matches any parameter whatever its name, a trailing slash and a query are ignored.
 */
export function samePathTemplate(a: string, b: string): boolean {
  const split = (path: string) => path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').map((segment) => (/^(?:\{[^}]*\}|:\w+|<[^>]+>)$/.test(segment) ? '{}' : segment.toLowerCase()));
  const left = split(a);
  const right = split(b);
  return left.length === right.length && left.every((segment, index) => segment === right[index]);
}

/** The part of a spec's path that an API file lists: without the server prefix the file's paths may omit. */
export function pathMatches(specPath: string, filePath: string, basePaths: readonly string[] = []): boolean {
  if (samePathTemplate(specPath, filePath)) return true;
  return basePaths.some((base) => base !== '' && base !== '/' && samePathTemplate(specPath, base.replace(/\/+$/, '') + filePath));
}

/** "OpenAPI 3.0.3", "Swagger 2.0", "AsyncAPI 2.6.0", "JSON Schema"; undefined when the format is unknown. */
export function apiFormatName(description: Pick<ApiDescription, 'format' | 'version'>): string | undefined {
  switch (description.format) {
    case 'openapi': return `OpenAPI${description.version ? ` ${description.version}` : ''}`;
    case 'swagger': return `Swagger${description.version ? ` ${description.version}` : ''}`;
    case 'asyncapi': return `AsyncAPI${description.version ? ` ${description.version}` : ''}`;
    case 'json-schema': return 'JSON Schema';
    default: return undefined;
  }
}

/** A file that cannot be used at all, with the one reason why. */
export function unusableApiFile(code: string, message: string): Omit<ApiDescription, 'key'> {
  return { format: undefined, problems: [{ code, message }], operations: [], schemas: {}, basePaths: [] };
}
