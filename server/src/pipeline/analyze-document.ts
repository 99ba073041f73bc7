/**
 * The analysis of one document as every front end runs it (CLI, language server, export, MCP
 * tools): parse with the configuration's heading aliases, gather the facts about linked files
 * through the host, then run the pure engine on the model already parsed. The caller loads the
 * configuration and decides what a configuration error means for it.
 */
import { fileURLToPath } from 'node:url';
import type { SpecReadyConfig } from '../config/types';
import { analyzeSpec, parseForConfig, type AnalysisResult } from '../engine/analyze';
import { gatherApiFiles, type ApiFileCache } from '../fs/api-files';
import type { ApiTextValidator } from '../fs/api-worker';
import { gatherLinkTargets, type LinkTargetCache } from '../fs/link-targets';
import type { Host } from '../host/host';
import { localLinkPaths } from '../model/link-targets';
import type { SpecModel } from '../model/types';
import type { LinkTargetInfo, RuleContext } from '../rules/types';

export interface DocumentContext {
  host: Host;
  config?: SpecReadyConfig;
  /** Where root-relative links (`/docs/a.md`) are anchored; without it they are left unchecked. */
  projectRoot?: string;
  /** Today's date (`YYYY-MM-DD`) for rules that compare dates. */
  today?: string;
  /** Anchors of linked files already read (default: the host's own cache). */
  linkTargetCache?: LinkTargetCache;
  /** Linked API description files already parsed (default: one cache per process). */
  apiFileCache?: ApiFileCache;
  /** Where linked API files are validated (default: in this thread). */
  apiFileValidator?: ApiTextValidator;
  /**
   * With this, linked API files still being validated are not waited for (see
   * GatherApiOptions.onPending): the language server answers first and checks again when ready.
   */
  onApiFilePending?: (absolutePath: string, ready: Promise<unknown>) => void;
  /**
   * Called when the linked files cannot be looked at; the document is then analysed with its
   * links unchecked. Without it the error is thrown.
   */
  onLinkError?: (error: Error) => void;
}

/**
 * Analyses `text` as the document at `uri`. Only `file:` documents have their links checked:
 * an untitled buffer has no folder to resolve them against. Throws ConfigError for a broken
 * configuration, like the engine.
 */
export async function analyzeDocument(text: string, uri: string, context: DocumentContext): Promise<AnalysisResult> {
  const model = parseForConfig(text, uri, context.config);
  const linkTargets = await linkTargetsOf(model, uri, context);
  const apiFiles = await apiFilesOf(model, uri, context);
  return analyzeSpec(text, { uri, config: context.config, linkTargets, apiFiles, model, today: context.today });
}

/** Linked OpenAPI, AsyncAPI and JSON Schema files, read through the host and parsed once per version. */
async function apiFilesOf(model: SpecModel, uri: string, context: DocumentContext): Promise<RuleContext['apiFiles']> {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return await gatherApiFiles(model, fileURLToPath(uri), {
      host: context.host, projectRoot: context.projectRoot, cache: context.apiFileCache, validator: context.apiFileValidator, onPending: context.onApiFilePending,
    });
  } catch (error) {
    if (!context.onLinkError) throw error;
    context.onLinkError(error as Error);
    return undefined;
  }
}

async function linkTargetsOf(model: SpecModel, uri: string, context: DocumentContext): Promise<ReadonlyMap<string, LinkTargetInfo> | undefined> {
  if (!uri.startsWith('file:')) return undefined;
  if (localLinkPaths(model).length === 0) return new Map();
  try {
    return await gatherLinkTargets(model, fileURLToPath(uri), context.projectRoot, context.host, context.linkTargetCache);
  } catch (error) {
    if (!context.onLinkError) throw error;
    context.onLinkError(error as Error);
    return undefined;
  }
}
