import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiDescription } from '../../../server/src/model/api-description';
import { fileOperationsAt, operationFor, pathMatches } from '../../../server/src/model/api-description';
import { codeLenses } from '../../../server/src/features/code-lens';
import { hoverAt } from '../../../server/src/features/hover';
import * as fixtures from './fixtures';
import { Project } from './project';
import { perTest } from '../helpers';

const CONTRACT = (body: string) => `# Refunds\n\n## API contract\n\nThe contract is [the OpenAPI file](api/openapi.yaml).\n\n${body}\n`;

describe('linked OpenAPI file: cross-checks', () => {
  let project: Project;
  perTest(() => (project = new Project().with('api/openapi.yaml', fixtures.REFUNDS_OPENAPI)));

  it('a clean spec with a valid file gives no warnings', async () => {
    const text = CONTRACT([
      '### POST /v1/refunds',
      '',
      'Creates a refund (`createRefund`). Request:',
      '',
      '```json',
      '{ "paymentId": "pay_1", "amount": 1250, "reason": null }',
      '```',
      '',
      'Response `201 Created`:',
      '',
      '```json',
      '{ "id": "re_1", "status": "pending" }',
      '```',
      '',
      '### GET /v1/refunds/{refundId}',
      '',
      'Reads one refund.',
    ].join('\n'));
    const { result } = await project.check(text);
    const warnings = result.findings.filter((finding) => ['warning', 'error'].includes(finding.severity) && /api|example|interface/.test(finding.rule));
    assert.deepEqual(warnings.map((finding) => `${finding.rule}: ${finding.message}`), []);
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'api-file-mismatch'), []);
  });

  it('an endpoint the file lacks is a warning at the endpoint; the server prefix and parameter names do not matter', async () => {
    const text = CONTRACT('- `POST /v1/refunds` creates a refund.\n- `GET /refunds/{x}` reads one.\n- `POST /v1/refunds/{id}/cancel` cancels it.\n- `DELETE /v1/refunds/{id}` is not allowed.');
    const { result } = await project.check(text);
    const findings = result.findings.filter((finding) => finding.rule === 'api-file-mismatch' && finding.severity === 'warning');
    assert.deepEqual(findings.map((finding) => finding.message), [
      'Endpoint "POST /v1/refunds/{id}/cancel" is not in the linked OpenAPI 3.0.3 file api/openapi.yaml: add it to the file, or correct the method or path in the spec.',
      'Endpoint "DELETE /v1/refunds/{id}" is not in the linked OpenAPI 3.0.3 file api/openapi.yaml (it has GET for that path): add it to the file, or correct the method or path in the spec.',
    ]);
    assert.deepEqual(findings.map((finding) => finding.range.start.line), [8, 9]);
  });

  it('an operation of the file the spec never mentions is a hint on the link; an operationId counts as a mention', async () => {
    const { result } = await project.check(CONTRACT('### POST /v1/refunds\n\nCreates a refund; the file has all fields.'));
    const hints = result.findings.filter((finding) => finding.rule === 'api-file-mismatch');
    assert.deepEqual(hints.map((finding) => [finding.severity, finding.message, finding.range.start.line]), [
      ['hint', 'The linked OpenAPI 3.0.3 file api/openapi.yaml defines GET /refunds/{id} (getRefund), which the spec never mentions: say whether it is in scope.', 4],
    ]);
    const mentioned = await project.check(CONTRACT('### POST /v1/refunds\n\nCreates a refund; `getRefund` reads it back.'));
    assert.deepEqual(mentioned.result.findings.filter((finding) => finding.rule === 'api-file-mismatch'), []);
  });

  it('the file gives an endpoint its parts: interface-incomplete does not ask for what the file has', async () => {
    const { result } = await project.check(CONTRACT('### POST /v1/refunds\n\nCreates a refund.\n\n### GET /v1/refunds/{id}\n\nReads one.'));
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'interface-incomplete' && finding.severity !== 'hint').map((finding) => finding.message), []);
    const without = await project.check('# Refunds\n\n## API contract\n\n### POST /v1/refunds\n\nCreates a refund.\n');
    assert.equal(without.result.findings.filter((finding) => finding.rule === 'interface-incomplete' && finding.severity === 'warning').length, 1);
  });

  it('a request example that violates the schema is a warning at the failing property, with its path', async () => {
    const text = CONTRACT([
      '### POST /v1/refunds',
      '',
      'Request:',
      '',
      '```json',
      '{',
      '  "paymentId": "pay_1",',
      '  "amount": "12.50"',
      '}',
      '```',
      '',
      'Response `201`:',
      '',
      '```json',
      '{ "id": "re_1", "status": "done" }',
      '```',
      '',
      'Errors: `422` for an invalid amount. `getRefund` reads a refund.',
    ].join('\n'));
    const { result } = await project.check(text);
    const findings = result.findings.filter((finding) => finding.rule === 'invalid-example');
    assert.deepEqual(findings.map((finding) => [finding.message, finding.range.start.line]), [
      ['This request example does not match the schema of POST /refunds in the linked OpenAPI 3.0.3 file api/openapi.yaml: `/amount` must be integer.', 13],
      ['This response example does not match the schema of POST /refunds (201) in the linked OpenAPI 3.0.3 file api/openapi.yaml: `/status` must be equal to one of the allowed values: "pending", "succeeded", "failed".', 20],
    ]);
    assert.equal(findings[0].severity, 'warning');
    assert.deepEqual(findings[0].data, { file: 'api/openapi.yaml', pointer: '/paths/~1refunds/post/requestBody/content/application~1json/schema', path: '/amount' });
  });

  it('an example introduced by a schema name or a link to a JSON Schema file is validated against it', async () => {
    project.write('refund.schema.json', fixtures.VALID_JSON_SCHEMA);
    const text = CONTRACT([
      'A `RefundRequest` looks like this:',
      '',
      '```json',
      '{ "paymentId": "pay_1" }',
      '```',
      '',
      'Stored refunds follow [the schema](refund.schema.json):',
      '',
      '```json',
      '{ "id": "re_1", "amount": 0 }',
      '```',
      '',
      'A refund example that names nothing:',
      '',
      '```json',
      '{ "anything": true }',
      '```',
      '',
      'Operations: `createRefund`, `getRefund`.',
    ].join('\n'));
    const { result } = await project.check(text);
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'invalid-example').map((finding) => finding.message), [
      'This example does not match the schema RefundRequest in the linked OpenAPI 3.0.3 file api/openapi.yaml: the value lacks the required property `amount`.',
      'This example does not match the linked JSON Schema file refund.schema.json: `/amount` must be >= 1.',
    ]);
  });

  it('a linked file counts as the contract for the score', async () => {
    const bare = '# Refunds\n\n## API contract\n\nThe contract is [the OpenAPI file](api/openapi.yaml).\n';
    const withFile = await project.check(bare);
    const { result: withoutFile } = await project.check(bare, { noApiFiles: true });
    assert.ok(withFile.result.breakdown.contract.score > withoutFile.breakdown.contract.score,
      `${withFile.result.breakdown.contract.score} vs ${withoutFile.breakdown.contract.score}`);
    assert.match(withFile.result.breakdown.contract.evidence, /^2 interfaces/);
  });
});

describe('linked OpenAPI file: path index', () => {
  const file = (operations: Array<[string, string]>, basePaths: string[] = []): ApiDescription => ({
    key: 'api/openapi.yaml', format: 'openapi', problems: [], schemas: {}, basePaths,
    operations: operations.map(([method, path]) => ({ method, path, responseSchemas: {}, responses: [], secured: false, fields: [] })),
  });

  it('finds the operations at a path whatever the parameter names, case, trailing slash or query', () => {
    const api = file([['GET', '/refunds/{id}'], ['DELETE', '/refunds/{id}'], ['POST', '/refunds'], ['GET', '/refunds/{id}/events']]);
    assert.deepEqual(fileOperationsAt(api, '/Refunds/{refundId}/?expand=events').map((operation) => operation.method), ['GET', 'DELETE']);
    assert.deepEqual(fileOperationsAt(api, '/refunds/:id/events').map((operation) => `${operation.method} ${operation.path}`), ['GET /refunds/{id}/events']);
    assert.deepEqual(fileOperationsAt(api, '/refunds/{id}/cancel'), []);
    assert.deepEqual(operationFor([api], 'delete', '/refunds/{x}')?.operation.path, '/refunds/{id}');
  });

  it('a path may carry the server prefix the file omits, or not', () => {
    const api = file([['POST', '/refunds'], ['GET', '/']], ['/v1/']);
    assert.deepEqual(fileOperationsAt(api, '/v1/refunds').map((operation) => operation.path), ['/refunds']);
    assert.deepEqual(fileOperationsAt(api, '/refunds').map((operation) => operation.path), ['/refunds']);
    assert.deepEqual(fileOperationsAt(api, '/v1').map((operation) => operation.path), ['/']);
    assert.deepEqual(fileOperationsAt(api, '/v2/refunds'), []);
    assert.equal(pathMatches('/v1/refunds/{a}', '/refunds/{b}', ['/v1']), true);
    assert.equal(pathMatches('/v1/refunds', '/v1/refunds/{id}', ['/v1']), false);
  });
});

describe('linked OpenAPI file: hover and code lens', () => {
  let project: Project;
  perTest(() => (project = new Project().with('api/openapi.yaml', fixtures.REFUNDS_OPENAPI)));

  const text = CONTRACT('### GET /v1/refunds/{refundId}\n\nReads one refund.\n\n### POST /v1/refunds/{id}/cancel\n\nCancels a pending refund. Response `200 OK` with the refund; `409` when it is not pending.');

  it('hover on an endpoint says where the file defines it and lists the parts the file gives, with its lines', async () => {
    const { result } = await project.check(text);
    const hover = hoverAt(result, { line: 6, character: 6 });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /^\*\*GET \/v1\/refunds\/\{refundId\}\*\* · endpoint\n\nIn the linked OpenAPI 3\.0\.3 file api\/openapi\.yaml as GET \/refunds\/\{id\} \(getRefund\), line 24\.\n/);
    assert.match(value, /- response example or success status \(api\/openapi\.yaml, line 24\)/);
    assert.match(value, /- status codes: 200 \(api\/openapi\.yaml, line 24\)/);
    assert.match(value, /- error cases: 404 \(api\/openapi\.yaml, line 24\)/);
    assert.match(value, /- authentication \(api\/openapi\.yaml, line 24\)/);
    assert.match(value, /Nothing a builder needs is missing\./);
    const absent = (hoverAt(result, { line: 10, character: 6 })?.contents as { value: string }).value;
    assert.match(absent, /\n\nNot in the linked OpenAPI 3\.0\.3 file api\/openapi\.yaml\.\n/);
    assert.match(absent, /- error cases: 409 \(line 13\)/);
  });

  it('the code lens counts the endpoints, leaves out the gaps the file fills and counts the endpoints it lacks', async () => {
    const { result } = await project.check(text);
    assert.deepEqual(codeLenses('file:///r.spec.md', result).map((lens) => [lens.range.start.line, lens.command?.title]), [
      [2, '2 endpoints · 1 not in api/openapi.yaml'],
    ]);
    const { result: without } = await project.check(text, { noApiFiles: true });
    assert.deepEqual(codeLenses('file:///r.spec.md', without).map((lens) => lens.command?.title), ['2 endpoints · 1 without a response · 1 without error cases']);
  });
});

describe('linked AsyncAPI file: messages by their declared name, hover and code lens', () => {
  let project: Project;
  beforeEach(() => {
    project = new Project();
    project.write('api/events.yaml', readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rules', 'interface-incomplete', 'api', 'events.yaml'), 'utf8'));
  });
  afterEach(() => project.dispose());

  const text = [
    '# Shipments',
    '',
    '## Events',
    '',
    'The events are in the [AsyncAPI description](api/events.yaml).',
    '',
    '### `shipment.created` event',
    '',
    'Published when a shipment is created.',
    '',
    '### `shipment.lost` event',
    '',
    'Published when the carrier reports a lost parcel.',
    '',
  ].join('\n');

  it('the validator records the name each message declares; a message is found by it', async () => {
    const { apiFiles } = await project.check(text);
    const file = apiFiles.get('api/events.yaml');
    assert.deepEqual(file?.messageNames, { 'shipment.created': '/components/messages/ShipmentCreated/payload', 'return.requested': '/components/messages/ReturnRequested/payload' });
    const { result } = await project.check(text);
    const warnings = result.findings.filter((f) => f.severity === 'warning' && (f.rule === 'interface-incomplete' || f.rule === 'api-file-mismatch'));
    assert.deepEqual(warnings.map((f) => [f.rule, f.range.start.line]), [
      ['api-file-mismatch', 10],
      ['interface-incomplete', 10],
    ]);
  });

  it('hover on a message says where the file defines it; the code lens counts the messages the file lacks', async () => {
    const { result } = await project.check(text);
    const value = (hoverAt(result, { line: 6, character: 6 })?.contents as { value: string }).value;
    assert.match(value, /^\*\*shipment\.created event\*\* · message\n\nIn the linked AsyncAPI 2\.6\.0 file api\/events\.yaml as message shipment\.created on channel shipments, line 6\.\n/);
    assert.match(value, /- payload schema or example \(api\/events\.yaml, line 6\)\n- topic or queue \(api\/events\.yaml, line 6\)/);
    assert.match(value, /Nothing a builder needs is missing\./);
    const absent = (hoverAt(result, { line: 10, character: 6 })?.contents as { value: string }).value;
    assert.match(absent, /\n\nNot in the linked AsyncAPI 2\.6\.0 file api\/events\.yaml\.\n/);
    assert.deepEqual(codeLenses('file:///r.spec.md', result).map((lens) => [lens.range.start.line, lens.command?.title]), [
      [2, '2 messages · 1 without a payload · 1 not in api/events.yaml'],
    ]);
  });
});
