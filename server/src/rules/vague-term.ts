import type { LexiconMatch } from '../lexicon/lexicon';
import { isMeasured } from '../lexicon/measured';
import { TIME_KINDS } from '../lexicon/quantity';
import { oneOf } from '../lexicon/regex';
import { EVERYWHERE_CATEGORIES, settledBy } from '../lexicon/terms';
import { rangeFromOffsets } from '../model/text';
import type { Section, Sentence, SpecModel } from '../model/types';
import type { RawFinding, Rule, RuleContext } from './types';
import { insideLink, inSection } from './util';

/** Sections in which every sentence is a commitment the implementer is held to. */
export const NORMATIVE_SECTIONS = [
  'requirements', 'non-functional', 'acceptance-criteria', 'definition-of-done', 'error-handling',
];

/**
 * Scope sections hold the deliverables, but under names such as "Proposal" or "Detailed design"
 * they also hold design discussion: only the list items, table cells and binding sentences of the
 * scope section's own body count, not those of its subsections.
 */
const SCOPE_SECTIONS = ['scope'];

/** Open questions are allowed to be open. */
const EXEMPT_SECTIONS = ['open-questions'];

/**
 * Subsections that discuss rather than commit ("Risks and Mitigations" under "Proposal",
 * "Notes" under "Requirements"): normative-section rules stop at them.
 */
const DISCUSSION = new RegExp(String.raw`\b${oneOf(
  'risks?', 'mitigations?', 'drawbacks?', 'alternatives?', 'notes?', 'caveats?', 'examples?', 'discussion', 'rationale',
  'prior art', 'history', 'background', 'motivation', 'considerations?', 'comparison', 'trade-?offs?',
  'acknowledge?ments?', 'references?', 'appendix', 'related work', 'future (?:work|directions?|possibilities)',
  'source compatibility', 'effects? on', 'impact on', 'implications',
)}\b`, 'i');

/** What a comparative is compared to: "faster than the nightly export", "similar to the v1 report". */
const COMPARED = /^(?:\s+(?:to|as|with)\b|[^.;]*?\b(?:than|compared (?:to|with)|relative to)\b)/i;

/** A heading that asks something, with or without the question mark. */
const QUESTION = /\?\s*$|^(?:will|can|does|do|is|are|how|what|why|when|which|should|could|would)\b/i;

/** A sentence that imposes something, wherever it is written ("finance needs the export to be fast"). */
const BINDING = /\b(?:must|shall|should|required|needs? to|has to|have to)\b|\b(?:needs?|wants?|expects?)\b[^.;]{0,40}?\bto be\b/i;

/** Stricter, for design prose, where "we should" and "needs to" are opinions and explanations. */
const STRICTLY_BINDING = /\b(?:must|shall|required)\b/i;

/** "e.g." or "such as" up to the end of the clause: an illustration, not a commitment. */
const EXAMPLE = /\b(?:e\.\s?g\.|eg\.|for example|for instance|such as)[^);]*$/i;

export const vagueTerm: Rule = {
  id: 'vague-term',
  defaultSeverity: 'warning',
  dimension: 'clarity',
  docs: {
    summary: 'Subjective, ambiguous or open-ended wording that an outside engineer cannot implement or test.',
    rationale: 'A contractor builds exactly what is written. "Fast", "user-friendly", "as needed" or "etc." leave the '
      + 'decision to whoever reads it, and the disagreement surfaces at acceptance. Each term comes with a rewrite '
      + 'hint that turns it into a number, a list or a condition. Where it looks, to keep false alarms down on real '
      + 'design documents: every term in requirements, non-functional, acceptance-criteria, definition-of-done and '
      + 'error-handling sections, and in the first sentence of each list item and the must/shall sentences of a '
      + 'scope section\'s own body; elsewhere only loopholes ("if possible", "as needed"), open-ended lists ("etc.", '
      + '"and so on") and subjective praise ("user-friendly", "seamless", "robust"), and only in binding sentences '
      + '(must, shall, should, required). Graded words ("fast", "some", "appropriate", "usually") are ordinary English '
      + 'in background and design discussion. Never checked: headings, code, URLs, link labels, quoted strings, '
      + 'open questions, and subsections headed as discussion ("Risks", "Notes", "Alternatives") or as a question. '
      + 'Graded words inside an example ("e.g. relevant PRs") are not reported. A graded word is not reported when '
      + 'its statement gives a target: the sentence or the next sentence of the same list item or paragraph, or '
      + 'the table row, states a number with a unit ("fast: p95 < 200 ms"); speed words need a duration or a '
      + 'rate, a comparative ("greater", "fewer") is settled by what it compares to ("faster than v1"), and a bound '
      + 'asked for without its value ("with a minimum of driver action", "kept to a minimum") by the value. '
      + 'Loopholes, open-ended lists, floors ("as a minimum", in commitments only) and approximations ("about '
      + '5 s", "approximately") are reported even next to numbers. In commitments, a must/shall sentence whose '
      + 'subject is a bare "This", "That", "These" or "Those" ("This shall also indicate...") is reported as a '
      + 'vague pronoun. A term followed by "(TBD: ...)" is left to the placeholder rule. A quality word such as '
      + '"fast" in a requirement is reported here and not again by unmeasurable-requirement.',
    bad: '- The search page must be fast and user-friendly, and support PDF, Word, etc.',
    good: '- REQ-4: Search results MUST render within 300 ms (p95) for queries on up to 1M documents.\n'
      + '- REQ-5: Uploads MUST accept PDF and DOCX only.',
    sources: [
      'ARM: Wilson, Rosenberg & Hyatt, "Automated Analysis of Requirement Specifications", ICSE 1997 (NASA ARM weak phrases and options)',
      'SMELLS: Femmer, Méndez Fernández, Wagner & Eder, "Rapid quality assurance with Requirements Smells", JSS 123, 2017',
      'INCOSE-R7/R8/R9: INCOSE Guide for Writing Requirements (vague terms, escape clauses, open-ended clauses), term lists '
        + 'adapted from the Vale style tbhb/vale-requirements-writing, CC BY 4.0',
      'ISO29148: ISO/IEC/IEEE 29148:2018, 5.2.7 Requirements language criteria (subjective language, ambiguous '
        + 'adverbs and adjectives, open-ended terms such as "as a minimum", comparatives, superlatives, loopholes, '
        + 'vague pronouns)',
    ],
    options: '`vocabulary.add` adds terms (a string, or { term, category, hint }); added terms are reported in any '
      + 'prose when their category is subjective, loophole or open-ended (or none is given), and only in commitments '
      + 'for the other categories (ambiguous, comparative, superlative, bound, floor, quantifier, frequency, '
      + 'approximation). '
      + 'In a term, "*" stands for one word and "#" for one number ("about #"). '
      + '`vocabulary.remove` drops built-in terms by spelling ("fast", "etc.").',
  },
  check(model: SpecModel, context: RuleContext): RawFinding[] {
    const findings: RawFinding[] = [];
    model.sentences.forEach((sentence, index) => {
      if (sentence.kind === 'heading' || inSection(sentence.section, EXEMPT_SECTIONS)) return;
      const reach = reachOf(model, index);
      if (reach === 'none') return;
      for (const match of context.lexicon.find(sentence.text)) {
        if (isReported(model, index, match, reach)) findings.push(finding(model, sentence, match));
      }
      const pronoun = reach === 'all' ? vaguePronoun(sentence.text) : undefined;
      if (pronoun && !markedForFollowUp(model, sentence.startOffset + pronoun.end)) {
        findings.push(finding(model, sentence, pronoun));
      }
    });
    return findings;
  },
};

/**
 * A binding sentence whose subject is a bare demonstrative ("This shall also indicate if the
 * called party was busy"): the requirement does not say what it binds, and readers can pick
 * different antecedents (vague pronouns: ISO/IEC/IEEE 29148, Femmer et al.). Only commitments
 * (must, shall, should, needs to) are checked: "This is needed because..." explains, and its
 * antecedent is plain. "It" is left out: in requirements it is mostly a placeholder subject ("It
 * shall be possible to...").
 */
const VAGUE_PRONOUN = /^(\s*)(this|that|these|those)(?=\s+(?:shall|must|should|needs? to|has to|have to)\b)/i;

const PRONOUN_HINT = 'name what it refers to, e.g. "The warning SHALL ..." instead of "This SHALL ..."';

function vaguePronoun(text: string): LexiconMatch | undefined {
  const match = VAGUE_PRONOUN.exec(text);
  if (!match) return undefined;
  const start = match[1].length;
  const term = match[2].toLowerCase();
  const entry = { term, category: 'vague-pronoun', hint: PRONOUN_HINT, sources: ['ISO29148', 'SMELLS'] };
  return { entry, start, end: start + match[2].length };
}

function isReported(model: SpecModel, index: number, match: LexiconMatch, reach: 'all' | 'strong'): boolean {
  const sentence = model.sentences[index];
  const strong = EVERYWHERE_CATEGORIES.has(match.entry.category);
  if (!strong && (reach === 'strong' || insideExample(sentence.text, match.start))) return false;
  if (insideQuotes(sentence.text, match.start) || isSettled(model, index, match)) return false;
  if (insideLinkLabel(model, sentence.startOffset + match.start)) return false;
  if (match.entry.category === 'comparative' && COMPARED.test(sentence.text.slice(match.end))) return false;
  return !markedForFollowUp(model, sentence.startOffset + match.end);
}

/**
 * Which terms a sentence is checked for: all of them in commitments (normative sections, and the
 * list items and must/shall sentences of a scope section's own body); only the strongly vague
 * ones (loopholes, open-ended lists, subjective praise) in a binding sentence elsewhere ("The new
 * portal should be user-friendly" in the context section); none in descriptive prose, where
 * "some", "fast" or "etc." are ordinary English. Only the first sentence of a scope item counts:
 * it names the deliverable, the rest explains it.
 */
function reachOf(model: SpecModel, index: number): 'all' | 'strong' | 'none' {
  const sentence = model.sentences[index];
  const discussed = inDiscussion(sentence.section);
  if (!discussed && inSection(sentence.section, NORMATIVE_SECTIONS)) return 'all';
  const ownScope = sentence.section?.canonical.some((id) => SCOPE_SECTIONS.includes(id)) ?? false;
  if (!discussed && ownScope && (STRICTLY_BINDING.test(sentence.text) || opensItem(model, index))) return 'all';
  return !discussed && BINDING.test(sentence.text) ? 'strong' : 'none';
}

/** The first sentence of a list item, or a table cell. */
function opensItem(model: SpecModel, index: number): boolean {
  const sentence = model.sentences[index];
  if (sentence.kind === 'table-cell') return true;
  return sentence.kind === 'list-item' && model.sentences[index - 1]?.listItem !== sentence.listItem;
}

/** True when the sentence sits under a discussion or question heading, up to and including the nearest recognised section. */
export function inDiscussion(section: Section | undefined): boolean {
  for (let current = section; current; current = current.parent) {
    // A heading that asks a question ("Will this increase CPU usage?") heads an answer, not a commitment.
    if (DISCUSSION.test(current.title) || QUESTION.test(current.title)) return true;
    if (current.canonical.length > 0) return false;
  }
  return false;
}

/** A graded term next to a target of the right kind is measured, not vague. */
function isSettled(model: SpecModel, index: number, match: LexiconMatch): boolean {
  const needs = settledBy(match.entry);
  if (needs === 'none') return false;
  return isMeasured(model, index, needs === 'time' ? TIME_KINDS : undefined);
}

function finding(model: SpecModel, sentence: Sentence, match: LexiconMatch): RawFinding {
  const start = sentence.startOffset + match.start;
  const end = sentence.startOffset + match.end;
  const written = model.text.slice(start, end);
  return {
    message: `"${written}" is vague: ${match.entry.hint}.`,
    range: rangeFromOffsets(model, start, end),
    data: { term: match.entry.term, text: written, category: match.entry.category, hint: match.entry.hint },
  };
}

/**
 * "fast (TBD: p95 target)": the author has marked the term for follow-up (the quick fix does
 * this), and the placeholder rule now reports the open point, so it is not reported twice.
 */
export function markedForFollowUp(model: SpecModel, end: number): boolean {
  return /^\s*\((?:TBD|TBC|TODO)\b/.test(model.text.slice(end, end + 12));
}

/** "[pre-existing periodic jobs](...)": a link label names what it links to; the target defines it. */
function insideLinkLabel(model: SpecModel, offset: number): boolean {
  return insideLink(model, offset);
}

/** True when `offset` is inside an illustration: "Supporting documentation, e.g. relevant PRs". */
export function insideExample(text: string, offset: number): boolean {
  return EXAMPLE.test(text.slice(0, offset));
}

/**
 * True when `offset` falls inside a double-quoted string of the sentence: UI labels and quoted
 * speech are reproduced as written, not stated by the author.
 */
export function insideQuotes(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = before.lastIndexOf('“');
  return straight % 2 === 1 || (opened >= 0 && opened > before.lastIndexOf('”'));
}
