import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, sendRequest, type ExportParams, type ExportResult } from '../../server/src/lsp/protocol';

type BundleFormat = NonNullable<ExportParams['format']>;
type Written = Extract<ExportResult, { status: 'written' }>;
type Refused = Extract<ExportResult, { status: 'refused' }>;

/** Arguments the command accepts after the resource, for scripts and the integration tests. */
export interface ExportCommandOptions {
  outPath?: string;
  format?: BundleFormat;
  force?: boolean;
  overwrite?: boolean;
  /** False: never show a modal prompt; a refusal is returned as it is. Default true. */
  prompt?: boolean;
}

const REVEAL = 'Reveal in File Explorer';
const OPEN_README = 'Open Bundle README';

/**
 * `SpecReady: Export Handoff Bundle` (palette and editor title of specs). The server builds and
 * writes the bundle; this side picks the output path from the settings, shows progress, asks
 * "Export anyway?" for a spec that is not ready and "Replace?" for an existing bundle, then
 * offers to reveal the bundle or read its README. Returns the final ExportResult (undefined when
 * there was no spec to export).
 */
export function registerExportCommand(context: vscode.ExtensionContext, ensureStarted: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('specready.exportBundle',
      async (resource?: vscode.Uri | string, options: ExportCommandOptions = {}) => exportCommand(ensureStarted, resource, options)),
    vscode.workspace.registerTextDocumentContentProvider(README_SCHEME, readmes),
  );
}

/** Read-only documents for the READMEs of zip bundles: shown without unpacking, closed without a save prompt. */
const README_SCHEME = 'specready-bundle';

class ReadmeProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  add(bundle: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: README_SCHEME, path: `/${path.basename(bundle)}/README.md`, query: String(++this.count) });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

const readmes = new ReadmeProvider();

async function exportCommand(ensureStarted: () => Promise<LanguageClient>, resource: vscode.Uri | string | undefined,
  options: ExportCommandOptions): Promise<ExportResult | undefined> {
  const uri = typeof resource === 'string' ? vscode.Uri.parse(resource) : resource ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage('SpecReady: open a spec to export its handoff bundle.');
    return undefined;
  }
  const client = await ensureStarted();
  let params: ExportParams = { uri: uri.toString(), outPath: options.outPath ?? defaultOutPath(uri, options.format), format: options.format ?? formatSetting(uri), force: options.force, overwrite: options.overwrite };
  for (;;) {
    const request = params;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'SpecReady: exporting handoff bundle…' },
      () => sendRequest(client, ExportRequest, request),
    );
    if (result.status === 'written') {
      void announce(result);
      return result;
    }
    const retry = options.prompt === false ? undefined : await confirm(result);
    if (!retry) {
      if (options.prompt !== false && !isAnswered(result)) void vscode.window.showErrorMessage(`SpecReady: ${result.message}`);
      return result;
    }
    params = { ...params, [retry]: true };
  }
}

function formatSetting(uri: vscode.Uri): BundleFormat {
  return vscode.workspace.getConfiguration('specready', uri).get<string>('export.format') === 'dir' ? 'dir' : 'zip';
}

/** `specready.export.directory` (default `handoff`) in the spec's workspace folder; the server decides without a folder. */
function defaultOutPath(uri: vscode.Uri, format: BundleFormat | undefined): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== 'file') return undefined;
  const directory = vscode.workspace.getConfiguration('specready', uri).get<string>('export.directory')?.trim() || 'handoff';
  const name = path.basename(uri.fsPath).replace(/\.(?:md|markdown)$/i, '') || 'spec';
  const extension = (format ?? formatSetting(uri)) === 'zip' ? '.zip' : '';
  return path.resolve(folder.uri.fsPath, directory, name + extension);
}

/** Not-ready and existing-target refusals become a modal question; the answer is the flag to retry with. */
async function confirm(result: Refused): Promise<'force' | 'overwrite' | undefined> {
  if (result.reason === 'not-ready') {
    const score = result.score !== undefined ? ` (readiness ${result.score}/100, threshold ${result.threshold})` : '';
    const choice = await vscode.window.showWarningMessage(`This spec is not ready for handoff${score}. Export anyway?`,
      { modal: true, detail: `${result.message}\n\nThe bundle will record that it was exported not ready, and its READINESS.md lists the open questions.` },
      'Export Anyway');
    return choice === 'Export Anyway' ? 'force' : undefined;
  }
  if (result.reason === 'exists') {
    const choice = await vscode.window.showWarningMessage(`A handoff bundle already exists at ${result.path ?? 'the output path'}. Replace it?`,
      { modal: true, detail: 'The new bundle is written completely before it replaces the old one.' }, 'Replace');
    return choice === 'Replace' ? 'overwrite' : undefined;
  }
  return undefined;
}

/** The user already saw these as a prompt and declined; anything else still needs saying. */
function isAnswered(result: Refused): boolean {
  return result.reason === 'not-ready' || result.reason === 'exists';
}

async function announce(result: Written): Promise<void> {
  const size = result.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(result.bytes / 1024))} KB` : `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  const notes = [
    result.exportedNotReady ? `marked not ready (${result.score}/100)` : `ready (${result.score}/100)`,
    result.refusedLinks.length > 0 ? `${result.refusedLinks.length} link(s) left out, listed in its README` : '',
  ].filter(Boolean).join('; ');
  const choice = await vscode.window.showInformationMessage(
    `SpecReady: exported ${path.basename(result.path)} (${result.files} files, ${size}); ${notes}.`, REVEAL, OPEN_README);
  if (choice === REVEAL) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.path));
  if (choice === OPEN_README) await openReadme(result);
}

/**
 * A folder bundle's README opens from disk. A zip cannot be opened in place, so its README
 * (returned by the server with the result) opens as a read-only virtual document: the same
 * text, without unpacking anything. Both open in the Markdown preview when it is available.
 */
async function openReadme(result: Written): Promise<void> {
  const uri = result.format === 'dir' ? vscode.Uri.file(path.join(result.path, 'README.md')) : readmes.add(result.path, result.readme);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  }
}
