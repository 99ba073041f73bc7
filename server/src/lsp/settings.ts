import type { SpecReadyConfig } from '../config/types';
import type { RuleLevel } from '../rules/types';

/** The `specready.*` settings as VS Code (or any LSP client) sends them; every field optional. */
export interface ClientSettings {
  enable?: boolean;
  profile?: string | null;
  threshold?: number | null;
  rules?: Record<string, RuleLevel> | null;
  vocabulary?: { add?: string[]; remove?: string[] } | null;
  idPattern?: string | null;
  files?: { include?: string[] | null; exclude?: string[] | null } | null;
  /** Documents above this size (KiB) get one informational diagnostic and no analysis. */
  maxFileSizeKB?: number | null;
}

export { DEFAULT_MAX_FILE_SIZE_KB } from '../config/types';

/**
 * Editor settings and the project's `.specready.*` file together. The file is the project's
 * shared truth, so it wins where both set a value; rule levels merge per rule, vocabulary lists
 * are concatenated.
 */
export function mergeConfig(settings: ClientSettings | null | undefined, file: SpecReadyConfig): SpecReadyConfig {
  const fromSettings: SpecReadyConfig = {};
  if (settings?.profile) fromSettings.profile = settings.profile;
  if (typeof settings?.threshold === 'number') fromSettings.threshold = settings.threshold;
  if (settings?.idPattern) fromSettings.idPattern = settings.idPattern;
  if (settings?.files?.include?.length) fromSettings.include = settings.files.include;
  if (settings?.files?.exclude?.length) fromSettings.exclude = settings.files.exclude;
  const merged: SpecReadyConfig = { ...fromSettings, ...file };
  const rules = { ...(settings?.rules ?? {}), ...(file.rules ?? {}) };
  if (Object.keys(rules).length > 0) merged.rules = rules;
  const add = [...(settings?.vocabulary?.add ?? []), ...(file.vocabulary?.add ?? [])];
  const remove = [...(settings?.vocabulary?.remove ?? []), ...(file.vocabulary?.remove ?? [])];
  if (add.length > 0 || remove.length > 0) merged.vocabulary = { add, remove };
  return merged;
}
