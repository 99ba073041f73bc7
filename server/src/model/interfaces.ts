/**
 * The interface model: what a spec says a contractor must build against. HTTP endpoints
 * (`METHOD /path` in headings, list items, tables, prose or request lines), messages and events
 * (topic or queue plus payload), files and batch jobs (format, location, schedule) and CLI or
 * library functions, each with the parts a builder needs and where the spec gives them.
 *
 * Pure and synchronous: computed from the parsed model only, once per model.
 */
import { citesOutsideSpec, paragraphAround } from './cited-spec';
import { codeInterfacesOf, declaredNames, isDesignSection, isOutsideDesign, type CodeInterface } from './code-interfaces';
import { recordMembers, TYPE_WORDS, typeByName } from './records';
import { sectionAt } from './sections';
import { sectionRoles } from './statements';
import { lineEndOffset, positionAt, rangeFromOffsets, textWithoutComments } from './text';
import type { CodeBlock, ListItem, Position, Range, Section, SectionRoleInfo, SpecModel, Table, TableCell } from './types';

export type InterfaceKind = 'endpoint' | 'message' | 'file' | 'job' | 'function' | 'command' | 'type';

/** A part of an interface description. */
export type InterfacePart =
  | 'request' | 'response' | 'status' | 'errors' | 'auth' | 'idempotency' | 'pagination' | 'limits'
  | 'payload' | 'channel' | 'format' | 'location' | 'schedule' | 'inputs' | 'output';

export interface InterfaceField {
  name: string;
  /** The type or format as written (or the example that shows it); undefined when the spec gives none. */
  type: string | undefined;
  range: Range;
  /** Where the field is listed. */
  source: 'table' | 'list' | 'prose';
}

export interface InterfaceSpec {
  kind: InterfaceKind;
  /** "POST /v1/refunds", "`orders.created` event", "Settlement file". */
  label: string;
  method?: string;
  path?: string;
  /** The first defining mention: a heading, list item, table cell or request line. */
  range: Range;
  /** Every mention that describes this interface, in document order. */
  mentions: Range[];
  section: Section | undefined;
  /** Where the spec gives each part it has (the first place found). */
  parts: Partial<Record<InterfacePart, Range>>;
  /** Parts a builder cannot do without, in the order they are reported. */
  required: InterfacePart[];
  /** Parts a builder usually needs: auth, idempotency for mutations, pagination for lists. */
  recommended: InterfacePart[];
  missing: InterfacePart[];
  missingRecommended: InterfacePart[];
  /** Where text describing a missing part fits: the start of the line after the description. */
  insertAt: Position;
  /** Status codes written in the description ("201", "404", "4xx"). */
  statusCodes: string[];
  /** Fenced code blocks in the description, as request or response examples (endpoints only). */
  examples: InterfaceExample[];
  /** What a missing part lacks, when more can be said than its label ("its request message `X` is not defined"). */
  notes?: Partial<Record<InterfacePart, string>>;
  /**
   * For a message: the names it goes by, as a linked AsyncAPI file would list them (the code spans
   * and dotted or PascalCase names of its heading, then the code spans of its own text: the event
   * name, the topic).
   */
  names?: string[];
}

export interface InterfaceExample {
  block: CodeBlock;
  role: 'request' | 'response';
  /** The status code written on the line that introduces a response example ("201"). */
  status?: string;
}

export interface InterfaceModel {
  interfaces: InterfaceSpec[];
  /** Every field listed in a contract section, typed or not. */
  fields: InterfaceField[];
  /** Sections that define interfaces or data (API contract, inputs and outputs, data mapping). */
  contractSections: Section[];
}

/** Human words for each part, as used in messages, hovers and lenses. */
export const PART_LABELS: Readonly<Record<InterfacePart, string>> = {
  request: 'request body or fields',
  response: 'response example or success status',
  status: 'status codes',
  errors: 'error cases',
  auth: 'authentication',
  idempotency: 'idempotency (what a repeated request does)',
  pagination: 'pagination',
  limits: 'limits',
  payload: 'payload schema or example',
  channel: 'topic or queue',
  format: 'format',
  location: 'location',
  schedule: 'schedule or trigger',
  inputs: 'inputs',
  output: 'output',
};

const KIND_WORDS: Readonly<Record<InterfaceKind, [string, string]>> = {
  endpoint: ['endpoint', 'endpoints'],
  message: ['message', 'messages'],
  file: ['file', 'files'],
  job: ['job', 'jobs'],
  function: ['function', 'functions'],
  command: ['command', 'commands'],
  type: ['API type', 'API types'],
};

export function kindNoun(kind: InterfaceKind, count: number): string {
  return KIND_WORDS[kind][count === 1 ? 0 : 1];
}

const CONTRACT_SECTIONS = ['api-contract', 'inputs-outputs', 'data-mapping', 'error-handling'];
/** Headings that introduce an interface description without being a catalogue section. */
const CONTRACT_TITLE = /\b(?:apis?|interfaces?|endpoints?|contracts?|events?|messages?|webhooks?|schemas?|routes?|operations?)\b/i;

const METHOD_AND_PATH = /(?<![\w/-])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/[^\s/`'"<>]+)?(\/[^\s`'"<>|)\]]*)/g;
/** What may precede a defining mention on its line: indentation, heading/list/table/quote markers, emphasis, code ticks. */
const LINE_PREFIX = /^[\s>]*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|\|\s*)?(?:[A-Z0-9]{1,3}[.)]\s+)?(?:(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*:?\s*)?[`*_]*\s*$/;

const LOCAL_HOST = /^[A-Z]+[ \t]+https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?=[:/]|$)/i;
const LOCAL_WORDS = /\b(?:localhost|loopback|127\.0\.0\.1|unix (?:domain )?sockets?)\b/i;
/** What precedes a mention on its line when the mention is inside a comment of code: `//`, `#`, `/*`, `--`, `*` and comment words. */
const CODE_COMMENT_END = /(?:\/\/|(?:^|\s)#|\/\*|(?:^|\s)--|^\s*\*)[^\n]*$/;
/** A heading over requests the service sends to others. */
const OUTBOUND_TITLE = /\b(?:outbound|outgoing)\b/i;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** The last path segment of an action endpoint that usually takes no body ("POST /orders/{id}/cancel"). */
const ACTION_SEGMENT = /^(?:cancel|approve|reject|confirm|retry|activate|deactivate|enable|disable|refresh|close|reopen|open|archive|unarchive|restore|publish|unpublish|resend|reset|lock|unlock|start|stop|pause|resume|capture|void|sync|run|trigger|rotate|revoke|verify|ping|logout|acknowledge|ack|complete|expire|release|claim|heartbeat)$/i;

const RESPONSE_WORDS = /\b(?:respon(?:se|ses|ds)|returns?|replies|answers with|output|lists|gets back|receives back)\b|->|→/i;
const ERROR_WORDS = /\b(?:errors?|fail(?:s|ed|ures?)?|problem\+json|rejects?|rejected)\b/i;
const NO_BODY = /\b(?:no|empty|without(?: a)?)\s+(?:request\s+)?body\b|\bbody\s*:\s*(?:none|empty)\b/i;
const REQUEST_EVIDENCE = /\b(?:request\s+body|request\s+fields|(?<!respon(?:se|ses)\s+)body\b|payload\s*:|form\s+(?:data|fields)|multipart|request\s*:|fields\s*:|parameters\s*:|accepts\s+(?:a|an|the)\b|with\s+(?:the|these|its)\s+(?:inputs|fields|parameters|body)\b)/i;
const REASON = '(?:OK|Created|Accepted|No Content|Moved|Found|See Other|Not Modified|Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Conflict|Gone|Precondition|Payload Too Large|Content Too Large|Unsupported|Unprocessable|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout)';
/**
 * A number is an HTTP status when something says so: a reason phrase, "HTTP/1.1", "status",
 * "code", "returns", code ticks, or a table cell / list item of its own. "200 ms" is not one.
 */
const STATUS_CODE = new RegExp([
  `\\b([1-5]\\d\\d)\\s+${REASON}\\b`,
  '\\bHTTP/\\d(?:\\.\\d)?\\s+([1-5]\\d\\d)\\b',
  '\\b(?:status|code|codes|returns?|respond(?:s|s with)?|response|with|or|and)\\W{1,12}([1-5]\\d\\d)\\b(?!\\s*(?:ms|s|seconds|minutes|items|requests|bytes|KB|MB|%))',
  '`([1-5]\\d\\d)(?:`|\\s+[a-z][a-z_]*`)',
  '\\b([1-5]\\d\\d)\\s+[a-z]+_[a-z_]+\\b',
  '(?:^|\\|)[ \\t*_]*([1-5]\\d\\d)[ \\t*_]*(?=\\||$)',
  '^[ \\t]*[-*+][ \\t]+[*_`]*([1-5]\\d\\d)\\b',
  '(?:^|[.;:]\\s+)[ \\t]*([45]\\d\\d)\\b(?=\\s+(?:if|when|for|on|unless)\\b)',
  '\\b([1-5])[xX]{2}\\b',
].join('|'), 'gim');

/**
 * Words that state authentication or access control, as words of a statement: "author", a
 * "Scope" section, a function's "signature", an "anonymous" function or a name joined by hyphens
 * ("sig-auth") say nothing about access, and neither does a word inside an address (see
 * withoutAddresses).
 */
const AUTH_WORDS = /(?<![\w-])(?:auth[nz]?|authenticat\w*|authori[sz]\w*|unauthenticated|unauthori[sz]ed|bearer|api[- ]?keys?|access tokens?|id tokens?|oauth\s?2?|jwt|openid connect|oidc|mtls|mutual tls|client certificates?|hmac|signed (?:requests?|urls?|tokens?|webhooks?|payloads?)|request signing|credentials?|(?:oauth|token|access|required|granted) scopes?|permissions?|rbac|anonymous (?:access|users?|callers?|clients?|requests?)|public endpoint|401|403|session cookies?)(?![\w-])/i;
/** What a document says about authentication inside a code block counts only as a request header line. */
const AUTH_HEADER_LINE = /^[ \t>]*(?:authorization|proxy-authorization|www-authenticate|x-api-key|cookie)[ \t]*:/i;
/** URLs, absolute paths, file paths and link targets: addresses, whose words state nothing. */
const ADDRESS = /\]\([^)\n]*\)|\b[a-z][a-z0-9+.-]*:\/\/[^\s)>\]`'"]*|(?<![\w.])\.{0,2}\/[\w.{}~:%@-]+(?:\/[\w.{}~:%@-]*)*|\b[\w.-]+(?:\/[\w.-]+)+\.[a-z]{2,5}\b/gi;

/** The text with addresses blanked (same length, so offsets stay): `/openid/v1/jwks` or `docs/auth.md` is no statement about access. */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, (address) => ' '.repeat(address.length));
}

/**
 * Where the document first states authentication: in prose (code spans included: "`Authorization:
 * Bearer`") or as a request header in a code block; never inside an address.
 */
function documentAuthOf(model: SpecModel, authText: string, codeBlocks: Context['codeBlocks']): Range | undefined {
  const prose = replaceRanges(authText, codeBlocks, (block) => block.replace(/[^\n]+/g, (line) => (AUTH_HEADER_LINE.test(line) ? line : ' '.repeat(line.length))));
  return firstMatch(model, prose, AUTH_WORDS, bodyStart(model));
}

/**
 * The text with each of the ranges (in document order, not overlapping) replaced by what `fill`
 * makes of it, of the same length so that offsets stay; built in one pass over the text.
 */
function replaceRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>, fill: (piece: string) => string): string {
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    if (start < at) continue;
    parts.push(text.slice(at, start), fill(text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** An example's key that holds an error: `"error": {...}`, `errors:`, a problem document's `"title"` beside `"status": 4xx`. */
const ERROR_KEY = /"(?:error|errors|error_code|errorCode|problem)"\s*:|^[ \t]*(?:error|errors):/m;

/** The slice of an extent with its fenced code blocks and code spans blanked (same length). */
function withoutCode(context: Context, extent: { start: number; end: number }, slice: string): string {
  const blocks = context.codeBlocks.filter(({ block, start, end }) => block.fenced && end > extent.start && start < extent.end)
    .map(({ start, end }) => ({ start: Math.max(0, start - extent.start), end: Math.min(slice.length, end - extent.start) }));
  return replaceRanges(slice, blocks, (block) => ' '.repeat(block.length)).replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}
/**
 * What a repeated request does: said in words ("idempotent", "duplicates are ignored"), or by what
 * the handler does when what the request creates already exists ("a serial that is already
 * registered gets `409`", `ALREADY_EXISTS`, `AlreadyExists`): a second create is rejected, not
 * applied twice. A conflict status alone may answer some other state ("`409` when the cart was
 * ordered") and says nothing of a repeat.
 */
const IDEMPOTENCY_WORDS = /\b(?:idempoten\w*|idempotency-key|de-?dup\w*|duplicates?|at most once|exactly once|same requests?|repeated requests?|retr(?:y|ies) (?:of|with) the same|replay\w*|ALREADY_EXISTS|AlreadyExists|already[ _-]exists?|already (?:been )?(?:created|registered|submitted|processed|used))\b/i;
const PAGINATION_WORDS = /\b(?:paginat\w*|pages?|page_?size|per_?page|cursors?|next_?(?:page|cursor|token|link)|offset|continuation|limit|(?:last|first|latest|newest|oldest|at most|up to|top)\s+\d+)\b/i;
const LIMIT_WORDS = /\b(?:rate[- ]limit\w*|429|quotas?|throttl\w*|max(?:imum)?|at most|up to \d|limit(?:s|ed)?|timeouts?|size)\b/i;

const MESSAGE_TITLE = /\b(?:events?|messages?|topics?|queues?|webhooks?|notifications? payload|commands? message)\b/i;
const CHANNEL_WORDS = /\b(?:topics?|queues?|streams?|channels?|exchanges?|subjects?|kafka|sqs|sns|pub\/?sub|rabbitmq|amqp|nats|eventbridge|kinesis|webhook url|callback url|routing key)\b/i;
const FILE_TITLE = /\b(?:files?|exports?|imports?|reports?|feeds?|extracts?|csv|sftp|uploads?|dumps?|snapshots?)\b/i;
const JOB_TITLE = /\b(?:jobs?|batch(?:es)?|cron|scheduled tasks?|nightly run|pipelines?|backfills?)\b/i;
const FORMAT_WORDS = /\b(?:csv|tsv|json|ndjson|jsonl|json lines|parquet|avro|xml|xlsx|excel|pdf|yaml|protobuf|utf-8|encoding|delimit\w*|columns?|header row|gzip|zip|schema)\b/i;
const LOCATION_WORDS = /(?:\b(?:s3|gs|sftp|ftp|abfss?|hdfs):\/\/|\b(?:buckets?|director(?:y|ies)|folders?|paths?|prefix|sftp|share|mounted|stored (?:in|at|under)|written to|uploaded to|dropped (?:in|into))\b|`[^`\s]*\/[^`\s]*`)/i;
const SCHEDULE_WORDS = /\b(?:cron|daily|nightly|hourly|weekly|monthly|every\s+\w+|at\s+\d{1,2}(?::\d\d)?\s*(?:am|pm|utc)?|schedul\w*|triggered|on demand|on each|when\s+\w+\s+(?:arrives|lands|is uploaded)|\d{1,2}:\d\d\s*(?:utc|cet|local)?)\b/i;
const FUNCTION_HEADING = /^`?([A-Za-z_][\w.:]*)\s*\(([^)]*)\)\s*(?:(?:->|:|→)\s*([^`]+))?`?$/;
const CLI_HEADING = /^`([a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?:\s+(?:--?[\w-]+|<[^>]+>|\[[^\]]+\]|[A-Z_]+))*\s*`$/;
const OUTPUT_WORDS = /\b(?:returns?|prints?|writes?|outputs?|stdout|yields?|emits?|result)\b|->|→/i;
const FUNCTION_ERROR_WORDS = /\b(?:throws?|raises?|exceptions?|errors?|fails?|exit (?:codes?|status(?:es)?)|exits? with|Result<|Err\b|panics?)\b/i;

/**
 * A type in braces right after the name, as JSDoc and API references write it: "`signature`
 * {ArrayBuffer|TypedArray}", "`port`: {integer}".
 */
const BRACED_TYPE = /^\s*[:–—-]?\s*\{[A-Za-z_$][\w.$<>[\]]*(?:\s*\|\s*[A-Za-z_$][\w.$<>[\]]*)*\}/;
/** A literal example shows the format: `1250`, `"pending"`, `2024-08-01`, `true`. */
const EXAMPLE_VALUE = /`[^`]+`|"[^"]*"|\b\d[\d,._:-]*\b|\be\.g\.|\bdefault\b|\bexample\b/i;
const NAME_HEADER = /^(?:name|field|field name|parameter|param|parameters|property|attribute|column|key|header|argument|input|output|element|variable)s?$/i;
const TYPE_HEADER = /^(?:type|format|data type|datatype|schema|kind|type and format|type\/format|format\/type|value|values|value type|argument type|example|examples|allowed values|constraints?|rules?)s?$/i;
/** The first column of a command's flag table ("| Flag | Type | Description |"). */
const FLAG_HEADER = /^(?:flags?|options?|arguments?|switch(?:es)?|command[- ]line (?:flags?|options?|arguments?))$/i;
const FIELD_LABEL = /\b(?:(?:query|path|request|response|body|form|header|input|output)\s+)?(?:parameters|params|fields|headers|columns|arguments|args|properties|attributes)\s*:\s*/i;
/**
 * A sentence that lists fields without a label: "Request body: `event_type` and `note`", "returns
 * the `id` and `status`", "returns `201` with the `id` and `status`", "accepts a JSON object with
 * `email` and `locale`". The list starts at the first code span.
 */
const FIELD_LEAD = /\b(?:(?:(?:request|response)\s+)?(?:body|payload)|request|response)\s*:\s*(?=`)|\b(?:(?:returns?|respond(?:s)?|answers?)(?:\s+`?[1-5]\d\d`?(?:\s+[A-Z][a-z]+)*)?\s+with|returns?|accepts?|takes?|contains?|includes?|carries|carry|sends?|echoe?s?)\s+(?:(?:the|a|an|its|their|only|both)\s+)?(?:(?:json\s+)?(?:object|body|payload|response|request|document|record)\s+(?:with|containing|of)\s+(?:(?:the|a|an|its)\s+)?)?(?:(?:fields?|properties|attributes|keys|parameters)\s+)?(?=`)/i;
/** What a code span after such a lead names when it is no field: a number, a literal, a type (`Order`), an HTTP method. */
/** The subject of "accepts" or "takes" is a field or parameter itself ("The `sort` parameter", "the `order` field"): what follows are its values. */
const FIELD_SUBJECT = /\b(?:field|parameter|param|option|flag|property|attribute|key|column|argument|setting|header)\s+(?:(?:only|also|can|may|must|will)\s+)?$/i;
/** A list's lead-in that gives every item's type: "These fields are of type `Number`:", "All of them are strings:". */
const LIST_TYPE = /\b(?:(?:are|is)\s+(?:all\s+)?of\s+(?:the\s+)?type\s+`?([\w.<>[\]|]+)`?|(?:are|is)\s+(?:all\s+)?((?:strings?|integers?|numbers?|booleans?|floats?|doubles?|timestamps?|uuids?|urls?)))\b[^.]*:\s*$/i;
/** Words that introduce the values of a field, not more fields. */
const VALUES_LEAD = /\b(?:values?|one of|either|such as|e\.g\.|for example)\b/i;
/** A field whose members are listed under it: an object, a map, a record, a list of objects. */
const OBJECT_TYPE = /\b(?:object|map|dict\w*|record|struct|array|list)\b/i;
const NOT_A_FIELD = /^(?:\d[\w.]*|true|false|null|nil|none|undefined|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|[A-Z][\w.]*|-.*)$/;

interface Mention {
  method: string;
  path: string;
  start: number;
  end: number;
  defining: boolean;
  /** In a contract section (or a heading); otherwise a request line in a design section's code. */
  contract: boolean;
  sectionEnd: number;
  /** Served on the local host only: a loopback address, or its paragraph says localhost, loopback or a Unix socket. */
  local?: boolean;
  /** The end of the sentence it is written in (prose mentions only). */
  sentenceEnd?: number;
  section: Section | undefined;
  /** A row of an endpoint table (method and path in columns of their own): its other cells by column role. */
  row?: Array<{ role: RowRole | undefined; cell: TableCell; text: string }>;
}

type RowRole = 'request' | 'response' | 'errors' | 'status';

const cache = new WeakMap<SpecModel, InterfaceModel>();

/** The interfaces and fields of a spec, computed once per model. */
export function interfacesOf(model: SpecModel): InterfaceModel {
  let found = cache.get(model);
  if (!found) {
    found = build(model);
    cache.set(model, found);
  }
  return found;
}

/** True when the section (or an ancestor) defines interfaces or data. */
export function isContractSection(section: Section | undefined): boolean {
  if (!section) return false;
  // Asked for every sentence, item and table: answered once per section.
  let contract = contractSections.get(section);
  if (contract === undefined) contractSections.set(section, (contract = readContractSection(section)));
  return contract;
}

const contractSections = new WeakMap<Section, boolean>();

function readContractSection(section: Section): boolean {
  for (let current: Section | undefined = section; current; current = current.parent) {
    if (current.title.trim().endsWith('?')) return false;
    // The nearest heading the catalogue knows decides: an "Acceptance Criteria" subsection of a
    // requirement named "Build platform payloads" is not a contract.
    if (current.canonical.length > 0) return current.canonical.some((id) => CONTRACT_SECTIONS.includes(id));
    if (!isDocumentTitle(current) && CONTRACT_TITLE.test(current.title)) return true;
    // A section no heading names that writes a record shape ("## Source and target" over
    // "Bulk request items: `{customer_id: string, ...}`") declares data: it is read as a contract by its content.
    if (current.declaresRecords && !isDocumentTitle(current) && !hasNamedAncestor(current)) return true;
  }
  return false;
}

function hasNamedAncestor(section: Section): boolean {
  for (let current = section.parent; current; current = current.parent) if (current.canonical.length > 0) return true;
  return false;
}

/**
 * True when the nearest heading the section catalogue knows (the section itself or an ancestor)
 * is a contract section: what the spec declares as its interface, not a section whose title only
 * mentions one ("Required changes to Container Runtime Interface (CRI)").
 */
export function isDeclaredContractSection(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (current.title.trim().endsWith('?')) return false;
    if (current.canonical.length > 0) return current.canonical.some((id) => CONTRACT_SECTIONS.includes(id));
  }
  return false;
}

/** The first heading of a document at level 1, holding the rest: its title names the whole spec. */
function isDocumentTitle(section: Section): boolean {
  return section.index === 0 && section.level === 1;
}

class Intervals {
  constructor(private readonly spans: Array<{ start: number; end: number }>) {}
  has(offset: number): boolean {
    return this.spans.some((span) => offset >= span.start && offset < span.end);
  }
}

interface Context {
  model: SpecModel;
  /** `model.text` with HTML comments blanked: comments hold template guidance, not content. */
  text: string;
  /** `text` with addresses blanked too, where authentication is looked for. */
  authText: string;
  codeBlocks: Array<{ block: CodeBlock; start: number; end: number }>;
  comments: Intervals;
  documentAuth: Range | undefined;
  documentIdempotency: Range | undefined;
  documentLimits: Range | undefined;
}

function build(model: SpecModel): InterfaceModel {
  const text = textWithoutComments(model);
  // Looked for in the whole document only when an endpoint asks: most documents have none.
  let auth: [Range | undefined] | undefined;
  let idempotency: [Range | undefined] | undefined;
  let limits: [Range | undefined] | undefined;
  let authText: string | undefined;
  const codeBlocks = model.codeBlocks.map((block) => ({ block, start: offsetOf(model, block.range.start), end: offsetOf(model, block.range.end) }));
  const context: Context = {
    model,
    text,
    get authText() { return (authText ??= withoutAddresses(text)); },
    codeBlocks,
    comments: new Intervals([
      ...model.htmlComments.map((comment) => ({ start: comment.startOffset, end: comment.endOffset })),
      ...(model.frontMatter ? [{ start: model.frontMatter.startOffset, end: model.frontMatter.endOffset }] : []),
    ]),
    // Code spans count here: "`Idempotency-Key`" and "`Authorization: Bearer`" say it all.
    get documentAuth() { return (auth ??= [documentAuthOf(model, this.authText, codeBlocks)])[0]; },
    get documentIdempotency() { return (idempotency ??= [firstMatch(model, text, IDEMPOTENCY_WORDS, bodyStart(model))])[0]; },
    get documentLimits() { return (limits ??= [firstMatch(model, text, LIMIT_WORDS, bodyStart(model))])[0]; },
  };
  const contractSections = model.sections.filter((section) => isContractSection(section) && !isContractSection(section.parent));
  const byHeading = headingInterfaces(context);
  const commands = headingCommands(context);
  const interfaces = [...endpoints(context), ...byHeading, ...fromCode(model, byHeading), ...mergeCommands(commands, commandTables(context))];
  interfaces.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { interfaces, fields: fields(context), contractSections };
}

// ---------------------------------------------------------------------------------------------
// HTTP endpoints

function endpoints(context: Context): InterfaceSpec[] {
  const { model } = context;
  const mentions = findMentions(context);
  if (mentions.length === 0) return [];
  const grouped: Array<{ method: string; segments: string[]; label: string; mentions: Mention[]; extents: Array<{ start: number; end: number }> }> = [];
  mentions.forEach((mention, index) => {
    const segments = mention.path.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
    let group = grouped.find((g) => g.method === mention.method && samePath(g.segments, segments));
    if (!group) {
      group = { method: mention.method, segments, label: `${mention.method} ${mention.path.replace(/[?#].*$/, '')}`, mentions: [], extents: [] };
      grouped.push(group);
    }
    group.mentions.push(mention);
    group.extents.push({ start: mention.end, end: extentEndOf(mentions, index, context.text) });
  });
  const shared = sharedEvidence(context, mentions);
  return grouped.map((group) => {
    const first = group.mentions.find((m) => m.defining) ?? group.mentions[0];
    const parts: Partial<Record<InterfacePart, Range>> = {};
    const statusCodes: string[] = [];
    const examples: InterfaceExample[] = [];
    const hasBody = BODY_METHODS.has(group.method);
    for (const mention of group.mentions) if (mention.row) rowEvidence(mention.row, parts, statusCodes);
    for (const extent of group.extents) collectEndpointEvidence(context, extent, hasBody, parts, statusCodes, examples);
    for (const [part, range] of Object.entries(shared) as Array<[InterfacePart, Range]>) parts[part] ??= range;
    if (context.documentAuth) parts.auth ??= context.documentAuth;
    if (context.documentLimits) parts.limits ??= context.documentLimits;
    if (group.method === 'POST' && context.documentIdempotency) parts.idempotency ??= context.documentIdempotency;
    const last = group.segments[group.segments.length - 1] ?? '';
    const required: InterfacePart[] = [];
    if (hasBody && !ACTION_SEGMENT.test(last)) required.push('request');
    required.push('response');
    if (parts.status && !parts.response) parts.response = parts.status;
    // An endpoint served only on the local host (a sidecar's `http://localhost:3500/...`, "on the loopback
    // interface", a Unix socket) is reached from the same machine or pod: access to it is the host's, not a credential's.
    const recommended: InterfacePart[] = group.mentions.every((m) => m.local) ? [] : ['auth'];
    // A design section that shows a request and its response leaves the error cases open, but a
    // contract that lists endpoints must name them.
    // Outside the contract, an endpoint that takes no input (a GET of a fixed path, no query)
    // has no caller mistakes to answer: what is left is access, which authentication covers.
    if (group.mentions.some((m) => m.contract)) required.push('errors');
    else if (takesInput(group.method, group.mentions.map((m) => m.path)) || !parts.auth) recommended.unshift('errors');
    if (group.method === 'POST') recommended.push('idempotency');
    if (isList(context, group.method, group.segments, group.extents)) recommended.push('pagination');
    // "`POST /v1/traces` is the same as the [OTLP/HTTP](…) request": the linked specification gives every part.
    const cited = group.mentions.find((mention) => citesOutsideSpec(paragraphAround(context.text, mention.start, mention.end)));
    if (cited) for (const part of [...required, ...recommended]) parts[part] ??= rangeFromOffsets(model, cited.start, cited.end);
    const lastExtent = group.extents.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    return finish({
      kind: 'endpoint',
      label: group.label,
      method: group.method,
      path: first.path,
      range: rangeFromOffsets(model, first.start, first.end),
      mentions: group.mentions.map((m) => rangeFromOffsets(model, m.start, m.end)),
      section: first.section,
      parts,
      required,
      recommended,
      insertAt: lineAfter(model, trimEnd(context.text, lastExtent.start, ownLinesEnd(model, lastExtent))),
      statusCodes,
      examples,
    });
  });
}

function findMentions(context: Context): Mention[] {
  const { model } = context;
  const mentions: Mention[] = [];
  const regex = new RegExp(METHOD_AND_PATH.source, 'g');
  for (let match = regex.exec(model.text); match; match = regex.exec(model.text)) {
    const start = match.index;
    if (context.comments.has(start)) continue;
    const section = sectionAt(model, start);
    const isHeading = !!section && offsetOf(model, section.headingRange.start) <= start && start <= offsetOf(model, section.headingRange.end);
    const prefix = model.text.slice(model.text.lastIndexOf('\n', start - 1) + 1, start);
    const block = context.codeBlocks.find((c) => start >= c.start && start < c.end);
    const inCode = !!block;
    const contract = isHeading || isContractSection(section);
    // A request the service sends ("Outbound webhook request", "Outgoing calls") is one it makes, not an endpoint it serves.
    if (inCode && OUTBOUND_TITLE.test(section?.title ?? '')) continue;
    // A comment in code narrates the example around it ("// POST /api/users gets JSON bodies"); only a request line defines.
    if (inCode && CODE_COMMENT_END.test(prefix)) continue;
    // Outside the contract, a design section defines an endpoint by a request line in its code
    // ("GET /openid/v1/jwks" or "> GET https://host/path" before the response it shows).
    if (!contract && !(block?.block.fenced && /^\s*>?\s*$/.test(prefix) && isDesignSection(section))) continue;
    const path = match[2].replace(/[.,;:!?*_]+$/, '');
    let sectionEnd = section ? offsetOf(model, section.bodyRange.end) : model.text.length;
    // Outside the contract, what describes a request line is its block and the prose after it,
    // up to the next code block or heading: other code in the section is about something else.
    if (!contract && block) {
      const nextBlock = context.codeBlocks.find((c) => c.start >= block.end);
      const nextHeading = model.sections.map((s) => offsetOf(model, s.headingRange.start)).find((offset) => offset >= block.end);
      sectionEnd = Math.min(sectionEnd, nextBlock?.start ?? sectionEnd, nextHeading ?? sectionEnd);
    }
    mentions.push({
      method: match[1],
      path,
      local: LOCAL_HOST.test(match[0]) || LOCAL_WORDS.test(paragraphAround(context.text, start, start + match[0].length)),
      start,
      end: start + match[0].length - (match[2].length - path.length),
      // In a code block only a request line (`GET /x HTTP/1.1`) defines; `curl -X GET ...` cites.
      defining: inCode ? /^\s*>?\s*$/.test(prefix) : LINE_PREFIX.test(prefix),
      contract,
      sectionEnd,
      sentenceEnd: inCode ? undefined : model.sentences.find((sentence) => sentence.startOffset <= start && start < sentence.endOffset)?.endOffset,
      section,
    });
  }
  mentions.push(...tableMentions(context));
  return mentions.sort((a, b) => a.start - b.start);
}

const METHOD_HEADER = /^(?:method|verb|http method|http verb)$/i;
const PATH_HEADER = /^(?:path|endpoint|route|url|uri|resource|path template)$/i;
const ROW_ROLES: Array<[RowRole, RegExp]> = [
  ['request', /^(?:request|request body|body|input|inputs|parameters|params|payload|request fields|query)$/i],
  ['response', /^(?:response|responses|response body|returns|output|success|result|success response)$/i],
  ['errors', /^(?:errors?|error cases|error responses|failures?|error codes|error statuses)$/i],
  ['status', /^(?:status|statuses|status codes?|codes?|http status)$/i],
];

/**
 * Endpoint tables that give the method and the path in columns of their own
 * ("| Method | Path | Request | Response | Errors |"): each row defines an endpoint, and the
 * cells of its request, response and error columns give those parts (an empty cell gives none).
 */
function tableMentions(context: Context): Mention[] {
  const { model } = context;
  const mentions: Mention[] = [];
  for (const table of model.tables) {
    const header = table.header.map((cell) => cell.text.trim().replace(/[*_`]/g, ''));
    const methodColumn = header.findIndex((cell) => METHOD_HEADER.test(cell));
    const pathColumn = header.findIndex((cell) => PATH_HEADER.test(cell));
    if (methodColumn < 0 || pathColumn < 0) continue;
    const contract = isContractSection(table.section);
    if (!contract && !isDesignSection(table.section)) continue;
    for (const row of table.rows) {
      const methodCell = row.find((cell) => cell.column === methodColumn);
      const pathCell = row.find((cell) => cell.column === pathColumn);
      // Cell text without HTML comments.
      const cellText = (cell: TableCell | undefined) => (cell ? context.text.slice(cell.startOffset, cell.endOffset).trim() : '');
      const method = cellText(methodCell).replace(/^[`*_]+|[`*_]+$/g, '').toUpperCase();
      const path = /^[`*_]*(?:https?:\/\/[^\s/`]+)?(\/[^\s`*|]*)[`*_]*$/.exec(cellText(pathCell))?.[1];
      if (!methodCell || !pathCell || !method || !path || !/^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(method)) continue;
      const rowEnd = Math.max(...row.map((cell) => cell.endOffset));
      mentions.push({
        method,
        path,
        start: Math.min(methodCell.startOffset, pathCell.startOffset),
        end: Math.max(methodCell.endOffset, pathCell.endOffset),
        defining: true,
        contract,
        sectionEnd: lineEndOffset(model, positionAt(model, rowEnd).line),
        section: table.section,
        row: row.filter((cell) => cell !== methodCell && cell !== pathCell)
          .map((cell) => ({ role: ROW_ROLES.find(([, pattern]) => pattern.test(header[cell.column] ?? ''))?.[0], cell, text: cellText(cell) })),
      });
    }
  }
  return mentions;
}

/** What the cells of an endpoint table's row give: a dash in the request column says there is no body. */
function rowEvidence(row: NonNullable<Mention['row']>, parts: Partial<Record<InterfacePart, Range>>, statusCodes: string[]): void {
  for (const { role, cell, text } of row) {
    if (text === '' || role === undefined) continue;
    const dash = /^[-–—]+$|^n\/a$/i.test(text);
    if (role === 'request') parts.request ??= cell.range;
    else if (dash) continue;
    else if (role === 'response') parts.response ??= cell.range;
    else if (role === 'errors') parts.errors ??= cell.range;
    for (const { code } of statusCodesIn(text)) {
      if (!statusCodes.includes(code)) statusCodes.push(code);
      if (/^[45]/.test(code)) parts.errors ??= cell.range;
      else parts.status ??= cell.range;
    }
  }
}

/**
 * A defining mention describes the endpoint until the next defining mention; a mention cited
 * mid-sentence only until the next mention of any kind.
 */
function extentEndOf(mentions: Mention[], index: number, text?: string): number {
  const mention = mentions[index];
  // "Target: `POST /v1/customers/{id}/addresses`, batched through `POST /v1/addresses:bulk`": endpoints
  // named together in one sentence, with nothing said of the first before the second, share what follows.
  const following = mentions[index + 1];
  if (text !== undefined && following && !mention.defining && !following.defining && mention.sentenceEnd !== undefined
    && following.start < mention.sentenceEnd && !saysSomething(text.slice(mention.end, following.start))) {
    return extentEndOf(mentions, index + 1, text);
  }
  const next = mentions.slice(index + 1).find((other) => other.defining || !mention.defining);
  return Math.min(next ? next.start : Number.MAX_SAFE_INTEGER, mention.sectionEnd);
}

/** Text that gives an endpoint a part of its own: a response, an error, a status code, a body. */
function saysSomething(between: string): boolean {
  return RESPONSE_WORDS.test(between) || ERROR_WORDS.test(between) || REQUEST_EVIDENCE.test(between) || statusCodesIn(between).length > 0;
}

function samePath(a: string[], b: string[]): boolean {
  const isParameter = (segment: string) => /^(?:\{.*\}|:\w+|<.*>|\d+|[0-9a-f-]{8,})$/i.test(segment);
  return a.length === b.length && a.every((segment, index) => segment === b[index] || isParameter(segment) || isParameter(b[index]));
}

function collectEndpointEvidence(context: Context, extent: { start: number; end: number }, hasBody: boolean, parts: Partial<Record<InterfacePart, Range>>, statusCodes: string[], examples: InterfaceExample[]): void {
  const { model, text } = context;
  const slice = text.slice(extent.start, extent.end);
  const at = (index: number, length = 1) => rangeFromOffsets(model, extent.start + index, extent.start + index + length);
  // A request line in a code block: what follows it in the block is its body (POST, PUT, PATCH)
  // and, after an "HTTP/1.1 200" line or for a method without a body, the response.
  const own = context.codeBlocks.find((c) => extent.start > c.start && extent.start < c.end);
  if (own) {
    const inBlock = slice.slice(0, Math.max(0, Math.min(own.end, extent.end) - extent.start)).replace(/\n[ \t]*(?:```|~~~)[^\n]*\s*$/, '');
    const lineEnd = inBlock.indexOf('\n');
    const first = lineEnd < 0 ? -1 : inBlock.slice(lineEnd + 1).search(/\S/);
    const status = /^[ \t<]*HTTP\/\d(?:\.\d)?[ \t]+[1-5]\d\d/m.exec(inBlock);
    if (first >= 0) {
      const bodyAt = lineEnd + 1 + first;
      if (hasBody && (!status || bodyAt < status.index)) parts.request ??= at(bodyAt);
      else if (!status && /^[{[<]/.test(inBlock.slice(bodyAt))) parts.response ??= at(bodyAt);
    }
  }
  // Code blocks after the mention: a request or a response example, by what introduces them.
  let sawRequest = false;
  for (const { block, start } of context.codeBlocks) {
    if (!block.fenced || start < extent.start || start >= extent.end) continue;
    const lead = leadLine(text, extent.start, start);
    const role = roleOf(lead);
    if (role === 'request' || (role === undefined && hasBody && !sawRequest && !parts.request)) {
      sawRequest = true;
      parts.request ??= block.range;
      examples.push({ block, role: 'request' });
    } else {
      parts.response ??= block.range;
      const status = statusCodesIn(lead)[0]?.code ?? /\b([1-5]\d\d)\b/.exec(lead)?.[1];
      examples.push({ block, role: 'response', ...(status && /^\d+$/.test(status) ? { status } : {}) });
    }
  }
  for (const table of model.tables) {
    const start = offsetOf(model, table.range.start);
    if (start < extent.start || start >= extent.end) continue;
    const header = table.header.map((cell) => cell.text.trim());
    if (header.some((cell) => /^(?:status|code|status code|http status|http code)$/i.test(cell))) continue;
    if (header.some((cell) => NAME_HEADER.test(cell))) {
      const role = roleOf(leadLine(text, extent.start, start));
      if (role === 'response') parts.response ??= table.range;
      else parts.request ??= table.range;
    }
  }
  // A record shape written inline ("Bulk request items: `{id: string, ...}`", "Response: `{results: [...]}`")
  // is the request or the response its lead names.
  for (const code of model.inlineCode) {
    if (code.startOffset < extent.start || code.startOffset >= extent.end || !code.text.includes(':') || !recordMembers(code.text)) continue;
    const lead = text.slice(Math.max(extent.start, lineStartOf(model, code.startOffset), text.lastIndexOf('. ', code.startOffset) + 2), code.startOffset);
    const role = roleOf(lead) ?? (hasBody && !parts.request ? 'request' : 'response');
    parts[role] ??= code.range;
  }
  const response = RESPONSE_WORDS.exec(slice);
  if (response) parts.response ??= at(response.index, response[0].length);
  if (hasBody) {
    const request = REQUEST_EVIDENCE.exec(slice) ?? NO_BODY.exec(slice);
    if (request) parts.request ??= at(request.index, request[0].length);
  }
  // Error cases are stated in words, or by an error key of an example; a value in an example or a
  // code span ("status": "failed", enum `failed`) states none.
  const error = ERROR_WORDS.exec(withoutCode(context, extent, slice)) ?? ERROR_KEY.exec(slice);
  if (error) parts.errors ??= at(error.index, error[0].length);
  for (const { code, index, length } of statusCodesIn(slice)) {
    if (!statusCodes.includes(code)) statusCodes.push(code);
    if (/^[45]/.test(code)) parts.errors ??= at(index, length);
    else parts.status ??= at(index, length);
  }
  const idempotent = IDEMPOTENCY_WORDS.exec(slice);
  if (idempotent) parts.idempotency ??= at(idempotent.index, idempotent[0].length);
  const page = PAGINATION_WORDS.exec(slice);
  if (page) parts.pagination ??= at(page.index, page[0].length);
  const auth = AUTH_WORDS.exec(context.authText.slice(extent.start, extent.end));
  if (auth) parts.auth ??= at(auth.index, auth[0].length);
}

/**
 * Evidence written once for every endpoint: the contract's text outside any endpoint's own
 * description (an introduction, an "Errors" or "Authentication" subsection) and error-handling
 * sections. Shared error text counts only with status or error codes: "use the standard error
 * format" does not say which errors happen.
 */
function sharedEvidence(context: Context, mentions: Mention[]): Partial<Record<InterfacePart, Range>> {
  const { model, text } = context;
  const parts: Partial<Record<InterfacePart, Range>> = {};
  const roots = model.sections.filter((s) => (isContractSection(s) && !isContractSection(s.parent)) || s.canonical.includes('error-handling'));
  const owned = mentions.map((m, i) => ({ start: m.start, end: extentEndOf(mentions, i) }));
  for (const section of roots) {
    const start = offsetOf(model, section.bodyRange.start);
    const end = offsetOf(model, section.bodyRange.end);
    let position = start;
    const pieces: Array<{ start: number; end: number }> = [];
    for (const span of owned.filter((o) => o.end > start && o.start < end).sort((a, b) => a.start - b.start)) {
      if (span.start > position) pieces.push({ start: position, end: span.start });
      position = Math.max(position, span.end);
    }
    if (position < end) pieces.push({ start: position, end });
    for (const piece of pieces) {
      const slice = text.slice(piece.start, piece.end);
      const at = (index: number, length: number) => rangeFromOffsets(model, piece.start + index, piece.start + index + length);
      // 401 and 403 written once for all endpoints answer authentication, not an endpoint's own failures.
      for (const { code, index, length } of statusCodesIn(slice)) {
        if (/^[45]/.test(code) && !/^40[13]$/.test(code)) parts.errors ??= at(index, length);
      }
      // The error format alone ("errors are `application/problem+json`") does not say which errors happen.
      const errorCode = /\berror[ _-]?codes?\b|"error"\s*:/i.exec(slice);
      if (errorCode) parts.errors ??= at(errorCode.index, errorCode[0].length);
      const page = /\b(?:paginat\w*|cursor|next_?(?:page|cursor|token))\b/i.exec(slice);
      if (page) parts.pagination ??= at(page.index, page[0].length);
    }
  }
  return parts;
}

/** An endpoint takes input when its method carries a body or its path has a parameter or a query. */
function takesInput(method: string, paths: string[]): boolean {
  if (BODY_METHODS.has(method) || method === 'DELETE') return true;
  return paths.some((path) => /[?{}<>]|\/:\w/.test(path));
}

/** A list endpoint: GET on a collection, or one whose description says it lists or searches. */
function isList(context: Context, method: string, segments: string[], extents: Array<{ start: number; end: number }>): boolean {
  if (method !== 'GET') return false;
  const last = segments[segments.length - 1] ?? '';
  // A collection is a plain word ("orders", "line-items"); "{id}" or "jane%40example.org" is one item.
  if (!/^[a-z][a-z_-]*$/i.test(last)) return false;
  const described = extents.map((e) => context.text.slice(e.start, e.end)).join('\n');
  return /\b(?:lists?|listing|search(?:es)?|all (?:the )?\w+s|returns? (?:the )?\w+s\b|"\w+"\s*:\s*\[|^\s*\[)/im.test(described)
    && !/\b(?:health|status|version|metrics|config|me|self|info|ping)$/i.test(last);
}

// ---------------------------------------------------------------------------------------------
// Messages, files, jobs and functions: defined by a heading

function headingInterfaces(context: Context): InterfaceSpec[] {
  const { model, text } = context;
  const found: InterfaceSpec[] = [];
  const roles = sectionRoles(model.sections);
  for (const section of model.sections) {
    // One interface under a contract heading; "## Webhooks" alone is a group, not an interface.
    if (!isContractSection(section.parent)) continue;
    if (section.canonical.length > 0 || isDocumentTitle(section) || section.title.trim().endsWith('?')) continue;
    // An alternative weighed, the background or a discussion is narrative: what it describes is not
    // built ("Appendix: Alternative solutions > Alternative 1 - Report the interface name per VM").
    if (isNarrativeOnly(roles[section.index])) continue;
    const title = section.title.trim();
    if (new RegExp(METHOD_AND_PATH.source).test(title)) continue;
    // A kind word inside a code span of the heading names code, not an interface ("The `event` abstraction").
    const kind = headingKind(title, rawHeading(context, section).replace(/`[^`]*`/g, ' '));
    if (!kind) continue;
    const start = offsetOf(model, section.bodyRange.start);
    const end = offsetOf(model, section.bodyRange.end);
    const body = text.slice(start, end);
    if (body.trim() === '') continue;
    const parts: Partial<Record<InterfacePart, Range>> = {};
    const at = (index: number, length: number) => rangeFromOffsets(model, start + index, start + index + length);
    const mark = (part: InterfacePart, pattern: RegExp, source = body) => {
      const match = pattern.exec(source);
      if (match) parts[part] ??= source === body ? at(match.index, match[0].length) : section.headingRange;
    };
    const blocks = context.codeBlocks.filter((c) => c.block.fenced && c.start >= start && c.start < end);
    const fieldTables = model.tables.filter((t) => offsetOf(model, t.range.start) >= start && offsetOf(model, t.range.start) < end && t.header.some((cell) => NAME_HEADER.test(cell.text.trim())));
    const structured = blocks[0]?.block.range ?? fieldTables[0]?.range;
    // The heading's word proposes a kind; the section must say something only that kind has.
    if (!(kind === 'message' && isInProcessEvent(title, body)) && !showsKind(kind, title, body, blocks.map((c) => c.block), fieldTables.length > 0)) continue;
    const required: InterfacePart[] = [];
    const recommended: InterfacePart[] = [];
    if (kind === 'message' && isInProcessEvent(title, body)) {
      // Emitted by an object to its listeners: the emitter is the channel, the listener's
      // arguments (listed or none) the payload.
    } else if (kind === 'message') {
      if (structured) parts.payload = structured;
      mark('payload', /\b(?:payload|body|schema|fields?)\s*:/i);
      mark('channel', CHANNEL_WORDS, title);
      mark('channel', CHANNEL_WORDS);
      required.push('payload');
      recommended.push('channel');
    } else if (kind === 'file') {
      if (fieldTables[0]) parts.format = fieldTables[0].range;
      mark('format', FORMAT_WORDS, title);
      mark('format', FORMAT_WORDS);
      if (!parts.format && blocks[0]) parts.format = blocks[0].block.range;
      mark('location', LOCATION_WORDS);
      mark('schedule', SCHEDULE_WORDS);
      required.push('format');
      recommended.push('location');
    } else if (kind === 'job') {
      mark('schedule', SCHEDULE_WORDS, title);
      mark('schedule', SCHEDULE_WORDS);
      mark('inputs', /\b(?:reads?|inputs?|consumes?|loads?|from)\b/i);
      mark('output', /\b(?:writes?|outputs?|produces?|emits?|publishes|uploads?|stores?|updates?|inserts?)\b/i);
      mark('errors', ERROR_WORDS);
      required.push('schedule', 'output');
      recommended.push('errors');
    } else {
      const signature = FUNCTION_HEADING.exec(title.replace(/^`|`$/g, '').trim());
      if (signature) {
        if (signature[2].trim() === '' || /:/.test(signature[2])) parts.inputs = section.headingRange;
        if (signature[3]) parts.output = section.headingRange;
      }
      if (fieldTables[0]) parts.inputs ??= fieldTables[0].range;
      mark('inputs', /\b(?:parameters?|arguments?|args|options?|flags?|inputs?|takes|accepts)\b/i);
      mark('output', OUTPUT_WORDS);
      if (blocks[0]) parts.output ??= blocks[0].block.range;
      mark('errors', FUNCTION_ERROR_WORDS);
      required.push('output', 'errors');
    }
    found.push(finish({
      kind,
      label: labelOf(title, kind),
      ...(kind === 'message' ? { names: messageNames(title, text.slice(start, offsetOf(model, section.ownBodyRange.end))) } : {}),
      range: section.headingRange,
      mentions: [section.headingRange],
      section,
      parts,
      required,
      recommended,
      insertAt: lineAfter(model, trimEnd(text, start, end)),
      statusCodes: [],
      examples: [],
    }));
  }
  return found;
}

/**
 * What only a message has, besides a bus or a channel (BUS_WORDS, CHANNEL_WORDS): it is sent,
 * consumed, received or dispatched, or carries a payload. "An event is an occurrence where
 * computation switches between tasks" has none.
 */
const MESSAGE_EVIDENCE = /\b(?:consum(?:e|es|ed|ing)|produc(?:er|ers)|emit(?:s|ted|ting)?|sen(?:d|ds|t)|receiv(?:e|es|ed|ers?)|enqueue[ds]?|dispatch(?:es|ed)?|broadcast\w*|payloads?|envelopes?)\b/i;
/** What only a file has: a format, a location, rows or lines, or being written, read, uploaded or exported. */
const FILE_EVIDENCE = /\b(?:writ(?:e|es|ten|ing)|reads?|upload\w*|download\w*|export(?:s|ed|ing)?|import(?:s|ed|ing)?|generat(?:e|es|ed)|attach(?:es|ed)?|stored?|saved?|dropped|rows?|lines?|records?|entries|[\w-]+\.[a-z]{2,7})\b/i;
/** What only a job has: a schedule or trigger, or that it runs, executes or processes something. */
const JOB_EVIDENCE = /\b(?:runs?|ran|running|execut(?:e|es|ed|ing)|process(?:es|ed|ing)|batch\w*|reads?|writes?|loads?|scans?|retr(?:y|ies))\b/i;
/** A structured example of a payload: a JSON, YAML, Avro, protobuf or XML block, or an object or a list. */
const STRUCTURED_BLOCK = /^(?:json\w*|ya?ml|avro|avsc|proto(?:buf)?|xml)$/i;

/**
 * True when the section shows the kind its heading's word proposes: "### Event declaration" over
 * "Event tags are declared: `(tag $e (param t*))`" is no message, "### Warning Message Format" over
 * the text of a warning no message between services, "### Alternative 1 - Report ..." no file.
 */
function showsKind(kind: InterfaceKind, title: string, body: string, blocks: CodeBlock[], fieldTable: boolean): boolean {
  const prose = body.replace(/^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$/gm, ' ');
  if (kind === 'message') {
    return [title, prose].some((words) => BUS_WORDS.test(words) || CHANNEL_WORDS.test(words) || MESSAGE_EVIDENCE.test(words)) || fieldTable
      || blocks.some((block) => STRUCTURED_BLOCK.test(block.language) || /^\s*[{[<]/.test(block.content))
      || /`?\b(?:[a-z][\w-]*(?:[./][\w-]+)+|(?:[A-Z][a-z0-9]+){2,})\b`?/.test(title);
  }
  if (kind === 'file') return FORMAT_WORDS.test(title) || FORMAT_WORDS.test(prose) || LOCATION_WORDS.test(prose) || FILE_EVIDENCE.test(prose) || fieldTable || blocks.length > 0;
  if (kind === 'job') return SCHEDULE_WORDS.test(title) || SCHEDULE_WORDS.test(prose) || JOB_EVIDENCE.test(prose);
  return true;
}

/** Words of a message carried between services: a bus, a topic, a subscriber. */
const BUS_WORDS = /\b(?:publish\w*|subscri\w*|consumers?|brokers?|delivered|deliver(?:y|ies)|sent to|posted to|topics?|queues?|kafka|sqs|sns|pub\/?sub|rabbitmq|amqp|nats|eventbridge|kinesis|webhooks?|routing key)\b/i;
/** How an API reference introduces an object's event: "Event: 'close'", "Emitted when ...", a listener or callback. */
const EMITTER_WORDS = /^\s*(?:Emitted|Fired|Dispatched|Raised)\s+(?:when|after|before|once|if|on)\b|\b(?:listeners?|callbacks?|event handlers?|addEventListener|removeEventListener)\b|\.on\(\s*['"`]/i;

/**
 * An event an object emits to its listeners in the same process ("Event: 'drain'" over "Emitted
 * when the socket's buffer is empty", a listener callback), as API references of event emitters
 * and the DOM describe them; not a message between services, which has a topic and a payload to
 * define. Bus words (published, subscribers, a topic or queue) make it a message.
 */
function isInProcessEvent(title: string, body: string): boolean {
  // Not every channel word: an emitter's events often concern a stream ("the read stream ended").
  if (BUS_WORDS.test(title) || BUS_WORDS.test(body)) return false;
  return /^(?:Event|Signal):\s*[`'"]/i.test(title.trim()) || EMITTER_WORDS.test(body);
}

function messageNames(title: string, ownBody: string): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed !== '' && !names.includes(trimmed)) names.push(trimmed);
  };
  for (const match of title.matchAll(/`([^`]+)`/g)) add(match[1]);
  for (const match of title.replace(/`[^`]*`/g, ' ').matchAll(/\b[a-z][\w-]*(?:[./][\w-]+)+\b|\b(?:[A-Z][a-z0-9]+){2,}\b/g)) add(match[0]);
  const prose = ownBody.replace(/^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[^\n]*$/gm, ' ');
  for (const match of prose.matchAll(/`([^`\s]+)`/g)) add(match[1]);
  return names;
}

/** A key with a literal value in an example object: `port: 21223`, `"name": "a.example"`, `ok: true`, `tags: [`. */
const EXAMPLE_KEY = /(?:^|[{,\s])["']?([A-Za-z_$][\w$-]*)["']?[ \t]*:[ \t]*(?:-?\d|["'`]|true\b|false\b|null\b|\[|\{)/gm;

/** The keys that example objects in the code blocks of `section` show with a value, lower-cased, with the line of the first. */
function exampleValues(model: SpecModel, section: Section): Map<string, number> {
  const keys = new Map<string, number>();
  for (const block of model.codeBlocks) {
    if (block.section !== section) continue;
    for (const match of block.content.matchAll(EXAMPLE_KEY)) {
      const key = match[1].toLowerCase();
      if (!keys.has(key)) keys.set(key, block.contentRange.start.line + block.content.slice(0, match.index ?? 0).split('\n').length - 1);
    }
  }
  return keys;
}

/**
 * A section that argues or recounts (an alternative weighed, the background, a discussion), as the
 * statement model reads its heading: what it describes is not what the contractor builds. An
 * example section shows the interface ("Interface and examples") and still defines it.
 */
export function isNarrativeOnly(role: SectionRoleInfo | undefined): boolean {
  return role?.role === 'narrative' && role.narrative !== 'example';
}

/** A dotted name or a call in a heading: `event.isTrusted`, `start(event)`, `new Error(message[, options])`. */
const CODE_IDENTIFIER = /[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?:\([^)]*\))?|[A-Za-z_$][\w$]*\([^)]*\)/g;

/** `outsideCode`: the heading as written with its code spans blanked; a kind word must be there. */
function headingKind(title: string, outsideCode = title): InterfaceKind | undefined {
  const bare = title.replace(/^(?:[A-Z0-9]{1,3}[.)]|\d+(?:\.\d+)*\.?)\s+/, '').trim();
  const code = /^`[^`]+`$/.test(bare);
  if (code && (FUNCTION_HEADING.test(bare.slice(1, -1)) && /\(/.test(bare))) return 'function';
  if (code && CLI_HEADING.test(bare) && /\s/.test(bare)) return 'function';
  // A kind word inside an identifier names no kind: "event.isTrusted", "start(event)",
  // "errors.message(key, args)" are members and functions of code, not messages.
  const words = bare.replace(CODE_IDENTIFIER, ' ');
  // "Events", "Sample events" or "Profile files" name a group of interfaces, not one: the kind
  // word must be singular, or the heading must carry an identifier in code.
  const named = (pattern: RegExp) => {
    const match = new RegExp(pattern.source, 'i').exec(words);
    if (!match || !new RegExp(pattern.source, 'i').test(outsideCode) || bare.replace(new RegExp(pattern.source, 'gi'), '').replace(/[\s\W]+/g, '') === '') return false;
    return !/(?:s|es)$/i.test(match[0]) || /`[^`]+`/.test(bare);
  };
  if (named(MESSAGE_TITLE)) return 'message';
  if (named(JOB_TITLE)) return 'job';
  if (named(FILE_TITLE)) return 'file';
  return undefined;
}

function labelOf(title: string, kind: InterfaceKind): string {
  const bare = title.replace(/^(?:[A-Z0-9]{1,3}[.)]|\d+(?:\.\d+)*\.?)\s+/, '').replace(/[*_]/g, '').trim();
  return kind === 'function' ? bare : bare;
}

// ---------------------------------------------------------------------------------------------
// Functions and gRPC methods declared in the code of a design section

function fromCode(model: SpecModel, byHeading: InterfaceSpec[]): InterfaceSpec[] {
  const named = new Set(byHeading.filter((spec) => spec.kind === 'function').map((spec) => /[A-Za-z_]\w*/.exec(spec.label)?.[0]));
  return codeInterfacesOf(model)
    .filter((found) => !named.has(found.label))
    .map((found: CodeInterface) => finish({
      kind: found.kind,
      label: found.label,
      range: found.range,
      mentions: [found.range],
      section: found.section,
      parts: { ...found.parts },
      required: [...found.required],
      recommended: [],
      insertAt: found.insertAt,
      statusCodes: [],
      examples: [],
      notes: { ...found.notes },
    }));
}

// ---------------------------------------------------------------------------------------------
// Commands: a flag table in a design or contract section

/** The column of a table that lists a command's flags (`--output`, `-v`), or -1. */
function flagColumn(table: Table): number {
  const column = table.header.findIndex((cell) => FLAG_HEADER.test(cell.text.trim().replace(/[*_`]/g, '')));
  if (column < 0) return -1;
  const flags = table.rows.filter((row) => /^[`*_]*--?[A-Za-z]/.test(row.find((cell) => cell.column === column)?.text.trim() ?? ''));
  return flags.length > 0 && flags.length * 2 >= table.rows.length ? column : -1;
}

/**
 * A table of flags defines a command's inputs. The command is the last code span before the
 * table that reads like one (`swift test`, `kubectl apply`), else the section heading. Its flags
 * are fields: a flag table with a type column must type each flag.
 */
function commandTables(context: Context): InterfaceSpec[] {
  const { model, text } = context;
  const commands: CommandDraft[] = [];
  for (const table of model.tables) {
    const column = flagColumn(table);
    if (column < 0 || !(isContractSection(table.section) || isDesignSection(table.section))) continue;
    const start = offsetOf(model, table.range.start);
    const from = table.section ? offsetOf(model, table.section.bodyRange.start) : 0;
    const lead = text.slice(from, start);
    const command = [...lead.matchAll(/`([a-z][\w.-]*(?: [a-z][\w-]*){1,2})`/g)].pop()?.[1];
    const flags = table.rows.map((row) => /--?[A-Za-z][\w-]*/.exec(row.find((cell) => cell.column === column)?.text ?? '')?.[0]).filter((flag): flag is string => !!flag);
    commands.push({
      name: command, label: command ?? `flags of "${table.section?.title.trim() ?? 'the document'}"`, section: table.section,
      range: rangeFromOffsets(model, start, lineEndOffset(model, table.range.start.line)), mentions: [table.range],
      inputs: table.range, end: offsetOf(model, table.range.end), defined: new Set(flags), used: [],
    });
  }
  // Usage lines: of a command a flag table defines, or, under a heading about commands, commands of their own.
  let described: Set<string> | undefined;
  for (const usage of usageLines(context)) {
    const known = commands.find((command) => command.name !== undefined && (usage.name === command.name || usage.name.startsWith(`${command.name} `)));
    if (!known && (!COMMAND_HEADING.test(usage.section?.title ?? '') || CHANGES_HEADING.test(usage.section?.title ?? ''))) continue;
    const command: CommandDraft = known ?? { name: usage.name, label: usage.name, section: usage.section, range: usage.range, mentions: [], inputs: usage.range, end: usage.end, defined: new Set<string>(), used: [] };
    if (!known) commands.push(command);
    command.mentions.push(usage.range);
    command.end = Math.max(command.end, usage.end);
    command.used.push(...usage.flags);
  }
  return commands.map((command) => {
    // A flag is given by the command's table, or where the text outside code names it.
    const undescribed: CommandDraft['used'] = [];
    const seen = new Set<string>();
    for (const use of command.used) {
      if (seen.has(use.flag)) continue;
      seen.add(use.flag);
      if (!command.defined.has(use.flag) && !(described ??= describedFlags(context)).has(use.flag)) undescribed.push(use);
    }
    const contract = isContractSection(command.section);
    const parts: InterfaceSpec['parts'] = undescribed.length === 0 ? { inputs: command.inputs } : {};
    return finish({
      kind: 'command',
      label: command.label,
      range: command.range,
      mentions: command.mentions,
      section: command.section,
      parts,
      required: undescribed.length > 0 && contract ? ['inputs'] : [],
      recommended: undescribed.length > 0 && !contract ? ['inputs'] : [],
      insertAt: lineAfter(model, command.end),
      statusCodes: [],
      examples: [],
      ...(undescribed.length > 0 ? { notes: { inputs: `${undescribed.length === 1 ? 'the flag' : 'the flags'} ${joinCodes(undescribed.map(({ flag, range }) => `\`${flag}\` (line ${range.start.line + 1})`))} ${undescribed.length === 1 ? 'is' : 'are'} used but never described` } } : {}),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Commands: a heading that names one

/** One token of a command line as a heading writes it: a word, `<arg>`, `[--opt]`, `--flag`, `-f`, `PATH`, `{a|b}`, `...`. */
const COMMAND_TOKEN = /^(?:[a-z][\w.-]*|<[^<>]+>|\[[^\]]*\]|\{[^{}]*\}|--?[A-Za-z][\w-]*(?:[=\s]\S+)?|[A-Z][A-Z0-9_]*|\.{3}|[a-z][\w-]*=\S+)$/;
/** A program's name: a lower-case word ("envcheck", "kubectl", "git-lfs"). */
const PROGRAM = /^[a-z][\w.-]*$/;
/** A heading about what happens when a command fails: "Exit codes", "Exit status", "Errors". */
const EXIT_CODES_TITLE = /\b(?:exit (?:codes?|status(?:es)?)|return codes?|errors?|error handling|failures?)\b/i;
/** What a command produces: what it prints, writes or reports, or the file it creates. */
const COMMAND_OUTPUT = /\b(?:returns?|prints?|writes?|outputs?|stdout|stderr|emits?|reports?|displays?|shows?|lists?|creates?|generates?|produces?|result)\b|->|→/i;

interface CommandHeading {
  /** The program and its subcommand words (`envcheck schema init`). */
  name: string;
  section: Section;
  /** The heading writes arguments or flags (`<env-file>`, `[--strict]`). */
  hasArguments: boolean;
}

/**
 * The raw text of a heading line: its markers, numbering and closing hashes removed, its code
 * ticks kept (the parsed title drops them, and a code span is what says a heading is a command).
 */
function rawHeading(context: Context, section: Section): string {
  const line = context.text.slice(lineStartOf(context.model, offsetOf(context.model, section.headingRange.start)), lineEndOffset(context.model, section.headingRange.start.line));
  return line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').replace(/^(?:[A-Z0-9]{1,3}[.)]|\d+(?:\.\d+)*\.?)\s+/, '').trim();
}

/** A command line as a heading writes it: the program, its subcommand words, then arguments and flags. */
function commandLine(text: string): Omit<CommandHeading, 'section'> | undefined {
  const tokens = text.match(/<[^<>]*>|\[[^\]]*\]|\{[^{}]*\}|\S+/g) ?? [];
  const [program, ...rest] = tokens;
  if (program === undefined || rest.length === 0 || !PROGRAM.test(program) || /\(/.test(text) || !tokens.every((token) => COMMAND_TOKEN.test(token))) return undefined;
  const words = [program];
  for (const token of rest) {
    if (!/^[a-z][\w-]*$/.test(token)) break;
    words.push(token);
  }
  return { name: words.join(' '), hasArguments: words.length < tokens.length };
}

/**
 * Programs the document runs: the first word of a line in a shell block (`$ envcheck validate
 * x.env`, a `sh` block's `kubectl apply -f x`) and the document title's code span when it is one
 * word ("`envcheck`: validate environment files").
 */
function programsOf(context: Context): Set<string> {
  const { model } = context;
  const programs = new Set<string>();
  for (const { block } of context.codeBlocks) {
    if (!block.fenced) continue;
    const shell = /^(?:bash|sh|shell|console|shell-session|sh-session|zsh|terminal)$/.test(block.language);
    for (const line of block.content.split('\n')) {
      const prompt = /^[ \t]*\$[ \t]+([a-z][\w.-]*)/.exec(line);
      const word = prompt?.[1] ?? (shell ? /^[ \t]*([a-z][\w.-]*)[ \t]+\S/.exec(line)?.[1] : undefined);
      if (word) programs.add(word);
    }
  }
  const title = model.sections[0];
  if (title && isDocumentTitle(title)) {
    const span = /^`([a-z][\w.-]*)`/.exec(rawHeading(context, title));
    if (span) programs.add(span[1]);
  }
  return programs;
}

/**
 * A heading under a section about commands ("Commands", "CLI", "Subcommands") or in the contract
 * that names a command: one code span holding a command line (`` `envcheck validate <env-file>
 * [--strict]` ``), or the same line written without ticks whose program the document runs or
 * names in another such heading ("envcheck diff"). Its section describes the command: what it
 * prints or writes and how it fails (exit codes, errors); a section on exit codes or errors
 * elsewhere in the document answers the failures for every command.
 */
function headingCommands(context: Context): InterfaceSpec[] {
  const { model, text } = context;
  const candidates: Array<CommandHeading & { code: boolean }> = [];
  for (const section of model.sections) {
    const parent = section.parent;
    if (!parent || section.canonical.length > 0 || isDocumentTitle(section) || section.title.trim().endsWith('?')) continue;
    if (!(isContractSection(parent) || (COMMAND_HEADING.test(parent.title) && !parent.title.trim().endsWith('?') && !isOutsideDesign(parent)))) continue;
    const raw = rawHeading(context, section);
    const span = /^`([^`]+)`$/.exec(raw);
    const line = commandLine(span ? span[1] : raw);
    if (line) candidates.push({ ...line, section, code: !!span });
  }
  if (candidates.length === 0) return [];
  const programs = programsOf(context);
  for (const candidate of candidates) if (candidate.code) programs.add(candidate.name.split(' ')[0]);
  const commands = candidates.filter((candidate) => candidate.code || programs.has(candidate.name.split(' ')[0]));
  if (commands.length === 0) return [];
  const own = new Set(commands.map((command) => command.section));
  // Exit codes or errors written once for every command.
  const shared = model.sections.find((section) => !own.has(section) && (section.canonical.includes('error-handling') || (EXIT_CODES_TITLE.test(section.title) && !section.title.trim().endsWith('?') && text.slice(offsetOf(model, section.bodyRange.start), offsetOf(model, section.bodyRange.end)).trim() !== '')));
  return commands.map(({ name, section, hasArguments }) => {
    const start = offsetOf(model, section.bodyRange.start);
    const end = offsetOf(model, section.bodyRange.end);
    const body = text.slice(start, end);
    const prose = withoutCode(context, { start, end }, body);
    const parts: Partial<Record<InterfacePart, Range>> = {};
    const at = (index: number, length: number) => rangeFromOffsets(model, start + index, start + index + length);
    const mark = (part: InterfacePart, pattern: RegExp) => {
      const match = pattern.exec(prose);
      if (match) parts[part] ??= at(match.index, match[0].length);
    };
    if (hasArguments) parts.inputs = section.headingRange;
    mark('inputs', /\b(?:arguments?|args|options?|flags?|inputs?|takes|accepts|reads)\b|(?<![\w-])--?[A-Za-z]/i);
    mark('output', COMMAND_OUTPUT);
    const block = context.codeBlocks.find((c) => c.block.fenced && c.start >= start && c.start < end);
    if (block) parts.output ??= block.block.range;
    mark('errors', FUNCTION_ERROR_WORDS);
    if (shared) parts.errors ??= shared.headingRange;
    return finish({
      kind: 'command',
      label: name,
      range: section.headingRange,
      mentions: [section.headingRange],
      section,
      parts,
      // A command may take no arguments: its inputs are recorded, never asked for.
      required: ['output', 'errors'],
      recommended: [],
      insertAt: lineAfter(model, trimEnd(text, start, end)),
      statusCodes: [],
      examples: [],
    });
  });
}

/**
 * A flag table or usage lines of a command a heading names are that command's inputs: they
 * join its interface, unless they leave a flag undescribed, which stays a finding of its own.
 */
function mergeCommands(headed: InterfaceSpec[], others: InterfaceSpec[]): InterfaceSpec[] {
  const kept: InterfaceSpec[] = [];
  for (const other of others) {
    const owner = headed.find((command) => command.label === other.label || (other.section !== undefined && command.section === other.section));
    if (!owner) {
      kept.push(other);
      continue;
    }
    if (other.parts.inputs) owner.parts.inputs ??= other.parts.inputs;
    owner.missingRecommended = owner.recommended.filter((part) => !owner.parts[part]);
    if (other.missing.length > 0 || other.missingRecommended.length > 0) kept.push(other);
  }
  return [...headed, ...kept];
}

/** A command as it is gathered from its flag table and usage lines. */
interface CommandDraft {
  /** The command as typed (`swift test`); undefined for a table no code span names. */
  name: string | undefined;
  label: string;
  section: Section | undefined;
  range: Range;
  mentions: Range[];
  /** Where its inputs are given: the flag table, or the first usage line. */
  inputs: Range;
  /** Offset of the end of its last mention. */
  end: number;
  /** Flags its table lists. */
  defined: Set<string>;
  /** Long flags its usage lines use, with where. */
  used: Array<{ flag: string; range: Range }>;
}

function joinCodes(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A heading about changes to an existing interface ("UI/CLI Changes", "Changes to the CLI"): its
 * usage lines show the changed command, whose other flags exist already, not a command it defines.
 */
const CHANGES_HEADING = /\bchang(?:es?|ed|ing)\b|\bupdates? to\b/i;

/** Code blocks that hold shell usage lines. */
const SHELL_BLOCK = /^(?:|bash|sh|shell|console|shell-session|sh-session|zsh|terminal|cmd|powershell|ps1|text)$/;
/** A heading that says its section defines commands ("Kubectl Commands and Flags", "Invoking from the command line", "CLI"). */
const COMMAND_HEADING = /\b(?:cli|commands?|command[- ]line|subcommands?|flags|usage|invocations?|invoking)\b/i;

interface UsageLine {
  /** The program and up to two subcommand words (`kubectl apply`, `specready check`). */
  name: string;
  /** Its long flags (`--applyset`), with where each is. */
  flags: Array<{ flag: string; range: Range }>;
  range: Range;
  end: number;
  section: Section | undefined;
}

/**
 * Usage lines in shell blocks of design and contract sections: `$ specready check --format json
 * docs` is the command `specready check` with the flag `--format`. Only long flags count: a
 * one-letter flag is most often an existing short form (`-n`, `-f`). The first command of a
 * pipeline, without a comment or a line continuation.
 */
function usageLines(context: Context): UsageLine[] {
  const { model } = context;
  const found: UsageLine[] = [];
  for (const { block } of context.codeBlocks) {
    if (!block.fenced || !SHELL_BLOCK.test(block.language) || !(isContractSection(block.section) || isDesignSection(block.section))) continue;
    let offset = block.contentStartOffset;
    for (const line of block.content.split('\n')) {
      const usage = parseUsage(line);
      if (usage) {
        const at = (start: number, end: number) => rangeFromOffsets(model, offset + start, offset + end);
        found.push({ name: usage.name, flags: usage.flags.map(({ flag, start }) => ({ flag, range: at(start, start + flag.length) })), range: at(usage.start, usage.end), end: offset + usage.end, section: block.section });
      }
      offset += line.length + 1;
    }
  }
  return found;
}

function parseUsage(line: string): { name: string; flags: Array<{ flag: string; start: number }>; start: number; end: number } | undefined {
  const start = /^[ \t]*(?:\$[ \t]+)?/.exec(line)?.[0].length ?? 0;
  const rest = line.slice(start);
  const stop = /[ \t](?:\||&&|;|#|>|2>)|[ \t]\\[ \t]*\r?$|\r$/.exec(rest);
  const command = (stop ? rest.slice(0, stop.index) : rest).trimEnd();
  const tokens = [...command.matchAll(/\S+/g)];
  if (tokens.length < 2 || !/^[a-z][\w.-]*$/.test(tokens[0]?.[0] ?? '')) return undefined;
  const words = [tokens[0]?.[0] ?? ''];
  for (let i = 1; i < tokens.length && words.length < 3 && /^[a-z][\w-]*$/.test(tokens[i]?.[0] ?? ''); i++) words.push(tokens[i]?.[0] ?? '');
  const flags: Array<{ flag: string; start: number }> = [];
  for (const token of tokens.slice(1)) {
    const flag = /^(\[?)(--[A-Za-z][\w-]*)/.exec(token[0]);
    if (flag?.[2]) flags.push({ flag: flag[2], start: start + (token.index ?? 0) + (flag[1]?.length ?? 0) });
  }
  return flags.length === 0 ? undefined : { name: words.join(' '), flags, start, end: start + command.length };
}

/** Long flags the text names outside fenced code blocks ("The `--applyset` flag MUST be used with `--prune`"). */
function describedFlags(context: Context): Set<string> {
  const prose = replaceRanges(context.text, context.codeBlocks.filter(({ block }) => block.fenced), (block) => ' '.repeat(block.length));
  return new Set([...prose.matchAll(/(?<![\w-])--[A-Za-z][\w-]*/g)].map((match) => match[0]));
}

// ---------------------------------------------------------------------------------------------
// Fields

function fields(context: Context): InterfaceField[] {
  const { model } = context;
  const found: InterfaceField[] = [];
  for (const table of model.tables) {
    // A command's flag table in a design section lists its inputs; its type column types them.
    if (!isContractSection(table.section) && !(flagColumn(table) >= 0 && isDesignSection(table.section))) continue;
    found.push(...tableFields(table));
  }
  const fieldItems = new Map<ListItem, InterfaceField>();
  for (const item of model.listItems) {
    if (!isContractSection(item.section)) continue;
    const field = listField(context, item.startOffset, item.text);
    if (!field) continue;
    // An item under a field's item that gives no type of its own is one of that field's values
    // ("- `sort`: how to order the runs" over "- `asc`: oldest first"), and the field is typed by
    // them as an enumeration; a typed item there is a member of an object field.
    const parent = item.parent && fieldItems.get(item.parent);
    if (parent && field.type === undefined && !OBJECT_TYPE.test(parent.type ?? '')) {
      parent.type ??= 'one of the values listed under it';
      continue;
    }
    // ... and so is an item under one that introduces values ("- the direction, one of:").
    if (!parent && item.parent && VALUES_LEAD.test(item.parent.text)) continue;
    fieldItems.set(item, field);
    found.push(field);
  }
  for (const sentence of model.sentences) {
    if (!isContractSection(sentence.section) || sentence.kind === 'table-cell' || sentence.kind === 'heading') continue;
    found.push(...proseFields(model, sentence.startOffset, model.text.slice(sentence.startOffset, sentence.endOffset)));
  }
  for (const code of model.inlineCode) {
    if (isContractSection(code.section)) found.push(...recordFields(context, code));
  }
  // A field the document declares with a type in code (a Go struct, a protobuf message) has it.
  const declared = declaredNames(model);
  for (const field of found) {
    if (field.type !== undefined) continue;
    const at = declared.get(field.name.replace(/^.*\./, '').toLowerCase());
    if (at) field.type = `declared in code (line ${at.line + 1})`;
  }
  // ... and one listed in words that an example object of its own section shows with a value
  // (`{ priority: 10, name: 'a.example' }`) has its format. A table's empty type cell stays a gap.
  const examples = new Map<Section, Map<string, number>>();
  for (const field of found) {
    if (field.type !== undefined || field.source === 'table') continue;
    const section = sectionAt(model, offsetOf(model, field.range.start));
    let values = section && examples.get(section);
    if (section && !values) examples.set(section, (values = exampleValues(model, section)));
    const line = values?.get(field.name.replace(/^.*\./, '').toLowerCase());
    if (line !== undefined) field.type = `shown in an example (line ${line + 1})`;
  }
  // A field named in a sentence has its type when the text near it gives one.
  const typed = new Map<string, string>();
  for (const field of found) if (field.type !== undefined && !typed.has(field.name.toLowerCase())) typed.set(field.name.toLowerCase(), field.type);
  for (const field of found) if (field.type === undefined && field.source === 'prose') field.type = typeNearby(context, field, typed);
  // A field listed in words whose name says what it holds, when that settles the type: a name, a
  // URL, a count or a flag ("status fields: `SourcePVCName`, `TargetPVCName`"). An id or a time keeps
  // its format open, and a table's empty type cell stays a gap.
  for (const field of found) if (field.type === undefined && field.source !== 'table') field.type = typeByName(field.name.replace(/^.*\./, ''));
  const seen = new Set<string>();
  found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return found.filter((field) => {
    const key = `${field.range.start.line}:${field.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function tableFields(table: Table): InterfaceField[] {
  const header = table.header.map((cell) => cell.text.trim().replace(/[*_`]/g, ''));
  const flags = flagColumn(table);
  const nameColumn = flags >= 0 ? flags : header.findIndex((cell) => NAME_HEADER.test(cell));
  if (nameColumn < 0) return [];
  // A flag table without a type column may list switches, which take no value.
  if (flags >= 0 && !header.some((cell) => TYPE_HEADER.test(cell))) return [];
  const typeColumns = header.map((cell, index) => (TYPE_HEADER.test(cell) ? index : -1)).filter((index) => index >= 0);
  // "| Name | Description |" lists things (checks, rules, tools), not data fields, unless a column types them.
  if (/^names?$/i.test(header[nameColumn]) && typeColumns.length === 0) return [];
  const result: InterfaceField[] = [];
  for (const row of table.rows) {
    const nameCell = row.find((cell) => cell.column === nameColumn);
    if (!nameCell) continue;
    const name = nameCell.text.trim().replace(/^[`*_]+|[`*_]+$/g, '');
    if (!/^[\w.$@[\]{}-]{1,64}$/.test(name) || /^-+$/.test(name) || /^(?:todo|tbd)$/i.test(name)) continue;
    const others = row.filter((cell) => cell.column !== nameColumn);
    const typeCells = typeColumns.length > 0 ? others.filter((cell) => typeColumns.includes(cell.column)) : others;
    const typed = typeCells.map((cell) => cell.text.trim()).find((cell) => cell !== '' && !/^[-–—]+$/.test(cell) && (TYPE_WORDS.test(cell) || EXAMPLE_VALUE.test(cell) || (typeColumns.length > 0 && namesType(cell))));
    result.push({ name, type: typed, range: nameCell.range, source: 'table' });
  }
  return result;
}

/**
 * A cell of a type column names a type when it is one word ("date", "Money", "decimal(10,2)"),
 * starts with a type's name ("Address, see below", "ShipmentStatus values") or links its definition. A description
 * ("the date it left") does not.
 */
function namesType(cell: string): boolean {
  return /^[`*_]*[A-Za-z][\w.<>[\]|?()-]*[`*_]*$/.test(cell)
    || /^[`*_]*(?:[A-Z][a-z0-9]+){2,}\b/.test(cell)
    || /^[`*_]*[A-Za-z][\w.<>[\]|?]*[`*_]*\s*[(,;:–—]/.test(cell)
    || /\[[^\]]+\]\(/.test(cell)
    // A short noun phrase ("File system path", "IP address list"); a description has articles, pronouns or a verb's clause.
    || (/^[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){1,2}$/.test(cell) && !/\b(?:the|a|an|it|its|this|that|these|those|when|where|which|who|whose|if|by|set|given|left|used)\b/i.test(cell));
}

/** "- `amount` (integer, minor units): ..." or "- **reason**: why the refund happens". */
function listField(context: Context, start: number, itemText: string): InterfaceField | undefined {
  const { model } = context;
  const match = /^(?:`([\w.$@[\]{}-]{1,64})`|\*\*`?([\w.$@[\]{}-]{1,64})`?\*\*)\s*(?:[:(,–—-]|\s+\w|$)/.exec(itemText);
  if (!match) return undefined;
  const name = match[1] ?? match[2];
  // A field list sits under a label ("Fields:", "Request body:") or in an inputs/outputs section.
  const section = sectionAt(model, start);
  const lead = listLead(context.text, section ? offsetOf(model, section.bodyRange.start) : 0, lineStartOf(model, start));
  const labelled = /\b(?:fields?|parameters?|params|body|payload|request|response|headers?|columns?|arguments?|properties|attributes|inputs?|outputs?)\b[^.]*:\s*$/i.test(lead)
    || !!section?.canonical.includes('inputs-outputs');
  if (!labelled) return undefined;
  const rest = itemText.slice(match[0].length - 1);
  const nameStart = start + itemText.indexOf(name);
  const braced = BRACED_TYPE.exec(rest)?.[0].trim();
  const type = braced ?? /^\s*\(([^)]*)\)/.exec(rest)?.[1] ?? TYPE_WORDS.exec(rest)?.[0] ?? EXAMPLE_VALUE.exec(rest)?.[0];
  const typed = type !== undefined && (braced !== undefined || TYPE_WORDS.test(type) || EXAMPLE_VALUE.test(type));
  // A lead-in that types the whole list ("These fields are of type `Number`:") types each item it introduces.
  const listType = LIST_TYPE.exec(lead)?.slice(1).find(Boolean);
  return { name, type: typed ? type : listType, range: rangeFromOffsets(model, nameStart, nameStart + name.length), source: 'list' };
}

/**
 * "Query parameters: `status` (default `ready_to_ship`), `updated_since`, `cursor`." Each item of
 * the comma-separated list that starts with a code span names a field; the rest of the item
 * (a parenthesis, a type word or an example value) gives its type.
 */
function proseFields(model: SpecModel, start: number, sentence: string): InterfaceField[] {
  const label = FIELD_LABEL.exec(sentence);
  const lead = label ?? FIELD_LEAD.exec(sentence);
  if (!lead) return [];
  // What a field or parameter accepts or takes are its values, not fields: "The `sort` parameter accepts `default`, `asc` or `desc`".
  if (!label && /^(?:accepts?|takes?)\b/i.test(lead[0]) && FIELD_SUBJECT.test(sentence.slice(0, lead.index))) return [];
  const after = lead.index + lead[0].length;
  const result: InterfaceField[] = [];
  // Names with nothing after them, and names whose description starts with a type word.
  const bare = new Set<InterfaceField>();
  const leadingType = new Set<InterfaceField>();
  for (const item of topLevelItems(sentence, after)) {
    // "`sort`, with the values `default`, `asc` and `desc`": what follows are the last field's values.
    if (VALUES_LEAD.test(item.text) && !/^`/.test(item.text)) {
      const last = result[result.length - 1];
      if (last) last.type ??= 'one of the values given';
      break;
    }
    const match = /^`([\w.$@[\]{}-]{1,64})`/.exec(item.text);
    // Without a label, only names that look like fields count: "returns `404`" or "`Order`" lists none.
    if (!match || (!label && NOT_A_FIELD.test(match[1]))) {
      if (result.length === 0) return [];
      continue;
    }
    // What follows the name up to the end of its sentence ("`body`. `title` is a string" types only `title`).
    const describe = item.text.slice(match[0].length).split(/\.\s+(?=[`A-Z])/)[0];
    const type = TYPE_WORDS.exec(describe)?.[0] ?? (/\(/.test(describe) ? EXAMPLE_VALUE.exec(describe)?.[0] : undefined);
    const nameStart = start + item.start + 1;
    const field: InterfaceField = { name: match[1], type, range: rangeFromOffsets(model, nameStart, nameStart + match[1].length), source: 'prose' };
    if (describe.trim() === '') bare.add(field);
    if (type !== undefined && TYPE_WORDS.exec(describe)?.index === describe.search(/\S/)) leadingType.add(field);
    result.push(field);
  }
  // "the `type` and `subtype` strings": a type word after the last of several bare names types them all.
  for (let index = result.length - 2; index >= 0; index--) {
    const next = result[index + 1];
    if (result[index].type === undefined && next?.type !== undefined && bare.has(result[index]) && leadingType.has(next)) {
      result[index].type = next.type;
      leadingType.add(result[index]);
    }
  }
  // Without a label a list takes two names: "returns the `handler`" names one thing, not its fields.
  return label || result.length >= 2 ? result : [];
}

/** The members of a record shape written in a code span (`{id: string, amount: integer}`), each a field with its type. */
function recordFields(context: Context, code: SpecModel['inlineCode'][number]): InterfaceField[] {
  if (context.comments.has(code.startOffset)) return [];
  const { model } = context;
  const textStart = model.text.indexOf(code.text, code.startOffset);
  if (textStart < 0) return [];
  return (recordMembers(code.text) ?? []).map((member) => ({
    name: member.name,
    type: member.type,
    range: rangeFromOffsets(model, textStart + member.index, textStart + member.index + member.name.length),
    source: 'prose' as const,
  }));
}

/**
 * The type a prose field gets from the text near it: a sentence of its section that names it
 * again with a type or a format ("`note` is free text, at most 500 characters", "`event_type`
 * (one of `created`, `updated`)"), or another field of the same name that has one.
 */
function typeNearby(context: Context, field: InterfaceField, typed: ReadonlyMap<string, string>): string | undefined {
  const { model } = context;
  const known = typed.get(field.name.toLowerCase());
  if (known !== undefined) return known;
  const section = sectionAt(model, offsetOf(model, field.range.start));
  const from = section ? offsetOf(model, section.bodyRange.start) : 0;
  const to = section ? offsetOf(model, section.bodyRange.end) : context.text.length;
  const body = context.text.slice(from, to);
  const name = field.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const mention of body.matchAll(new RegExp('`' + name + '`([^`.;\\n]{0,60}(?:`[^`\\n]*`[^`.;\\n]{0,40})*)', 'g'))) {
    if (from + mention.index === offsetOf(model, field.range.start) - 1) continue;
    const rest = mention[1];
    const type = /^\s*(?:is|are|must be|holds?|carries|contains)\b/.test(rest) || /^\s*\(/.test(rest) ? TYPE_WORDS.exec(rest)?.[0] ?? EXAMPLE_VALUE.exec(rest)?.[0] : TYPE_WORDS.exec(/^[^,]*/.exec(rest)?.[0] ?? '')?.[0];
    if (type !== undefined) return type;
  }
  return undefined;
}

/** Items of a list written in a sentence: split at commas, semicolons and "and" outside parentheses and code. */
function* topLevelItems(text: string, from: number): Generator<{ text: string; start: number }> {
  let depth = 0;
  let inCode = false;
  let itemStart = from;
  const emit = function* (end: number, skip: number) {
    const raw = text.slice(itemStart, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim().replace(/[.:]$/, '');
    if (trimmed !== '') yield { text: trimmed, start: itemStart + lead };
    itemStart = end + skip;
  };
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '`') inCode = !inCode;
    if (inCode) continue;
    if (char === '(' || char === '[' || char === '{') depth++;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth--;
    else if (depth === 0 && (char === ',' || char === ';')) yield* emit(index, 1);
    else if (depth === 0 && /^\s(?:and|or)\s/.test(text.slice(index, index + 5))) {
      const skip = text.slice(index, index + 5).startsWith(' and') ? 4 : 3;
      yield* emit(index, skip);
    }
  }
  yield* emit(text.length, 0);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function finish(spec: Omit<InterfaceSpec, 'missing' | 'missingRecommended'>): InterfaceSpec {
  return {
    ...spec,
    missing: spec.required.filter((part) => !spec.parts[part]),
    missingRecommended: spec.recommended.filter((part) => !spec.parts[part]),
  };
}

function statusCodesIn(text: string): Array<{ code: string; index: number; length: number }> {
  const result: Array<{ code: string; index: number; length: number }> = [];
  const regex = new RegExp(STATUS_CODE.source, STATUS_CODE.flags);
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const group = match.slice(1).find((g) => g !== undefined) ?? '';
    const code = group.length === 1 ? `${group}xx` : group;
    result.push({ code, index: match.index, length: match[0].length });
  }
  return result;
}

/** The last non-blank line before `offset` and after `from`. */
function leadLine(text: string, from: number, offset: number): string {
  const before = text.slice(from, offset).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !/^(?:```|~~~)/.test(line));
  return before[before.length - 1] ?? '';
}

/** The line that introduces a list: the last non-blank line before `offset` that is neither an item nor its continuation. */
function listLead(text: string, from: number, offset: number): string {
  const before = text.slice(from, offset).split(/\r?\n/);
  for (let index = before.length - 1; index >= 0; index--) {
    const line = before[index];
    if (line.trim() === '' || /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line) || /^\s+\S/.test(line)) continue;
    return line.trim();
  }
  return '';
}

function roleOf(lead: string): 'request' | 'response' | undefined {
  let role: 'request' | 'response' | undefined;
  let at = -1;
  const response = /\b(?:respon(?:se|ses|ds)|returns?|replies|output|success|result|gets back|receives|[1-3]\d\d\b)/gi;
  const request = /\b(?:requests?|body|payload|input|sends?|posts?|example call|call|parameters?)\b/gi;
  for (const [pattern, name] of [[response, 'response'], [request, 'request']] as const) {
    for (let match = pattern.exec(lead); match; match = pattern.exec(lead)) {
      if (match.index > at) { at = match.index; role = name; }
    }
  }
  return role;
}

function firstMatch(model: SpecModel, text: string, pattern: RegExp, from = 0): Range | undefined {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  regex.lastIndex = from;
  const match = regex.exec(text);
  return match ? rangeFromOffsets(model, match.index, match.index + match[0].length) : undefined;
}

/** Where the document proper starts: after the front matter, whose keys are metadata. */
function bodyStart(model: SpecModel): number {
  return model.frontMatter?.endOffset ?? 0;
}

function offsetOf(model: SpecModel, position: Position): number {
  return Math.min(model.text.length, (model.lineStarts[position.line] ?? model.text.length) + position.character);
}

function lineStartOf(model: SpecModel, offset: number): number {
  return model.text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of an extent without the line where the next endpoint starts ("- `POST /x`" after "- `GET /y`"). */
function ownLinesEnd(model: SpecModel, extent: { start: number; end: number }): number {
  const lineStart = lineStartOf(model, extent.end);
  return lineStart > extent.start && extent.end < model.text.length && /^[\s>|*+\-\d.)#`]*$/.test(model.text.slice(lineStart, extent.end)) ? lineStart : extent.end;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/.test(text[position - 1])) position--;
  return position;
}

/** The start of the line after the one holding `offset` (or the end of the document). */
function lineAfter(model: SpecModel, offset: number): Position {
  const line = positionAt(model, Math.max(0, offset - 1)).line;
  if (line + 1 < model.lineStarts.length) return { line: line + 1, character: 0 };
  return positionAt(model, lineEndOffset(model, line));
}

