import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, openFixture, revertAndCloseEditors, waitForDiagnostics } from './helpers';
import { takeScreenshot } from './showcase';

interface SpecSummary {
  uri: string;
  title: string;
  score: number;
  questions: number;
  state: 'ready' | 'blocked' | 'not-ready';
}

interface SpecTreeItem {
  kind: string;
  label: string;
  description: string | undefined;
  command: { command: string; arguments: unknown[] } | undefined;
  children: SpecTreeItem[];
}

interface SpecReadyApi {
  readiness(uri: string): Promise<{ score: number; ready: boolean } | null>;
  specs(accept?: (specs: SpecSummary[]) => boolean): Promise<SpecSummary[]>;
  specsTree(): Promise<SpecTreeItem[]>;
  revealSpec(uri: string): Promise<void>;
}

const FIXTURES = ['order-export.spec.md', 'login-lockout.spec.md', 'checkout-retries.spec.md'];

async function api(): Promise<SpecReadyApi> {
  const extension = vscode.extensions.getExtension<SpecReadyApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

function specRows(tree: SpecTreeItem[]): SpecTreeItem[] {
  return tree.flatMap((group) => group.children.filter((child) => child.kind === 'spec'));
}

/** "72% · blocked · 2 questions" -> 72 */
function shownScore(row: SpecTreeItem): number {
  return Number(/^(\d+)%/.exec(row.description ?? '')?.[1]);
}

describe('Specs view', () => {
  afterEach(revertAndCloseEditors);

  it('lists the fixture specs with the scores the server reports, grouped by state and sorted', async () => {
    const extension = await api();
    await vscode.commands.executeCommand('specready.specs.focus');
    const uris = FIXTURES.map((name) => fixtureUri(name).toString());
    const specs = await extension.specs((all) => uris.every((uri) => all.some((spec) => spec.uri === uri)));
    assert.ok(!specs.some((spec) => spec.uri.endsWith('notes.md')), 'notes.md is not a spec');
    for (const name of FIXTURES) {
      const uri = fixtureUri(name);
      const arrived = waitForDiagnostics(uri);
      await openFixture(name);
      await arrived;
      const fromServer = await extension.readiness(uri.toString());
      // The view follows the server's index, which may still be taking in the revert of an
      // earlier test: it must arrive at the score the server reports for the open document.
      const settled = await extension.specs((all) => all.some((spec) => spec.uri === uri.toString() && spec.score === fromServer?.score));
      const listed = settled.find((spec) => spec.uri === uri.toString());
      assert.equal(listed?.score, fromServer?.score, `${name}: listed ${listed?.score}, server ${fromServer?.score}`);
    }
    const tree = await extension.specsTree();
    const groups = tree.map((group) => group.label);
    assert.deepEqual(groups, ['Blocked', 'Not ready', 'Ready'].filter((label) => groups.includes(label)), 'blocked first, ready last');
    for (const group of tree) {
      const scores = group.children.map(shownScore);
      assert.deepEqual(scores, [...scores].sort((a, b) => a - b), `${group.label} sorted by score: ${scores.join(', ')}`);
    }
    // Rows show the scores the view lists now (the first list may predate the index settling).
    for (const spec of await extension.specs()) {
      const row = specRows(tree).find((item) => item.label === spec.title);
      assert.ok(row, `${spec.title} is shown`);
      assert.equal(shownScore(row), spec.score);
    }
  });

  it('reorders after an edit fixes the errors of a blocked spec', async () => {
    const extension = await api();
    const uris = FIXTURES.map((name) => fixtureUri(name).toString());
    const before = await extension.specs((all) => uris.every((uri) => all.some((spec) => spec.uri === uri)));
    const login = before.find((spec) => spec.uri.endsWith('login-lockout.spec.md'))!;
    assert.equal(login.state, 'blocked');
    const treeBefore = await extension.specsTree();
    assert.equal(treeBefore.find((g) => g.children.some((c) => c.label === login.title))?.label, 'Blocked');

    // The missing Scope section and the TBD are its errors. Without them the spec is no longer
    // blocked by errors; its readiness score (a bugfix spec with one-line sections) keeps it not ready.
    const editor = await openFixture('login-lockout.spec.md');
    const text = editor.document.getText();
    await editor.edit((edit) => {
      edit.insert(editor.document.positionAt(text.indexOf('## Steps to Reproduce')), '## Scope\n\nThe login flow after a password reset.\n\n');
      const tbd = text.indexOf('TBD minutes');
      edit.replace(new vscode.Range(editor.document.positionAt(tbd), editor.document.positionAt(tbd + 3)), '15');
    });
    const after = await extension.specs((all) => all.find((spec) => spec.uri === login.uri)?.state === 'not-ready');
    const tree = await extension.specsTree();
    const group = tree.find((g) => g.children.some((c) => c.label === login.title));
    assert.equal(group?.label, 'Not ready');
    // It moved from the Blocked group to Not ready, and the rows follow the order of state, then score.
    const orderAfter = specRows(tree).map((row) => row.label);
    const expected = [...after].sort((a, b) => ['blocked', 'not-ready', 'ready'].indexOf(a.state) - ['blocked', 'not-ready', 'ready'].indexOf(b.state) || a.score - b.score);
    assert.deepEqual(orderAfter, expected.map((spec) => spec.title));
  });

  it('expanding a spec shows blockers, then open questions with owner and due date, then dimensions; clicking reveals the line', async () => {
    const extension = await api();
    const uri = fixtureUri('checkout-retries.spec.md');
    // Both questions of the file on disk (an earlier test may have answered one, then reverted).
    await extension.specs((all) => all.some((spec) => spec.uri === uri.toString() && spec.questions === 2));
    const tree = await extension.specsTree();
    const row = specRows(tree).find((item) => item.label === 'Checkout retries');
    assert.ok(row, `shown: ${specRows(tree).map((r) => r.label).join(', ')}`);
    const kinds = row.children.map((child) => child.kind);
    const firstQuestion = kinds.indexOf('question');
    const firstDimension = kinds.indexOf('dimension');
    assert.ok(kinds.indexOf('blocker') === 0 && firstQuestion > 0 && firstDimension > firstQuestion, `order: ${kinds.join(', ')}`);
    assert.ok(kinds.lastIndexOf('blocker') < firstQuestion && kinds.lastIndexOf('question') < firstDimension, `order: ${kinds.join(', ')}`);
    const questions = row.children.filter((child) => child.kind === 'question');
    const queue = questions.find((q) => q.label.startsWith('Which queue'));
    assert.ok(queue, questions.map((q) => q.label).join(' | '));
    assert.equal(queue.description, '@lena · overdue since 2026-01-15');
    assert.equal(questions.find((q) => q.label.startsWith('Do refunds'))?.description, '@omar · due 2999-12-31');

    assert.ok(queue.command);
    await vscode.commands.executeCommand(queue.command.command, ...queue.command.arguments);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.match(editor.document.lineAt(editor.selection.start.line).text, /Which queue do we use for retries\?/);

    await extension.revealSpec(uri.toString());
    await takeScreenshot('specs-view');
  });
});
