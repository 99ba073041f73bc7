import * as vscode from 'vscode';
import { exists } from './files';
import { BUILTIN_PROFILES } from '../../server/src/sections/profiles';
import {
  BUILTIN_TEMPLATE_NAMES, customTemplateName, fillTemplate, firstSectionCursor, normalizeTitle, renderTemplate,
  specFileName, templateSections, templateVariables,
} from '../../server/src/templates/render';
import { sectionDefinition } from '../../server/src/sections/catalog';

/** Arguments after the folder, for scripts and the integration tests: given ones skip their prompt. */
export interface NewSpecOptions {
  /** A built-in profile, the name of a custom template, or a custom template's URI. */
  template?: string;
  title?: string;
}

type Template = { kind: 'builtin'; name: string } | { kind: 'custom'; name: string; uri: vscode.Uri };

interface TemplateItem extends vscode.QuickPickItem {
  template?: Template;
}

const CUSTOM_TEMPLATES = '**/.specready/templates/*.md';

/**
 * `SpecReady: New Spec…` (palette, explorer folders, File > New File…): pick a built-in profile
 * or a custom template, enter a title, and get `<folder>/<slug>.spec.md` opened with the cursor
 * in its first section. Never overwrites a file. Returns the new file's URI, undefined when
 * cancelled or refused. Template text comes from server/src/templates, shared with the CLI.
 */
export function registerNewSpecCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('specready.newSpec', (resource?: unknown, options?: unknown) =>
      newSpec(resource instanceof vscode.Uri ? resource : undefined, isOptions(options) ? options : {})),
  );
}

/** The explorer passes the selected URIs as the second argument; only a plain object is options. */
function isOptions(value: unknown): value is NewSpecOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);
}

async function newSpec(resource: vscode.Uri | undefined, options: NewSpecOptions): Promise<vscode.Uri | undefined> {
  const folder = await targetFolder(resource);
  if (!folder) return undefined;
  const template = options.template !== undefined ? await namedTemplate(options.template) : await pickTemplate(folder);
  if (!template) return undefined;
  const title = options.title !== undefined ? normalizeTitle(options.title) : await askTitle(folder);
  if (!title) return undefined;
  const uri = vscode.Uri.joinPath(folder, specFileName(title));
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`SpecReady: ${vscode.workspace.asRelativePath(uri)} already exists; choose another title.`);
    return undefined;
  }
  const text = await templateText(template, title);
  if (!(await createFile(uri, text))) {
    void vscode.window.showErrorMessage(`SpecReady: could not create ${vscode.workspace.asRelativePath(uri)}.`);
    return undefined;
  }
  await openAtFirstSection(uri, text);
  return uri;
}

/**
 * The folder clicked in the explorer (or the folder of a clicked file); from the palette, the
 * folder of the active file when it is in the workspace, since that is where its specs live;
 * else the workspace folder, asking when there are several, or a folder dialog with none.
 */
async function targetFolder(resource: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (resource) return (await isDirectory(resource)) ? resource : vscode.Uri.joinPath(resource, '..');
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new spec' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Spec Here' });
  return picked?.[0];
}

async function pickTemplate(folder: vscode.Uri): Promise<Template | undefined> {
  const items: TemplateItem[] = BUILTIN_TEMPLATE_NAMES.map((name) => ({
    label: name,
    description: BUILTIN_PROFILES[name].description,
    detail: templateSections(BUILTIN_PROFILES[name]).map((id) => sectionDefinition(id)?.title ?? id).join(' · '),
    template: { kind: 'builtin', name },
  }));
  const custom = await customTemplates();
  if (custom.length > 0) {
    items.push({ label: 'Custom templates', kind: vscode.QuickPickItemKind.Separator });
    for (const template of custom) {
      items.push({ label: template.name, description: vscode.workspace.asRelativePath(template.uri), template });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `New spec in ${vscode.workspace.asRelativePath(folder)}`,
    placeHolder: 'Pick a profile or template',
    matchOnDescription: true,
  });
  return picked?.template;
}

async function customTemplates(): Promise<Array<Extract<Template, { kind: 'custom' }>>> {
  const uris = await vscode.workspace.findFiles(CUSTOM_TEMPLATES, '**/node_modules/**');
  return uris
    .map((uri) => ({ kind: 'custom' as const, name: customTemplateName(uri.path), uri }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.uri.path.localeCompare(b.uri.path));
}

/** A template named by a caller: a built-in profile, a custom template's name, or its URI. */
async function namedTemplate(name: string): Promise<Template | undefined> {
  if ((BUILTIN_TEMPLATE_NAMES as readonly string[]).includes(name)) return { kind: 'builtin', name };
  const custom = (await customTemplates()).find((template) => template.name === name);
  if (custom) return custom;
  if (/\.md$/i.test(name)) {
    const uri = /^[a-z][\w+.-]+:/i.test(name) && !/^[a-z]:[\\/]/i.test(name) ? vscode.Uri.parse(name) : vscode.Uri.file(name);
    return { kind: 'custom', name: customTemplateName(uri.path), uri };
  }
  void vscode.window.showErrorMessage(`SpecReady: no template named "${name}" (built in: ${BUILTIN_TEMPLATE_NAMES.join(', ')}).`);
  return undefined;
}

async function askTitle(folder: vscode.Uri): Promise<string | undefined> {
  const title = await vscode.window.showInputBox({
    title: 'New spec',
    prompt: 'Title of the spec; the file is named after it',
    placeHolder: 'Partial refunds for card payments',
    validateInput: async (value) => {
      if (!normalizeTitle(value)) return 'Enter a title.';
      const uri = vscode.Uri.joinPath(folder, specFileName(value));
      return (await exists(uri)) ? `${vscode.workspace.asRelativePath(uri)} already exists.` : undefined;
    },
  });
  return title === undefined ? undefined : normalizeTitle(title) || undefined;
}

async function templateText(template: Template, title: string): Promise<string> {
  if (template.kind === 'builtin') return renderTemplate(template.name, title);
  const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(template.uri));
  return fillTemplate(raw, templateVariables(title));
}

/**
 * Created through a workspace edit that refuses to overwrite, so a file that appeared since the
 * check above is still safe; the edit also makes the creation undoable.
 */
async function createFile(uri: vscode.Uri, text: string): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  return vscode.workspace.applyEdit(edit);
}

async function openAtFirstSection(uri: vscode.Uri, text: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const cursor = firstSectionCursor(text);
  const position = new vscode.Position(cursor.line, cursor.character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
