/**
 * The validator of linked API description files: @redocly/openapi-core (OpenAPI 3.x, Swagger
 * 2.0, AsyncAPI 2/3: structure, unresolved `$ref`s, unique operation ids and parameters, declared
 * path parameters, each problem with its line) and ajv (JSON Schema files, and the spec's JSON
 * examples against the file's schemas). Bundled on its own (dist/api-validator.js) and loaded by
 * fs/api-files.ts on first use, so that specs without linked API files never load it and the
 * CLI, the server and the MCP server share one copy.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { API_WORKER_MARK, type ApiWorkerReply, type ApiWorkerRequest, type ExampleSource, type PlainApiDescription, type ReferencedFiles } from './api-worker-protocol';
import type * as RedoclyModule from '@redocly/openapi-core' with { 'resolution-mode': 'import' };
import type { Config, Document, NormalizedProblem } from '@redocly/openapi-core' with { 'resolution-mode': 'import' };
import type Ajv from 'ajv';
import { unusableApiFile, type ApiDescription, type ApiFilePosition, type ApiFormat, type ApiOperation, type ApiProblem, type ExampleError } from '../model/api-description';

/** Problems reported per file; the rest are counted in one more. */
export const MAX_API_PROBLEMS = 20;

type Redocly = typeof RedoclyModule;
let redocly: Promise<{ lib: Redocly; config: Config }> | undefined;

/** Loaded on first use: specs without linked API files never pay for the validator. */
function loadRedocly(): Promise<{ lib: Redocly; config: Config }> {
  redocly ??= import('@redocly/openapi-core').then(async (lib) => ({
    lib,
    // Only what makes a description invalid or unusable for a builder; no style rules.
    config: await lib.createConfig({
      extends: [],
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-operationId-unique': 'error',
        'operation-parameters-unique': 'error',
        'path-parameters-defined': 'error',
        'path-declaration-must-exist': 'error',
        'no-identical-paths': 'error',
        'no-ambiguous-paths': 'off',
        'spec-components-invalid-map-name': 'error',
      },
    }),
  }));
  return redocly;
}

/** Parses and validates one API description; exported for tests and the benchmark. */
export async function analyseApiText(text: string, absolutePath: string, named = true, files: ReferencedFiles = {}): Promise<Omit<ApiDescription, 'key'> | undefined> {
  const plain = await describeApiText(text, absolutePath, named, files);
  return plain && withExampleValidator(plain);
}

/** The description with its example validator. */
function withExampleValidator({ description, examples }: PlainApiDescription): Omit<ApiDescription, 'key'> {
  return examples ? { ...description, validate: exampleValidator(examples) } : description;
}

/** Parses and validates one API description into plain data (what a worker thread can send). */
export async function describeApiText(text: string, absolutePath: string, named = true, files: ReferencedFiles = {}): Promise<PlainApiDescription | undefined> {
  const described = await describe(text, absolutePath, named, files);
  if (!described) return undefined;
  const { examples, ...description } = described;
  return examples ? { description, examples } : { description };
}

type Described = Omit<ApiDescription, 'key' | 'validate'> & { examples?: ExampleSource };

async function describe(text: string, absolutePath: string, named: boolean, files: ReferencedFiles): Promise<Described | undefined> {
  const { lib, config } = await loadRedocly();
  let document: Document;
  try {
    document = lib.makeDocumentFromString(text, absolutePath);
  } catch (error) {
    if (!named) return undefined;
    const parseError = error as { line?: number; col?: number; message: string };
    const at = Number.isFinite(parseError.line) && Number.isFinite(parseError.col) ? { line: (parseError.line ?? 1) - 1, character: (parseError.col ?? 1) - 1 } : undefined;
    const language = /\.json$/i.test(absolutePath) ? 'JSON' : 'YAML';
    return { ...unusableApiFile('syntax', ''), problems: [{ code: 'syntax', message: `it is not valid ${language}: ${cleanYamlMessage(parseError.message)}`, ...(at ? { at } : {}) }] };
  }
  const parsed = document.parsed;
  if (!isObject(parsed)) return named ? unusableApiFile('not-api', 'it is not an OpenAPI, AsyncAPI or JSON Schema document (its top level is not a mapping)') : undefined;
  const format = formatOf(parsed);
  if (format === undefined && !looksLikeSchema(parsed)) {
    return named && /open ?api|swagger|async ?api/i.test(path.basename(absolutePath)) ? unusableApiFile('not-api', 'it has no `openapi`, `swagger` or `asyncapi` version field, so it is not an API description') : undefined;
  }
  const references = followReferences(lib, document, files);
  // The caller reads the files the references lead to and asks again.
  if (references.unread.size > 0) return { ...unusableApiFile('internal', 'its referenced files were not read'), unread: [...references.unread] };
  const linked = linkedDocuments(document, references);
  const root = linked.root;
  const referenced = references.all.size > 0 ? { references: [...references.all] } : {};
  const examples: ExampleSource = { root, format: format ?? 'json-schema', url: linked.url, ...(linked.documents ? { documents: linked.documents } : {}) };
  if (format === undefined) return { ...jsonSchemaDescription(parsed, examples, document, lib, [...references.missing, ...references.malformed]), ...referenced };
  let problems: NormalizedProblem[];
  try {
    problems = await lib.lintDocument({ document, config, externalRefResolver: givenFilesResolver(lib, references) });
  } catch (error) {
    // An unsupported version ("openapi: 4.0") is reported by the detector as an exception.
    return { ...unusableApiFile('version', (error as Error).message.replace(/\.$/, '')), format, version: versionOf(parsed), ...referenced };
  }
  const reported = problems.filter((problem) => problem.severity === 'error' && !notGiven(problem));
  const described: ApiProblem[] = [...references.missing, ...references.malformed, ...reported.slice(0, MAX_API_PROBLEMS).map((problem) => ({
    code: problem.ruleId,
    message: problem.message,
    ...(positionOf(lib, problem, absolutePath) ?? {}),
  }))].slice(0, MAX_API_PROBLEMS);
  const total = references.missing.length + references.malformed.length + reported.length;
  if (total > MAX_API_PROBLEMS) described.push({ code: 'more', message: `and ${total - MAX_API_PROBLEMS} more problems` });
  return {
    format,
    version: versionOf(parsed),
    title: isObject(parsed.info) && typeof parsed.info.title === 'string' ? parsed.info.title : undefined,
    problems: described,
    ...contents(root, format, (pointer) => pointerPosition(lib, document, pointer)),
    ...referenced,
    examples,
  };
}

// ---------------------------------------------------------------------------------------------
// References to other local files (`$ref: schemas/refund.yaml#/Refund`)

/** Referenced files followed per description; references beyond them are left unresolved. */
export const MAX_REFERENCED_FILES = 64;

interface References {
  /** The parsed files the references lead to, by absolute path. */
  documents: Map<string, Document>;
  /** Every local file a reference names, found or not. */
  all: Set<string>;
  /** Files a reference names that the caller did not give. */
  unread: Set<string>;
  /** References to files that do not exist or cannot be read, at the `$ref`. */
  missing: ApiProblem[];
  /** Referenced files that do not parse. */
  malformed: ApiProblem[];
}

/** The file part of a `$ref` to another local file ("schemas/refund.yaml" of "schemas/refund.yaml#/Refund"); undefined for a pointer into the same file or a URL. */
export function referencedFile(ref: string): string | undefined {
  const file = ref.split('#')[0];
  if (file === '' || /^[a-z][a-z0-9+.-]+:/i.test(file)) return undefined;
  return file;
}

/** Visits every `$ref` string of a parsed document with the JSON pointer of the object that holds it. */
function forEachRef(root: unknown, visit: (ref: string, pointer: string) => void): void {
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: root, pointer: '' }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { value, pointer } = stack.pop() as { value: unknown; pointer: string };
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, pointer: `${pointer}/${index}` }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') visit(item, pointer);
      else stack.push({ value: item, pointer: `${pointer}/${escapePointer(key)}` });
    }
  }
}

/** Follows the references from the linked file to other local files, and from those on, through the files the caller gave. */
function followReferences(lib: Redocly, main: Document, files: ReferencedFiles): References {
  const result: References = { documents: new Map(), all: new Set(), unread: new Set(), missing: [], malformed: [] };
  const mainPath = main.source.absoluteRef;
  const queue: Document[] = [main];
  for (let document = queue.shift(); document; document = queue.shift()) {
    const from = document;
    const base = from.source.absoluteRef;
    forEachRef(from.parsed, (ref, pointer) => {
      const file = referencedFile(ref);
      if (file === undefined) return;
      const target = path.resolve(path.dirname(base), file);
      if (target === mainPath || result.all.has(target) || result.all.size >= MAX_REFERENCED_FILES) return;
      result.all.add(target);
      if (!Object.prototype.hasOwnProperty.call(files, target)) {
        result.unread.add(target);
        return;
      }
      const text = files[target];
      if (typeof text !== 'string') {
        result.missing.push({ code: 'no-unresolved-refs', message: `\`$ref: ${ref}\` names a file that does not exist or cannot be read`, ...located(lib, from, `${pointer}/$ref`, mainPath) });
        return;
      }
      try {
        const document = lib.makeDocumentFromString(text.replace(/\r\n/g, '\n'), target);
        result.documents.set(target, document);
        queue.push(document);
      } catch (error) {
        const parseError = error as { line?: number; col?: number; message: string };
        const at = Number.isFinite(parseError.line) && Number.isFinite(parseError.col) ? { at: { line: (parseError.line ?? 1) - 1, character: (parseError.col ?? 1) - 1 } } : {};
        const language = /\.json$/i.test(target) ? 'JSON' : 'YAML';
        result.malformed.push({ code: 'syntax', message: `it is not valid ${language}: ${cleanYamlMessage(parseError.message)}`, file: relativeTo(mainPath, target), ...at });
      }
    });
  }
  return result;
}

/** A path relative to the linked file's folder, with forward slashes. */
function relativeTo(mainPath: string, target: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(target)) return target;
  return path.relative(path.dirname(mainPath), target).split(path.sep).join('/');
}

/** What the linter's resolver says of a file it was not given; those references are reported by followReferences, with the `$ref` as written. */
const NOT_GIVEN = 'the file was not read';

function notGiven(problem: NormalizedProblem): boolean {
  return problem.ruleId === 'no-unresolved-refs' && problem.message === `Can't resolve $ref: ${NOT_GIVEN}`;
}

/** Where a pointer of a document is, with the file it is in when that is not the linked file. */
function located(lib: Redocly, document: Document, pointer: string, mainPath: string): { at?: ApiFilePosition; file?: string } {
  const at = pointerPosition(lib, document, pointer);
  const file = document.source.absoluteRef === mainPath ? {} : { file: relativeTo(mainPath, document.source.absoluteRef) };
  return at ? { at, ...file } : file;
}

/**
 * The linter's resolver, serving the referenced files the caller read (through its host) and
 * followReferences parsed, reading none itself; a URL is fetched as before.
 */
function givenFilesResolver(lib: Redocly, references: References): InstanceType<Redocly['BaseResolver']> {
  class GivenFilesResolver extends lib.BaseResolver {
    override async loadExternalRef(absoluteRef: string): Promise<InstanceType<Redocly['Source']>> {
      if (/^[a-z][a-z0-9+.-]+:\/\//i.test(absoluteRef)) return super.loadExternalRef(absoluteRef);
      // A missing or malformed file is reported by followReferences, once and in the product's words.
      const document = references.documents.get(absoluteRef);
      if (!document) throw new lib.ResolveError(new Error(NOT_GIVEN));
      return document.source;
    }
  }
  return new GivenFilesResolver();
}

/** Documents registered for `resolvePointer`: a root whose `$ref`s were made absolute, with the files they lead to by URL. */
const LINKED_DOCUMENTS = new WeakMap<object, Record<string, unknown>>();

/**
 * The linked file's parsed root with every `$ref` to another file made absolute (its file URL
 * and pointer), and those files by URL with their `$ref`s made absolute too; without
 * references to other files the root as parsed.
 */
function linkedDocuments(main: Document, references: References): { root: Json; url: string; documents?: Record<string, unknown> } {
  const mainPath = main.source.absoluteRef;
  const url = pathToFileURL(mainPath).href;
  const parsed = main.parsed as Json;
  if (references.all.size === 0) return { root: parsed, url };
  const root = absoluteRefs(parsed, mainPath, true) as Json;
  const documents: Record<string, unknown> = { [url]: root };
  for (const [file, document] of references.documents) documents[pathToFileURL(file).href] = absoluteRefs(document.parsed, file, false);
  LINKED_DOCUMENTS.set(root, documents);
  return { root, url, documents };
}

/** A copy where each `$ref` is a local pointer (`#/…`, in the linked file only) or an absolute file URL with its pointer. */
function absoluteRefs(value: unknown, base: string, isMain: boolean, seen = new Map<unknown, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(absoluteRefs(item, base, isMain, seen));
    return copy;
  }
  const copy: Json = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === '$ref' && typeof item === 'string' ? absoluteRef(item, base, isMain) : absoluteRefs(item, base, isMain, seen);
  }
  return copy;
}

function absoluteRef(ref: string, base: string, isMain: boolean): string {
  if (ref.startsWith('#')) return isMain ? ref : `${pathToFileURL(base).href}${ref}`;
  const file = referencedFile(ref);
  if (file === undefined) return ref;
  const fragment = ref.slice(file.length);
  return `${pathToFileURL(path.resolve(path.dirname(base), file)).href}${fragment.startsWith('#') ? fragment : '#'}`;
}

function cleanYamlMessage(message: string): string {
  return message.replace(/\n[^]*$/, '').replace(/\s*in "[^"]*"/, '').replace(/\s*\(\d+:\d+\)$/, '');
}

function positionOf(lib: Redocly, problem: NormalizedProblem, mainPath: string): { at: ApiFilePosition; file?: string } | undefined {
  const location = problem.location[0];
  if (!location) return undefined;
  try {
    const { start } = lib.getLineColLocation(location);
    const source = location.source.absoluteRef;
    return { at: { line: start.line - 1, character: start.col - 1 }, ...(source && source !== mainPath ? { file: relativeTo(mainPath, source) } : {}) };
  } catch {
    return undefined;
  }
}

function pointerPosition(lib: Redocly, document: Document, pointer: string): ApiFilePosition | undefined {
  try {
    const { start } = lib.getLineColLocation({ source: document.source, pointer: `#${pointer}`, reportOnKey: true });
    return { line: start.line - 1, character: start.col - 1 };
  } catch {
    return undefined;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatOf(root: Json): ApiFormat | undefined {
  if (typeof root.openapi === 'string' || typeof root.openapi === 'number') return 'openapi';
  if (root.swagger !== undefined) return 'swagger';
  if (root.asyncapi !== undefined) return 'asyncapi';
  return undefined;
}

function versionOf(root: Json): string | undefined {
  const version = root.openapi ?? root.swagger ?? root.asyncapi;
  return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
}

function looksLikeSchema(root: Json): boolean {
  if (typeof root.$schema === 'string' && /json-schema/i.test(root.$schema)) return true;
  return (typeof root.type === 'string' && (isObject(root.properties) || root.type !== 'object')) || isObject(root.$defs) || (isObject(root.properties) && isObject(root.definitions));
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function contents(root: Json, format: ApiFormat, at: (pointer: string) => ApiFilePosition | undefined): Pick<ApiDescription, 'operations' | 'schemas' | 'basePaths' | 'messageNames'> {
  const operations: ApiOperation[] = [];
  const schemas: Record<string, string> = {};
  const basePaths: string[] = [];
  const messageNames: Record<string, string> = {};
  const globallySecured = Array.isArray(root.security) && root.security.length > 0;
  if (format === 'openapi' || format === 'swagger') {
    if (format === 'swagger' && typeof root.basePath === 'string') basePaths.push(root.basePath);
    if (Array.isArray(root.servers)) {
      for (const server of root.servers) {
        if (isObject(server) && typeof server.url === 'string') {
          const base = server.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\{[^}]*\}/g, '');
          if (base.startsWith('/')) basePaths.push(base);
        }
      }
    }
    const definitions = format === 'swagger' ? root.definitions : isObject(root.components) ? root.components.schemas : undefined;
    const prefix = format === 'swagger' ? '/definitions/' : '/components/schemas/';
    if (isObject(definitions)) for (const name of Object.keys(definitions)) schemas[name] = prefix + escapePointer(name);
    const paths = isObject(root.paths) ? root.paths : {};
    for (const [route, entry] of Object.entries(paths)) {
      // A path item may lie in another file (`/refunds: {$ref: paths/refunds.yaml}`).
      const item = deref(root, entry);
      if (!isObject(item)) continue;
      const itemPointer = isRef(entry) ? refPointer(entry.$ref) ?? `/paths/${escapePointer(route)}` : `/paths/${escapePointer(route)}`;
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      for (const method of METHODS) {
        const operation = item[method];
        if (!isObject(operation)) continue;
        const pointer = `${itemPointer}/${method}`;
        operations.push(httpOperation(root, format, method, route, operation, pointer, shared, globallySecured, at(pointer) ?? at(`/paths/${escapePointer(route)}`)));
      }
    }
  } else if (format === 'asyncapi') {
    asyncOperations(root, operations, schemas, messageNames, at);
    return { operations, schemas, basePaths, messageNames };
  }
  return { operations, schemas, basePaths };
}

function httpOperation(root: Json, format: ApiFormat, method: string, route: string, operation: Json, pointer: string,
  shared: unknown[], globallySecured: boolean, at: ApiFilePosition | undefined): ApiOperation {
  const responseSchemas: Record<string, string> = {};
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [status, response] of Object.entries(responses)) {
    const resolved = deref(root, response);
    const responsePointer = isRef(response) ? refPointer(response.$ref) : `${pointer}/responses/${escapePointer(status)}`;
    if (!isObject(resolved) || responsePointer === undefined) continue;
    if (format === 'swagger') {
      if (resolved.schema !== undefined) responseSchemas[status] = `${responsePointer}/schema`;
    } else {
      const media = jsonMedia(resolved.content);
      if (media && isObject(media.value) && media.value.schema !== undefined) responseSchemas[status] = `${responsePointer}/content/${escapePointer(media.type)}/schema`;
    }
  }
  let requestSchema: string | undefined;
  const own: unknown[] = Array.isArray(operation.parameters) ? operation.parameters : [];
  const parameters = [...shared, ...own].map((parameter) => deref(root, parameter));
  const fields: ApiOperation['fields'] = [];
  parameters.forEach((parameter, index) => {
    if (!isObject(parameter) || typeof parameter.name !== 'string') return;
    if (format === 'swagger' && parameter.in === 'body') {
      if (parameter.schema !== undefined) requestSchema = `${pointer}/parameters/${index - shared.length}/schema`;
      return;
    }
    const schema = deref(root, parameter.schema);
    fields.push({ name: parameter.name, typed: typeof parameter.type === 'string' || (isObject(schema) && (schema.type !== undefined || schema.$ref !== undefined || schema.enum !== undefined)) });
  });
  if (format === 'openapi') {
    const body = deref(root, operation.requestBody);
    const bodyPointer = isRef(operation.requestBody) ? refPointer(operation.requestBody.$ref) : `${pointer}/requestBody`;
    const media = isObject(body) ? jsonMedia(body.content) : undefined;
    if (media && isObject(media.value) && media.value.schema !== undefined && bodyPointer) requestSchema = `${bodyPointer}/content/${escapePointer(media.type)}/schema`;
  }
  if (requestSchema) {
    const schema = deref(root, resolvePointer(root, requestSchema));
    if (isObject(schema) && isObject(schema.properties)) {
      for (const [name, property] of Object.entries(schema.properties)) {
        const resolved = deref(root, property);
        fields.push({ name, typed: isObject(resolved) && (resolved.type !== undefined || resolved.enum !== undefined || resolved.properties !== undefined || isRef(property)) });
      }
    }
  }
  return {
    method: method.toUpperCase(),
    path: route,
    ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
    ...(at ? { at } : {}),
    ...(requestSchema ? { requestSchema } : {}),
    responseSchemas,
    responses: Object.keys(responses),
    secured: Array.isArray(operation.security) ? operation.security.length > 0 : globallySecured,
    fields,
  };
}

function asyncOperations(root: Json, operations: ApiOperation[], schemas: Record<string, string>, messageNames: Record<string, string>,
  at: (pointer: string) => ApiFilePosition | undefined): void {
  const components = isObject(root.components) ? root.components : {};
  if (isObject(components.schemas)) for (const name of Object.keys(components.schemas)) schemas[name] = `/components/schemas/${escapePointer(name)}`;
  /** A message's declared `name` ("shipment.created"), which the spec may use instead of its key. */
  const named = (message: unknown, payload: string) => {
    if (isObject(message) && typeof message.name === 'string' && message.name.trim() !== '') messageNames[message.name] ??= payload;
  };
  if (isObject(components.messages)) {
    for (const [name, message] of Object.entries(components.messages)) {
      const resolved = deref(root, message);
      if (!isObject(resolved) || resolved.payload === undefined) continue;
      const pointer = isRef(message) ? refPointer(message.$ref) : `/components/messages/${escapePointer(name)}`;
      schemas[name] ??= `${pointer ?? `/components/messages/${escapePointer(name)}`}/payload`;
      named(resolved, schemas[name]);
    }
  }
  const channels = isObject(root.channels) ? root.channels : {};
  for (const [name, channel] of Object.entries(channels)) {
    if (!isObject(channel)) continue;
    const pointer = `/channels/${escapePointer(name)}`;
    const address = typeof channel.address === 'string' ? channel.address : name;
    const actions = ['publish', 'subscribe'].filter((action) => isObject(channel[action]));
    const payloads: Record<string, string> = {};
    for (const action of actions) {
      const message = deref(root, (channel[action] as Json).message);
      const messagePointer = isRef((channel[action] as Json).message) ? refPointer(((channel[action] as Json).message as { $ref: string }).$ref) : `${pointer}/${action}/message`;
      if (isObject(message) && message.payload !== undefined && messagePointer) {
        payloads[action] = `${messagePointer}/payload`;
        named(message, payloads[action]);
      }
    }
    if (isObject(channel.messages)) {
      for (const [messageName, message] of Object.entries(channel.messages)) {
        const resolved = deref(root, message);
        const messagePointer = isRef(message) ? refPointer(message.$ref) : `${pointer}/messages/${escapePointer(messageName)}`;
        if (isObject(resolved) && resolved.payload !== undefined && messagePointer) {
          payloads[messageName] = `${messagePointer}/payload`;
          named(resolved, payloads[messageName]);
        }
      }
    }
    operations.push({ method: actions.map((action) => action.toUpperCase()).join('/') || 'CHANNEL', path: address, at: at(pointer), responseSchemas: payloads, responses: [], secured: false, fields: [] });
  }
}

function jsonMedia(content: unknown): { type: string; value: unknown } | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  const type = types.find((name) => /[/+]json\b/i.test(name)) ?? types.find((name) => name === '*/*');
  return type === undefined ? undefined : { type, value: content[type] };
}

function isRef(value: unknown): value is { $ref: string } {
  return isObject(value) && typeof value.$ref === 'string';
}

/** The pointer a `$ref` names: in the linked file, or (made absolute, see absoluteRefs) the file URL with the pointer. */
function refPointer(ref: string): string | undefined {
  if (ref.startsWith('#')) return decodeURIComponent(ref.slice(1)).replace(/^$/, '');
  return ref.startsWith('file:') ? ref : undefined;
}

/** Follows local `$ref`s (a few hops, so a cycle ends). */
function deref(root: Json, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 16 && isRef(current); hops++) {
    const pointer = refPointer(current.$ref);
    if (pointer === undefined) return current;
    current = resolvePointer(root, pointer);
  }
  return current;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (pointer.startsWith('file:')) {
    const hash = pointer.indexOf('#');
    const document = typeof root === 'object' && root !== null ? LINKED_DOCUMENTS.get(root)?.[hash < 0 ? pointer : pointer.slice(0, hash)] : undefined;
    return document === undefined ? undefined : resolvePointer(document, hash < 0 ? '' : decodedFragment(pointer.slice(hash + 1)));
  }
  let current: unknown = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

// ---------------------------------------------------------------------------------------------
// JSON Schema files and example validation (ajv)

function jsonSchemaDescription(root: Json, source: ExampleSource, document: Document, lib: Redocly, referenceProblems: ApiProblem[]): Described {
  const schemas: Record<string, string> = {};
  const title = typeof root.title === 'string' ? root.title : undefined;
  schemas[title ?? ''] = '';
  for (const container of ['$defs', 'definitions']) {
    const defs = root[container];
    if (isObject(defs)) for (const name of Object.keys(defs)) schemas[name] ??= `/${container}/${escapePointer(name)}`;
  }
  const problems: ApiProblem[] = [...referenceProblems];
  const ajv = newAjv(dialectOf(root));
  if (problems.length > 0) {
    // A reference that cannot be followed is the problem; compiling would only say so again.
  } else if (!ajv.validateSchema(root)) {
    // The meta-schema explains one mistake several ways (enum, then anyOf); the first is enough.
    const seen = new Set<string>();
    for (const error of (ajv.errors ?? []).slice(0, MAX_API_PROBLEMS)) {
      if (seen.has(error.instancePath)) continue;
      seen.add(error.instancePath);
      problems.push({ code: 'schema', message: `${error.instancePath || 'the schema'} ${error.message ?? 'is invalid'}`, ...(atPointer(lib, document, error.instancePath) ?? {}) });
    }
  } else {
    try {
      const key = addDocuments(ajv, source);
      ajv.compile({ $ref: key });
    } catch (error) {
      problems.push({ code: 'schema', message: withRelativeUrls((error as Error).message, source.url) });
    }
  }
  return {
    format: 'json-schema',
    version: typeof root.$schema === 'string' ? root.$schema : undefined,
    title,
    problems,
    operations: [],
    schemas,
    basePaths: [],
    ...(problems.length === 0 ? { examples: source } : {}),
  };
}

/** An ajv message names files by URL ("can't resolve reference file:///…/address.json#/x"): by their path next to the linked file instead. */
function withRelativeUrls(message: string, url: string | undefined): string {
  if (!url) return message;
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  return message.split(folder).join('');
}

/**
 * Adds the linked file (and the files its references lead to, each under its URL) to ajv and
 * returns the key of the linked file. OpenAPI 3.0 and Swagger 2.0 schemas get `nullable`.
 */
function addDocuments(ajv: AjvInstance, { root, format, url, documents }: ExampleSource): string {
  const nullable = (format === 'openapi' && dialectOf(root) === '07') || format === 'swagger';
  const prepare = (document: unknown) => (nullable ? withNullable(document) : document) as Json;
  const key = url ?? 'api';
  ajv.addSchema(prepare(root), key);
  for (const [file, document] of Object.entries(documents ?? {})) if (file !== key && isObject(document)) ajv.addSchema(prepare(document), file);
  return key;
}

function atPointer(lib: Redocly, document: Document, pointer: string): { at: ApiFilePosition } | undefined {
  const position = pointerPosition(lib, document, pointer);
  return position ? { at: position } : undefined;
}

type AjvClass = typeof Ajv;
type AjvInstance = InstanceType<AjvClass>;

function dialectOf(root: Json): '2020' | '07' {
  const declared = typeof root.$schema === 'string' ? root.$schema : '';
  if (/2020-12|2019-09/.test(declared)) return '2020';
  if (typeof root.openapi === 'string' && root.openapi.startsWith('3.1')) return '2020';
  return '07';
}

// ajv is loaded synchronously with the module that needs it; it is small (150 KB) next to the validator.
/* eslint-disable @typescript-eslint/no-require-imports */
function newAjv(dialect: '2020' | '07'): AjvInstance {
  const Ajv = (dialect === '2020' ? (require('ajv/dist/2020') as { default: AjvClass }) : (require('ajv') as { default: AjvClass })).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance) => AjvInstance }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false, validateSchema: false });
  addFormats(ajv);
  // OpenAPI's own formats: not checked, but not unknown either.
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'decimal']) ajv.addFormat(format, true);
  return ajv;
}

const MAX_EXAMPLE_ERRORS = 5;

/**
 * One ajv instance per file version, built on first use. OpenAPI 3.0 and Swagger 2.0 schemas
 * are JSON Schema draft 7 with `nullable` (turned into a type that admits null); 3.1 and
 * AsyncAPI 3 schemas are 2020-12. `$ref` cycles are fine: ajv compiles recursive schemas.
 */
export function exampleValidator(source: ExampleSource): NonNullable<ApiDescription['validate']> {
  const { root } = source;
  // A description from the worker thread is a copy: its documents are registered anew.
  if (source.documents && !LINKED_DOCUMENTS.has(root)) LINKED_DOCUMENTS.set(root, source.documents);
  let ajv: AjvInstance | undefined;
  let key = 'api';
  const compiled = new Map<string, ((value: unknown) => ExampleError[]) | undefined>();
  return (pointer, value) => {
    if (!compiled.has(pointer)) {
      if (resolvePointer(root, pointer) === undefined) compiled.set(pointer, undefined);
      else {
        if (!ajv) {
          ajv = newAjv(dialectOf(root));
          key = addDocuments(ajv, source);
        }
        try {
          const hash = pointer.indexOf('#');
          const ref = pointer.startsWith('file:') ? `${hash < 0 ? pointer : pointer.slice(0, hash)}#${encodeURI(hash < 0 ? '' : decodedFragment(pointer.slice(hash + 1)))}` : `${key}#${encodeURI(pointer)}`;
          const check = ajv.compile({ $ref: ref });
          compiled.set(pointer, (input) => check(input) ? [] : (check.errors ?? []).slice(0, MAX_EXAMPLE_ERRORS).map((error) => ({ path: error.instancePath, message: errorText(error) })));
        } catch {
          compiled.set(pointer, undefined);
        }
      }
    }
    return compiled.get(pointer)?.(value);
  };
}

function errorText(error: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  if (error.keyword === 'additionalProperties') return `has an unexpected property \`${String(error.params.additionalProperty)}\``;
  if (error.keyword === 'required') return `lacks the required property \`${String(error.params.missingProperty)}\``;
  if (error.keyword === 'enum') return `${error.message ?? 'is not allowed'}: ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  return error.message ?? 'is invalid';
}

/** A copy of the document where `nullable: true` next to a type admits null (OpenAPI 3.0, `x-nullable` in Swagger). */
function withNullable(value: unknown, seen = new Map<unknown, unknown>()): unknown {
  if (Array.isArray(value)) return value.map((item) => withNullable(item, seen));
  if (!isObject(value)) return value;
  const known = seen.get(value);
  if (known) return known;
  const copy: Json = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = withNullable(item, seen);
  if ((copy.nullable === true || copy['x-nullable'] === true) && typeof copy.type === 'string') copy.type = [copy.type, 'null'];
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Worker thread (see api-worker.ts): the language server validates files here, off its event loop.

function serve(port: MessagePort): void {
  port.on('message', (request: ApiWorkerRequest) => {
    void describeApiText(request.text, request.path, request.named, request.files ?? {}).then(
      (described): ApiWorkerReply => ({ id: request.id, described }),
      (error: unknown): ApiWorkerReply => ({ id: request.id, error: (error as Error)?.message ?? String(error) }),
    ).then((reply) => port.postMessage(reply));
  });
}

if (!isMainThread && parentPort && workerData === API_WORKER_MARK) serve(parentPort);
