import type { Readiness } from './convert';
import type { BundleFormat, ExportResult } from '../export/types';

/**
 * SpecReady's custom messages, shared by the server and the VS Code client (the client imports
 * this file; it has no runtime dependencies).
 */
export const READINESS_REQUEST = 'specready/readiness';
export const READINESS_CHANGED = 'specready/readinessChanged';
/** Drops every cache (settings, configuration files, analyses), re-checks, returns the readiness of `uri`. */
export const RECHECK_REQUEST = 'specready/recheck';

/** Writes the handoff bundle of a spec: ExportParams -> ExportResult (see server/src/export). */
export const EXPORT_REQUEST = 'specready/export';

export interface ReadinessParams {
  uri: string;
}

export interface RecheckParams {
  uri: string | null;
}

export interface ExportParams {
  uri: string;
  /** Absolute, or relative to the workspace folder; default `<folder>/handoff/<spec name>.zip`. */
  outPath?: string;
  format?: BundleFormat;
  /** Export although the spec is not ready (after the user confirmed). */
  force?: boolean;
  /** Replace an existing bundle (after the user confirmed). */
  overwrite?: boolean;
}

export type { Readiness, ExportResult };

/** Process facts about the running server, for the status command and the restart test. */
export const SERVER_INFO_REQUEST = 'specready/serverInfo';

export interface ServerInfo {
  pid: number;
  version: string;
  uptimeMs: number;
  rssBytes: number;
  openDocuments: number;
}
