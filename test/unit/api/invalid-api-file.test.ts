import assert from 'node:assert/strict';
import { utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseForConfig } from '../../../server/src/engine/analyze';
import { apiFileLocations } from '../../../server/src/fs/api-files';
import * as fixtures from './fixtures';
import { Project } from './project';
import { perTest } from '../helpers';

const spec = (link: string) => `# Refunds\n\n## API contract\n\nThe contract is ${link}.\n`;

describe('invalid-api-file', () => {
  let project: Project;
  perTest(() => (project = new Project()));

  it('says nothing about a valid OpenAPI 3.0 file, and reads its operations, schemas and server prefix', async () => {
    project.write('api/openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const { findings, apiFiles } = await project.check(spec('[the OpenAPI file](api/openapi.yaml)'));
    assert.deepEqual(findings, []);
    const description = apiFiles.get('api/openapi.yaml');
    assert.equal(description?.format, 'openapi');
    assert.deepEqual(description?.operations.map((operation) => `${operation.method} ${operation.path}`), ['POST /refunds', 'GET /refunds/{id}']);
    assert.deepEqual(description?.basePaths, ['/v1']);
    assert.equal(description?.operations[0].requestSchema, '/paths/~1refunds/post/requestBody/content/application~1json/schema');
    assert.deepEqual(description?.operations[1].responses, ['200', '404']);
    assert.equal(description?.operations[0].secured, true);
    assert.equal(description?.schemas.Refund, '/components/schemas/Refund');
  });

  it('reports a structural error on the link with its line in the file', async () => {
    project.write('openapi.yaml', fixtures.NO_DESCRIPTION_OPENAPI);
    const text = spec('[OpenAPI](openapi.yaml)');
    const { findings } = await project.check(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'The linked OpenAPI 3.0.3 file openapi.yaml has a problem at line 7: The field `description` must be present on this level.');
    assert.equal(findings[0].range.start.line, 4);
    assert.deepEqual(findings[0].data, { file: 'openapi.yaml', code: 'struct', line: 6, character: 8 });
  });

  it('reports malformed YAML in the product\'s words, never a crash', async () => {
    project.write('openapi.yaml', fixtures.MALFORMED_YAML);
    const { findings } = await project.check(spec('[OpenAPI](openapi.yaml)'));
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The linked file openapi\.yaml has a problem at line 4: it is not valid YAML: bad indentation of a mapping entry\.$/);
  });

  it('reports malformed JSON of a file the link calls a schema', async () => {
    project.write('refund.schema.json', '{ "type": "object", ');
    const { findings } = await project.check(spec('[schema](refund.schema.json)'));
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /it is not valid JSON/);
  });

  it('ignores YAML and JSON files that are not API descriptions, even malformed ones, unless the link says they are', async () => {
    project.write('config.yaml', 'retries: 3\n');
    project.write('broken.yaml', 'a: [\n');
    const { findings, apiFiles } = await project.check(spec('[the config](config.yaml) and [this](broken.yaml)'));
    assert.deepEqual(findings, []);
    assert.equal(apiFiles.size, 0);
  });

  it('reports an unresolved $ref and accepts $ref cycles', async () => {
    project.write('bad.openapi.yaml', fixtures.UNRESOLVED_REF_OPENAPI);
    project.write('cycle.openapi.yaml', fixtures.CYCLE_OPENAPI);
    const { findings } = await project.check(spec('[a](bad.openapi.yaml) and [b](cycle.openapi.yaml)'));
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /bad\.openapi\.yaml has a problem at line 7: Can't resolve \$ref\.$/);
    assert.equal(findings[0].data?.code, 'no-unresolved-refs');
  });

  it('validates Swagger 2.0, AsyncAPI and JSON Schema files', async () => {
    project.write('swagger.json', fixtures.SWAGGER_2);
    project.write('events.yaml', fixtures.ASYNCAPI_INVALID);
    project.write('events3.yaml', fixtures.ASYNCAPI_3);
    project.write('refund.schema.json', fixtures.INVALID_JSON_SCHEMA);
    const { findings, apiFiles } = await project.check(spec('[a](swagger.json), [b](events.yaml), [c](events3.yaml) and [d](refund.schema.json)'));
    assert.equal(apiFiles.get('swagger.json')?.format, 'swagger');
    assert.deepEqual(apiFiles.get('swagger.json')?.basePaths, ['/api']);
    assert.equal(apiFiles.get('events3.yaml')?.format, 'asyncapi');
    assert.deepEqual(findings.map((finding) => `${String(finding.data?.file)}:${String(finding.data?.line)}`), [
      'events.yaml:1', 'events.yaml:6', 'refund.schema.json:4',
    ]);
    assert.match(findings[0].message, /^The linked AsyncAPI 2\.6\.0 file events\.yaml has a problem at line 2: The field `version` must be present on this level\.$/);
    assert.match(findings[2].message, /^The linked JSON Schema file refund\.schema\.json has a problem at line 5: \/properties\/amount\/type must be equal to one of the allowed values\.$/);
  });

  it('reports an unsupported version without a stack trace', async () => {
    project.write('openapi.yaml', 'openapi: 4.0.0\ninfo: { title: T, version: "1" }\npaths: {}\n');
    const { findings } = await project.check(spec('[OpenAPI](openapi.yaml)'));
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The linked OpenAPI 4\.0\.0 file openapi\.yaml cannot be used: /);
    assert.doesNotMatch(findings[0].message, /\n|at .*\.js/);
  });

  it('does not parse a file above the size limit', async () => {
    project.write('openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const { findings } = await project.check(spec('[OpenAPI](openapi.yaml)'), { maxBytes: 100 });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The linked file openapi\.yaml cannot be used: it is too large to check \(0\.0 MB; the limit is 0\.0 MB\)\.$/);
  });

  it('a missing file is left to broken-link', async () => {
    const { findings, result } = await project.check(spec('[OpenAPI](missing.yaml)'));
    assert.deepEqual(findings, []);
    assert.equal(result.findings.some((finding) => finding.rule === 'invalid-api-file'), false);
  });

  it('parses a file once per version: an unchanged file is reused, a changed one read again', async () => {
    const file = project.write('openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const text = spec('[OpenAPI](openapi.yaml)');
    const first = (await project.check(text)).apiFiles.get('openapi.yaml');
    const second = (await project.check(text)).apiFiles.get('openapi.yaml');
    assert.equal(first?.operations, second?.operations);
    writeFileSync(file, fixtures.NO_DESCRIPTION_OPENAPI);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const third = await project.check(text);
    assert.equal(third.findings.length, 1);
    assert.deepEqual(apiFileLocations(parseForConfig(text, 'file:///x'), path.join(project.root, 'refunds.spec.md')), [file]);
  });

  it('validates values against the file\'s schemas with ajv, nullable and recursive schemas included', async () => {
    project.write('openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const description = (await project.check(spec('[OpenAPI](openapi.yaml)'))).apiFiles.get('openapi.yaml');
    const validate = description?.validate;
    assert.ok(validate);
    assert.deepEqual(validate('/components/schemas/RefundRequest', { paymentId: 'p_1', amount: 5, reason: null }), []);
    assert.deepEqual(validate('/components/schemas/RefundRequest', { paymentId: 'p_1', amount: 0, note: 'x' }), [
      { path: '', message: 'has an unexpected property `note`' },
      { path: '/amount', message: 'must be >= 1' },
    ]);
    assert.deepEqual(validate('/components/schemas/Refund', { id: 'r', status: 'pending', parent: { id: 'q', status: 'lost' } }), [
      { path: '/parent/status', message: 'must be equal to one of the allowed values: "pending", "succeeded", "failed"' },
    ]);
    assert.equal(validate('/components/schemas/Nope', {}), undefined);
  });
});
