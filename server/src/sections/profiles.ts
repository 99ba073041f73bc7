import { sectionDefinition, type SectionId } from './catalog';

/** A profile defined in the configuration (`profiles:`). */
export interface CustomProfile {
  /** Built-in or earlier custom profile whose sections this one starts from. */
  extends?: string;
  description?: string;
  required?: string[];
  recommended?: string[];
}

/** A named list of sections a spec of that kind must (required) or should (recommended) have. */
export interface Profile {
  name: string;
  description: string;
  /** In the canonical order sections are inserted in. */
  required: SectionId[];
  recommended: SectionId[];
  /**
   * Headings that mean something else in this profile's format than in ours (Spec Kit's
   * "Success Criteria" are its acceptance criteria, not non-functional targets). They win over
   * the built-in aliases for documents checked against the profile; configured aliases win over both.
   */
  aliases?: Readonly<Partial<Record<SectionId, readonly string[]>>>;
}

const SERVICE_REQUIRED: SectionId[] = [
  'context', 'scope', 'out-of-scope', 'requirements', 'api-contract', 'inputs-outputs',
  'non-functional', 'acceptance-criteria', 'definition-of-done',
];

const CLASSIC_PROFILES: Readonly<Record<string, Profile>> = {
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

/**
 * Profiles for the layouts that spec-driven development tools generate (see formats.ts, which
 * recognises them). Their headings differ from ours but map onto the same sections:
 * Spec Kit's "User Scenarios & Testing" is scope and acceptance criteria, and so are its
 * "Success Criteria" (measurable outcomes, verified like criteria); Kiro's "Introduction" is context and each requirement carries its own
 * "Acceptance Criteria"; OpenSpec's "Purpose" is context and every `Requirement:` block owns
 * its `Scenario:` blocks.
 */
const SPEC_DRIVEN_PROFILES: Readonly<Record<string, Profile>> = {
  'spec-kit': {
    name: 'spec-kit',
    description: 'A GitHub Spec Kit feature spec (specs/<NNN-feature>/spec.md): user scenarios with acceptance scenarios, FR-/SC- ids.',
    required: ['scope', 'requirements', 'acceptance-criteria'],
    recommended: ['context', 'inputs-outputs', 'non-functional', 'out-of-scope', 'open-questions'],
    aliases: { 'acceptance-criteria': ['success criteria', 'measurable outcomes'] },
  },
  'kiro': {
    name: 'kiro',
    description: 'A Kiro requirements document (.kiro/specs/<feature>/requirements.md): user stories with EARS acceptance criteria.',
    required: ['context', 'requirements', 'acceptance-criteria'],
    recommended: ['out-of-scope', 'non-functional', 'open-questions'],
  },
  'design': {
    name: 'design',
    description: 'A technical design (Kiro design.md): components and interfaces, data models, error handling, testing strategy.',
    required: ['context', 'api-contract', 'inputs-outputs', 'error-handling'],
    recommended: ['acceptance-criteria', 'non-functional', 'open-questions'],
  },
  'openspec': {
    name: 'openspec',
    description: 'An OpenSpec capability spec or change delta (openspec/specs/**/spec.md): Requirement blocks with SHALL/MUST and Scenario blocks.',
    required: ['requirements'],
    recommended: ['context'],
  },
  'openspec-delta': {
    name: 'openspec-delta',
    description: 'An OpenSpec spec delta of a change (openspec/changes/<change>/specs/**/spec.md): ADDED/MODIFIED/REMOVED Requirement blocks; the purpose is the capability spec\'s.',
    required: ['requirements'],
    recommended: [],
  },
  'openspec-change': {
    name: 'openspec-change',
    description: 'An OpenSpec change proposal (openspec/changes/<change>/proposal.md): why, what changes, impact.',
    required: ['context', 'scope'],
    recommended: ['out-of-scope', 'open-questions'],
  },
};

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = { ...CLASSIC_PROFILES, ...SPEC_DRIVEN_PROFILES };

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
