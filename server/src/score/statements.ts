import { hasQuantity } from '../lexicon/quantity';
import { firstIndexWhere, itemAt } from '../util/indexed';
import { LruCache } from '../util/lru';
import { rangeFromOffsets } from '../model/text';
import type { Range, Section, SpecModel, Statement as ModelStatement } from '../model/types';
import { describesBehaviour } from '../model/behaviour';

/**
 * The statements of a spec as the score sees them: each list item, table row and paragraph
 * sentence once, with the role it plays. This is the one place the score reads statements
 * from the model, so that a richer statement layer can replace it without touching the
 * dimensions.
 */
export type StatementKind = 'item' | 'row' | 'sentence';

export interface Statement {
  kind: StatementKind;
  /** Source text (code spans kept: they are evidence). */
  text: string;
  /** Prose mask of the same text (code, URLs and HTML blanked). */
  prose: string;
  start: number;
  end: number;
  range: Range;
  section: Section | undefined;
  /** Task list state of an item (`- [x]` / `- [ ]`). */
  checked?: boolean;
  /** Cells of a table row, first cell first. */
  cells?: string[];
}

const cache = new WeakMap<SpecModel, Statement[]>();

export function statementsOf(model: SpecModel): Statement[] {
  let statements = cache.get(model);
  if (!statements) cache.set(model, (statements = collect(model)));
  return statements;
}

function collect(model: SpecModel): Statement[] {
  const statements: Statement[] = [];
  for (const item of model.listItems) {
    statements.push({
      kind: 'item',
      text: item.text,
      prose: model.prose.slice(item.startOffset, item.endOffset),
      start: item.startOffset,
      end: item.endOffset,
      range: item.range,
      section: item.section,
      checked: item.checked,
    });
  }
  for (const table of model.tables) {
    for (const row of table.rows) {
      const first = row[0];
      const last = row[row.length - 1];
      if (!first || !last) continue;
      const text = row.map((cell) => cell.text).join(' | ');
      if (!text.replace(/[|\s]/g, '')) continue;
      statements.push({
        kind: 'row',
        text,
        prose: row.map((cell) => model.prose.slice(cell.startOffset, cell.endOffset)).join(' | '),
        start: first.startOffset,
        end: last.endOffset,
        range: rangeFromOffsets(model, first.startOffset, last.endOffset),
        section: table.section,
        cells: row.map((cell) => cell.text),
      });
    }
  }
  for (const sentence of model.sentences) {
    if (sentence.kind !== 'paragraph' && sentence.kind !== 'blockquote') continue;
    if (!sentence.text.trim()) continue;
    statements.push({
      kind: 'sentence',
      text: model.text.slice(sentence.startOffset, sentence.endOffset),
      prose: sentence.text,
      start: sentence.startOffset,
      end: sentence.endOffset,
      range: sentence.range,
      section: sentence.section,
    });
  }
  return statements.sort((a, b) => a.start - b.start);
}

export interface StatementTraits {
  scenario: boolean;
  binding: boolean;
  group: boolean;
}

const traits = new WeakMap<Statement, StatementTraits>();
const traitsByText = new LruCache<string, StatementTraits>(10_000);

/**
 * isScenario, isBinding and isGroupLabel of a statement's text, worked out once per statement
 * (the section roles, the sections a document covers and the judged statements all ask) and
 * remembered per text, as a document being edited keeps most of its statements. Frozen:
 * statements of the same text share them.
 */
export function traitsOf(statement: Statement): StatementTraits {
  let found = traits.get(statement);
  if (!found) {
    const text = statement.text;
    found = traitsByText.get(text);
    if (!found) {
      found = Object.freeze({ scenario: isScenario(text), binding: isBinding(text), group: isGroupLabel(text) });
      // The key is a copy: a statement's text is a substring that would keep its whole document alive.
      traitsByText.set((' ' + text).slice(1), found);
    }
    traits.set(statement, found);
  }
  return found;
}

const quantities = new WeakMap<Statement, boolean>();

/**
 * Whether the statement's prose states a measurable quantity (hasQuantity), worked out once per
 * statement: the section roles, the covered sections and two dimensions ask.
 */
export function statesQuantity(statement: Statement): boolean {
  let found = quantities.get(statement);
  if (found === undefined) quantities.set(statement, (found = hasQuantity(statement.prose)));
  return found;
}

/** "Given ... when ... then ..." in any order of emphasis; "When ... then ..." too. */
export function isScenario(text: string): boolean {
  return /\bthen\b/i.test(text) && /\b(?:given|when)\b/i.test(text);
}

/** Binding wording: RFC 2119 / EARS keywords and their everyday equivalents. */
const BINDING = /\b(?:must|shall|has to|have to|needs? to|is required to|are required to|will (?:not )?(?!be able)\w+|never|always|only)\b/i;

export function isBinding(text: string): boolean {
  return BINDING.test(text);
}

/** A list item that only introduces the items nested under it ("Errors:"). */
export function isGroupLabel(text: string): boolean {
  // The last character that is not markup or white space: none, or a colon.
  let last = text.length - 1;
  while (last >= 0 && TRAILING_MARKUP.test(text[last])) last--;
  return last < 0 || text[last] === ':';
}

const TRAILING_MARKUP = /^[*_`\s]$/;

const designRequirementStarts = new WeakMap<SpecModel, number[]>();

/**
 * Whether the statement model reads the statement (one of its sentences) as a requirement stated
 * outside a requirements section: a modal or an imperative that binds, or what the system does
 * stated in the present tense, in a design section or one the model recognises no role for ("A
 * variable the schema requires that the file lacks is an error" under a command's heading). The
 * score's own binding words (isBinding) miss the statements of behaviour.
 */
export function modelReadsAsRequirement(model: SpecModel, statement: Statement): boolean {
  const starts = designRequirementStartsOf(model);
  const first = starts[firstIndexWhere(starts.length, (index) => itemAt(starts, index) >= statement.start)];
  return first !== undefined && first < Math.max(statement.end, statement.start + 1);
}

function designRequirementStartsOf(model: SpecModel): number[] {
  let starts = designRequirementStarts.get(model);
  // Model statements are in document order, so their starts are sorted.
  if (!starts) designRequirementStarts.set(model, (starts = model.statements.filter(isDesignRequirement).map((s) => s.startOffset)));
  return starts;
}

/**
 * A sentence or list item: a table row the model makes a requirement by its column ("Constraints"
 * beside a field's type) constrains a field of the data, it states no behaviour.
 */
function isDesignRequirement(statement: ModelStatement): boolean {
  return statement.role === 'requirement' && statement.kind !== 'table-row' && (statement.sectionRole === 'design' || statement.sectionRole === 'none');
}

const behaviours = new WeakMap<Statement, boolean>();

/**
 * Whether a sentence states what the system does in the present tense (model/behaviour): in a
 * requirements section, "The job writes one file per legal entity" is a requirement without a
 * modal, and "This section lists what the job does" is not one.
 */
export function statesBehaviour(statement: Statement): boolean {
  let found = behaviours.get(statement);
  if (found === undefined) behaviours.set(statement, (found = describesBehaviour(statement.prose.replace(/\s+/g, ' '))));
  return found;
}

/**
 * A criterion that sets up its case in plain words, as Given/When/Then does with keywords: a
 * leading condition ("With the replica lag stubbed at 6 minutes, the job exits ..."), an action
 * as its subject ("Killing the job during an upload leaves no file ..."), or a subject that names
 * the case ("An entity with no entries that day gets a file ..."). Whether the rest names an
 * observable outcome is the untestable-criterion rule's question.
 */
export function isPlainScenario(statement: Statement): boolean {
  const text = statement.prose.replace(/^[\s*_>]+/, '').replace(/^(?:\d+[.)]\s+|[A-Z][A-Z0-9]*-?\d+\s*[:.)]\s*)/, '').replace(/\s+/g, ' ');
  return PLAIN_CONDITION.test(text) || ACTION_SUBJECT.test(text) || CASE_SUBJECT.test(text);
}

const PLAIN_CONDITION = /^(?:if|when|whenever|with|without|after|once|for|on|while|during|before)\b[^,;]{3,120},\s*\S/i;
/** "Running the job twice ...", "Stopping the migration with SIGTERM ...": a gerund and its object. */
const ACTION_SUBJECT = /^\p{Lu}\p{Ll}+ing\s+(?:the|a|an|each|every|all|its|their|one|two|\S+\s+(?:the|a|an))\b/u;
/** "An entity with no entries ...", "A request without a token ...", "A message older than 7 days ...". */
const CASE_SUBJECT = /^(?:an?|the|each|every|any)\s+(?:[\p{L}-]+\s+){1,2}?(?:with|without|whose|older|newer|larger|smaller|longer|shorter|above|below|over|under|from|posted|sent|received|created)\b/iu;
