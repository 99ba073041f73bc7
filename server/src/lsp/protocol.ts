import type { Readiness } from './convert';

/**
 * SpecReady's custom messages, shared by the server and the VS Code client (the client imports
 * this file; it has no runtime dependencies).
 */
export const READINESS_REQUEST = 'specready/readiness';
export const READINESS_CHANGED = 'specready/readinessChanged';

export interface ReadinessParams {
  uri: string;
}

export type { Readiness };
