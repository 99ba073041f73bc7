import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  onNotification,
  REVEAL_COMMAND,
  sendRequest,
  SpecDetailsRequest,
  SpecsChangedNotification,
  SpecsRequest,
  type SpecDetails,
  type SpecDimension,
  type SpecFindingItem,
  type SpecQuestion,
  type SpecState,
  type SpecSummary,
} from '../../server/src/lsp/protocol';
import { compareSpecs, SPEC_STATES } from '../../server/src/features/spec-order';

export const SPECS_VIEW = 'specready.specs';
const NOT_READY_ONLY_KEY = 'specready.specs.notReadyOnly';
/** Context key for the welcome content: `loading`, `empty`, `allReady` or `listed`. */
const STATE_KEY = 'specready.specs.state';

type Range = SpecFindingItem['range'];

/** Nodes of the view. Plain data, so that the integration tests can read what is shown. */
export type SpecNode =
  | { kind: 'group'; state: SpecState; count: number }
  | { kind: 'spec'; spec: SpecSummary }
  | { kind: 'blocker'; uri: string; item: SpecFindingItem }
  | { kind: 'question'; uri: string; question: SpecQuestion }
  | { kind: 'dimension'; uri: string; dimension: SpecDimension }
  | { kind: 'more'; uri: string; count: number }
  | { kind: 'message'; uri: string; text: string };

const GROUP_LABEL: Readonly<Record<SpecState, string>> = { blocked: 'Blocked', 'not-ready': 'Not ready', ready: 'Ready' };

/**
 * The Specs view: every spec of the workspace, grouped by state (blocked, not ready, ready)
 * and sorted by score within a group. Everything shown comes from the language server's
 * workspace analysis (`specready/specs`, then `specready/specsChanged` deltas); the view never
 * reads a file. Expanding a spec asks the server for its blockers, questions and dimensions.
 */
export class SpecsView implements vscode.TreeDataProvider<SpecNode>, vscode.Disposable {
  private readonly specs = new Map<string, SpecSummary>();
  private readonly emitter = new vscode.EventEmitter<SpecNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<SpecNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private revision = -1;
  private scanning = true;
  private loaded = false;
  private notReadyOnly: boolean;
  private readonly changeListeners = new Set<() => void>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly ensureStarted: () => Promise<LanguageClient>) {
    this.notReadyOnly = context.workspaceState.get<boolean>(NOT_READY_ONLY_KEY, false);
    this.view = vscode.window.createTreeView(SPECS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.emitter,
      vscode.commands.registerCommand('specready.specs.showNotReadyOnly', () => this.setNotReadyOnly(true)),
      vscode.commands.registerCommand('specready.specs.showAll', () => this.setNotReadyOnly(false)),
      vscode.commands.registerCommand('specready.specs.refresh', () => this.reload()),
      vscode.commands.registerCommand('specready.specs.exportBundle', (node?: SpecNode) =>
        vscode.commands.executeCommand('specready.exportBundle', node && 'uri' in node ? vscode.Uri.parse(node.uri) : node?.kind === 'spec' ? vscode.Uri.parse(node.spec.uri) : undefined)),
    );
    void vscode.commands.executeCommand('setContext', NOT_READY_ONLY_KEY, this.notReadyOnly);
    this.updateState();
    // The view starts the server when it is first shown, even in a workspace without an open spec.
    this.disposables.push(this.view.onDidChangeVisibility((event) => {
      if (event.visible && !this.client) void this.ensureStarted();
    }));
    if (this.view.visible) void this.ensureStarted();
  }

  /** Called once the language client runs (again, after a restart). */
  async attach(client: LanguageClient): Promise<void> {
    this.client = client;
    this.disposables.push(onNotification(client, SpecsChangedNotification, (change) => {
      if (change.revision <= this.revision) return;
      this.revision = change.revision;
      this.scanning = change.scanning;
      for (const uri of change.removed) {
        this.specs.delete(uri);
        this.specNodes.delete(uri);
      }
      for (const spec of change.changed) this.specs.set(spec.uri, spec);
      this.changed();
    }));
    // A restarted server counts its revisions from zero again.
    this.disposables.push(client.onDidChangeState((event) => {
      if (event.newState !== State.Running) return;
      this.revision = -1;
      void this.reload();
    }));
    await this.reload();
  }

  async reload(): Promise<void> {
    const client = this.client ?? (await this.ensureStarted());
    let result;
    try {
      result = await sendRequest(client, SpecsRequest, {});
    } catch {
      return; // The server stopped meanwhile; the restart reloads.
    }
    if (result.revision < this.revision) return;
    this.revision = result.revision;
    this.scanning = result.scanning;
    this.specs.clear();
    for (const spec of result.specs) this.specs.set(spec.uri, spec);
    this.loaded = true;
    this.changed();
  }

  /** The summaries as the server last sent them, for the API and the tests. */
  summaries(): SpecSummary[] {
    return [...this.specs.values()];
  }

  /** Resolves once `accept` holds for the listed specs (checked now and after each change). */
  whenSpecs(accept: (specs: SpecSummary[]) => boolean, timeoutMs = 30_000): Promise<SpecSummary[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.loaded || !accept(this.summaries())) return;
        cleanup();
        resolve(this.summaries());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for the Specs view; it lists ${this.summaries().map((s) => `${s.title} ${s.score}% ${s.questions}?`).join(', ') || 'nothing'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changeListeners.delete(check);
      };
      this.changeListeners.add(check);
      check();
    });
  }

  get treeView(): vscode.TreeView<SpecNode> {
    return this.view;
  }

  private setNotReadyOnly(value: boolean): void {
    this.notReadyOnly = value;
    void this.context.workspaceState.update(NOT_READY_ONLY_KEY, value);
    void vscode.commands.executeCommand('setContext', NOT_READY_ONLY_KEY, value);
    this.changed();
  }

  private changed(): void {
    this.updateState();
    this.emitter.fire(undefined);
    for (const listener of [...this.changeListeners]) listener();
  }

  private updateState(): void {
    const all = this.summaries();
    const notReady = all.filter((spec) => spec.state !== 'ready').length;
    const state = !this.loaded || (all.length === 0 && this.scanning) ? 'loading'
      : all.length === 0 ? 'empty'
        : this.notReadyOnly && notReady === 0 ? 'allReady' : 'listed';
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    this.view.badge = notReady > 0 ? { value: notReady, tooltip: `${notReady} spec${notReady === 1 ? '' : 's'} not ready for handoff` } : undefined;
    this.view.message = this.scanning && this.loaded && all.length > 0 ? `Checking specs… ${all.length} so far` : undefined;
    const ready = all.length - notReady;
    this.view.description = all.length > 0 ? `${ready}/${all.length} ready` : undefined;
  }

  getChildren(node?: SpecNode): SpecNode[] | Promise<SpecNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'group') return this.sorted().filter((spec) => spec.state === node.state).map((spec) => this.specNode(spec));
    if (node.kind === 'spec') return this.details(node.spec);
    return [];
  }

  /** Groups with at least one spec, blocked first; with the filter on, the ready group is left out. */
  roots(): SpecNode[] {
    const specs = this.sorted();
    return SPEC_STATES
      .filter((state) => !(this.notReadyOnly && state === 'ready'))
      .map((state) => this.groupNode(state, specs.filter((spec) => spec.state === state).length))
      .filter((group) => group.count > 0);
  }

  /*
   * Group and spec nodes are kept as the same objects from one refresh to the next: the tree
   * view recognises elements by identity (for reveal and to keep them expanded).
   */
  private readonly groupNodes = new Map<SpecState, Extract<SpecNode, { kind: 'group' }>>();
  private readonly specNodes = new Map<string, Extract<SpecNode, { kind: 'spec' }>>();

  private groupNode(state: SpecState, count: number): Extract<SpecNode, { kind: 'group' }> {
    let node = this.groupNodes.get(state);
    if (!node) this.groupNodes.set(state, (node = { kind: 'group', state, count }));
    node.count = count;
    return node;
  }

  private specNode(spec: SpecSummary): Extract<SpecNode, { kind: 'spec' }> {
    let node = this.specNodes.get(spec.uri);
    if (!node) this.specNodes.set(spec.uri, (node = { kind: 'spec', spec }));
    node.spec = spec;
    return node;
  }

  /** Shows a spec in the view (expanded, with its blockers and questions). */
  async revealSpec(uri: string, options: { expand?: boolean; select?: boolean } = {}): Promise<void> {
    const spec = this.specs.get(uri);
    if (!spec) return;
    this.roots();
    await this.view.reveal(this.specNode(spec), { expand: options.expand ?? true, select: options.select ?? false, focus: false });
  }

  private sorted(): SpecSummary[] {
    return this.summaries().sort(compareSpecs);
  }

  async details(spec: SpecSummary): Promise<SpecNode[]> {
    const client = this.client ?? (await this.ensureStarted());
    const details: SpecDetails | null = await sendRequest(client, SpecDetailsRequest, { uri: spec.uri });
    if (!details) return [{ kind: 'message', uri: spec.uri, text: 'No longer a spec' }];
    const nodes: SpecNode[] = [
      ...details.blockers.map((item): SpecNode => ({ kind: 'blocker', uri: spec.uri, item })),
      ...(details.moreBlockers > 0 ? [{ kind: 'more', uri: spec.uri, count: details.moreBlockers } as SpecNode] : []),
      ...details.questions.map((question): SpecNode => ({ kind: 'question', uri: spec.uri, question })),
      ...details.dimensions.map((dimension): SpecNode => ({ kind: 'dimension', uri: spec.uri, dimension })),
    ];
    return nodes;
  }

  getTreeItem(node: SpecNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(GROUP_LABEL[node.state], vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.state}`;
        item.description = String(node.count);
        item.iconPath = stateIcon(node.state);
        item.contextValue = 'group';
        return item;
      }
      case 'spec':
        return specItem(node.spec, this.multiRoot());
      case 'blocker': {
        const item = new vscode.TreeItem(firstSentence(node.item.message), vscode.TreeItemCollapsibleState.None);
        item.description = `${node.item.rule} · line ${node.item.range.start.line + 1}`;
        item.tooltip = new vscode.MarkdownString().appendText(node.item.message);
        item.iconPath = new vscode.ThemeIcon(node.item.severity === 'error' ? 'error' : 'warning',
          new vscode.ThemeColor(node.item.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'));
        item.command = revealCommand(node.uri, node.item.range);
        item.contextValue = 'blocker';
        return item;
      }
      case 'question': {
        const { question } = node;
        const item = new vscode.TreeItem(question.text, vscode.TreeItemCollapsibleState.None);
        item.description = questionDescription(question);
        item.tooltip = new vscode.MarkdownString().appendText(`${question.text}\n\n${questionDescription(question) || 'No owner or due date'} · line ${question.range.start.line + 1}`);
        item.iconPath = new vscode.ThemeIcon(question.overdue ? 'warning' : 'question',
          question.overdue ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.command = revealCommand(node.uri, question.range);
        item.contextValue = 'question';
        return item;
      }
      case 'dimension': {
        const item = new vscode.TreeItem(dimensionLabel(node.dimension.name), vscode.TreeItemCollapsibleState.None);
        item.description = `${node.dimension.score}%`;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.contextValue = 'dimension';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`… ${node.count} more`, vscode.TreeItemCollapsibleState.None);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri)] };
        return item;
      }
      case 'message':
        return new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    }
  }

  getParent(node: SpecNode): SpecNode | undefined {
    return node.kind === 'spec' ? this.groupNodes.get(node.spec.state) : undefined;
  }

  private multiRoot(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function specItem(spec: SpecSummary, multiRoot: boolean): vscode.TreeItem {
  const uri = vscode.Uri.parse(spec.uri);
  const item = new vscode.TreeItem(spec.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `spec:${spec.uri}`;
  item.resourceUri = uri;
  const folder = multiRoot ? vscode.workspace.getWorkspaceFolder(uri)?.name : undefined;
  const questions = spec.questions > 0 ? ` · ${spec.questions} question${spec.questions === 1 ? '' : 's'}` : '';
  item.description = `${spec.score}% · ${stateLabel(spec.state)}${questions}${folder ? ` · ${folder}` : ''}`;
  item.iconPath = stateIcon(spec.state);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(spec.title)}**: ${stateLabel(spec.state)} (${spec.score}%, threshold ${spec.threshold}%, profile \`${spec.profile}\`)\n\n`);
  tooltip.appendMarkdown(`${spec.errors} error${spec.errors === 1 ? '' : 's'}, ${spec.warnings} warning${spec.warnings === 1 ? '' : 's'}, ${spec.questions} open question${spec.questions === 1 ? '' : 's'}${spec.overdueQuestions ? ` (${spec.overdueQuestions} overdue)` : ''}\n\n`);
  tooltip.appendMarkdown(spec.dimensions.map((d) => `${dimensionLabel(d.name)} ${d.score}%`).join(' · '));
  tooltip.appendMarkdown(`\n\n${escape(vscode.workspace.asRelativePath(uri))}`);
  item.tooltip = tooltip;
  item.command = { title: 'Open Spec', command: 'vscode.open', arguments: [uri] };
  item.contextValue = 'spec';
  return item;
}

function stateLabel(state: SpecState): string {
  return state === 'ready' ? 'ready' : state === 'blocked' ? 'blocked' : 'not ready';
}

function stateIcon(state: SpecState): vscode.ThemeIcon {
  if (state === 'ready') return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  if (state === 'blocked') return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}

export function questionDescription(question: SpecQuestion): string {
  const parts: string[] = [];
  if (question.owner) parts.push(`@${question.owner}`);
  if (question.due) parts.push(question.overdue ? `overdue since ${question.due}` : `due ${question.due}`);
  return parts.join(' · ');
}

/** "testability" -> "Testability", "handoff-risk" -> "Handoff risk": whatever the server names its dimensions. */
function dimensionLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function firstSentence(message: string): string {
  const cut = message.search(/[:.](?:\s|$)/);
  return cut > 20 ? message.slice(0, cut) : message;
}

function revealCommand(uri: string, range: Range): vscode.Command {
  return { title: 'Reveal', command: REVEAL_COMMAND, arguments: [uri, range] };
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}
