import type { Rule } from './types';
// One import per rule file; keep this list sorted by rule id.

export const RULES: readonly Rule[] = [
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
