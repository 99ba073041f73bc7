/**
 * The canonical sections of a handoff-ready spec and the headings that people actually write
 * for them. Matching is case-insensitive and ignores numbering ("3.", "2.1", "A."), punctuation,
 * emphasis and trailing "(optional)"-style notes; "&", "and", "/" and "," join several sections
 * in one heading ("Goals & Non-Goals" satisfies scope and out-of-scope).
 *
 * Aliases come from common spec templates (service design docs, KEPs, Rust RFCs, Swift
 * evolution proposals, React RFCs, Spec Kit) and are documented in docs/sections.md.
 */
import { LruCache } from '../util/lru';

export type SectionId =
  | 'context'
  | 'scope'
  | 'out-of-scope'
  | 'requirements'
  | 'api-contract'
  | 'inputs-outputs'
  | 'non-functional'
  | 'acceptance-criteria'
  | 'definition-of-done'
  | 'dependencies-access'
  | 'open-questions'
  | 'reproduction'
  | 'expected-actual'
  | 'rollback'
  | 'data-mapping'
  | 'error-handling';

export interface SectionDefinition {
  id: SectionId;
  /** Heading inserted by quick fixes and templates. */
  title: string;
  /** What a contractor needs from this section (used in messages and templates). */
  purpose: string;
  aliases: string[];
  /** Short template body, with HTML-comment guidance and a placeholder the author must replace. */
  template: string;
}

export const SECTION_CATALOG: readonly SectionDefinition[] = [
  {
    id: 'context',
    title: 'Context',
    purpose: 'why this work exists and what system it lives in',
    aliases: [
      'context', 'background', 'motivation', 'problem', 'problem statement', 'overview', 'summary',
      'introduction', 'intro', 'system context', 'current state', 'current situation', 'why',
      'rationale', 'purpose', 'abstract', 'executive summary', 'tldr', 'tl dr', 'description',
      'business context', 'context and motivation', 'the problem',
    ],
    template: '<!-- Why does this work exist? Which system, users and data does it touch? -->\nTODO: describe the system context.',
  },
  {
    id: 'scope',
    title: 'Scope',
    purpose: 'what is in scope for this piece of work',
    aliases: [
      'scope', 'in scope', 'goals', 'goal', 'objectives', 'objective', 'proposal', 'proposed solution',
      'solution', 'deliverables', 'what we are building', 'what changes', 'features', 'user stories', 'use cases',
      'scenarios', 'user scenarios', 'user scenarios testing', 'detailed design', 'design',
    ],
    template: '<!-- What will be delivered? List the capabilities in scope. -->\n- TODO: in-scope item',
  },
  {
    id: 'out-of-scope',
    title: 'Out of Scope',
    purpose: 'what is explicitly not part of this work',
    aliases: [
      'out of scope', 'non goals', 'nongoals', 'non goal', 'not in scope', 'out of scope items',
      'exclusions', 'excluded', 'what we are not building', 'limitations', 'future work',
      'future possibilities', 'future directions',
    ],
    template: '<!-- What will NOT be delivered, so nobody builds it by accident? -->\n- TODO: out-of-scope item',
  },
  {
    id: 'requirements',
    title: 'Requirements',
    purpose: 'the numbered functional requirements',
    aliases: [
      'requirements', 'functional requirements', 'functional requirement', 'requirement', 'reqs',
      'functional', 'behaviour', 'behavior', 'expected behaviour', 'business requirements',
      'product requirements', 'system requirements', 'specification', 'functional specification',
      'must haves', 'requirements specification',
    ],
    template: '<!-- One requirement per item, each with an id the acceptance criteria can reference. -->\n- **REQ-1**: The service MUST TODO.',
  },
  {
    id: 'api-contract',
    title: 'API Contract',
    purpose: 'endpoints, messages or interfaces with request/response shapes and errors',
    aliases: [
      'api contract', 'api', 'apis', 'api design', 'api specification', 'api changes', 'interfaces',
      'interface', 'endpoints', 'endpoint', 'contract', 'contracts', 'rest api', 'http api',
      'grpc api', 'graphql api', 'api reference', 'public api', 'events', 'messages', 'protocol',
      'schema', 'interface contract', 'api surface',
    ],
    template: '<!-- Each endpoint: method and path, request, response example, status codes, errors. -->\nTODO: `METHOD /path` with request, response example, status codes and error cases.',
  },
  {
    id: 'inputs-outputs',
    title: 'Inputs and Outputs',
    purpose: 'the data that goes in and comes out, with types and formats',
    aliases: [
      'inputs and outputs', 'inputs outputs', 'inputs', 'outputs', 'input', 'output', 'io',
      'data model', 'data models', 'data', 'data formats', 'data format', 'payloads', 'payload',
      'data contract', 'data schema', 'fields', 'key entities', 'entities', 'storage', 'database schema',
    ],
    template: '<!-- Every input and output: name, type, format, constraints, example. -->\n| Name | Direction | Type | Constraints | Example |\n|---|---|---|---|---|\n| TODO | in | | | |',
  },
  {
    id: 'non-functional',
    title: 'Non-Functional Requirements',
    purpose: 'measurable targets for latency, throughput, availability, security and limits',
    aliases: [
      'non functional requirements', 'nonfunctional requirements', 'non functional', 'nonfunctional',
      'nfrs', 'nfr', 'quality attributes', 'quality requirements', 'performance',
      'performance requirements', 'slos', 'slo', 'service level objectives', 'scalability',
      'security', 'security requirements', 'operational requirements', 'constraints',
      'performance and scalability', 'reliability', 'observability', 'success criteria',
      'measurable outcomes',
    ],
    template: '<!-- Targets with numbers and units: latency, throughput, availability, limits. -->\n| Quality | Target |\n|---|---|\n| Latency | TODO: p95 < ? ms |',
  },
  {
    id: 'acceptance-criteria',
    title: 'Acceptance Criteria',
    purpose: 'testable criteria, one per behaviour, each referencing the requirement it covers',
    aliases: [
      'acceptance criteria', 'acceptance criterion', 'acceptance tests', 'acceptance test',
      'acceptance', 'verification', 'how to verify', 'acceptance scenarios', 'graduation criteria',
      'test scenarios', 'success criteria and acceptance', 'testing', 'testing strategy',
    ],
    template: '<!-- Given/When/Then, one criterion per behaviour, each naming the requirement it covers. -->\n- **AC-1** (covers REQ-1): Given TODO, when TODO, then TODO.',
  },
  {
    id: 'definition-of-done',
    title: 'Definition of Done',
    purpose: 'what must be true before the work counts as finished',
    aliases: [
      'definition of done', 'dod', 'done when', 'done criteria', 'completion criteria', 'done',
      'exit criteria', 'release criteria', 'checklist', 'release checklist', 'delivery checklist',
      'release signoff checklist', 'ready for release',
    ],
    template: '<!-- What must be true before this is finished: tests, docs, deployment, sign-off. -->\n- [ ] TODO',
  },
  {
    id: 'dependencies-access',
    title: 'Dependencies and Access',
    purpose: 'systems, credentials, environments and people the contractor needs access to',
    aliases: [
      'dependencies and access', 'dependencies', 'dependency', 'access', 'access needed',
      'prerequisites', 'environments', 'environment', 'integrations', 'external dependencies',
      'infrastructure needed', 'infrastructure', 'access and environments', 'tooling',
    ],
    template: '<!-- Systems, environments, accounts and contacts the implementer needs, and how to get them. -->\n- TODO: dependency, and how to get access',
  },
  {
    id: 'open-questions',
    title: 'Open Questions',
    purpose: 'decisions not yet made, with an owner and a date',
    aliases: [
      'open questions', 'open issues', 'unresolved questions', 'questions', 'outstanding questions',
      'unknowns', 'open items', 'faq', 'frequently asked questions', 'needs clarification',
    ],
    template: '<!-- Undecided points, each with an owner and a date; resolve them before handoff. -->\n- None.',
  },
  {
    id: 'reproduction',
    title: 'Steps to Reproduce',
    purpose: 'exact steps, data and environment that reproduce the bug',
    aliases: [
      'steps to reproduce', 'reproduction steps', 'reproduction', 'repro', 'repro steps',
      'how to reproduce', 'to reproduce', 'reproducing',
    ],
    template: '<!-- Numbered steps, with the environment, version and input data used. -->\n1. TODO',
  },
  {
    id: 'expected-actual',
    title: 'Expected vs. Actual Behaviour',
    purpose: 'what should happen and what happens instead, with evidence',
    aliases: [
      'expected vs actual behaviour', 'expected vs actual behavior', 'expected vs actual',
      'expected and actual behaviour', 'expected and actual behavior', 'expected behaviour',
      'expected behavior', 'actual behaviour', 'actual behavior', 'expected result', 'actual result',
      'expected results', 'actual results', 'observed behaviour', 'observed behavior', 'symptoms',
    ],
    template: '<!-- Expected: ... Actual: ... Include logs, status codes or screenshots. -->\n- Expected: TODO\n- Actual: TODO',
  },
  {
    id: 'rollback',
    title: 'Rollout and Rollback',
    purpose: 'how the change is released and undone safely',
    aliases: [
      'rollout and rollback', 'rollback', 'rollback plan', 'rollout', 'rollout plan', 'deployment',
      'deployment plan', 'migration', 'migration plan', 'release plan', 'upgrade downgrade strategy',
      'version skew strategy', 'cutover', 'cutover plan',
    ],
    template: '<!-- How is this released, monitored and rolled back? -->\nTODO',
  },
  {
    id: 'data-mapping',
    title: 'Data Mapping',
    purpose: 'how fields map between the two systems, with formats and transformations',
    aliases: [
      'data mapping', 'field mapping', 'mapping', 'mappings', 'schema mapping', 'transformations',
      'data transformations',
    ],
    template: '| Source field | Target field | Transformation |\n|---|---|---|\n| TODO | | |',
  },
  {
    id: 'error-handling',
    title: 'Error Handling',
    purpose: 'retries, timeouts, idempotency and what happens when the other side fails',
    aliases: [
      'error handling', 'errors', 'failure modes', 'failure handling', 'retries', 'retry policy',
      'retries and timeouts', 'failure scenarios', 'error cases', 'resilience',
    ],
    template: '<!-- Retries, timeouts, idempotency, dead letters, alerting. -->\nTODO',
  },
];

const BY_ID = new Map(SECTION_CATALOG.map((definition) => [definition.id, definition]));

export function sectionDefinition(id: string): SectionDefinition | undefined {
  return BY_ID.get(id as SectionId);
}

/**
 * Lower-case, strip numbering, markup, punctuation and notes about the section ("(optional)",
 * Spec Kit's "*(include if feature involves data)*": a parenthetical in emphasis at the end),
 * collapse whitespace.
 */
export function normalizeHeading(heading: string): string {
  let normalized = normalizedHeadings.get(heading);
  if (normalized === undefined) {
    // Copies: a heading is a substring that would keep its whole document alive.
    normalized = (' ' + normalize(heading)).slice(1);
    normalizedHeadings.set((' ' + heading).slice(1), normalized);
  }
  return normalized;
}

// Rules and the score ask about the same headings many times per document (each one's ancestors,
// each part of it), and documents being edited keep their headings: results are remembered.
const normalizedHeadings = new LruCache<string, string>(10_000);

function normalize(heading: string): string {
  return heading
    .replace(/\s(?:\*{1,2}|_{1,2})\([^()]*\)(?:\*{1,2}|_{1,2})\s*$/, ' ')
    .toLowerCase()
    .replace(/\((?:include|only) (?:if|when) [^()]*\)/g, ' ')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\((?:optional|required|mandatory|if applicable|tbd|draft|recommended)\)|\[(?:optional|required)\]/g, ' ')
    .replace(/^\s*(?:(?:\d+|[a-z]|[ivx]+)[.)]\s*)+(?:\d+[.)]?\s*)*/, ' ')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, ' ')
    .replace(/&/g, ' and ')
    .replace(/[-_‐–—]/g, ' ')
    .replace(/[^\p{L}\p{N}\s/,+]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type AliasTable = ReadonlyMap<string, SectionId>;

/**
 * The built-in titles and aliases, then each layer of extra aliases (a profile's, then the
 * configuration's): a later layer wins where two name the same heading, so a configured alias
 * always beats a built-in one ("Exit criteria" can be made acceptance criteria although it is
 * built in as the definition of done).
 */
export function buildAliasTable(...layers: ReadonlyArray<Readonly<Record<string, readonly string[] | undefined>>>): AliasTable {
  const table = new Map<string, SectionId>();
  for (const definition of SECTION_CATALOG) {
    for (const alias of [definition.title, ...definition.aliases]) table.set(normalizeHeading(alias), definition.id);
  }
  for (const layer of layers) {
    for (const definition of SECTION_CATALOG) {
      for (const alias of layer[definition.id] ?? []) table.set(normalizeHeading(alias), definition.id);
    }
  }
  return table;
}

export const DEFAULT_ALIASES = buildAliasTable();

/**
 * Canonical section ids named by a heading. The whole heading is tried first so that
 * "Inputs and Outputs" or "Dependencies & Access" stay one section; otherwise the heading is
 * split on "and", "/", "," and "+" and each part is matched on its own.
 */
export function matchHeading(heading: string, aliases: AliasTable = DEFAULT_ALIASES): SectionId[] {
  const structured = structuredHeading(heading);
  if (structured) return [structured];
  const normalized = normalizeHeading(heading);
  if (!normalized) return [];
  const whole = lookup(normalized, aliases);
  if (whole) return [whole];
  const parts = normalized.split(/\s*(?:\band\b|\/|,|\+)\s*/).filter(Boolean);
  if (parts.length < 2) return [];
  const ids: SectionId[] = [];
  for (const part of parts) {
    const id = lookup(part.trim(), aliases);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function lookup(text: string, aliases: AliasTable): SectionId | undefined {
  const compact = text.replace(/[/,+]/g, ' ').replace(/\s+/g, ' ').trim();
  return aliases.get(compact) ?? aliases.get(compact.replace(/s$/, ''));
}

/**
 * Headings that spec-driven tools give one block per requirement or scenario, named after the
 * item rather than the section: OpenSpec's `### Requirement: Refund limits` and
 * `#### Scenario: Over the limit`, Kiro's `### Requirement 3`, and OpenSpec change deltas'
 * `## ADDED Requirements` / `MODIFIED` / `REMOVED` / `RENAMED`. The prefix decides the section.
 */
const STRUCTURED_HEADINGS: ReadonlyArray<readonly [RegExp, SectionId]> = [
  [/^\s*requirement\s*(?:\d+(?:\.\d+)*\s*)?(?::|$|\s*[-\u2013\u2014]\s)/i, 'requirements'],
  [/^\s*(?:added|modified|removed|renamed)\s+requirements\s*$/i, 'requirements'],
  [/^\s*scenario\s*(?:\d+(?:\.\d+)*\s*)?:/i, 'acceptance-criteria'],
];

function structuredHeading(heading: string): SectionId | undefined {
  const plain = heading.replace(/[*_`]/g, '');
  return STRUCTURED_HEADINGS.find(([pattern]) => pattern.test(plain))?.[1];
}
