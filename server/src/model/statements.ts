/**
 * The statement layer: every prose sentence, list item sentence and table row of a document as a
 * statement with a role, so that rules judge what a sentence *does* (require, define, explain,
 * ask) rather than which words it contains.
 *
 * A statement's role comes from two places:
 * - where it sits: the role of its section, decided by the nearest heading that names one and
 *   inherited by subsections ("Alpha" under "Graduation Criteria" holds criteria). A narrative
 *   section (background, rationale, alternatives, future work, examples, notes) keeps its
 *   subsections narrative unless they are goals, requirements or criteria by name: a
 *   "Performance" subsection under "Motivation" is background, not a non-functional requirement.
 *   List items under a lead-in ending in ":" read with their lead-in, which can also say what they
 *   are ("a couple of non-goals:", "suggestions for possible steps we could take:"); table rows are
 *   requirements when the table has a requirement-like column;
 * - the sentence itself: RFC 2119 keywords, must/shall/needs to, "will" describing the proposal,
 *   an imperative opening a list item ("Add e2e tests ...") bind; "for example", "because ...",
 *   "today"/"currently", a prediction ("will likely", "this would ...", outside requirements
 *   sections any main clause in would/could/might), an opinion ("we think"), an exclamation, a note
 *   on the document's own notation or a question make it narrative; so do what a named group can
 *   or will do, later work ("Eventually, ...", "Long term ...", "in a follow-up KEP"), a part left to
 *   each implementation ("left to each implementation", "implementation-defined"; must and shall still
 *   bind), a declined target ("There are no specific SLOs, but ..."), an assumption, what a quantity is expected to do ("this time should
 *   decrease") and what measurements should show ("we should see ..."); the items of a named group's
 *   duties ("The Edition project group is responsible for:") are that group's tasks;
 * - its list: an item whose lower-case should or may weakens what a sibling item states plainly
 *   ("... may be acknowledged and ignored" beside "... is acknowledged and ignored") is a
 *   requirement, and records that sibling (`plainSibling`).
 *
 * Binding statements (requirements, criteria, goals, non-goals) are what clarity rules judge;
 * narrative, definitions and questions are not held to measurable wording.
 */
import type {
  ListItem, NarrativeKind, Section, SectionRole, SectionRoleInfo, Sentence, SpecModel, Statement, StatementKind, StatementRole, Table,
} from './types';

// The statement types live with the rest of the model (model/types.ts), which names them.
export type { NarrativeKind, SectionRole, SectionRoleInfo, Statement, StatementKind, StatementRole } from './types';
import { detachedString, rangeFromOffsets } from './text';
import { firstIndexWhere, itemAt } from '../util/indexed';
import { LruCache } from '../util/lru';
import { withFastBoundaries } from '../util/regex';
import { describesBehaviour, IMPERATIVE_VERBS } from './behaviour';

const BINDING_ROLES: ReadonlySet<StatementRole> = new Set(['requirement', 'criterion', 'goal', 'non-goal']);

export function isBindingRole(role: StatementRole): boolean {
  return BINDING_ROLES.has(role);
}

// ---------------------------------------------------------------------------------------------
// Section roles

interface HeadingRole {
  role: SectionRole;
  narrative?: NarrativeKind;
  /**
   * Quality-attribute headings ("Performance", "Security", "Constraints") name a requirement area
   * only where nothing above says otherwise: under "Motivation" they are background.
   */
  weak?: boolean;
  /** A heading that asks a question: its body answers it, judged on its own wording. */
  question?: boolean;
}

/** Heading patterns, most specific first; tested on the lower-cased title without numbering. */
const HEADING_ROLES: Array<[RegExp, HeadingRole]> = [
  [/\b(?:open|unresolved|outstanding|remaining) (?:questions?|issues|items|points)\b|^(?:questions|unknowns|faqs?|frequently asked questions|q ?& ?as?|questions (?:and|&) answers)$/, { role: 'questions' }],
  [/\bnon ?goals?\b|^(?:no|not|anti) goals?$|\bout of scope\b|\bnot in scope\b|\bexclusions?\b|\bexcluded\b|\bwhat (?:we are|this is) not\b/, { role: 'non-goals' }],
  [/\b(?:acceptance|graduation|success|exit|release|completion|done|verification|evaluation) (?:criteria|criterion|conditions?|tests?)\b|\bacceptance\b|\bdefinition of done\b|\bhow to verify\b|\bverification\b/, { role: 'criteria' }],
  [/\bchecklists?\b/, { role: 'design' }],
  [/(?:^|\s)(?:goals?|objectives?)(?:\s+(?:of|for)\b.*)?$|\bdeliverables\b|\bsuccess metrics\b|\bdecision drivers?\b|\bin scope\b|^scope$/, { role: 'goals' }],
  // "Definitions" lists terms; "Naked function definition" defines a construct of the design.
  [/\bglossary\b|\bterminology\b|\bdefinitions\b|^definition(?: of terms)?$|\bdefinition of terms\b|\bvocabulary\b|\bterms\b|\bnomenclature\b/, { role: 'definitions' }],
  [/\brequirements?\b|\b(?:functional|requirements?|system|product|software) specification\b|\bnfrs?\b|\bnon ?functional\b|\bmust haves\b|\bslos?\b|\bslas?\b|\bservice level\b/, { role: 'requirements' }],
  [/\bexamples?\b|\bwalk ?through\b|\btutorial\b|\bdemo\b|\billustrat|\buser stor(?:y|ies)\b|\bstory \d|\bscenarios?\b|\buse cases?\b/, { role: 'narrative', narrative: 'example' }],
  [/\brationale\b|\balternatives?\b|\bdrawbacks?\b|\btrade ?offs?\b|\bcomparison\b|\bcompared\b|\bdownsides?\b|\bpros\b|\bcons\b|\brisks?\b|\bdiscussion\b|\bconsidered\b|\brejected\b|\bwhy not\b|\bcriticism\b|\bprior art\b|\brelated work\b|\bother (?:languages|ecosystems|projects)\b/, { role: 'narrative', narrative: 'rationale' }],
  [/\bfuture\b|\bfollow ?ups?\b|\bnext steps\b|\bpossibilities\b|\blater (?:work|phases?)\b/, { role: 'narrative', narrative: 'discussion' }],
  [/\bnotes?\b|\bcaveats?\b|\bconsiderations?\b|\bimplications?\b|\bimpact\b|\beffects? on\b|\bcompatibility\b|\bhow we teach\b|\bteaching\b|\bdocumentation\b|\bfaq\b/, { role: 'narrative', narrative: 'discussion' }],
  [/\bsummary\b|\babstract\b|\boverview\b|\bintroduction\b|^intro$|\bmotivation\b|\bbackground\b|\bcontext\b|\bhistory\b|\bstatus quo\b|\bcurrent (?:state|situation|behaviou?r|design|status|implementation|approach)\b|\bexisting\b|\bproblems?\b|^why\b|\btl ?;? ?dr\b|\breferences\b|\backnowledge?ments?\b|\bappendix\b|\bchangelog\b|\brevision\b|\btable of contents\b|\bcontents\b|\bpurpose\b|\bintent\b|\bpain points\b|\b(?:ecosystem|landscape|market) (?:assessment|survey|review)\b|\bsurvey\b|\bfindings\b|\bmeetings?\b/, { role: 'narrative', narrative: 'background' }],
  // A test plan of its own is what will be verified; one inside a design section is part of it.
  [/\btest(?:s|ing)?\b|\bconformance\b/, { role: 'criteria', weak: true }],
  [/\bperformance\b|\bsecurity\b|\bprivacy\b|\bscalability\b|\breliability\b|\bavailability\b|\bobservability\b|\bconstraints?\b|\blimits?\b|\blimitations\b|\bquality\b|\blatency\b|\bthroughput\b|\bcapacity\b|\bdurability\b|\berror handling\b|\bfailure modes?\b|\bretries\b|\btimeouts?\b/, { role: 'requirements', weak: true }],
  [/\bdesign\b|\bproposal\b|\bproposed\b|\bsolution\b|\bapproach\b|\bimplementation\b|\breference level\b|\bguide level\b|\bexplanation\b|\bdetailed\b|\bdetails\b|\bapis?\b|\binterfaces?\b|\barchitecture\b|\bchanges?\b|\bmechanism\b|\bsemantics\b|\bsyntax\b|\bhow it works\b|\bplan\b|\brollout\b|\brollback\b|\bupgrade\b|\bdowngrade\b|\bmigration\b|\bversion skew\b|\bmonitoring\b|\bdependencies\b|\bscalability\b|\btroubleshooting\b|\bquestionnaire\b|\bfeature enablement\b|\badoption\b|\bcontract\b|\bschema\b|\bdata model\b|\bendpoints?\b|\bbehaviou?r\b|\bfeatures?\b|\bprocess\b|\bworkflow\b|\bspecification\b/, { role: 'design' }],
];

/** Canonical section ids (sections/catalog.ts, including configured aliases) as a fallback. */
const CANONICAL_ROLES: Record<string, HeadingRole> = {
  requirements: { role: 'requirements' },
  'non-functional': { role: 'requirements' },
  'error-handling': { role: 'requirements', weak: true },
  'acceptance-criteria': { role: 'criteria' },
  'definition-of-done': { role: 'criteria' },
  scope: { role: 'goals' },
  'out-of-scope': { role: 'non-goals' },
  'open-questions': { role: 'questions' },
  context: { role: 'narrative', narrative: 'background' },
  'api-contract': { role: 'design' },
  'inputs-outputs': { role: 'design' },
  'data-mapping': { role: 'design' },
  'dependencies-access': { role: 'design' },
  rollback: { role: 'design' },
  reproduction: { role: 'design' },
  'expected-actual': { role: 'design' },
};

// Headings repeat across documents and the versions of one being edited, and reading one runs a
// dozen regular expressions: the normalised title and the role its words name are remembered.
const normalizedTitles = new LruCache<string, string>(10_000);
const titleRoles = new LruCache<string, HeadingRole | null>(10_000);

/** Title as matched: lower case, numbering, markup and punctuation gone. */
function normalizeTitle(title: string): string {
  let normalized = normalizedTitles.get(title);
  if (normalized === undefined) {
    normalized = readTitle(title);
    // The key is a copy: a title is a substring that would keep its whole document alive.
    normalizedTitles.set(detachedString(title), normalized);
  }
  return normalized;
}

function readTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\((?:optional|required|if applicable|tbd|draft|recommended)\)|\[(?:optional|required)\]/g, ' ')
    .replace(/^\s*(?:(?:\d+|[a-z]|[ivx]+)[.)]\s*)+(?:\d+[.)]?\s*)*/, ' ')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, ' ')
    .replace(/[-_‐–—]/g, ' ')
    .replace(/[^\p{L}\p{N}\s/&,?+;]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function matchRole(title: string): HeadingRole | undefined {
  let role = titleRoles.get(title);
  if (role === undefined) {
    role = HEADING_ROLES.find(([pattern]) => pattern.test(title))?.[1] ?? null;
    titleRoles.set(title, role);
  }
  return role ?? undefined;
}

/**
 * The role named by one heading on its own, or undefined when the heading names none ("Alpha",
 * "`foo()` semantics" is design). A heading that joins a narrative part and a normative part
 * ("Context, characteristics and constraints") is mixed: statements in it are judged on their
 * own wording, as in a design section.
 */
function headingRole(section: Section): HeadingRole | undefined {
  const title = normalizeTitle(section.title);
  if (!title) return undefined;
  // A heading that asks a question heads an answer ("Will enabling the feature change any default?"),
  // judged on its own wording.
  if (/\?\s*$/.test(section.title) && !/\b(?:open|unresolved|outstanding) questions?\b/i.test(section.title)) {
    // A question that asks for the targets ("What are the reasonable SLOs for the enhancement?")
    // heads them: its answer commits to a target.
    if (TARGET_QUESTION.test(title)) return { role: 'requirements' };
    return { role: 'design', question: true };
  }
  // A heading that names a code element ("The `hash(into:)` requirement") is about that element.
  if (/`[^`]+`|\w\(|::|\(\w*:\)/.test(section.title)) return { role: 'design' };
  // "Axioms for selecting goals", "Process for choosing goals": the heading is about how goals are
  // chosen, not a list of them.
  if (/\S\s+(?:for|of|about|on)\s+(?:\p{L}+ing\s+)?(?:the\s+|our\s+|new\s+)?(?:goals?|objectives?)$/u.test(title) && !/^(?:(?:\p{L}+\s+)?goals?|objectives?|(?:the\s+)?list)\b/u.test(title)) return { role: 'design' };
  const whole = matchRole(title);
  // A topic of a questionnaire ("Monitoring Requirements" over "How can an operator determine
  // ...?" subsections) groups questions; its answers are judged on their own wording.
  if (whole && NORMATIVE_ROLES.has(whole.role) && isQuestionnaire(section)) return { role: 'design' };
  const parts = title.split(/\s*(?:\band\b|&|\/|,|\+|;)\s*/).filter(Boolean);
  if (parts.length > 1) {
    const roles = parts.map(matchRole).filter((role): role is HeadingRole => role !== undefined);
    const narrative = roles.some((role) => role.role === 'narrative');
    const normative = roles.some((role) => ['requirements', 'criteria', 'goals', 'non-goals'].includes(role.role));
    if (narrative && normative && !roles.some((role) => role.role === 'goals' || role.role === 'non-goals')) return { role: 'design' };
    if (roles[0] && roles.every((role) => role.role === roles[0].role)) return roles[0];
  }
  if (whole) return whole;
  for (const id of section.canonical) if (CANONICAL_ROLES[id]) return CANONICAL_ROLES[id];
  return undefined;
}

/** "SLOs", "service level objectives": what a question asking for targets names. */
const TARGET_QUESTION = /\bwhat (?:are|is) (?:the |your )?(?:\w+ )?(?:slos?|slas?|service level (?:objectives?|agreements?)|targets?)\b/;

const NORMATIVE_ROLES: ReadonlySet<SectionRole> = new Set(['requirements', 'criteria', 'goals']);

/** True when most subsections of the section are questions: a questionnaire topic. */
function isQuestionnaire(section: Section): boolean {
  const questions = section.children.filter((child) => /\?\s*$/.test(child.title)).length;
  return questions >= 2 && questions * 2 >= section.children.length;
}

/** Roles that a heading can impose under a narrative ancestor. */
const OVERRIDES_NARRATIVE: ReadonlySet<SectionRole> = new Set(['goals', 'non-goals', 'requirements', 'criteria', 'questions', 'definitions']);

const sectionRoleCache = new WeakMap<readonly Section[], SectionRoleInfo[]>();

/**
 * The role of every section, in `model.sections` order; worked out once per list of sections
 * (the statements and the rules that ask share it; callers do not change it).
 */
export function sectionRoles(sections: readonly Section[]): SectionRoleInfo[] {
  let roles = sectionRoleCache.get(sections);
  if (!roles) sectionRoleCache.set(sections, (roles = computeSectionRoles(sections)));
  return roles;
}

function computeSectionRoles(sections: readonly Section[]): SectionRoleInfo[] {
  const roles: SectionRoleInfo[] = [];
  for (const section of sections) {
    const parent = section.parent ? roles[section.parent.index] : undefined;
    const own = isTitle(section) ? undefined : headingRole(section);
    roles.push(combine(section, own, parent));
  }
  return roles;
}

/** A first level-1 heading with subsections is the document's title, not a section role. */
function isTitle(section: Section): boolean {
  return section.index === 0 && section.level === 1 && section.children.length > 0;
}

function combine(section: Section, own: HeadingRole | undefined, parent: SectionRoleInfo | undefined): SectionRoleInfo {
  if (!own) {
    // A subsection of goals with a title of its own ("Search internals") details the design.
    if (parent && (parent.role === 'goals' || parent.role === 'non-goals')) return { role: 'design', decidedBy: section };
    return parent ?? { role: 'none', decidedBy: undefined };
  }
  const inherited = parent?.role;
  if (inherited === 'narrative' || inherited === 'questions') {
    // "Goals" under "Motivation" are goals; "Scope" under "Rationale and alternatives" is argument.
    const overrides = OVERRIDES_NARRATIVE.has(own.role) && (parent?.narrative === 'background' || own.role === 'questions' || own.role === 'definitions');
    if (own.weak || !overrides) {
      // A narrative kind of its own ("Examples" under "Alternatives") is more specific.
      if (own.role === 'narrative') return { role: 'narrative', narrative: own.narrative, decidedBy: section };
      return parent as SectionRoleInfo;
    }
  }
  if (own.weak && inherited && inherited !== 'none') return parent;
  // "Observability" deep under an unrecognised heading ("Heuristics") is part of that design.
  if (own.weak && section.parent && section.parent.level > 1) return { role: 'design', decidedBy: section };
  if (own.role === 'design' && !own.question && inherited && ['requirements', 'criteria', 'goals', 'non-goals', 'definitions'].includes(inherited)) {
    return parent;
  }
  return { role: own.role, narrative: own.narrative, decidedBy: section };
}

// ---------------------------------------------------------------------------------------------
// Sentence cues

/** RFC 2119 / RFC 8174 keywords, upper case only. */
const RFC2119 = /\b(?:MUST(?: NOT)?|SHALL(?: NOT)?|SHOULD(?: NOT)?|REQUIRED|MAY|RECOMMENDED|NOT RECOMMENDED|OPTIONAL)\b/;
/** Lower-case obligations. */
const OBLIGATION = /\b(?:must|shall|(?:is|are|be) required to|(?<!(?:\bnot|n['’]t|\bno longer|\bnever)\s+)(?:needs? to|has to|have to)|(?:is|are) (?:not )?(?:allowed|permitted) to|must not|shall not)\b|\bit is (?:(?:also|however|therefore|thus|still),?\s+)?(?:not\s+)?(?:legal|illegal|allowed|permitted|permissible|forbidden|valid|invalid)\b(?=[^.;]{0,80}?\bfor\b[^.;]{1,80}?\bto\b)/i;
const SHOULD = /\bshould\b/i;
/** "will" (or "won't") describing what the proposal does. */
const WILL = /\b(?:will|won['’]t)\b/i;
/** A pronoun or expletive subject right before the modal: "this should not", "it will likely". */
const WEAK_SUBJECT = /\b(?:this|that|it|there|which|these|those|they|you|one)\s+(?:(?:also|still|then|only|now|just|probably|likely|possibly|certainly|eventually|then)\s+)?$/i;

/**
 * "It will be periodically refreshed", "they will be deleted after the upgrade": a design element
 * named by a pronoun, in the passive future, is what the design will do to it; "this will be
 * useful" and "it will be expected to" judge or forecast and stay weak.
 */
const PASSIVE_FUTURE = /\b(?:it|they)\s+will\s+(?:(?:also|then|still|only|now|first|always)\s+)?be\s+(?:\p{L}+ly\s+)?(?!(?:expected|needed|required|interested|pleased|surprised|confused|tempted|inclined|used to|able)\b)(?:\p{L}{2,}ed|built|run|set|kept|sent|made|done|shown|written|held|given|taken|chosen|hidden|driven|read|put|split|thrown|known|seen|drawn|frozen|bound|found|laid|paid|sold|told|left|lost|spent|rebuilt|rewritten|overridden)\b/iu;
const QUESTION = /\?[\s"'’”)\]*_]*$/;
/** Markup that may open a statement: quotes, emphasis, a task checkbox. */
const LEAD = String.raw`^(?:[\s"'(*_>]|\[[ xX]\])*`;
/** A pattern anchored after the statement's leading markup. */
function opening(source: RegExp): RegExp {
  return new RegExp(LEAD + source.source, source.flags);
}
const EXAMPLE = opening(/(?:for (?:example|instance)\b|e\.\s?g\.|as an (?:example|illustration)\b|consider\b|imagine\b|suppose\b|let['’]?s (?:say|consider|look)\b|say\b|take\b|here(?:['’]s| is| are)\b|in (?:this|the (?:above|below|following|previous|first|second|next)) (?:example|snippet|code)\b|this (?:example|snippet)\b|the (?:above|following|previous) (?:example|code|snippet)\b|(?:in|with) the (?:example|code) above\b|an example\b)/i);
const RATIONALE = opening(/(?:(?:this|that) is (?:because|why|so|needed|necessary|important|useful|used|done|intended|desirable|fine|ok|safe|sufficient|true|also true)\b|at a high level\b|[^.;]{0,80}?\b(?:is|are)\s+not\s+(?:[a-z-]+\s+){0,2}?(?:just|only|simply|merely)\s+(?:for|to|because)\b|because\b|since\b|although\b|even though\b|as a consequence\b|consequently\b|the (?:reason|rationale|motivation|idea|intent|intention|goal|point|benefit|advantage|downside|problem|issue)\b|(?:this|that) (?:means|implies|allows|enables|makes|lets|avoids|prevents|helps|keeps|ensures|gives|provides|way|also means)\b|in other words\b|note (?:that|:)|notably\b|that is,|i\.\s?e\.|otherwise\b|as a result\b|as such\b|as (?:mentioned|noted|described|discussed|explained|shown|seen) (?:above|earlier|before|previously|below)\b|of course\b|unfortunately\b|fortunately\b)/i);
const BACKGROUND = opening(/(?:in practice\b|today\b|currently\b|at (?:the moment|present)\b|presently\b|historically\b|previously\b|in the past\b|until now\b|so far\b|as of (?:today|now|this writing|\w+ \d{4}|v?\d)|originally\b|traditionally\b|at the time\b|initially,|in (?:kubernetes|rust|swift|react) (?:today|currently)\b|right now\b|nowadays\b|for now,)/i);
const CURRENT = /\b(?:today|currently|at present|right now|nowadays|as of today)\b/i;
/** Past tense in the main clause: "was", "were", "had", "did", "used to". */
const PAST = /^(?:[^,;:]*?\s)?(?:was|were|had|did|used to|has always|have always)\s/i;
/**
 * A forecast: "will likely", "could eventually", "this would reduce ...". "will eventually remove" is a
 * commitment whose date is left open, not a forecast.
 */
const PREDICTION = withFastBoundaries(/\b(?:will|would|may|might|could|can)\s+(?:likely|probably|possibly|potentially|perhaps|hopefully|presumably|certainly)\b|\b(?:would|may|might|could|can)\s+eventually\b|\b(?:is|are|seems?|appears?) (?:likely|unlikely|expected|anticipated) to\b|\bwe (?:expect|anticipate|predict|hope|foresee)\b|\bit (?:is|seems|appears) (?:likely|unlikely|possible|plausible)\b|\bin the (?:near |distant )?future\b|\b(?:this|that|which|doing so|such a change) (?:will|would|should|could|might|may)(?: not)? (?:\w+ )?(?:result|lead|allow|enable|make|help|reduce|improve|mean|cause|affect|break|require|increase|decrease|impact|introduce|simplify|benefit|provide|give|offer|suffice|be (?:done|used|useful|needed|necessary|possible|added|considered|a problem|enough|sufficient|adequate))\b|^[\s*_]*(?:likely|probably|presumably|hopefully)\b|\b(?:we|you|one|users?|operators?) (?:should|would|will|might|may|could) (?:(?:then|also|still|likely|probably)\s+)?(?:see|notice|observe|find)\b|^[\s*_]*(?:in (?:some|many|most|certain) cases,\s*)?\p{L}+ing\s+(?:[\p{L}-]+\s+){0,3}?(?:will|would|may|might|could)\s+(?:not\s+)?(?:cause|result in|lead to)\b/iu);
const OPINION = opening(/(?:(?:i|we|i\/we) (?:think|believe|feel|suspect|considered|looked|tried|chose|decided|discussed|argue|agree|prefer|found|noticed|realized|realised|understand|acknowledge|want to (?:highlight|note|stress|point out))\b|it (?:would|might|could) be (?:nice|good|better|possible|useful|interesting|worth|great|desirable)\b|one (?:could|might|may|can) (?:argue|imagine|think|say)\b|arguably\b|in my (?:opinion|view)\b|on the other hand\b|(?:good|bad|neutral), because\b|pros?:|cons?:|that said\b|having said that\b)/i);
/** A hedge opening the statement: "Hopefully, ...", "Probably ...". */
const HEDGE_OPENING = /^[\s*_]*(?:hopefully|probably|likely|presumably|ideally)\b/i;
/** A statement of the goal: "Our goal is that ...", "The main objective of this proposal is to ...". */
const GOAL_STATEMENT = opening(/(?:our|the|one|another|a|an)\s+(?:(?:main|primary|secondary|overall|key|first|second|final|ultimate|stated|explicit|central|core)\s+)?(?:goals?|aims?|objectives?)(?:\s+(?:of|for|with)\s+(?:this|the|our)\s+(?!(?:[\w-]+\s+)?(?:section|subsection|chapter|document|table|column|row|heading|paragraph|list|field|step|example|template|part)\b)(?:[\w-]+\s+){0,2}[\w-]+)?\s+(?:is|are|will be)\s+(?:to|that)\b/i);
/** An opinion or an expectation voiced inside the sentence: "it is the author's opinion that", "Our expectation is that". */
const VOICED = /\b(?:it is (?:my|our|the authors?['’]?s?) (?:opinion|view|belief|expectation|hope)|(?:this|the) (?:rfc|kep|proposal|design|document) assumes\b|in (?:my|our|the authors?['’]?s?) (?:opinion|view)|it is (?:hoped|believed|assumed|expected|anticipated) that|(?:we|i) (?:are|am) (?:currently\s+)?unable to|there (?:is|was) (?:a |an |some )?(?:[\w-]+ )?(?:desire|wish|hope|preference) (?:that|to|for))\b|^[\s*_]*(?:our|my|the) (?:expectation|hope|belief|assumption) is\b/i;
/**
 * A task for a named group or person: "SIG Cloud Provider will provide zoom/youtube channels as
 * required", "@jane will update the docs". Who does what in the project, not what is built.
 */
const NAMED_TASK = opening(/(?:@[\w-]+|(?:[Tt]he\s+)?(?:SIG|[Ss]ig|WG|wg)[\s-]+[\w-]+(?:\s+\p{Lu}[\w-]*)*|(?:[Tt]he\s+)?\p{Lu}[\w-]*(?:\s+(?:and\s+)?[\w-]+){0,3}?\s+(?:team|teams|SIG|working group|maintainers|leads|owners|council|committee))\s+(?:(?:will|can|could|may|might|would|should)(?:\s+(?:also|then|still|now))?(?:\s+be able to)?|is going to|are going to|plans? to)\s/u);
/**
 * Work put off to a later time, opening the statement: "Eventually, we should extend the region
 * inferencer ...", "Longer term, ...". What the proposal may grow into, not what it asks for now.
 */
const LATER_WORK = opening(/(?:eventually\s*,|(?:longer[- ]term|long[- ]term|in the (?:long|longer) (?:run|term)|later on|down the (?:road|line)|some ?day|one day|at some (?:later )?point(?: in the future)?|in (?:a|some) (?:later|future) (?:release|version|phase|iteration|revision))\b,?)/i);
/**
 * Work placed in a later document or release, anywhere in the statement: "As a follow-up, we will
 * add a faster loader", "A future KEP will make the policy configurable", "Support for other
 * runtimes will be added in a follow-up KEP", "Future versions of the API will support ...". What
 * the proposal leaves for later, not what it delivers; must, shall or an RFC 2119 keyword still binds.
 */
const LATER_SCOPE = withFastBoundaries(/\b(?:in|as|with|via|through|for|by|until)\s+(?:(?:a|an|the|some|one|another)\s+(?:future|follow[- ]?up|subsequent|later)|future|follow[- ]?up)\s+(?:keps?|rfcs?|proposals?|pitch(?:es)?|enhancements?|cfps?|jeps?|designs?|documents?|releases?|versions?|iterations?|phases?|milestones?|prs?|pull requests?|efforts?|work|steps?|revisions?)\b|\bas\s+a\s+follow[- ]?up\b|^[\s*_]*(?:a|the|some)\s+(?:future|follow[- ]?up|subsequent|later)\s+(?:keps?|rfcs?|proposals?|pitch(?:es)?|enhancements?|cfps?|jeps?|designs?|documents?|releases?|versions?|iterations?|phases?|prs?)\s+(?:will|would|may|might|could|can|should)\b|^[\s*_]*(?:future|later|subsequent)\s+(?:versions?|releases?|iterations?|revisions?)\s+(?:of\s+[^,;:.]{1,40}?\s+)?(?:will|would|may|might|could|can|should)\b/iu);
/**
 * A part the design leaves to each implementation: "The exact retry schedule is left to each
 * implementation", "implementations may choose to back off", "It is up to each runtime to decide
 * ...", "The order is implementation-defined", "the format is not specified by this proposal". The
 * design deliberately does not decide it, so nothing in the statement is an obligation; must,
 * shall or an RFC 2119 keyword still binds ("... left to the implementation, but retries MUST stop").
 */
const LEFT_TO_IMPLEMENTATIONS = withFastBoundaries(/\b(?:is|are|remains?|will be|be)\s+(?:(?:deliberately|intentionally|entirely|explicitly|therefore)\s+)?(?:left|up)\s+(?:open\s+)?to\s+(?:the\s+|each\s+|every\s+|individual\s+|specific\s+|particular\s+)?(?:implementations?|implementers?|implementors?|runtimes?|vendors?|platforms?|providers?|drivers?|plugins?|compilers?|backends?|toolchains?|tools)\b|\bit\s+is\s+up\s+to\s+(?:the\s+|each\s+|every\s+|individual\s+)?(?:implementations?|implementers?|implementors?|runtimes?|vendors?|platforms?|providers?|drivers?|plugins?|compilers?|backends?|toolchains?|tools)\b|\bimplementations?\s+(?:(?:are|is)\s+free\s+to|(?:may|can|could)\s+(?:freely\s+)?(?:choose|decide|pick|select|opt))\b|\bimplementation[- ](?:defined|specific|dependent)\b|\b(?:is|are)\s+(?:an?\s+)?implementation\s+details?\b|\b(?:is|are)\s+(?:(?:deliberately|intentionally|explicitly)\s+)?(?:left\s+)?(?:unspecified|not\s+specified)\s+(?:by|in)\s+(?:this|the)\s+(?:proposal|rfc|kep|document|design|spec|specification|pitch|cfp|jep)\b/iu);
/**
 * A statement that declines a target: "There are no specific SLOs, but etcd should use less disk
 * space ...". What follows the decline is an expectation, not a target.
 */
const DECLINED_TARGET = opening(/(?:there (?:are|is) no|we (?:do not|don['’]t) (?:have|set|define|offer)(?: any)?|no) (?:(?:specific|particular|concrete|explicit|formal|defined|new|such)\s+)?(?:slos?|slis?|slas?|service level objectives?|targets?|guarantees?)\b/i);
/**
 * What a measured quantity is expected to do: "this time should decrease significantly after the
 * initial mount". A change verb without an object, said of a quantity, forecasts a measurement.
 */
const EXPECTED_CHANGE = withFastBoundaries(/\b(?:should|will|would)\s+(?:(?:then|also|only|eventually|likely)\s+)?(?:decrease|increase|drop|fall|rise|grow|shrink|go (?:up|down)|improve|worsen|degrade|diminish|decline)(?=\s*(?:[.,;:]|$)|\s+(?:\p{L}+ly|after|over|when|as|if|once|with|in|on|at|during|for)\b)/iu);
/** A pointer to other parts: "Test cases are covered in sections above", "as listed in the table below". */
const POINTER = /^[^.;]{0,80}?\b(?:is|are|will be)\s+(?:already\s+)?(?:covered|described|listed|discussed|detailed|explained|documented|specified|outlined|tracked|captured)\s+(?:(?:in|by|under)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sections?|sessions?|chapters?|parts?|tables?|above|below|previous|following|earlier|later)|below|above)\b/i;
/**
 * The document speaking about its own notation: "In this RFC, we will use the placeholder name when
 * illustrating desugarings", "This proposal uses X to mean Y". It fixes how the text reads, not what is built.
 */
const META = opening(/(?:in|throughout) (?:this|the) (?:rfc|kep|proposal|document|doc|section|pitch|text|writeup|write-up)\b[^.;:]{0,20}?\b(?:we|i)\s+(?:will\s+|shall\s+)?(?:use|call|refer|write|denote|abbreviate|say)\b|(?:this|the) (?:rfc|kep|proposal|document) (?:uses|calls|refers to|writes|denotes)\b/i);
/** A sentence ending in "!": rhetorical ("should be straightforward!"), not a requirement. */
const EXCLAMATION = /!\s*[*_"')\]]*$/;
/** An evaluation of the proposal: "Its ease of use is one big advantage", "This is the main drawback". */
const EVALUATION = /\b(?:is|are|was|were|would be)\s+(?:also\s+)?(?:one|a|an|the|another|its|their|our)\s+(?:(?:big|main|key|major|minor|real|clear|huge|great|significant|important|additional|further|other|biggest|largest|primary|obvious)\s+){0,2}(?:advantages?|benefits?|strengths?|drawbacks?|downsides?|upsides?|disadvantages?|weakness(?:es)?|selling points?|wins?)\b/i;
/** "This could be a follow-up improvement", "it might be worth": a possibility, not a commitment. */
const POSSIBILITY = /^[\s*_]*(?:this|that|it|there)\s+(?:could|might|may|would)\s+(?:also\s+|still\s+)?be\b/i;
/**
 * An assessment of what something is good enough to serve as: "The metric and immutable field
 * should be sufficient as a source of truth". The authors' judgement of the design, not an
 * obligation; "The quality should be sufficient so as not to impede readability" still requires.
 */
const ASSESSMENT = /\bshould\s+(?:(?:also|still|already)\s+)?(?:be\s+(?:(?:more\s+than|quite|largely|mostly)\s+)?(?:sufficient|enough|adequate|fine|ok|okay|acceptable|good enough|plenty)|suffice)\s+as\s+(?:a|an|the)\b/i;
/**
 * A hedged decision about what the design contains: "The default set could possibly include some
 * compatibility shims", "the manifest might perhaps carry a checksum". The design weighs its own
 * content, which is discussion of it, not a forecast; said of a consequence ("This could possibly
 * break clients") or of people ("users could possibly use ...") it is one, and in a relative clause
 * ("the methods that we could possibly support") it names what is conceivable.
 */
const HEDGED_DECISION = /^(?![\s*_]*(?:this|that|it|which|doing so|such a change|users?|you|we|people|developers?|operators?)\b)(?:(?!\b(?:that|which|who|what|we|they|you|it|this|if|when)\b)[^,;:]){2,60}?\b(?:could|might|may)\s+(?:possibly|perhaps|potentially)\s+(?:also\s+)?(?:include|contain|support|provide|offer|expose|accept|add|ship|carry|return|emit|allow|use)\b/i;
/** An elaboration of what came before: "This may involve stress testing the API", "It could include ...". */
const ELABORATION = /^[\s*_]*(?:this|that|it|these|those|doing so)\s+(?:may|might|could|would|can)\s+(?:also\s+)?(?:involve|include|entail|mean|require|look like|consist of|take the form of)\b/i;
/** A conditional or possible outcome in the main clause: "would", "could", "might". */
const HYPOTHETICAL = /\b(?:would|could|might)\b/i;

/**
 * "A feedback subforum would enable us to move quickly": outside a requirements section, a main
 * clause that says what would, could or might happen, with nothing that binds, is a forecast. In a
 * requirements section the same words are a weakened requirement ("The service would log every call").
 */
function hypotheticalCue(wording: Wording, info: SectionRoleInfo, cue: string | undefined): Cue | undefined {
  if (cue || info.role === 'requirements') return undefined;
  const hypothetical = wording.hypothetical();
  if (!hypothetical) return undefined;
  // "we might want to do an exception here", "This would need investigation": the authors weigh
  // their own design, which is discussion of it, not a forecast of what will happen.
  if (DELIBERATION.test(wording.text)) return { role: 'narrative', narrative: 'discussion', reason: `it leaves a decision open ("${cueWords(DELIBERATION, wording.text)}")` };
  return { role: 'narrative', narrative: 'prediction', reason: `it says what ${hypothetical.toLowerCase()} happen` };
}

/** A hypothetical that deliberates over the design: "we might want to", "would need further investigation". */
const DELIBERATION = /\bwe (?:(?:also|still|then|probably) )?(?:may|might|could|would) (?:(?:also|still|then|probably) )?(?:want|wish) to\b|\b(?:would|could|might) (?:(?:also|still|probably) )?(?:need|require|warrant) (?:(?:some|more|further|additional|careful) )?(?:investigation|research|exploration|experimentation|thought)\b|\b(?:could|might|would) (?:(?:also|still) )?consider\b/i;
/** An instruction to whoever fills in the document: "Please describe the details.", "Please list ...". */
const INSTRUCTION = /\bplease\s+(?:describe|explain|list|provide|include|note|add|fill|answer|consider|mention|elaborate|share|link|specify|indicate|enumerate|outline)\b/i;
/** Template guidance written wholly in italics: "_For GA, this section is required: ..._". */
const GUIDANCE = /^[_*](?![_*\s])[\s\S]*[^\s_*][_*][.:]?$/;
/** A leading purpose clause, up to its comma. */
const PURPOSE = withFastBoundaries(/^[\s*_]*(?:in order (?:to|for)\b|so that\b|for (?:\S+\s+){1,6}?to\s|to\s+(?!be\b)\p{Ll}+\b)[^,;:]{0,120},/iu);
/** Two or more bracketed tags first: the name of a test or an item ("[sig-network] [Feature:X] ..."). */
const TAGGED = /^\s*(?:\[[^\]\s][^\]]{0,40}\]\s*){2,}/;
/** A justification clause inside a statement. */
const JUSTIFICATION = /(?:,\s*|\s[-–—]\s|\(\s*|\s)(?:because|since|as this|as that|as it|given that|due to|for (?:\w+ ){0,3}reasons?|which (?:means|allows|lets|makes|avoids|prevents))\b|,\s*(?:in order |so as )?to (?:make|allow|enable|help|ease|avoid|prevent|keep|let|simplify|facilitate|reduce the risk)\b|,\s*(?:although|though|even though|whereas|(?:just|much) as|implying(?: that)?|considering)\b|,\s*(?:which (?:is|are) )?(?:needed|required|necessary|useful) (?:for|by)\b|,\s*so\s+(?:there|it|this|that|we|they|users?)\s+(?:will|would|can|could)\b|,\s*as\s+(?:the|a|an|its|their|these|those|we|they|there|it)\s+(?:[\w`'-]+\s+){0,4}?(?:is|are|was|were|has|have|does|do|can|cannot|will|would)\b|\s(?:in order|so as) to\s|\sto achieve\s/i;
/** Definition phrasing: "X is defined as", "X means", "X refers to", "we call". */
const DEFINES = /\b(?:is|are) defined (?:as|to be)\b|(?<!\b(?:a|the|any|some|no|alternative|additional|other|another|same|simple|easy|only|by|of)\s)\bmeans\b(?!\s+(?:for|of|to|by)\b)|\b(?:refers to|stands for|denotes)\b|\bwe (?:call|define|use the term)\b|\bis (?:called|known as|short for)\b/i;
/** "Term: explanation" or "**Term** - explanation" at the start of an item. */
const TERM_ENTRY = /^[\s*_`"]*[\p{L}\p{N}][\p{L}\p{N} `'._/-]{0,40}?[*_`"]*\s*(?::|\s[-–—]\s)\s*\S/u;

/** First word of a statement, ignoring markup, a checkbox and bracketed tags ("[Secondary]", "(R)"). */
function firstWord(text: string): string {
  const stripped = text.replace(/^(?:[\s*_>`"'(]|\[[ xX]\]|\[[^\]]{1,20}\]|\([A-Z]{1,3}\))*/, '');
  return /^[\p{L}]+/u.exec(stripped)?.[0] ?? '';
}

function isImperative(text: string): boolean {
  const word = firstWord(text);
  if (!word || !/^\p{Lu}/u.test(word) && !/^\p{Ll}/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (IMPERATIVE_VERBS.has(lower)) return !/^\S+\s+(?:is|are|was|were|has|have)\b/i.test(text.trim().replace(/^[^\p{L}]+/u, ''));
  return /^\p{Lu}\p{Ll}+(?:ize|ise|ify)$/u.test(word);
}

interface Cue {
  role: StatementRole;
  narrative?: NarrativeKind;
  reason: string;
  /** must, shall or an RFC 2119 keyword in the statement still binds it. */
  yieldsToObligation?: boolean;
}

/** What the wording alone says; undefined when it says nothing decisive. */
function narrativeCue(statement: Pick<Statement, 'text' | 'kind'>, sentence: Sentence): Cue | undefined {
  const text = statement.text;
  if (QUESTION.test(text)) return { role: 'question', reason: 'it asks a question' };
  if (sentence.kind === 'blockquote') return { role: 'narrative', narrative: 'quote', reason: 'it is quoted (a block quote)' };
  if (GUIDANCE.test(text.trim())) return { role: 'narrative', narrative: 'guidance', reason: 'it is template guidance in italics' };
  if (INSTRUCTION.test(text)) return { role: 'narrative', narrative: 'guidance', reason: `it asks the author ("${cueWords(INSTRUCTION, text)}")` };
  if (EXAMPLE.test(text)) return { role: 'narrative', narrative: 'example', reason: `it gives an example ("${cueWords(EXAMPLE, text)}")` };
  if (OPINION.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it argues ("${cueWords(OPINION, text)}")` };
  if (VOICED.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it voices an opinion or an expectation ("${cueWords(VOICED, text)}")` };
  if (LATER_WORK.test(text)) return { role: 'narrative', narrative: 'prediction', reason: `it looks ahead to later work ("${cueWords(LATER_WORK, text)}")` };
  if (LATER_SCOPE.test(text)) return { role: 'narrative', narrative: 'prediction', reason: `it leaves the work for later ("${cueWords(LATER_SCOPE, text)}")` };
  if (LEFT_TO_IMPLEMENTATIONS.test(text)) {
    return { role: 'narrative', narrative: 'discussion', yieldsToObligation: true, reason: `it leaves the choice to each implementation ("${cueWords(LEFT_TO_IMPLEMENTATIONS, text)}")` };
  }
  if (DECLINED_TARGET.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it declines a target ("${cueWords(DECLINED_TARGET, text)}")` };
  if (NAMED_TASK.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it gives a named group a task ("${cueWords(NAMED_TASK, text)}")` };
  if (POINTER.test(text)) return { role: 'narrative', narrative: 'background', reason: `it points to other parts ("${cueWords(POINTER, text)}")` };
  if (META.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it describes the document's own notation ("${cueWords(META, text)}")` };
  if (EXCLAMATION.test(text) && !RFC2119.test(text)) return { role: 'narrative', narrative: 'discussion', reason: 'it exclaims (a sentence ending in "!")' };
  if (EVALUATION.test(text)) return { role: 'narrative', narrative: 'rationale', reason: `it weighs the proposal ("${cueWords(EVALUATION, text)}")` };
  if (RATIONALE.test(text)) return { role: 'narrative', narrative: 'rationale', reason: `it explains ("${cueWords(RATIONALE, text)}")` };
  if (BACKGROUND.test(text)) return { role: 'narrative', narrative: 'background', reason: `it describes the present ("${cueWords(BACKGROUND, text)}")` };
  if (HEDGED_DECISION.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it leaves a decision open ("${cueWords(HEDGED_DECISION, text)}")` };
  if (PREDICTION.test(text)) return { role: 'narrative', narrative: 'prediction', reason: `it predicts ("${cueWords(PREDICTION, text)}")` };
  if (POSSIBILITY.test(text)) return { role: 'narrative', narrative: 'prediction', reason: `it weighs a possibility ("${cueWords(POSSIBILITY, text)}")` };
  if (ELABORATION.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it elaborates on what came before ("${cueWords(ELABORATION, text)}")` };
  if (ASSESSMENT.test(text) && !/\d/.test(text)) return { role: 'narrative', narrative: 'discussion', reason: `it assesses ("${cueWords(ASSESSMENT, text)}")` };
  return undefined;
}

function cueWords(pattern: RegExp, text: string): string {
  return (pattern.exec(text)?.[0] ?? '').replace(/^[\s"'(*_]+/, '').trim().slice(0, 40);
}

/** Words that open a subordinate clause: a modal inside one states a condition or a description. */
const SUBORDINATE = /\b(?:if|when|whenever|unless|whether|which|that|whose|who|whom|where|what|how|because|since|although|though|while|once|until|so that|as long as|in case)\b/i;
/**
 * The content of what the authors or the document propose, require or recommend: "We propose that
 * implementations should retry", "This RFC requires that the tag must be unique", "It is recommended
 * that clients should ...". The that-clause is the proposal's own rule, so its modal binds; a
 * subordinate word inside it ("... that, if the cache is cold, ...") still ends the clause.
 */
const PROPOSED_CONTENT = /^(?:[^,;:]*?\s)?(?:(?:we|i|(?:this|the|our) (?:rfc|kep|proposal|document|design|pitch|spec|specification))\s+(?:(?:also|therefore|thus|further|instead|hereby)\s+)?(?:propose|proposes|recommend|recommends|require|requires|mandate|mandates|specify|specifies|stipulate|stipulates)|it is (?:(?:also|therefore|thus)\s+)?(?:proposed|recommended|required|mandated|specified))\s+that\s+(?!(?:[^\s]+\s+){0,6}?(?:if|when|whenever|unless|whether|which|who|where|because|since|although|while|once|until)\b)[^]*$/i;
/** A hedge or a hypothetical right before the modal: "sometimes need to", "would need to". */
const HEDGED = /\b(?:sometimes|often|usually|typically|generally|occasionally|rarely|would|could|might|may|probably|likely|also may)\s+(?:(?:only|also|still|just|then|never|not)\s+)?$/i;

/** The clause a word at `index` is in, up to the word: punctuation and "then" end a clause. */
function clauseBefore(text: string, index: number): string {
  const parts = text.slice(0, index).split(/[,;:()—–]|\s-\s|\bthen\b/i);
  return parts[parts.length - 1] ?? '';
}

/** The global twin of each pattern asked about, going with the pattern. */
const globalPatterns = new WeakMap<RegExp, RegExp>();

/** The first occurrence of `pattern` in the main clause, not hedged: its text, or undefined. */
function mainClauseMatch(pattern: RegExp, text: string, weakSubject: boolean): string | undefined {
  // Most statements hold none of the words: one cheap test first.
  if (!pattern.test(text)) return undefined;
  let global = globalPatterns.get(pattern);
  if (!global) globalPatterns.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags}g`)));
  for (const match of text.matchAll(global)) {
    const index = match.index ?? 0;
    const clause = clauseBefore(text, index);
    if ((SUBORDINATE.test(clause) && !PROPOSED_CONTENT.test(clause)) || HEDGED.test(text.slice(0, index))) continue;
    if (weakSubject && WEAK_SUBJECT.test(text.slice(0, index)) && !PASSIVE_FUTURE.test(text.slice(0, index + 40))) continue;
    return match[0];
  }
  return undefined;
}

/** A Given/When/Then criterion. */
const SCENARIO = /^(?:[\s*_>]|\[[ xX]\])*(?:\*\*)?(?:given|when)\b[\s\S]*\bthen\b/i;

/** A binding cue in the wording: the word that binds, or undefined. */
function bindingCue(text: string, kind: StatementKind): string | undefined {
  const rfc = RFC2119.exec(text);
  if (rfc && !/^[^\p{Ll}]*$/u.test(text)) return rfc[0];
  const obligation = mainClauseMatch(OBLIGATION, text, false);
  if (obligation) return obligation.toLowerCase();
  const should = mainClauseMatch(SHOULD, text, true);
  if (should) return 'should';
  const will = mainClauseMatch(WILL, text, true);
  if (will) return will.toLowerCase();
  if (SCENARIO.test(text)) return 'Given/When/Then';
  if (kind !== 'sentence' && isImperative(text)) return `${firstWord(text)}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Building

/** Column headers that make a table's rows requirements. */
const REQUIREMENT_COLUMN = /\b(?:requirements?|criteri(?:a|on)|acceptance|must|shall|targets?|slos?|thresholds?|limits?|constraints?|expected|guarantees?|obligations?|budgets?)\b/i;

const SECTION_LABEL: Record<SectionRole, string> = {
  requirements: 'a requirements section',
  criteria: 'a criteria section',
  goals: 'a goals section',
  'non-goals': 'a non-goals section',
  definitions: 'a definitions section',
  design: 'a design section',
  narrative: 'a narrative section',
  questions: 'a questions section',
  none: 'no recognised section',
};

/** Default role of a statement with no cue, by section role. */
const DEFAULT_ROLE: Record<SectionRole, StatementRole | undefined> = {
  requirements: 'requirement',
  criteria: 'criterion',
  goals: 'goal',
  'non-goals': 'non-goal',
  definitions: 'definition',
  design: undefined,
  narrative: 'narrative',
  questions: 'question',
  none: undefined,
};

/** Role given to an explicitly binding statement in each kind of section. */
function bindingRoleIn(sectionRole: SectionRole): StatementRole {
  if (sectionRole === 'criteria') return 'criterion';
  if (sectionRole === 'goals') return 'goal';
  if (sectionRole === 'non-goals') return 'non-goal';
  return 'requirement';
}

/** Builds the statements of a parsed model (called once by parseSpec). */
export function buildStatements(model: SpecModel): Statement[] {
  const roles = sectionRoles(model.sections);
  const roleOf = (section: Section | undefined): SectionRoleInfo => (section ? roles[section.index] : { role: 'none', decidedBy: undefined });
  const rows = tableRowIndex(model.tables);
  const cellsByRow = new Map<string, Sentence[]>();
  for (const sentence of model.sentences) {
    if (sentence.kind !== 'table-cell') continue;
    const row = rows.get(sentence.startOffset);
    if (!row || row.header) continue;
    const key = `${row.table}:${row.row}`;
    const cells = cellsByRow.get(key);
    if (cells) cells.push(sentence);
    else cellsByRow.set(key, [sentence]);
  }
  const statements: Statement[] = [];
  for (const sentence of model.sentences) {
    if (sentence.kind === 'heading') continue;
    if (sentence.kind === 'table-cell') {
      const row = rows.get(sentence.startOffset);
      const key = row ? `${row.table}:${row.row}` : '';
      const cells = cellsByRow.get(key);
      // A row becomes one statement, at its first cell.
      if (!row || !cells || cells[0] !== sentence) continue;
      statements.push(tableRowStatement(model, statements.length, cells, row, roleOf(sentence.section)));
      continue;
    }
    statements.push(sentenceStatement(model, statements.length, sentence, roleOf(sentence.section), statements));
  }
  markWeakenedSiblings(statements);
  return statements;
}

// ---------------------------------------------------------------------------------------------
// A list that states its outcomes plainly

/**
 * A lower-case should or may and the predicate after it: "should be an error", "may be
 * acknowledged and ignored", "should return 404". The predicate runs to the end of its clause.
 */
const WEAK_PREDICATE = /(?<![\p{L}\p{N}_'’-])(?:should|may)\s+(not\s+)?(be\s+)?([\p{L}][^,;:.()]*)/u;

/** The words of a predicate, up to three: enough to recognise the same outcome in a sibling. */
function predicateWords(rest: string): string[] | undefined {
  const words = rest.trim().split(/\s+/).slice(0, 3).map((word) => word.toLowerCase());
  // One word says too little ("be empty"), unless it is the outcome itself ("be rejected").
  if (words.length < 2 && !/^\p{L}{3,}ed$/u.test(words[0] ?? '')) return undefined;
  return words;
}

/** The third-person forms of a base-form verb: "return" -> "returns", "retry" -> "retries", "pass" -> "passes". */
function thirdPerson(verb: string): string {
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return /(?:s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`;
}

function escapeWords(words: string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
}

/**
 * The pattern a sibling matches when it states the predicate after a should or may plainly:
 * "is an error" for "should be an error", "returns 404" for "should return 404"; a negated
 * modal wants a negated sibling ("is not retried" for "should not be retried").
 */
function plainPredicate(text: string): RegExp | undefined {
  const match = WEAK_PREDICATE.exec(text);
  if (!match || inClauseOfItsOwn(text, match.index)) return undefined;
  const words = predicateWords(match[3]);
  if (!words) return undefined;
  const not = match[1] ? String.raw`\s+not` : '';
  if (match[2]) return new RegExp(String.raw`\b(?:is|are)${not}\s+${escapeWords(words)}(?![\p{L}\p{N}])`, 'iu');
  const [verb, ...rest] = words;
  if (match[1] || rest.length === 0) return undefined;
  return new RegExp(String.raw`\b${escapeWords([thirdPerson(verb), ...rest])}(?![\p{L}\p{N}])`, 'iu');
}

/** True when a subordinate clause that has not ended holds the word at `index` ("a value that may be ..."). */
function inClauseOfItsOwn(text: string, index: number): boolean {
  const clause = clauseBefore(text, index);
  const subordinate = /\b(?:if|when|whenever|unless|whether|because|since|although|though|while|once|until|so that|as long as|in case)\b/i.exec(clause);
  return subordinate !== null && !/\b(?:is|are|has|have|does|do)\b/i.test(clause.slice(subordinate.index + subordinate[0].length));
}

/**
 * Marks list items whose lower-case should or may weakens what a sibling item of the same list
 * states plainly ("A value that does not match its type should be an error." beside "A variable
 * the schema requires that the file lacks is an error."; "A message_id seen in the last 7 days
 * may be acknowledged and ignored." beside "A message older than the last change is acknowledged
 * and ignored"). Such an item states an outcome of the same list at a level the reader cannot tell:
 * in a design section, where a may item would otherwise state no obligation, it is a requirement.
 */
function markWeakenedSiblings(statements: Statement[]): void {
  const openers = new Map<number, Statement[]>();
  for (const statement of statements) {
    const item = statement.listItem;
    if (statement.kind !== 'list-item' || !item || openingStatementOf(statements, statement) !== statement) continue;
    const list = openers.get(item.list);
    if (list) list.push(statement);
    else openers.set(item.list, [statement]);
  }
  for (const items of openers.values()) {
    if (items.length < 2) continue;
    for (const statement of items) {
      if (statement.sectionRole === 'narrative' || statement.sectionRole === 'questions' || statement.sectionRole === 'definitions') continue;
      if (statement.role !== 'narrative' && statement.role !== 'requirement') continue;
      // Only a statement its place left without a role, or that binds by its should, is read again:
      // an example, a prediction or a rationale keeps its role.
      if (statement.role === 'narrative' && statement.explicit) continue;
      const pattern = plainPredicate(statement.text.replace(/\s+/g, ' '));
      if (!pattern) continue;
      const sibling = items.find((other) => other !== statement && !MODAL_WORD.test(other.text) && pattern.test(other.text.replace(/\s+/g, ' ')));
      if (!sibling) continue;
      statement.plainSibling = sibling;
      if (statement.role === 'narrative') {
        const stated = pattern.exec(sibling.text.replace(/\s+/g, ' '))?.[0] ?? '';
        statement.role = 'requirement';
        statement.narrative = undefined;
        statement.binding = true;
        statement.explicit = true;
        statement.reason = `a sibling item states the same outcome plainly ("${stated}")`;
      }
    }
  }
}

/** A modal of any strength: a sibling that has one does not state its outcome plainly. */
const MODAL_WORD = /(?<![\p{L}\p{N}_'’-])(?:should|may|might|could|would|can|must|shall|will)(?![\p{L}\p{N}_'’-])/iu;

/** The statement that opens the list item of `statement`. */
function openingStatementOf(statements: Statement[], statement: Statement): Statement | undefined {
  let first = statement;
  for (let i = statement.index - 1; i >= 0 && statements[i].listItem === statement.listItem; i--) first = statements[i];
  return first;
}

interface RowInfo {
  table: number;
  row: number;
  header: boolean;
  tableRef: Table;
}

function tableRowIndex(tables: readonly Table[]): Map<number, RowInfo> {
  const index = new Map<number, RowInfo>();
  tables.forEach((table, t) => {
    for (const cell of table.header) index.set(cell.startOffset, { table: t, row: 0, header: true, tableRef: table });
    table.rows.forEach((cells, r) => {
      for (const cell of cells) if (!index.has(cell.startOffset)) index.set(cell.startOffset, { table: t, row: r + 1, header: false, tableRef: table });
    });
  });
  return index;
}

function sectionPhrase(section: Section | undefined, info: SectionRoleInfo): string {
  if (!section) return SECTION_LABEL.none;
  const decided = info.decidedBy;
  const label = SECTION_LABEL[info.role] + (info.narrative ? ` (${info.narrative})` : '');
  if (!decided) return `"${section.title}" (${SECTION_LABEL.none})`;
  if (info.introduction) return `the introduction under the title "${section.title}"`;
  if (decided === section) return `"${section.title}", ${label}`;
  return `"${section.title}" under "${decided.title}", ${label}`;
}

function tableRowStatement(model: SpecModel, index: number, cells: Sentence[], row: RowInfo, info: SectionRoleInfo): Statement {
  const start = cells[0].startOffset;
  const end = cells[cells.length - 1].endOffset;
  const text = cells.map((cell) => cell.text).join(' | ');
  const section = cells[0].section;
  const requirementColumn = row.tableRef.header.find((cell) => REQUIREMENT_COLUMN.test(cell.text));
  let role: StatementRole;
  let narrative: NarrativeKind | undefined;
  let explicit = false;
  let reason: string;
  const cue = bindingCue(text, 'table-row');
  if (info.role === 'narrative') {
    role = 'narrative';
    narrative = info.narrative;
    reason = `a table row in ${sectionPhrase(section, info)}`;
  } else if (requirementColumn) {
    role = bindingRoleIn(info.role === 'criteria' || info.role === 'goals' || info.role === 'non-goals' ? info.role : 'requirements');
    explicit = true;
    reason = `a row of a table with a "${requirementColumn.text.trim()}" column`;
  } else if (DEFAULT_ROLE[info.role]) {
    role = DEFAULT_ROLE[info.role] as StatementRole;
    narrative = role === 'narrative' ? info.narrative : undefined;
    reason = `a table row in ${sectionPhrase(section, info)}`;
  } else if (cue && cue !== firstWord(text)) {
    role = 'requirement';
    explicit = true;
    reason = `'${cue}' in a table row in ${sectionPhrase(section, info)}`;
  } else {
    role = 'definition';
    reason = `a table row in ${sectionPhrase(section, info)}`;
  }
  return {
    index, kind: 'table-row', text, role, narrative, binding: isBindingRole(role), explicit, reason, cue, strongCue: isStrongCue(cue, text),
    startOffset: start, endOffset: end, range: rangeFromOffsets(model, start, end), section, sectionRole: info.role, sentences: cells,
  };
}

function sentenceStatement(
  model: SpecModel, index: number, sentence: Sentence, info: SectionRoleInfo, before: Statement[],
): Statement {
  const kind: StatementKind = sentence.kind === 'list-item' ? 'list-item' : 'sentence';
  const item = sentence.listItem;
  // A paragraph of the item after a nested list continues the item: it does not open it.
  const opener = item ? openingStatement(before, item) : undefined;
  const opensItem = kind === 'list-item' && item !== undefined && !opener;
  const leadIn = opensItem && item ? findLeadIn(model, before, item) : kind === 'list-item' ? opener?.leadIn : undefined;
  // "### Goals" over "Define a standard API for ..." and "Allow users to transition ...": a paragraph
  // that opens with its verb is an item of the section written as prose, read like a list item.
  const itemParagraph = kind === 'sentence' && sentence.kind === 'paragraph' && ITEM_SECTIONS.has(info.role) && opensParagraph(model, before, sentence);
  const wording = wordingOf(sentence.text, opensItem || itemParagraph ? 'list-item' : 'sentence');
  // The text of an item that opens with a question ("* **How can an operator determine ...?**")
  // answers it: judged on its own wording, as in a design section.
  const place: SectionRoleInfo = opener?.role === 'question' && info.role !== 'narrative' ? { role: 'design', decidedBy: info.decidedBy }
    : introduces(sentence) ? { role: 'narrative', narrative: 'background', decidedBy: sentence.section, introduction: true } : info;
  const decided = decideRole(wording, sentence, place, leadIn);
  return {
    index,
    kind,
    text: sentence.text,
    role: decided.role,
    narrative: decided.narrative,
    binding: isBindingRole(decided.role),
    explicit: decided.explicit,
    reason: decided.reason,
    cue: decided.cue,
    strongCue: decided.strongCue,
    justificationStart: wording.justificationStart(),
    purposeEnd: wording.purposeEnd(),
    startOffset: sentence.startOffset,
    endOffset: sentence.endOffset,
    range: sentence.range,
    section: sentence.section,
    sectionRole: place.role,
    sentences: [sentence],
    listItem: item,
    leadIn,
  };
}

/**
 * A paragraph between the document's title and its first section introduces the document, as a
 * summary does ("This proposal describes a mechanism ... The ultimate goal is to allow library
 * authors to release APIs earlier"): what it says the work is for, the sections say what it does.
 * A list there is read as before (a metadata list, or the document's checks or requirements).
 */
function introduces(sentence: Sentence): boolean {
  return sentence.kind === 'paragraph' && sentence.section !== undefined && isTitle(sentence.section);
}

/** Sections whose statements are items of a list, even when each is written as a paragraph. */
const ITEM_SECTIONS: ReadonlySet<SectionRole> = new Set(['goals', 'non-goals', 'criteria']);

/** True when the sentence opens its paragraph: a blank line or a heading separates it from the statement before. */
function opensParagraph(model: SpecModel, before: Statement[], sentence: Sentence): boolean {
  const previous = before[before.length - 1];
  if (!previous || previous.section !== sentence.section) return true;
  return BLANK_LINE.test(model.text.slice(previous.endOffset, sentence.startOffset));
}

/**
 * The statement that opens a list item, among the statements built so far: the item's first,
 * across the nested lists between its paragraphs.
 */
function openingStatement(before: Statement[], item: ListItem): Statement | undefined {
  let first: Statement | undefined;
  for (let i = before.length - 1; i >= 0 && insideItem(before[i].listItem, item); i--) {
    if (before[i].listItem === item) first = before[i];
  }
  return first;
}

/** True when `candidate` is `item` or an item of a list nested in it. */
function insideItem(candidate: ListItem | undefined, item: ListItem): boolean {
  for (let current = candidate; current; current = current.parent) if (current === item) return true;
  return false;
}

/**
 * The statement a list item reads with: the sentence just before the list when it ends in ":"
 * (or the list directly follows it), or the parent item for a nested list. Items of one list
 * share the lead-in of the first.
 */
function findLeadIn(model: SpecModel, before: Statement[], item: ListItem): Statement | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const candidate = before[i];
    if (candidate.listItem && candidate.listItem.depth === item.depth && candidate.listItem !== item) {
      // A list under another heading is not read with this one's lead-in.
      if (candidate.listItem.list !== item.list && candidate.listItem.section !== item.section) return undefined;
      // An earlier item of the same list (nothing but list items between): same lead-in.
      const between = model.text.slice(candidate.endOffset, item.startOffset);
      if (!/\n[ \t]*\n[ \t]*\n/.test(between) || candidate.leadIn) return candidate.leadIn;
      return undefined;
    }
    if (candidate.listItem && candidate.listItem.depth < item.depth) {
      // The parent item of a nested list.
      let first = i;
      while (first > 0 && before[first - 1].listItem === candidate.listItem) first--;
      return before[first];
    }
    if (!candidate.listItem) {
      const gap = model.text.slice(candidate.endOffset, item.startOffset);
      // Only the list marker and blank lines between: the list follows this sentence.
      if (/^[\s>]*(?:[-*+]|\d{1,9}[.)])?[\s>]*(?:\[[ xX]\]\s*)?$/.test(gap.replace(/\n/g, ' ')) && /:\s*[*_]*$/.test(candidate.text)) return candidate;
      return undefined;
    }
  }
  return undefined;
}

/** A lead-in that leaves its items out of the proposal: non-goals, things deferred or absent. */
const EXCLUDING_LEAD_IN = withFastBoundaries(/\bnon[- ]?goals?\b|\bout of (?:the )?scope\b|\bnot (?:in scope|part of|included in|covered by|addressed by|a goal)\b|\b(?:is|are)\s+(?:\p{L}+ly\s+)?(?:absent|excluded|omitted|left out|deferred)\b/iu);
/** A lead-in that offers its items as options to weigh: "suggestions for possible steps we could take". */
const SUGGESTING_LEAD_IN = withFastBoundaries(/\bsuggestions?\b|\b(?:possible|potential|candidate) (?:steps|approaches|options|solutions|ways|changes|directions|improvements|extensions|mitigations)\b|\bideas\b|\b(?:we|you|one|they) (?:could|might) (?:\p{L}+ )?(?:take|do|consider|try|use|add|explore|pursue)\b|\bsome (?:options|possibilities|alternatives)\b/iu);

/** A lead-in that gives its items as the reasons for what it says: "No testing of downgrade is necessary because:". */
const REASONING_LEAD_IN = /\b(?:because|since|for (?:the following|these|several|two|three|four|a few) reasons|the reasons? (?:is|are|being)|reasons? why)\s*:\s*$/i;

/**
 * A lead-in that offers its items as examples: "Example of operations performed by platform
 * admins:", "we need to change blocks for reasons, like:", "... to support various use cases. E.g.".
 * The items illustrate; they are not each a requirement.
 */
const EXAMPLE_LEAD_IN = /(?:\b(?:for (?:example|instance)|e\.\s?g\.?|such as|like)|\bexamples?(?: (?:of|include|includes|are)\b[^:]*)?)\s*:?\s*$|^\s*(?:some\s+)?examples?\b[^:.]{0,80}:\s*$/i;

/** A lead-in that lists a named group's duties: "The Edition project group is responsible for:". */
const GROUP_TASK_LEAD_IN = /^\s*(?:the\s+)?\p{Lu}[\w-]*(?:\s+[\w-]+){0,4}?\s+(?:group|groups|team|teams|council|committee|SIG|working group|maintainers|leads|owners)\s+(?:is|are|will be)\s+(?:(?:also|jointly|primarily)\s+)?(?:responsible for|in charge of|tasked with)\b/u;

/**
 * What a lead-in above the item (its own, or one above its parent item) says its items are, when it
 * says so: left out of the proposal, suggestions, a named group's duties, or reasons.
 */
function leadInScope(leadIn: Statement | undefined): LeadInScope | undefined {
  if (!leadIn) return undefined;
  // The items of one list share their lead-in: it is read once.
  let scope = leadInScopes.get(leadIn);
  if (scope === undefined) leadInScopes.set(leadIn, (scope = readLeadInScope(leadIn) ?? null));
  return scope ?? undefined;
}

interface LeadInScope {
  kind: 'non-goal' | 'suggestion' | 'task' | 'reason' | 'example';
  leadIn: Statement;
}

const leadInScopes = new WeakMap<Statement, LeadInScope | null>();

function readLeadInScope(leadIn: Statement): LeadInScope | undefined {
  for (let current: Statement | undefined = leadIn, depth = 0; current && depth < 4; current = current.leadIn, depth++) {
    if (EXAMPLE_LEAD_IN.test(current.text.replace(/[*_]/g, ''))) return { kind: 'example', leadIn: current };
    if (!/:\s*[*_]*$/.test(current.text)) continue;
    const text = current.text.replace(/[*_]/g, '').replace(/\s+/g, ' ');
    if (EXCLUDING_LEAD_IN.test(text)) return { kind: 'non-goal', leadIn: current };
    if (SUGGESTING_LEAD_IN.test(text)) return { kind: 'suggestion', leadIn: current };
    if (GROUP_TASK_LEAD_IN.test(text)) return { kind: 'task', leadIn: current };
    if (REASONING_LEAD_IN.test(text)) return { kind: 'reason', leadIn: current };
  }
  return undefined;
}

interface Decision {
  role: StatementRole;
  narrative?: NarrativeKind;
  explicit: boolean;
  reason: string;
  cue?: string;
  strongCue: boolean;
}

/**
 * What the wording of a statement says on its own, worked out at most once per wording and kind,
 * each part only when the role decision asks for it: the binding cue, the narrative cue (block
 * quotes aside, they are told by their place), a hypothetical main clause, where a justification
 * starts and where a leading purpose clause ends. An edited document keeps most of its
 * statements, and its versions are analysed one after another. Only functions of the text and
 * the kind may be remembered here.
 */
class Wording {
  /** Line breaks inside a paragraph are spaces to the reader. */
  readonly text: string;
  private cueFound: string | null | undefined;
  private narrativeFound: Cue | null | undefined;
  private hypotheticalFound: string | null | undefined;
  private justificationFound: number | null | undefined;
  private purposeFound: number | null | undefined;

  constructor(readonly written: string, readonly kind: 'list-item' | 'sentence') {
    this.text = IRREGULAR_SPACE.test(written) ? written.replace(/\s+/g, ' ') : written;
  }

  cue(): string | undefined {
    if (this.cueFound === undefined) this.cueFound = bindingCue(this.text, this.kind) ?? null;
    return this.cueFound ?? undefined;
  }

  narrative(sentence: Sentence): Cue | undefined {
    const statement = { kind: this.kind, text: this.text };
    if (sentence.kind === 'blockquote') return narrativeCue(statement, sentence);
    if (this.narrativeFound === undefined) this.narrativeFound = narrativeCue(statement, sentence) ?? null;
    return this.narrativeFound ?? undefined;
  }

  /** would, could or might in the main clause, as written. */
  hypothetical(): string | undefined {
    if (this.hypotheticalFound === undefined) this.hypotheticalFound = mainClauseMatch(HYPOTHETICAL, this.text, false) ?? null;
    return this.hypotheticalFound ?? undefined;
  }

  /** Where a justification clause starts in the written text, when not at its start. */
  justificationStart(): number | undefined {
    if (this.justificationFound === undefined) {
      const justification = JUSTIFICATION.exec(this.written);
      this.justificationFound = justification && justification.index > 0 ? justification.index : null;
    }
    return this.justificationFound ?? undefined;
  }

  /** Where a leading purpose clause of the written text ends. */
  purposeEnd(): number | undefined {
    if (this.purposeFound === undefined) this.purposeFound = PURPOSE.exec(this.written)?.[0].length ?? null;
    return this.purposeFound ?? undefined;
  }
}

// One cache per kind: a list item and a sentence of the same words may bind differently.
const wordings = { 'list-item': new LruCache<string, Wording>(10_000), sentence: new LruCache<string, Wording>(10_000) };

function wordingOf(text: string, kind: 'list-item' | 'sentence'): Wording {
  const cache = wordings[kind];
  let wording = cache.get(text);
  if (!wording) {
    // The key and the texts are copies: a sentence is a substring that would keep its whole document alive.
    const written = detachedString(text);
    wording = new Wording(written, kind);
    cache.set(written, wording);
  }
  return wording;
}

function decideRole(wording: Wording, sentence: Sentence, info: SectionRoleInfo, leadIn: Statement | undefined): Decision {
  const statement = { kind: wording.kind, text: wording.text };
  const cue = wording.cue();
  const strongCue = isStrongCue(cue, statement.text);
  // The fields copied one by one: a spread of the many shapes roleFromPlace returns is slow.
  const placed = roleFromPlace(statement, sentence, info, leadIn, cue, strongCue, wording);
  return { role: placed.role, narrative: placed.narrative, explicit: placed.explicit, reason: placed.reason, cue, strongCue };
}

/** Obligations that also describe a present necessity: "need to", "have to". */
const NEED_CUE = /^(?:needs? to|has to|have to)$/i;

/** White space that reads as one space: a line break, a tab, a run of spaces. */
const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** must, shall, RFC 2119 keywords, "required", Given/When/Then: not will, should or an imperative. */
function isStrongCue(cue: string | undefined, text: string): boolean {
  return cue !== undefined && !/^(?:will|won['’]t|should)$/i.test(cue) && cue !== firstWord(text);
}

function roleFromPlace(
  statement: Pick<Statement, 'text' | 'kind'>, sentence: Sentence, info: SectionRoleInfo, leadIn: Statement | undefined,
  cue: string | undefined, strongCue: boolean, wording: Wording,
): Omit<Decision, 'cue' | 'strongCue'> {
  const where = sectionPhrase(sentence.section, info);
  const narrative = wording.narrative(sentence) ?? hypotheticalCue(wording, info, cue);
  if (info.role === 'questions') return { role: 'question', explicit: false, reason: `in ${where}` };
  if (narrative?.role === 'question') return { role: 'question', explicit: true, reason: narrative.reason };
  // The lead-in decides what its items are when it says so: "The RFC also has a couple of
  // non-goals:", "The following are suggestions for possible steps we could take:". Only must,
  // shall or an RFC 2119 keyword in the item itself binds it again.
  const scope = strongCue || narrative ? undefined : leadInScope(leadIn);
  if (scope) {
    const quoted = `("${scope.leadIn.text.replace(/\s+/g, ' ').trim().slice(0, 50)}")`;
    if (scope.kind === 'non-goal') return { role: 'non-goal', explicit: false, reason: `an item under a lead-in that leaves it out ${quoted}` };
    if (scope.kind === 'task') return { role: 'narrative', narrative: 'discussion', explicit: false, reason: `an item of a named group's duties ${quoted}` };
    if (scope.kind === 'reason') return { role: 'narrative', narrative: 'rationale', explicit: false, reason: `an item under a lead-in that gives reasons ${quoted}` };
    if (scope.kind === 'example') return { role: 'narrative', narrative: 'example', explicit: false, reason: `an item under a lead-in that gives examples ${quoted}` };
    return { role: 'narrative', narrative: 'discussion', explicit: false, reason: `an item under a lead-in that offers suggestions ${quoted}` };
  }
  // "Our goal is that all groups will have well-defined charters": a goal wherever it is stated,
  // except in background and argument.
  const goal = info.role === 'narrative' || info.role === 'non-goals' ? null : GOAL_STATEMENT.exec(statement.text);
  if (goal) return { role: 'goal', explicit: true, reason: `it states a goal ("${goal[0].replace(/^[\s"'(*_>]+/, '').trim()}")` };
  // must, shall and RFC 2119 keywords in the main clause bind even in a sentence that opens with
  // an explanation or an example: "Since numbers must be portable, each number must be unique".
  // "Since this feature touches filtering, the performance should be similar": the clause after
  // the reason is the statement.
  const reasonFirst = narrative?.narrative === 'rationale' && /^\W*(?:since|because|as(?! a (?:consequence|result)\b))\b[^,]*,/i.test(statement.text)
    && cue !== undefined && statement.text.indexOf(cue) > statement.text.indexOf(',');
  // "Hopefully, the process will have limited duration" in a goals section: a goal whose
  // commitment is hedged (an escape clause), not a forecast about something else.
  const hedged = narrative?.narrative === 'prediction' && cue !== undefined && NORMATIVE_ROLES.has(info.role) && HEDGE_OPENING.test(statement.text);
  // "For now, we need to mostly rely on ...": after a present-state opener, need to / have to say what
  // the present requires of people; must and shall still bind ("Today the API must ...").
  const presentNeed = narrative?.narrative === 'background' && cue !== undefined && NEED_CUE.test(cue);
  const yields = narrative && ((strongCue && !presentNeed) || reasonFirst || hedged)
    && (narrative.yieldsToObligation === true || ['rationale', 'example', 'prediction', 'background'].includes(narrative.narrative ?? ''));
  if (narrative && !yields && narrative.narrative !== 'background' && narrative.narrative !== 'prediction') {
    return { role: 'narrative', narrative: narrative.narrative, explicit: true, reason: narrative.reason };
  }
  if (info.role === 'narrative') {
    return { role: 'narrative', narrative: narrative?.narrative ?? info.narrative, explicit: false, reason: `in ${where}` };
  }
  // "Today the API returns 500" describes the present, and so does "Currently the API will
  // panic"; "Today ... must" still binds.
  if (narrative && !yields) {
    return { role: 'narrative', narrative: narrative.narrative, explicit: true, reason: narrative.reason };
  }
  // "Rollout should have minimal impact because ...": a reasoned expectation, not an obligation.
  if (cue === 'should' && /\bbecause\b/i.test(statement.text)) {
    return { role: 'narrative', narrative: 'prediction', explicit: true, reason: 'it predicts ("should ... because")' };
  }
  // "Ideally, this time should decrease significantly after the initial mount": outside requirements,
  // criteria and goals, a quantity expected to change is a forecast of what measurements will show.
  // A must or need to after it belongs to a later clause ("... as many of the descendants will only need to re-render").
  const expected = !NORMATIVE_ROLES.has(info.role) ? mainClauseMatch(EXPECTED_CHANGE, statement.text, false) : undefined;
  if (expected && (!strongCue || !cue || statement.text.search(EXPECTED_CHANGE) < statement.text.indexOf(cue))) {
    return { role: 'narrative', narrative: 'prediction', explicit: true, reason: `it forecasts a measurement ("${expected}")` };
  }
  if (sentence.listItem?.checked === true && statement.kind === 'list-item') {
    return { role: 'narrative', narrative: 'background', explicit: true, reason: 'it reports a status (a ticked checkbox)' };
  }
  if (TAGGED.test(statement.text)) {
    return { role: 'narrative', narrative: 'background', explicit: true, reason: 'it names tests or items by their bracketed tags' };
  }
  const endsWithColon = /:\s*[*_]*$/.test(statement.text);
  if (endsWithColon && !cue) return { role: 'narrative', narrative: 'lead-in', explicit: true, reason: 'it introduces what follows (a lead-in ending in ":")' };
  if (leadIn && !cue) {
    if (leadIn.role === 'narrative' || leadIn.role === 'question') {
      if (leadIn.narrative !== 'lead-in') {
        return { role: leadIn.role, narrative: leadIn.narrative, explicit: false, reason: `an item under a lead-in that is ${leadIn.role === 'narrative' ? `narrative (${leadIn.narrative})` : 'a question'}` };
      }
    } else if (leadIn.binding) {
      const role = leadIn.role === 'goal' || leadIn.role === 'non-goal' || leadIn.role === 'criterion' ? leadIn.role : bindingRoleIn(info.role);
      return { role, explicit: true, reason: `an item of a binding lead-in ("${leadIn.text.trim().slice(0, 50)}")` };
    }
  }
  // "The goals of this new format are to:" over "* Create something that's visually easy to parse": an
  // item that opens with its verb completes the lead-in's goal or criterion.
  if (leadIn && cue !== undefined && cue === firstWord(statement.text) && (leadIn.role === 'goal' || leadIn.role === 'non-goal' || leadIn.role === 'criterion')) {
    return { role: leadIn.role, explicit: true, reason: `an item of a binding lead-in ("${leadIn.text.trim().slice(0, 50)}")` };
  }
  if (info.role === 'definitions') {
    return { role: 'definition', explicit: false, reason: `in ${where}` };
  }
  if (cue && !(info.role === 'design' || info.role === 'none') ) {
    return { role: bindingRoleIn(info.role), explicit: true, reason: `'${cue}' in ${where}` };
  }
  if (cue) {
    return { role: 'requirement', explicit: true, reason: `'${cue}' in ${where}` };
  }
  if (DEFINES.test(statement.text) || (statement.kind === 'list-item' && TERM_ENTRY.test(statement.text) && info.role === 'none')) {
    return { role: 'definition', explicit: true, reason: 'it defines a term' };
  }
  const task = sentence.listItem?.checked === false;
  if (!task && (CURRENT.test(statement.text) || PAST.test(statement.text))) {
    return { role: 'narrative', narrative: 'background', explicit: false, reason: 'it describes what exists (present state or past tense)' };
  }
  const defaultRole = DEFAULT_ROLE[info.role];
  if (sentence.kind === 'paragraph' && defaultRole && ['criteria', 'goals', 'non-goals'].includes(info.role)) {
    // Criteria and goals are listed; prose between the items introduces or explains them.
    return { role: 'narrative', narrative: 'discussion', explicit: false, reason: `prose without a modal or an imperative in ${where}` };
  }
  if (defaultRole) return { role: defaultRole, explicit: false, reason: `${statement.kind === 'list-item' ? 'a list item' : 'a sentence'} in ${where}` };
  // "The consumer acknowledges a message after the transaction commits", "Reads the env file and
  // reports every problem": in a design section, or one whose heading names no role ("Commands",
  // "Run report"), what the proposed system does, in the present tense.
  if ((info.role === 'design' || info.role === 'none') && describesBehaviour(statement.text)) {
    return { role: 'requirement', explicit: false, reason: `it states what the system does (present tense) in ${where}` };
  }
  return { role: 'narrative', narrative: 'discussion', explicit: false, reason: `it states no obligation (no modal or imperative) in ${where}` };
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The statement that contains `offset` (start inclusive, end exclusive), if any. */
export function statementAt(model: Pick<SpecModel, 'statements'>, offset: number): Statement | undefined {
  const statements = model.statements;
  const found = statements[firstIndexWhere(statements.length, (index) => itemAt(statements, index).startOffset > offset) - 1];
  return found && offset < Math.max(found.endOffset, found.startOffset + 1) ? found : undefined;
}

/** The statement a model sentence belongs to (table cells belong to their row). */
export function statementOf(model: Pick<SpecModel, 'statements'>, sentence: Sentence): Statement | undefined {
  const statement = statementAt(model, sentence.startOffset);
  return statement?.sentences.includes(sentence) ? statement : undefined;
}

/** "judged as a requirement: 'must' in "Requirements", a requirements section". */
export function describeStatement(statement: Statement): string {
  const role = statement.role === 'narrative' && statement.narrative ? `narrative (${statement.narrative})` : statement.role;
  return `judged as ${/^[aeio]/.test(role) ? 'an' : 'a'} ${role}: ${statement.reason}`;
}

/** A blank line between two statements: they are in different paragraphs. */
const BLANK_LINE = /\n[ \t>]*\n/;

/**
 * True when the statement introduces the list that follows it: it ends in ":", or a later sentence
 * of its paragraph or list item does ("A mangling scheme has a few goals, one of them essential. The
 * essential one is:"), and the next statement is the first item of a list read with that sentence.
 * The items name what the statement counts or sorts; it announces them.
 */
export function announcesList(model: Pick<SpecModel, 'statements' | 'text'>, statement: Statement): boolean {
  if (statement.kind === 'table-row') return false;
  let last = statement;
  for (let i = statement.index + 1; i < model.statements.length; i++) {
    const next = model.statements[i];
    if (next.leadIn === last && next.listItem !== statement.listItem) return /:\s*[*_]*$/.test(last.text);
    // The sentence after the announcing one continues its paragraph or item, or the paragraph ends.
    if (next.kind === 'table-row' || next.listItem !== statement.listItem || BLANK_LINE.test(model.text.slice(last.endOffset, next.startOffset))) return false;
    last = next;
  }
  return false;
}
