import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, waitForDiagnostics, workspaceRoot } from './helpers';

/** Files this suite creates, removed after each test. */
const created: vscode.Uri[] = [];

async function newSpec(folder: vscode.Uri, options: { template: string; title: string }): Promise<vscode.Uri | undefined> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('specready.newSpec', folder, options);
  if (uri) created.push(uri);
  return uri;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  created.push(uri);
}

describe('authoring', () => {
  // New specs go to a folder outside the workspace, so that the workspace-wide checks the other
  // suites rely on never scan them.
  let scratch: vscode.Uri;

  beforeEach(() => {
    scratch = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'specready-it-authoring-')));
    created.push(scratch);
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('contributes the command, snippets, grammar, YAML schema and walkthrough', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('specready.newSpec'));
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes;
    assert.equal(contributes.grammars[0].injectTo[0], 'text.html.markdown');
    assert.deepEqual(contributes.yamlValidation[0].fileMatch, ['.specready.yaml', '.specready.yml']);
    assert.equal(contributes.walkthroughs[0].steps.length, 4);
  });

  it('creates a spec from a built-in template, opens it in the first section, and the server checks it', async () => {
    const uri = await newSpec(scratch, { template: 'bugfix', title: 'Refund double charge' });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.path.split('/').pop(), 'refund-double-charge.spec.md');
    const text = await read(uri);
    assert.match(text, /^profile: bugfix$/m);
    assert.match(text, /^## Steps to Reproduce$/m);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    const above = editor.document.getText(new vscode.Range(0, 0, editor.selection.active.line, 0)).split('\n').filter((l) => l.startsWith('#'));
    assert.equal(above.pop(), '## Context', 'the cursor is in the first section');
    const diagnostics = await waitForDiagnostics(uri);
    assert.ok(diagnostics.every((d) => d.code === 'empty-section' || (typeof d.code === 'object' && d.code.value === 'empty-section')),
      diagnostics.map((d) => d.message).join(' | '));
  });

  it('never overwrites an existing file', async () => {
    const uri = vscode.Uri.joinPath(scratch, 'taken.spec.md');
    await write(uri, 'mine\n');
    assert.equal(await newSpec(scratch, { template: 'service', title: 'Taken' }), undefined);
    assert.equal(await read(uri), 'mine\n');
  });

  it('uses a custom template found in the workspace\'s .specready/templates', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), '.specready');
    created.push(folder);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'templates', 'rfc.md'), new TextEncoder().encode('# {{title}}\n\n## Context\n\n<!-- why -->\n\n'));
    const uri = await newSpec(scratch, { template: 'rfc', title: 'Team RFC' });
    assert.ok(uri);
    assert.equal(await read(uri), '# Team RFC\n\n## Context\n\n<!-- why -->\n\n');
  });

  it('expands a contributed snippet and completes a requirement with the next free id', async () => {
    const uri = vscode.Uri.joinPath(scratch, 'snippets.spec.md');
    await write(uri, '# Snippets\n\n## Requirements\n\n- **REQ-1**: The service MUST answer.\n\n\n\n## Acceptance Criteria\n\n\n');
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(10, 0, 10, 0);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Acceptance criterion (Given/When/Then)' });
    assert.match(editor.document.lineAt(10).text, /^- \*\*AC-1\*\* \(REQ-1\): Given <the starting state>, when <the action>, then <the observable outcome>\.$/);
    await vscode.commands.executeCommand('leaveSnippet');

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(6, 0));
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'req');
    assert.ok(item?.insertText instanceof vscode.SnippetString, 'the req completion is offered');
    editor.selection = new vscode.Selection(6, 0, 6, 0);
    await editor.insertSnippet(item.insertText);
    assert.match(editor.document.lineAt(6).text, /^- \*\*REQ-2\*\*: The service MUST <the observable behaviour>\.$/);
  });
});
