import type { Readiness } from './convert';

/**
 * SpecReady's custom messages, shared by the server and the VS Code client (the client imports
 * this file; it has no runtime dependencies).
 */
export const READINESS_REQUEST = 'specready/readiness';
export const READINESS_CHANGED = 'specready/readinessChanged';
/** Drops every cache (settings, configuration files, analyses), re-checks, returns the readiness of `uri`. */
export const RECHECK_REQUEST = 'specready/recheck';

export interface ReadinessParams {
  uri: string;
}

export interface RecheckParams {
  uri: string | null;
}

export type { Readiness };
