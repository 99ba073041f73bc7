/**
 * The bundle as a list of entries {path, bytes}, built from the analysis and the collected
 * files without any I/O. The order is fixed: the same inputs give the same entries.
 */
import type { AnalysisResult } from '../engine/analyze';
import { parseSpec } from '../model/parse';
import type { Link } from '../model/types';
import { SPEC_HTML, SPEC_MD } from './assets';
import { specTitle } from '../model/title';
import type { CollectedDocument, Collection } from './collect';
import { criteriaCsv, criteriaJson, criterionRows } from './criteria';
import { renderSpecHtml } from './html';
import { bundleHref, rewriteLinks } from './links';
import { buildManifest, type GitInfo } from './manifest';
import { readinessJson, readinessMarkdown, readinessReport } from './readiness';
import { readmeMarkdown } from './readme';
import type { BundleEntry, LinkedSpec } from './types';

export const README = 'README.md';
export const READINESS_MD = 'READINESS.md';
export const READINESS_JSON = 'readiness.json';
export const CRITERIA_CSV = 'acceptance-criteria.csv';
export const CRITERIA_JSON = 'acceptance-criteria.json';

export interface PlanInput {
  /** Analysis of the spec's text as exported. */
  analysis: AnalysisResult;
  collection: Collection;
  /** File name of the spec, the title of last resort. */
  specFileName: string;
  toolVersion: string;
  /** ISO 8601 creation time. */
  createdAt: string;
  git: GitInfo | null;
  /** Linked specs among the collected files, each with its own readiness. */
  linkedSpecs: readonly LinkedSpec[];
}

export function planBundle(input: PlanInput): BundleEntry[] {
  const { analysis, collection } = input;
  const encoder = new TextEncoder();
  const specMarkdown = rewriteDocument(collection.spec);
  const assets = collection.assets.map((asset) => ({
    path: asset.bundlePath,
    bytes: asset.document ? rewrittenBytes(asset.document, asset.bytes) : asset.bytes,
  }));
  const title = specTitle(analysis.model, input.specFileName);
  const report = readinessReport(analysis, title, input.linkedSpecs);
  const rows = criterionRows(analysis.model, analysis.idPattern);
  const html = renderSpecHtml({
    markdown: specMarkdown,
    model: parseSpec(specMarkdown, SPEC_MD),
    title,
    subtitle: subtitle(input, title),
    path: SPEC_MD,
    files: new Map(assets.map((asset) => [asset.path, asset.bytes])),
  });
  const readme = readmeMarkdown({
    title,
    toolVersion: input.toolVersion,
    createdAt: input.createdAt,
    sourcePath: collection.spec.rootPath,
    git: input.git,
    score: analysis.score,
    threshold: analysis.threshold,
    ready: analysis.ready,
    questions: report.questions.length,
    blocking: report.questions.filter((question) => question.severity === 'error').length,
    criteria: rows.length,
    assets: assets.length,
    refusedLinks: collection.refusedLinks,
  });
  const entries: BundleEntry[] = [
    { path: README, bytes: encoder.encode(readme) },
    { path: READINESS_MD, bytes: encoder.encode(readinessMarkdown(report)) },
    { path: READINESS_JSON, bytes: encoder.encode(readinessJson(report)) },
    { path: CRITERIA_CSV, bytes: encoder.encode(criteriaCsv(rows)) },
    { path: CRITERIA_JSON, bytes: encoder.encode(criteriaJson(rows)) },
    { path: SPEC_MD, bytes: encoder.encode(specMarkdown) },
    { path: SPEC_HTML, bytes: encoder.encode(html) },
    ...assets,
  ];
  const manifest = buildManifest(entries, {
    toolVersion: input.toolVersion,
    createdAt: input.createdAt,
    sourcePath: collection.spec.rootPath,
    git: input.git,
    profile: analysis.profile,
    score: analysis.score,
    threshold: analysis.threshold,
    ready: analysis.ready,
    exportedNotReady: !analysis.ready,
    refusedLinks: collection.refusedLinks,
    linkedSpecs: input.linkedSpecs,
  });
  return [...entries, manifest];
}

/** The document's text with every bundled link pointing at the bundled copy. */
export function rewriteDocument(document: CollectedDocument): string {
  const byLink = new Map<Link, (typeof document.links)[number]>(document.links.map((resolved) => [resolved.link, resolved]));
  return rewriteLinks(document.model, (link) => {
    const resolved = byLink.get(link);
    return resolved ? bundleHref(document.bundlePath, resolved.bundlePath, resolved.suffix) : undefined;
  });
}

/** Unchanged Markdown keeps its exact bytes (a byte order mark, say). */
function rewrittenBytes(document: CollectedDocument, original: Uint8Array): Uint8Array {
  const text = rewriteDocument(document);
  return text === document.model.text ? original : new TextEncoder().encode(text);
}

function subtitle(input: PlanInput, title: string): string {
  const { analysis } = input;
  const readiness = `readiness ${analysis.score}/100 (${analysis.ready ? 'ready' : 'not ready, exported anyway'})`;
  return `Handoff bundle of "${title}" from ${input.collection.spec.rootPath}, exported by SpecReady ${input.toolVersion} on ${input.createdAt} · ${readiness}`;
}
