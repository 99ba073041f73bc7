/**
 * Each finding phrased as the question a contractor would otherwise have to ask the team, from
 * the rule id and the finding's `data`. A rule without a phrasing here (or a finding whose data
 * is missing) still gets a sensible question built from its message.
 */
import { sectionDefinition } from '../sections/catalog';
import type { Finding } from '../rules/types';

type Data = Record<string, unknown>;
type Phrasing = (data: Data, finding: Finding) => string | undefined;

const PHRASINGS: Readonly<Record<string, Phrasing>> = {
  'vague-term': vagueTerm,
  'unmeasurable-requirement': unmeasurable,
  'missing-section': missingSection,
  'empty-section': (data) => ifText(data.title, (title) =>
    `What belongs in "${title}"? The section is empty: does it not apply, or is it still to be written?`),
  'weak-modal': weakModal,
  'untraced-requirement': (data) => ifText(data.id, (id) => {
    const requirement = text(data.requirement);
    return `How will ${id}${requirement ? ` ("${shorten(requirement, 80)}")` : ''} be accepted? No acceptance criterion tests it: which check proves it is done?`;
  }),
  'untestable-criterion': untestable,
  placeholder: (data) => ifText(data.placeholder, (placeholder) =>
    `What goes where the spec still says "${placeholder}"? It is a placeholder, not a decision.`),
  'open-question': (data) => ifText(data.question, (question) =>
    `Has this open question been decided: "${shorten(question, 160)}"? If so, what is the answer; if not, who decides and by when?`),
  'interface-incomplete': interfaceQuestion,
  'broken-link': brokenLink,
  'hidden-context': hiddenContext,
  'unknown-reference': (data) => ifText(data.id, (id) => `What is ${id}? The spec refers to it but never defines it.`),
  'duplicate-id': (data, finding) => ifText(data.id, (id) => {
    const first = typeof data.firstLine === 'number' ? ` (line ${data.firstLine + 1} and line ${finding.range.start.line + 1})` : '';
    return `Which requirement is ${id}? The id is defined twice${first}.`;
  }),
  'invalid-code-block': (data) => {
    const language = text(data.language)?.toUpperCase();
    return `What is the correct ${language ?? 'code'} here? The example does not parse, so it cannot be used as a contract.`;
  },
  'invalid-front-matter': (data) => ifText(data.profile, (profile) =>
    `Which kind of spec is this? Its front matter names the profile "${profile}", which does not exist.`),
};

/** The question for one finding: always a non-empty sentence ending in a question mark or a period. */
export function questionFor(finding: Finding): string {
  const phrasing = PHRASINGS[finding.rule];
  const data = finding.data ?? {};
  try {
    const phrased = phrasing?.(data, finding);
    if (phrased) return phrased;
  } catch {
    // A rule changed the shape of its data: the fallback below still says what is wrong.
  }
  return fallback(finding);
}

function fallback(finding: Finding): string {
  const message = finding.message.trim().replace(/\.?$/, '.');
  return `Can you clarify this? ${message}`;
}

/**
 * Vague words: the hint says what kind of number resolves them ("state a latency target, e.g.
 * p95 < 200 ms"), which also picks the question ("What latency counts as "fast"?").
 */
const HINT_QUESTIONS: ReadonlyArray<[RegExp, (term: string) => string]> = [
  [/latency/, (term) => `What latency counts as "${term}"?`],
  [/availability/, (term) => `What availability counts as "${term}"?`],
  [/load it must|sustained rate/, (term) => `What load must it handle to count as "${term}"?`],
  [/failure budget/, (term) => `What failure rate is acceptable for "${term}"?`],
  [/usability criterion/, (term) => `How will we test that it is "${term}"?`],
  [/resource budget|memory budget/, (term) => `What resource budget does "${term}" mean?`],
  [/failures it must survive/, (term) => `Which failures must it survive to count as "${term}"?`],
  [/^give the size/, (term) => `How large is "${term}"?`],
  [/^give the duration|deadline|maximum delay/, (term) => `How soon or how long is "${term}", exactly?`],
  [/^give the number|threshold/, (term) => `What number does "${term}" stand for?`],
  [/frequency/, (term) => `How often is "${term}"?`],
  [/^list which ones|^list every case/, (term) => `Which cases exactly does "${term}" cover?`],
  [/^decide/, (term) => `Is this a firm requirement, or when exactly does "${term}" let it not apply?`],
  [/^state the trigger/, (term) => `What exactly triggers it ("${term}")?`],
  [/^state the target/, (term) => `What target does "${term}" mean?`],
  [/alternatives/, (term) => `Which alternatives count as "${term}"?`],
];

function vagueTerm(data: Data): string | undefined {
  const term = text(data.text) ?? text(data.term);
  if (!term) return undefined;
  const hint = text(data.hint) ?? '';
  const head = HINT_QUESTIONS.find(([pattern]) => pattern.test(hint))?.[1](term) ?? `What exactly counts as "${term}"?`;
  // The loophole hint ("decide: make it a firm requirement, ...") only restates that question.
  return hint && !/^decide/.test(hint) ? `${head} ${instruction(hint)}` : head;
}

function unmeasurable(data: Data): string | undefined {
  const quality = text(data.quality);
  if (!quality) return undefined;
  const term = text(data.term);
  const hint = text(data.hint);
  const head = `What ${quality} target applies${term ? ` to "${term}"` : ''}?`;
  return hint ? `${head} ${instruction(hint)}` : head;
}

/** Sections get questions about their content, not about the heading. */
const SECTION_QUESTIONS: Readonly<Record<string, string>> = {
  context: 'Why does this work exist, and which system, users and data does it touch?',
  scope: 'What exactly is in scope for this piece of work?',
  'out-of-scope': 'What is explicitly not part of this work?',
  requirements: 'What are the functional requirements, one numbered statement each?',
  'api-contract': 'What are the endpoints or interfaces, with request and response shapes and errors?',
  'inputs-outputs': 'What data goes in and comes out, with types and formats?',
  'non-functional': 'Which measurable targets apply for latency, throughput, availability, security and limits?',
  'acceptance-criteria': 'How will we know the work is done? Which testable acceptance criteria must pass?',
  'definition-of-done': 'What must be true before the work counts as finished (tests, docs, review, deployment)?',
  'dependencies-access': 'Which systems, credentials, environments and people will I need access to?',
  'open-questions': 'Which decisions are still open, and who owns each of them?',
  reproduction: 'What exact steps, data and environment reproduce the bug?',
  'expected-actual': 'What should happen, and what happens instead?',
  rollback: 'How is the change released, and how is it undone if it goes wrong?',
  'data-mapping': 'How do the fields map between the two systems, with formats and transformations?',
  'error-handling': 'What happens when the other side fails: retries, timeouts, idempotency?',
};

function missingSection(data: Data): string | undefined {
  const id = text(data.section);
  const title = text(data.title) ?? (id ? sectionDefinition(id)?.title : undefined);
  if (!id && !title) return undefined;
  const question = (id && SECTION_QUESTIONS[id]) || `What belongs in "${title}"?`;
  return `${question} The spec has no "${title ?? id}" section.`;
}

function weakModal(data: Data): string | undefined {
  const modal = text(data.modal);
  if (!modal) return undefined;
  const written = data.negated === true ? `${modal} not` : modal;
  const replacement = text(data.replacement);
  const alternatives = Array.isArray(data.alternatives) ? data.alternatives.filter((item): item is string => typeof item === 'string') : [];
  const options = [replacement, ...alternatives].filter((item, index, all): item is string => !!item && all.indexOf(item) === index);
  const choice = options.length > 0 ? ` Should it read ${options.join(' or ')} (RFC 2119)?` : '';
  return `Is this required or optional? "${written}" can be read either way.${choice}`;
}

function untestable(data: Data): string | undefined {
  const criterion = text(data.criterion);
  if (!criterion) return undefined;
  const phrase = text(data.phrase);
  const vague = phrase ? ` "${phrase}" cannot be checked.` : '';
  return `How would a tester check "${shorten(criterion, 120)}"?${vague} Name the observable result: a status code, a stored value, a message or a number with a unit.`;
}

const PART_QUESTIONS: Readonly<Record<string, string>> = {
  request: 'what does the request carry (fields with types, or an example body)',
  response: 'what does it return on success (status code and an example body)',
  errors: 'which errors can it return (status codes and error bodies)',
  auth: 'how do callers authenticate',
  idempotency: 'what happens when the same request is sent twice',
  pagination: 'how is the list paginated (page size, cursor)',
  payload: 'what does the payload look like (fields with types, or an example)',
  channel: 'which topic or queue carries it',
  format: 'what is the format (columns, encoding)',
  location: 'where is it written or read',
  schedule: 'when does it run',
  output: 'what does it produce',
  inputs: 'what are its inputs',
};

function interfaceQuestion(data: Data): string | undefined {
  const field = text(data.field);
  if (field) return `What type and format does "${field}" have? The contract lists it without one.`;
  const name = text(data.interface) ?? text(data.endpoint);
  if (!name) return undefined;
  const missing = Array.isArray(data.missing) ? data.missing : [];
  const asks = missing.map((part) => PART_QUESTIONS[String(part)]).filter((ask): ask is string => !!ask);
  if (asks.length === 0) return undefined;
  const joined = asks.join(', and ');
  return `For ${name}: ${joined}?`;
}

function brokenLink(data: Data): string | undefined {
  const target = text(data.target);
  if (!target) return undefined;
  if (data.reason === 'missing-fragment') {
    const suggestion = text(data.suggestion);
    return `Which section should "${target}" point to? It does not exist${suggestion ? `; is "#${suggestion}" meant` : ''}.`;
  }
  return `Where is "${target}"? The link is broken, so the document it refers to is not in this bundle.`;
}

function hiddenContext(data: Data): string | undefined {
  const url = text(data.url);
  if (url) return `What does the linked chat say (${shorten(url, 60)})? I cannot open it: please copy the decision into the spec.`;
  const phrase = text(data.phrase);
  if (!phrase) return undefined;
  return `What was decided ("${phrase}")? I was not part of that discussion: please write the decision into the spec.`;
}

/** "state a latency target, e.g. p95 < 200 ms" -> "Give a latency target, e.g. p95 < 200 ms." */
function instruction(hint: string): string {
  const imperative = hint.trim().replace(/^state (?=(?:a|an|the) )/i, 'give ');
  return `${imperative.charAt(0).toUpperCase()}${imperative.slice(1)}`.replace(/[.!]?$/, '.');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\s+/g, ' ') : undefined;
}

function ifText(value: unknown, phrase: (value: string) => string): string | undefined {
  const written = text(value);
  return written === undefined ? undefined : phrase(written);
}

function shorten(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 3).trimEnd()}...` : value;
}
