import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, waitForDiagnostics } from './helpers';
import { print, screenshotAckDir, sendToRunner } from './protocol';

/** The spec the screenshot shows: it has problems in several sections. */
const SHOWCASE_SPEC = 'login-lockout.spec.md';
const SCREENSHOT_NAME = 'workbench-spec';

/**
 * Puts the workbench in the state worth a picture (a spec open with its diagnostics, the Problems
 * panel and SpecReady's status bar item) and holds it until the offline runner has taken the
 * screenshot: once `run()` returns the extension host shuts down and all of that disappears.
 * Runs after the tests, whatever their outcome; a problem here is reported but fails nothing.
 */
export async function showcaseForScreenshot(): Promise<void> {
  if (!screenshotAckDir) return;
  try {
    await closeAllEditors();
    const arrived = waitForDiagnostics(fixtureUri(SHOWCASE_SPEC), undefined, 20_000);
    await openFixture(SHOWCASE_SPEC);
    await arrived;
  } catch (error) {
    print(`The screenshot may lack SpecReady diagnostics: ${(error as Error).message}`);
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  // The Problems panel takes focus; the editor gets it back so the status bar describes the spec.
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');

  await takeScreenshot(SCREENSHOT_NAME);
}

/**
 * Asks the offline runner for a screenshot of the workbench as it is now, saved as
 * `test-results/integration/<name>.png`, and waits until it is taken. Does nothing under
 * the Electron runner.
 */
export async function takeScreenshot(name: string): Promise<void> {
  if (!screenshotAckDir) return;
  sendToRunner('screenshot', { name });
  const ack = path.join(screenshotAckDir, `${name}.done`);
  if (!(await waitForFile(ack, 60_000))) print(`The runner did not confirm the screenshot "${name}"`);
}

/** Resolves true as soon as `file` exists, false after `timeoutMs`. */
function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (found: boolean): void => {
      if (settled) return;
      settled = true;
      watcher.close();
      clearTimeout(timer);
      resolve(found);
    };
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) finish(true);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    // Watching first, then checking: a file created in between is not missed.
    if (fs.existsSync(file)) finish(true);
  });
}
