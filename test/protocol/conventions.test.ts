import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { TestClient } from './harness';

const ROOT = join(__dirname, '..', '..', '..');
const ORDER_EXPORT = readFileSync(join(ROOT, 'examples', 'order-export.spec.md'), 'utf8');

const SPEC = '# Export\n\n## Requirements\n\n- REQ-1: The export MUST finish within 5 seconds.\n';
/** The same spec with a weak modal on the requirement line. */
const WEAK = SPEC.replace('MUST', 'should');

type Report = { kind: 'full'; resultId?: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

async function pull(client: TestClient, uri: string, previousResultId?: string): Promise<Report> {
  return client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<Report>;
}

function codesOf(report: Report): string[] {
  assert.equal(report.kind, 'full');
  return report.items.map((item) => String(item.code));
}

describe('editor conventions (rule documentation, run on save, analysis state)', function () {
  this.timeout(120_000);
  let client: TestClient;

  afterEach(async () => client.dispose());

  it('offers "Show documentation for <rule>" on every diagnostic, once per rule, after the fixes', async () => {
    client = new TestClient({ pull: true });
    await client.initialize();
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const report = await pull(client, uri);
    assert.equal(report.kind, 'full');
    const rules = new Set(report.items.map((item) => String(item.code)));
    assert.ok(rules.size >= 5, [...rules].join(', '));
    for (const diagnostic of report.items) {
      const actions = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      }) as CodeAction[];
      const docs = actions.filter((action) => action.command?.command === 'specready.showRuleDocumentation');
      assert.equal(docs.length, 1, `${diagnostic.code}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(docs[0].title, `Show documentation for ${diagnostic.code}`);
      assert.deepEqual(docs[0].command!.arguments, [diagnostic.code]);
      assert.equal(docs[0].kind, 'quickfix');
      assert.equal(actions.at(-1), docs[0], 'the documentation comes last');
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${diagnostic.code}.md`)), `docs/rules/${diagnostic.code}.md`);
    }
    // Several diagnostics of one rule in the range: one documentation action.
    const modals = report.items.filter((item) => item.code === 'weak-modal');
    if (modals.length >= 2) {
      const actions = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: modals[0].range.start, end: modals.at(-1)!.range.end }, context: { diagnostics: modals },
      }) as CodeAction[];
      assert.equal(actions.filter((action) => action.title === 'Show documentation for weak-modal').length, 1);
    }
  });

  it('with specready.run = onSave, edits keep the last report until the document is saved', async () => {
    client = new TestClient({ pull: true, settings: { run: 'onSave' } });
    await client.initialize();
    const uri = await client.open('specs/export.spec.md', SPEC);
    const first = await pull(client, uri);
    assert.ok(!codesOf(first).includes('weak-modal'));
    assert.ok(first.kind === 'full' && first.resultId, 'full reports carry a result id');
    const saved = await client.connection.sendRequest('specready/readiness', { uri }) as { score: number };

    await client.replaceAll(uri, 2, WEAK);
    const whileTyping = await pull(client, uri, first.resultId);
    assert.deepEqual(whileTyping, { kind: 'unchanged', resultId: first.resultId });
    // The status follows the saved text too.
    const readiness = await client.connection.sendRequest('specready/readiness', { uri }) as { score: number };
    assert.equal(readiness.score, saved.score);

    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const afterSave = await pull(client, uri, first.resultId);
    assert.ok(codesOf(afterSave).includes('weak-modal'));
    assert.equal((await client.connection.sendRequest('specready/readiness', { uri }) as { score: number }).score, analyzeSpec(WEAK).score);

    // Code actions always work on the text as it is, saved or not.
    await client.replaceAll(uri, 3, SPEC);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const resaved = await pull(client, uri, afterSave.kind === 'full' ? afterSave.resultId : undefined);
    assert.ok(!codesOf(resaved).includes('weak-modal'));
    await client.replaceAll(uri, 4, WEAK);
    assert.equal((await pull(client, uri, resaved.resultId)).kind, 'unchanged');
    // A result id the server did not give last gets a full report.
    assert.equal((await pull(client, uri, 'stale')).kind, 'full');
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 60 } }, context: { diagnostics: [] },
    }) as CodeAction[];
    assert.ok(actions.some((action) => action.title === 'Show documentation for weak-modal'), actions.map((a) => a.title).join(' | '));
  });

  it('with specready.run = onSave, a push client gets diagnostics on open and save only', async () => {
    client = new TestClient({ settings: { run: 'onSave' } });
    await client.initialize();
    const uri = await client.open('specs/export.spec.md', SPEC);
    await client.diagnostics(uri, (p) => p.version === 1);
    await client.replaceAll(uri, 2, WEAK);
    await client.replaceAll(uri, 3, WEAK.replace('5 seconds', 'a few seconds'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const afterSave = await client.diagnostics(uri, (p) => p.version !== 1);
    assert.ok(afterSave.some((d) => d.code === 'weak-modal'));
    assert.deepEqual(client.publishedVersions(uri), [1, 3], 'nothing is published for the version only typed');
  });

  it('keeps checking as you type by default, and names a wrong specready.run value', async () => {
    client = new TestClient({ pull: true, settings: { run: 'sometimes' } });
    await client.initialize();
    const uri = await client.open('specs/export.spec.md', SPEC);
    const first = await pull(client, uri);
    await client.replaceAll(uri, 2, WEAK);
    assert.ok(codesOf(await pull(client, uri, first.resultId)).includes('weak-modal'));
    const message = await client.waitFor(() => client.shownMessages.find((m) => m.message.includes('specready.run')), 10000, 'the settings warning');
    assert.match(message.message, /"specready\.run" must be "onType" or "onSave"/);
  });

  it('tells the client when it starts and finishes analysing an open document', async () => {
    client = new TestClient({ pull: true });
    const states: Array<{ uri: string; version: number; analysing: boolean }> = [];
    client.connection.onNotification('specready/analysisState', (state: (typeof states)[number]) => { states.push(state); });
    await client.initialize();
    const uri = await client.open('specs/export.spec.md', SPEC);
    await pull(client, uri);
    await client.replaceAll(uri, 2, WEAK);
    await pull(client, uri);
    // A second request for the same version uses the cached analysis: no new state.
    await pull(client, uri);
    await client.connection.sendRequest('specready/readiness', { uri });
    assert.deepEqual(states.filter((state) => state.uri === uri).map((state) => `${state.version}:${state.analysing}`), ['1:true', '1:false', '2:true', '2:false']);
  });
});
