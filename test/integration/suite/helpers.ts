import * as vscode from 'vscode';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'specready.specready';
/** `Diagnostic.source` of everything the SpecReady language server reports. */
export const SOURCE = 'specready';

/** Root of the (copied) fixture workspace the runner opened; see test/integration/fixtures/workspace. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need the fixture workspace to be open as a folder');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Throws away unsaved edits of the active editor and closes every editor: the fixtures stay as on disk. */
export async function revertAndCloseEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await closeAllEditors();
}

export function specReadyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/**
 * Resolves with `uri`'s SpecReady diagnostics as soon as `accept` holds for them. Event-driven so
 * that tests neither sleep nor race the language server; the timeout turns a server that never
 * answers into a readable failure instead of a hung run.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      outcome();
    };
    const check = (): void => {
      const diagnostics = specReadyDiagnostics(uri);
      if (accept(diagnostics)) finish(() => resolve(diagnostics));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const seen = specReadyDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`);
      finish(() =>
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${SOURCE} diagnostics on ${vscode.workspace.asRelativePath(uri)}; ` +
              `current: ${seen.length ? seen.join(' | ') : 'none'}`,
          ),
        ),
      );
    }, timeoutMs);
    // Subscribed first, then checked: diagnostics published before this call are not missed.
    check();
  });
}

/** Zero-based position of the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${vscode.workspace.asRelativePath(document.uri)}`);
  return document.positionAt(offset);
}

/**
 * The rule id of a SpecReady diagnostic. VS Code turns `code` into `{ value, target }` when the
 * server sends a `codeDescription` (the link to the rule's documentation).
 */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Opens a fixture and waits for its SpecReady diagnostics (those `accept` takes, default: any). */
export async function openWithDiagnostics(
  relativePath: string,
  accept?: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = fixtureUri(relativePath);
  const arrived = waitForDiagnostics(uri, accept);
  const editor = await openFixture(relativePath);
  return { uri, editor, diagnostics: await arrived };
}
