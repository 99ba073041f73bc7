import { rangeFromOffsets } from './text';
import type { Range, Section, Sentence, SpecModel } from './types';

export const REQUIREMENT_SECTIONS = ['requirements', 'non-functional'] as const;
export const CRITERIA_SECTIONS = ['acceptance-criteria'] as const;

export interface IdOccurrence {
  id: string;
  prefix: string;
  range: Range;
  offset: number;
  sentence: Sentence;
}

export interface IdDefinition extends IdOccurrence {
  kind: 'requirement' | 'criterion';
}

/**
 * Requirement and criterion ids of a document. An id *defines* a requirement when it opens a
 * list item, heading or first table cell inside a requirements section; it defines a criterion
 * when it opens one inside acceptance criteria (and is not a requirement id being referenced).
 * Every other occurrence in prose is a reference. Code never counts.
 */
export interface RequirementIndex {
  definitions: IdDefinition[];
  references: IdOccurrence[];
  /** References made from acceptance-criteria sections (what traces a requirement). */
  criteriaReferences: IdOccurrence[];
  definedPrefixes: ReadonlySet<string>;
}

const cache = new WeakMap<SpecModel, Map<string, RequirementIndex>>();

export function requirementIndex(model: SpecModel, idPattern: string): RequirementIndex {
  let perPattern = cache.get(model);
  if (!perPattern) cache.set(model, (perPattern = new Map<string, RequirementIndex>()));
  let index = perPattern.get(idPattern);
  if (!index) perPattern.set(idPattern, (index = buildIndex(model, idPattern)));
  return index;
}

function buildIndex(model: SpecModel, idPattern: string): RequirementIndex {
  const leading: Array<IdOccurrence & { area: 'requirements' | 'criteria' }> = [];
  const others: IdOccurrence[] = [];
  const pattern = new RegExp(`(?<![\\w-])(?:${idPattern})(?![\\w-]*\\w)`, 'g');
  const external = externalReferences(model, pattern);
  for (const sentence of model.sentences) {
    // Most sentences hold no id; their section's area is only looked up for those that do.
    let area: ReturnType<typeof sectionArea> | null = null;
    for (const match of sentence.text.matchAll(pattern)) {
      const offset = sentence.startOffset + (match.index ?? 0);
      if (external.has(match[0]) || namesOtherDocument(match[0], model.text, offset + match[0].length)) continue;
      if (area === null) area = sectionArea(sentence.section);
      const occurrence: IdOccurrence = {
        id: match[0],
        prefix: idPrefix(match[0]),
        range: rangeFromOffsets(model, offset, offset + match[0].length),
        offset,
        sentence,
      };
      if (area && opensUnit(model, sentence, offset)) leading.push({ ...occurrence, area });
      else others.push(occurrence);
    }
  }
  const requirementPrefixes = new Set(leading.filter((o) => o.area === 'requirements').map((o) => o.prefix));
  const definitions: IdDefinition[] = [];
  const references = [...others];
  for (const occurrence of leading) {
    if (occurrence.area === 'criteria' && requirementPrefixes.has(occurrence.prefix)) {
      references.push(occurrence); // "- REQ-1: Given ..." under acceptance criteria traces REQ-1
    } else {
      const { area, ...rest } = occurrence;
      definitions.push({ ...rest, kind: area === 'requirements' ? 'requirement' : 'criterion' });
    }
  }
  references.sort((a, b) => a.offset - b.offset);
  const criteriaReferences = references.filter((o) => sectionArea(o.sentence.section) === 'criteria');
  return { definitions, references, criteriaReferences, definedPrefixes: new Set(definitions.map((d) => d.prefix)) };
}

/**
 * Standards bodies, document series and technical names that are written like ids ("RFC-7231",
 * "PEP-8", "ISO-8601", "UTF-8", "SHA-256"). They name other documents or well-known
 * technologies, never a requirement of this spec.
 */
const OTHER_DOCUMENT_PREFIXES = new Set([
  // Standards bodies and their series.
  'RFC', 'BCP', 'STD', 'ISO', 'IEC', 'IEEE', 'ANSI', 'NIST', 'NISTIR', 'FIPS', 'ECMA', 'ETSI', 'ITU', 'W3C', 'DIN',
  'JIS', 'OASIS', 'IETF', 'WCAG', 'OWASP', 'ASVS', 'PCI', 'GDPR', 'HIPAA',
  // Language and project proposal series.
  'PEP', 'KEP', 'JEP', 'JSR', 'NEP', 'BIP', 'EIP', 'ERC', 'AIP', 'XEP', 'FLIP', 'GEP', 'TC39', 'WG21',
  // Advisories and weakness catalogues.
  'CVE', 'CWE', 'CAPEC', 'GHSA', 'RUSTSEC', 'PYSEC', 'OSV', 'USN', 'RHSA', 'ALAS',
  // Encodings, algorithms, protocol and instruction-set versions.
  'UTF', 'UCS', 'WINDOWS', 'LATIN', 'BASE', 'SHA', 'AES', 'RSA', 'ECDSA', 'HTTP', 'TLS', 'SSL', 'IPV', 'CRC',
  'BLAKE', 'AVX', 'ARMV', 'ECMASCRIPT', 'COVID',
]);

/** "RFC-9110 section 15", "ISO-27001 Annex A", "PEP-8 §2": a part of another document. */
const DOCUMENT_PART_AFTER = /^\s*(?:§|\b(?:section|sec\.|clause|part|annex|appendix|chapter|errata|amendment|edition|compliant|compliance|conformance|conformant)\b)/i;

function namesOtherDocument(id: string, text: string, end: number): boolean {
  return OTHER_DOCUMENT_PREFIXES.has(idPrefix(id).toUpperCase()) || DOCUMENT_PART_AFTER.test(text.slice(end, end + 24));
}

/**
 * Ids written inside a link to another document or a web page ("[KEP-1287](https://...)",
 * "[REQ-9 of billing](billing.md#req-9)") name something in that document. Such an id is taken
 * as external everywhere in the spec; a link to a heading of this spec (`#req-3`) stays a
 * reference.
 */
function externalReferences(model: SpecModel, pattern: RegExp): Set<string> {
  const external = new Set<string>();
  for (const link of model.links) {
    if (link.target.startsWith('#') || link.target.trim() === '') continue;
    for (const match of link.text.matchAll(pattern)) external.add(match[0]);
  }
  return external;
}

export function idPrefix(id: string): string {
  return id.replace(/[-_.]?\d+$/, '');
}

function sectionArea(section: Section | undefined): 'requirements' | 'criteria' | undefined {
  for (let current = section; current; current = current.parent) {
    if (current.canonical.some((id) => (CRITERIA_SECTIONS as readonly string[]).includes(id))) return 'criteria';
    if (current.canonical.some((id) => (REQUIREMENT_SECTIONS as readonly string[]).includes(id))) return 'requirements';
  }
  return undefined;
}

/**
 * True when the id is the first word of its list item, heading or first table cell, allowing
 * emphasis, brackets and a checkbox before it ("- [ ] **REQ-1**:", "### FR-2 Refunds").
 */
function opensUnit(model: SpecModel, sentence: Sentence, offset: number): boolean {
  const unitStart = sentence.kind === 'list-item' && sentence.listItem ? sentence.listItem.startOffset : sentence.startOffset;
  if (sentence.kind === 'table-cell' && !isFirstCell(model, sentence)) return false;
  if (sentence.kind === 'paragraph' || sentence.kind === 'blockquote') return false;
  if (sentence.kind === 'list-item' && sentence.startOffset !== unitStart && sentence.listItem
    && sentence.startOffset > sentence.listItem.endOffset) return false;
  const before = model.text.slice(unitStart, offset);
  return /^[\s*_`[\]()#>|]*(?:\d+(?:\.\d+)*[.)]?\s+)?[\s*_`[(]*$/.test(before);
}

function isFirstCell(model: SpecModel, sentence: Sentence): boolean {
  return model.tables.some((table) => table.rows.some((row) => row[0]?.startOffset === sentence.startOffset)
    || table.header[0]?.startOffset === sentence.startOffset);
}
