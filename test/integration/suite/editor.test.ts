import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fixtureUri, openFixture, revertAndCloseEditors, ruleOf, waitForDiagnostics } from './helpers';

interface Readiness {
  uri: string;
  score: number;
  ready: boolean;
  threshold: number;
  blockers: Array<{ rule: string; message: string }>;
}

interface SpecReadyApi {
  readiness(uri: string): Promise<Readiness | null>;
  statusText(): string | undefined;
  serverInfo(): Promise<{ pid: number }>;
}

async function api(): Promise<SpecReadyApi> {
  const extension = vscode.extensions.getExtension<SpecReadyApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** Waits for a condition that an asynchronous notification makes true, polling on diagnostics changes. */
async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics(() => { subscription.dispose(); resolve(); });
      setTimeout(() => { subscription.dispose(); resolve(); }, 250);
    });
  }
}

describe('quick fixes', () => {
  afterEach(revertAndCloseEditors);

  it('inserts an acceptance criterion for an untraced requirement and the diagnostic goes away', async () => {
    const uri = fixtureUri('order-export.spec.md');
    const diagnosticsArrived = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'untraced-requirement'));
    const editor = await openFixture('order-export.spec.md');
    const diagnostics = await diagnosticsArrived;
    const untraced = diagnostics.find((d) => ruleOf(d) === 'untraced-requirement' && d.message.includes('REQ-2'));
    assert.ok(untraced, 'REQ-2 is reported as untraced');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, untraced.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((action) => /acceptance criterion for REQ-2/.test(action.title));
    assert.ok(insert?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(insert.isPreferred, true);
    const gone = waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'untraced-requirement' && x.message.includes('REQ-2')));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const after = await gone;
    assert.match(editor.document.getText(), /- \*\*AC-3\*\* \(REQ-2\): Given <!-- precondition -->, when <!-- action -->, then <!-- observable result: a status, stored value, message or number -->\./);
    assert.ok(after.some((d) => ruleOf(d) === 'placeholder'), 'the template holes are flagged until filled in');
  });

  it('replaces a weak modal with an RFC 2119 keyword', async () => {
    const uri = fixtureUri('order-export.spec.md');
    const diagnosticsArrived = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'weak-modal'));
    const editor = await openFixture('order-export.spec.md');
    const modal = (await diagnosticsArrived).find((d) => ruleOf(d) === 'weak-modal')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, modal.range);
    const replace = actions.find((action) => action.isPreferred && action.title.startsWith('Replace'));
    assert.ok(replace?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    const count = (d: vscode.Diagnostic[]) => d.filter((x) => ruleOf(x) === 'weak-modal').length;
    const before = count(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specready'));
    const fewer = waitForDiagnostics(uri, (d) => count(d) === before - 1);
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    await fewer;
    assert.match(editor.document.lineAt(modal.range.start.line).text, /\b(MUST|SHOULD|MAY)\b/);
  });
});

describe('readiness in the status bar', () => {
  afterEach(revertAndCloseEditors);

  it('matches the server score and updates after an edit', async () => {
    const extension = await api();
    const uri = fixtureUri('login-lockout.spec.md');
    const arrived = waitForDiagnostics(uri);
    const editor = await openFixture('login-lockout.spec.md');
    await arrived;
    const fromServer = await extension.readiness(uri.toString());
    assert.ok(fromServer, 'the spec has a readiness');
    const shown = await vscode.commands.executeCommand<Readiness>('specready.showReadiness');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(shown.score, fromServer.score);
    const expectedText = `${fromServer.ready ? '$(pass-filled) Ready' : '$(checklist) Spec'} ${fromServer.score}%`;
    await eventually(() => (extension.statusText() === expectedText ? true : undefined), `status text "${expectedText}" (is "${extension.statusText()}")`);

    // Giving the untestable criterion an observable outcome fixes a warning: the score must rise
    // and the item follow.
    const line = editor.document.getText().split('\n').findIndex((text) => text.includes('The fix is robust'));
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range,
      '- Given a locked account, when the password is reset, then the failed-login counter is 0.'));
    const updated = await eventually(async () => {
      const readiness = await extension.readiness(uri.toString());
      return readiness && readiness.score > fromServer.score ? readiness : undefined;
    }, 'a higher score after the edit');
    await eventually(() => (extension.statusText()?.endsWith(` ${updated.score}%`) ? true : undefined), `status text with ${updated.score}%`);
  });

  it('is hidden for Markdown that is not a spec', async () => {
    const extension = await api();
    await openFixture('notes.md');
    await eventually(() => (extension.statusText() === undefined ? true : undefined), 'the status item to hide');
  });
});

describe('settings', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('specready').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('turning vague-term off updates diagnostics without a reload', async () => {
    const uri = fixtureUri('order-export.spec.md');
    const arrived = waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'vague-term'));
    await openFixture('order-export.spec.md');
    await arrived;
    const off = waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'vague-term'));
    await vscode.workspace.getConfiguration('specready').update('rules', { 'vague-term': 'off' }, vscode.ConfigurationTarget.Workspace);
    const after = await off;
    assert.ok(after.some((d) => ruleOf(d) === 'weak-modal'), 'other rules still report');
  });
});

describe('server restarts', () => {
  afterEach(closeAllEditors);

  it('restarts the language server after it is killed and diagnostics come back', async function () {
    this.timeout(150_000);
    const extension = await api();
    const uri = fixtureUri('login-lockout.spec.md');
    const arrived = waitForDiagnostics(uri);
    const editor = await openFixture('login-lockout.spec.md');
    await arrived;
    const { pid } = await extension.serverInfo();
    process.kill(pid, 'SIGKILL');
    const restarted = await eventually(async () => {
      // A request sent while the client restarts may never be answered: give each try 2 s.
      const info = await Promise.race([
        extension.serverInfo().catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000)),
      ]);
      return info && info.pid !== pid ? info : undefined;
    }, 'a new server process', 60_000);
    assert.notEqual(restarted.pid, pid);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nTODO: check after restart.\n'));
    const added = editor.document.getText().split(/\r?\n/).indexOf('TODO: check after restart.');
    // Only the restarted server can report the line added after the kill.
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'placeholder' && x.range.start.line === added), 60_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
