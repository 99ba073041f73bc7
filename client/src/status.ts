import * as vscode from 'vscode';
import type { Readiness } from '../../server/src/lsp/protocol';
import { DIMENSION_IDS, DIMENSION_LABELS } from '../../server/src/score/types';

/**
 * The readiness of the active spec in the status bar: "$(checklist) Spec 72%" or
 * "$(pass-filled) Ready 91%", warning background when not ready, hidden for anything that is
 * not a spec. Clicking shows the blockers.
 */
export class ReadinessStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specready.readiness', vscode.StatusBarAlignment.Left, 100);
  private readonly latest = new Map<string, Readiness>();
  private activeUri: string | undefined;

  constructor() {
    this.item.name = 'SpecReady readiness';
    this.item.command = 'specready.showReadiness';
  }

  get text(): string | undefined {
    return this.item.text || undefined;
  }

  setActive(uri: string | undefined): void {
    this.activeUri = uri;
    this.render();
  }

  /** Records a readiness (null: the document is not a spec) and redraws if it is the active one. */
  update(readiness: Readiness | null, uri = readiness?.uri): void {
    if (!uri) return;
    if (readiness) this.latest.set(uri, readiness);
    else this.latest.delete(uri);
    if (uri === this.activeUri) this.render();
  }

  private render(): void {
    const readiness = this.activeUri ? this.latest.get(this.activeUri) : undefined;
    if (!readiness) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    this.item.text = readiness.ready ? `$(pass-filled) Ready ${readiness.score}%` : `$(checklist) Spec ${readiness.score}%`;
    this.item.backgroundColor = readiness.ready ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.tooltip = tooltip(readiness);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
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
  lines.push('', 'Click to list all blockers.');
  return new vscode.MarkdownString(lines.join('\n'));
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}
