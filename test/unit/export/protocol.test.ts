import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportResult } from '../../../server/src/export/types';
import { ExportRequest } from '../../../server/src/lsp/protocol';
import { TestClient } from '../../protocol/harness';
import { NOT_READY_SPEC, READY_SPEC, text, unzip } from './fixtures';

describe('language server: specready/export', function () {
  this.timeout(120_000);
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({ files: { 'specs/refunds.spec.md': READY_SPEC, 'specs/draft.spec.md': NOT_READY_SPEC } });
    await client.initialize();
  });

  afterEach(async () => client.dispose());

  async function request(params: Record<string, unknown>): Promise<ExportResult> {
    return client.connection.sendRequest<ExportResult>(ExportRequest.method, params);
  }

  it('exports the open buffer into the workspace folder, unsaved edits included', async () => {
    const edited = READY_SPEC.replace('## Scope', 'Edited in the editor, not saved.\n\n## Scope');
    const uri = await client.open('specs/refunds.spec.md', edited);
    const result = await request({ uri });
    assert.equal(result.status, 'written', JSON.stringify(result));
    assert.equal(result.status === 'written' && result.path, join(client.root, 'handoff', 'refunds.spec.zip'));
    assert.equal(text(unzip(join(client.root, 'handoff', 'refunds.spec.zip'))['spec/SPEC.md']), edited);
    assert.equal(readFileSync(join(client.root, 'specs', 'refunds.spec.md'), 'utf8'), READY_SPEC, 'the file on disk is untouched');
  });

  it('refuses until the client confirms with force and overwrite', async () => {
    const uri = client.uri('specs/draft.spec.md');
    const outPath = 'out/draft.zip';
    const notReady = await request({ uri, outPath });
    assert.equal(notReady.status === 'refused' && notReady.reason, 'not-ready');
    assert.ok(!existsSync(join(client.root, 'out')));
    const forced = await request({ uri, outPath, force: true });
    assert.equal(forced.status === 'written' && forced.exportedNotReady, true);
    const exists = await request({ uri, outPath, force: true });
    assert.equal(exists.status === 'refused' && exists.reason, 'exists');
    const replaced = await request({ uri, outPath, force: true, overwrite: true, format: 'zip' });
    assert.equal(replaced.status, 'written');
  });

  it('refuses a spec outside the workspace folders', async () => {
    const result = await request({ uri: 'file:///somewhere/else/x.spec.md' });
    assert.equal(result.status === 'refused' && result.reason, 'outside-root');
  });
});
