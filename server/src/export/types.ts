/**
 * Types of the handoff bundle export, shared by the export modules, the CLI, the language server
 * and (type-only, through lsp/protocol.ts) the VS Code client.
 */
import type { SpecReadyConfig } from '../config/types';
import type { Host } from '../host/host';

export type BundleFormat = 'zip' | 'dir';

export const BUNDLE_FORMATS: readonly BundleFormat[] = ['zip', 'dir'];

/** One file of the bundle: a forward-slash path inside the bundle and its exact bytes. */
export interface BundleEntry {
  path: string;
  bytes: Uint8Array;
}

export interface ExportOptions {
  /** The spec file (absolute, or relative to the process's working directory). */
  specPath: string;
  /** Only files inside this folder are read; the spec itself must be inside it too. */
  root: string;
  /** Where the bundle goes; default `<root>/handoff/<spec name>.zip` (or a folder for `dir`). */
  outPath?: string;
  format: BundleFormat;
  /** Export a spec that is not ready (the bundle records it). Never overrides a secret. */
  force: boolean;
  /** Replace an existing bundle at `outPath`. */
  overwrite: boolean;
  /** Configuration to analyse with; default: the `.specready.*` file that applies to the spec. */
  config?: SpecReadyConfig;
  /** The spec's text when it is not the file's content (an unsaved editor buffer). */
  text?: string;
  /**
   * Creation time in seconds since the epoch, stamped on the manifest and every zip entry.
   * Default: the SOURCE_DATE_EPOCH environment variable, else the current time.
   */
  sourceDateEpoch?: number;
  /** Where the spec, its configuration and its linked files are read (default: the disk). */
  host?: Host;
}

/** Why a link of the spec (or of a bundled Markdown file) was not bundled. */
export type LinkRefusal =
  | 'outside-root'
  | 'absolute-path'
  | 'unsafe-path'
  | 'missing'
  | 'not-a-file'
  | 'too-large'
  | 'unreadable';

export interface RefusedLink {
  /** The file that holds the link, relative to the root with forward slashes. */
  from: string;
  /** 1-based line of the link in that file. */
  line: number;
  /** The link destination as written. */
  target: string;
  reason: LinkRefusal;
  message: string;
}

/** A linked Markdown file that is a spec itself, checked on its own: the bundle says how ready it is. */
export interface LinkedSpec {
  /** Path relative to the root, forward slashes. */
  path: string;
  /** Where the copy is in the bundle. */
  bundlePath: string;
  profile: string;
  score: number;
  threshold: number;
  ready: boolean;
}

/**
 * Why an export was refused. A refusal because of a rule's findings (a possible credential)
 * carries that rule's id.
 */
export type RefusalReason =
  | RuleRefusalReason
  | 'not-ready'
  | 'exists'
  | 'outside-root'
  | 'unreadable'
  | 'config'
  | 'analysis-failed'
  | 'invalid-output';

/** The id of the rule whose findings refused the export. */
export type RuleRefusalReason = string & Record<never, never>;

export interface ExportWritten {
  status: 'written';
  /** Absolute path of the zip file or folder. */
  path: string;
  format: BundleFormat;
  /** Number of files in the bundle. */
  files: number;
  /** Total size: of the zip file, or of all files in the folder. */
  bytes: number;
  ready: boolean;
  score: number;
  threshold: number;
  /** True when the spec was not ready and `force` exported it anyway. */
  exportedNotReady: boolean;
  refusedLinks: RefusedLink[];
  /** Linked specs bundled with the spec, with their readiness (the ones not ready are listed in READINESS.md too). */
  linkedSpecs: LinkedSpec[];
  /** The bundle's README.md, so that an editor can show it without unpacking a zip. */
  readme: string;
}

export interface ExportRefused {
  status: 'refused';
  reason: RefusalReason;
  /** One or more sentences for a person: what was refused, why, and what to do. */
  message: string;
  /** The output path, for `exists` and `invalid-output`. */
  path?: string;
  /** Readiness, for `not-ready` (so that a prompt can show it). */
  score?: number;
  threshold?: number;
  /** Findings that block readiness (errors and warnings), for `not-ready`. */
  blockers?: number;
}

/** Nothing is written unless the status is `written`. */
export type ExportResult = ExportWritten | ExportRefused;
