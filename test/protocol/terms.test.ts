/**
 * The undefined-term quick fixes end to end against the real server: "Define term" appends a
 * Glossary entry to the document, "Add to project vocabulary" creates or extends the vocabulary
 * file; after either, the term is no longer reported.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './harness';

const SPEC = [
  '# Order scoring',
  '',
  '## Requirements',
  '',
  '- REQ-1: The Falcon service MUST score every order before capture.',
  '- REQ-2: Scores MUST be stored in the PRR table within 200 ms.',
  '',
  '## Glossary',
  '',
  '- **Capture**: taking the money authorised for an order.',
  '',
].join('\n');

type Change = { kind?: string; uri?: string; textDocument?: { uri: string; version: number | null }; edits?: TextEdit[] };

describe('language server: undefined-term quick fixes, applied', function () {
  this.timeout(120_000);
  let client: TestClient;

  beforeEach(async () => {
    client = new TestClient({ files: { '.specready.json': '{}\n' } });
    await client.initialize();
  });
  afterEach(async () => client.dispose());

  const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
  const term = (diagnostics: Diagnostic[], name: string) => diagnostics.find((d) => d.code === 'undefined-term' && (d.data as { term?: string }).term === name);

  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  it('"Define term" appends an entry to the Glossary; the term is then defined', async () => {
    const uri = await client.open('specs/scoring.spec.md', SPEC);
    const diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-term'));
    const prr = term(diagnostics, 'PRR');
    assert.ok(prr, `no undefined-term for PRR: ${diagnostics.map((d) => `${String(d.code)} ${messageOf(d)}`).join('; ')}`);
    const define = (await actionsFor(uri, prr)).find((action) => /^Define/.test(action.title));
    assert.ok(define, 'no Define term action');
    const changes = define.edit!.documentChanges as Change[];
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0].textDocument, { uri, version: 1 });
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, SPEC), changes[0].edits!);
    const glossary = text.slice(text.indexOf('## Glossary'));
    assert.match(glossary, /- \*\*Capture\*\*: taking the money authorised for an order\.\n- \*\*PRR\*\*/);
    assert.equal(text.slice(0, text.indexOf('## Glossary')), SPEC.slice(0, SPEC.indexOf('## Glossary')));
    // The entry's description is left to the author: once written, PRR is defined.
    const filled = text.replace(/(- \*\*PRR\*\*:?\s*)[^\n]*/, '$1: the payment risk results table in the `scoring` database.');
    await client.replaceAll(uri, 2, filled);
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(term(after, 'PRR'), undefined, `PRR still reported: ${after.map(messageOf).join('; ')}`);
    assert.ok(term(after, 'Falcon'), 'the other term is still reported');
  });

  it('"Add to project vocabulary" creates .specready/terms.txt, then appends to it; the terms are then known', async () => {
    const uri = await client.open('specs/scoring.spec.md', SPEC);
    let diagnostics = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'undefined-term'));
    const terms = client.uri('.specready/terms.txt');
    const path = fileURLToPath(terms);
    assert.equal(existsSync(path), false);
    for (const [name, expected] of [['PRR', 'PRR\n'], ['Falcon', 'PRR\nFalcon\n']] as const) {
      const diagnostic = term(diagnostics, name);
      assert.ok(diagnostic, `no undefined-term for ${name}`);
      const add = (await actionsFor(uri, diagnostic)).find((action) => action.title === `Add "${name}" to the project vocabulary`);
      assert.ok(add, `no vocabulary action for ${name}`);
      const changes = add.edit!.documentChanges as Change[];
      // What an editor does with the workspace edit: create the file when asked, then insert.
      let content = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      for (const change of changes) {
        if (change.kind === 'create') {
          assert.equal(change.uri, terms);
          content ??= '';
        } else {
          assert.equal(change.textDocument?.uri, terms);
          assert.ok(content !== undefined, 'an edit of a file that was never created');
          content = TextDocument.applyEdits(TextDocument.create(terms, 'plaintext', 1, content), change.edits!);
        }
      }
      assert.equal(content, expected);
      client.write('.specready/terms.txt', content!);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: terms, type: name === 'PRR' ? 1 : 2 }] });
      diagnostics = await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'undefined-term' && (d.data as { term?: string }).term === name));
      assert.equal(term(diagnostics, name), undefined);
    }
    assert.deepEqual(diagnostics.filter((d) => d.code === 'undefined-term'), []);
  });
});
