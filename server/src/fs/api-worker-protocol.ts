/** Messages between the language server and the worker thread that validates linked API files. */
import type { ApiDescription, ApiFormat } from '../model/api-description';

/** What a file's examples are validated against: the parsed document and its format. */
export interface ExampleSource {
  root: Record<string, unknown>;
  format: ApiFormat;
  /** The linked file's URL, its key in ajv (the base its `$ref`s are resolved against). */
  url?: string;
  /** The parsed files the root's `$ref`s lead to, by file URL, with their `$ref`s made absolute. */
  documents?: Record<string, unknown>;
}

/**
 * The local files a description's `$ref`s name, by absolute path: their text, or null for a
 * file that does not exist or cannot be read. The caller reads them (through its host); the
 * validator reads nothing itself.
 */
export type ReferencedFiles = Readonly<Record<string, string | null>>;

/**
 * A description without its example validator (a function, which cannot cross threads) and
 * what to build that validator from.
 */
export interface PlainApiDescription {
  description: Omit<ApiDescription, 'key' | 'validate'>;
  examples?: ExampleSource;
}

/** The `workerData` that makes api-validator.js serve requests when loaded in a worker thread. */
export const API_WORKER_MARK = 'specready-api-validator';

export interface ApiWorkerRequest {
  id: number;
  text: string;
  /** Absolute path of the file, for its format and for resolving external `$ref`s. */
  path: string;
  named: boolean;
  files?: ReferencedFiles;
}

export type ApiWorkerReply =
  | { id: number; described: PlainApiDescription | undefined; error?: undefined }
  | { id: number; error: string; described?: undefined };
