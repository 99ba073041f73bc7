import type { CustomProfile } from '../config/types';
import { sectionDefinition, type SectionId } from './catalog';

/** A named list of sections a spec of that kind must (required) or should (recommended) have. */
export interface Profile {
  name: string;
  description: string;
  /** In the canonical order sections are inserted in. */
  required: SectionId[];
  recommended: SectionId[];
}

const SERVICE_REQUIRED: SectionId[] = [
  'context', 'scope', 'out-of-scope', 'requirements', 'api-contract', 'inputs-outputs',
  'non-functional', 'acceptance-criteria', 'definition-of-done',
];

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = {
  service: {
    name: 'service',
    description: 'A backend service or feature: the default.',
    required: SERVICE_REQUIRED,
    recommended: ['dependencies-access', 'open-questions'],
  },
  api: {
    name: 'api',
    description: 'An API change or a new API, where scope is defined by the contract itself.',
    required: SERVICE_REQUIRED.filter((id) => id !== 'out-of-scope'),
    recommended: ['out-of-scope', 'dependencies-access', 'open-questions'],
  },
  bugfix: {
    name: 'bugfix',
    description: 'A defect to fix: how to reproduce it, what should happen instead, how to prove the fix.',
    required: ['context', 'reproduction', 'expected-actual', 'scope', 'acceptance-criteria', 'definition-of-done'],
    recommended: ['out-of-scope', 'dependencies-access', 'open-questions'],
  },
  integration: {
    name: 'integration',
    description: 'Connecting to or from another system: contracts on both sides, data mapping, failure handling.',
    required: [
      'context', 'scope', 'out-of-scope', 'api-contract', 'data-mapping', 'error-handling',
      'non-functional', 'dependencies-access', 'acceptance-criteria', 'definition-of-done',
    ],
    recommended: ['requirements', 'rollback', 'open-questions'],
  },
};

export const DEFAULT_PROFILE = 'service';

export class UnknownProfileError extends Error {}

/**
 * Resolves a profile name against built-in and custom profiles. Custom profiles may extend a
 * built-in or another custom profile; cycles and unknown names are configuration errors.
 */
export function resolveProfile(name: string, custom: Record<string, CustomProfile> = {}, seen: string[] = []): Profile {
  if (seen.includes(name)) {
    throw new UnknownProfileError(`profile "${name}" extends itself (${[...seen, name].join(' -> ')})`);
  }
  const definition = custom[name];
  if (!definition) {
    const builtin = BUILTIN_PROFILES[name];
    if (!builtin) {
      const known = [...Object.keys(BUILTIN_PROFILES), ...Object.keys(custom)].join(', ');
      throw new UnknownProfileError(`unknown profile "${name}" (known: ${known})`);
    }
    return builtin;
  }
  const base = definition.extends ? resolveProfile(definition.extends, custom, [...seen, name]) : undefined;
  const required = validSections(definition.required ?? base?.required ?? [], name);
  const recommended = validSections(definition.recommended ?? base?.recommended ?? [], name)
    .filter((id) => !required.includes(id));
  return { name, description: definition.description ?? base?.description ?? '', required, recommended };
}

function validSections(ids: string[], profile: string): SectionId[] {
  for (const id of ids) {
    if (!sectionDefinition(id)) throw new UnknownProfileError(`profile "${profile}" names unknown section "${id}"`);
  }
  return ids as SectionId[];
}
