/**
 * The parts of package.json and schemas/specready.schema.json that list the rules, generated
 * from the registry like the rule documentation, so that adding a rule is one file and the
 * manifests cannot drift. `npm run docs` rewrites them; a unit test fails when they are stale.
 */
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
