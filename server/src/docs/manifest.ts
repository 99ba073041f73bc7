/**
 * The parts of package.json and schemas/specready.schema.json that list the rules, generated
 * from the registry like the rule documentation, so that adding a rule is one file and the
 * manifests cannot drift; and the parts of package.json that recognise a spec by its path,
 * generated from the default include globs. `npm run docs` rewrites them; a unit test fails when they are stale.
 */
import { DEFAULT_INCLUDE } from '../config/types';
import { CONFIG_FILE_NAMES, specPathPattern } from '../config/spec-paths';
import { RULES } from '../rules/registry';
import type { Rule, RuleLevel } from '../rules/types';

const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** What each level does, in the words the settings editor shows. */
const LEVEL_DESCRIPTIONS: Readonly<Record<RuleLevel, string>> = {
  off: 'Not checked.',
  hint: 'Shown faintly in the editor; the readiness score ignores it.',
  info: 'Informational; the readiness score counts it.',
  warning: 'A warning; the readiness score counts it.',
  error: 'An error: the readiness score counts it, and the spec is not ready while it is there.',
};

/** Each rule id and former id with its one-line description, in registry order. */
export function ruleKeys(rules: readonly Rule[] = RULES): Array<[id: string, description: string]> {
  return rules.flatMap((rule): Array<[string, string]> => [
    [rule.id, rule.docs.description],
    ...(rule.aliases ?? []).map((alias): [string, string] => [alias, `Former id of ${rule.id}; still accepted.`]),
  ]);
}

/** `contributes.configuration` properties of the `specready.rules` setting. */
export function ruleSettingProperties(rules: readonly Rule[] = RULES): Record<string, unknown> {
  return Object.fromEntries(ruleKeys(rules).map(([id, description]) => [id, {
    type: 'string',
    enum: [...LEVELS],
    enumDescriptions: LEVELS.map((level) => LEVEL_DESCRIPTIONS[level]),
    description,
  }]));
}

/** Properties of `rules` in the configuration schema. */
export function schemaRuleProperties(rules: readonly Rule[] = RULES): Record<string, unknown> {
  return Object.fromEntries(ruleKeys(rules).map(([id, description]) => [id, { $ref: '#/definitions/ruleLevel', description }]));
}

interface PackageManifest {
  contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
}

interface SchemaManifest {
  properties: Record<string, { properties?: Record<string, unknown> }>;
}

/**
 * package.json and the configuration schema, as text, with their rule lists replaced by the
 * generated ones; everything else is kept as it is. Both files are written the way
 * `JSON.stringify(value, null, 2)` writes them.
 */
export function withGeneratedRuleLists(files: { packageJson: string; schema: string }): { packageJson: string; schema: string } {
  const manifest = JSON.parse(files.packageJson) as PackageManifest;
  manifest.contributes.configuration.properties['specready.rules'].properties = ruleSettingProperties();
  const schema = JSON.parse(files.schema) as SchemaManifest;
  schema.properties.rules.properties = schemaRuleProperties();
  return { packageJson: `${JSON.stringify(manifest, null, 2)}\n`, schema: `${JSON.stringify(schema, null, 2)}\n` };
}

interface ActivationManifest {
  activationEvents: string[];
  contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
}

/** The command whose editor title button appears on specs only. */
const SPEC_TITLE_COMMAND = 'specready.exportBundle';

/**
 * package.json, as text, with what decides "this is a spec" by path generated from the default
 * include globs (`config/spec-paths.ts`): the `workspaceContains` activation events and the
 * `when` clause of the export button in the editor title. Everything else is kept as it is.
 */
export function withGeneratedSpecDetection(packageJson: string): string {
  const manifest = JSON.parse(packageJson) as ActivationManifest;
  const events = manifest.activationEvents;
  const contains = [...DEFAULT_INCLUDE, ...CONFIG_FILE_NAMES.map((name) => `**/${name}`)].map((glob) => `workspaceContains:${glob}`);
  manifest.activationEvents = [
    ...events.filter((event) => event.startsWith('onLanguage:')),
    ...contains,
    ...events.filter((event) => !event.startsWith('onLanguage:') && !event.startsWith('workspaceContains:')),
  ];
  for (const item of manifest.contributes.menus['editor/title'] ?? []) {
    if (item.command === SPEC_TITLE_COMMAND) item.when = `resourceLangId == markdown && resourcePath =~ /${specPathPattern()}/`;
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
