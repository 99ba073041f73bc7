import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { contractLenses, interfaceAt, interfaceHover } from '../../../server/src/features/interfaces';
import { quickFixesFor } from '../../../server/src/fixes';
import { parseSpec } from '../../../server/src/model/parse';
import { interfaceIncomplete } from '../../../server/src/rules/interface-incomplete';
import { at, findingsOf, findsTests, runRule, textAt } from '../helpers';

/** Endpoints and their missing required parts (warnings only; hints are tested on their own). */
function reported(markdown: string): unknown[] {
  return runRule(interfaceIncomplete, markdown)
    .filter((finding) => finding.severity === undefined && finding.data?.endpoint)
    .map((finding) => ({ endpoint: finding.data?.endpoint, missing: finding.data?.missing }));
}
const finds = findsTests(reported);

function warnings(markdown: string) {
  return runRule(interfaceIncomplete, markdown).filter((finding) => finding.severity === undefined);
}

describe('interface-incomplete: endpoints', () => {
  it('reports an endpoint heading with neither response nor errors, at the method and path', () => {
    const text = '# Spec\n\n## API\n\n### `POST /v1/orders`\n\nCreates an order from the cart.\n';
    const findings = warnings(text);
    assert.equal(findings.length, 1);
    assert.equal(at(findings[0].range), '4:5-4:20');
    assert.equal(textAt(text, findings[0].range), 'POST /v1/orders');
    assert.equal(findings[0].data?.endpoint, 'POST /v1/orders');
    assert.deepEqual(findings[0].data?.missing, ['request', 'response', 'errors']);
    assert.match(findings[0].message, /has no request body or fields, response example or success status and error cases/);
  });

  finds('accepts a response example with error cases', [
    '## API Contract',
    '',
    '### `GET /v1/orders/{id}`',
    '',
    '```json',
    '{ "id": "ord_1" }',
    '```',
    '',
    'Errors: `404` when the order does not exist.',
  ], []);

  finds('reports only what is missing', [
    '## Endpoints',
    '',
    '- `GET /health` returns `200 OK` with the build version.',
    '- `DELETE /v1/carts/{id}`: fails with 409 Conflict if the cart was ordered.',
  ], [
    { endpoint: 'GET /health', missing: ['errors'] },
    { endpoint: 'DELETE /v1/carts/{id}', missing: ['response'] },
  ]);

  it('splits a section at each endpoint mention', () => {
    const text = [
      '## API',
      '',
      'POST /v1/payments',
      '',
      'Charges the card.',
      '',
      'GET /v1/payments/{id}',
      '',
      'Response: 200 with the payment; 404 Not Found for unknown ids.',
    ].join('\n');
    const findings = warnings(text);
    assert.deepEqual(findings.map((f) => f.data?.endpoint), ['POST /v1/payments']);
    assert.equal(at(findings[0].range), '2:0-2:17');
  });

  finds('ends an endpoint at the end of its section', [
    '## API',
    '',
    '### PUT /v1/items/{sku}',
    '',
    'Replaces the item.',
    '',
    '## Rollout',
    '',
    'The old handler returns 500 on failure, with an error body.',
  ], [{ endpoint: 'PUT /v1/items/{sku}', missing: ['request', 'response', 'errors'] }]);

  finds('counts all descriptions of the same endpoint together, matching path parameters', [
    '## API',
    '',
    '- `GET /v1/orders/{id}`',
    '- `POST /v1/orders`',
    '',
    '### GET /v1/orders/:id',
    '',
    '```http',
    'GET /v1/orders/123 HTTP/1.1',
    '',
    'HTTP/1.1 200 OK',
    '```',
    '',
    'Errors: 404 when missing.',
  ], [{ endpoint: 'POST /v1/orders', missing: ['request', 'response', 'errors'] }]);

  finds('does not take "200 ms" or "100 items" for status codes, nor guidance in comments', [
    '## API',
    '',
    '### GET /v1/search',
    '',
    '<!-- Response example, status codes 200/404 and error cases go here. -->',
    'Answers within 200 ms and pages 100 items at a time.',
  ], [{ endpoint: 'GET /v1/search', missing: ['response', 'errors'] }]);

  finds('accepts status code tables and 4xx ranges', [
    '## API',
    '',
    '### PATCH /v1/users/{id}',
    '',
    'Request body: the fields to change, as in the user resource.',
    '',
    '| Status | Meaning |',
    '|---|---|',
    '| 204 | updated |',
    '| 4xx | validation problem, see body |',
  ], []);

  finds('ignores endpoints outside the API contract and lower-case methods', [
    '## Context',
    '',
    'Today clients call GET /legacy/orders.',
    '',
    '## API',
    '',
    'Clients get /v1/orders and post to it; see the `get` handler.',
  ], []);

  it('finds endpoints cited in prose and full URLs', () => {
    const text = '## API\n\nThe client calls `POST https://api.example.com/v1/refunds` to refund.\n';
    const findings = warnings(text);
    assert.deepEqual(findings.map((f) => f.data?.endpoint), ['POST /v1/refunds']);
    assert.equal(textAt(text, findings[0].range), 'POST https://api.example.com/v1/refunds');
  });
});

describe('interface-incomplete: the contract as a builder reads it', () => {
  const hints = (markdown: string) => runRule(interfaceIncomplete, markdown).filter((finding) => finding.severity === 'hint');

  finds('asks POST, PUT and PATCH for a request body, but not action endpoints', [
    '## API',
    '',
    '### POST /v1/orders',
    '',
    'Response `201 Created` with the order; `409` when the cart was ordered.',
    '',
    '### POST /v1/orders/{id}/cancel',
    '',
    'Returns `204`; `409 Conflict` when the order has shipped.',
  ], [{ endpoint: 'POST /v1/orders', missing: ['request'] }]);

  it('tells a request example from a response example by what introduces it', () => {
    const text = [
      '## API Contract',
      '',
      '### `POST /v1/refunds`',
      '',
      '```json',
      '{ "amount": 1250 }',
      '```',
      '',
      'Errors: `422` when the amount is above the balance.',
    ].join('\n');
    assert.deepEqual(reported(text), [{ endpoint: 'POST /v1/refunds', missing: ['response'] }]);
    const answered = text.replace('Errors:', 'Response `201 Created`:\n\n```json\n{ "id": "rf_1" }\n```\n\nErrors:');
    assert.deepEqual(reported(answered), []);
  });

  it('counts errors and pagination written once for the whole contract, but not "the standard error format"', () => {
    const shared = [
      '## API',
      '',
      'Every endpoint answers errors as `application/problem+json` with `401`, `404` or `500`.',
      '',
      '### GET /v1/items/{id}',
      '',
      'Returns the item as JSON.',
    ].join('\n');
    assert.deepEqual(reported(shared), []);
    const vague = ['## API', '', '### GET /v1/items/{id}', '', 'Returns the item as JSON.', '', '## Errors', '', 'Use the standard error format.'].join('\n');
    assert.deepEqual(reported(vague), [{ endpoint: 'GET /v1/items/{id}', missing: ['errors'] }]);
    // The error format, or the authentication failures written once for all, say nothing of this endpoint's own errors.
    const format = ['## API', '', 'Errors are `application/problem+json`; a missing token gives `401`, a wrong role `403`.', '', '### GET /v1/items/{id}', '', 'Returns the item as JSON.'].join('\n');
    assert.deepEqual(reported(format), [{ endpoint: 'GET /v1/items/{id}', missing: ['errors'] }]);
  });

  finds('recognises error codes written with a snake-case name and a bold label before the endpoint', [
    '## API',
    '',
    '**Download** `GET /v1/exports/{id}/download` -> `302` to the file; `409 export_not_ready` unless it succeeded.',
  ], []);

  it('hints at authentication, idempotency and pagination as parts a builder usually needs', () => {
    const text = [
      '## API',
      '',
      '### POST /v1/orders',
      '',
      'Request body: `{ "cartId": "c_1" }`. Response `201`; `409` when the cart was ordered.',
      '',
      '### GET /v1/orders',
      '',
      'Lists the orders as `{ "items": [...] }`; `400` for an unknown filter.',
    ].join('\n');
    assert.deepEqual(hints(text).map((finding) => [finding.data?.endpoint, finding.data?.missing]), [
      ['POST /v1/orders', ['auth', 'idempotency']],
      ['GET /v1/orders', ['auth', 'pagination']],
    ]);
    const told = `${text}\n\nAll endpoints need a bearer token. Repeated requests with the same \`Idempotency-Key\` return the first response. Lists return 50 items per page with a \`next_cursor\`.`;
    assert.deepEqual(hints(told), []);
  });

  it('reports a message without a payload, and a file without a format', () => {
    const text = [
      '## Interfaces',
      '',
      '### `order.shipped` event',
      '',
      'Published on the Kafka topic `orders.v1` when the last line ships.',
      '',
      '### Settlement file',
      '',
      'Written nightly to `s3://settlements/` for finance.',
      '',
      '### `order.created` event',
      '',
      'Published on the topic `orders.v1`.',
      '',
      '| Field | Type |',
      '|---|---|',
      '| `order_id` | string |',
    ].join('\n');
    const warned = warnings(text).map((finding) => [finding.range.start.line, finding.data?.kind, finding.data?.missing]);
    assert.deepEqual(warned, [[2, 'message', ['payload']], [6, 'file', ['format']]]);
  });

  it('reports fields listed without a type or format, as hints at the field', () => {
    const text = [
      '## API',
      '',
      '### GET /v1/orders',
      '',
      'Query parameters: `status` (default `open`), `updated_since`, `limit` (integer, 1-100).',
      '',
      '| Field | Type | Notes |',
      '|---|---|---|',
      '| `created_at` | | when it was created |',
      '| `amount` | integer, minor units | |',
      '',
      'Response fields:',
      '',
      '- `currency`: the currency',
      '- `total` (integer, minor units)',
    ].join('\n');
    const untyped = runRule(interfaceIncomplete, text).filter((finding) => finding.data?.untyped);
    assert.deepEqual(untyped.map((finding) => [finding.data?.field, at(finding.range)]), [
      ['updated_since', '4:46-4:59'],
      ['created_at', '8:2-8:14'],
      ['currency', '13:3-13:11'],
    ]);
    assert.ok(untyped.every((finding) => finding.severity === 'hint'));
  });

  it('ignores interfaces outside the contract and the document title', () => {
    const text = [
      '# Order events rewrite',
      '',
      '## Requirements',
      '',
      '### Requirement 2: Build platform payloads',
      '',
      '1. THE SYSTEM SHALL `POST https://api.push.example.com/3/device/{token}` with the alert.',
    ].join('\n');
    assert.deepEqual(runRule(interfaceIncomplete, text), []);
  });
});

describe('interface-incomplete: former id api-endpoint-incomplete', () => {
  const spec = '# Spec\n\n## API\n\n### `GET /v1/orders/{id}`\n\nLooks the order up.\n';

  it('is configured through the former id', () => {
    assert.deepEqual(findingsOf('interface-incomplete', spec).map((finding) => finding.severity), ['warning', 'hint']);
    assert.equal(findingsOf('interface-incomplete', spec, { config: { rules: { 'api-endpoint-incomplete': 'off' } } }).length, 0);
    assert.deepEqual(findingsOf('interface-incomplete', spec, { config: { rules: { 'api-endpoint-incomplete': 'error' } } }).map((finding) => finding.severity), ['error', 'hint']);
  });

  it('is suppressed through the former id', () => {
    const suppressed = spec.replace('### `GET', '<!-- specready-disable-next-line api-endpoint-incomplete -->\n### `GET');
    assert.deepEqual(findingsOf('interface-incomplete', suppressed), []);
  });
});

describe('interface model in the editor: hover, lens and fixes', () => {
  const spec = [
    '# Refunds',
    '',
    '## API Contract',
    '',
    'All endpoints need a bearer token.',
    '',
    '### POST /v1/refunds',
    '',
    'Request body: `{ "amount": 1250 }` with an `Idempotency-Key` header.',
    '',
    'Response `201 Created`; `422` when the amount is above the balance.',
    '',
    '### GET /v1/refunds/{id}',
    '',
    'Returns the refund.',
    '',
    '## Acceptance Criteria',
    '',
    '- AC-1: Given a refund, when it is fetched, then the response is 200.',
  ].join('\n');

  it('describes what an endpoint has, with lines, and what it lacks', () => {
    const model = parseSpec(spec, 'file:///r.spec.md');
    const refund = interfaceAt(model, { line: 6, character: 5 });
    assert.equal(refund?.label, 'POST /v1/refunds');
    const hover = interfaceHover(refund);
    assert.match(hover, /^\*\*POST \/v1\/refunds\*\* · endpoint/);
    assert.match(hover, /- request body or fields \(line 9\)/);
    assert.match(hover, /- status codes: 201 \(line 11\)/);
    assert.match(hover, /- error cases: 422 \(line 11\)/);
    assert.match(hover, /- authentication \(line 5\)/);
    assert.match(hover, /Nothing a builder needs is missing/);
    const single = interfaceHover(interfaceAt(model, { line: 12, character: 5 })!);
    assert.match(single, /Lacks:\n\n- error cases$/);
    assert.equal(interfaceAt(model, { line: 8, character: 2 }), undefined);
  });

  it('counts the interfaces of each contract section and their gaps above its heading', () => {
    const model = parseSpec(spec, 'file:///r.spec.md');
    assert.deepEqual(contractLenses(model).map((lens) => [lens.range.start.line, lens.title, lens.target.start.line]), [
      [2, '2 endpoints · 1 without error cases', 12],
    ]);
  });

  it('inserts the missing part after the description; the finding goes away once it is filled in', () => {
    const result = analyzeSpec(spec, { uri: 'file:///r.spec.md' });
    const gap = result.findings.find((finding) => finding.rule === 'interface-incomplete')!;
    const fixes = quickFixesFor(result, gap);
    assert.equal(fixes[0].title, 'Add an error table to GET /v1/refunds/{id}');
    assert.equal(fixes[0].isPreferred, true);
    const [edit] = fixes[0].edits;
    assert.equal(edit.range.start.line, 15);
    assert.match(edit.newText, /^\nErrors:\n\n\| Status \| Error code \| When \|\n\|---\|---\|---\|\n\| 400 \| `invalid_request` \| <!-- which input is invalid --> \|/);
    assert.match(edit.snippet ?? '', /\| \$\{1:400\} \| `\$\{2:invalid_request\}` \| \$\{3:<!-- which input is invalid -->\} \|/);
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///r.spec.md', 'markdown', 1, spec), [edit]);
    assert.deepEqual(analyzeSpec(fixed).findings.filter((finding) => finding.rule === 'interface-incomplete'), []);
    const holes = analyzeSpec(fixed).findings.filter((finding) => finding.rule === 'placeholder');
    assert.ok(holes.length > 0, 'the holes are still reported until replaced');
    assert.ok(holes.every((finding) => finding.severity === 'warning'), 'an unfilled hole is a warning, never a new error');
  });

  it('offers one fix per missing part and one for all of them', () => {
    const result = analyzeSpec('## API\n\n- `POST /v1/orders`\n- `GET /v1/orders/{id}` returns the order; `404` if unknown.\n');
    const gap = result.findings.find((finding) => finding.rule === 'interface-incomplete' && finding.data?.endpoint === 'POST /v1/orders')!;
    const fixes = quickFixesFor(result, gap).filter((fix) => !fix.title.startsWith('Disable'));
    assert.deepEqual(fixes.map((fix) => fix.title), [
      'Add a request table to POST /v1/orders',
      'Add a response example to POST /v1/orders',
      'Add an error table to POST /v1/orders',
      'Add all 3 missing parts to POST /v1/orders',
    ]);
    // Inserted after the endpoint's own list item, not after the next one.
    assert.equal(fixes[0].edits[0].range.start.line, 3);
  });
});

describe('interface-incomplete: commands named by a heading', () => {
  const spec = [
    '# `snapctl`: volume snapshots',
    '',
    '## Commands',
    '',
    '### `snapctl take <volume> [--label TEXT]`',
    '',
    'Takes a snapshot and prints its id on stdout. Exits with 1 when the volume does not exist.',
    '',
    '### `snapctl restore <snapshot-id>`',
    '',
    'Restores the volume from the snapshot.',
    '',
    '### snapctl prune',
    '',
    'Deletes snapshots older than 14 days and prints their ids.',
    '',
  ].join('\n');

  it('reads a code-span command line or the program and its subcommand under a Commands heading, at the heading', () => {
    const findings = warnings(spec);
    assert.deepEqual(findings.map((finding) => [finding.range.start.line, finding.data?.interface, finding.data?.kind, finding.data?.missing]), [
      [8, 'snapctl restore', 'command', ['output', 'errors']],
      [12, 'snapctl prune', 'command', ['errors']],
    ]);
  });

  it('takes exit codes written once for every command, and asks for none under other headings', () => {
    const shared = `${spec}### Exit codes\n\n| Code | Meaning |\n|---|---|\n| 0 | done |\n| 1 | no such volume |\n`;
    assert.deepEqual(warnings(shared).map((finding) => [finding.range.start.line, finding.data?.missing]), [[8, ['output']]]);
    const design = '# Prune sets\n\n## Reference-level explanation\n\n### `cargo build`\n\nNow also reads `rust-version`.\n';
    assert.deepEqual(warnings(design), []);
    // A plain heading is a command only when the document runs or names that program.
    const plain = '# Tools\n\n## Commands\n\n### release notes\n\nWhat changed.\n';
    assert.deepEqual(warnings(plain), []);
  });

  it('offers an exit code table for a command without error cases', () => {
    const result = analyzeSpec(spec);
    const gap = result.findings.find((finding) => finding.rule === 'interface-incomplete' && finding.data?.interface === 'snapctl prune')!;
    const [fix] = quickFixesFor(result, gap);
    assert.equal(fix.title, 'Add an exit code table to snapctl prune');
    assert.equal(fix.edits[0].range.start.line, 15);
    assert.match(fix.edits[0].newText, /^\nExit codes:\n\n\| Code \| When \|\n\|---\|---\|\n\| 0 \| <!-- what success means --> \|/);
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///s.spec.md', 'markdown', 1, spec), fix.edits);
    assert.deepEqual(analyzeSpec(fixed).findings.filter((finding) => finding.rule === 'interface-incomplete' && finding.data?.interface === 'snapctl prune'), []);
  });
});
