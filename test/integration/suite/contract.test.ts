import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REFUNDS_OPENAPI } from '../../unit/api/fixtures';
import { REFUND_SCHEMAS, SPLIT_FILES, splitSpec } from '../../unit/api/external-refs.fixtures';
import { closeAllEditors, fixtureUri, openFixture, positionOf, revertAndCloseEditors, ruleOf, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('the contract', () => {
  afterEach(revertAndCloseEditors);

  it('shows what an endpoint has and lacks on hover, and counts the contract in a code lens', async () => {
    const uri = fixtureUri('refund-api.spec.md');
    const arrived = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'interface-incomplete'));
    await openFixture('refund-api.spec.md');
    await arrived;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(12, 6));
    const text = hoverText(hovers);
    assert.match(text, /GET \/v1\/refunds\/\{id\}\*\* · endpoint/);
    assert.match(text, /Lacks:[\s\S]*error cases/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses.some((lens) => lens.command?.title === '2 endpoints · 1 without error cases'), lenses.map((lens) => lens.command?.title).join(' | '));
  });

  it('inserts an error table with tab stops and the finding goes away', async () => {
    const uri = fixtureUri('refund-api.spec.md');
    const arrived = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'interface-incomplete'));
    const editor = await openFixture('refund-api.spec.md');
    const gap = (await arrived).find((d) => ruleOf(d) === 'interface-incomplete' && d.message.includes('error cases'))!;
    assert.ok(gap, 'the GET endpoint lacks error cases');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((action) => action.title === 'Add an error table to GET /v1/refunds/{id}');
    assert.ok(insert?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    const gone = waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'interface-incomplete' && x.message.includes('error cases')));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await gone;
    assert.match(editor.document.getText(), /\| Status \| Error code \| When \|\n\|---\|---\|---\|\n\| 400 \| `invalid_request` \| <!-- which input is invalid --> \|/);
  });
});

const LINKED_SPEC = `# Linked refunds

## API Contract

The contract is [the OpenAPI file](api/linked-openapi.yaml).

### GET /v1/refunds/{refundId}

Reads one refund.

### POST /v1/refunds

Creates a refund; \`createRefund\` in the file.
`;

describe('the contract in a linked OpenAPI file', () => {
  const spec = () => fixtureUri('linked-api.spec.md');
  const api = () => fixtureUri('api/linked-openapi.yaml');
  const write = async (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const onLink = (d: vscode.Diagnostic) => d.range.start.line === 4;

  before(async () => {
    await write(api(), REFUNDS_OPENAPI);
    await write(spec(), LINKED_SPEC);
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(spec());
    await vscode.workspace.fs.delete(fixtureUri('api'), { recursive: true });
  });

  it('hover on an endpoint lists the parts the file gives, and the spec has no gaps the file fills', async () => {
    const settled = waitForDiagnostics(spec(), (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'interface-incomplete' && x.severity <= vscode.DiagnosticSeverity.Warning), 60_000);
    const editor = await openFixture('linked-api.spec.md');
    await settled;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', spec(), positionOf(editor.document, 'GET /v1'));
    const text = hoverText(hovers);
    assert.match(text, /In the linked OpenAPI 3\.0\.3 file api\/linked-openapi\.yaml as GET \/refunds\/\{id\} \(getRefund\), line 24\./);
    assert.match(text, /- error cases: 404 \(api\/linked-openapi\.yaml, line 24\)/);
    assert.match(text, /Nothing a builder needs is missing\./);
  });

  it('shows an OpenAPI error on the link, and editing the file checks the spec again', async () => {
    await openFixture('linked-api.spec.md');
    // The file loses its info object: a validation error on the link, with the line in the file.
    const broken = waitForDiagnostics(spec(), (d) => d.some((x) => ruleOf(x) === 'invalid-api-file' && onLink(x)), 60_000);
    await write(api(), REFUNDS_OPENAPI.replace("info: { title: Refunds, version: 1.0.0 }\n", ''));
    const [problem] = (await broken).filter((x) => ruleOf(x) === 'invalid-api-file');
    assert.match(problem.message, /^The linked OpenAPI 3\.0\.3 file api\/linked-openapi\.yaml has a problem at line 1: /);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    // Fixed, but without GET /refunds/{id}: the error goes and the endpoint the file lacks is reported.
    const lacking = waitForDiagnostics(spec(), (d) => !d.some((x) => ruleOf(x) === 'invalid-api-file')
      && d.some((x) => ruleOf(x) === 'api-file-mismatch' && x.message.startsWith('Endpoint "GET /v1/refunds/{refundId}" is not in')), 60_000);
    await write(api(), REFUNDS_OPENAPI.replace(/ {2}\/refunds\/\{id\}:[\s\S]*?(?=components:)/, ''));
    const mismatch = (await lacking).find((x) => ruleOf(x) === 'api-file-mismatch')!;
    assert.equal(mismatch.range.start.line, 6);
    // Restored: the spec is clean again.
    const clean = waitForDiagnostics(spec(), (d) => !d.some((x) => ['invalid-api-file', 'api-file-mismatch'].includes(ruleOf(x) ?? '')), 60_000);
    await write(api(), REFUNDS_OPENAPI);
    await clean;
  });

  it('editing a file the linked OpenAPI file references checks the spec again', async () => {
    for (const [file, text] of Object.entries(SPLIT_FILES)) await write(fixtureUri(file), text);
    const split = fixtureUri('split-api.spec.md');
    await write(split, splitSpec('{ "amount": 0 }'));
    try {
      // The request schema is in api/schemas/refund.yaml, reached through api/paths/refunds.yaml.
      const first = waitForDiagnostics(split, (d) => d.some((x) => ruleOf(x) === 'invalid-example' && x.message.endsWith('must be >= 1.')), 60_000);
      await openFixture('split-api.spec.md');
      await first;
      const changed = waitForDiagnostics(split, (d) => d.some((x) => ruleOf(x) === 'invalid-example' && x.message.endsWith('must be >= 10.')), 60_000);
      await write(fixtureUri('api/schemas/refund.yaml'), REFUND_SCHEMAS.replace('minimum: 1', 'minimum: 10'));
      await changed;
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(split);
    }
  });
});
