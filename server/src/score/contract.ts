import { fileOperationsAt, interfaceInFiles, messageInFiles, type ApiDescription, type ApiOperation } from '../model/api-description';
import { firstIndexWhere } from '../util/indexed';
import { isExampleFunction, isPlaceholderName } from '../model/code-interfaces';
import { interfacesOf, type InterfaceKind as ModelKind, type InterfacePart as ModelPart, type InterfaceSpec } from '../model/interfaces';
import { offsetAt, positionAt, textWithoutComments } from '../model/text';
import { OffsetIntervals, sectionAt } from '../rules/util';
import type { CodeBlock, SpecModel, Table } from '../model/types';
import type { SectionId } from '../sections/catalog';
import { rolesOf } from './roles';

/**
 * What the contract dimension judges: the interfaces a builder must implement, each with the
 * parts it needs, and the data fields with or without a type. `contractInputFromModel` takes the
 * interfaces of the interface model (model/interfaces.ts, which interface-incomplete, the hover
 * and the contract lens read too) and adds what only the text shows the score: function
 * signatures written inline, schema and DDL blocks, typed fields outside a contract section.
 */
export type InterfaceKind = ModelKind | 'schema';
/**
 * A part an interface needs, in the interface model's words (request, response, errors, auth,
 * payload, format, schedule, inputs, output), or `definition` for an interface whose
 * declaration is the whole contract (an API type, a schema block, a command's flag table, a
 * function declared in code): it needs nothing more.
 */
export type InterfacePart = ModelPart | 'definition';

export interface InterfaceInput {
  kind: InterfaceKind;
  /** How the spec names it: "POST /v1/orders", "sign()", "orders.created". */
  name: string;
  /** 0-based line where it is defined. */
  line: number;
  /** The parts this kind of interface needs; `true` when the spec gives them. Parts that do not apply are absent. */
  parts: Partial<Record<InterfacePart, boolean>>;
  /** The interface model's description it comes from, when the model reads it. */
  spec?: InterfaceSpec;
}

export interface FieldInput {
  name: string;
  line: number;
  typed: boolean;
}

export interface ContractInput {
  interfaces: InterfaceInput[];
  /** Declared data fields (table rows, DDL columns, typed declarations). */
  fields: FieldInput[];
  /** Code blocks that show data by example (JSON, YAML, wire dumps) without declaring types. */
  examples: number;
}

const METHOD_AND_PATH = /(?<![\w/-])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/[^\s/`'"<>]+)?(\/[^\s`'"<>|)\]]*)/g;
const LINE_PREFIX = /^[\s>]*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|\|\s*)?[`*_]*\s*$/;
const RESPONSE = /\b(?:respon(?:se|ses|ds)|returns?|->|→)\b|(?:^|[^\d.])(?:[123]\d\d)(?:\s+(?:OK|Created|Accepted|No Content|Found|See Other)|`|\b(?!\s*(?:ms|s|seconds|minutes|%|bytes|rows|requests)))/im;
const ERRORS = /\b(?:errors?|fail(?:s|ed|ures?)?|problem\+json|rejects?|rejected)\b|(?:^|[^\d.])[45]\d\d(?!\s*(?:ms|s\b|seconds|minutes|%|bytes|rows|requests))/im;
const INPUT = /\b(?:body|request|payload|query(?: param(?:eter)?s?)?|param(?:eter)?s?|fields?|headers?|form)\b[^.\n]{0,120}`[^`]+`/i;
const AUTH = /\b(?:auth(?:entication|orization|enticated|orized|n|z)?|api[- ]keys?|bearer|jwt|oauth2?|mtls|mutual tls|hmac|signed|signature|service token|401|403|iam|acl|allowlist|permissions?|scopes?)\b/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
const SCHEMA_LANGUAGES = new Set(['json', 'jsonc', 'json5', 'yaml', 'yml', 'xml', 'http', 'graphql', 'proto', 'protobuf', 'avro', 'sql']);
const TYPE_WORD = /\b(?:string|str|text|varchar|char|integer|int\d*|u?int\d+|bigint|smallint|long|float\d*|double|decimal|numeric|number|bool(?:ean)?|uuid|timestamp(?:tz)?|datetime|date|time|duration|enum|array|list|object|map|dict|bytes?|json|jsonb|iso ?8601|rfc ?3339|e\.?164|url|uri|email|base64|hex)\b|\[\]|<[a-z]+>/i;
const NAME_COLUMN = /\b(?:field|fields|name|column|columns|param|parameter|parameters|attribute|property|key|header|argument)\b/i;
const TYPE_COLUMN = /\b(?:type|types|format|schema|data type)\b/i;
const SIGNATURE = /\b([A-Za-z_][\w.]*)\s*\(([^()]*)\)\s*(->|:|=>)\s*([\w[\]<>|., ]+)/g;
const CONTRACT_SECTIONS: readonly SectionId[] = ['api-contract', 'inputs-outputs', 'data-mapping', 'error-handling'];

const cache = new WeakMap<SpecModel, ContractInput>();

export function contractInputFromModel(model: SpecModel): ContractInput {
  let input = cache.get(model);
  if (!input) cache.set(model, (input = derive(model)));
  return input;
}

function derive(model: SpecModel): ContractInput {
  return withInterfaceModel(model, fromText(model));
}

/**
 * The interfaces of the interface model, each with the parts interface-incomplete asks of it
 * (what it reports as missing is missing here) plus authentication and error cases for an
 * endpoint, which it suggests; then what the text alone shows that the model does not read.
 * The request of a POST, PUT or PATCH must be typed: shown as fields or a body, not only named.
 * An interface of both is the model's. Fields of both are merged by line and name, the model's
 * reading of the type first.
 */
function withInterfaceModel(model: SpecModel, text: ContractInput): ContractInput {
  const described = interfacesOf(model);
  const fromModel = described.interfaces.map(scoredInterface);
  const index = new ModelInterfaces(fromModel, model.codeBlocks);
  const kept: InterfaceInput[] = [];
  for (const item of text.interfaces) {
    const same = index.sameAs(item);
    if (!same) {
      kept.push(item);
      continue;
    }
    // The score asks for a typed request: a request the model finds in words ("with the inputs
    // above") counts only when the text also shows it (a field table, a body, a field in code).
    if (same.parts.request === true && item.parts.request === false) same.parts.request = false;
  }
  const interfaces = [...fromModel, ...kept].sort((a, b) => a.line - b.line);
  const fieldKey = (name: string, line: number) => `${line}\0${name.replace(/[`*_]/g, '').trim().toLowerCase()}`;
  const fields = new Map<string, FieldInput>();
  for (const field of described.fields) {
    const line = field.range.start.line;
    fields.set(fieldKey(field.name, line), { name: field.name, line, typed: field.type !== undefined });
  }
  for (const field of text.fields) {
    const key = fieldKey(field.name, field.line);
    if (!fields.has(key)) fields.set(key, field);
  }
  return { interfaces, fields: [...fields.values()].sort((a, b) => a.line - b.line), examples: text.examples };
}

/** A path's segments, each with whether it is a parameter (`{id}`, `:id`, `<id>`, a number, a hex id), which matches any segment. */
interface PathKey {
  segments: string[];
  parameter: boolean[];
}

/**
 * The model's interfaces, looked up by what makes a text interface the same one: an endpoint by
 * its method and path (each name read once), a function by
 * its identifier, a schema block by the lines it spans. A look-up answers the first interface in
 * the model's order, as a scan of the list would.
 */
class ModelInterfaces {
  private readonly endpoints = new EndpointIndex<InterfaceInput>();
  private readonly functions = new Map<string, InterfaceInput>();
  /** Every interface with its position in the model's order, by line. */
  private readonly byLine: Array<{ line: number; order: number }>;
  private blocks: Map<number, CodeBlock> | undefined;

  constructor(private readonly items: readonly InterfaceInput[], private readonly codeBlocks: readonly CodeBlock[]) {
    for (const item of items) {
      if (item.kind === 'endpoint') {
        const endpoint = endpointKey(item.name);
        if (endpoint) this.endpoints.add(endpoint.method, endpoint.path, item);
      } else if (item.kind === 'function') {
        const name = identifierOf(item.name);
        if (!this.functions.has(name)) this.functions.set(name, item);
      }
    }
    this.byLine = items.map((item, order) => ({ line: item.line, order })).sort((a, b) => a.line - b.line || a.order - b.order);
  }

  /** The model's reading of a text interface: one endpoint, one function by its name, an interface declared in a schema block. */
  sameAs(item: InterfaceInput): InterfaceInput | undefined {
    if (item.kind === 'endpoint') {
      const endpoint = endpointKey(item.name);
      return endpoint && this.endpoints.find(endpoint.method, endpoint.path);
    }
    if (item.kind === 'function') return this.functions.get(identifierOf(item.name));
    if (item.kind === 'schema') {
      this.blocks ??= new Map(this.codeBlocks.map((block) => [block.range.start.line, block]));
      const block = this.blocks.get(item.line);
      return block ? this.firstWithin(block.range.start.line, block.range.end.line) : undefined;
    }
    return undefined;
  }

  /** The first interface in the model's order whose line is within `from`..`to`. */
  private firstWithin(from: number, to: number): InterfaceInput | undefined {
    const low = firstIndexWhere(this.byLine.length, (index) => (this.byLine[index]?.line ?? 0) >= from);
    let first: number | undefined;
    for (let i = low; i < this.byLine.length; i++) {
      const entry = this.byLine[i];
      if (!entry || entry.line > to) break;
      if (first === undefined || entry.order < first) first = entry.order;
    }
    return first === undefined ? undefined : this.items[first];
  }
}

/** "POST /v1/orders/{id}" → POST and the path's segments. */
function endpointKey(name: string): { method: string; path: PathKey } | undefined {
  const match = /^([A-Z]+) (\S+)/.exec(name);
  if (!match) return undefined;
  const segments = segmentsOf(match[2] ?? '');
  return { method: match[1] ?? '', path: { segments, parameter: segments.map(isParameter) } };
}

interface PathEntry<T> {
  path: PathKey;
  value: T;
  order: number;
}

/**
 * Endpoints by method and path, where a parameter segment matches any segment. Entries are kept
 * by method and segment count, and there by last segment (those whose last segment is a
 * parameter in a list of their own), so a look-up compares only paths that can match. A look-up
 * answers the first match in the order the entries were added, as a scan of them all would.
 */
class EndpointIndex<T> {
  private readonly shapes = new Map<string, { all: Array<PathEntry<T>>; byLast: Map<string, Array<PathEntry<T>>>; anyLast: Array<PathEntry<T>> }>();
  private count = 0;

  add(method: string, path: PathKey, value: T): void {
    const key = `${method} ${path.segments.length}`;
    let shape = this.shapes.get(key);
    if (!shape) this.shapes.set(key, (shape = { all: [], byLast: new Map(), anyLast: [] }));
    const entry = { path, value, order: this.count++ };
    shape.all.push(entry);
    const last = path.segments.length - 1;
    if (path.parameter[last]) {
      shape.anyLast.push(entry);
    } else {
      const segment = path.segments[last] ?? '';
      let list = shape.byLast.get(segment);
      if (!list) shape.byLast.set(segment, (list = []));
      list.push(entry);
    }
  }

  find(method: string, path: PathKey): T | undefined {
    const shape = this.shapes.get(`${method} ${path.segments.length}`);
    if (!shape) return undefined;
    const last = path.segments.length - 1;
    if (path.parameter[last]) return firstSamePath(shape.all, path)?.value;
    const named = firstSamePath(shape.byLast.get(path.segments[last] ?? '') ?? [], path);
    const open = firstSamePath(shape.anyLast, path);
    return (named && open ? (named.order < open.order ? named : open) : named ?? open)?.value;
  }
}

function firstSamePath<T>(entries: ReadonlyArray<PathEntry<T>>, path: PathKey): PathEntry<T> | undefined {
  return entries.find((entry) => samePathKey(path, entry.path));
}

function samePathKey(a: PathKey, b: PathKey): boolean {
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    if (a.segments[i] !== b.segments[i] && !a.parameter[i] && !b.parameter[i]) return false;
  }
  return true;
}

/** The parts the score expects of a model interface: what the rule requires, and for an endpoint its errors and authentication when the rule suggests them. */
function scoredInterface(spec: InterfaceSpec): InterfaceInput {
  const expected = new Set<ModelPart>([...spec.required, ...spec.recommended]);
  const parts: InterfaceInput['parts'] = {};
  for (const part of expected) parts[part] = spec.parts[part] !== undefined;
  if (expected.size === 0) parts.definition = true;
  return { kind: spec.kind, name: spec.label, line: spec.range.start.line, parts, spec };
}

function segmentsOf(path: string): string[] {
  return path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
}

/** "sign()" → sign, "rpc StreamSnapshots" → StreamSnapshots, "`verify(body: bytes) -> bool`" → verify. */
function identifierOf(name: string): string {
  const bare = name.replace(/`/g, '').replace(/^rpc\s+/, '');
  return (/^([A-Za-z_][\w.:]*?)\s*\(/.exec(bare)?.[1] ?? /^[A-Za-z_][\w.:]*/.exec(bare)?.[0] ?? bare).split(/[.:]+/).pop() ?? bare;
}

/** What the text shows the score: endpoints, function signatures, schema blocks, fields. */
function fromText(model: SpecModel): ContractInput {
  const text = textWithoutComments(model);
  const endpoints = endpointsOf(model, text);
  const interfaces: InterfaceInput[] = [...endpoints.map((e) => e.input)];
  const authAnywhere = AUTH.test(model.prose) || AUTH.test(model.codeBlocks.map((block) => block.content).join('\n'));
  for (const endpoint of interfaces) if ('auth' in endpoint.parts) endpoint.parts.auth = authAnywhere;
  interfaces.push(...functionsOf(model));
  const extents = new OffsetIntervals(endpoints.map((e) => ({ start: e.start, end: e.end })));
  let examples = 0;
  for (const block of model.codeBlocks) {
    const start = offsetAt(model, block.range.start);
    const schemaLike = SCHEMA_LANGUAGES.has(block.language) || /^\s*[{[]/.test(block.content) || /^\s*HTTP\/\d/m.test(block.content);
    if (!schemaLike) continue;
    examples++;
    if (extents.overlaps(start)) continue;
    const roles = rolesOf(model, block.section);
    if (roles.some((id) => CONTRACT_SECTIONS.includes(id)) || block.language === 'sql' || /\bCREATE TABLE\b/i.test(block.content)) {
      interfaces.push({ kind: 'schema', name: schemaName(block), line: block.range.start.line, parts: { definition: true } });
    }
  }
  const fields = [...tableFields(model), ...codeFields(model), ...inlineFields(model)];
  return { interfaces, fields, examples };
}

interface Endpoint {
  input: InterfaceInput;
  method: string;
  segments: string[];
  start: number;
  end: number;
}

function endpointsOf(model: SpecModel, text: string): Endpoint[] {
  const mentions: Array<{ method: string; path: string; start: number; end: number; defining: boolean; sectionEnd: number }> = [];
  // Code blocks and tables in document order, by start offset, for binary searches.
  const blocks = model.codeBlocks.map((block) => ({ start: offsetAt(model, block.range.start), end: offsetAt(model, block.range.end), block }))
    .sort((a, b) => a.start - b.start);
  const blockStarts = blocks.map((block) => block.start);
  const tableStarts = model.tables.map((table) => offsetAt(model, table.range.start)).sort((a, b) => a - b);
  for (const match of text.matchAll(METHOD_AND_PATH)) {
    const start = match.index ?? 0;
    if (model.frontMatter && start < model.frontMatter.endOffset) continue;
    const line = model.text.lastIndexOf('\n', start - 1) + 1;
    const prefix = text.slice(line, start);
    const before = blocks[firstAtOrAfter(blockStarts, start + 1) - 1];
    const block = before && start < before.end ? before : undefined;
    const section = sectionAt(model, start);
    const inContract = rolesOf(model, section).includes('api-contract');
    const defining = block ? /^\s*$/.test(prefix) : LINE_PREFIX.test(prefix) || inContract;
    if (!defining) continue;
    const [whole, method = '', written = ''] = match;
    const path = written.replace(/[.,;:!?*_]+$/, '');
    mentions.push({
      method, path, start, end: start + whole.length,
      defining, sectionEnd: section ? offsetAt(model, section.bodyRange.end) : text.length,
    });
  }
  const endpoints: Endpoint[] = [];
  const byPath = new EndpointIndex<Endpoint>();
  mentions.forEach((mention, index) => {
    const next = mentions[index + 1];
    const extentEnd = Math.min(next ? next.start : text.length, mention.sectionEnd);
    const segments = segmentsOf(mention.path);
    const path: PathKey = { segments, parameter: segments.map(isParameter) };
    let endpoint = byPath.find(mention.method, path);
    if (!endpoint) {
      const parts: InterfaceInput['parts'] = { response: false, errors: false, auth: false };
      if (BODY_METHODS.has(mention.method)) parts.request = false;
      endpoint = {
        input: { kind: 'endpoint', name: `${mention.method} ${mention.path}`, line: lineOf(model, mention.start), parts },
        method: mention.method, segments, start: mention.start, end: extentEnd,
      };
      endpoints.push(endpoint);
      byPath.add(mention.method, path, endpoint);
    }
    const extent = text.slice(mention.end, extentEnd);
    const parts = endpoint.input.parts;
    // The code blocks and tables that start between the mention and the end of its extent.
    const firstFollowing = firstAtOrAfter(blockStarts, mention.end);
    const following = Math.max(0, firstAtOrAfter(blockStarts, extentEnd) - firstFollowing);
    const tables = Math.max(0, firstAtOrAfter(tableStarts, extentEnd) - firstAtOrAfter(tableStarts, mention.end));
    if (following > 0 || RESPONSE.test(extent)) parts.response = true;
    if (ERRORS.test(extent)) parts.errors = true;
    if ('request' in parts && (tables > 0 || following > 1 || INPUT.test(extent)
      || (following === 1 && /\b(?:request|body)\b/i.test(text.slice(mention.end, blocks[firstFollowing]?.start))))) parts.request = true;
  });
  return endpoints;
}

/** The index of the first of the ascending `values` that is at least `value` (`values.length` when none is). */
function firstAtOrAfter(values: readonly number[], value: number): number {
  return firstIndexWhere(values.length, (index) => (values[index] ?? 0) >= value);
}

/** A path segment that stands for any value: `{id}`, `:id`, `<id>`, a number, a hex or UUID id. */
function isParameter(segment: string): boolean {
  return /^(?:\{.*\}|:\w+|<.*>|\d+|[0-9a-f-]{8,})$/i.test(segment);
}

/** Function signatures with parameters and a result type, in code: `sign(secret: bytes) -> str`. */
function functionsOf(model: SpecModel): InterfaceInput[] {
  const found = new Map<string, InterfaceInput>();
  // Whether a function of a code block is an interface or an example of one is the interface model's decision.
  const sources: Array<{ text: string; line: number; block?: CodeBlock }> = [
    ...model.inlineCode.map((code) => ({ text: code.text, line: code.range.start.line })),
    ...model.codeBlocks.filter((block) => !SCHEMA_LANGUAGES.has(block.language) || block.language === 'proto')
      .map((block) => ({ text: block.content, line: block.contentRange.start.line, block })),
  ];
  for (const source of sources) {
    for (const match of source.text.matchAll(SIGNATURE)) {
      const [, name = '', written = '', arrow, result = ''] = match;
      // A keyword, an attribute before a function type ("@escaping () -> Void", "throws(E) -> T") or a placeholder (`foo`) names no function.
      if (found.has(name) || /^(?:if|for|while|switch|return|print|throws|rethrows|let|var|case|some|any|try|await|async|catch|fn|Fn|FnMut|FnOnce|func|function|def|where|when|class|struct|enum|type|impl|dyn|mut|ref)$/.test(name) || isPlaceholderName(name)) continue;
      if (source.text.charAt((match.index ?? 0) - 1) === '@' || (source.block && isExampleFunction(model, source.block, name))) continue;
      const params = written.trim();
      const typedParams = params === '' || params.split(',').every((param) => /[:\s]\s*\S/.test(param.trim()));
      if (arrow === ':' && !/[A-Za-z]/.test(result)) continue;
      found.set(name, { kind: 'function', name: `${name}()`, line: source.line, parts: { inputs: typedParams, output: true } });
    }
  }
  return [...found.values()];
}

function tableFields(model: SpecModel): FieldInput[] {
  const fields: FieldInput[] = [];
  for (const table of model.tables) {
    const header = table.header.map((cell) => cell.text);
    const nameColumn = header.findIndex((cell) => NAME_COLUMN.test(cell));
    if (nameColumn < 0) continue;
    const typeColumn = header.findIndex((cell, index) => index !== nameColumn && TYPE_COLUMN.test(cell));
    for (const row of table.rows) {
      const name = row[nameColumn]?.text.trim();
      if (!name) continue;
      const typed = (typeColumn >= 0 && (row[typeColumn]?.text.trim() ?? '') !== '') || TYPE_WORD.test(rowText(row, nameColumn));
      fields.push({ name, line: row[0]?.range.start.line ?? table.range.start.line, typed });
    }
  }
  return fields;
}

function rowText(row: Table['rows'][number], skip: number): string {
  return row.filter((_, index) => index !== skip).map((cell) => cell.text).join(' ');
}

/** Typed declarations in code: SQL column definitions, `name: type` members, proto fields. */
function codeFields(model: SpecModel): FieldInput[] {
  const fields: FieldInput[] = [];
  for (const block of model.codeBlocks) {
    if (block.language === 'json' || block.language === 'jsonc') continue;
    const ddl = block.language === 'sql' || /\bCREATE TABLE\b/i.test(block.content);
    block.content.split(/\r?\n/).forEach((line, index) => {
      const declaration = ddl
        ? /^\s*([a-z_][\w]*)\s+([a-z]+(?:\(\d+\))?)\b/i.exec(line)
        : /^\s*([a-z_][\w]*)\??\s*:\s*(\S+)/i.exec(line) ?? /^\s*(?:repeated\s+|optional\s+)?([a-z]\w*)\s+([a-z_]\w*)\s*=\s*\d+/i.exec(line);
      if (!declaration) return;
      const [, name = '', type = ''] = declaration;
      if (/^(?:create|primary|constraint|unique|foreign|check|index|key)$/i.test(name)) return;
      if (!ddl && !TYPE_WORD.test(type) && !/^[A-Z]/.test(type)) return;
      fields.push({ name, line: block.contentRange.start.line + index, typed: true });
    });
  }
  return fields;
}

/** "`amount_minor` (integer)", "`now_ms: u64`", "`due_date` is `YYYY-MM-DD`". */
function inlineFields(model: SpecModel): FieldInput[] {
  const fields: FieldInput[] = [];
  const pattern = /`([\w.]+)(?::\s*([\w[\]<>]+))?`\s*(?:\(([^)]{1,60})\)|is\s+(?:an?\s+)?`?([^`.,;\n]{1,40}))?/g;
  for (const sentence of model.sentences) {
    if (sentence.kind === 'heading') continue;
    const source = model.text.slice(sentence.startOffset, sentence.endOffset);
    // A field is named in inline code; most sentences have none, and skipping them saves a
    // match iterator (and a copy of the expression) for each.
    if (!source.includes('`')) continue;
    for (const match of source.matchAll(pattern)) {
      const declared = match[2] ?? match[3] ?? match[4];
      if (!declared || !TYPE_WORD.test(declared) && !/^[A-Z0-9-]{4,}$/.test(declared.trim())) continue;
      fields.push({ name: match[1] ?? '', line: sentence.range.start.line, typed: true });
    }
  }
  return fields;
}

function schemaName(block: CodeBlock): string {
  const table = /\bCREATE TABLE\s+([\w.]+)/i.exec(block.content);
  if (table?.[1]) return table[1];
  return `${block.language || 'code'} block`;
}

function lineOf(model: SpecModel, offset: number): number {
  return positionAt(model, offset).line;
}

/**
 * The contract with the linked API description files counted: the file is the contract a
 * contractor builds against, so each operation of a linked OpenAPI or Swagger file is an
 * endpoint with the parts the file gives (typed request body for POST/PUT/PATCH, a success
 * response, error responses, a security requirement), merged with the same endpoint described
 * in the text (a part given in either counts); a message of a linked AsyncAPI file gives the
 * message the spec describes its payload, and a channel no message of the spec names is a
 * message of its own; a JSON Schema file is a schema. Declared parameters and body properties
 * are fields. Only files that could be read count: one whose problems concern the whole file
 * (unreadable, not an API description) is no contract.
 */
export function contractWithApiFiles(base: ContractInput, files: readonly ApiDescription[], lineOf: (key: string) => number): ContractInput {
  const usable = files.filter((file) => file.format !== undefined && !file.problems.some((problem) => !problem.at && problem.code !== 'more'));
  if (usable.length === 0) return base;
  const interfaces = base.interfaces.map((item) => ({ ...item, parts: { ...item.parts } }));
  const fields = [...base.fields];
  const byKey = new Map(usable.map((file) => [file.key, file]));
  // Messages of the spec that a linked AsyncAPI file has: the parts it gives, and its channel is not another message.
  const carried = new Set<ApiOperation>();
  for (const item of interfaces) {
    if (item.kind !== 'message' || !item.spec) continue;
    const { given } = interfaceInFiles(item.spec, byKey);
    for (const part of Object.keys(item.parts) as InterfacePart[]) if (given.has(part)) item.parts[part] = true;
    const channel = messageInFiles([...byKey.values()].filter((file) => file.format === 'asyncapi'), item.spec.names ?? [])?.channel;
    if (channel) carried.add(channel);
  }
  for (const file of usable) {
    const line = lineOf(file.key);
    // Each endpoint of the text looked up in the file's path index: the operation it describes.
    const described = new Map<ApiOperation, InterfaceInput>();
    for (const item of interfaces) {
      const match = item.kind === 'endpoint' ? /^([A-Z]+) (\S+)/.exec(item.name) : null;
      const [, method, path] = match ?? [];
      if (method === undefined || path === undefined) continue;
      for (const operation of fileOperationsAt(file, path)) if (operation.method === method && !described.has(operation)) described.set(operation, item);
    }
    if (file.format === 'json-schema') {
      interfaces.push({ kind: 'schema', name: file.title ?? file.key, line, parts: { definition: true } });
      continue;
    }
    for (const operation of file.operations) {
      if (file.format === 'asyncapi') {
        if (!carried.has(operation)) interfaces.push({ kind: 'message', name: operation.path, line, parts: { payload: Object.keys(operation.responseSchemas).length > 0 } });
        continue;
      }
      const parts: InterfaceInput['parts'] = {
        response: operation.responses.some((status) => /^(?:[123]|default$)/i.test(status)),
        errors: operation.responses.some((status) => /^(?:[45]|default$)/i.test(status)),
        auth: operation.secured,
      };
      if (BODY_METHODS.has(operation.method)) parts.request = operation.requestSchema !== undefined;
      const item = described.get(operation);
      if (item) {
        // A part the spec's endpoint needs and the file gives; the file does not add parts the endpoint does not need.
        for (const [part, given] of Object.entries(parts) as Array<[InterfacePart, boolean]>) {
          if (part in item.parts || !item.spec) item.parts[part] = (item.parts[part] ?? false) || given;
        }
      } else {
        interfaces.push({ kind: 'endpoint', name: `${operation.method} ${operation.path}`, line, parts });
      }
      for (const field of operation.fields) fields.push({ name: field.name, line, typed: field.typed });
    }
  }
  return { interfaces, fields, examples: base.examples };
}
