/**
 * What each section of a new spec should say, written as guidance for the author. Templates
 * put it in HTML comments: invisible in rendered Markdown and ignored by every rule, so a
 * freshly created spec holds no text that could ship by accident ("TODO: describe…").
 *
 * Keep guidance free of "--" (not allowed inside an HTML comment) and of placeholder words.
 */
import type { SectionId } from '../sections/catalog';

/**
 * The order sections appear in a new spec: the story a reader follows (why, what is broken,
 * what is built, how it is called, how well it must work, how to prove it, what is needed).
 * It differs from the catalog order so that a bugfix spec reproduces the bug before scoping it.
 */
export const DOCUMENT_ORDER: readonly SectionId[] = [
  'context', 'reproduction', 'expected-actual', 'scope', 'out-of-scope', 'requirements', 'api-contract',
  'inputs-outputs', 'data-mapping', 'error-handling', 'non-functional', 'rollback', 'acceptance-criteria',
  'definition-of-done', 'dependencies-access', 'open-questions',
];

/** Lines of guidance per section; a profile may replace a section's guidance with its own. */
type Guidance = Readonly<Record<SectionId, readonly string[]>>;

const BASE: Guidance = {
  'context': [
    'Why does this work exist, and for whom? Name the system it lives in (repository, language,',
    'versions), the users and data it touches, and link what an outside engineer must read first.',
    'Write for someone who has never been in your meetings.',
  ],
  'reproduction': [
    'Numbered steps that reproduce the bug from a clean state: environment, version, account or',
    'test data, and the exact inputs. Example:',
    '1. Log in to staging as the user `support-agent-3`.',
    '2. Refund 10.00 EUR of order `o-1042` twice within one second.',
  ],
  'expected-actual': [
    'Expected: what should happen, citing the rule or document that says so.',
    'Actual: what happens instead, with evidence such as log lines, status codes or screenshots.',
  ],
  'scope': [
    'What will be delivered? One capability per list item, concrete enough to estimate.',
  ],
  'out-of-scope': [
    'What will NOT be delivered, so nobody builds it by accident. Name the tempting neighbours:',
    'related features, other clients, migrations, clean-ups.',
  ],
  'requirements': [
    'One requirement per list item, each with an id that acceptance criteria reference and an',
    'RFC 2119 keyword in capitals (MUST, MUST NOT, SHOULD, MAY). Snippet: req. Example:',
    '- **REQ-1**: The service MUST reject a refund above the unrefunded balance with status 422.',
  ],
  'api-contract': [
    'Each endpoint, message or interface: method and path (or topic), authentication, a request',
    'example, a response example, status codes and error cases. Snippet: endpoint.',
  ],
  'inputs-outputs': [
    'Every input and output: name, direction, type, format, constraints and an example value.',
    'A table works well: | Name | Direction | Type | Constraints | Example |',
  ],
  'data-mapping': [
    'How each field maps between the systems: source field, target field, type and format on each',
    'side, the transformation, and what happens to missing or invalid values.',
  ],
  'error-handling': [
    'What happens when the other side fails or is slow: timeouts, retries and backoff, idempotency,',
    'dead letters, alerting, and who is paged.',
  ],
  'non-functional': [
    'Targets with numbers and units: latency percentiles under a stated load, throughput,',
    'availability, data volumes, retention, security and compliance constraints. Snippet: nfr.',
  ],
  'rollback': [
    'How the change is released (feature flag, migration order), what is watched during rollout,',
    'and how it is undone safely.',
  ],
  'acceptance-criteria': [
    'One criterion per observable behaviour, as Given/When/Then, each naming the requirement it',
    'covers. Snippet: gwt. Example:',
    '- **AC-1** (REQ-1): Given a captured payment of 5000, when a refund of 1250 is requested,',
    '  then the response is 201 and the unrefunded balance is 3750.',
  ],
  'definition-of-done': [
    'What must be true before this counts as finished: tests, documentation, deployment,',
    'monitoring, sign-off. A checklist works well: - [ ] All acceptance criteria pass in CI.',
  ],
  'dependencies-access': [
    'Systems, environments, accounts and people the implementer needs, and how to get each on the',
    'first day. Name where credentials come from; never paste the credentials themselves.',
  ],
  'open-questions': [
    'Decisions not made yet, each with an owner and a date. Resolve them before handoff,',
    'or write "None." when nothing is open. Snippet: question.',
  ],
};

const OVERRIDES: Readonly<Record<string, Partial<Guidance>>> = {
  api: {
    'scope': [
      'Which endpoints or operations are added, changed or removed? The contract below is the detail;',
      'this is the list a reviewer checks it against.',
    ],
  },
  bugfix: {
    'context': [
      'Which component, version and environment show the bug? Who is affected, since when and',
      'how often? Link the ticket and any incident report.',
    ],
    'scope': [
      'What the fix changes (code, data repair, monitoring) and what it deliberately leaves alone.',
    ],
    'acceptance-criteria': [
      'Criteria that prove the fix, as Given/When/Then: the reproduction steps now give the expected',
      'behaviour, and a regression test that failed before the fix passes after it. Snippet: gwt.',
    ],
    'definition-of-done': [
      'What must be true before this counts as finished: a regression test in CI, the root cause',
      'written down, data repaired where the bug corrupted it, the ticket updated.',
    ],
  },
  integration: {
    'context': [
      'Which two systems are connected, who owns each side, and why? Name versions, environments',
      'and the direction data flows.',
    ],
    'scope': [
      'Which flows, objects and directions are in scope, and how they are triggered (events,',
      'schedule, on demand).',
    ],
    'api-contract': [
      'Both directions: what this side calls on the other system and what calls this side. For each:',
      'method and path or topic, authentication, request and response examples, status codes,',
      'error cases and rate limits. Snippet: endpoint.',
    ],
    'non-functional': [
      'Targets with numbers and units: volumes per day and at peak, end-to-end delay, availability,',
      "and the other system's rate limits and quotas. Snippet: nfr.",
    ],
  },
};

export function sectionGuidance(profile: string, section: SectionId): readonly string[] {
  return OVERRIDES[profile]?.[section] ?? BASE[section];
}
