import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { VAGUE } from './fixtures';
import { TestClient } from './harness';

const REPO = join(__dirname, '..', '..', '..');
const HINT = 4;
const WARNING = 2;

/** `specready check --suppress-all` in the client's workspace: the file as users write it. */
function suppressAll(client: TestClient): void {
  const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'check', '--suppress-all'], { cwd: client.root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

const vague = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'vague-term');

describe('language server: findings recorded in specready-suppressions.json', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('shows them as hints with a note by default, and a new finding as usual', async () => {
    client = new TestClient({ files: { '.git/HEAD': 'ref: refs/heads/main\n', 'docs/refunds.spec.md': VAGUE, 'docs/closed.spec.md': VAGUE } });
    suppressAll(client);
    await client.initialize();
    const uri = await client.open('docs/refunds.spec.md', VAGUE);
    const [recorded] = vague(await client.diagnostics(uri, (p) => vague(p.diagnostics).length > 0));
    assert.equal(recorded.severity, HINT);
    assert.match(String(recorded.message), /"quickly" is vague.*\(warning, suppressed by specready-suppressions\.json\)$/s);
    assert.equal((recorded.data as { suppressed?: boolean }).suppressed, true);
    assert.equal(recorded.code, 'vague-term', 'the rule id and its documentation link stay');

    const closed = vague(await client.diagnostics(client.uri('docs/closed.spec.md'), (p) => vague(p.diagnostics).length > 0));
    assert.deepEqual(closed.map((d) => d.severity), [HINT], 'closed specs too (workspace diagnostics)');

    await client.replaceAll(uri, 2, VAGUE.replace('MUST quickly record', 'MUST quickly and seamlessly record'));
    const after = vague(await client.diagnostics(uri, (p) => p.version === 2));
    assert.deepEqual(after.map((d) => [d.severity, /seamlessly/.test(String(d.message))]).sort(), [[WARNING, true], [HINT, false]]);
  });

  it('hides them or shows them as usual, as specready.suppressedFindings says', async () => {
    client = new TestClient({ settings: { suppressedFindings: 'hide' }, files: { '.git/HEAD': 'ref: refs/heads/main\n', 'docs/refunds.spec.md': VAGUE } });
    suppressAll(client);
    await client.initialize();
    const uri = await client.open('docs/refunds.spec.md', VAGUE);
    const hidden = await client.diagnostics(uri);
    assert.deepEqual(vague(hidden), []);

    client.settings = { suppressedFindings: 'show' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const shown = vague(await client.diagnostics(uri, (p) => vague(p.diagnostics).length > 0));
    assert.deepEqual(shown.map((d) => d.severity), [WARNING]);
    assert.doesNotMatch(String(shown[0].message), /suppressed/);
  });

  it('follows changes of the file, and shows findings as usual when it is broken', async () => {
    client = new TestClient({ files: { '.git/HEAD': 'ref: refs/heads/main\n', 'docs/refunds.spec.md': VAGUE } });
    suppressAll(client);
    await client.initialize();
    const uri = await client.open('docs/refunds.spec.md', VAGUE);
    assert.deepEqual(vague(await client.diagnostics(uri, (p) => vague(p.diagnostics).length > 0)).map((d) => d.severity), [HINT]);
    for (const content of ['{}\n', '{ not json']) {
      client.write('specready-suppressions.json', content);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('specready-suppressions.json'), type: 2 }] });
      const usual = vague(await client.diagnostics(uri, (p) => vague(p.diagnostics).some((d) => d.severity === WARNING)));
      assert.deepEqual(usual.map((d) => d.severity), [WARNING], content);
    }
    assert.ok(client.serverAlive);
  });
});
