import assert from 'node:assert/strict';
import { parseSpec } from '../../../server/src/model/parse';
import { interfaceFixes } from '../../../server/src/rules/fixes/interfaces';
import type { Finding } from '../../../server/src/rules/types';

describe('interface fixes: parts written as one labelled line', () => {
  it('inserts the label and a hole saying what goes there, one fix per part', () => {
    const model = parseSpec('## API\n\n- `GET /v1/orders`\n');
    const finding = { rule: 'interface-incomplete', message: 'm', severity: 'warning', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 19 } } } as Finding;
    const missing = ['auth', 'idempotency', 'pagination', 'schedule', 'inputs', 'output'] as const;
    const fixes = interfaceFixes({ model } as Parameters<typeof interfaceFixes>[0], finding, { interface: 'GET /v1/orders', method: 'GET', missing, insertAt: { line: 3, character: 0 } });
    assert.deepEqual(fixes.slice(0, missing.length).map((fix) => [fix.title, fix.edits[0].newText]), [
      ['Say how callers authenticate to GET /v1/orders', '\nAuthentication: <!-- bearer token, API key or mTLS; what 401 and 403 mean -->\n'],
      ['Say what a repeated request does to GET /v1/orders', '\nIdempotency: <!-- a repeated request with the same `Idempotency-Key` returns the first response -->\n'],
      ['Say how the list is paginated to GET /v1/orders', '\nPagination: <!-- page size, maximum, and the cursor that fetches the next page -->\n'],
      ['Describe the schedule to GET /v1/orders', '\nSchedule: <!-- when it runs (cron expression, time zone) or what triggers it -->\n'],
      ['Describe the inputs to GET /v1/orders', '\nInputs: <!-- each parameter with its type -->\n'],
      ['Describe the output to GET /v1/orders', '\nOutput: <!-- what it returns, prints or writes, with an example -->\n'],
    ]);
    assert.equal(fixes[missing.length].title, 'Add all 6 missing parts to GET /v1/orders');
  });
});
