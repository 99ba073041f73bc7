import { validateSchema, type PathSegment } from '../config/schema';
import type { SpecReadyConfig } from '../config/types';
import type { RuleLevel } from '../rules/types';
import { resolveProfile, UnknownProfileError } from '../sections/profiles';

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
  /** How findings recorded in specready-suppressions.json are shown. */
  suppressedFindings?: SuppressedFindings | null;
  /** When open documents are checked: as you type (default) or when saved. */
  run?: RunMode | null;
}

/** `specready.run`: check open documents as they are typed, or only when they are opened and saved. */
export type RunMode = 'onType' | 'onSave';
const RUN_MODES: readonly RunMode[] = ['onType', 'onSave'];

/**
 * Findings recorded in specready-suppressions.json: `hint` shows them faintly with a note (so
 * authors still see them), `hide` leaves them out as the CLI does, `show` ignores the file.
 */
export const SUPPRESSED_FINDINGS = ['hint', 'hide', 'show'] as const;
export type SuppressedFindings = (typeof SUPPRESSED_FINDINGS)[number];

export { DEFAULT_MAX_FILE_SIZE_KB } from '../config/types';

/** Client settings checked against the `.specready.*` schema; what fails is left out. */
export interface ValidatedSettings {
  config: SpecReadyConfig;
  enable: boolean;
  suppressedFindings: SuppressedFindings;
  run: RunMode;
  /** One sentence per problem, naming the setting (`specready.rules.vague-term`). */
  problems: string[];
}

/** Setting names that differ from the configuration key they feed. */
const SETTING_NAMES: Record<string, string> = { include: 'files.include', exclude: 'files.exclude' };

/**
 * Validates client settings with the same schema (and the same messages) as `.specready.*`
 * files. A value that fails is dropped, so its default applies, and everything else keeps
 * working: `"vague-term": "warn"` costs that one rule level, not the score of every spec.
 * `customProfiles` are those of the project's configuration file, which `profile` may name.
 */
export function validateSettings(settings: ClientSettings | null | undefined, customProfiles: SpecReadyConfig['profiles'] = {}): ValidatedSettings {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  if (!settings || typeof settings !== 'object') return { config, enable: true, suppressedFindings: 'hint', run: 'onType', problems };
  const copy = (key: string, value: unknown) => {
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) config[key] = structuredClone(value);
  };
  copy('profile', settings.profile);
  copy('threshold', settings.threshold);
  copy('rules', settings.rules);
  copy('vocabulary', settings.vocabulary);
  copy('idPattern', settings.idPattern);
  copy('maxFileSizeKB', settings.maxFileSizeKB);
  if (settings.files && typeof settings.files === 'object') {
    copy('include', settings.files.include);
    copy('exclude', settings.files.exclude);
  }
  for (const violation of validateSchema(config)) {
    problems.push(settingMessage(violation.message, violation.path));
    drop(config, violation.path);
  }
  if (typeof config.profile === 'string') {
    try {
      resolveProfile(config.profile, customProfiles);
    } catch (error) {
      if (!(error instanceof UnknownProfileError)) throw error;
      problems.push(settingMessage(error.message, ['profile']));
      delete config.profile;
    }
  }
  if (typeof config.idPattern === 'string' && new RegExp(config.idPattern).test('')) {
    problems.push(settingMessage('"idPattern" matches the empty string, so it would match everywhere', ['idPattern']));
    delete config.idPattern;
  }
  if (settings.enable !== undefined && typeof settings.enable !== 'boolean') {
    problems.push(`"specready.enable" must be a boolean, not ${JSON.stringify(settings.enable)}`);
  }
  let suppressedFindings: SuppressedFindings = 'hint';
  const shown = settings.suppressedFindings;
  if (typeof shown === 'string' && (SUPPRESSED_FINDINGS as readonly string[]).includes(shown)) suppressedFindings = shown;
  else if (shown !== undefined && shown !== null) {
    problems.push(`"specready.suppressedFindings" must be one of ${SUPPRESSED_FINDINGS.join(', ')}, not ${JSON.stringify(shown)}`);
  }
  const run = settings.run ?? 'onType';
  const knownRun = RUN_MODES.includes(run);
  if (!knownRun) problems.push(`"specready.run" must be "onType" or "onSave", not ${JSON.stringify(run)}.`);
  return { config, enable: settings.enable !== false, suppressedFindings, run: knownRun ? run : 'onType', problems };
}

/** The schema's message, with the configuration key replaced by the setting's name. */
function settingMessage(message: string, path: PathSegment[]): string {
  const key = path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
  const top = typeof path[0] === 'string' ? path[0] : '';
  const setting = `specready.${(SETTING_NAMES[top] ?? top) + key.slice(top.length)}`;
  const named = message.includes(`"${key}"`) ? message.replace(`"${key}"`, `"${setting}"`) : `"${setting}": ${message}`;
  return `${named.replace(/\s*\.$/, '')}.`;
}

/** Leaves out the value a violation is about: one rule level, one vocabulary list, one setting. */
function drop(config: Record<string, unknown>, path: PathSegment[]): void {
  const [top, second] = path;
  if (typeof top !== 'string') return;
  const value = config[top];
  if (typeof second === 'string' && value && typeof value === 'object' && !Array.isArray(value)) {
    delete (value as Record<string, unknown>)[second];
    if (Object.keys(value).length === 0) delete config[top];
  } else {
    delete config[top];
  }
}

/**
 * Editor settings (already validated) and the project's `.specready.*` file together. The file
 * is the project's shared truth, so it wins where both set a value; rule levels merge per rule,
 * vocabulary lists are concatenated.
 */
export function mergeConfig(fromSettings: SpecReadyConfig, file: SpecReadyConfig): SpecReadyConfig {
  const { rules: settingRules, vocabulary: settingVocabulary, ...rest } = fromSettings;
  const merged: SpecReadyConfig = { ...rest, ...file };
  const rules = { ...(settingRules ?? {}), ...(file.rules ?? {}) };
  if (Object.keys(rules).length > 0) merged.rules = rules;
  const add = [...(settingVocabulary?.add ?? []), ...(file.vocabulary?.add ?? [])];
  const remove = [...(settingVocabulary?.remove ?? []), ...(file.vocabulary?.remove ?? [])];
  if (add.length > 0 || remove.length > 0) merged.vocabulary = { add, remove };
  return merged;
}
