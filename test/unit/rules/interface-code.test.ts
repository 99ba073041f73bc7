import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec, parseForConfig } from '../../../server/src/engine/analyze';
import { gatherApiFiles } from '../../../server/src/fs/api-files';
import { messageInFiles, type ApiDescription } from '../../../server/src/model/api-description';
import { interfacesOf } from '../../../server/src/model/interfaces';
import { parseSpec } from '../../../server/src/model/parse';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rules', 'interface-incomplete');

function interfaces(markdown: string) {
  return interfacesOf(parseSpec(markdown)).interfaces.map((spec) => ({ kind: spec.kind, label: spec.label, line: spec.range.start.line, missing: spec.missing }));
}

describe('interface model: interfaces a design document writes in code', () => {
  it('reads function declarations of a design section and leaves example code alone', () => {
    const text = [
      '# RFC: split',
      '',
      '## Motivation',
      '',
      '```rust',
      'pub fn old_split(s: &str) -> Vec<&str> { todo!() }',
      '```',
      '',
      '## Reference-level explanation',
      '',
      '```rust',
      'impl str {',
      '    pub fn split_once_at(&self, index: usize) -> Option<(&str, &str)>;',
      '}',
      'fn example() {',
      '    let (a, b) = "ab".split_once_at(1).unwrap();',
      '}',
      '```',
      '',
      '```swift',
      'extension Array {',
      '  public func chunked(into size: Int) -> [[Element]] { ... }',
      '  func helper() -> Int {',
      '    return count',
      '  }',
      '}',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(interfaces(text), [
      { kind: 'function', label: 'split_once_at', line: 12, missing: [] },
      { kind: 'function', label: 'chunked', line: 21, missing: [] },
    ]);
    const parts = interfacesOf(parseSpec(text)).interfaces.map((spec) => Object.keys(spec.parts).sort());
    assert.deepEqual(parts, [['errors', 'inputs', 'output'], ['inputs', 'output']]);
  });

  it('leaves code that illustrates alone: an example lead-in, a placeholder name, a block that calls what it declares, code under alternatives', () => {
    const text = [
      '# RFC: defaulted parameters',
      '',
      '## Detailed design',
      '',
      'For example:',
      '',
      '```rust',
      'fn pick<T = u32>(t: T) -> T { ... }',
      '```',
      '',
      '```rust',
      'fn again<T = u32>(t: T) -> T { ... }',
      '```',
      '',
      'Attributes take a name:',
      '',
      '```rust',
      '#[staged_unstable(feature = "a")]',
      'fn foo() { }',
      '```',
      '',
      'The compiler infers the default:',
      '',
      '```swift',
      'func compute(a: @once () -> ()) { /* snip */ }',
      'compute(a: { print(1) })',
      '```',
      '',
      'The call site looks like this:',
      '',
      '```swift',
      'func prepare() async throws { ... }',
      '```',
      '',
      'This lets you use state and event handlers:',
      '',
      '```js',
      'function Button({ children, onClick }) {',
      '  // ...',
      '}',
      '```',
      '',
      'The resulting data structures will look like this:',
      '',
      '```go',
      'type ScalingRules struct {',
      '  Window int32 `json:"window"`',
      '}',
      '```',
      '',
      'A position in the middle of a character is valid (e.g. between two regional indicators).',
      '',
      '```swift',
      'extension UTF8Span {',
      '  public func makeCharacterIterator() -> CharacterIterator',
      '}',
      '```',
      '',
      '## Alternatives',
      '',
      '### Multidispatch through tuple types',
      '',
      '```rust',
      'pub trait Add<Rhs> { fn add(self, rhs: Rhs) -> Self; }',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(interfaces(text).map(({ kind, label }) => `${kind} ${label}`), ['type type ScalingRules', 'function makeCharacterIterator']);
  });

  it('a value in an example or a code span states no error case; a request the service sends is no endpoint it serves', () => {
    const text = [
      '# Webhooks',
      '',
      '## API',
      '',
      '### Outbound webhook request',
      '',
      '```http',
      'POST /customer/path HTTP/1.1',
      'Content-Type: application/json',
      '',
      '{"id": "msg_1", "type": "invoice.paid"}',
      '```',
      '',
      '### GET /v1/deliveries',
      '',
      'Lists delivery attempts, newest first, 20 per page. Authenticated with a bearer token. `status` is one of `succeeded`, `failed`.',
      '',
      'Response `200`:',
      '',
      '```json',
      '{"data": [{"id": "att_1", "status": "failed"}], "next_cursor": null}',
      '```',
      '',
      '### GET /v1/deliveries/{id}',
      '',
      'Returns one attempt. Response `200`:',
      '',
      '```json',
      '{"id": "att_1"}',
      '```',
      '',
      'An unknown id gives:',
      '',
      '```json',
      '{"error": {"code": "not_found"}}',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(interfaces(text).map(({ label, missing }) => `${label}: ${missing.join(',')}`), ['Outbound webhook request: ', 'GET /v1/deliveries: errors', 'GET /v1/deliveries/{id}: ']);
  });

  it('needs the messages of a new gRPC method defined; an existing one, a well-known or qualified message is not a gap', () => {
    const text = [
      '# KEP-1: streaming',
      '',
      '## Design Details',
      '',
      '```protobuf',
      'service Runtime {',
      '    // Existing unary RPC (unchanged)',
      '    rpc List(ListRequest) returns (ListResponse) {}',
      '    rpc Stream(StreamRequest) returns (stream StreamResponse) {}',
      '    rpc Ping(google.protobuf.Empty) returns (Empty) {}',
      '}',
      '',
      'message StreamRequest {',
      '    string filter = 1;',
      '}',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(interfaces(text), [
      { kind: 'function', label: 'rpc Stream', line: 8, missing: ['output'] },
      { kind: 'function', label: 'rpc Ping', line: 9, missing: [] },
      // A message the design declares is an API type of its own, never reported.
      { kind: 'type', label: 'message StreamRequest', line: 12, missing: [] },
    ]);
    const finding = analyzeSpec(text).findings.find((f) => f.rule === 'interface-incomplete');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding?.message ?? '', /its response message `StreamResponse` is not defined in the document/);
  });

  it('reads a request line in a design section\'s code block with the response the block shows; a GET that takes no input needs no error cases', () => {
    const text = [
      '# KEP-2: discovery',
      '',
      '## Proposal',
      '',
      '```',
      '> GET https://cluster.example.com/.well-known/openid-configuration',
      '{ "issuer": "https://cluster.example.com" }',
      '```',
      '',
      'Callers authenticate with a service account token.',
      '',
      '## Alternatives',
      '',
      '```',
      'GET /legacy/keys',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(interfaces(text), [{ kind: 'endpoint', label: 'GET /.well-known/openid-configuration', line: 5, missing: [] }]);
    // A fixed path with no query and authentication stated: nothing a caller can get wrong is left to answer.
    assert.deepEqual(analyzeSpec(text).findings.filter((f) => f.rule === 'interface-incomplete'), []);
    // A path parameter is an input: what happens for an unknown one is a question (a hint outside the contract).
    const withInput = text.replace('/.well-known/openid-configuration', '/keys/{kid}');
    const findings = analyzeSpec(withInput).findings.filter((f) => f.rule === 'interface-incomplete');
    assert.deepEqual(findings.map((f) => [f.severity, f.range.start.line, f.data?.missing]), [['hint', 5, ['errors']]]);
    // Without a word on authentication, even a fixed path leaves the refusal open.
    const noAuth = text.replace('Callers authenticate with a service account token.', 'It is served by the API server.').replace('/.well-known/openid-configuration', '/.well-known/cluster-info');
    assert.deepEqual(analyzeSpec(noAuth).findings.filter((f) => f.rule === 'interface-incomplete').map((f) => f.data?.missing), [['errors', 'auth']]);
    // A word inside an address states nothing: "openid" in the path, "auth" in a linked file's name, an author, a Scope heading.
    const addressOnly = text.replace('Callers authenticate with a service account token.', 'It is served by the API server (see [keys](docs/auth.md)); author: sig-auth.\n\n## Scope\n\nDiscovery only.');
    assert.deepEqual(analyzeSpec(addressOnly).findings.filter((f) => f.rule === 'interface-incomplete').map((f) => f.data?.missing), [['errors', 'auth']]);
    // Said in a statement, in prose or as a request header in code, it counts.
    for (const statement of ['Access is granted by an RBAC role.', 'Requests carry a bearer token:\n\n```http\nAuthorization: Bearer <token>\n```']) {
      assert.deepEqual(analyzeSpec(text.replace('Callers authenticate with a service account token.', statement)).findings.filter((f) => f.rule === 'interface-incomplete'), [], statement);
    }
  });

  it('takes the type of a listed field from a Go struct of the document', () => {
    const text = [
      '# Spec',
      '',
      '## API',
      '',
      '```go',
      'type Source struct {',
      '\tVolumeID string `json:"volumeID"`',
      '}',
      '```',
      '',
      'Fields:',
      '',
      '- `volumeID`: the volume handle.',
      '- `snapshotClass`: the class to use.',
      '',
    ].join('\n');
    const fields = interfacesOf(parseSpec(text)).fields.map((field) => [field.name, field.type]);
    assert.deepEqual(fields, [['volumeID', 'declared in code (line 7)'], ['snapshotClass', undefined]]);
  });

  it('a type column cell that describes instead of naming a type is no type', () => {
    const text = '# Spec\n\n## API\n\n| Field | Type |\n|---|---|\n| `shippedAt` | the date it left |\n| `total` | Money |\n| `status` | ShipmentStatus values |\n';
    assert.deepEqual(interfacesOf(parseSpec(text)).fields.map((field) => [field.name, field.type]), [['shippedAt', undefined], ['total', 'Money'], ['status', 'ShipmentStatus values']]);
    // A short noun phrase names a type too.
    const phrase = '# Spec\n\n## API\n\n| Field | Type |\n|---|---|\n| `output` | File system path |\n';
    assert.deepEqual(interfacesOf(parseSpec(phrase)).fields.map((field) => [field.name, field.type]), [['output', 'File system path']]);
  });

  it('records the Go structs and protobuf messages of a design section as API types, never as gaps', () => {
    const text = [
      '# KEP-3: checkpoints',
      '',
      '## Design Details',
      '',
      '```go',
      'type PodCheckpoint struct {',
      '\tPodName string `json:"podName"`',
      '}',
      '```',
      '',
      '## Alternatives',
      '',
      '```go',
      'type OldCheckpoint struct {',
      '\tName string',
      '}',
      '```',
    ].join('\n');
    assert.deepEqual(interfaces(text), [{ kind: 'type', label: 'type PodCheckpoint', line: 5, missing: [] }]);
    assert.deepEqual(analyzeSpec(text).findings.filter((f) => f.rule === 'interface-incomplete'), []);
  });

  it('reads a flag table of a design section as a command whose flags are typed by the type column', () => {
    const table = (rows: string[]) => [
      '# Test runner output',
      '',
      '## Detailed design',
      '',
      'We add two arguments to `swift test`:',
      '',
      '| Argument | Value Type | Description |',
      '|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    const typed = table(['| `--output-path` | File system path | where events go |', '| `--event-version` | Integer | the schema version |']);
    assert.deepEqual(interfaces(typed), [{ kind: 'command', label: 'swift test', line: 6, missing: [] }]);
    assert.deepEqual(analyzeSpec(typed).findings.filter((f) => f.rule === 'interface-incomplete'), []);
    const untyped = table(['| `--output-path` | File system path | where events go |', '| `--event-version` | | the schema version |']);
    assert.deepEqual(analyzeSpec(untyped).findings.filter((f) => f.rule === 'interface-incomplete').map((f) => [f.range.start.line, f.data?.field]), [[9, '--event-version']]);
    // Without a type column the flags may be switches, which take no value: nothing to report.
    const switches = '# Tool\n\n## Design\n\n| Flag | Description |\n|---|---|\n| `--verbose` | more output |\n';
    assert.deepEqual(analyzeSpec(switches).findings.filter((f) => f.rule === 'interface-incomplete'), []);
    assert.equal(interfaces(switches)[0]?.kind, 'command');
  });

  it('reads usage lines of shell blocks as commands, merged with the flag table of the same command', () => {
    const spec = (usage: string, prose = '') => [
      '# Test runner output', '', '## Detailed design', '', 'We add two arguments to `swift test`:', '',
      '| Argument | Value Type | Description |', '|---|---|---|',
      '| `--output-path` | File system path | where events go |', '| `--event-version` | Integer | the schema version |', '',
      '```sh', usage, '```', '', prose,
    ].join('\n');
    const complete = spec('$ swift test --output-path out.jsonl --event-version 0 -j 4 | tee log');
    assert.deepEqual(interfaces(complete), [{ kind: 'command', label: 'swift test', line: 6, missing: [] }]);
    assert.equal(interfacesOf(parseSpec(complete)).interfaces[0]?.mentions.length, 2);
    assert.deepEqual(analyzeSpec(complete).findings.filter((f) => f.rule === 'interface-incomplete'), []);
    // A long flag neither the table nor the text describes is a part the builder lacks.
    const lacking = spec('swift test --output-path out.jsonl --filter Parser');
    const [finding] = analyzeSpec(lacking).findings.filter((f) => f.rule === 'interface-incomplete');
    assert.equal(finding?.message, 'Command "swift test": the flag `--filter` (line 13) is used but never described; define it so the contractor knows what to build.');
    assert.equal(finding?.severity, 'hint');
    assert.deepEqual(analyzeSpec(spec('swift test --output-path out.jsonl --filter Parser', '`--filter` runs only the tests whose names match.')).findings.filter((f) => f.rule === 'interface-incomplete'), []);
    // Usage lines of other tools are examples, unless a heading says the section defines commands.
    const tools = '# Rollout\n\n## Design\n\n```bash\nkubectl get pods --all-namespaces\n```\n';
    assert.deepEqual(interfaces(tools), []);
    assert.deepEqual(interfaces(tools.replace('## Design', '## Design\n\n### Commands and flags')).map((i) => i.label), ['kubectl get pods']);
  });
});

describe('handoff specs with a linked OpenAPI file', () => {
  // handoff-clean.md links a valid OpenAPI file; table-clean.md writes its endpoints in a table.
  for (const name of ['handoff-clean.md', 'table-clean.md']) {
    it(`${name}: a complete spec (and its valid linked file) gets no warning or error from any rule`, async () => {
      const file = join(FIXTURES, name);
      const text = readFileSync(file, 'utf8');
      const uri = `file:///fixtures/${name}`;
      const apiFiles = await gatherApiFiles(parseForConfig(text, uri), file, { projectRoot: FIXTURES });
      const result = analyzeSpec(text, { uri, apiFiles });
      assert.deepEqual(result.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => `${f.range.start.line + 1}: ${f.rule}`), []);
    });
  }
});

describe('messages against a linked AsyncAPI file', () => {
  const file: ApiDescription = {
    key: 'api/events.yaml',
    format: 'asyncapi',
    version: '2.6.0',
    problems: [],
    operations: [
      { method: 'PUBLISH', path: 'shipments', responseSchemas: { publish: '/components/messages/ShipmentCreated/payload' }, responses: [], secured: false, fields: [] },
      { method: 'CHANNEL', path: 'orders/{id}', responseSchemas: { OrderPlaced: '/channels/orders~1{id}/messages/OrderPlaced/payload' }, responses: [], secured: false, fields: [] },
    ],
    schemas: { ShipmentCreated: '/components/messages/ShipmentCreated/payload', Address: '/components/schemas/Address' },
    basePaths: [],
  };

  it('finds a message by its name in the file, a component message with its channel, else by its channel', () => {
    assert.deepEqual(messageInFiles([file], ['OrderPlaced'])?.payload, '/channels/orders~1{id}/messages/OrderPlaced/payload');
    const component = messageInFiles([file], ['shipment.created', 'ShipmentCreated']);
    assert.equal(component?.name, 'ShipmentCreated');
    assert.equal(component?.channel?.path, 'shipments');
    assert.equal(messageInFiles([file], ['shipments'])?.payload, '/components/messages/ShipmentCreated/payload');
  });

  it('finds nothing for names the file does not have; a schema that is no message does not count', () => {
    assert.equal(messageInFiles([file], ['shipment.delivered', 'deliveries']), undefined);
    assert.equal(messageInFiles([file], ['Address']), undefined);
  });

  it('a message heading goes by the names of its heading, then the code spans of its own text', () => {
    const text = '# Events\n\n## Events\n\n### `shipment.created` event\n\nPublished on the `shipments` topic.\n\n```json\n{ "ignored": "`inCode`" }\n```\n';
    assert.deepEqual(interfacesOf(parseSpec(text)).interfaces.map((spec) => spec.names), [['shipment.created', 'shipments']]);
  });
});
