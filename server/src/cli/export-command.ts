/**
 * `specready export <spec.md>`: writes the handoff bundle of one spec. Exit status 0 when the
 * bundle was written, 1 when the export was refused for a reason the user can act on (not
 * ready, a possible secret, an existing target), 2 for usage and configuration errors and for
 * anything that prevents the export itself.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { formatConfigError } from '../config/errors';
import { configLoaderFor } from '../config/load';
import { defaultOutPath, exportBundle, parseSourceDateEpoch } from '../export/index';
import { repositoryRoot } from '../export/git';
import type { Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { BUNDLE_FORMATS, type BundleFormat, type ExportResult, type ExportWritten } from '../export/types';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io';
import { didYouMean, parseOptions, UsageError } from './args';
import { secret } from '../rules/secret';

export interface ExportIo {
  cwd: string;
  /** Where the spec, its configuration and its linked files are read (default: the disk). */
  host?: Host;
  /** Defaults to the process environment (for SOURCE_DATE_EPOCH). */
  env?: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXPORT_HELP = `Usage: specready export <spec.md> [options]

Writes a handoff bundle of one spec: the spec as Markdown and standalone HTML, every local
file it links to, its acceptance criteria as CSV and JSON, its open questions, and a
manifest with checksums. Only files inside the root are bundled; links that lead outside
it are reported and left out.

Options:
  --out <path>        Where to write the bundle (default: <root>/handoff/<spec name>.zip,
                      or a folder of that name with --format dir)
  --format <name>     zip (default) or dir
  --root <dir>        Only files inside this folder are bundled (default: the git
                      repository of the spec, else the current folder)
  --config <file>     Use this configuration instead of the nearest .specready.* file
  --force             Export a spec that is not ready; the bundle records it
  --overwrite         Replace an earlier SpecReady bundle at the output path (never
                      any other file or folder; a zip output must end in .zip)
  -h, --help          Show this help

A spec with a possible secret in it (or in a linked file) is never exported.
SOURCE_DATE_EPOCH, when set, fixes the creation time: the same inputs then give a
byte-identical zip.

Exit status: 0 when the bundle was written, 1 when the export was refused (not ready,
possible secret, output exists), 2 for a usage or configuration error.
`;

interface ExportArgs {
  spec: string;
  out?: string;
  format: BundleFormat;
  root?: string;
  config?: string;
  force: boolean;
  overwrite: boolean;
}


export async function runExportCommand(args: string[], io: ExportIo): Promise<number> {
  let parsed: ExportArgs | 'help';
  let sourceDateEpoch: number | undefined;
  try {
    parsed = parse(args);
    sourceDateEpoch = parseSourceDateEpoch((io.env ?? process.env).SOURCE_DATE_EPOCH);
  } catch (error) {
    io.stderr(`specready export: ${(error as Error).message}\nRun "specready export --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  const specPath = resolve(io.cwd, parsed.spec);
  const host = io.host ?? nodeHost;
  const config = parsed.config ? await configLoaderFor(host).loadConfigFile(resolve(io.cwd, parsed.config)) : undefined;
  if (config && config.errors.length > 0) {
    for (const error of config.errors) io.stderr(`specready export: ${formatConfigError(error)}\n`);
    return EXIT_USAGE;
  }
  const root = parsed.root ? resolve(io.cwd, parsed.root) : (await repositoryRoot(dirname(specPath))) ?? io.cwd;
  const result = await exportBundle({
    specPath,
    root,
    outPath: parsed.out ? resolve(io.cwd, parsed.out) : defaultOutPath(root, specPath, parsed.format),
    format: parsed.format,
    force: parsed.force,
    overwrite: parsed.overwrite,
    config: config?.config,
    sourceDateEpoch,
    host,
  });
  return report(result, io, specPath);
}

function parse(args: string[]): ExportArgs | 'help' {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string' },
      root: { type: 'string' },
      config: { type: 'string' },
      force: { type: 'boolean' },
      overwrite: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'missing the spec to export' : `export takes one spec, not ${positionals.length}`);
  }
  const format = values.format ?? 'zip';
  if (!(BUNDLE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be zip or dir, not "${format}"${didYouMean(format, BUNDLE_FORMATS)}`);
  }
  for (const name of ['out', 'root', 'config'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a path`);
  }
  return {
    spec: positionals[0],
    out: values.out,
    format: format as BundleFormat,
    root: values.root,
    config: values.config,
    force: values.force === true,
    overwrite: values.overwrite === true,
  };
}

const HINTS: Partial<Record<string, string>> = {
  'not-ready': 'Fix the findings (specready check), or export anyway with --force.',
  exists: 'Choose another --out, or replace the earlier bundle with --overwrite.',
  'outside-root': 'Run the export from the spec\'s repository, or pass --root.',
};

function report(result: ExportResult, io: ExportIo, specPath: string): number {
  if (result.status === 'refused') {
    // Exit 1 is a refusal the user can act on; exit 2 means the export could not be done.
    const actionable = result.reason === 'not-ready' || result.reason === secret.id || result.reason === 'exists';
    io.stderr(`specready export: ${actionable ? 'refused' : 'error'}: ${result.message}\n`);
    const hint = HINTS[result.reason];
    if (hint) io.stderr(`${hint}\n`);
    return actionable ? EXIT_FINDINGS : EXIT_USAGE;
  }
  for (const link of result.refusedLinks) {
    io.stderr(`specready export: warning: ${link.from}:${link.line}: link "${link.target}" ${link.message.replace(/^Not bundled: /, 'not bundled: ')}\n`);
  }
  for (const spec of result.linkedSpecs.filter((linked) => !linked.ready)) {
    io.stderr(`specready export: warning: linked spec ${spec.path} is not ready (${spec.score}/100, needs ${spec.threshold}); it is bundled and listed in READINESS.md\n`);
  }
  io.stdout(summary(result, io.cwd, specPath));
  return EXIT_OK;
}

function summary(result: ExportWritten, cwd: string, specPath: string): string {
  const files = `${result.files} files, ${formatSize(result.bytes)}`;
  const readiness = result.ready
    ? `readiness ${result.score}/100 (threshold ${result.threshold}): ready`
    : `readiness ${result.score}/100 (threshold ${result.threshold}): NOT READY, exported anyway and marked as such`;
  return `Exported ${display(specPath, cwd)} to ${display(result.path, cwd)} (${files}); ${readiness}.\n`;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
