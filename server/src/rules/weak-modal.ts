import { oneOf } from '../lexicon/regex';
import { rangeFromOffsets } from '../model/text';
import type { ListItem, Sentence, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { inAnnouncedExample, type ScopedDocument } from '../model/scope';
import type { Statement } from '../model/statements';
import { weakModalFixes } from './fixes/wording';
import { plainText } from './question-text';

/**
 * Section roles whose statements are requirement lists: there a "should" leaves the level open
 * until the document has made it its voice, and so do may (unless its clause calls it optional),
 * might, could and would.
 * Elsewhere (goals, design sections, decision drivers) only a lower-case "should" with must or
 * shall set against it is reported: a design written throughout in "should" uses it as its voice.
 */
const REQUIREMENT_LISTS: ReadonlySet<string> = new Set(['requirements', 'criteria']);

type Modal = 'should' | 'may' | 'might' | 'could' | 'would';

interface Advice {
  replacement: string;
  alternatives: string[];
  message: string;
}

/**
 * The RFC 2119 keyword each modal is closest to. "should" in a requirements section almost always
 * states expected behaviour, and outside engineers read RFC 2119 SHOULD as optional, so MUST is
 * the first suggestion and SHOULD the alternative. "may", "might" and "could" express permission
 * or possibility, so MAY keeps their meaning. "would" is a softened "will": MUST.
 */
const ADVICE: Record<Modal, Advice> = {
  should: {
    replacement: 'MUST', alternatives: ['SHOULD'],
    message: 'does not say whether this is required: write MUST if it is, or SHOULD (RFC 2119) if it is only recommended',
  },
  would: {
    replacement: 'MUST', alternatives: ['MAY'],
    message: 'states no obligation: write MUST if this is required, or MAY if it is optional',
  },
  may: {
    replacement: 'MAY', alternatives: ['MUST'],
    message: 'reads as a possibility or a permission: write MAY (RFC 2119) if this is optional, or MUST if it is required',
  },
  might: {
    replacement: 'MAY', alternatives: ['MUST'],
    message: 'expresses a possibility, not a requirement: write MAY if this is optional, or MUST if it is required',
  },
  could: {
    replacement: 'MAY', alternatives: ['MUST'],
    message: 'expresses a possibility, not a requirement: write MAY if this is optional, or MUST if it is required',
  },
};

const NEGATED: Advice = {
  replacement: 'MUST NOT', alternatives: ['SHOULD NOT'],
  message: 'does not say whether this is forbidden: write MUST NOT, or SHOULD NOT (RFC 2119) if it is only discouraged',
};

// Lower-case or capitalised only: upper-case SHOULD and MAY are already RFC 2119 keywords.
const MODAL = /(?<![\p{L}\p{N}_'’-])(should|may|might|could|would|Should|May|Might|Could|Would)(n['’]t|\s+not)?(?![\p{L}\p{N}_'’-])/gu;

/** Words that open a subordinate clause: a modal inside one describes a condition, not an obligation. */
const SUBORDINATE = new RegExp(String.raw`\b${oneOf(
  'if', 'when', 'whenever', 'unless', 'whether', 'in case', 'so that', 'that', 'which', 'what', 'how', 'who', 'whom',
  'whose', 'where', 'although', 'though', 'because', 'since', 'as long as', 'until', 'once',
)}\b`, 'i');

/**
 * "there may be", "this could change", "we might decide": a pronoun subject turns may, might,
 * could and would into a prediction or an option of the authors, not a requirement level. In
 * paragraphs the same holds for "should" ("this should not affect latency", "we should consider").
 */
const SPECULATION = new RegExp(String.raw`\b${oneOf(
  'there', 'this', 'that', 'it', 'which', 'these', 'those', 'we', 'i', 'you', 'they', 'one',
)}\s+(?:${oneOf('also', 'still', 'then', 'potentially', 'probably', 'possibly', 'eventually', 'sometimes', 'even')}\s+)?$`, 'i');

/** "No, this should not affect latency.": the answer to a question describes, it does not require. */
const ANSWER = /^(?:yes|no|n\/a)\b[,.:;]?/i;

/** A sentence wholly in italics: template guidance ("_For GA, this section is required: ..._"). */
const GUIDANCE = /^[_*](?![_*])[\s\S]*[_*][.:]?$/;

/** A comparison: "as an ordinary request would", "than a full sync would", "like the v1 API would". */
const COMPARISON = /\b(?:as|than|like)\s+(?:[\p{L}\p{N}_'’-]+\s+){1,4}$/iu;

/** A prediction: "might be retried in a later batch", "could eventually", "would likely". */
const PREDICTED = /^\s+(?:(?:not\s+)?(?:likely|probably|possibly|eventually|perhaps|presumably|hopefully|already)\b|(?:\w+\s+){0,5}?(?:in (?:a )?(?:later|future|subsequent|next)\b|later\b|in the future\b))/i;

/** The effect of a hypothetical: "would cause the control plane to block requests", "would mean". */
const HYPOTHETICAL_EFFECT = /^\s+(?:not\s+)?(?:cause|result in|lead to|mean|imply|break|defeat|incur|risk)\b/i;

/** An assessment of the authors: "should be sufficient as a source of truth", "should be enough". */
const ASSESSMENT = /^\s+(?:not\s+)?be\s+(?:(?:quite|more than|fully|already|largely)\s+)?(?:sufficient|enough|adequate|fine|ok|okay|acceptable)\b/i;

/** An expected consequence: "should fail as a result", "should then", "should therefore". */
const CONSEQUENCE = /^\s+(?:(?:\w+\s+){0,3}?(?:as a (?:result|consequence)|in turn|consequently)\b|(?:then|therefore|thus|now|automatically)\b)/i;

/** Determiners and pronouns after a sentence-initial modal mark an inverted condition: "Should the call fail, ...". */
const INVERSION = /^\s+(?:the|a|an|this|that|these|those|it|there|we|you|they|any|our|your|their|its|one|some|no|he|she|i)\b/i;

export const weakModal: Rule<WeakModalData> = {
  id: 'weak-modal',
  defaultSeverity: 'warning',
  dimension: 'requirements',
  scoreRole: 'wording',
  tags: ['statement'],
  // Requirements, criteria and goals; a modal in an example ("e.g.") or in quoted text is not the
  // author's level, and a non-goal says what is not built, so its modal sets no level.
  scope: { statements: ['requirement', 'criterion', 'goal'], exclude: ['example', 'quote'] },
  docs: {
    description: 'Requirements stated with weak modals (should, may, might, could) instead of must/shall.',
    summary: 'Lower-case should / may / might / could / would that leaves the obligation level of a binding statement unclear.',
    rationale: 'An outside engineer cannot tell whether "the API should retry" is a requirement, a preference or a '
      + 'guess, and will pick the cheapest reading. RFC 2119 keywords (MUST, SHOULD, MAY) have agreed meanings. The '
      + 'rule judges binding statements (requirements, criteria, goals; see the statement model). A lower-case '
      + '"should" is reported where must or shall is set against it, so that a weaker but undefined level seems '
      + 'meant: in the same sentence ("the kubelet must not generate it, and the runtime should not accept it"; not '
      + '"specify how options must be set", where must is part of what is specified), in a sibling item of the '
      + 'same list (with or without a lead-in), in the parent item, or in the lead-in of the list (a nested list '
      + 'introduced by a sentence of its parent item ending in ":" reads with that sentence). Other sentences of '
      + 'the same item, other lists and other sections do not count: a list or a document written in "should" '
      + 'uses it as its voice. A note under an item ("Note that this can fail. A suitable error should be given.") is '
      + 'an aside, not set against its item. A should or may in a list item whose sibling states the same outcome '
      + 'without a modal ("A value that does not match its type should be an error." beside "A variable the file lacks '
      + 'is an error."; "... may be acknowledged and ignored" beside "... is acknowledged and ignored") is reported '
      + 'in any section that is not narrative: the list states its outcomes plainly, and this one is left at a level '
      + 'the reader cannot tell. An obligation that a must of the same section states as well ("Every '
      + 'feature should have a feature gate" beside "it must also be associated with a feature gate") has its level '
      + 'given; a test plan\'s should and must both state expected results. In requirements and criteria sections a '
      + '"should" with nothing set against it is reported while the document has not made "should" its voice (fewer '
      + 'than three binding statements use it), and so is every lower-case may, might, could and would, except a may '
      + 'that its own clause calls optional ("The note field is optional and may be empty"): that grants a '
      + 'permission the design intends. Other items do not change how a may, might, could or would is read there: '
      + 'making one item a MUST does not turn another item\'s may into a permission. An answer under a question heading '
      + '("What are the reasonable SLOs?") or a question item is held to the same standard as a design section, '
      + 'and so is a test plan, whose "should" states the expected result ("if the resize fails, the PVC should '
      + 'have an event") and is not reported; acceptance criteria are not test plans. In a document that never uses must or shall, '
      + '"should" in running prose is its voice. "may already be", and "might" before a state ("might have special '
      + 'meaning") describe, they do not set a level; "should be sufficient" is an assessment. The effect of a '
      + 'hypothetical ("would cause the scheduler to block pods") is not an obligation. '
      + 'Narrative is never judged: predictions, rationale, examples (and the steps of an example the section '
      + 'announces: "Here\'s an example of a customised controller"), "should ... because" expectations. It '
      + 'suggests a keyword in `data.replacement`: MUST for should and would (in a requirement "should" nearly always '
      + 'means required; SHOULD is offered as the alternative), MAY for may, might and could, MUST NOT for negations. '
      + 'Not reported: upper-case keywords (an upper-case SHOULD among MUSTs is a defined level), modals inside a '
      + 'subordinate clause ("if the upload could not finish", '
      + '"data that may be stale"; a relative clause with a verb of its own ends before the modal, so in "Removing a '
      + 'place that is not saved should return 404" the should is the main verb and is reported), "as may be", comparisons ("as an ordinary request would"), predictions ("might '
      + 'be retried in a later batch", "could eventually"), expected consequences ("should fail as a result", '
      + '"should then"), deliberate restrictions ("may ... only"), inverted conditions ("Should the call fail, '
      + '..."), questions, quoted text, examples ("e.g.", "for example"), MoSCoW labels ("Should have:"), italic '
      + 'template guidance and code. In paragraphs, which explain more than they require, only "should" is '
      + 'reported; may, might, could and would are reported in list items and table cells, and not after a '
      + 'pronoun subject ("there may be", "this could change", "we might decide"), which makes them a prediction '
      + 'rather than a requirement level; in paragraphs "should" after a pronoun ("this should not affect '
      + 'latency") and answers ("No, ...") are not reported either.',
    bad: '- The export should finish quickly and may include archived orders.',
    good: '- REQ-7: The export MUST finish within 60 s for 100,000 orders. It MAY include archived orders.',
    sources: [
      'RFC 2119 / RFC 8174: Key words for use in RFCs to Indicate Requirement Levels',
      'ARM: Wilson, Rosenberg & Hyatt, ICSE 1997 (NASA ARM "options" and "weak phrases")',
      'INCOSE Guide for Writing Requirements, R2 and R3 (use "shall"/definite requirement verbs)',
    ],
  },
  question: weakModalQuestion,
  fixes: (finding) => weakModalFixes(finding, dataOf(weakModal, finding)),
  check(model: SpecModel, context: RuleContext): RawFinding<WeakModalData>[] {
    const findings: RawFinding<WeakModalData>[] = [];
    const binding = context.scope.statements;
    const contrasted = contrastedStatements(model, context.scope);
    const strongVoice = binding.some((statement) => STRONG_LEVEL.test(statement.text));
    const shouldVoice = binding.filter((statement) => /\bshould\b/.test(statement.text)).length >= VOICE;
    for (const sentence of model.sentences) {
      const statement = context.scope.statementOf(sentence);
      if (!statement || inAnnouncedExample(model, statement)) continue;
      if (/\?\s*$/.test(sentence.text) || GUIDANCE.test(sentence.text) || ANSWER.test(sentence.text)) continue;
      // The answer to a question heading ("What are the reasonable SLOs?") speaks in its own voice.
      const list = REQUIREMENT_LISTS.has(statement.sectionRole) && !/\?\s*$/.test(statement.section?.title ?? '') && !inTestPlan(statement);
      // A test plan states expected results: its should and must are both the expected outcome.
      const against = contrasted.has(statement) && !inTestPlan(statement);
      // A sibling item states the same outcome without a modal ("... is an error" beside "...
      // should be an error"): the list states its outcomes plainly, and this one's level is unclear.
      const weakened = statement.plainSibling !== undefined && !inTestPlan(statement);
      for (const match of sentence.text.matchAll(MODAL)) {
        const start = match.index ?? 0;
        const should = /^should$/i.test(match[1]);
        const set = (should && against) || (weakened && /^(?:should|may)$/i.test(match[1]));
        if (!list && !set) continue;
        // A may its own clause calls optional grants a permission the design intends ("The note
        // field is optional and may be empty"). Nothing outside the sentence decides it: making
        // another item a MUST does not turn this one into a permission.
        if ((list || set) && /^may$/i.test(match[1]) && !match[2] && OPTIONAL.test(sentence.text.slice(0, start).split(/[;.]/).pop() ?? '')) continue;
        // A document that writes its obligations in "should" uses it as its voice: a "should"
        // with no must or shall set against it states the same level as the others.
        if (list && should && shouldVoice && !set) continue;
        if (sentence.kind === 'paragraph' && !should) continue;
        // Prose of a document that never uses must or shall: "should" is its voice, not a weaker level.
        if (sentence.kind === 'paragraph' && !strongVoice && !against) continue;
        if (context.scope.excludes(sentence, start) || isExempt(sentence.text, start, match[0])) continue;
        if (sentence.kind === 'paragraph' && SPECULATION.test(sentence.text.slice(0, start))) continue;
        findings.push(finding(model, sentence, start, match));
      }
    }
    return findings;
  },
};

/** The clause before a may says it is optional: "is optional and may be empty", "optionally ... may". */
const OPTIONAL = /\b(?:optional(?:ly)?|not required|need not|needn['’]t)\b/i;

/** Binding statements using lower-case "should" from which a document's "should" is its voice. */
const VOICE = 3;

/**
 * A test plan states expected results ("(negative) if the resize fails, the PVC should have an
 * event", beside "the feature flag must be turned on"): there should and must are both the expected
 * outcome, not levels of obligation. Acceptance criteria are not test plans.
 */
function inTestPlan(statement: Statement): boolean {
  const titles: string[] = [];
  for (let section = statement.section; section; section = section.parent) titles.push(section.title);
  return titles.some((title) => /\btest(?:s|ing)?\b/i.test(title)) && !titles.some((title) => /\bacceptance\b|\bdefinition of done\b/i.test(title));
}

/** A strong obligation level in any case: must, shall, required. */
const STRONG_LEVEL = /\b(?:must|shall|MUST|SHALL|Must|Shall|REQUIRED)\b/;
const STRONG_LEVELS = new RegExp(STRONG_LEVEL.source, 'g');

/**
 * True when the text binds with must or shall in a main clause: "must" in "specify how options
 * must be set" or "data that must be kept" describes what is specified, it sets no level here.
 */
function bindsStrongly(text: string): boolean {
  for (const match of text.matchAll(STRONG_LEVELS)) {
    if (!inSubordinateClause(text.slice(0, match.index ?? 0))) return true;
  }
  return false;
}

/**
 * Binding statements with a lower-case "should" that has must or shall set against it, so that
 * a weaker but undefined level seems meant: in the same sentence ("the kubelet must not generate
 * it, and the runtime should not accept it"), in a sibling item of the same list, in the parent
 * item, or in the lead-in of the list. Other sentences of the statement's own item and other
 * lists do not count: a list, or a document, written in "should" uses it as its voice.
 */
function contrastedStatements(model: SpecModel, scope: ScopedDocument): Set<Statement> {
  const strongItems = new Set<ListItem>();
  const strongPerList = new Map<number, number>();
  for (const statement of scope.statements) {
    const item = statement.listItem;
    if (!item || strongItems.has(item) || !bindsStrongly(statement.text)) continue;
    strongItems.add(item);
    strongPerList.set(item.list, (strongPerList.get(item.list) ?? 0) + 1);
  }
  // A nested list introduced by a sentence of its parent item ending in ":" ("Consumer actions on
  // updates:") reads with that sentence, not with the rest of the parent.
  const nestedLeadIns = new Map<number, Statement>();
  const seenLists = new Set<number>();
  model.statements.forEach((statement, index) => {
    const item = statement.listItem;
    if (!item || seenLists.has(item.list)) return;
    seenLists.add(item.list);
    const before = model.statements[index - 1];
    if (item.parent && before?.listItem === item.parent && /:\s*[*_]*$/.test(before.text)) nestedLeadIns.set(item.list, before);
  });
  const contrasted = new Set<Statement>();
  for (const statement of scope.statements) {
    if (!WEAK_LEVEL.test(statement.text)) continue;
    const item = statement.listItem;
    const sentence = bindsStrongly(statement.text);
    // A note under an item ("Note that this can fail. A suitable error should be given.") is an
    // aside: the must of the item or of its siblings is not set against it.
    const aside = item !== undefined && ASIDE.test(item.text);
    const siblings = !aside && item !== undefined && (strongPerList.get(item.list) ?? 0) > (strongItems.has(item) ? 1 : 0);
    const nestedLeadIn = item ? nestedLeadIns.get(item.list) : undefined;
    const parent = !aside && item?.parent !== undefined && (nestedLeadIn ? bindsStrongly(nestedLeadIn.text) : strongItems.has(item.parent));
    const leadIn = !aside && statement.leadIn !== undefined && statement.leadIn.listItem === undefined && bindsStrongly(statement.leadIn.text);
    if (!(sentence || siblings || parent || leadIn)) continue;
    // The same obligation stated with must nearby ("Every feature should have a feature gate" beside
    // "it must also be associated with a feature gate"): its level is given.
    if (!sentence && restatedStrongly(scope, statement)) continue;
    contrasted.add(statement);
  }
  return contrasted;
}

/** A weak level a stronger one can be set against: should, might, could, would (lower case). */
const WEAK_LEVEL = /\b(?:should|might|could|would)\b/;
/** An item that opens as a note: "Note that ...", "Note:", "N.B.". */
const ASIDE = /^[\s*_>]*(?:note|n\.b\.|nb)\b/i;

/** Words that carry no content of an obligation. */
const FUNCTION_WORDS = new Set([
  'that', 'this', 'these', 'those', 'with', 'from', 'into', 'onto', 'than', 'then', 'also', 'only', 'each', 'every', 'must',
  'shall', 'should', 'could', 'would', 'might', 'have', 'been', 'being', 'will', 'when', 'where', 'which', 'what', 'their',
  'there', 'they', 'them', 'least', 'more', 'most', 'some', 'such', 'other', 'over', 'under', 'about', 'within', 'without',
]);

/** Content words of a statement, code and markup left out, reduced to a rough stem. */
function contentWords(text: string): Set<string> {
  const words = text.replace(/`[^`]*`/g, ' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.filter((word) => !FUNCTION_WORDS.has(word)).map((word) => word.replace(/(?:ing|ed|es|s)$/, '')));
}

/**
 * True when a statement of the same section binds with must or shall and says what this one asks
 * for: every content word after the weak modal (at least two) is in it.
 */
function restatedStrongly(scope: ScopedDocument, statement: Statement): boolean {
  const modal = WEAK_LEVEL.exec(statement.text);
  if (!modal) return false;
  const asked = contentWords(statement.text.slice(modal.index + modal[0].length));
  if (asked.size < 2) return false;
  return scope.statements.some((other) => {
    if (other === statement || other.section !== statement.section || !bindsStrongly(other.text)) return false;
    const theirs = contentWords(other.text);
    return [...asked].every((word) => theirs.has(word));
  });
}

function isExempt(text: string, start: number, written: string): boolean {
  const before = text.slice(0, start);
  const after = text.slice(start + written.length);
  if (/^\p{Lu}/u.test(written) && !isSentenceStart(before)) return true;
  if (/^\p{Lu}/u.test(written) && (INVERSION.test(after) || /^May\s+\d/.test(`${written}${after}`))) return true;
  if (/\bas\s+$/i.test(before) || /^\s+(?:like|love|prefer)\b/i.test(after)) return true;
  if (COMPARISON.test(currentClause(before)) && !/^should/i.test(written) || PREDICTED.test(after) || CONSEQUENCE.test(after)) return true;
  if (/^should/i.test(written) && ASSESSMENT.test(after)) return true;
  if (/^may$/i.test(written) && /^[^,;.]*\bonly\b/i.test(after)) return true;
  // "characters might have special meaning in some context": a possible state, not a level.
  if (/^might$/i.test(written) && /^\s+(?:not\s+)?(?:have|be|contain|mean|seem|appear|exist|differ|vary|change)\b/i.test(after)) return true;
  if (/^would/i.test(written) && HYPOTHETICAL_EFFECT.test(after)) return true;
  if (!/^should/i.test(written) && SPECULATION.test(before)) return true;
  if (/^[\s-]+have\b\s*(?:[:)|—–-]|$)/i.test(after)) return true;
  return inSubordinateClause(before);
}

/**
 * A finite form of be, have or do: once the subordinate clause has one ("a place that is not saved",
 * "if the request has expired"), a modal after it belongs to the main clause. Another modal does
 * not close it: "how resources should and should not be used" coordinates the two.
 */
const FINITE = /\b(?:is|are|was|were|has|have|had|does|do|did)(?:n['’]t)?\b/i;
/** A relative pronoun that is the subject of its clause, and its verb: "a message that fails validation", "rows which contained". */
const RELATIVE_VERB = /^\s+(?:\w+ly\s+)?[a-z]+(?:[^su]s|ed)\b/;

/**
 * True when the text before a modal leaves it inside a subordinate clause ("if the upload could not
 * finish", "data that may be stale"): a subordinator opens the clause the modal is in and no
 * finite verb has completed it since ("Removing a place that is not saved should return 404": the
 * relative clause ends with "is not saved", so "should" is the main verb).
 */
function inSubordinateClause(before: string): boolean {
  const clause = currentClause(before);
  let last: RegExpExecArray | undefined;
  const all = new RegExp(SUBORDINATE.source, 'gi');
  for (let match = all.exec(clause); match; match = all.exec(clause)) last = match;
  if (!last) return false;
  const after = clause.slice(last.index + last[0].length);
  if (FINITE.test(after)) return false;
  return !(/^(?:that|which|who)$/i.test(last[0]) && RELATIVE_VERB.test(after));
}

/** Nothing but markup (bullets, emphasis, a checkbox) before the word. */
function isSentenceStart(before: string): boolean {
  return !/[\p{L}\p{N}]/u.test(before.replace(/\[[ xX]\]/g, ''));
}

/** The text of the clause the modal is in, up to the modal: punctuation and "then" end a clause. */
function currentClause(before: string): string {
  const parts = before.split(/[,;:()—–]|\s-\s|\bthen\b/i);
  return parts[parts.length - 1] ?? '';
}

function finding(model: SpecModel, sentence: Sentence, start: number, match: RegExpMatchArray): RawFinding<WeakModalData> {
  const modal = match[1].toLowerCase() as Modal;
  const advice = match[2] ? NEGATED : ADVICE[modal];
  const from = sentence.startOffset + start;
  const to = from + match[0].length;
  const written = model.text.slice(from, to);
  return {
    message: `"${written}" ${advice.message}.`,
    range: rangeFromOffsets(model, from, to),
    data: { modal, negated: Boolean(match[2]), replacement: advice.replacement, alternatives: advice.alternatives },
  };
}

function weakModalQuestion(finding: Finding): string | undefined {
  const data: Partial<WeakModalData> = dataOf(weakModal, finding) ?? {};
  const modal = plainText(data.modal);
  if (!modal) return undefined;
  const written = data.negated === true ? `${modal} not` : modal;
  const replacement = plainText(data.replacement);
  const alternatives = Array.isArray(data.alternatives) ? data.alternatives.filter((item): item is string => typeof item === 'string') : [];
  const options = [replacement, ...alternatives].filter((item, index, all): item is string => !!item && all.indexOf(item) === index);
  const choice = options.length > 0 ? ` Should it read ${options.join(' or ')} (RFC 2119)?` : '';
  return `Is this required or optional? "${written}" can be read either way.${choice}`;
}

/** What a finding of this rule carries in `data`. */
export type WeakModalData = {
  modal: string;
  negated: boolean;
  /** The keyword to write instead. */
  replacement: string;
  alternatives: string[];
};
