import type { RuleLevel } from '../rules/types';
import { FORMAT_SPEC_GLOBS, NON_SPEC_GLOBS } from '../sections/formats';
import type { CustomProfile } from '../sections/profiles';

export type { CustomProfile };

/** A vocabulary addition: a term to flag as vague, with the rewrite hint shown to the author. */
export interface VocabularyTerm {
  term: string;
  category?: string;
  hint?: string;
}

/**
 * The user-facing configuration, as written in `.specready.json` / `.specready.yaml` or in the
 * editor settings. Every field is optional; `resolveConfig` fills in defaults.
 */
export interface SpecReadyConfig {
  /** JSON Schema reference for editor completion; ignored by SpecReady. */
  $schema?: string;
  include?: string[];
  exclude?: string[];
  profile?: string;
  profiles?: Record<string, CustomProfile>;
  rules?: Record<string, RuleLevel>;
  vocabulary?: {
    add?: Array<string | VocabularyTerm>;
    remove?: string[];
  };
  /** Extra heading aliases per canonical section id. */
  aliases?: Record<string, string[]>;
  idPattern?: string;
  threshold?: number;
  /** Specs above this size (KiB) get one notice instead of an analysis. */
  maxFileSizeKB?: number;
  /** Project vocabulary file (terms that need no definition), relative to the configuration file. */
  terms?: string;
  /**
   * The project vocabulary, read by the configuration loader from `terms` or the nearest
   * `.specready/terms.txt`; not written by users.
   */
  projectTerms?: { file: string; terms: string[] };
}

/** Where the project vocabulary is looked for when `terms` is not set. */
export const DEFAULT_TERMS_FILE = '.specready/terms.txt';

export const DEFAULT_INCLUDE = ['**/*.spec.md', '**/specs/**/*.md', '**/*.handoff.md', ...FORMAT_SPEC_GLOBS];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', ...NON_SPEC_GLOBS];
export const DEFAULT_ID_PATTERN = '[A-Z][A-Z0-9]*-\\d+';
export const DEFAULT_THRESHOLD = 80;
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

/**
 * The notice for a spec above the size limit, the same in the editor and on the command line;
 * `how` says where the limit is set.
 */
export function fileTooLargeMessage(bytes: number, maxFileSizeKB: number, how: string): string {
  const size = (kib: number) => (kib >= 1024 ? `${(kib / 1024).toFixed(1)} MiB` : `${Math.ceil(kib)} KiB`);
  return `SpecReady skipped this file: ${size(bytes / 1024)} is above the limit of ${size(maxFileSizeKB)} (${how}).`;
}
