import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, workspaceRoot } from './helpers';

/** The command's result as the server sends it (see server/src/export/types.ts). */
interface ExportResult {
  status: 'written' | 'refused';
  reason?: string;
  path?: string;
  files?: number;
  exportedNotReady?: boolean;
  readme?: string;
}

describe('export handoff bundle', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'specready-it-export-'));
  });

  afterEach(async () => {
    await closeAllEditors();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('is contributed to the palette and to the editor title of specs', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('specready.exportBundle'));
    const settings = vscode.workspace.getConfiguration('specready');
    assert.equal(settings.get('export.directory'), 'handoff');
    assert.equal(settings.get('export.format'), 'zip');
  });

  it('refuses a spec that is not ready without prompting when asked not to, and writes nothing', async () => {
    await openFixture('order-export.spec.md');
    const outPath = path.join(outDir, 'order-export.zip');
    const result = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', fixtureUri('order-export.spec.md'), { outPath, prompt: false });
    assert.equal(result.status, 'refused');
    assert.equal(result.reason, 'not-ready');
    assert.ok(!fs.existsSync(outPath));
  });

  it('exports the open spec, unsaved edits included, into a zip that holds the bundle', async () => {
    const editor = await openFixture('order-export.spec.md');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nAdded in the editor.\n'));
    const outPath = path.join(outDir, 'order-export.zip');
    const result = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', editor.document.uri, { outPath, force: true, prompt: false });
    assert.equal(result.status, 'written', JSON.stringify(result));
    assert.equal(result.path, outPath);
    assert.equal(result.exportedNotReady, true);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(outPath)));
    for (const name of ['README.md', 'READINESS.md', 'readiness.json', 'acceptance-criteria.csv', 'acceptance-criteria.json', 'spec/SPEC.md', 'spec/SPEC.html', 'manifest.json']) {
      assert.ok(name in entries, `${name} is in the bundle`);
    }
    assert.equal(new TextDecoder().decode(entries['spec/SPEC.md']), editor.document.getText());
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    assert.equal(manifest.source.path, 'order-export.spec.md');
    assert.equal(manifest.readiness.exportedNotReady, true);
    assert.equal(result.readme, new TextDecoder().decode(entries['README.md']));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses to replace an existing bundle unless overwrite is confirmed, and never replaces another file', async () => {
    await openFixture('login-lockout.spec.md');
    const outPath = path.join(outDir, 'login.zip');
    const uri = fixtureUri('login-lockout.spec.md');
    const first = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', uri, { outPath, force: true, prompt: false });
    assert.equal(first.status, 'written', JSON.stringify(first));
    const earlier = fs.readFileSync(outPath);
    const refused = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', uri, { outPath, force: true, prompt: false });
    assert.equal(refused.reason, 'exists');
    assert.deepEqual(fs.readFileSync(outPath), earlier);
    const replaced = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', uri, { outPath, force: true, overwrite: true, prompt: false });
    assert.equal(replaced.status, 'written');
    assert.ok('README.md' in unzipSync(new Uint8Array(fs.readFileSync(outPath))));
    // A file that is not a bundle is never replaced, even with overwrite.
    const notes = path.join(outDir, 'notes.zip');
    fs.writeFileSync(notes, 'old');
    const kept = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', uri, { outPath: notes, force: true, overwrite: true, prompt: false });
    assert.notEqual(kept.status, 'written');
    assert.equal(fs.readFileSync(notes, 'utf8'), 'old');
  });

  it('writes to the configured folder of the workspace by default', async () => {
    await openFixture('login-lockout.spec.md');
    const result = await vscode.commands.executeCommand<ExportResult>('specready.exportBundle', fixtureUri('login-lockout.spec.md'), { force: true, overwrite: true, prompt: false, format: 'dir' });
    assert.equal(result.status, 'written', JSON.stringify(result));
    assert.equal(result.path, path.join(workspaceRoot().fsPath, 'handoff', 'login-lockout.spec'));
    assert.ok(fs.existsSync(path.join(result.path, 'spec', 'SPEC.html')));
    fs.rmSync(path.join(workspaceRoot().fsPath, 'handoff'), { recursive: true, force: true });
  });
});
