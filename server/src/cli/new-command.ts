/**
 * `specready new <template> <path>`: creates a spec from a built-in profile, a custom profile of
 * the configuration or a custom template in `.specready/templates/`. Never overwrites a file.
 * Exit status 0 when the file was created, 1 when it already exists, 2 for usage errors and
 * anything else that prevents writing it.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatConfigError } from '../config/errors';
import { loadConfigForFolder } from '../config/load';
import { isDirectorySync } from '../fs/sync-stat';
import { BUILTIN_PROFILES, resolveProfile, UnknownProfileError, type Profile } from '../sections/profiles';
import { findCustomTemplates, readCustomTemplate, type CustomTemplate } from '../templates/custom';
import { FORMAT_LAYOUTS, FORMAT_TEMPLATE_NAMES, isFormatTemplate, type FormatLayout } from '../templates/formats';
import {
  BUILTIN_TEMPLATE_NAMES, fillTemplate, looksLikeSpecPath, normalizeTitle, renderTemplate, slugify, specFileName,
  templateVariables, titleFromFileName,
} from '../templates/render';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import { didYouMean, parseOptions, UsageError } from './args';

export interface NewIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Every built-in template: ours, then those in a spec-driven tool's layout. */
const TEMPLATE_NAMES: readonly string[] = [...BUILTIN_TEMPLATE_NAMES, ...FORMAT_TEMPLATE_NAMES];

export const NEW_HELP = `Usage: specready new <template> <path> [options]
       specready new --list [path]

Creates a spec from a template, with the guidance for each section in HTML comments.
<template> is a built-in profile (${TEMPLATE_NAMES.join(', ')}), a custom profile
from the configuration, or a custom template: .specready/templates/<template>.md in the
target folder or a folder above it. In a custom template, {{title}}, {{slug}} and
{{date}} are replaced. The spec-kit, kiro, design (Kiro design.md), openspec and
openspec-change templates are written in the tool's own headings and layout.

<path> is the file to create (ending in .md), or a folder (an existing one, or one
ending in "/"), where the file is named after the title: <folder>/<slug>.spec.md, or
in the tool's layout: specs/<NNN-slug>/spec.md (spec-kit), .kiro/specs/<slug>/
requirements.md or design.md (kiro, design), openspec/specs/<slug>/spec.md (openspec),
openspec/changes/<slug>/proposal.md (openspec-change); the tool's folder is added
unless the folder given is that folder or a feature folder in it.
An existing file is never overwritten.

Options:
  --title <text>  The spec's title (default: from the file name; required for a folder)
  --list          List the templates available from the current folder (or [path])
  -h, --help      Show this help

Exit status: 0 when the file was created, 1 when it already exists, 2 for a usage
error (unknown template, missing title) or when the file cannot be written.
`;

interface NewArgs {
  template: string;
  path: string;
  title?: string;
}


export async function runNewCommand(args: string[], io: NewIo): Promise<number> {
  let parsed: NewArgs | { list: string } | 'help';
  try {
    parsed = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`specready new: ${error.message}\nRun "specready new --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout(NEW_HELP);
    return EXIT_OK;
  }
  if ('list' in parsed) return listTemplates(resolve(io.cwd, parsed.list), io);
  return createSpec(parsed, io);
}

function parse(args: string[]): NewArgs | { list: string } | 'help' {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return 'help';
  if (values.list) {
    if (positionals.length > 1) throw new UsageError('--list takes at most one folder');
    return { list: positionals[0] ?? '.' };
  }
  if (positionals.length !== 2) {
    throw new UsageError(positionals.length < 2 ? 'needs a template and a path, for example: specready new service specs/refunds.spec.md' : `unexpected argument "${positionals[2]}"`);
  }
  if (values.title !== undefined && normalizeTitle(values.title) === '') throw new UsageError('--title must not be empty');
  return { template: positionals[0], path: positionals[1], title: values.title };
}

interface Target {
  file: string;
  title: string;
  /** The feature folder of a tool's layout ("001-refund-api"). */
  feature?: string;
}

async function createSpec(args: NewArgs, io: NewIo): Promise<number> {
  let target: Target;
  let text: string;
  try {
    target = targetFile(args, io.cwd);
    text = await templateText(args.template, target, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`specready new: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const shown = relative(io.cwd, target.file) || target.file;
  try {
    mkdirSync(dirname(target.file), { recursive: true });
    // "wx" fails if the file exists, so a file created between a check and the write is safe too.
    writeFileSync(target.file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`specready new: ${shown} already exists; not overwriting it. Choose another path or title.\n`);
      return EXIT_FINDINGS;
    }
    io.stderr(`specready new: cannot write ${shown}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`Created ${shown} from the "${args.template}" template.\nWrite each section where its comment says, then run: specready check ${shown}\n`);
  return EXIT_OK;
}

/** The file to create and the title to put in it. */
function targetFile(args: NewArgs, cwd: string): Target {
  const path = resolve(cwd, args.path);
  const layout = isFormatTemplate(args.template) ? FORMAT_LAYOUTS[args.template] : undefined;
  if (/[\\/]$/.test(args.path) || isDirectorySync(path)) {
    const featureFolder = layout ? inFeatureFolder(path, layout) : undefined;
    if (featureFolder) return featureFolder(args.title === undefined ? titleFromFileName(basename(path).replace(/^\d{3}-/, '')) : normalizeTitle(args.title));
    if (args.title === undefined) throw new UsageError(`${args.path} is a folder: give the spec a --title to name the file after`);
    const title = normalizeTitle(args.title);
    if (layout) return inLayout(path, layout, title);
    return { file: join(path, specFileName(title)), title };
  }
  if (!/\.md$/i.test(path)) {
    throw new UsageError(`"${args.path}" is neither a Markdown file name (ending in .md, for example refunds.spec.md) nor an existing folder`);
  }
  // specs/001-refund-api/spec.md is named by its folder.
  const named = layout && basename(path).toLowerCase() === layout.fileName ? basename(dirname(path)).replace(/^\d{3}-/, '') : basename(path);
  const title = args.title ?? titleFromFileName(named);
  if (normalizeTitle(title) === '') throw new UsageError(`cannot take a title from "${basename(path)}": give one with --title`);
  return { file: path, title: normalizeTitle(title), ...(layout ? { feature: basename(dirname(path)) } : {}) };
}

/** A feature folder of the tool's layout given (design.md joins requirements.md there). */
function inFeatureFolder(folder: string, layout: FormatLayout): ((title: string) => Target) | undefined {
  const posix = toPosix(folder);
  if (!layout.isHome.test(posix.replace(/\/[^/]+$/, '')) || layout.isHome.test(posix)) return undefined;
  return (title) => ({ file: join(folder, layout.fileName), title, feature: basename(folder) });
}

function toPosix(folder: string): string {
  return folder.split(/[\\/]+/).join('/').replace(/\/$/, '');
}

/**
 * A new file in a tool's layout: in the tool's folder given (or added under the folder given),
 * in a feature folder named after the title (numbered for Spec Kit).
 */
function inLayout(folder: string, layout: FormatLayout, title: string): Target {
  const posix = toPosix(folder);
  const home = layout.isHome.test(posix) ? folder : join(folder, ...layout.home.split('/'));
  const feature = layout.numbered ? `${nextFeatureNumber(home)}-${slugify(title)}` : slugify(title);
  return { file: join(home, feature, layout.fileName), title, feature };
}

/** One past the highest "NNN-" feature folder (001 for none), as Spec Kit numbers them. */
function nextFeatureNumber(home: string): string {
  let highest = 0;
  try {
    for (const entry of readdirSync(home)) {
      const number = /^(\d{3})-/.exec(entry)?.[1];
      if (number) highest = Math.max(highest, Number(number));
    }
  } catch {
    // No such folder yet: the first feature.
  }
  return String(highest + 1).padStart(3, '0');
}

/** A custom template file wins over a profile of the same name: it is the team's own skeleton. */
async function templateText(name: string, target: Target, cwd: string): Promise<string> {
  const folder = dirname(target.file);
  const custom = findCustomTemplates(folder).find((template) => template.name === name);
  if (custom) return fillTemplate(readCustomTemplate(custom), templateVariables(target.title));
  const profile = await profileNamed(name, folder, cwd);
  return renderTemplate(profile, target.title, { markAsSpec: !looksLikeSpecPath(target.file), path: target.file, ...(target.feature ? { feature: target.feature } : {}) });
}

async function profileNamed(name: string, folder: string, cwd: string): Promise<Profile> {
  const loaded = await loadConfigForFolder(existingAncestor(folder));
  if (loaded.errors.length > 0) {
    // A broken configuration matters only when the template is one of its custom profiles.
    if (BUILTIN_PROFILES[name]) return BUILTIN_PROFILES[name];
    throw new UsageError(loaded.errors.map(formatConfigError).join('\n'));
  }
  try {
    return resolveProfile(name, loaded.config.profiles);
  } catch (error) {
    if (!(error instanceof UnknownProfileError)) throw error;
    const customs = findCustomTemplates(folder).map((template) => template.name);
    const known = [...new Set([...TEMPLATE_NAMES, ...Object.keys(loaded.config.profiles ?? {}), ...customs])];
    throw new UsageError(`unknown template "${name}"${didYouMean(name, known)} (available from ${relative(cwd, folder) || '.'}: ${known.join(', ')})`);
  }
}

async function listTemplates(folder: string, io: NewIo): Promise<number> {
  const loaded = await loadConfigForFolder(existingAncestor(folder));
  const rows: Array<[string, string]> = TEMPLATE_NAMES.map((name) => [name, `built in: ${BUILTIN_PROFILES[name].description}`]);
  for (const [name, profile] of Object.entries(loaded.config.profiles ?? {})) {
    rows.push([name, `profile from ${relative(io.cwd, loaded.file ?? '') || 'the configuration'}${profile.description ? `: ${profile.description}` : ''}`]);
  }
  for (const template of findCustomTemplates(folder)) rows.push([template.name, describeCustom(template, io.cwd)]);
  const width = Math.max(...rows.map(([name]) => name.length));
  io.stdout(rows.map(([name, description]) => `${name.padEnd(width)}  ${description}\n`).join(''));
  return EXIT_OK;
}

function describeCustom(template: CustomTemplate, cwd: string): string {
  return `custom template ${relative(cwd, template.path) || template.path}`;
}

/** The configuration of a folder that does not exist yet is the one of its nearest existing ancestor. */
function existingAncestor(folder: string): string {
  let current = folder;
  while (!isDirectorySync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}
