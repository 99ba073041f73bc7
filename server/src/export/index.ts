/**
 * `exportBundle`: the handoff bundle of one spec, shared by the CLI (`specready export`) and the
 * language server (`specready/export`). It decides and never asks: a refusal says why, and the
 * caller may ask the user and call again with `force` or `overwrite`. Nothing is written unless
 * the result is `written`.
 *
 * Order of checks: the spec must be inside the root and readable; a possible secret in the spec
 * or in any file that would be bundled refuses the export whatever the flags; then readiness
 * (`force`); then the target (`overwrite`). Only then is anything written.
 */
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version as TOOL_VERSION } from '../../../package.json';
import { ConfigError, formatConfigError } from '../config/errors';
import { configLoaderFor, type ConfigLoader } from '../config/load';
import type { SpecReadyConfig } from '../config/types';
import { analyzeSpec, type AnalysisResult } from '../engine/analyze';
import { isSpecDocument, specGlobs } from '../fs/discover';
import { findProjectRoot } from '../fs/project-root';
import type { Host } from '../host/host';
import { nodeHost } from '../host/node-host';
import { analyzeDocument } from '../pipeline/analyze-document';
import { secret } from '../rules/secret';
import type { Finding } from '../rules/types';
import { decodeText } from './assets';
import { collectAssets, isInside, type Collection } from './collect';
import { gitInfo } from './git';
import { planBundle, README } from './plan';
import { checkTarget, TargetExistsError, writeFolderAtomically, writeZipAtomically } from './write';
import { buildZip } from './zip';
import type { BundleEntry, BundleFormat, ExportOptions, ExportRefused, ExportResult, LinkedSpec } from './types';

export type { BundleFormat, ExportOptions, ExportResult, LinkedSpec, RefusedLink } from './types';

export async function exportBundle(options: ExportOptions): Promise<ExportResult> {
  const root = resolve(options.root);
  const specPath = resolve(options.specPath);
  const host = options.host ?? nodeHost;
  const loader = configLoaderFor(host);
  const located = await locate(root, specPath, host);
  if ('status' in located) return located;
  const source = await specText(specPath, options.text, host);
  if ('status' in source) return source;
  const config = await configFor(specPath, options.config, loader);
  if ('status' in config) return config;
  const epoch = creationTime(options.sourceDateEpoch);
  if ('status' in epoch) return epoch;

  const configFile = options.config ? undefined : (await loader.loadConfigFor(specPath)).file;
  const projectRoot = (await findProjectRoot(dirname(specPath), { configFile, fallback: root, host })).folder;
  const analysis = await analyse(specPath, source.text, config.config, projectRoot, host);
  if ('status' in analysis) return analysis;
  const collection = await collectAssets({
    specPath, specRealPath: located.specRealPath, specModel: analysis.model, root, realRoot: located.realRoot, projectRoot, host,
  });
  const refusal = secretRefusal(analysis, collection, config.config) ?? readinessRefusal(analysis, options.force);
  if (refusal) return refusal;

  const outPath = resolve(options.outPath ?? defaultOutPath(root, specPath, options.format));
  const sources = [located.specRealPath, ...collection.assets.map((asset) => join(located.realRoot, ...asset.rootPath.split('/')))];
  const targetProblem = await targetRefusal(outPath, sources, options, host);
  if (targetProblem) return targetProblem;

  const linkedSpecs = await linkedSpecReadiness(collection, root, projectRoot, options.config, config.config, host);
  const git = await gitInfo(located.specRealPath, sources);
  const entries = planBundle({
    analysis,
    collection,
    specFileName: basename(specPath),
    toolVersion: TOOL_VERSION,
    createdAt: epoch.time.toISOString().replace(/\.000Z$/, 'Z'),
    git: git && { commit: git.commit, dirty: git.dirty || source.unsaved },
    linkedSpecs,
  });
  return write(outPath, entries, epoch.time, options, analysis, collection, linkedSpecs);
}

/**
 * The linked Markdown files that are specs themselves (by the same front matter and globs as
 * `specready check`), each analysed with its own configuration (or the one given, as the editor
 * passes its settings), so that the bundle can list their readiness.
 */
async function linkedSpecReadiness(collection: Collection, root: string, projectRoot: string,
  given: SpecReadyConfig | undefined, fallback: SpecReadyConfig, host: Host): Promise<LinkedSpec[]> {
  const linked: LinkedSpec[] = [];
  for (const asset of collection.assets) {
    if (!asset.document) continue;
    const file = join(root, ...asset.rootPath.split('/'));
    const loaded = given ? undefined : await configLoaderFor(host).loadConfigFor(file);
    const config = given ?? (loaded && loaded.errors.length === 0 ? loaded.config : fallback);
    const path = relative(projectRoot, file);
    if (!isSpecDocument(path.startsWith('..') ? file : path, asset.document.model.text, specGlobs(config))) continue;
    const analysis = await analyse(file, asset.document.model.text, config, projectRoot, host);
    if ('status' in analysis) continue;
    linked.push({
      path: asset.rootPath,
      bundlePath: asset.bundlePath,
      profile: analysis.profile,
      score: analysis.score,
      threshold: analysis.threshold,
      ready: analysis.ready,
    });
  }
  return linked;
}

/** `<root>/handoff/<spec name without .md>.zip`, or a folder of that name. */
export function defaultOutPath(root: string, specPath: string, format: BundleFormat): string {
  const name = basename(specPath).replace(/\.(?:md|markdown)$/i, '') || 'spec';
  return join(resolve(root), 'handoff', format === 'zip' ? `${name}.zip` : name);
}

/** SOURCE_DATE_EPOCH as reproducible builds define it: whole seconds since 1970, UTC. */
export function parseSourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${value}"`);
  return Number(value.trim());
}

function refused(reason: ExportRefused['reason'], message: string, extra: Partial<ExportRefused> = {}): ExportRefused {
  return { status: 'refused', reason, message, ...extra };
}

async function locate(root: string, specPath: string, host: Host): Promise<{ realRoot: string; specRealPath: string } | ExportRefused> {
  let realRoot: string;
  let specRealPath: string;
  try {
    realRoot = await host.realPath(root);
  } catch {
    return refused('unreadable', `The root folder ${root} does not exist or cannot be read.`);
  }
  if (!isInside(root, specPath) && !isInside(realRoot, specPath)) {
    return refused('outside-root', `${specPath} is outside the root folder ${root}; only specs inside it can be exported.`);
  }
  try {
    specRealPath = await host.realPath(specPath);
  } catch {
    return refused('unreadable', `${specPath} does not exist or cannot be read.`);
  }
  if (!isInside(realRoot, specRealPath)) {
    return refused('outside-root', `${specPath} is a symbolic link to a file outside the root folder ${root}; it is not exported.`);
  }
  return { realRoot, specRealPath };
}

async function specText(specPath: string, text: string | undefined, host: Host): Promise<{ text: string; unsaved: boolean } | ExportRefused> {
  let onDisk: string | undefined;
  try {
    onDisk = decodeText(await host.readFile(specPath));
  } catch {
    onDisk = undefined;
  }
  if (text !== undefined) return { text, unsaved: text !== onDisk };
  if (onDisk === undefined) return refused('unreadable', `${specPath} cannot be read as UTF-8 text.`);
  return { text: onDisk, unsaved: false };
}

async function configFor(specPath: string, given: SpecReadyConfig | undefined, loader: ConfigLoader): Promise<{ config: SpecReadyConfig } | ExportRefused> {
  if (given) return { config: given };
  const loaded = await loader.loadConfigFor(specPath);
  if (loaded.errors.length === 0) return { config: loaded.config };
  return refused('config', `The configuration has errors, so the readiness of the spec is unknown: ${loaded.errors.map(formatConfigError).join('; ')}`);
}

function creationTime(given: number | undefined): { time: Date } | ExportRefused {
  try {
    const seconds = given ?? parseSourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 0)) {
      throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not ${seconds}`);
    }
    // Without SOURCE_DATE_EPOCH: now, to the second (zip and ISO times agree).
    return { time: new Date(seconds !== undefined ? seconds * 1000 : Math.floor(Date.now() / 1000) * 1000) };
  } catch (error) {
    return refused('config', `${(error as Error).message}.`);
  }
}

async function analyse(specPath: string, text: string, config: SpecReadyConfig, projectRoot: string, host: Host): Promise<AnalysisResult | ExportRefused> {
  const uri = pathToFileURL(specPath).href;
  try {
    const result = await analyzeDocument(text, uri, { host, config, projectRoot });
    if (result.ruleFailures.some((failure) => failure.rule === secret.id)) {
      return refused('analysis-failed', 'The check for secrets failed on this spec, so it cannot be exported safely. Please report this as a SpecReady bug.');
    }
    return result;
  } catch (error) {
    if (error instanceof ConfigError) return refused('config', `The configuration has errors: ${formatConfigError(error)}`);
    throw error;
  }
}

/**
 * A possible credential anywhere in the bundle refuses the export, with no flag to override
 * it: the spec is about to leave the team. Bundled text files are checked with the same rule
 * (and the same configuration and suppression comments) as the spec.
 */
function secretRefusal(analysis: AnalysisResult, collection: Collection, config: SpecReadyConfig): ExportRefused | undefined {
  if (config.rules?.[secret.id] === 'off') return undefined;
  const found: Array<{ file: string; finding: Finding }> = analysis.findings
    .filter((finding) => finding.rule === secret.id)
    .map((finding) => ({ file: collection.spec.rootPath, finding }));
  for (const asset of collection.assets) {
    const text = decodeText(asset.bytes);
    if (text === undefined) continue;
    const result = analyzeSpec(text, { uri: asset.rootPath, config, rules: [secret] });
    found.push(...result.findings.map((finding) => ({ file: asset.rootPath, finding })));
  }
  if (found.length === 0) return undefined;
  const places = found.slice(0, 5).map(({ file, finding }) => `${file}:${finding.range.start.line + 1} (${finding.message.replace(/:.*$/, '')})`);
  const more = found.length > places.length ? ` and ${found.length - places.length} more` : '';
  return refused(secret.id, `Nothing was exported: ${found.length === 1 ? 'a possible secret was' : `${found.length} possible secrets were`} found at ${places.join(', ')}${more}. `
    + 'Remove credentials from the spec and its linked files and share them through a secret manager; a bundle leaves the team.');
}

function readinessRefusal(analysis: AnalysisResult, force: boolean): ExportRefused | undefined {
  if (analysis.ready || force) return undefined;
  const errors = analysis.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = analysis.findings.filter((finding) => finding.severity === 'warning').length;
  const first = analysis.blockers[0];
  const why = first ? `${first.message.replace(/[.:]$/, '')}${analysis.blockers.length > 1 ? ` (and ${analysis.blockers.length - 1} more blockers)` : ''}; score ${analysis.score}`
    : `its score ${analysis.score} is below the threshold ${analysis.threshold}`;
  return refused('not-ready', `The spec is not ready for handoff: ${why} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}). Export it anyway to bundle it marked as not ready.`, {
    score: analysis.score,
    threshold: analysis.threshold,
    blockers: errors + warnings,
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function targetRefusal(outPath: string, sources: readonly string[], options: ExportOptions, host: Host): Promise<ExportRefused | undefined> {
  const realOut = await host.realPath(outPath).catch(() => outPath);
  if (sources.some((source) => source === realOut || isInside(realOut, source))) {
    return refused('invalid-output', `${outPath} would replace or contain a file of the spec; choose another output path.`, { path: outPath });
  }
  const problem = await checkTarget(outPath, options.format, options.overwrite);
  return problem ? refused(problem.reason, problem.message, { path: outPath }) : undefined;
}

async function write(outPath: string, entries: BundleEntry[], time: Date, options: ExportOptions,
  analysis: AnalysisResult, collection: Collection, linkedSpecs: LinkedSpec[]): Promise<ExportResult> {
  let bytes: number;
  try {
    bytes = options.format === 'zip'
      ? await writeZipAtomically(outPath, buildZip(entries, time), options.overwrite)
      : await writeFolderAtomically(outPath, entries, time, options.overwrite);
  } catch (error) {
    if (error instanceof TargetExistsError) return refused('exists', `${outPath} already exists.`, { path: outPath });
    return refused('invalid-output', `The bundle could not be written to ${outPath}: ${(error as Error).message}`, { path: outPath });
  }
  const readme = entries.find((entry) => entry.path === README);
  return {
    status: 'written',
    path: outPath,
    format: options.format,
    files: entries.length,
    bytes,
    ready: analysis.ready,
    score: analysis.score,
    threshold: analysis.threshold,
    exportedNotReady: !analysis.ready,
    refusedLinks: collection.refusedLinks,
    linkedSpecs,
    readme: readme ? new TextDecoder().decode(readme.bytes) : '',
  };
}
