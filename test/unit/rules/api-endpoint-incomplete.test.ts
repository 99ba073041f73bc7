import assert from 'node:assert/strict';
import { apiEndpointIncomplete } from '../../../server/src/rules/api-endpoint-incomplete';
import { at, runRule, textAt } from '../helpers';

function reported(markdown: string): unknown[] {
  return runRule(apiEndpointIncomplete, markdown).map((finding) => finding.data);
}

describe('api-endpoint-incomplete', () => {
  it('reports an endpoint heading with neither response nor errors, at the method and path', () => {
    const text = '# Spec\n\n## API\n\n### `POST /v1/orders`\n\nCreates an order from the cart.\n';
    const findings = runRule(apiEndpointIncomplete, text);
    assert.equal(findings.length, 1);
    assert.equal(at(findings[0].range), '4:5-4:20');
    assert.equal(textAt(text, findings[0].range), 'POST /v1/orders');
    assert.deepEqual(findings[0].data, { endpoint: 'POST /v1/orders', missing: ['response', 'errors'] });
    assert.match(findings[0].message, /has no response example or success status and no error cases/);
  });

  it('accepts a response example with error cases', () => {
    const text = [
      '## API Contract',
      '',
      '### `GET /v1/orders/{id}`',
      '',
      '```json',
      '{ "id": "ord_1" }',
      '```',
      '',
      'Errors: `404` when the order does not exist.',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('reports only what is missing', () => {
    const text = [
      '## Endpoints',
      '',
      '- `GET /health` returns `200 OK` with the build version.',
      '- `DELETE /v1/carts/{id}`: fails with 409 Conflict if the cart was ordered.',
    ].join('\n');
    assert.deepEqual(reported(text), [
      { endpoint: 'GET /health', missing: ['errors'] },
      { endpoint: 'DELETE /v1/carts/{id}', missing: ['response'] },
    ]);
  });

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
    const findings = runRule(apiEndpointIncomplete, text);
    assert.deepEqual(findings.map((f) => f.data?.endpoint), ['POST /v1/payments']);
    assert.equal(at(findings[0].range), '2:0-2:17');
  });

  it('ends an endpoint at the end of its section', () => {
    const text = [
      '## API',
      '',
      '### PUT /v1/items/{sku}',
      '',
      'Replaces the item.',
      '',
      '## Errors',
      '',
      'Every endpoint returns 500 on failure, with an error body.',
    ].join('\n');
    assert.deepEqual(reported(text), [{ endpoint: 'PUT /v1/items/{sku}', missing: ['response', 'errors'] }]);
  });

  it('counts all descriptions of the same endpoint together, matching path parameters', () => {
    const text = [
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
    ].join('\n');
    assert.deepEqual(reported(text), [{ endpoint: 'POST /v1/orders', missing: ['response', 'errors'] }]);
  });

  it('does not take "200 ms" or "100 items" for status codes, nor guidance in comments', () => {
    const text = [
      '## API',
      '',
      '### GET /v1/search',
      '',
      '<!-- Response example, status codes 200/404 and error cases go here. -->',
      'Answers within 200 ms and pages 100 items at a time.',
    ].join('\n');
    assert.deepEqual(reported(text), [{ endpoint: 'GET /v1/search', missing: ['response', 'errors'] }]);
  });

  it('accepts status code tables and 4xx ranges', () => {
    const text = [
      '## API',
      '',
      '### PATCH /v1/users/{id}',
      '',
      '| Status | Meaning |',
      '|---|---|',
      '| 204 | updated |',
      '| 4xx | validation problem, see body |',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('ignores endpoints outside the API contract and lower-case methods', () => {
    const text = [
      '## Context',
      '',
      'Today clients call GET /legacy/orders.',
      '',
      '## API',
      '',
      'Clients get /v1/orders and post to it; see the `get` handler.',
    ].join('\n');
    assert.deepEqual(reported(text), []);
  });

  it('finds endpoints cited in prose and full URLs', () => {
    const text = '## API\n\nThe client calls `POST https://api.example.com/v1/refunds` to refund.\n';
    const findings = runRule(apiEndpointIncomplete, text);
    assert.deepEqual(findings.map((f) => f.data?.endpoint), ['POST /v1/refunds']);
    assert.equal(textAt(text, findings[0].range), 'POST https://api.example.com/v1/refunds');
  });
});
