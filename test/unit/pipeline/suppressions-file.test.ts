import assert from 'node:assert/strict';
import { SuppressionsFiles } from '../../../server/src/fs/suppressions-file';
import type { Host } from '../../../server/src/host/host';
import { InMemoryHost } from '../../../server/src/host/memory-host';

/** The in-memory host, counting the paths it is asked about. */
function countingHost(files: Record<string, string>): { host: InMemoryHost; host$: Host; looks: string[] } {
  const host = new InMemoryHost(files);
  const looks: string[] = [];
  const host$: Host = {
    stat: (path) => (looks.push(path), host.stat(path)),
    readFile: (path, limit) => host.readFile(path, limit),
    listFiles: (folder, options) => host.listFiles(folder, options),
    realPath: (path) => host.realPath(path),
    readSameFile: (path, checked) => host.readSameFile(path, checked),
  };
  return { host, host$, looks };
}

const RECORDED = '{ "specs/a.md": { "vague-term": { "count": 1 } } }\n';

describe('suppressions files for the language server', () => {
  it('finds the nearest file once per folder, then only looks at that file', async () => {
    const { host$, looks } = countingHost({ '/w/specready-suppressions.json': RECORDED });
    const files = new SuppressionsFiles(host$);
    const first = await files.forSpec('/w/specs/a.md');
    assert.equal(first?.file, '/w/specready-suppressions.json');
    assert.equal(first?.key, 'specs/a.md');
    assert.deepEqual(first?.entries, { 'vague-term': { count: 1 } });
    looks.length = 0;
    assert.deepEqual(await files.forSpec('/w/specs/a.md'), first);
    assert.deepEqual(looks, ['/w/specready-suppressions.json']);
  });

  it('sees a nearer file after being told that suppressions files changed, and falls back at once when it is deleted', async () => {
    const { host, host$ } = countingHost({ '/w/specready-suppressions.json': RECORDED });
    const files = new SuppressionsFiles(host$);
    assert.equal((await files.forSpec('/w/specs/a.md'))?.file, '/w/specready-suppressions.json');
    host.write('/w/specs/specready-suppressions.json', '{ "a.md": { "placeholder": { "count": 2 } } }\n');
    files.filesChanged();
    const nearer = await files.forSpec('/w/specs/a.md');
    assert.equal(nearer?.file, '/w/specs/specready-suppressions.json');
    assert.deepEqual(nearer?.entries, { placeholder: { count: 2 } });
    host.delete('/w/specs/specready-suppressions.json');
    const outer = await files.forSpec('/w/specs/a.md');
    assert.equal(outer?.file, '/w/specready-suppressions.json');
    assert.equal(outer?.key, 'specs/a.md');
  });
});
