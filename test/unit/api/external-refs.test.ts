import assert from 'node:assert/strict';
import { readFileSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeSpec, parseForConfig } from '../../../server/src/engine/analyze';
import { gatherApiFiles, newApiFileCache } from '../../../server/src/fs/api-files';
import { InMemoryHost } from '../../../server/src/host/memory-host';
import { SPLIT_FILES, splitSpec, REFUND_SCHEMAS, REFUNDS_PATH } from './external-refs.fixtures';
import { Project } from './project';
import { perTest } from '../helpers';

const findingsOf = (result: { findings: Array<{ rule: string; message: string; range: { start: { line: number } } }> }, rule: string) =>
  result.findings.filter((finding) => finding.rule === rule).map((finding) => `${finding.range.start.line}: ${finding.message}`);

describe('linked API files: $refs to other local files', () => {
  let project: Project;
  perTest(() => {
    project = new Project();
    for (const [file, text] of Object.entries(SPLIT_FILES)) project.write(file, text);
    return project;
  });

  it('reads operations and schemas from the referenced files: a valid split description gives no warning', async () => {
    const { findings, apiFiles, result } = await project.check(splitSpec());
    assert.deepEqual(findings, []);
    const description = apiFiles.get('api/openapi.yaml');
    assert.deepEqual(description?.operations.map((operation) => `${operation.method} ${operation.path}`), ['POST /refunds', 'GET /refunds/{id}']);
    const post = description?.operations[0];
    assert.equal(post?.operationId, 'createRefund');
    assert.deepEqual(post?.responses, ['201', '400']);
    assert.deepEqual(post?.fields, [{ name: 'amount', typed: true }, { name: 'reason', typed: true }]);
    assert.deepEqual([...(description?.references ?? [])].sort(), [path.join(project.root, 'api/paths/refunds.yaml'), path.join(project.root, 'api/schemas/refund.yaml')]);
    assert.deepEqual(result.findings.filter((finding) => finding.severity === 'warning' || finding.severity === 'error').filter((finding) => finding.rule !== 'missing-section'), []);
  });

  it('validates examples against schemas in the referenced files, with their own $refs', async () => {
    const { result } = await project.check(splitSpec('{ "amount": 0 }', '{ "id": "r_1", "amount": "12" }'));
    assert.deepEqual(findingsOf(result, 'invalid-example'), [
      '11: This request example does not match the schema of POST /refunds in the linked OpenAPI 3.0.3 file api/openapi.yaml: `/amount` must be >= 1.',
      '17: This response example does not match the schema of POST /refunds (201) in the linked OpenAPI 3.0.3 file api/openapi.yaml: `/amount` must be integer.',
    ]);
    assert.deepEqual(findingsOf(result, 'api-file-mismatch'), []);
  });

  it('reports a $ref to a missing file at the $ref, in the file that holds it', async () => {
    project.write('api/paths/refunds.yaml', REFUNDS_PATH.replace('../schemas/refund.yaml#/RefundRequest', '../schemas/request.yaml#/RefundRequest'));
    const { findings } = await project.check(splitSpec());
    assert.deepEqual(findings.map((finding) => [finding.range.start.line, finding.message]), [[4,
      'The linked OpenAPI 3.0.3 file api/openapi.yaml has a problem at line 8 of api/paths/refunds.yaml, which it references: `$ref: ../schemas/request.yaml#/RefundRequest` names a file that does not exist or cannot be read.']]);
    assert.deepEqual(findings[0].data, { file: 'api/openapi.yaml', code: 'no-unresolved-refs', referencedFile: 'api/paths/refunds.yaml', line: 7, character: 10 });
  });

  it('reports a referenced file that does not parse, and a structural error inside one, with that file\'s line', async () => {
    project.write('api/schemas/refund.yaml', 'Refund: [\n');
    project.write('api/paths/refunds.yaml', `${REFUNDS_PATH}    '500':\n      content: {}\n`);
    const { findings } = await project.check(splitSpec());
    assert.deepEqual(findings.map((finding) => finding.message), [
      'The linked OpenAPI 3.0.3 file api/openapi.yaml has a problem at line 2 of api/schemas/refund.yaml, which it references: it is not valid YAML: deficient indentation.',
      'The linked OpenAPI 3.0.3 file api/openapi.yaml has a problem at line 18 of api/paths/refunds.yaml, which it references: The field `description` must be present on this level.',
    ]);
  });

  it('follows a $ref the first reading of the text does not see (a folded YAML scalar)', async () => {
    project.write('api/openapi.yaml', SPLIT_FILES['api/openapi.yaml'].replace('    $ref: paths/refunds.yaml', '    $ref: >-\n      paths/refunds.yaml'));
    const { findings, apiFiles } = await project.check(splitSpec());
    assert.deepEqual(findings, []);
    assert.deepEqual(apiFiles.get('api/openapi.yaml')?.operations.map((operation) => `${operation.method} ${operation.path}`), ['POST /refunds', 'GET /refunds/{id}']);
  });

  it('a change to a referenced file alone gives a new description', async () => {
    const first = await project.check(splitSpec('{ "amount": 5 }'));
    assert.deepEqual(findingsOf(first.result, 'invalid-example'), []);
    const schemas = project.write('api/schemas/refund.yaml', REFUND_SCHEMAS.replace('minimum: 1', 'minimum: 10'));
    // The same size as before: only the modification time tells the versions apart.
    utimesSync(schemas, new Date(), new Date(Date.now() + 5000));
    const second = await project.check(splitSpec('{ "amount": 5 }'));
    assert.deepEqual(findingsOf(second.result, 'invalid-example').map((line) => line.replace(/^\d+: /, '')), [
      'This request example does not match the schema of POST /refunds in the linked OpenAPI 3.0.3 file api/openapi.yaml: `/amount` must be >= 10.',
    ]);
  });

  it('validates a JSON Schema file whose $ref leads to another file, and reports a missing one', async () => {
    project.write('schemas/refund.schema.json', JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'Refund', type: 'object', required: ['amount'], properties: { amount: { $ref: 'money.json#/definitions/amount' } } }, null, 2));
    project.write('schemas/money.json', JSON.stringify({ definitions: { amount: { type: 'integer', minimum: 1 } } }));
    const text = '# Refunds\n\n## API contract\n\nEach refund is a [Refund](schemas/refund.schema.json):\n\n```json\n{ "amount": -3 }\n```\n';
    const valid = await project.check(text);
    assert.deepEqual(valid.findings, []);
    assert.deepEqual(findingsOf(valid.result, 'invalid-example'), ['7: This example does not match the linked JSON Schema file schemas/refund.schema.json: `/amount` must be >= 1.']);
    project.write('schemas/refund.schema.json', readFileSync(path.join(project.root, 'schemas/refund.schema.json'), 'utf8').replace('money.json', 'cash.json'));
    const broken = await project.check(text);
    assert.deepEqual(broken.findings.map((finding) => finding.message), [
      'The linked JSON Schema file schemas/refund.schema.json has a problem at line 10: `$ref: cash.json#/definitions/amount` names a file that does not exist or cannot be read.',
    ]);
  });

  it('reads the referenced files through the host, never from the disk', async () => {
    const root = path.join(path.sep, 'memory', 'project');
    const host = new InMemoryHost(Object.fromEntries(Object.entries(SPLIT_FILES).map(([file, text]) => [path.join(root, file), text])));
    const file = path.join(root, 'refunds.spec.md');
    const text = splitSpec('{ "amount": 0 }');
    const model = parseForConfig(text, pathToFileURL(file).href);
    const apiFiles = await gatherApiFiles(model, file, { projectRoot: root, host, cache: newApiFileCache() });
    const result = analyzeSpec(text, { uri: pathToFileURL(file).href, model, apiFiles });
    assert.deepEqual(findingsOf(result, 'invalid-api-file'), []);
    assert.equal(findingsOf(result, 'invalid-example').length, 1);
  });
});
