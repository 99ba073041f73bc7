import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { ORDER_EXPORT, READY } from './fixtures';
import { TestClient } from './harness';


function codes(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

/** A code action's edits of the document, which name the version they were computed on. */
function editsOf(action: CodeAction, uri: string, version: number): TextEdit[] {
  const [change, ...others] = action.edit!.documentChanges! as Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }>;
  assert.deepEqual(others, []);
  assert.deepEqual(change.textDocument, { uri, version });
  return change.edits;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('language server over stdio (push client, no dynamic registration, null settings)', function () {
  this.timeout(120_000);
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({ files: { 'docs/notes.md': '# Notes\n\nThis should be fast.\n' } });
    await client.initialize();
  });
  afterEach(async () => client.dispose());

  it('publishes diagnostics with code, source, docs link and data for a spec', async () => {
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    for (const rule of ['hidden-context', 'missing-section', 'placeholder', 'untestable-criterion', 'vague-term', 'weak-modal']) {
      assert.ok(codes(diagnostics).includes(rule), `expected ${rule} in ${codes(diagnostics).join(', ')}`);
    }
    const vague = diagnostics.find((d) => d.code === 'vague-term')!;
    assert.equal(vague.source, 'specready');
    assert.match(vague.codeDescription!.href, /vague-term\.md$/);
    assert.equal(typeof (vague.data as { term?: unknown }).term, 'string');
  });

  it('publishes nothing for Markdown that is not a spec', async () => {
    const uri = await client.open('docs/notes.md', '# Notes\n\nThis should be fast.\n');
    const spec = await client.open('specs/a.spec.md', ORDER_EXPORT);
    await client.diagnostics(spec, (p) => p.diagnostics.length > 0);
    const published = client.publishedFor(uri);
    assert.ok(!published || published.diagnostics.length === 0);
  });

  it('answers specready/readiness with the engine score and blockers', async () => {
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const readiness = await client.connection.sendRequest<{
      score: number; ready: boolean; threshold: number; breakdown: Record<string, { score: number; reasons: unknown[] }>; blockers: Array<{ rule: string }>;
    }>('specready/readiness', { uri });
    const expected = analyzeSpec(ORDER_EXPORT);
    assert.equal(readiness.score, expected.score);
    assert.equal(readiness.ready, false);
    assert.equal(readiness.threshold, 80);
    assert.deepEqual(Object.keys(readiness.breakdown).sort(), ['contract', 'done', 'requirements', 'selfContained', 'structure', 'verification']);
    assert.ok(readiness.blockers.length > 0);
    assert.ok(client.readinessEvents.some((event) => event.uri === uri));
    const ready = await client.open('specs/payment-refunds.spec.md', READY);
    const good = await client.connection.sendRequest<{ ready: boolean; score: number }>('specready/readiness', { uri: ready });
    assert.equal(good.ready, true);
    const notes = await client.open('docs/notes.md', '# Notes\n');
    assert.equal(await client.connection.sendRequest('specready/readiness', { uri: notes }), null);
  });

  it('explains a flagged term on hover', async () => {
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const vague = diagnostics.find((d) => d.code === 'vague-term')!;
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: vague.range.start });
    const value = (hover.contents as { value: string }).value;
    assert.equal(typeof value, 'string');
    assert.match(value, /vague-term/);
    assert.match(value, /Why it matters/);
    assert.match(value, /Rewrite/);
    assert.match(value, /\*Statement:\* judged as a goal: a list item in "Scope", a goals section/);
  });

  it('applies each kind of quick fix: the finding goes away (or keeps the wording), and no fix adds an error', async () => {
    let text = ORDER_EXPORT;
    let version = 1;
    const uri = await client.open('specs/order-export.spec.md', text);
    const baseline = new Set(analyzeSpec(text).findings.map((f) => `${f.rule}:${f.message}`));
    // The Given/When/Then rewrite keeps the author's words as the Then clause, so the criterion
    // stays reported until the author sharpens it; every other fix removes its finding.
    for (const [rule, titlePattern, resolves] of [
      ['untraced-requirement', /Add an acceptance criterion for REQ-2/, true],
      ['weak-modal', /with MUST/, true],
      ['vague-term', /Add a measurable target/, true],
      ['untestable-criterion', /Given\/When\/Then/, false],
      ['missing-section', /Insert section "Out of Scope"/, true],
      ['interface-incomplete', /Add all 2 missing parts to GET \/v1\/exports\/orders/, true],
    ] as const) {
      const diagnostics = await client.diagnostics(uri, (p) => p.version === version);
      // A vague term whose hint gives an example gets that example as its target.
      const target = diagnostics.find((d) => d.code === rule && (rule !== 'vague-term' || /e\.g\./.test(messageText(d))))!;
      assert.ok(target, `no ${rule} diagnostic`);
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: target.range, context: { diagnostics: [target] },
      });
      const action = actions.find((a) => titlePattern.test(a.title));
      assert.ok(action, `no action ${titlePattern} for ${rule}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind, 'quickfix');
      const before = analyzeSpec(text).findings.filter((f) => f.rule === rule && f.message === target.message).length;
      const errorsBefore = diagnostics.filter((d) => d.severity === 1).length;
      const targetText = lineOf(text, target.range.start.line);
      text = apply(text, editsOf(action, uri, version));
      await client.replaceAll(uri, ++version, text);
      const after = await client.diagnostics(uri, (p) => p.version === version);
      if (resolves) {
        assert.equal(after.filter((d) => d.code === rule && d.message === target.message).length, before - 1, `${rule} still reported after the fix`);
      } else {
        const words = targetText.replace(/<!--[\s\S]*?-->/g, ' ').match(/[a-z]{4,}/gi) ?? [];
        const kept = text.replace(/<!--[\s\S]*?-->/g, ' ');
        assert.deepEqual(words.filter((word) => !kept.includes(word) && !kept.includes(word.toLowerCase())), [], `${rule} fix dropped the author's words`);
      }
      assert.ok(after.filter((d) => d.severity === 1).length <= errorsBefore, `fix for ${rule} added errors`);
      // New findings may only be about the holes the fix left to fill: a hole (a warning), a
      // skeleton criterion, an inserted section still empty (in place of the missing one).
      const holes = ['placeholder', 'untestable-criterion', 'empty-section'];
      const introduced = after.filter((d) => !baseline.has(`${d.code}:${messageText(d)}`) && !holes.includes(String(d.code)));
      assert.ok(after.filter((d) => d.code === 'placeholder' && !baseline.has(`${d.code}:${messageText(d)}`)).every((d) => d.severity !== 1), `fix for ${rule} added a placeholder error`);
      assert.deepEqual(introduced.map((d) => `${d.code}: ${messageText(d)}`), [], `fix for ${rule} introduced new findings`);
      for (const d of after) baseline.add(`${d.code}:${messageText(d)}`);
    }
  });

  it('shows what an endpoint has and lacks on hover, and counts the contract in a code lens', async () => {
    const text = ['# T', '', '## API', '', '### POST /v1/refunds', '', 'Request body: `{ "amount": 1250 }`.', '', 'Response `201 Created` with the refund.', ''].join('\n');
    const uri = await client.open('specs/h.spec.md', text);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'interface-incomplete'));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 6 } }) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*POST \/v1\/refunds\*\* · endpoint/);
    assert.match(value, /Has:[\s\S]*request body or fields \(line 7\)[\s\S]*status codes: 201/);
    assert.match(value, /Lacks:[\s\S]*- error cases/);
    assert.match(value, /interface-incomplete/);
    const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Array<{ range: { start: { line: number } }; command: { title: string } }>;
    const contract = lenses.find((lens) => lens.range.start.line === 2);
    assert.equal(contract?.command.title, '1 endpoint · 1 without error cases');
  });

  it('offers snippet edits with tab stops to clients that accept them', async () => {
    const snippets = new TestClient({ snippetEdits: true });
    try {
      await snippets.initialize();
      const text = '# T\n\n## API\n\n### GET /v1/orders/{id}\n\nReturns the order.\n';
      const uri = await snippets.open('specs/s.spec.md', text);
      const diagnostics = await snippets.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'interface-incomplete'));
      const gap = diagnostics.find((d) => d.code === 'interface-incomplete' && /error cases/.test(messageText(d)))!;
      const actions = await snippets.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: gap.range, context: { diagnostics: [gap] },
      }) as CodeAction[];
      const action = actions.find((a) => a.title === 'Add an error table to GET /v1/orders/{id}')!;
      assert.ok(action, actions.map((a) => a.title).join(' | '));
      const change = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: Array<{ snippet?: { kind: string; value: string } }> };
      assert.equal(change.textDocument.version, 1);
      assert.equal(change.edits[0].snippet?.kind, 'snippet');
      assert.match(change.edits[0].snippet.value, /\| \$\{1:400\} \| `\$\{2:invalid_request\}` \|/);
    } finally {
      await snippets.dispose();
    }
  });

  it('adds an undefined term to the project vocabulary file, creating it', async () => {
    const text = '# T\n\n## Requirements\n\n- REQ-1: The system MUST report to the ARB.\n';
    const uri = await client.open('specs/v.spec.md', text);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-term'));
    const term = diagnostics.find((d) => d.code === 'undefined-term')!;
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: term.range, context: { diagnostics: [term] },
    }) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add "ARB" to the project vocabulary')!;
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    const [create, insert] = add.edit!.documentChanges! as Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: TextEdit[] }>;
    assert.equal(create.kind, 'create');
    assert.match(create.uri!, /\/\.specready\/terms\.txt$/);
    assert.equal(insert.textDocument!.uri, create.uri);
    assert.equal(insert.edits![0].newText, 'ARB\n');
    assert.ok(actions.some((a) => a.title === 'Define "ARB" in the Glossary'));
  });

  it('offers suppression for a line and for the file', async () => {
    const text = '# T\n\n## Requirements\n\n- REQ-1: Export should be quick.\n';
    const uri = await client.open('specs/s.spec.md', text);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'weak-modal'));
    const modal = diagnostics.find((d) => d.code === 'weak-modal')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: modal.range, context: { diagnostics: [modal] },
    });
    for (const title of ['Disable weak-modal for this line', 'Disable weak-modal for this file']) {
      const action = actions.find((a) => a.title === title)!;
      assert.ok(action, title);
      const fixed = apply(text, editsOf(action, uri, 1));
      assert.deepEqual(analyzeSpec(fixed).findings.filter((f) => f.rule === 'weak-modal'), []);
    }
  });

  it('re-validates when settings change, without a restart', async () => {
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'vague-term'));
    client.settings = { rules: { 'vague-term': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'vague-term'));
    assert.ok(after.some((d) => d.code === 'weak-modal'));
  });

  it('ends a burst of 200 rapid edits with the diagnostics of the final text', async () => {
    let document = TextDocument.create('file:///x.md', 'markdown', 1, READY);
    const uri = await client.open('specs/burst.spec.md', READY);
    for (let version = 2; version <= 201; version++) {
      const line = 20 + (version % 15);
      const change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: version % 3 === 0 ? 'fast ' : 'x' };
      document = TextDocument.update(document, [change], version);
      await client.edit(uri, version, change.range, change.text);
    }
    const final = await client.diagnostics(uri, (p) => p.version === 201, 20000);
    const expected = analyzeSpec(document.getText()).findings;
    assert.deepEqual(final.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      expected.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`));
  });

  it('reports a broken .specready.json on the file itself and keeps checking with defaults', async () => {
    client.write('.specready.json', '{\n  "rules": { "vague-term": "loud" }\n}\n');
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'vague-term'));
    const config = await client.diagnostics(client.uri('.specready.json'), (p) => p.diagnostics.length > 0);
    assert.equal(config[0].range.start.line, 1);
    assert.match(config[0].message as string, /loud/);
  });
});

describe('language server over stdio (pull diagnostics client)', function () {
  this.timeout(120_000);
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({
      pull: true,
      files: { 'specs/closed.spec.md': ORDER_EXPORT, 'README.md': '# Readme\n\nfast\n' },
    });
    await client.initialize();
  });
  afterEach(async () => client.dispose());

  it('answers textDocument/diagnostic for open specs and nothing for other Markdown', async () => {
    const uri = await client.open('specs/order-export.spec.md', ORDER_EXPORT);
    const report = await client.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(codes(report.items).includes('vague-term'));
    const readme = await client.open('README.md', '# Readme\n\nfast\n');
    const none = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: readme } });
    assert.deepEqual(none.items, []);
  });

  it('reports spec files that are not open through workspace/diagnostic', async () => {
    const report = await client.connection.sendRequest<{
      items: Array<{ uri: string; items: Diagnostic[] }>;
    }>('workspace/diagnostic', { previousResultIds: [] });
    const closed = report.items.find((item) => item.uri === client.uri('specs/closed.spec.md'));
    assert.ok(closed, `workspace report: ${report.items.map((i) => i.uri).join(', ')}`);
    assert.ok(codes(closed.items).includes('vague-term'));
    assert.ok(!report.items.some((item) => item.uri.endsWith('README.md')));
  });
});

function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? '';
}

function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
