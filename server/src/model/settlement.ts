/**
 * Where a document settles what a goal leaves open. A goal is a summary ("Add a few additional
 * namespaces", "Clear opt-in required for all users", "Provide a simple API that requires minimal
 * configuration"); the design is the specification, and a contractor reads on. The graded word of
 * a goal qualifies an object (the namespaces, the opt-in, the API); when a later design or
 * requirements section takes that object up again with concrete content, the design says what the
 * goal meant:
 * - which members: a list or a table the object's statement announces, or code names in it
 *   ("The following namespaces are added:" over a list, a heading "New namespaces" over a table);
 * - what it is: code, a literal, a field, a list or a table where the object is named ("A new
 *   `service.kubernetes.io/topology-mode` annotation ...", a heading "API" over a Go struct);
 * - how much: a number with a unit in a statement that names it (the rule judges the quantity).
 * A goal whose object nothing later takes up ("Minimize the CPU and memory footprint" with no
 * number anywhere) stays as open as it was written.
 *
 * Also here: a meaning given nearby. A graded word defined in the statement just before, in the same
 * section ("We call an evaluator efficient when it has the same complexity as evaluating f"),
 * is settled by that definition (the labelling rule: the sentence itself or the one before).
 */
import { LruCache } from '../util/lru';
import { sectionRoles } from './statements';
import { isCommonWord, stem, termsOf } from './tracing';
import type { ListItem, Section, SectionRole, SpecModel, Sentence, Statement } from './types';

/** What settles a word: which members, what the thing is, or how much. */
export type Need = 'members' | 'content' | 'measure';

/** How a later part of the document takes the object up. */
export interface TakenUp {
  /** The statement that names the object, or undefined when the heading of `section` names it. */
  statement?: Statement;
  section: Section;
  /** What it gives: a list, a table, code or a literal. */
  content: 'list' | 'table' | 'code' | 'literal' | 'statement';
}

/** Narrative that does not say what is built: an example, a forecast, a quote, template guidance. */
const NOT_SPECIFYING: ReadonlySet<string> = new Set(['example', 'prediction', 'quote', 'guidance']);

/** Sections that specify: the design and the requirements it meets. */
const SPECIFYING: ReadonlySet<SectionRole> = new Set(['design', 'requirements']);

/**
 * Heads that say only that there is something ("a simple way for ...", "better support for
 * embeddings", "make good use of"): the object is their complement.
 */
const GENERIC_HEADS = /^(?:ways?|means|mechanisms?|methods?|approach(?:es)?|support|use|usage|options?|solutions?|path|thing|things|something|manner|fashion|level|experience|story|set|kind|sort|type|types|form|place|job|work|handling|behaviou?r|examples?)$/i;

/** Words that end a noun phrase: prepositions, relatives, verbs of the clause, conjunctions of clauses. */
const PHRASE_END = /^(?:for|of|to|in|on|with|by|at|from|into|onto|over|under|via|through|across|between|that|which|who|whom|whose|where|when|while|if|unless|so|than|as|is|are|be|been|being|was|were|can|could|will|would|should|must|shall|may|might|has|have|had|does|do|did|without|within|during|after|before|because|since|including|such|like|but|or|and|per|around|about|against|towards?|beyond|behind|among|upon|how|what|why|whether|it|they|them|we|you)$/i;
/** Words that open a noun phrase and carry no content. */
const DETERMINER = /^(?:a|an|the|some|any|all|each|every|this|that|these|those|its|their|our|his|her|your|my|more|most|less|no|other|additional|new|extra|further)$/i;

const WORD = /`[^`\n]+`|[\p{L}][\p{L}\p{N}'’-]*|[,;:.()!?]/gu;

function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The content words of the noun phrase that opens `words`, and the index after it. */
function nounPhrase(words: readonly string[], from: number): [string[], number] {
  let i = from;
  while (i < words.length && DETERMINER.test(words[i])) i++;
  const phrase: string[] = [];
  while (i < words.length) {
    const word = words[i];
    // "a simple, predictable update behavior": a comma between modifiers.
    if (word === ',' && phrase.length > 0 && i + 1 < words.length && /^\p{L}/u.test(words[i + 1]) && !PHRASE_END.test(words[i + 1])) { i++; continue; }
    if (!/^[\p{L}`]/u.test(word) || PHRASE_END.test(word) || DETERMINER.test(word) || /^(?:using|being|having|doing|making)$/i.test(word)) break;
    // "opt-in required for all tenants": a participle after the noun starts what is said of it.
    if (phrase.length > 0 && /^\p{Ll}+ed$/u.test(word)) break;
    phrase.push(word);
    i++;
  }
  return [phrase, i];
}

/** A word as a key: as written, without code marks; none for a function word. */
function key(word: string): string | undefined {
  const plain = word.replace(/`/g, '');
  if (plain.length < 2 || isCommonWord(plain) || DETERMINER.test(plain) || PHRASE_END.test(plain)) return undefined;
  return plain;
}

/** A plural noun ("lifecycles", "namespaces"), not "class", "status", "analysis". */
const PLURAL = /^\p{L}[\p{L}-]*[^sui]s$/u;
/** A linking verb right before the word: "the infrastructure is maintainable", "can safely be". */
const PREDICATIVE = /\b(?:is|are|be|been|being|was|were|remains?|stays?|seems?|feels?|looks?)\s+(?:(?:still|also|very|quite|fairly|more|less|as|not)\s+)*$/i;
/** "a format that is familiar to ...": the noun the relative clause is about. */
const RELATIVE_SUBJECT = /\b([\p{L}][\p{L}-]*)\s+(?:that|which)\s+(?:is|are)\s+(?:(?:still|also|very|quite|fairly)\s+)*$/iu;

/** The head of a noun phrase: its last word, or an earlier plural that the last word says something of ("certain lifecycles static"). */
function headOf(phrase: readonly string[]): string | undefined {
  const last = phrase[phrase.length - 1];
  if (last === undefined || PLURAL.test(last)) return last;
  return phrase.slice(0, -1).reverse().find((word) => PLURAL.test(word) && !/^`/.test(word)) ?? last;
}

/**
 * The object a graded word qualifies, as the words a later part must name (in any of their forms):
 * the head of the noun phrase after the word and the names that modify it ("a few additional
 * namespaces" → namespaces; "Minimize the CPU and Memory footprint" → CPU, Memory, footprint), with
 * the head of an "of" complement ("the performance of scheduling large jobs" → performance, jobs),
 * or what a generic head stands for ("better support for embeddings" → embeddings; "easy for an
 * admin to trigger a storage migration" → trigger, migration). A relative clause names it before
 * the word ("a format that is familiar to ..." → format). None for an adverb ("easily run") or a
 * predicate whose subject is elsewhere ("the infrastructure is maintainable"): what they qualify
 * is an action or a state, not a thing the design lists.
 */
export function objectOf(text: string, start: number, end: number): string[] {
  const term = text.slice(start, end);
  if (/ly$/i.test(term)) return [];
  const before = text.slice(0, start);
  if (PREDICATIVE.test(before)) {
    const subject = RELATIVE_SUBJECT.exec(before)?.[1];
    const stemmed = subject && !GENERIC_HEADS.test(subject) ? key(subject) : undefined;
    return stemmed ? [stemmed] : [];
  }
  const words = tokens(text.slice(end));
  let from = 0;
  // "simple, predictable update behavior": more modifiers after a comma.
  while (words[from] === ',' && /^\p{L}/u.test(words[from + 1] ?? '')) from++;
  let [phrase, next] = nounPhrase(words, from);
  // "the CPU and Memory footprint": a coordinated phrase.
  while (words[next] === 'and' && phrase.length > 0) {
    const [more, after] = nounPhrase(words, next + 1);
    if (more.length === 0) break;
    phrase = [...phrase, ...more];
    next = after;
  }
  const keys = phraseKeys(phrase);
  let generic = isGeneric(phrase);
  // "the performance of scheduling large jobs", "a simple way for users to indicate ...": the
  // complement says what; who it is for ("for an admin to ...") is not what it is, the action after "to" is.
  for (let hops = 0; hops < 3 && next < words.length; hops++) {
    const preposition = words[next]?.toLowerCase();
    if (!generic && preposition !== 'of') break;
    if (preposition !== 'for' && preposition !== 'of' && preposition !== 'to' && preposition !== 'in') break;
    let at = next + 1;
    // "to trigger a storage migration": the verb, then its object.
    const verb = preposition === 'to' && /^\p{Ll}+$/u.test(words[at] ?? '') ? key(words[at++]) : undefined;
    if (verb) keys.push(verb);
    [phrase, next] = nounPhrase(words, at);
    // "for existing users of SVM to migrate": who, then what they do.
    while (preposition === 'for' && words[next]?.toLowerCase() === 'of') next = nounPhrase(words, next + 1)[1];
    const forWhom = preposition === 'for' && words[next]?.toLowerCase() === 'to';
    if (!forWhom) keys.push(...phraseKeys(phrase));
    if (!generic) break;
    generic = forWhom || isGeneric(phrase);
  }
  return generic && keys.length === 0 ? [] : [...new Set(keys)];
}

function isGeneric(phrase: readonly string[]): boolean {
  const head = headOf(phrase);
  return head === undefined || GENERIC_HEADS.test(head);
}

/** A name inside a phrase: code, a capitalised or upper-case word ("Deployment strategy", "CEL functions"). */
const NAME = /^`|^\p{Lu}/u;

/**
 * The keys of a noun phrase: its head and the names that modify it ("the Deployment strategy" →
 * deployment, strategy); for a generic head the words that say what kind ("update behavior" → update).
 */
function phraseKeys(phrase: readonly string[]): string[] {
  const head = headOf(phrase);
  if (head === undefined) return [];
  const generic = GENERIC_HEADS.test(head);
  const at = phrase.lastIndexOf(head);
  const words = phrase.filter((word, index) => word === head ? !generic : (NAME.test(word) || (generic && index === at - 1)));
  return words.flatMap((word) => key(word) ?? []);
}

/**
 * True when the text names every key. `owner` is the section, statement or sentence the text is
 * of: its stemmed words are worked out once, however many goals ask about them.
 */
function namesKey(owner: object, text: string, keys: readonly string[]): boolean {
  let words = stemmedWords.get(owner);
  if (!words) stemmedWords.set(owner, (words = new Set((text.match(/[\p{L}][\p{L}\p{N}-]*/gu) ?? []).map((word) => stem(word.toLowerCase())))));
  const named = words;
  return keys.every((word) => named.has(stem(word.toLowerCase())));
}

const stemmedWords = new WeakMap<object, Set<string>>();

function inlineCodeIn(model: SpecModel, statement: Statement): number {
  return model.inlineCode.filter((code) => code.startOffset >= statement.startOffset && code.endOffset <= statement.endOffset + 1).length;
}

/** A code block or a table right after the statement, before the next statement. */
function followedBy(model: SpecModel, statement: Statement): 'code' | 'table' | undefined {
  const next = model.statements[statement.index + 1];
  const from = statement.range.end.line;
  const to = next && next.section === statement.section ? next.range.start.line : (statement.section?.bodyRange.end.line ?? from);
  if (model.codeBlocks.some((block) => block.range.start.line > from && block.range.start.line <= to)) return 'code';
  if (model.tables.some((table) => table.range.start.line > from && table.range.start.line <= to && table.section === statement.section)) return 'table';
  return undefined;
}

/** An item that opens with a name: code, a link, a bold term or a term before ":" ("`tenant_metrics`: ...", "**KV Interface:** ..."). */
const NAMED_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:`|\[|\*\*|__|[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,40}:\s)/u;

/**
 * True when list items name members: at least two, most of them opening with a name. Steps of a
 * procedure ("1. Sync up with the current head", "2. Replace the logger") say what to do, not which ones.
 */
function enumerates(model: SpecModel, items: readonly ListItem[]): boolean {
  const top = items.filter((item) => item.parent === undefined || !items.includes(item.parent));
  const named = top.filter((item) => NAMED_ITEM.test(model.text.slice(item.startOffset - (item.range.start.character), item.endOffset)));
  return top.length >= 2 && named.length * 2 > top.length;
}

/** True when the statement introduces a list of names after it: the next statements read with it. */
function leadsList(model: SpecModel, statement: Statement): boolean {
  const items = model.statements.filter((other) => other.leadIn === statement && other.listItem).map((other) => other.listItem as ListItem);
  return enumerates(model, [...new Set(items)]);
}

/** What a section's own body (up to its first subsection) holds. */
function ownContent(model: SpecModel, section: Section, need: Need): TakenUp['content'] | undefined {
  const within = (line: number): boolean => line >= section.ownBodyRange.start.line && line <= section.ownBodyRange.end.line;
  if (model.tables.some((table) => table.section === section)) return 'table';
  if (enumerates(model, model.listItems.filter((item) => item.section === section))) return 'list';
  // "## Deprecated lifecycle methods" over "### `componentWillMount`", "### `componentWillUpdate`": subsections name the members.
  if (section.children.length >= 2 || (section.children.length === 1 && section.children[0].title.includes('`'))) return 'list';
  if (need === 'content' && model.codeBlocks.some((block) => block.section === section && within(block.range.start.line))) return 'code';
  // "### Opt-in" over "A tenant opts in by creating a `MetricsExport` object": the body names what it is.
  if (need === 'content' && model.inlineCode.some((code) => code.section === section && within(code.range.start.line))) return 'literal';
  return undefined;
}

/** What a statement that names the object gives of it. */
function statementContent(model: SpecModel, statement: Statement, need: Need): TakenUp['content'] | undefined {
  if (leadsList(model, statement)) return 'list';
  const after = followedBy(model, statement);
  if (after === 'table') return 'table';
  const codes = inlineCodeIn(model, statement);
  if (need === 'members') return codes >= 2 ? 'literal' : undefined;
  if (after === 'code') return 'code';
  if (codes >= 1 || termsOf(statement.text).literals.size > 0) return 'literal';
  return undefined;
}

/**
 * The first later part of the document that takes up an object with concrete content (see the
 * module comment): a specifying section after the goal's own section, whose heading names the
 * object over a list, a table or code, or one of whose statements names it and gives its members or
 * content. For 'measure', every later sentence that names the object is a candidate, and `measured`
 * decides whether it states the amount (quantities are the lexicon's to read).
 */
export function takenUpLater(model: SpecModel, statement: Statement, keys: readonly string[], need: Need, measured?: (sentence: Sentence) => boolean): TakenUp | undefined {
  if (keys.length === 0 || !statement.section) return undefined;
  const roles = sectionRoles(model.sections);
  const after = statement.section.bodyRange.end.line;
  const sections = new Set(model.sections.filter((section) => section.headingRange.start.line > after && SPECIFYING.has(roles[section.index].role) && !/\?\s*$/.test(section.title)));
  if (sections.size === 0) return undefined;
  if (need !== 'measure') {
    for (const section of sections) {
      const content = namesKey(section, section.title, keys) ? ownContent(model, section, need) : undefined;
      if (content) return { section, content };
    }
  }
  for (let i = statement.index + 1; i < model.statements.length; i++) {
    const later = model.statements[i];
    if (!later.section || !sections.has(later.section) || later.role === 'question' || (later.narrative !== undefined && NOT_SPECIFYING.has(later.narrative))) continue;
    if (!namesKey(later, later.text, keys)) continue;
    if (need === 'measure') {
      // The amount is of the object when the sentence that names it states it.
      if (measured && later.sentences.some((sentence) => namesKey(sentence, sentence.text, keys) && measured(sentence))) return { statement: later, section: later.section, content: 'statement' };
      continue;
    }
    const content = statementContent(model, later, need);
    if (content) return { statement: later, section: later.section, content };
  }
  return undefined;
}

// Roots come from the lexicon's graded terms: one pattern each, kept while in use.
const definingPatterns = new LruCache<string, RegExp>(256);

/** "X is defined as", "we call X efficient when", "by efficient we mean", "efficient here means", "X is efficient if". */
const DEFINING = (word: string): RegExp => new RegExp(
  String.raw`\b(?:we (?:call|say|consider|define)\b[^.;]{0,60}?\b${word}\p{L}*\s+(?:if|when|whenever|as long as|provided|in the sense)\b|by\s+${word}\p{L}*\s*,?\s*(?:we|i)\s+mean\b|${word}\p{L}*\s+(?:here\s+|in this (?:rfc|kep|document|proposal|section)\s+)?(?:means|refers to|is defined as|stands for)\b|${word}\p{L}*\s*,?\s*(?:i\.\s?e\.|that is|meaning)\b|\b(?:is|are|counts as|is considered)\s+${word}\p{L}*\s+(?:if|when|whenever|as long as|provided)\b)`,
  'iu',
);

/**
 * True when the statement just before, in the same section (or the lead-in of the statement's list),
 * says what the word means: a definition of it or of a form of it ("efficient" after "We call an
 * implementation efficient when it has the same complexity as evaluating f").
 */
export function meaningGivenBefore(model: SpecModel, statement: Statement, term: string): boolean {
  // The word's root, so that "efficiency" meets "efficient" (not the tracing stem, which keeps suffixes).
  const root = term.toLowerCase().replace(/(?:ly|ily|ness|ency|ence|cy|ity|ities)$/, '').replace(/(?:e|y|t)$/, '');
  if (root.length < 4 || /\s/.test(root)) return false;
  const previous = model.statements[statement.index - 1];
  const candidates = [statement.leadIn, previous && previous.section === statement.section ? previous : undefined]
    .filter((before): before is Statement => before !== undefined && before !== statement);
  if (candidates.length === 0) return false;
  const defining = definingPatterns.getOrCreate(root, () => DEFINING(root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return candidates.some((before) => defining.test(before.text));
}
