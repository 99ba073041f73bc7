import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, ruleOf, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

describe('the contract', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

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
