import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { ORDER_EXPORT, READY } from './fixtures';
import { TestClient } from './harness';


async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  return report.items;
}

describe('language server resilience', function () {
  this.timeout(120000);
  let client: TestClient;

  afterEach(async () => client.dispose());

  it('skips a file above the size limit with one informational diagnostic', async () => {
    client = new TestClient({ pull: true, settings: { maxFileSizeKB: 4 } });
    await client.initialize();
    const uri = await client.open('big.spec.md', ORDER_EXPORT.repeat(10));
    const items = await pull(client, uri);
    assert.equal(items.length, 1);
    assert.equal(items[0].code, 'file-too-large');
    assert.equal(items[0].severity, 3);
  });

  it('survives binary and invalid UTF-8 content and keeps serving', async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    const binary = await client.open('blob.spec.md', '\u0000\u0001\uFFFD\uFFFD'.repeat(500));
    assert.deepEqual((await pull(client, binary)).map((d) => d.code), ['binary-file']);
    const spec = await client.open('ok.spec.md', ORDER_EXPORT);
    assert.ok((await pull(client, spec)).length > 0);
    assert.ok(client.serverAlive);
  });

  it('reports malformed front matter as a diagnostic', async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    const uri = await client.open('fm.spec.md', '---\nprofile: [api\n---\n# T\n');
    const items = await pull(client, uri);
    assert.ok(items.some((d) => d.code === 'invalid-front-matter' && d.range.start.line >= 1));
  });

  it('answers requests for unknown or closed documents cleanly', async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    const uri = client.uri('never-opened.spec.md');
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.deepEqual((await pull(client, uri)), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.equal(await client.connection.sendRequest('specready/readiness', { uri }), null);
    const opened = await client.open('closed.spec.md', ORDER_EXPORT);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: opened } });
    assert.equal(await client.connection.sendRequest('specready/readiness', { uri: opened }), null);
    assert.ok(client.serverAlive);
  });

  // No deadline for the large runs: the harness gives up only when the server stops working.
  it('handles 1,000 spec files in the workspace and 50 open editors', async function () {
    this.timeout(0);
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`specs/s${i}.spec.md`] = i % 2 ? ORDER_EXPORT : READY;
    client = new TestClient({ pull: true, files });
    await client.initialize();
    const open: string[] = [];
    for (let i = 0; i < 50; i++) open.push(await client.open(`specs/s${i}.spec.md`, files[`specs/s${i}.spec.md`]));
    const report = await client.request<{ items: Array<{ uri: string }> }>('workspace/diagnostic', { previousResultIds: [] });
    assert.equal(report.items.length, 950, 'closed specs are reported by workspace diagnostics, open ones are not');
    for (const uri of open.filter((_, i) => i % 2 === 1).slice(0, 5)) assert.ok((await pull(client, uri)).length > 0);
    const rss = client.serverRssMiB();
    assert.ok(rss < 400, `server RSS ${rss.toFixed(0)} MiB`);
  });

  it('soaks 10,000 random edits and ends identical to a fresh analysis, within a 64 MiB heap', async function () {
    this.timeout(0);
    // The heap limit is the memory bound: a leak of per-edit state would exhaust it and crash
    // the server long before 10,000 edits. RSS is reported for the record only.
    client = new TestClient({ pull: true, nodeOptions: ['--max-old-space-size=64'] });
    await client.initialize();
    let document = TextDocument.create('file:///soak.md', 'markdown', 1, READY);
    const uri = await client.open('soak.spec.md', READY);
    await pull(client, uri);
    const words = ['fast ', 'TBD ', 'should ', '\n- REQ-9: x\n', '`code` ', '\n## Scope\n', 'as discussed ', 'é', '\r\n', ''];
    let seed = 42;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    let rssAfterWarmup = 0;
    for (let version = 2; version <= 10001; version++) {
      const text = document.getText();
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(8));
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      const insert = words[random(words.length)];
      document = TextDocument.update(document, [{ range, text: insert }], version);
      await client.edit(uri, version, range, insert);
      if (version % 50 === 0) await pull(client, uri);
      if (version === 1001) rssAfterWarmup = client.serverRssMiB();
    }
    const final = await pull(client, uri);
    const expected = analyzeSpec(document.getText()).findings;
    assert.deepEqual(final.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`),
      expected.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`));
    console.log(`      soak: 10,000 edits, server RSS ${rssAfterWarmup.toFixed(0)} MiB after 1,000 -> ${client.serverRssMiB().toFixed(0)} MiB after 10,000`);
    assert.ok(client.serverAlive, 'the server survived the soak within its heap limit');
  });
});
