import { interfacesOf, kindNoun, PART_LABELS, type InterfacePart, type InterfaceSpec } from '../model/interfaces';
import { interfaceInFiles } from '../model/api-description';
import type { Position, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { interfaceFixes } from './fixes/interfaces';
import { plainText } from './question-text';

export const interfaceIncomplete: Rule<InterfaceIncompleteData> = {
  id: 'interface-incomplete',
  aliases: ['api-endpoint-incomplete'],
  defaultSeverity: 'warning',
  dimension: 'contract',
  scoreRole: 'interface',
  docs: {
    description: 'Endpoints, messages, files, jobs and functions lacking a part a builder needs (request, response, errors, payload, format), and fields without a type.',
    summary: 'Reports endpoints, messages, files, jobs and functions in the contract that lack a part a builder needs, and fields listed without a type.',
    rationale:
      'The request line is the easy part of a contract. What a contractor cannot guess is what goes in, what comes back ' +
      'and what happens when things go wrong; without them the implementation and its clients disagree at integration ' +
      'time. SpecReady reads the contract as a list of interfaces: HTTP endpoints written as `METHOD /path` in a heading, ' +
      'list item, table, request line or sentence of the API contract (or as a heading anywhere), or as a row of an endpoint ' +
      'table with method and path columns (its request, response and error cells give those parts; an empty cell gives none), and messages, files, ' +
      'batch jobs and CLI or library functions described under their own heading in the contract. A section whose heading ' +
      'names nothing known but that writes a record shape inline (`{customer_id: string, kind: "shipping" | "billing"}`, ' +
      'as a migration\'s "Source and target" does) declares data and is read as a contract: each member is a typed field, ' +
      'and a record after a request or response lead ("Bulk request items:", "Response:") is that part of the endpoint ' +
      'it follows; an object of values (`{ priority: 10 }`) is an example, not a declaration. Endpoints named together ' +
      'in one sentence with nothing said of the first before the second ("`POST /x`, batched through `POST /x:bulk`") ' +
      'share the description that follows. A METHOD and path in a comment of code ("// POST /api/users gets JSON bodies") ' +
      'narrates the example and defines no endpoint. An endpoint served only on the local host (`http://localhost:3500/...`, ' +
      '`127.0.0.1`, or a paragraph that says loopback or a Unix socket, as a sidecar\'s API) is not asked for authentication. ' +
      'The values a field takes are not fields: "The `sort` parameter accepts `default`, `asc` or `desc`", untyped items ' +
      'under a field\'s item or under one that introduces values ("one of:"), and "`mode`, with the values `fast` and ' +
      '`full`" type the field as an enumeration. A list\'s lead-in that types it ("These fields are of type `Number`:") ' +
      'types each item, and a type after several bare names ("the `type` and `subtype` strings") types them all. Design documents ' +
      'that write their interface in code are read too: in a design section (the proposal, the detailed design, the API ' +
      'changes; not the motivation, alternatives, examples or future work, nor anything below such a heading) a request line in a code block (`GET /path`, `> GET https://host/path`) ' +
      'defines an endpoint, with the body that follows it in the block as its request or response; a gRPC method ' +
      '(`rpc Name(Request) returns (Response)`) needs its request and response messages defined in the document (well-known ' +
      'and package-qualified messages count, a method marked existing or unchanged is cited, not defined); function ' +
      'declarations in Rust, Swift, Go, Kotlin, TypeScript, JavaScript and Python (no body, an elided body or marked public) ' +
      'are recorded with what their signature gives and are never reported, since the signature is the contract; so are ' +
      'Go structs and protobuf messages (API types, whose fields the compiler types). Code that illustrates is no interface: ' +
      'a block the text introduces as an example or a use ("For example:", "e.g.", "The call site looks like this:", "you can ' +
      'now write:"), a function with a placeholder name (`fn foo()`, `func f()`) and one the block itself goes on to call ' +
      '(`foo(22)` after `fn foo<T>(t: T)`). A flag table (`| Flag | Type | ... |` ' +
      'with `--name` rows) in a design section defines a command: with a type column, a flag whose type cell is empty is ' +
      'an untyped field; without one the flags may be switches and nothing is reported. Usage lines in shell blocks ' +
      '(`$ specready check --format json docs`) are read as the command (`specready check`) and its long flags: merged ' +
      'with the flag table of that command, or, under a heading about commands ("Commands and flags", "Command line", ' +
      '"CLI"), commands of their own; a long flag neither the table nor the text outside code describes is a hint (a ' +
      'warning in the contract). Usage lines under a heading about changes to an existing interface ("UI/CLI Changes") show the ' +
      'changed command, whose other flags exist already, and define no command. One-letter flags are left alone: they are most often existing short forms. A heading under a section about commands ' +
      '("Commands", "CLI", "Subcommands") or in the contract names a command when it is a command line in one code span ' +
      '(`` `envcheck validate <env-file> [--strict]` ``) or the same line without ticks whose program the document runs in a ' +
      'shell block, names in its title or in another such heading ("envcheck diff"): such a command needs its output (what it ' +
      'prints, writes or reports, or an example) and its error cases (exit codes, errors); an "Exit codes" or "Errors" section ' +
      'elsewhere in the document answers the error cases for every command. Outside ' +
      'the contract section an endpoint\'s error cases are a hint, not a warning, and a GET of a fixed path without a query ' +
      'needs none once authentication is stated (nothing is left for a caller to get wrong). Authentication is stated ' +
      'by a sentence or a request header (`Authorization: Bearer …`), never by a word inside a URL, a path or a link ' +
      '(`/openid/v1/jwks`, `docs/auth.md`), an author, a Scope section or a function\'s signature. A field listed without a type that the ' +
      'document declares with one in code (a Go struct field or its json name, a protobuf field) has that type. ' +
      'Each needs its parts: ' +
      'an endpoint a response example or success status and its error cases (4xx/5xx codes, the words error/failure in ' +
      'its text or an error key of an example; a value such as `"status": "failed"` in an example or a code span states ' +
      'none), ' +
      'and a request body or fields when it is a POST, PUT or PATCH; a message its payload; a file its format; a job its ' +
      'schedule and output; a function or a command its output and errors. These are warnings naming exactly the missing part. Parts ' +
      'a builder usually needs - authentication, idempotency for POST, pagination for lists, a topic or queue for a ' +
      'message, a location for a file - are hints. A field listed in a contract table, field list or sentence ' +
      '("Query parameters: ...", "Request body: `event_type` and `note`", "returns the `id` and `status`") without a ' +
      'type, format or example ("a date", "the amount"; a type in braces after the name, "`port` {integer}", is one) is a hint too, unless a sentence of its section or a field of the ' +
      'same name gives one ("`note` is free text"), or, for a field listed in words, an example object of its section shows it with a ' +
      'value (`{ "priority": 10 }`; an empty type cell of a table stays a gap), or, for a field listed in words, its name says what it ' +
      'holds and that settles the type: a name (`SourcePVCName`, `display_name`), a URL (`callbackURL`), a count (`retry_count`) or a ' +
      'flag (`is_paused`, `cache_enabled`). An id or a time says what it is but not its format (UUID or integer, RFC 3339 or epoch ' +
      'seconds), and stays a hint. A kind word inside an identifier of a heading names ' +
      'no interface: "`event.isTrusted`", "`start(event)`" and "`errors.message(key)`" are members and functions of code, not messages, ' +
      'and neither does one inside a code span ("The `event` abstraction", "`queue = new Queue()`"). A heading\'s word only proposes a ' +
      'kind; its section must show it: a message is published, sent, consumed or delivered, travels on a topic, queue, channel or ' +
      'broker, carries a payload (the word, a field table, a JSON or YAML example) or is named in code (`order.created`); a file has ' +
      'a format, a location, rows or lines, or is written, read or exported; a job has a schedule or runs, executes or processes ' +
      'something. "Event declaration" over a tag declared in code, "Warning message format" over the text of a warning, are no ' +
      'messages. A heading in a section that weighs alternatives, recounts the background or discusses ("Appendix: Alternative ' +
      'solutions > Alternative 1 - Report the interface name per VM") names nothing the contractor builds. A request line under an outbound or outgoing heading is a request ' +
      'the service sends, not an endpoint it serves. Text the contract writes once ' +
      'for all endpoints (an introduction or an "Errors" subsection with status or error codes) counts for every ' +
      'endpoint, except the error format alone and 401 or 403, which answer authentication; ' +
      'and so do the parts a linked OpenAPI or Swagger file gives the same operation (request body, responses, ' +
      'error responses, security, pagination and idempotency parameters). HTTP status numbers count only with a reason phrase, "HTTP/1.1", "status", code ticks or a table cell ' +
      'of their own, so "200 ms" is not a status. ' +
      'An interface the document says is the same as one a linked outside specification defines ("`POST /v1/traces` is ' +
      'identical to the request defined in [OTLP/HTTP](…)", a gRPC service "the same as the [Envoy load reporting ' +
      'service](…)" in the paragraph before its block) has the parts that specification gives; "based on" or "similar to" a ' +
      'link leaves the differences open and is not enough. A POST states what a repeated request does when its text ' +
      'or handler code says what happens when what it creates already exists ("a serial that is already registered gets ' +
      '`409 Conflict`", `ALREADY_EXISTS`); a conflict status alone may answer some other state and does not. ' +
      'An event an object emits to its listeners in the same process, as API references of event emitters and the DOM ' +
      'describe them ("Event: \'drain\'", "Emitted when the buffer is empty", a listener or callback), is no message between ' +
      'services: the emitter is its channel and the listener\'s arguments its payload, so nothing is asked of it unless the ' +
      'text speaks of a topic, queue, broker or subscribers. ' +
      'The former id `api-endpoint-incomplete` still works in configuration ' +
      'and suppression comments.',
    bad: '## API\n\n### `POST /v1/orders`\n\nCreates an order from the cart.',
    good: '## API\n\nAll endpoints need a bearer token; errors are `application/problem+json`.\n\n### `POST /v1/orders`\n\nCreates an order from the cart. Send an `Idempotency-Key` header; a repeated key returns the first response.\n\n| Field | Type | Notes |\n|---|---|---|\n| `cartId` | string (UUID) | required |\n\nResponse `201 Created`:\n\n```json\n{ "id": "ord_123", "status": "pending" }\n```\n\nErrors: `409 Conflict` when the cart is already ordered, `422` for an empty cart.',
    sources: ['OpenAPI Specification 3.1: Operation, Request Body and Responses Objects', 'AsyncAPI Specification 3.0: Message Object'],
  },
  question: interfaceQuestion,
  fixes: (finding, context) => interfaceFixes(context, finding, dataOf(interfaceIncomplete, finding)),
  check(model: SpecModel, context: RuleContext): RawFinding<InterfaceIncompleteData>[] {
    const { interfaces, fields } = interfacesOf(model);
    const findings: RawFinding<InterfaceIncompleteData>[] = [];
    for (const spec of interfaces) {
      // An endpoint of a linked OpenAPI file has the parts the file gives, a message those of a linked AsyncAPI file.
      const { given } = interfaceInFiles(spec, context.apiFiles);
      const missing = spec.missing.filter((part) => !given.has(part));
      const missingRecommended = spec.missingRecommended.filter((part) => !given.has(part));
      if (missing.length > 0) findings.push(gapFinding(spec, missing, false));
      if (missingRecommended.length > 0) findings.push(gapFinding(spec, missingRecommended, true));
    }
    for (const field of fields) {
      if (field.type !== undefined) continue;
      findings.push({
        message: `Field "${field.name}" has no type or format: say what it holds (for example string, integer in minor units, RFC 3339 timestamp, one of a list of values).`,
        range: field.range,
        severity: 'hint',
        data: { field: field.name, untyped: true },
      });
    }
    return findings;
  },
};

function gapFinding(spec: InterfaceSpec, missing: InterfacePart[], recommended: boolean): RawFinding<InterfaceIncompleteData> {
  const what = missing.map((part) => PART_LABELS[part]);
  const list = joinList(what);
  const name = spec.kind === 'endpoint' ? `Endpoint "${spec.label}"` : `${capitalise(kindNoun(spec.kind, 1))} "${spec.label}"`;
  const notes = missing.map((part) => spec.notes?.[part]).filter((note): note is string => !!note);
  const message = notes.length === missing.length
    ? `${name}: ${joinList(notes)}; define ${missing.length === 1 ? 'it' : 'them'} so the contractor knows what to build.`
    : recommended
      ? `${name} does not say its ${list}: a builder will have to ask.`
      : `${name} has no ${list}: add ${missing.length === 1 ? 'it' : 'them'} so the contractor knows what to build.`;
  const finding: RawFinding<InterfaceIncompleteData> = {
    message,
    range: spec.range,
    data: {
      interface: spec.label,
      kind: spec.kind,
      // `endpoint` is kept for consumers of the former rule's data.
      ...(spec.kind === 'endpoint' ? { endpoint: spec.label, method: spec.method } : {}),
      missing,
      insertAt: spec.insertAt,
      ...(recommended ? { recommended: true } : {}),
    },
  };
  if (recommended) finding.severity = 'hint';
  return finding;
}

function joinList(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const PART_QUESTIONS: Readonly<Record<string, string>> = {
  request: 'what does the request carry (fields with types, or an example body)',
  response: 'what does it return on success (status code and an example body)',
  errors: 'which errors can it return (status codes and error bodies)',
  auth: 'how do callers authenticate',
  idempotency: 'what happens when the same request is sent twice',
  pagination: 'how is the list paginated (page size, cursor)',
  payload: 'what does the payload look like (fields with types, or an example)',
  channel: 'which topic or queue carries it',
  format: 'what is the format (columns, encoding)',
  location: 'where is it written or read',
  schedule: 'when does it run',
  output: 'what does it produce',
  inputs: 'what are its inputs',
};

function interfaceQuestion(finding: Finding): string | undefined {
  const data: Partial<InterfaceIncompleteData> = dataOf(interfaceIncomplete, finding) ?? {};
  const field = plainText(data.field);
  if (field) return `What type and format does "${field}" have? The contract lists it without one.`;
  const name = plainText(data.interface) ?? plainText(data.endpoint);
  if (!name) return undefined;
  const missing: unknown[] = Array.isArray(data.missing) ? data.missing : [];
  const asks = missing.map((part) => PART_QUESTIONS[String(part)]).filter((ask): ask is string => !!ask);
  if (asks.length === 0) return undefined;
  const joined = asks.join(', and ');
  return `For ${name}: ${joined}?`;
}

/** What a finding of this rule carries in `data`. */
export type InterfaceIncompleteData = {
  interface?: string;
  kind?: string;
  /** Same as `interface` for an endpoint, kept for consumers of the former rule's data. */
  endpoint?: string;
  method?: string;
  missing?: InterfacePart[];
  insertAt?: Position;
  recommended?: boolean;
  /** An untyped field of a field table. */
  field?: string;
  untyped?: boolean;
};
