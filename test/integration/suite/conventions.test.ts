import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, openWithDiagnostics, revertAndCloseEditors, ruleOf, specReadyDiagnostics, waitForDiagnostics } from './helpers';

interface SpecReadyApi {
  readiness(uri: string): Promise<{ score: number; ready: boolean } | null>;
  statusText(): string | undefined;
  statusBarVisible(): boolean;
  languageStatus(): { text: string; detail: string | undefined; busy: boolean; severity: string; command: string | undefined };
  serverInfo(): Promise<{ pid: number }>;
}

async function api(): Promise<SpecReadyApi> {
  const extension = vscode.extensions.getExtension<SpecReadyApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/**
 * Resolves once `probe` returns a value. The client state it reads changes on notifications from
 * the server, which also change diagnostics, editors or tabs: each of those wakes it up, and a
 * short interval covers the rest. Gives up after `timeoutMs` with what it last saw.
 */
async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: () => string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise<void>((resolve) => {
      const subscriptions = [
        vscode.languages.onDidChangeDiagnostics(() => done()),
        vscode.window.tabGroups.onDidChangeTabs(() => done()),
        vscode.window.onDidChangeActiveTextEditor(() => done()),
      ];
      const timer = setTimeout(() => done(), 200);
      function done(): void {
        clearTimeout(timer);
        for (const subscription of subscriptions) subscription.dispose();
        resolve();
      }
    });
  }
}

function expectedText(readiness: { score: number; ready: boolean }): string {
  return `${readiness.ready ? '$(pass-filled) Ready' : '$(checklist) Spec'} ${readiness.score}%`;
}

describe('language status and editor conventions', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('specready').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('specready').update('run', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAndCloseEditors();
  });

  it('the language status item shows the score the server reports and links to the Specs view', async () => {
    const extension = await api();
    const { uri } = await openWithDiagnostics('login-lockout.spec.md');
    const fromServer = await extension.readiness(uri.toString());
    assert.ok(fromServer);
    const shown = await until(() => {
      const status = extension.languageStatus();
      return status.text === expectedText(fromServer) && !status.busy ? status : undefined;
    }, () => `language status "${expectedText(fromServer)}" (is ${JSON.stringify(extension.languageStatus())})`);
    assert.equal(shown.severity, fromServer.ready ? 'information' : 'warning');
    assert.match(shown.detail ?? '', fromServer.ready ? /^ready/ : /^not ready: threshold \d+%/);
    assert.equal(shown.command, 'specready.specs.focus');
    // The status bar item shows the same score beside it.
    assert.equal(extension.statusText(), expectedText(fromServer));

    await openFixture('notes.md');
    await until(() => (extension.languageStatus().text === 'Not a spec' ? true : undefined), () => `"Not a spec" (is ${JSON.stringify(extension.languageStatus())})`);
  });

  it('the status bar item can be turned off; the language status stays', async () => {
    const extension = await api();
    await openWithDiagnostics('order-export.spec.md');
    await until(() => (extension.statusBarVisible() ? true : undefined), () => 'the status bar item');
    await vscode.workspace.getConfiguration('specready').update('statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    await until(() => (!extension.statusBarVisible() ? true : undefined), () => 'the status bar item to hide');
    assert.match(extension.languageStatus().text, /\d+%$/);
    await vscode.workspace.getConfiguration('specready').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await until(() => (extension.statusBarVisible() ? true : undefined), () => 'the status bar item to come back');
  });

  it('"Show documentation for <rule>" on a diagnostic opens the rule page in the Markdown preview', async () => {
    const { uri, diagnostics } = await openWithDiagnostics('order-export.spec.md', (d) => d.some((x) => ruleOf(x) === 'vague-term'));
    const vague = diagnostics.find((d) => ruleOf(d) === 'vague-term')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, vague.range, vscode.CodeActionKind.QuickFix.value);
    const docs = actions.find((action) => action.title === 'Show documentation for vague-term');
    assert.ok(docs?.command, actions.map((a) => a.title).join(' | '));
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    const tab = await until(() => {
      const active = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) =>
        candidate.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(candidate.input.viewType) && /vague-term/.test(candidate.label));
      return active;
    }, () => `a Markdown preview of vague-term.md (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})`);
    assert.match(tab.label, /vague-term\.md/);
  });

  it('"Restart Server" starts a new server process and diagnostics and the score come back', async function () {
    this.timeout(120_000);
    const extension = await api();
    const { uri, editor } = await openWithDiagnostics('login-lockout.spec.md');
    const { pid } = await extension.serverInfo();
    await vscode.commands.executeCommand('specready.restartServer');
    const restarted = await extension.serverInfo();
    assert.notEqual(restarted.pid, pid);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nTODO: check after the restart.\n'));
    const added = editor.document.getText().split(/\r?\n/).indexOf('TODO: check after the restart.');
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'placeholder' && x.range.start.line === added), 60_000);
    const readiness = await extension.readiness(uri.toString());
    assert.ok(readiness);
    await until(() => (extension.languageStatus().text === expectedText(readiness) ? true : undefined), () => `the score after the restart (is ${extension.languageStatus().text})`);
  });

  it('"Show Output" shows the SpecReady log', async () => {
    await api();
    await vscode.commands.executeCommand('specready.showOutput');
    await until(() => (vscode.workspace.textDocuments.some((document) => document.uri.scheme === 'output' && /SpecReady/i.test(document.uri.path)) ? true : undefined),
      () => `the SpecReady output (documents: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('with specready.run = onSave, a new finding appears when the spec is saved', async () => {
    const extension = await api();
    await vscode.workspace.getConfiguration('specready').update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    const { uri, editor } = await openWithDiagnostics('order-export.spec.md');
    const original = editor.document.getText();
    const saved = await extension.readiness(uri.toString());
    const after = original.split(/\r?\n/).findIndex((text) => text.startsWith('- REQ-2:')) + 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(after, 0), '- REQ-4: The export should retry a failed upload.\n'));
    const line = after;
    // The server has the new text (its quick fixes work on it) but checks it only when saved.
    const actions = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(line, 0, line, 30), vscode.CodeActionKind.QuickFix.value);
      return found.some((action) => action.title === 'Show documentation for weak-modal') ? found : undefined;
    }, () => 'quick fixes for the typed line');
    assert.ok(actions.length > 0);
    assert.equal((await extension.readiness(uri.toString()))?.score, saved?.score, 'the score is that of the saved text');
    assert.ok(!specReadyDiagnostics(uri).some((d) => d.range.start.line === line), 'no diagnostic for the typed line before the save');
    const fixed = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'weak-modal' && x.range.start.line === line));
    assert.ok(await editor.document.save());
    await fixed;
    // Restore the fixture on disk for the tests after this one.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
  });
});
