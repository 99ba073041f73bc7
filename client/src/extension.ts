import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DIMENSION_IDS, DIMENSION_LABELS } from '../../server/src/score/types';
import {
  AnalysisStateNotification, onNotification, ReadinessChangedNotification, ReadinessRequest, RecheckRequest, REVEAL_COMMAND, sendRequest, ServerInfoRequest,
  type Readiness, type ServerInfo, type SpecSummary,
} from '../../server/src/lsp/protocol';
import { registerExportCommand } from './export';
import { registerIdCompletion } from './id-completion';
import { registerNewSpecCommand } from './new-spec';
import { registerAnswerQuestion } from './questions';
import { registerRuleDocumentation } from './rule-docs';
import { looksLikeSpec, workspaceHasSpecs } from './spec-detection';
import { SPECS_VIEW, SpecsView, type SpecNode } from './specs-view';
import { ReadinessStatus, type LanguageStatusSnapshot } from './status';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

/**
 * The client stays thin: it starts the language server when a spec is around, shows readiness
 * in the status bar and registers the commands. All analysis happens in the server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<SpecReadyApi> {
  const output = vscode.window.createOutputChannel('SpecReady', { log: true });
  const status = new ReadinessStatus();
  context.subscriptions.push(output, status);

  const ensureStarted = (): Promise<LanguageClient> => (starting ??= startClient(context, output, status, specsView));
  const specsView: SpecsView = new SpecsView(context, ensureStarted);
  context.subscriptions.push(specsView);
  registerExportCommand(context, ensureStarted);
  registerNewSpecCommand(context);
  registerIdCompletion(context);
  registerAnswerQuestion(context, ensureStarted);
  registerRuleDocumentation(context);

  context.subscriptions.push(
    vscode.commands.registerCommand('specready.showReadiness', async () => showReadiness(await ensureStarted(), status)),
    // Applies the server's source.fixAll.specready action: every fix that needs no input.
    vscode.commands.registerCommand('specready.fixAll', async () => {
      await ensureStarted();
      await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.specready', apply: 'first' });
    }),
    vscode.commands.registerCommand('specready.recheck', async () => recheck(await ensureStarted(), status)),
    vscode.commands.registerCommand('specready.restartServer', async () => {
      const running = client;
      if (!running) {
        await ensureStarted();
        return;
      }
      output.info('Restarting the SpecReady language server');
      status.clearAnalysing();
      await running.restart();
      await refreshStatus(status);
    }),
    vscode.commands.registerCommand('specready.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: vscode.Range | { start: vscode.Position; end: vscode.Position }) =>
      reveal(uri, range)),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus(status)),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!client && looksLikeSpec(document)) void ensureStarted();
    }),
  );

  // Start now only when a spec is open or the workspace has one; otherwise wait for one to open.
  if (vscode.workspace.textDocuments.some(looksLikeSpec) || (await workspaceHasSpecs())) await ensureStarted();
  return {
    readiness: async (uri) => readinessFor(await ensureStarted(), uri),
    statusText: () => status.text,
    statusBarVisible: () => status.statusBarVisible,
    languageStatus: () => status.languageStatus(),
    specs: async (accept) => {
      await ensureStarted();
      return specsView.whenSpecs(accept ?? (() => true));
    },
    specsTree: async () => {
      await ensureStarted();
      return treeSnapshot(specsView);
    },
    revealSpec: async (uri) => {
      await ensureStarted();
      await vscode.commands.executeCommand(`${SPECS_VIEW}.focus`);
      await specsView.revealSpec(uri);
    },
    serverInfo: async () => sendRequest(await ensureStarted(), ServerInfoRequest, {}),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}

/** What the extension exports for other extensions and the integration tests. */
export interface SpecReadyApi {
  readiness(uri: string): Promise<Readiness | null>;
  statusText(): string | undefined;
  /** Whether the status bar item is shown (a spec is active and `specready.statusBar.enabled`). */
  statusBarVisible(): boolean;
  /** What the language status item of Markdown shows for the active editor. */
  languageStatus(): LanguageStatusSnapshot;
  serverInfo(): Promise<ServerInfo>;
  /** The specs the Specs view lists, once `accept` holds for them. */
  specs(accept?: (specs: SpecSummary[]) => boolean): Promise<SpecSummary[]>;
  /** What the Specs view shows, with every spec expanded. */
  specsTree(): Promise<SpecTreeItem[]>;
  /** Opens the Specs view with the spec expanded. */
  revealSpec(uri: string): Promise<void>;
}

/** One row of the Specs view as the user sees it. */
export interface SpecTreeItem {
  kind: SpecNode['kind'];
  label: string;
  description: string | undefined;
  command: { command: string; arguments: unknown[] } | undefined;
  children: SpecTreeItem[];
}

async function treeSnapshot(view: SpecsView, nodes?: SpecNode[]): Promise<SpecTreeItem[]> {
  const items: SpecTreeItem[] = [];
  for (const node of nodes ?? view.roots()) {
    const item = view.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const expandable = item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
    items.push({
      kind: node.kind,
      label,
      description: typeof item.description === 'string' ? item.description : undefined,
      command: item.command ? { command: item.command.command, arguments: item.command.arguments ?? [] } : undefined,
      children: expandable ? await treeSnapshot(view, await view.getChildren(node)) : [],
    });
  }
  return items;
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, status: ReadinessStatus, specsView: SpecsView): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }],
    outputChannel: output,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.specready.{json,yaml,yml}') },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
  };
  client = new LanguageClient('specready', 'SpecReady', serverOptions, clientOptions);
  onNotification(client, ReadinessChangedNotification, (readiness) => status.update(readiness));
  onNotification(client, AnalysisStateNotification, (state) => status.setAnalysing(state.uri, state.version, state.analysing));
  client.onDidChangeState((event) => {
    if (event.newState !== State.Running) status.clearAnalysing();
  });
  await client.start();
  void refreshStatus(status);
  void specsView.attach(client);
  return client;
}

async function readinessFor(languageClient: LanguageClient, uri: string): Promise<Readiness | null> {
  return sendRequest(languageClient, ReadinessRequest, { uri });
}

async function refreshStatus(status: ReadinessStatus): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  status.setActive(editor?.document.uri.toString());
  if (!client || !editor || editor.document.languageId !== 'markdown') return;
  status.update(await readinessFor(client, editor.document.uri.toString()), editor.document.uri.toString());
}

/** Quick pick of the blockers of the active spec; picking one jumps to it. Returns the readiness. */
async function showReadiness(languageClient: LanguageClient, status: ReadinessStatus): Promise<Readiness | null> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return null;
  const uri = editor.document.uri.toString();
  const readiness = await readinessFor(languageClient, uri);
  status.update(readiness, uri);
  if (!readiness) {
    void vscode.window.showInformationMessage('SpecReady: the active file is not a spec.');
    return null;
  }
  const items = readinessItems(readiness);
  const title = `${readiness.ready ? 'Ready' : 'Not ready'}: ${readiness.score}% (threshold ${readiness.threshold}%)`;
  const quickPick = vscode.window.createQuickPick<ReadinessItem>();
  quickPick.title = title;
  quickPick.placeholder = readiness.blockers.length ? 'Pick a blocker or a dimension to jump to it' : 'No blockers: this spec is ready to hand off';
  quickPick.items = items;
  quickPick.onDidAccept(() => {
    const picked = quickPick.selectedItems[0];
    if (picked?.line !== undefined) void reveal(uri, { start: { line: picked.line, character: 0 }, end: { line: picked.line, character: 0 } });
    else if (picked?.range) void reveal(uri, picked.range);
    quickPick.hide();
  });
  quickPick.onDidHide(() => quickPick.dispose());
  quickPick.show();
  return readiness;
}

interface ReadinessItem extends vscode.QuickPickItem {
  range?: Readiness['blockers'][number]['range'];
  line?: number;
}

/** The breakdown (each dimension with its score and first reason), then the blockers. */
function readinessItems(readiness: Readiness): ReadinessItem[] {
  const items: ReadinessItem[] = [{ label: 'Readiness by dimension', kind: vscode.QuickPickItemKind.Separator }];
  for (const id of DIMENSION_IDS) {
    const dimension = readiness.breakdown[id];
    const reason = dimension.reasons[0];
    items.push({
      label: `${DIMENSION_LABELS[id]} ${dimension.score}%`,
      description: dimension.evidence,
      detail: reason ? `−${reason.lost} ${reason.message}` : undefined,
      line: reason?.line,
    });
  }
  items.push({ label: readiness.blockers.length ? 'Blockers' : 'No blockers', kind: vscode.QuickPickItemKind.Separator });
  for (const blocker of readiness.blockers) {
    items.push({
      label: `$(${blocker.severity === 'error' ? 'error' : 'warning'}) ${blocker.message}`,
      description: `${blocker.rule} · line ${blocker.range.start.line + 1}`,
      range: blocker.range,
    });
  }
  return items;
}

async function recheck(languageClient: LanguageClient, status: ReadinessStatus): Promise<Readiness | null> {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const readiness = await sendRequest(languageClient, RecheckRequest, { uri: uri ?? null });
  if (uri) status.update(readiness, uri);
  return readiness;
}

async function reveal(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document);
  const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
