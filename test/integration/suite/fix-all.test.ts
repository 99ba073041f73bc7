import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, ruleOf, waitForDiagnostics } from './helpers';

describe('Fix all', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await closeAllEditors();
  });

  it('on save rewrites the weak modals and leaves every other line unchanged', async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' })
      .update('codeActionsOnSave', { 'source.fixAll.specready': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const uri = fixtureUri('order-export.spec.md');
    // Both weak modals of the file on disk: an earlier test's edit of this fixture (since reverted)
    // may still be the last report when this test starts.
    const arrived = waitForDiagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'weak-modal').length >= 2);
    const editor = await openFixture('order-export.spec.md');
    const modals = (await arrived).filter((d) => ruleOf(d) === 'weak-modal');
    assert.ok(modals.length >= 2, 'the fixture has weak modals');
    const before = editor.document.getText();
    // Wait until the server has the open document (not only the workspace report).
    for (let attempt = 0; attempt < 40; attempt++) {
      // VS Code cancels a code action request it no longer waits for (a busy extension host); ask again.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.specready')
        .then((found) => found, (error: unknown) => { if (String(error).includes('Canceled')) return []; throw error; });
      if (actions.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // A change and its reversal: the document is dirty (so the save runs its actions) with the same text.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
    await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 0, 1)));
    assert.ok(editor.document.isDirty);
    assert.equal(editor.document.getText(), before);
    const fixed = waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'weak-modal'));
    assert.ok(await editor.document.save());
    await fixed;
    const after = editor.document.getText();
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    assert.equal(afterLines.length, beforeLines.length);
    const modalLines = new Set(modals.map((d) => d.range.start.line));
    for (let line = 0; line < beforeLines.length; line++) {
      if (modalLines.has(line)) assert.match(afterLines[line], /\b(MUST|SHOULD|MAY)\b/, `line ${line + 1}: ${afterLines[line]}`);
      else assert.equal(afterLines[line], beforeLines[line], `line ${line + 1} unchanged`);
    }
    // Restore the fixture on disk for the tests after this one.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
