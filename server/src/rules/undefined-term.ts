import { ECOSYSTEMS, ecosystemsOf } from '../lexicon/ecosystems';
import { COMMON_ACRONYMS, COMMON_NAMES, CONVENTIONAL_FILES } from '../lexicon/known-terms';
import { TECHNOLOGIES, technologiesOf } from '../lexicon/technologies';
import { ExpansionIndex } from '../model/expansions';
import { isContractSection, isDeclaredContractSection } from '../model/interfaces';
import { rangeFromOffsets } from '../model/text';
import type { Statement } from '../model/statements';
import type { Section, Sentence, SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { defineTermFix } from './fixes/terms';

/**
 * An all-caps acronym of 2-10 letters or digits ("SLO", "PRR", "K8S"), with an optional plural
 * "s"; not part of an id ("REQ-1"), a path, a hyphenated word, a code point ("U+FFFD"), an
 * assignment ("BUILDTYPE=Debug") or a call ("REMOVE(reqID, path)").
 */
const ACRONYM = /(?<![\w/.@#$%+-])([A-Z][A-Z0-9&]*[A-Z0-9])(s)?(?![\w/@=-]|\**\(|\.\w)/g;
/** "the Falcon service", "our Atlas pipeline", "the Phoenix team": a proper name before what it names. */
const CODE_NAME = /\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Ii]ts)\s+((?:[A-Z][a-z0-9]{2,})(?:\s[A-Z][a-z0-9]{2,})?)\s+(services?|system|platform|pipeline|cluster|job|worker|queue|database|store|engine|gateway|tool|team|squad|project|app|application|module|library|portal|dashboard|bot|microservice|backend|frontend|repo|repository|stack|server|proxy|broker|bus|cron|daemon|agent|api|bucket|topic|table|index|feed|stream|registry|vault|warehouse|lake|ledger|scheduler|controller|operator|sdk|cli|console|model)\b/g;
/** A capitalised word used as a system: the object of notify, call, query, poll or invoke ("notify Atlas"). */
const CALLED = /\b(?:notif(?:y|ies|ied)|call(?:s|ed)?|quer(?:y|ies|ied)|poll(?:s|ed)?|invoke[sd]?)\s+(\p{Lu}[\p{Ll}\d]{2,})(?![\p{L}\p{N}_:(<'’-]|\.\p{L})/gu;
/** ... or where something is sent, published or written to, or read, fetched or loaded from ("publish the event to Atlas"). */
const SENT_OR_READ = /\b(?:sends?|sent|publish(?:es|ed)?|writes?|wrote|written|posts?|posted|push(?:es|ed)?|forwards?|forwarded|uploads?|uploaded|emits?|emitted|reads?|fetch(?:es|ed)?|loads?|loaded|pulls?|pulled|imports?|imported|downloads?|downloaded|consumes?|consumed)\b(?:\s+[\p{L}\p{N}_-]+){0,4}?\s+(?:to|into|from)\s+(\p{Lu}[\p{Ll}\d]{2,})(?![\p{L}\p{N}_:(<'’-]|\.\p{L})/gu;
/** ... or what provides something: the agent of "published by", "issued by", "served by" ("the allowlist published by Bastion"). */
const PROVIDED_BY = /\b(?:published|provided|issued|generated|served|exposed|emitted|hosted|computed|produced|signed|supplied|returned|exported)\s+by\s+(\p{Lu}[\p{Ll}\d]{2,})(?![\p{L}\p{N}_:(<'’-]|\.\p{L})/gu;
/** Organisational functions: "notify Finance", "send it to Support" name a department, not a system. */
const FUNCTIONS = new Set(['finance', 'support', 'legal', 'security', 'sales', 'marketing', 'operations', 'ops', 'engineering', 'product', 'management', 'compliance', 'billing', 'accounting', 'procurement', 'customers', 'users', 'admins', 'administrators', 'oncall', 'everyone']);

/** Upper-case words that are emphasis or EARS/RFC 2119 keywords, not acronyms. */
const EMPHASIS = new Set([
  'THE', 'SYSTEM', 'SHALL', 'MUST', 'NOT', 'SHOULD', 'MAY', 'REQUIRED', 'OPTIONAL', 'RECOMMENDED', 'WHEN', 'WHILE', 'WHERE', 'IF',
  'THEN', 'AND', 'OR', 'GIVEN', 'ALL', 'ANY', 'NO', 'NONE', 'ONLY', 'NEVER', 'ALWAYS', 'DO', 'DON', 'IS', 'ARE', 'BE', 'TO', 'OF',
  'IN', 'ON', 'AT', 'BY', 'FOR', 'WITH', 'AN', 'IT', 'THIS', 'THAT', 'NOTE', 'WARNING', 'IMPORTANT', 'DEPRECATED', 'NEW', 'YES',
  'TRUE', 'FALSE', 'ON', 'OFF', 'CREATE', 'READ', 'UPDATE', 'WRITE', 'LIST', 'WATCH', 'ADDED', 'REMOVED', 'ACTION', 'OWNER', 'OWNERS',
  'STABLE', 'BETA', 'ALPHA', 'BOTH', 'ENTRYPOINT', 'ONE', 'TWO', 'EACH', 'EVERY', 'UNLESS', 'BEFORE', 'AFTER', 'AS', 'WILL', 'CAN', 'NEED', 'NEEDS', 'WE', 'YOU',
]);
const GLOSSARY_TITLE = /\b(?:glossary|definitions?|terminology|terms|acronyms|abbreviations|vocabulary|nomenclature)\b/i;
/**
 * "SLO stands for", "Falcon is our scoring service", "PRR means", "CRD, short for", "Falcon (our
 * scoring service)", "P&F = Priority and Fairness". A parenthesis defines only by describing ("(the
 * ...)", "(i.e. ...)") or by saying where it lives, like a link ("Prow (kubernetes/test-infra)"); one
 * that spells the acronym is an expansion, found by the expansion index. "OMS (see below)" or "OMS
 * (v2)" says nothing of what it is.
 */
const DEFINING_AFTER = /^\s*(?:\(\s*(?:the|a|an|our|their|its|i\.e\.?|aka|short for|also known as)\s[^)]{3,}\)|\(\s*[\w.@-]+\/[\w./#@-]+\s*\)|\s=\s+[A-Za-z]|,\s*(?:the|a|an|our|their)\s+(?:[\w'’-]+\s+){0,4}?(?:service|system|platform|pipeline|database|store|queue|tool|api|app|application|gateway|broker|bucket|ledger|warehouse|engine|library)\b|,?\s*(?:short for|stands for|means|refers to|is (?:a|an|the|our|their)\b|are (?:the|our)\b|\(?i\.e\.|which is (?:a|an|the|our)\b))/i;
/**
 * A term that opens its line, list item, sentence or clause and is followed by a colon or a dash
 * ("- **OMS**: the order management system", "Falcon - our scoring service"): a term and its
 * definition. Inside a phrase a colon or a dash defines nothing ("Risk 2: Wedged KCM: there is a
 * risk ...").
 */
/** The text before a term on its line: the term opens the line, the list item, a sentence or a clause ("...; PRR: the readiness review"). */
const ENTRY_BEFORE = /^[\s>*_`+\-|]*(?:\d+[.)]\s*)?(?:\[[ xX]\]\s*)?[*_`]*$|[.;!?]\s+[*_`]*$/;
const ENTRY_AFTER = /^[*_`]*\s*(?::\s+\S|[-–—]\s+\w)/;

/**
 * The first character DEFINING_AFTER or ENTRY_AFTER (or a "service", "system", ... word before
 * it) can start with, after white space: words followed by anything else define nothing.
 */
const DEFINING_START = /\s*[(,:smriawpt\-–—*_`=]/iy;

export const undefinedTerm: Rule<UndefinedTermData> = {
  id: 'undefined-term',
  defaultSeverity: 'hint',
  dimension: 'selfContained',
  scoreRole: 'unshared-knowledge',
  docs: {
    description: 'Acronyms and internal names (code-named systems, teams, tools) used in binding statements or the contract without a definition.',
    summary: 'Reports acronyms and internal names (code-named systems, teams, tools) used in binding statements or the contract without a definition.',
    rationale:
      'An engineer new to the project does not know what "the Falcon service", "PRR" or "the Atlas team" are, and ' +
      'cannot ask in passing. Every acronym and internal name a requirement, criterion, goal or contract depends on ' +
      'needs a definition in the spec itself: an expansion at first use ("Service Level Objective (SLO)"), an entry ' +
      'in a Glossary (or Definitions, Terminology) section, a sentence that says what it is ("Falcon is our fraud ' +
      'scoring service", "P&F = Priority and Fairness"), a description in parentheses ("Falcon (our fraud scoring ' +
      'service)") or where it lives ("Forge (platform/forge)"; "OMS (see below)" defines nothing), a term that opens its line or list item with a colon or a dash ("- **Falcon**: our fraud ' +
      'scoring service"; a colon inside a sentence defines nothing), the first cell of a table row that describes ' +
      'it, or a link. Acronyms are upper-case words of two to ten letters or digits; internal names ' +
      'are capitalised words before what they name ("the Falcon service", "our Atlas pipeline") or used as a system: ' +
      'what is notified, called, queried, polled or invoked, or what something is sent, published or written to or ' +
      'read, fetched or loaded from, or what publishes, issues, serves or provides something ("notify Atlas", "publish ' +
      'the summary to Hermes", "the allowlist published by Bastion"; not a department such as ' +
      '"notify Finance", nor one of the people on the document\'s author or owner lines), unless the same word ' +
      'is also written in lower case in the spec (then it is a description, as in "the Payments service"). ' +
      'A word in capitals that is a verb form ("RUNNING", "QUEUED", "ERRORED": a state name), a character\'s name after its ' +
      'code point ("U+002D DASH", "U+000D CARRIAGE RETURN") and capitals in angle brackets ("<COPYRIGHT HOLDER>", a stand-in) are not acronyms. ' +
      'A definition can be anywhere in the document: words whose initials spell the acronym ("Graceful Node ' +
      'Shutdown" for GNS, "PersistentVolumeClaim" for PVC, "kube-controller-manager" for KCM; two-letter acronyms ' +
      'only from one compound word, since plain word pairs spell them by chance), a link destination that spells ' +
      'it, a heading or the title that names it, or code whose identifiers carry it ("NSString", `CSIDriver`). ' +
      'A term named as an example ("e.g.", "such as"), followed by a link, or named among plain names of one kind ' +
      '("the Bridge, PTP and Host-Local plugins") needs none either, nor does an acronym one identifier in code spells ' +
      '(`resourceVersion` for RV). In the contract, descriptions count only in the section the spec declares as its ' +
      'contract and not when they explain or recount; a section whose title only mentions an interface ("Required ' +
      'changes to the CRI") or an alternative not chosen is read like the rest of the design. Common ' +
      'acronyms (HTTP, JSON, UTC, ID, API, SQL and about 400 others, Internet, W3C and ISO standards such as DNSSEC ' +
      'included), the file names repositories fix by convention (README, CHANGELOG, CONTRIBUTING) and widely used public products need no ' +
      'definition (nor a name the document also writes after such a vendor: "AWS Secrets Manager"), nor does the published glossary of the ecosystem a document is written for when it names or ' +
      'links that project or writes code in its own language (Kubernetes, Rust, Swift, React: "PVC" in a Kubernetes proposal, ' +
      '"GIL" beside Python code), nor a part of a public product written after it ("the Prometheus TSDB", "AWS KMS"), nor the ' +
      'series the document belongs to (its title "KEP-1287", its front matter "JEP: 104", or "this JEP"), nor terms in the project ' +
      'vocabulary file. An upper-case word that names an element of a protocol or a language is that technology\'s ' +
      'name, not an acronym: followed by what it is ("a HEADERS frame", "the SELECT statement", "the ORDER BY clause", ' +
      '"SRV records"), or one of the keywords of a technology the document is about (it names HTTP/2, gRPC, SQL or DNS, ' +
      'links its specification or writes its code: HTTP/2 frame types, gRPC status codes, SQL key words, DNS record ' +
      'types). Terms are read as the text shows them: `ENHANCE\\_YOUR\\_CALM` is one constant name, not three ' +
      'acronyms. A term the document writes in inline code, in any case (`tfm`), is one it introduces; plain words ' +
      'spell an acronym anywhere in the document when they hold a compound that gives two of its letters ' +
      '("multi-level lookup" for MLL) or when the document writes the same words again ("target framework moniker"). ' +
      'Each term is reported once, at its first ' +
      'use in a binding statement; findings in the contract are info, elsewhere hints.',
    bad: '## Requirements\n\n- REQ-1: The Falcon service MUST score every order before capture, within the SLO.',
    good: '## Glossary\n\n- **Falcon**: the fraud scoring service (`services/falcon`, owned by the risk team).\n\n## Requirements\n\n- REQ-1: The Falcon service MUST score every order before capture, within the Service Level Objective (SLO) of 200 ms at p99.',
    options:
      'The project vocabulary is a plain text file, one term per line (`#` starts a comment; anything after ' +
      '`:` or ` - ` on a line is a note), at `.specready/terms.txt` in the folder of the configuration file or any ' +
      'folder above the spec, or wherever `"terms": "path/to/terms.txt"` in `.specready.json` points (relative to that ' +
      'file). The "Add to project vocabulary" quick fix appends to it.',
    sources: ['INCOSE Guide to Writing Requirements (R3 "appropriate", R21: define all terms, abbreviations and acronyms)', 'ISO/IEC/IEEE 29148:2018, 5.2.7 (a glossary of terms, abbreviations and acronyms)',
      ...ECOSYSTEMS.flatMap((ecosystem) => ecosystem.sources), ...TECHNOLOGIES.flatMap((technology) => technology.sources)],
  },
  counted: { one: 'reference to hidden context', other: 'references to hidden context' },
  fixes: (finding, context) => [defineTermFix(context, finding, dataOf(undefinedTerm, finding))],
  check(model: SpecModel, context: RuleContext): RawFinding<UndefinedTermData>[] {
    const statements = model.statements.filter((statement) => !inGlossary(statement.section)
      && (statement.binding || describesContract(statement)));
    if (statements.length === 0) return [];
    const defined = definedTerms(model);
    const project = new Set([...(context.projectTerms ?? [])].map((term) => term.toLowerCase()));
    const lowerWords = lowerCaseWords(model);
    const people = authorWords(model);
    const seen = new Set<string>();
    const findings: RawFinding<UndefinedTermData>[] = [];
    const glossary = model.sections.find((section) => GLOSSARY_TITLE.test(section.title) && !section.title.trim().endsWith('?'));
    const established = new Established(model);
    const resolves = (acronym: string, near: { start: number; end: number }) => established.has(acronym, near);
    for (const statement of statements) {
      const inContract = isContractSection(statement.section);
      for (const sentence of statement.sentences) {
        for (const candidate of candidates(sentence.text)) {
          if (inExample(sentence.text, candidate.index) || inNamedSeries(sentence.text, candidate) || linkedAfter(model, sentence, candidate)) continue;
          const key = candidate.key.toLowerCase();
          if (seen.has(key) || defined.has(key) || project.has(key) || project.has(candidate.term.toLowerCase())) continue;
          if (candidate.kind === 'acronym' && (isCommonAcronym(candidate.key) || CONVENTIONAL_FILES.has(candidate.key) || lowerWords.has(key) || resolves(candidate.key, { start: statement.listItem?.startOffset ?? statement.startOffset, end: statement.endOffset }))) continue;
          if (candidate.kind === 'name' && (COMMON_NAMES.has(key) || key.split(' ').some((word) => COMMON_NAMES.has(word) || lowerWords.has(word)) || established.linkWords.has(key) || people.has(key) || established.vendorProducts.has(key))) continue;
          seen.add(key);
          const start = sentence.startOffset + candidate.index;
          findings.push({
            message: candidate.kind === 'acronym'
              ? `"${candidate.term}" is not defined: expand it at first use ("Full Name (${candidate.key})"), add it to a Glossary, or link to what it is.`
              : `"${candidate.phrase}" is an internal name a newcomer cannot know: say what it is and where it lives (a sentence, a Glossary entry or a link).`,
            range: rangeFromOffsets(model, start, start + candidate.length),
            severity: inContract ? 'info' : undefined,
            data: {
              term: candidate.key,
              kind: candidate.kind,
              ...(glossary ? { glossary: glossary.title } : {}),
            },
          });
        }
      }
    }
    return findings;
  },
};

interface Candidate {
  kind: 'acronym' | 'name';
  /** As written ("APIs", "Falcon"). */
  term: string;
  /** What is defined or listed: the singular acronym, or the name without what it names. */
  key: string;
  /** For names: the whole phrase ("Falcon service"). */
  phrase: string;
  index: number;
  length: number;
}

function* candidates(written: string): Generator<Candidate> {
  const text = unescaped(written);
  const acronyms = new RegExp(ACRONYM.source, 'g');
  for (let match = acronyms.exec(text); match; match = acronyms.exec(text)) {
    const key = match[1];
    const end = match.index + match[0].length;
    if (!isAcronym(key, text, match.index, end) || namesElement(text, end) || inQuotedLiteral(text, match.index, end)) continue;
    yield { kind: 'acronym', term: match[0], key, phrase: match[0], index: match.index, length: match[0].length };
  }
  const names = new RegExp(CODE_NAME.source, 'g');
  for (let match = names.exec(text); match; match = names.exec(text)) {
    const index = match.index + match[0].indexOf(match[1]);
    const phrase = `${match[1]} ${match[2]}`;
    yield { kind: 'name', term: match[1], key: match[1], phrase, index, length: phrase.length };
  }
  for (const pattern of [CALLED, SENT_OR_READ, PROVIDED_BY]) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1];
      if (FUNCTIONS.has(name.toLowerCase())) continue;
      const index = (match.index ?? 0) + match[0].length - name.length;
      yield { kind: 'name', term: name, key: name, phrase: name, index, length: name.length };
    }
  }
}

/**
 * The text as a reader sees it: a Markdown escape stands for the character it escapes, so
 * `ENHANCE\_YOUR\_CALM` is one identifier. Each escape becomes its character twice, which keeps
 * every offset.
 */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1$1');
}

/**
 * A noun after an upper-case word that says it is an element of a protocol or a language: "a
 * HEADERS frame", "the SELECT statement", "the ORDER BY clause", "a DISTINCT keyword", "the TE
 * header", "SRV records", "a NOT NULL constraint", "HEADERS or the DATA frames". The word is that
 * technology's name for the element, not an acronym. A table is not such an element: "the PRR table"
 * still needs PRR defined.
 */
const ELEMENT_NOUN = /^(?:(?:\s+[A-Z]{2,}){0,2}|,?\s+(?:or|and)\s+(?:the\s+)?[\w-]+)\s+(?:frames?|statements?|clauses?|keywords?|methods?|verbs?|flags?|headers?|fields?|records?|opcodes?|instructions?|directives?|pragmas?|constraints?|operators?|commands?|packets?|bits?|settings?|tokens?|attributes?|elements?|tags?|macros?|variables?|constants?|enums?|columns?)\b/;

function namesElement(text: string, end: number): boolean {
  return ELEMENT_NOUN.test(text.slice(end, end + 40));
}

/**
 * Upper-case text in quotes is a literal the sentence mentions: a value ('should achieve "SUCCESS"'),
 * a method name ('"SEARCH" request methods') or a marker line ('"BEGIN TRUSTED CERTIFICATE"').
 */
const QUOTED_CAPS = /["“'‘]([A-Z][A-Z0-9_ -]*)["”'’](?!\w)/g;

function inQuotedLiteral(text: string, start: number, end: number): boolean {
  for (const match of text.matchAll(QUOTED_CAPS)) {
    const from = match.index ?? 0;
    if (from < start && from + match[0].length > end) return true;
  }
  return false;
}

/** The words after a code point, up to the word being read: "U+0027 APOSTROPHE", "U+005E CIRCUMFLEX", "M-0003 CARRIAGE". */
const CODE_POINT_NAME = /(?:\bU\+[0-9A-F]{4,6}|\b[A-Z]-\d{4})(?:[ \t\n]+[A-Z][A-Z-]*)*[ \t\n]+$/;

/**
 * A verb form written in capitals ("RUNNING", "QUEUED", "ERRORED", "PENDING"): a state name or a
 * keyword, not initials. Initials do not end in -ING or -ED after a stem with a vowel.
 */
const INFLECTED_WORD = /^(?=[A-Z]{6,}$)[A-Z]*[AEIOUY][A-Z]*(?:ING|ED)$/;

/** A common acronym, also with a number after it ("RFC4648", "UTF8", "ISO8601", "HTTP2"). */
function isCommonAcronym(key: string): boolean {
  return COMMON_ACRONYMS.has(key) || COMMON_ACRONYMS.has(key.replace(/\d+$/, ''));
}

function isAcronym(key: string, text: string, start: number, end: number): boolean {
  if (key.length > 10 || (key.match(/[A-Z]/g) ?? []).length < 2) return false;
  // "VAC1", "V2": numbered example or version names, not terms (common ones are listed).
  if (/\d$/.test(key)) return false;
  if (EMPHASIS.has(key) || /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/.test(key) || isPlaceholderName(key)) return false;
  if (INFLECTED_WORD.test(key)) return false;
  // A character's name after its code point ("U+002D DASH", "U+000D CARRIAGE RETURN") is the
  // standard's name for it, and capitals in angle brackets ("<COPYRIGHT HOLDER>") are a stand-in to fill in.
  const lead = text.slice(Math.max(0, start - 80), start);
  if (CODE_POINT_NAME.test(lead) || (/<[A-Z _-]*$/.test(lead) && /^[A-Z _-]*>/.test(text.slice(end, end + 60)))) return false;
  // Three upper-case words in a row are shouting or a keyword phrase ("THE SYSTEM SHALL"), not acronyms.
  const before = text.slice(Math.max(0, start - 40), start).trim().split(/\s+/).slice(-2);
  const after = text.slice(end, end + 40).trim().split(/\s+/).slice(0, 2);
  const caps = (word: string | undefined) => !!word && /^[A-Z]{2,}[,.;:]?$/.test(word);
  const run = [caps(before[0]), caps(before[1]), true, caps(after[0]), caps(after[1])];
  const longest = run.reduce<{ best: number; current: number }>((acc, value) => {
    const current = value ? acc.current + 1 : 0;
    return { best: Math.max(acc.best, current), current };
  }, { best: 0, current: 0 }).best;
  return longest < 3;
}

/**
 * A stand-in, not a term: one letter repeated ("YYYY", "XXX", the digits of a format or a name to
 * fill in) or a run of the alphabet ("XYZ", "ABC" as in "raise awareness of XYZ").
 */
function isPlaceholderName(key: string): boolean {
  if (/^([A-Z])\1{2,}$/.test(key)) return true;
  return key.length >= 3 && [...key].every((letter, index) => index === 0 || letter.charCodeAt(0) === key.charCodeAt(index - 1) + 1);
}

/** "this JEP", "this RFC proposes", "this ADR." : the document naming its own kind. */
const SELF_REFERENCE = /\b[Tt]his\s+([A-Z][A-Z0-9]{1,9})(?=\s*[.,;:)!?]|\s+(?:we|is|was|will|would|should|proposes?|describes?|introduces?|defines?|adds?|aims?|covers?|does|has|document|proposal)\b)/g;

/**
 * Terms the spec defines: every term in a glossary section, an acronym in parentheses after its
 * expansion or followed by one, a term that a sentence says what it is, and link texts.
 */
function definedTerms(model: SpecModel): Set<string> {
  const defined = new Set<string>();
  const add = (term: string) => {
    defined.add(term.toLowerCase());
    if (/^[A-Z0-9&]+s$/.test(term)) defined.add(term.slice(0, -1).toLowerCase());
  };
  for (const section of model.sections) {
    if (!GLOSSARY_TITLE.test(section.title) || section.title.trim().endsWith('?')) continue;
    const body = model.prose.slice(offsetOfLine(model, section.bodyRange.start.line), offsetOfLine(model, section.bodyRange.end.line + 1));
    for (const word of body.match(/[A-Za-z][\w&]*/g) ?? []) add(word);
  }
  const text = model.prose;
  // The series a document belongs to, named by the identifier in its title ("KEP-1287: ...",
  // "SE-0444", "RFC 2603"), is what the reader is holding.
  const title = model.sections.find((section) => section.level === 1)?.title ?? '';
  for (const match of title.matchAll(/\b([A-Z]{2,})[- ]?\d+\b/g)) add(match[1]);
  // So is the series its front matter numbers it in ("JEP: 104"), and what the text calls itself
  // ("To implement this JEP we will ...", "this ADR is accepted").
  for (const [key, value] of Object.entries(model.frontMatter?.data ?? {})) if (/^[A-Z]{2,10}$/.test(key) && /^\d+$/.test(String(value))) add(key);
  for (const match of model.prose.matchAll(SELF_REFERENCE)) add(match[1]);
  for (const match of text.matchAll(/\(([A-Z][A-Za-z0-9&]*[A-Z0-9]s?)\)/g)) add(match[1]);
  for (const match of text.matchAll(/\b([A-Z][A-Za-z0-9&]*)\b/g)) {
    const end = (match.index ?? 0) + match[0].length;
    // Most words are followed by nothing that can define them: one sticky test first.
    DEFINING_START.lastIndex = end;
    if (!DEFINING_START.test(text)) continue;
    const after = text.slice(end, end + 60).replace(/^\s+(?:service|system|platform|pipeline|team|tool|project)\b/i, '');
    if (DEFINING_AFTER.test(after)) add(match[1]);
    else if (ENTRY_AFTER.test(after) && ENTRY_BEFORE.test(text.slice(text.lastIndexOf('\n', match.index ?? 0) + 1, match.index))) add(match[1]);
  }
  for (const link of model.links) for (const word of link.text.match(/[A-Za-z][\w&]*/g) ?? []) add(word);
  for (const statement of model.statements) {
    if (statement.role !== 'definition') continue;
    // A table row defines what its first cell names ("| Falcon | fraud scoring service |"); the
    // other cells are what it says of it.
    const term = statement.kind === 'table-row' ? statement.text.split('|')[0] : statement.text;
    for (const word of term.trim().split(/\s+/).slice(0, 4)) add(word.replace(/[^\w&]/g, ''));
  }
  return defined;
}

/**
 * A statement that is part of the contract without binding wording: a description in a section the
 * spec declares as its contract ("The response carries the MCC"). Narrative is not: a statement
 * whose own wording explains, predicts or recounts, one in a narrative section (an alternative not
 * chosen, background), or a description in a section whose title only mentions an interface
 * ("Required changes to the CRI": "The PLEG loop of kubelet makes extensive use of ...", how the
 * system works today).
 */
function describesContract(statement: Statement): boolean {
  if (statement.sectionRole === 'narrative' || (statement.role === 'narrative' && statement.explicit)) return false;
  return isDeclaredContractSection(statement.section);
}

/**
 * One of a series of names of one kind ("tested with the Bridge CNI plugin, PTP CNI plugin, and
 * Host-Local IPAM plugins", "other than the Bridge, PTP, and Host-Local IPAM plugins"): the
 * statement says which ones, and the name is the identity, as for its siblings written as plain
 * names. A series of acronyms only ("the KYC, AML and PEP checks") still depends on what each is.
 */
const SERIES_NAME = String.raw`[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}`;
const SERIES_JOIN = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:the\s+)?`;
const SERIES = new RegExp(String.raw`(?:${SERIES_NAME}(?:\s+[a-z]{3,})?${SERIES_JOIN})+${SERIES_NAME}\s+[a-z]{3,}`, 'g');

function inNamedSeries(text: string, candidate: Candidate): boolean {
  if (candidate.kind !== 'acronym') return false;
  for (const match of text.matchAll(SERIES)) {
    const start = match.index ?? 0;
    if (candidate.index < start || candidate.index >= start + match[0].length) continue;
    const members = match[0].split(new RegExp(SERIES_JOIN)).map((member) => member.trim().split(/\s+/)[0]);
    return members.some((member) => !/^[A-Z0-9&]+s?$/.test(member));
  }
  return false;
}

/**
 * A term named as an example ("switch schedulers (e.g., from OCM to Clusternet)", "tools such as
 * Falco", one of a parenthesised list) illustrates; the statement does not depend on it.
 */
function inExample(text: string, index: number): boolean {
  const before = text.slice(0, index);
  if (/(?:\be\.\s?g\.|\bfor (?:example|instance)\b|\bsuch as\b|\bincluding\b)[^;:)]*$/i.test(before)) return true;
  // One of a parenthesised list ("external plugins (NRI, DRA)", "its own API (OCM `Placement`, Fleet …, etc.)").
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return false;
  const close = text.indexOf(')', index);
  return close >= 0 && /,/.test(text.slice(open, close));
}

/**
 * A link right after the term ("DSR mode on Windows (https://…/issues/62046)", "the [CDI spec](…)")
 * points the reader to what it is.
 */
function linkedAfter(model: SpecModel, sentence: Sentence, candidate: Candidate): boolean {
  const from = sentence.startOffset + candidate.index + candidate.length;
  const after = model.text.slice(from, Math.min(sentence.endOffset, from + 60));
  return /\bhttps?:\/\/|\]\(|\]\[/.test(after) || model.text.slice(Math.max(sentence.startOffset, sentence.startOffset + candidate.index - 1), from + 2).includes('](');
}

/** Link destinations and bare URLs, as written. */
function urls(model: SpecModel): string[] {
  return [...model.links.map((link) => link.target), ...(model.text.match(/\bhttps?:\/\/[^\s)>\]"']+/g) ?? [])];
}

/**
 * What the document establishes without a glossary: an acronym spelled out by the initials of
 * words anywhere in it ("Graceful Node Shutdown" … "GNS", "PersistentVolumeClaim" … "PVC", a link
 * to ".../container-device-interface" … "CDI"); the vocabulary of the ecosystem it is written for
 * (it names or links the project: "PVC" in a Kubernetes proposal); the subjects its title and
 * headings name ("Drop NS Prefix"); a prefix or part of the code's identifiers ("NSString",
 * `CSIDriver`); and names its links point to ("github.com/golang/...").
 */
class Established {
  // Each part is built the first time `has` needs it: most acronyms are settled by the first ones.
  private targets: string[] | undefined;
  private linkWordSet: Set<string> | undefined;
  private vendorProductSet: Set<string> | undefined;
  private ecosystem: Set<string> | undefined;
  private headings: Set<string> | undefined;
  private code: string | undefined;
  private inlineCode: string | undefined;
  /** Initials of the compound identifiers in code: `ResourceVersion` gives "rv". */
  private codeCompounds: Set<string> | undefined;
  private expansions: ExpansionIndex | undefined;
  /** Acronym → whether it is established wherever it is used. */
  private readonly anywhere = new Map<string, boolean>();

  constructor(private readonly model: SpecModel) {}

  /** Words of the link destinations and bare URLs. */
  get linkWords(): Set<string> {
    this.linkWordSet ??= new Set(this.urls().flatMap((target) => target.toLowerCase().split(/[^a-z0-9]+/)).filter((word) => word.length > 1));
    return this.linkWordSet;
  }

  /**
   * Names the document also writes after a public vendor or product, lower-cased: "AWS Secrets
   * Manager" makes "Secrets Manager" (and "read it from Secrets Manager") a product, not an
   * internal system.
   */
  get vendorProducts(): Set<string> {
    if (!this.vendorProductSet) {
      this.vendorProductSet = new Set();
      for (const match of this.model.prose.matchAll(/\b([A-Z][A-Za-z0-9]*)\s+(\p{Lu}[\p{Ll}\d]{2,})\b/gu)) {
        if (COMMON_NAMES.has(match[1].toLowerCase()) || COMMON_ACRONYMS.has(match[1])) this.vendorProductSet.add(match[2].toLowerCase());
      }
    }
    return this.vendorProductSet;
  }

  has(acronym: string, near: { start: number; end: number }): boolean {
    // Only the expansion depends on where the acronym is: the rest is asked once per acronym.
    let anywhere = this.anywhere.get(acronym);
    if (anywhere === undefined) this.anywhere.set(acronym, (anywhere = this.establishedAnywhere(acronym)));
    if (anywhere) return true;
    this.expansions ??= new ExpansionIndex([{ text: this.model.prose, offset: 0 }, ...this.urls().map((text) => ({ text, offset: -1e9 }))]);
    return this.expansions.spells(acronym, near);
  }

  /** Whether the document establishes the acronym wherever it is used (all but an expansion nearby). */
  private establishedAnywhere(acronym: string): boolean {
    this.ecosystem ??= new Set([
      ...ecosystemsOf(this.model.prose, this.urls(), this.codeLanguages()).flatMap((ecosystem) => Object.keys(ecosystem.terms)),
      ...technologiesOf(this.model.prose, this.urls(), this.codeLanguages()).flatMap((technology) => technology.keywords),
      ...this.productParts(),
    ]);
    if (this.ecosystem.has(acronym)) return true;
    // The title and the headings name the document's subjects ("Drop NS Prefix", "Changes to the CRI").
    this.headings ??= new Set(this.model.sections.flatMap((section) => section.title.match(/\b[A-Z][A-Z0-9]+(?=s?\b)/g) ?? []));
    if (this.headings.has(acronym) || this.linkWords.has(acronym.toLowerCase())) return true;
    // A naming prefix or part of identifiers: "NSString", "getPVCName", `CSIDriver`, `kind: CRD`.
    const part = new RegExp(`${acronym}(?=[A-Z][a-z])|(?<=[a-z])${acronym}(?![a-z])`);
    if (part.test(this.model.text)) return true;
    this.code ??= [...this.model.inlineCode.map((code) => code.text), ...this.model.codeBlocks.map((block) => block.content)].join('\n');
    if (new RegExp(`\\b${acronym}s?\\b`).test(this.code)) return true;
    // A name the document writes in inline code, in any case, is one it introduces as code (`tfm`, `<tfm>`).
    this.inlineCode ??= this.model.inlineCode.map((code) => code.text).join('\n');
    if (new RegExp(`(?<![\\w.-])${acronym}s?(?![\\w-])`, 'i').test(this.inlineCode)) return true;
    // One identifier in code spells it: `resourceVersion` for RV, `PersistentVolumeClaim` for PVC.
    this.codeCompounds ??= compoundInitials(this.code);
    return this.codeCompounds.has(acronym.toLowerCase());
  }

  private urls(): string[] {
    this.targets ??= urls(this.model);
    return this.targets;
  }

  private codeLanguages(): string[] {
    return this.model.codeBlocks.map((block) => block.language);
  }

  /**
   * Acronyms the document writes after a public product or vendor ("the Prometheus TSDB", "AWS
   * KMS", "Postgres WAL"): a part of that product, documented with it.
   */
  private productParts(): string[] {
    const parts: string[] = [];
    for (const match of this.model.prose.matchAll(/\b([A-Z][A-Za-z0-9]*)\s+([A-Z][A-Z0-9]{1,9})s?\b/g)) {
      if (COMMON_NAMES.has(match[1].toLowerCase()) || COMMON_ACRONYMS.has(match[1])) parts.push(match[2]);
    }
    return parts;
  }
}

/**
 * The initials of every identifier in `code` made of two or more parts (camel case, hyphens,
 * underscores): `status.resourceVersion` gives "rv", `kube-controller-manager` "kcm". One
 * identifier spelling an acronym is rarely chance (about 2% of random two-letter acronyms on the
 * shared corpus, 0.05% of three-letter ones), unlike runs of plain words.
 */
function compoundInitials(code: string): Set<string> {
  const initials = new Set<string>();
  for (const match of code.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/g)) {
    const word = match[0];
    if (/^[A-Z0-9]+s?$/.test(word)) continue;
    const parts = word.split(/[-_]/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)).filter((part) => /^[A-Za-z]/.test(part));
    if (parts.length >= 2) initials.add(parts.map((part) => part[0].toLowerCase()).join(''));
  }
  return initials;
}

/**
 * Lower-case words of the prose. A capitalised name also written in lower case is a description
 * ("the Payments service"); an upper-case word also written in lower case is an English word in
 * capitals ("CREATE", "BOTH"), not an acronym.
 */
/** A metadata line naming the document's people: "Authors: Priya Rao, @jlee", "owner: Sam" (front matter included). */
const PEOPLE_LINE = /^[\s>*_-]*(?:authors?|owners?|editors?|reviewers?|approvers?|maintainers?|contacts?|drivers?)[\s*_]*:(.*)$/gim;

/** The words of the document's author and owner lines, lower-cased: "notify Priya" names one of them. */
function authorWords(model: SpecModel): Set<string> {
  const words = new Set<string>();
  for (const match of model.text.matchAll(PEOPLE_LINE)) for (const word of match[1].match(/\p{L}+/gu) ?? []) words.add(word.toLowerCase());
  return words;
}

function lowerCaseWords(model: SpecModel): Set<string> {
  return new Set(model.prose.match(/\b[a-z][a-z0-9]{2,}\b/g) ?? []);
}

function inGlossary(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    if (GLOSSARY_TITLE.test(current.title) && !current.title.trim().endsWith('?')) return true;
  }
  return false;
}

function offsetOfLine(model: SpecModel, line: number): number {
  return model.lineStarts[line] ?? model.text.length;
}

/** What a finding of this rule carries in `data`. */
export type UndefinedTermData = {
  term: string;
  kind: 'acronym' | 'name';
  /** The glossary the term is missing from. */
  glossary?: string;
};
