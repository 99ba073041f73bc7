import * as vscode from 'vscode';
import type { Readiness } from '../../server/src/lsp/protocol';
import { DIMENSION_IDS, DIMENSION_LABELS } from '../../server/src/score/types';

/** Where the language status item appears: the documents the language server checks. */
const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

/** `specready.statusBar.enabled`: whether the readiness also shows as a status bar item. */
export function statusBarEnabled(): boolean {
  return vscode.workspace.getConfiguration('specready').get<boolean>('statusBar.enabled', true);
}

/** What the language status item shows, for the API and the tests. */
export interface LanguageStatusSnapshot {
  text: string;
  detail: string | undefined;
  busy: boolean;
  severity: 'information' | 'warning' | 'error';
  command: string | undefined;
}

/**
 * The readiness of the active spec in two places:
 * - the status bar: "$(checklist) Spec 72%" or "$(pass-filled) Ready 91%", warning background
 *   when not ready, hidden for anything that is not a spec; clicking shows the breakdown and the
 *   blockers; `specready.statusBar.enabled: false` hides it;
 * - the language status item of Markdown (the `{}` next to the language mode): the same score,
 *   busy while the server analyses the document, and a link to the Specs view.
 */
export class ReadinessStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specready.readiness', vscode.StatusBarAlignment.Left, 100);
  private readonly language = vscode.languages.createLanguageStatusItem('specready.readiness', SELECTOR);
  private readonly latest = new Map<string, Readiness>();
  /** Documents the server is analysing now (uri -> versions in progress). */
  private readonly analysing = new Map<string, Set<number>>();
  /** Documents the server checked and found not to be specs. */
  private readonly notSpecs = new Set<string>();
  private activeUri: string | undefined;
  private showStatusBar = statusBarEnabled();
  private readonly configuration: vscode.Disposable;
  private visible = false;

  constructor() {
    this.item.name = 'SpecReady readiness';
    this.item.command = 'specready.showReadiness';
    this.language.name = 'SpecReady readiness';
    this.configuration = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('specready.statusBar.enabled')) return;
      this.showStatusBar = statusBarEnabled();
      this.render();
    });
    this.render();
  }

  get text(): string | undefined {
    return this.item.text || undefined;
  }

  /** Whether the status bar item is on screen (it is hidden for non-specs and when turned off). */
  get statusBarVisible(): boolean {
    return this.visible;
  }

  languageStatus(): LanguageStatusSnapshot {
    const { severity } = this.language;
    return {
      text: this.language.text,
      detail: this.language.detail,
      busy: this.language.busy,
      severity: severity === vscode.LanguageStatusSeverity.Error ? 'error' : severity === vscode.LanguageStatusSeverity.Warning ? 'warning' : 'information',
      command: this.language.command?.command,
    };
  }

  /** The server started (`analysing: true`) or finished analysing a version of a document. */
  setAnalysing(uri: string, version: number, analysing: boolean): void {
    const versions = this.analysing.get(uri) ?? new Set<number>();
    if (analysing) versions.add(version);
    else versions.delete(version);
    if (versions.size > 0) this.analysing.set(uri, versions);
    else this.analysing.delete(uri);
    if (uri === this.activeUri) this.render();
  }

  /** A restarted server forgets what it was doing. */
  clearAnalysing(): void {
    this.analysing.clear();
    this.render();
  }

  setActive(uri: string | undefined): void {
    this.activeUri = uri;
    this.render();
  }

  /** Records a readiness (null: the document is not a spec) and redraws if it is the active one. */
  update(readiness: Readiness | null, uri = readiness?.uri): void {
    if (!uri) return;
    if (readiness) {
      this.latest.set(uri, readiness);
      this.notSpecs.delete(uri);
    } else {
      this.latest.delete(uri);
      this.notSpecs.add(uri);
    }
    if (uri === this.activeUri) this.render();
  }

  private render(): void {
    const readiness = this.activeUri ? this.latest.get(this.activeUri) : undefined;
    this.renderLanguageStatus(readiness);
    if (!readiness) {
      this.item.text = '';
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = readiness.ready ? `$(pass-filled) Ready ${readiness.score}%` : `$(checklist) Spec ${readiness.score}%`;
    this.item.backgroundColor = readiness.ready ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.tooltip = tooltip(readiness);
    this.visible = this.showStatusBar;
    if (this.visible) this.item.show();
    else this.item.hide();
  }

  private renderLanguageStatus(readiness: Readiness | undefined): void {
    const item = this.language;
    item.busy = !!this.activeUri && this.analysing.has(this.activeUri);
    item.command = { title: 'Show Specs', command: 'specready.specs.focus', tooltip: 'Open the Specs view: every spec of the workspace' };
    if (readiness) {
      item.text = readiness.ready ? `$(pass-filled) Ready ${readiness.score}%` : `$(checklist) Spec ${readiness.score}%`;
      const errors = readiness.blockers.filter((blocker) => blocker.severity === 'error').length;
      item.detail = readiness.ready
        ? `ready to hand off (threshold ${readiness.threshold}%)`
        : `not ready: threshold ${readiness.threshold}%${errors ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}`;
      item.severity = readiness.ready ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    } else {
      const known = !!this.activeUri && this.notSpecs.has(this.activeUri);
      item.text = known ? 'Not a spec' : 'SpecReady';
      item.detail = known ? 'SpecReady checks specs only' : item.busy ? 'checking…' : undefined;
      item.severity = vscode.LanguageStatusSeverity.Information;
    }
  }

  dispose(): void {
    this.configuration.dispose();
    this.item.dispose();
    this.language.dispose();
  }
}

function tooltip(readiness: Readiness): vscode.MarkdownString {
  const { breakdown } = readiness;
  const lines = [
    `**SpecReady: ${readiness.ready ? 'ready to hand off' : 'not ready'}** (${readiness.score}%, threshold ${readiness.threshold}%, profile \`${readiness.profile}\`)`,
    '',
  ];
  const verdictBlockers = readiness.verdictBlockers ?? [];
  if (verdictBlockers.length > 0) {
    lines.push('**Not ready whatever the score:**', '');
    for (const blocker of verdictBlockers.slice(0, 3)) lines.push(`- ${escape(blocker.message)}`);
    if (verdictBlockers.length > 3) lines.push(`- … and ${verdictBlockers.length - 3} more`);
    lines.push('');
  }
  lines.push('| Dimension | Score | Lost points |', '|---|---:|---|');
  for (const id of DIMENSION_IDS) {
    const dimension = breakdown[id];
    const reasons = dimension.reasons.slice(0, 2).map((reason) => `−${reason.lost} ${escape(reason.message.replace(/^[^:]+: /, ''))}`).join('; ');
    lines.push(`| ${DIMENSION_LABELS[id]} | ${dimension.score}% | ${reasons || '—'} |`);
  }
  const top = readiness.blockers.slice(0, 5);
  if (top.length > 0) {
    lines.push('', '**Top blockers**', '');
    for (const blocker of top) lines.push(`- line ${blocker.range.start.line + 1}: ${escape(blocker.message)} (\`${blocker.rule}\`)`);
    if (readiness.blockers.length > top.length) lines.push(`- … and ${readiness.blockers.length - top.length} more`);
  }
  lines.push('', 'Click for the breakdown and every blocker.');
  return new vscode.MarkdownString(lines.join('\n'));
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}
