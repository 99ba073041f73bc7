import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec } from '../../server/src/engine/analyze';
import type { SpecDetails, SpecSummary, SpecsResult } from '../../server/src/lsp/protocol';
import { ORDER_EXPORT, READY } from './fixtures';
import { TestClient, type ClientOptions } from './harness';


/** The client's picture of the workspace: the first answer, then every change applied in order. */
class SpecsMirror {
  private readonly specs = new Map<string, SpecSummary>();
  private revision = -1;
  private applied = 0;

  constructor(private readonly client: TestClient) {}

  async load(): Promise<void> {
    const result = await this.client.connection.sendRequest<SpecsResult>('specready/specs', {});
    this.revision = result.revision;
    this.specs.clear();
    for (const spec of result.specs) this.specs.set(spec.uri, spec);
  }

  private catchUp(): { scanning: boolean } {
    let scanning = true;
    for (const change of this.client.specsChanges.slice(this.applied)) {
      this.applied++;
      scanning = change.scanning;
      if (change.revision <= this.revision) continue;
      this.revision = change.revision;
      for (const uri of change.removed) this.specs.delete(uri);
      for (const spec of change.changed) this.specs.set(spec.uri, spec as SpecSummary);
    }
    return { scanning };
  }

  /** Waits until the mirrored list satisfies `accept` (or the server stays idle for `quietMs`). */
  async until(accept: (specs: Map<string, SpecSummary>) => boolean, what: string, quietMs = 20000): Promise<Map<string, SpecSummary>> {
    return this.client.waitFor(() => {
      this.catchUp();
      return accept(this.specs) ? this.specs : undefined;
    }, quietMs, what);
  }
}

const QUESTIONS = `# Checkout retries

## Requirements

- REQ-1: The service MUST retry a failed payment 3 times.
- REQ-2: Refunds go to the team that owns payments: [NEEDS CLARIFICATION: which team owns payments?]

## Open Questions

- Which queue do we use for retries? @lena due 2020-01-15
- Do refunds need approval above 500 EUR? @omar due 2999-12-31
- Who pages on-call at night?
`;

describe('Specs view protocol (specready/specs, specready/specsChanged)', function () {
  this.timeout(120_000);
  let client: TestClient;

  afterEach(async () => client.dispose());

  /** Starts a server as `options` say and loads the Specs view's mirror of it. */
  async function startWithMirror(options: ClientOptions): Promise<SpecsMirror> {
    client = new TestClient(options);
    await client.initialize();
    const mirror = new SpecsMirror(client);
    await mirror.load();
    return mirror;
  }

  it('lists every spec of every workspace folder with the engine score, and updates after edits', async () => {
    const mirror = await startWithMirror({
      folders: ['one', 'two'],
      files: {
        'one/specs/order-export.spec.md': ORDER_EXPORT,
        'one/notes.md': '# Notes\n\nThis should be fast.\n',
        'two/payment-refunds.spec.md': READY,
      },
    });
    const order = client.uri('one/specs/order-export.spec.md');
    const refunds = client.uri('two/payment-refunds.spec.md');
    const specs = await mirror.until((all) => all.has(order) && all.has(refunds), 'both specs listed');
    assert.equal(specs.size, 2, [...specs.keys()].join(', '));
    const expected = analyzeSpec(ORDER_EXPORT);
    assert.equal(specs.get(order)!.score, expected.score);
    assert.equal(specs.get(order)!.state, expected.findings.some((f) => f.severity === 'error') ? 'blocked' : 'not-ready');
    assert.equal(specs.get(refunds)!.state, 'ready');
    assert.equal(specs.get(refunds)!.score, analyzeSpec(READY).score);
    assert.deepEqual(specs.get(order)!.dimensions.map((d) => d.name), Object.keys(expected.breakdown));

    // Opening the spec and making it the ready one: the change arrives without a new request.
    await client.open('one/specs/order-export.spec.md', ORDER_EXPORT);
    await client.replaceAll(order, 2, READY);
    await client.connection.sendRequest('specready/readiness', { uri: order });
    const after = await mirror.until((all) => all.get(order)?.state === 'ready', 'the edited spec to become ready');
    assert.equal(after.get(order)!.score, analyzeSpec(READY).score);

    // Closing without saving: the file on disk is the truth again.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: order } });
    await mirror.until((all) => all.get(order)?.score === expected.score, 'the saved score after closing');
  });

  it('adds created spec files and drops deleted ones on file events', async () => {
    const mirror = await startWithMirror({ files: { 'specs/a.spec.md': ORDER_EXPORT } });
    const a = client.uri('specs/a.spec.md');
    const b = client.uri('specs/b.spec.md');
    await mirror.until((all) => all.has(a), 'the first spec');
    client.write('specs/b.spec.md', READY);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 1 }] });
    await mirror.until((all) => all.get(b)?.state === 'ready', 'the created spec');
    rmSync(join(client.root, 'specs/a.spec.md'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: a, type: 3 }] });
    await mirror.until((all) => !all.has(a) && all.size === 1, 'the deleted spec to go');
  });

  it('details list blockers (errors first), then open questions with owner and due date, then dimensions', async () => {
    const mirror = await startWithMirror({ files: { 'specs/checkout.spec.md': QUESTIONS } });
    const uri = client.uri('specs/checkout.spec.md');
    const specs = await mirror.until((all) => all.has(uri), 'the spec');
    const summary = specs.get(uri)!;
    assert.equal(summary.questions, 4);
    assert.equal(summary.overdueQuestions, 1);
    const details = await client.connection.sendRequest<SpecDetails>('specready/specDetails', { uri });
    const severities = details.blockers.map((b) => b.severity);
    assert.deepEqual(severities, [...severities].sort((x, y) => (x === 'error' ? 0 : 1) - (y === 'error' ? 0 : 1)));
    assert.ok(!details.blockers.some((b) => b.rule === 'open-question'), 'questions are listed as questions, not twice');
    const queue = details.questions.find((q) => q.text.startsWith('Which queue'))!;
    assert.equal(queue.owner, 'lena');
    assert.equal(queue.due, '2020-01-15');
    assert.equal(queue.overdue, true);
    const refunds = details.questions.find((q) => q.text.startsWith('Do refunds'))!;
    assert.equal(refunds.overdue, false);
    assert.equal(refunds.range.start.line, QUESTIONS.split('\n').findIndex((line) => line.includes('Do refunds')));
    assert.ok(details.questions.some((q) => q.text === 'which team owns payments?'), details.questions.map((q) => q.text).join(' | '));
    assert.ok(details.dimensions.length > 0);
    assert.equal(await client.connection.sendRequest('specready/specDetails', { uri: client.uri('nothing.md') }), null);
  });

  // No deadline: the harness gives up only when the server stops working (see TestClient.waitFor).
  it('lists a workspace of 1,000 specs and stays responsive while reading it', async function () {
    this.timeout(0);
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`specs/s${String(i).padStart(4, '0')}.spec.md`] = i % 2 ? ORDER_EXPORT : READY;
    const mirror = await startWithMirror({ files });
    // A request during the scan is answered (the scan yields between files).
    const info = await client.request<{ pid: number }>('specready/serverInfo');
    assert.ok(info.pid > 0);
    const specs = await mirror.until((all) => all.size === 1000 && client.specsChanges.at(-1)?.scanning === false, '1,000 specs');
    assert.equal([...specs.values()].filter((spec) => spec.state === 'ready').length, 500);
    // Changes come in batches of 100 while reading, not one message per spec.
    assert.ok(client.specsChanges.length <= 13, `${client.specsChanges.length} notifications`);
  });
});
