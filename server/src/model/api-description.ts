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
  /**
   * The file the problem is in when it is not the linked file but one its `$ref`s lead to, as a
   * path relative to the linked file's folder ("schemas/refund.yaml"); `at` is then in that file.
   */
  file?: string;
}

export interface ApiOperation {
  /** Upper-case HTTP method, or for AsyncAPI the action ("SEND", "RECEIVE", "PUBLISH", "SUBSCRIBE"). */
  method: string;
  /** The path template ("/v1/refunds/{id}") or, for AsyncAPI, the channel address. */
  path: string;
  operationId?: string;
  at?: ApiFilePosition;
  /**
   * JSON pointer of the request body schema in the file, when it has one. Here and in
   * `responseSchemas` and `schemas`, a schema that lies in a file the linked one references is
   * addressed by that file's URL with the pointer as fragment (`file:///…/refund.yaml#/Refund`).
   */
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
  /** AsyncAPI: the `name` each message declares (`shipment.created`), with the JSON pointer of its payload. */
  messageNames?: Record<string, string>;
  /**
   * Absolute paths of the other local files the description's `$ref`s lead to (directly or
   * through one another), found or not: what the description was made from besides the linked
   * file, for callers that re-check a spec when one changes.
   */
  references?: string[];
  /**
   * Referenced files the validator needed and was not given (see fs/api-files.ts, which reads
   * them and validates again); never set on a description the rules see.
   */
  unread?: string[];
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

/** A path's segments as a router compares them: any `{param}` (or `:param`, `<param>`) alike, case, a trailing slash and a query ignored. */
function pathSegments(path: string): string[] {
  return path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').map((segment) => (/^(?:\{[^}]*\}|:\w+|<[^>]+>)$/.test(segment) ? '{}' : segment.toLowerCase()));
}

/**
 * Path templates compared the way a router matches them: segments equal, a `{param}` (or `:param`)
 * matches any parameter whatever its name, a trailing slash and a query are ignored.
 */
export function samePathTemplate(a: string, b: string): boolean {
  return pathSegments(a).join('/') === pathSegments(b).join('/');
}

/** The part of a spec's path that an API file lists: without the server prefix the file's paths may omit. */
export function pathMatches(specPath: string, filePath: string, basePaths: readonly string[] = []): boolean {
  return fileKeysFor(specPath, basePaths).includes(pathSegments(filePath).join('/'));
}

/**
 * The keys (see pathSegments) under which a file would list a spec's path: the path itself and,
 * for each server prefix the path starts with, the rest of it.
 */
function fileKeysFor(specPath: string, basePaths: readonly string[]): string[] {
  const segments = pathSegments(specPath);
  const keys = [segments.join('/')];
  for (const base of basePaths) {
    if (base === '' || base === '/') continue;
    const prefix = pathSegments(base);
    if (prefix.length > segments.length || !prefix.every((segment, index) => segment === segments[index])) continue;
    keys.push(['', ...segments.slice(prefix.length)].join('/'));
  }
  return keys;
}

/** Each file's operations by path key, built once per file (files are immutable once read). */
const PATH_INDEX = new WeakMap<ApiDescription, Map<string, ApiOperation[]>>();

function pathIndex(file: ApiDescription): Map<string, ApiOperation[]> {
  let index = PATH_INDEX.get(file);
  if (!index) {
    index = new Map();
    for (const operation of file.operations) {
      const key = pathSegments(operation.path).join('/');
      index.set(key, [...(index.get(key) ?? []), operation]);
    }
    PATH_INDEX.set(file, index);
  }
  return index;
}

/** The file's operations at a spec's path, whatever their method: an index look-up, not a scan. */
export function fileOperationsAt(file: ApiDescription, specPath: string): ApiOperation[] {
  const index = pathIndex(file);
  return [...new Set(fileKeysFor(specPath, file.basePaths).flatMap((key) => index.get(key) ?? []))];
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

/** Linked OpenAPI and Swagger files that could be read: the ones endpoints are checked against. */
export function httpDescriptions(files: ReadonlyMap<string, ApiDescription> | undefined): ApiDescription[] {
  return [...(files?.values() ?? [])].filter((file) => (file.format === 'openapi' || file.format === 'swagger') && !file.problems.some((problem) => !problem.at && problem.code !== 'more'));
}

/** Linked AsyncAPI files that could be read: the ones messages are checked against. */
export function messageDescriptions(files: ReadonlyMap<string, ApiDescription> | undefined): ApiDescription[] {
  return [...(files?.values() ?? [])].filter((file) => file.format === 'asyncapi' && !file.problems.some((problem) => !problem.at && problem.code !== 'more'));
}

/** A message of the spec as a linked AsyncAPI file has it: the channel, the message and the JSON pointer of its payload. */
export interface MessageInFile {
  file: ApiDescription;
  /** The channel (an AsyncAPI operation of this model) that carries it, when the file says. */
  channel?: ApiOperation;
  /** The message's name in the file, or the channel's address when only the channel matched. */
  name: string;
  payload?: string;
}

const messageName = (name: string) => name.trim().replace(/^\/+/, '').toLowerCase();

/**
 * Looks a message of the spec up by the names it goes by: a message of the file (under
 * `components.messages` or a channel's `messages`) whose key or declared `name` is one of them, else a channel whose
 * address or key is one of them. The first name decides before the next is tried.
 */
export function messageInFiles(files: readonly ApiDescription[], names: readonly string[]): MessageInFile | undefined {
  for (const wanted of names.map(messageName).filter((name) => name !== '')) {
    for (const file of files) {
      for (const channel of file.operations) {
        const key = Object.keys(channel.responseSchemas).find((name) => messageName(name) === wanted);
        if (key) return { file, channel, name: key, payload: channel.responseSchemas[key] };
      }
      // A component message by its key, or any message by the `name` it declares.
      const component = Object.entries(file.schemas).find(([name, pointer]) => pointer.startsWith('/components/messages/') && messageName(name) === wanted)
        ?? Object.entries(file.messageNames ?? {}).find(([name]) => messageName(name) === wanted);
      if (component) {
        const channel = file.operations.find((operation) => Object.values(operation.responseSchemas).includes(component[1]));
        return { file, ...(channel ? { channel } : {}), name: component[0], payload: component[1] };
      }
      const channel = file.operations.find((operation) => messageName(operation.path) === wanted);
      if (channel) {
        const payloads = [...new Set(Object.values(channel.responseSchemas))];
        return { file, channel, name: channel.path, ...(payloads.length === 1 ? { payload: payloads[0] } : {}) };
      }
    }
  }
  return undefined;
}

export interface FileOperation {
  file: ApiDescription;
  operation: ApiOperation;
}

/** Operations of the files at this path, whatever their method. */
export function operationsAt(files: readonly ApiDescription[], path: string): FileOperation[] {
  return files.flatMap((file) => fileOperationsAt(file, path).map((operation) => ({ file, operation })));
}

/** The operation of the files for an endpoint of the spec, if any file has it. */
export function operationFor(files: readonly ApiDescription[], method: string, path: string): FileOperation | undefined {
  return operationsAt(files, path).find(({ operation }) => operation.method === method.toUpperCase());
}

const MENTION = /(?<![\w/-])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)[ \t]+(?:https?:\/\/[^\s/`'"<>]+)?(\/[^\s`'"<>|)\]]*)/g;

/** Every `METHOD /path` written anywhere in the spec, code included: what counts as mentioning an operation. */
export function endpointMentions(model: SpecModel): Array<{ method: string; path: string }> {
  return [...model.text.matchAll(MENTION)].map((match) => ({ method: match[1], path: match[2].replace(/[.,;:!?*_]+$/, '') }));
}

const PAGINATION_PARAMETER = /^(?:cursor|page|page[_-]?size|per[_-]?page|limit|offset|after|before|next|page[_-]?token|starting[_-]?after)$/i;

/** The interface parts (see model/interfaces.ts) an operation of the file gives. */
export function operationParts(operation: ApiOperation): Set<string> {
  const parts = new Set<string>();
  if (operation.requestSchema !== undefined) parts.add('request');
  if (operation.responses.some((status) => /^(?:[123]|default$)/i.test(status))) parts.add('response').add('status');
  if (operation.responses.some((status) => /^(?:[45]|default$)/i.test(status))) parts.add('errors');
  if (operation.secured) parts.add('auth');
  if (operation.fields.some((field) => PAGINATION_PARAMETER.test(field.name))) parts.add('pagination');
  if (operation.fields.some((field) => /idempotency/i.test(field.name))) parts.add('idempotency');
  return parts;
}

/** What the linked OpenAPI or Swagger files give one endpoint of the spec: its operation, if a file has it, and the parts that operation gives. */
export interface EndpointInFiles {
  found: FileOperation | undefined;
  given: Set<string>;
}

/** What the linked files say about one interface of the spec: where a file defines it and the parts that gives. */
export interface InterfaceInFiles {
  /** The files it is looked up in: OpenAPI and Swagger for an endpoint, AsyncAPI for a message; none for other kinds. */
  files: ApiDescription[];
  /** The file that defines it, under what name ("POST /refunds (createRefund)", "message ShipmentCreated on channel shipments") and where; the operation for an endpoint. */
  found?: { file: ApiDescription; name: string; at?: ApiFilePosition; operation?: ApiOperation };
  given: Set<string>;
}

/** Looks an endpoint up in the linked OpenAPI and Swagger files, a message in the AsyncAPI files. */
export function interfaceInFiles(spec: { kind: string; method?: string; path?: string; names?: string[] }, apiFiles: ReadonlyMap<string, ApiDescription> | undefined): InterfaceInFiles {
  if (spec.kind === 'endpoint') {
    const files = httpDescriptions(apiFiles);
    const { found, given } = endpointInFiles(files, spec.method, spec.path);
    const name = found ? `${found.operation.method} ${found.operation.path}${found.operation.operationId ? ` (${found.operation.operationId})` : ''}` : '';
    return { files, given, ...(found ? { found: { file: found.file, name, operation: found.operation, ...(found.operation.at ? { at: found.operation.at } : {}) } } : {}) };
  }
  if (spec.kind === 'message') {
    const files = messageDescriptions(apiFiles);
    const message = files.length > 0 && spec.names ? messageInFiles(files, spec.names) : undefined;
    const given = new Set<string>();
    if (message?.payload) given.add('payload');
    if (message?.channel) given.add('channel');
    if (!message) return { files, given };
    const channel = message.channel && message.channel.path !== message.name ? ` on channel ${message.channel.path}` : '';
    const at = message.channel?.at;
    return { files, given, found: { file: message.file, name: `message ${message.name}${channel}`, ...(at ? { at } : {}) } };
  }
  return { files: [], given: new Set<string>() };
}

/** Looks an endpoint of the spec up in the files (see httpDescriptions); no method or path, nothing found. */
export function endpointInFiles(files: readonly ApiDescription[], method: string | undefined, path: string | undefined): EndpointInFiles {
  const found = method && path && files.length > 0 ? operationFor(files, method, path) : undefined;
  return { found, given: found ? operationParts(found.operation) : new Set<string>() };
}
