import assert from 'node:assert/strict';
import { REFUNDS_OPENAPI, NO_DESCRIPTION_OPENAPI } from '../unit/api/fixtures';
import { SPLIT_FILES, REFUND_SCHEMAS, splitSpec } from '../unit/api/external-refs.fixtures';
import { READY } from './fixtures';
import { TestClient } from './harness';

const SPEC = `${READY}\nThe machine-readable contract is [the OpenAPI file](api/openapi.yaml).\n`;

describe('language server: linked API description files', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('shows an OpenAPI error on the link, and checks the spec again when the file changes', async () => {
    client = new TestClient({ files: { 'api/openapi.yaml': NO_DESCRIPTION_OPENAPI } });
    await client.initialize();
    const uri = await client.open('refunds.spec.md', SPEC);
    const linkLine = SPEC.split('\n').findIndex((line) => line.includes('(api/openapi.yaml)'));
    const invalid = await client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'invalid-api-file'), 30000);
    const problem = invalid.find((d) => d.code === 'invalid-api-file');
    assert.equal(problem?.range.start.line, linkLine);
    assert.match(String(problem?.message), /^The linked OpenAPI 3\.0\.3 file api\/openapi\.yaml has a problem at line 7: The field `description` must be present on this level\.$/);

    client.write('api/openapi.yaml', REFUNDS_OPENAPI);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('api/openapi.yaml'), type: 2 }] });
    const fixed = await client.diagnostics(uri, (params) => !params.diagnostics.some((d) => d.code === 'invalid-api-file'), 30000);
    assert.equal(fixed.some((d) => d.code === 'invalid-api-file'), false);
  });

  it('checks the spec again when a file the linked one references changes', async () => {
    client = new TestClient({ files: SPLIT_FILES });
    await client.initialize();
    const uri = await client.open('refunds.spec.md', `${READY}\n${splitSpec('{ "amount": 0 }')}`);
    // The example is checked against a schema in api/schemas/refund.yaml, through api/paths/refunds.yaml.
    const first = await client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'invalid-example'), 30000);
    assert.match(String(first.find((d) => d.code === 'invalid-example')?.message), /`\/amount` must be >= 1\.$/);
    assert.equal(first.some((d) => d.code === 'invalid-api-file'), false);

    client.write('api/schemas/refund.yaml', REFUND_SCHEMAS.replace('minimum: 1', 'minimum: 10'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('api/schemas/refund.yaml'), type: 2 }] });
    const changed = await client.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'invalid-example' && /must be >= 10\.$/.test(String(d.message))), 30000);
    assert.equal(changed.filter((d) => d.code === 'invalid-example').length, 1);
  });
});
