import assert from 'node:assert/strict';
import { READY, VAGUE } from './fixtures';
import { TestClient } from './harness';


describe('language server: which files are specs', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  afterEach(async () => client?.dispose());

  it('anchors globs at the git work tree when the workspace folder is a sub-folder', async () => {
    client = new TestClient({
      workspaceFolder: 'docs/specs',
      files: { '.git/HEAD': 'ref: refs/heads/main\n', 'docs/specs/closed.md': VAGUE, 'docs/specs/open.md': VAGUE },
    });
    await client.initialize();
    const open = await client.open('docs/specs/open.md', VAGUE);
    assert.ok((await client.diagnostics(open)).some((d) => d.code === 'vague-term'));
    const closed = await client.diagnostics(client.uri('docs/specs/closed.md'));
    assert.ok(closed.some((d) => d.code === 'vague-term'));
  });

  it('does not treat the copies inside a handoff bundle as specs', async () => {
    const manifest = '{\n  "manifestVersion": 1,\n  "tool": {\n    "name": "SpecReady",\n    "version": "0.1.0"\n  }\n}\n';
    client = new TestClient({ files: { 'out/refunds/manifest.json': manifest, 'specs/a.md': VAGUE } });
    await client.initialize();
    const copy = await client.open('out/refunds/spec/assets/specs/a.md', VAGUE);
    const original = await client.open('specs/a.md', VAGUE);
    assert.ok((await client.diagnostics(original)).some((d) => d.code === 'vague-term'));
    assert.deepEqual(await client.diagnostics(copy), []);
  });

  it('stops checking an open document once a bundle manifest appears beside it, and checks it again once it is gone', async () => {
    const manifest = '{\n  "manifestVersion": 1,\n  "tool": {\n    "name": "SpecReady",\n    "version": "0.1.0"\n  }\n}\n';
    client = new TestClient({ files: { 'specs/bundle/a.md': VAGUE } });
    await client.initialize();
    const uri = await client.open('specs/bundle/a.md', VAGUE);
    assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'vague-term'));
    client.write('specs/bundle/manifest.json', manifest);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('specs/bundle/manifest.json'), type: 1 }] });
    assert.deepEqual(await client.diagnostics(uri, (p) => p.diagnostics.length === 0), []);
    client.remove('specs/bundle/manifest.json');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('specs/bundle/manifest.json'), type: 3 }] });
    assert.ok((await client.diagnostics(uri, (p) => p.diagnostics.length > 0)).some((d) => d.code === 'vague-term'));
  });

  it('resolves document links like broken-link: root-relative against the project root, query left out', async () => {
    const spec = `${READY}\nSee [a](/docs/a.md#top), ![b](img.png?raw=true) and [gone](/docs/gone.md).\n`;
    client = new TestClient({ files: { '.git/HEAD': 'ref: refs/heads/main\n', 'docs/a.md': '# A\n', 'docs/specs/img.png': 'png' } });
    await client.initialize();
    const uri = await client.open('docs/specs/s.md', spec);
    const links = await client.connection.sendRequest<Array<{ target: string }>>('textDocument/documentLink', { textDocument: { uri } });
    const targets = links.map((link) => link.target);
    assert.ok(targets.includes(`${client.uri('docs/a.md')}#top`), targets.join('\n'));
    assert.ok(targets.includes(client.uri('docs/specs/img.png')), targets.join('\n'));
    const broken = (await client.diagnostics(uri)).filter((d) => d.code === 'broken-link');
    assert.deepEqual(broken.map((d) => d.message), ['Link target "/docs/gone.md" does not exist: fix the path or add the file before handoff.']);
  });

  it('applies maxFileSizeKB from .specready.json, as the CLI does', async () => {
    client = new TestClient({ files: { '.specready.json': '{ "maxFileSizeKB": 4 }\n' } });
    await client.initialize();
    const uri = await client.open('specs/big.md', READY.repeat(3));
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
    assert.match(String(diagnostics[0].message), /above the limit of 4 KiB \(setting specready\.maxFileSizeKB, or maxFileSizeKB in \.specready\.\*\)/);
  });

  it('validates client settings like .specready.*: bad values use defaults, the rest works, one warning', async () => {
    const settings = { rules: { 'vague-term': 'warn', 'weak-modal': 'off' }, idPattern: '(', threshold: 'high', profile: 'servise' };
    client = new TestClient({ settings });
    await client.initialize();
    const uri = await client.open('specs/a.md', VAGUE);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => typeof d.severity === 'number'), JSON.stringify(diagnostics));
    assert.equal(diagnostics.find((d) => d.code === 'vague-term')?.severity, 2);
    const readiness = await client.connection.sendRequest('specready/readiness', { uri }) as { score: number; threshold: number; breakdown: Record<string, { score: number }> };
    assert.ok(Number.isFinite(readiness.score));
    assert.equal(readiness.threshold, 80);
    assert.ok(Object.values(readiness.breakdown).every((dimension) => Number.isFinite(dimension.score)), JSON.stringify(readiness.breakdown));
    for (let version = 2; version <= 6; version++) await client.replaceAll(uri, version, `${VAGUE}\n`.repeat(1 + (version % 2)));
    await client.diagnostics(uri, (p) => p.version === 6);
    assert.equal(client.shownMessages.length, 1, JSON.stringify(client.shownMessages));
    const [shown] = client.shownMessages;
    assert.equal(shown.type, 2);
    assert.match(shown.message, /"specready\.rules\.vague-term" must be one of "off", "hint", "info", "warning", "error", not "warn"; did you mean "warning"\?/);
    assert.match(shown.message, /"specready\.idPattern" is not a valid regular expression/);
    assert.match(shown.message, /"specready\.threshold" must be a number, not the string "high"/);
    assert.match(shown.message, /servise/);
  });

  it('names the warnings of a ready spec for what they are, not blockers', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = await client.open('specs/a.md', VAGUE);
    const readiness = await client.connection.sendRequest('specready/readiness', { uri }) as {
      ready: boolean; blockers: Array<{ rule: string }>; warnings: Array<{ rule: string }>;
    };
    assert.equal(readiness.ready, true);
    assert.deepEqual(readiness.blockers, []);
    assert.ok(readiness.warnings.some((warning) => warning.rule === 'vague-term'));
  });

  it('reports an unknown front matter profile at its own line', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = await client.open('specs/a.md', `---\ntitle: Refunds\nprofile: servise\n---\n${READY}`);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const unknown = diagnostics.find((d) => d.code === 'invalid-front-matter');
    assert.deepEqual(unknown?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
  });
});
