import type { Section, SpecModel } from '../model/types';
import { statementsOf, statesQuantity, traitsOf, type Statement } from './statements';
import { matchHeading, type SectionId } from '../sections/catalog';
import { LruCache } from '../util/lru';
import { sectionRoles as headingRoles } from '../model/statements';

/**
 * What each section is for, by meaning rather than by heading words alone. A section keeps the
 * canonical ids its heading (or the nearest ancestor heading) names. A section whose heading
 * names nothing known is read by the start of its heading ("Why this exists" is a "why"
 * section) and otherwise by its content: mostly Given/When/Then items make acceptance
 * criteria, mostly binding statements or id-led rows make requirements, request lines or
 * wire examples make an API contract, a table with a type column or a record shape written inline
 * (`{id: string, amount: integer}`) makes inputs and outputs,
 * mostly delivery checks (merged, deployed, CI, pull request) make a definition of done.
 * Used (through presentSections) by missing-section and by the readiness score, so that both see the same sections.
 */
export function sectionRoles(model: SpecModel): ReadonlyMap<Section, readonly SectionId[]> {
  let roles = cache.get(model);
  if (!roles) cache.set(model, (roles = compute(model)));
  return roles;
}

/** The role ids of the section a statement (or offset) belongs to. */
export function rolesOf(model: SpecModel, section: Section | undefined): readonly SectionId[] {
  return section ? sectionRoles(model).get(section) ?? [] : [];
}

const cache = new WeakMap<SpecModel, Map<Section, readonly SectionId[]>>();

function compute(model: SpecModel): Map<Section, readonly SectionId[]> {
  const own = new Map<Section, SectionId[]>();
  const content = new ContentView(model);
  for (const section of model.sections) {
    let ids = section.canonical as SectionId[];
    // Below a named section, an unnamed subsection is part of it ("### Refund of a partial capture").
    if (ids.length === 0 && !hasNamedAncestor(section)) ids = byHeadingStart(section.title);
    if (ids.length === 0 && !hasNamedAncestor(section)) ids = byContent(section, content);
    own.set(section, ids);
  }
  const roles = new Map<Section, readonly SectionId[]>();
  for (const section of model.sections) {
    let current: Section | undefined = section;
    while (current && (own.get(current) ?? []).length === 0) current = current.parent;
    roles.set(section, current ? own.get(current) ?? [] : []);
  }
  return roles;
}

function hasNamedAncestor(section: Section): boolean {
  for (let current = section.parent; current; current = current.parent) {
    if (current.canonical.length > 0) return true;
  }
  return false;
}

/** Contractions and pronouns do not change what a heading is about ("What you're building"). */
function normalizeVoice(title: string): string {
  return title
    .replace(/[’']re\b/gi, ' are').replace(/[’']ll\b/gi, ' will').replace(/[’']s\b/gi, ' is')
    .replace(/\b(?:you|they|i)\b(?= are| will)/gi, 'we');
}

/**
 * The longest leading run of words that names a known section ("Why this exists" -> "why"),
 * else the first word that says what the section is for ("Regression test criteria" ->
 * acceptance criteria, "Fix scope" -> scope).
 */
function byHeadingStart(title: string): SectionId[] {
  let ids = headingStarts.get(title);
  if (!ids) {
    ids = readHeadingStart(title);
    // The key is a copy: a title is a substring that would keep its whole document alive.
    headingStarts.set((' ' + title).slice(1), ids);
  }
  // A copy: callers never share a mutable array.
  return [...ids];
}

// Unnamed headings repeat across documents and the versions of one being edited.
const headingStarts = new LruCache<string, readonly SectionId[]>(10_000);

function readHeadingStart(title: string): SectionId[] {
  const voiced = normalizeVoice(title);
  const whole = matchHeading(voiced);
  if (whole.length > 0) return whole;
  const words = voiced.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter(Boolean);
  for (let length = Math.min(words.length - 1, 4); length >= 1; length--) {
    const ids = matchHeading(words.slice(0, length).join(' '));
    if (ids.length > 0) return ids;
  }
  for (const word of words) {
    const id = CUE_WORDS.get(word);
    if (id) return [id];
  }
  return [];
}

/** Single words that say what a section is for, whatever the rest of its heading says. */
const CUE_WORDS = new Map<string, SectionId>([
  ...['test', 'tests', 'testing', 'verification', 'verify', 'validation'].map((w) => [w, 'acceptance-criteria'] as const),
  ...['done', 'completion', 'finish', 'finished'].map((w) => [w, 'definition-of-done'] as const),
  ...['requirement', 'requirements', 'rules'].map((w) => [w, 'requirements'] as const),
  ...['api', 'apis', 'endpoint', 'endpoints', 'interface', 'interfaces', 'contract', 'protocol'].map((w) => [w, 'api-contract'] as const),
  ...['input', 'inputs', 'output', 'outputs', 'schema', 'payload', 'payloads'].map((w) => [w, 'inputs-outputs'] as const),
  ...['performance', 'latency', 'slo', 'slos', 'limits'].map((w) => [w, 'non-functional'] as const),
  ...['scope'].map((w) => [w, 'scope'] as const),
  ...['background', 'motivation', 'problem', 'context'].map((w) => [w, 'context'] as const),
]);

const DELIVERY = /\b(?:merged?|deployed?|released?|shipped|ci|pipeline|pull request|pr|review(?:ed|er)?|approv(?:ed|al)|sign(?:ed)?[- ]off|documented|changelog|tests? (?:pass|are automated|run)|passes|green|published|rolled out|staging|production|docs?|documentation)\b/i;
/**
 * A point in time an item is pinned to: a calendar date ("2019-02-12", "09-09-2021", "July 31st
 * 2018", "Feb 2025", "Q3 2024") or a release it is filed under ("v1.15: Launched in Alpha",
 * "Alpha release: Kubernetes 1.21", "promoted to beta for v1.31", "graduates to GA in 1.33").
 * A list whose items mostly carry one is a history of what happened (a KEP's Implementation
 * History, a changelog), not a definition of what done means.
 */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const POINT_IN_TIME = new RegExp([
  '\\b\\d{4}-(?:0?[1-9]|1[0-2])(?:-\\d{1,2})?\\b',
  '\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b',
  `\\b${MONTH}\\.?\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?\\d{4}\\b`,
  `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}\\b`,
  '\\bQ[1-4]\\s+\\d{4}\\b',
  '^[\\s*_[]*v?\\d+\\.\\d+(?:\\.\\d+)?[*_\\]]*\\s*[:\\-–—]',
  '\\b(?:in|for|with|since|from|until|:)\\s+(?:(?:kubernetes|k8s|release|version)\\s+)?v\\.?\\d+\\.\\d+\\b',
  '\\b(?:in|for|with|since|from|until|of|:)\\s+(?:kubernetes|k8s|release|version)\\s+\\d+\\.\\d+\\b',
  // A milestone named as an event, not a state: "the `Proposal` section being merged", "the date implementation started", "the version of Kubernetes where it graduated".
  '^(?:the|a|an)\\s[^.;:]{0,60}?(?<!\\b(?:is|are|was|were|be|been)\\s)\\bbeing\\s+[a-z]+(?:ed|en)\\b',
  '^(?:the\\s+)?(?:date|day|time|(?:first\\s+)?(?:\\w+\\s+)?(?:release|version))\\b[^.]*\\b(?:when|where|that|in which)\\b',
  '\\b(?:alpha|beta|ga|stable|general availability)\\b[^.;]{0,40}?\\b(?:in|for|with)\\s+v?\\d+\\.\\d+\\b',
].join('|'), 'i');
const WIRE_LANGUAGES = new Set(['http', 'json', 'jsonc', 'graphql', 'proto', 'protobuf', 'avro', 'sql', 'xml', 'yaml', 'yml']);
const REQUEST_LINE = /^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/|^\s*HTTP\/\d/m;
const ID_LED = /^\s*[*_`[(]*[A-Z][A-Z0-9]*-?\d+\b/;
/** An entry of a metadata list: a label of one to four words and a colon ("Status: **Accepted**", "Review Manager: [Name](…)"). */
const METADATA_ENTRY = /^[*_]*[A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,3}[*_]*\s*:[*_]*(?:\s|$)/;

/**
 * What byContent asks about the statements of a section, worked out once per model: the
 * statements grouped by section, each statement's tests evaluated at most once (and only when
 * asked).
 */
class ContentView {
  private readonly groups = new Map<Section, Statement[]>();
  private readonly own = new Map<Section, Statement[]>();
  private readonly tests = new Map<string, Map<Statement, boolean>>();

  constructor(readonly model: SpecModel) {
    for (const statement of statementsOf(model)) {
      if (!statement.section) continue;
      let list = this.groups.get(statement.section);
      if (!list) this.groups.set(statement.section, (list = []));
      list.push(statement);
    }
  }

  /**
   * The section's own statements, group labels left out, in document order. A subsection is read
   * by its own content (or inherits the section's role when its content says nothing): what a
   * section is does not depend on the sections below it, so adding one ("## Definition of Done"
   * under a title that holds the requirements) leaves the role of the content already there, and
   * the credit it earns, as it was.
   */
  statements(section: Section): Statement[] {
    let list = this.own.get(section);
    if (!list) this.own.set(section, (list = (this.groups.get(section) ?? []).filter((s) => !traitsOf(s).group)));
    return list;
  }

  /** A test's result for one statement, remembered under the test's name. */
  test(name: string, statement: Statement, test: (s: Statement) => boolean): boolean {
    let results = this.tests.get(name);
    if (!results) this.tests.set(name, (results = new Map<Statement, boolean>()));
    let result = results.get(statement);
    if (result === undefined) results.set(statement, (result = test(statement)));
    return result;
  }
}

/** The statement model reads no role in the section's heading or an ancestor's (a document's title names none). */
function namesNoRole(section: Section, model: SpecModel): boolean {
  return headingRoles(model.sections)[section.index]?.role === 'none';
}

function byContent(section: Section, content: ContentView): SectionId[] {
  const model = content.model;
  // A document title's metadata list (Author, Status, Review, Implementation) describes the
  // document, not the work: its items are no delivery checks or requirements.
  const own = content.statements(section);
  const statements = section.index === 0 && section.level === 1 ? own.filter((s) => s.kind === 'sentence' || !METADATA_ENTRY.test(s.text)) : own;
  const units = statements.filter((s) => s.kind !== 'sentence');
  /**
   * Whether the statements passing the test are at least half of `of` (and `of` is 2 or more).
   * Counting stops once the answer is settled either way, so a long section is not tested to
   * its end when the first half already decides.
   */
  const majority = (name: string, test: (s: Statement) => boolean, of: number) => {
    if (of < 2) return false;
    let passed = 0;
    for (let index = 0; index < statements.length; index++) {
      if (content.test(name, statements[index], test) && 2 * ++passed >= of) return true;
      if (2 * (passed + statements.length - index - 1) < of) return false;
    }
    return false;
  };
  if (majority('scenario', (s) => traitsOf(s).scenario, statements.length)) return ['acceptance-criteria'];
  if (majority('binding', (s) => traitsOf(s).binding || ID_LED.test(s.cells?.[0] ?? s.text), units.length)) return ['requirements'];
  // A list of what happened when is a history, however many of its entries say "merged" or "released".
  // Only a heading that names nothing the statement model knows can head a definition of done by
  // its content ("Finish line"): "Drawbacks", "Prior art", "How we teach this" or "Guide-level
  // explanation" talk about releases and documentation without listing what finishes the work.
  // And a definition of done lists its checks: paragraphs that mention a pipeline or a release are prose.
  if (namesNoRole(section, model) && majority('delivery', (s) => s.kind !== 'sentence' && DELIVERY.test(s.prose), units.length)
    && !majority('dated', (s) => POINT_IN_TIME.test(s.text), units.length)) return ['definition-of-done'];
  if (majority('quantity', statesQuantity, units.length)) return ['non-functional'];
  const blocks = model.codeBlocks.filter((block) => block.section === section);
  if (blocks.some((block) => WIRE_LANGUAGES.has(block.language) || REQUEST_LINE.test(block.content))) return ['api-contract'];
  const tables = model.tables.filter((table) => table.section === section);
  if (section.declaresRecords || tables.some((table) => table.header.some((cell) => /\btypes?\b/i.test(cell.text)))) return ['inputs-outputs'];
  return [];
}
