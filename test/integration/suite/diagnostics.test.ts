import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  EXTENSION_ID,
  fixtureUri,
  openFixture,
  positionOf,
  specReadyDiagnostics,
  waitForDiagnostics,
} from './helpers';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('activates on a spec, reports its problems and leaves non-spec Markdown alone', async () => {
    const notes = fixtureUri('notes.md');
    const spec = fixtureUri('login-lockout.spec.md');

    // notes.md is opened first: the language server handles documents in the order they are opened,
    // so once the spec's diagnostics have arrived, any for notes.md would have arrived before them.
    await openFixture('notes.md');
    const diagnosticsArrived = waitForDiagnostics(spec);
    const editor = await openFixture('login-lockout.spec.md');
    const diagnostics = await diagnosticsArrived;

    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is active`);
    const tbd = positionOf(editor.document, 'TBD');
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.range.contains(tbd)),
      `a diagnostic covers the "TBD" placeholder on line ${tbd.line + 1}; got ${diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | ')}`,
    );
    assert.deepEqual(specReadyDiagnostics(notes), [], 'notes.md is not a spec');
  });
});
