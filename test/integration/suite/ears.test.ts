import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, revertAndCloseEditors, ruleOf, waitForDiagnostics } from './helpers';

describe('EARS quick fix', () => {
  afterEach(async () => {
    // The edits stay in the buffer: put the fixture back as it is on disk for the next tests.
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === fixtureUri('order-export.spec.md').toString());
    if (open?.isDirty) {
      await vscode.window.showTextDocument(open);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await revertAndCloseEditors();
  });

  it('completes a trigger without a response with tab stops, and the finding becomes holes to fill', async () => {
    const uri = fixtureUri('order-export.spec.md');
    const editor = await openFixture('order-export.spec.md');
    const criterion = '- WHEN the export file is written';
    const after = editor.document.getText().split(/\r?\n/).findIndex((line) => line.startsWith('- AC-2'));
    assert.ok(after >= 0, 'the fixture has AC-2');
    const reported = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'malformed-ears' && x.range.start.line === after + 1));
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(after + 1, 0), `${criterion}.\n`)));
    const malformed = (await reported).find((d) => ruleOf(d) === 'malformed-ears' && d.range.start.line === after + 1)!;
    assert.match(malformed.message, /almost event-driven/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, malformed.range, vscode.CodeActionKind.QuickFix.value);
    const complete = actions.find((action) => action.title.startsWith('Add the response'));
    assert.ok(complete?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(complete.isPreferred, true);
    const fixed = waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'malformed-ears' && x.range.start.line === after + 1)
      && d.some((x) => ruleOf(x) === 'placeholder' && x.range.start.line === after + 1));
    assert.ok(await vscode.workspace.applyEdit(complete.edit));
    await fixed;
    assert.equal(editor.document.lineAt(after + 1).text, `${criterion} THEN the <!-- system --> SHALL <!-- response -->.`);
  });
});
