import type { LexiconMatch } from '../lexicon/lexicon';
import { isMeasured, statementText } from '../lexicon/measured';
import { findQuantities, TIME_KINDS } from '../lexicon/quantity';
import { asksForSimilarity, countsDeliverable, definedByCapability, explainedAfter, insidePossibility, inVagueSense, isCriterionWord, leavesAmountOpen, MEANS_BY, MEANS_LISTED, leavesTimeOpen, picksUnnamedMembers, settledByValue } from '../lexicon/senses';
import { DEFERRAL_HINT, findDeferrals } from '../lexicon/deferrals';
import { qualityOfOutput, thresholdOfCondition } from '../lexicon/prescribed';
import { EVERYWHERE_CATEGORIES, HINT as HINT_OF, settledBy } from '../lexicon/terms';
import { insideExample, insideParentheses, insidePurpose, insideQuestion, type ScopedDocument } from '../model/scope';
import { announcesList, sectionRoles, statementOf, type Statement } from '../model/statements';
import { meaningGivenBefore, objectOf, takenUpLater, type Need, type TakenUp } from '../model/settlement';
import { rangeFromOffsets } from '../model/text';
import { specTitle } from '../model/title';
import type { ListItem, Section, Sentence, SpecModel } from '../model/types';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import { dataOf } from './types';
import { insideLink } from './util';
import { measurablePlaceholderFix } from './fixes/wording';
import { asInstruction, plainText } from './question-text';

/** What a comparative is compared to: "faster than the nightly export", "similar to the v1 report". */
const COMPARED = /^(?:\s+(?:to|as|with)\b|[^.;]*?\b(?:than|compared (?:to|with)|relative to)\b)/i;

export const vagueTerm: Rule<VagueTermData> = {
  id: 'vague-term',
  defaultSeverity: 'warning',
  dimension: 'requirements',
  scoreRole: 'wording',
  tags: ['statement'],
  // Commitments, and the discussion of a design for the decisions it leaves open (see leavesDecisionOpen);
  // never definitions, questions or non-goals. Quotes, justifications and terms marked for follow-up
  // are not the statement's own claim.
  scope: { statements: ['requirement', 'criterion', 'goal', 'narrative'], exclude: ['quote', 'justification', 'follow-up'] },
  docs: {
    description: 'Vague or subjective wording (fast, user-friendly, as appropriate, etc.).',
    summary: 'Subjective, ambiguous or open-ended wording that an outside engineer cannot implement or test.',
    rationale: 'A contractor builds exactly what is written. "Fast", "user-friendly", "as needed" or "etc." leave the '
      + 'decision to whoever reads it, and the disagreement surfaces at acceptance. Each term comes with a rewrite '
      + 'hint that turns it into a number, a list or a condition. The rule judges statements, not words: each '
      + 'sentence, list item and table row has a role (see the statement model: requirement, criterion, goal, '
      + 'non-goal, definition, narrative, question), and the hover says which and why. Every term is checked in '
      + 'the binding statements of requirements, criteria and goals sections; in design sections (proposal, '
      + 'detailed design, test plan) only loopholes ("if possible", "potentially"), open-ended lists ("etc.") and '
      + 'subjective praise ("user-friendly") are checked, and only in statements that bind (must, shall, should, '
      + 'will, an imperative item), because graded words there mostly describe the design. Never checked: '
      + 'narrative (background, rationale, examples, predictions, opinions, quotes, template guidance in '
      + 'italics, lead-ins ending in ":"), questions, definitions, non-goals, ticked checkboxes, headings, table '
      + 'headers, code, URLs, link labels, quoted strings, justification clauses ("because ...", "due to ...", '
      + 'a leading "In order to ..., ") and example clauses ("e.g. ..."). Nothing in a context section (summary, '
      + 'introduction, motivation, background) is checked, whatever its wording: "**Performance**: The artifacts '
      + 'should run as fast as possible" under Motivation says what the proposal is for, and the design says what '
      + 'it delivers; a goals or requirements subsection of it ("Motivation > Goals") is judged as one. A deferral, wording with which the design leaves its own decision open ("It would be nice to check '
      + 'that ...", "*Nice to have*: ...", "We should consider what tests ...", "we might want to make an exception", '
      + '"This will need investigation"), is reported in the statements of design, requirements, criteria and goals '
      + 'sections, discussion included, since it is what keeps the statement from binding; not a user\'s wish ("users '
      + 'may want to ..."), "consider" meaning take into account ("should consider the request size"), later work '
      + '("Eventually we might want to ..."), a statement that says the thing is optional or not required, nor open '
      + 'questions, alternatives and future work. Work a statement puts in a later document or release ("As a '
      + 'follow-up, we will ...", "will be added in a follow-up KEP", "Future versions of the API will ...") and a part '
      + 'the design leaves to each implementation ("The retry schedule is left to each implementation", "implementations '
      + 'may choose to ...", "implementation-defined", "not specified by this proposal") are not checked either, unless '
      + 'must, shall or an RFC 2119 keyword binds them. Words are read in their sense: "how many" asks, "most" before an adjective is a superlative '
      + '("the most common encodings"), a quantity opening a condition ("if some requests fail") is not open, a '
      + 'quantifier of kinds followed by the kinds ("various values, including:") is settled, a capitalised word '
      + 'inside a sentence is a name ("the Performance API"), a '
      + 'criterion word followed by its criterion ("enough credit to cover the fee (see `check_fee()`)") is '
      + 'settled, and so is an approximation whose exact value the same section states. A graded word is not '
      + 'reported when its statement gives a target: the sentence or the next sentence of the same list item or '
      + 'paragraph, or the table row, states a number with a unit ("fast: p95 < 200 ms"); speed words need a '
      + 'duration or a rate, a comparative ("greater", "fewer") is settled by what it compares to ("faster than '
      + 'v1"), and a bound asked for without its value ("with a minimum of driver action") by the value. '
      + 'Similarity ("similar", "comparable") is not settled by its referent: how close? Loopholes, open-ended '
      + 'lists, floors ("as a minimum") and approximations ("about 5 s") are reported even next to numbers. In '
      + 'requirement and criteria lists, a must/shall sentence whose subject is a bare "This", "That", "These" or '
      + '"Those" is reported as a vague pronoun, unless it follows another sentence of the same paragraph or item, '
      + 'which resolves it. A term followed by "(TBD: ...)" is left to the placeholder rule. A '
      + 'quality word such as "fast" in a requirement is reported here and not again by unmeasurable-requirement. '
      + 'A goal stated as one ("Our goal is that ...") is judged like a goal wherever it is written. A goal or '
      + 'requirement that opens with a verb of change ("Reduce per-cycle scheduling cost", "Improve error messages") '
      + 'is reported unless it states the end point: a number ("by 30%"), the condition to reach ("... to '
      + 'guarantee that ...", "so that ...") or an explanation after a colon. A judgement or quantity word on a noun of amount or time ("a '
      + 'reasonable limit", "some period of time", "enough time") leaves the amount open and is reported in any '
      + 'binding statement, design prose included, and so does a comparative on such a noun without "than" ("retried '
      + 'at a slower rate"). A similarity that is the predicate of a binding statement ("The number of calls should be '
      + 'comparable to prune-v1") asks for closeness without a tolerance and is reported there too; a likeness that '
      + 'only describes ("tools with similar goals") is not. Not reported either: words in a clause that '
      + 'speculates ("the restart could be longer if ...", "a function will want to ..."), a trigger in a '
      + 'permission ("can be upgraded as desired"), a word explained right after it ("as broadly as possible (i.e. '
      + 'everywhere the policy allows)"), "and similar to" (a comparison), "eventually" describing an eventual '
      + 'state ("the container eventually succeeds"), concessions (", although ..."), reasons after ", as the ... is", '
      + 'purposes after "to achieve" or "in order to", a trigger in what the design allows others to do ("will allow '
      + 'frameworks to adopt this annotation where appropriate"), asides in parentheses of design statements, "etc." '
      + 'after a numbered series ("-beta2, -beta3, etc"), a word whose statement names what it depends on and lists it '
      + '("as strongly as possible, depending on what sort of variable it is:"), pointers to other parts ("covered in '
      + 'the sections above") and the goal of a part of the document ("The goal for this section is that ..."). Also '
      + 'not reported: a word in a question the statement asks someone to settle ("Determine if additional tests are '
      + 'necessary"), a trigger in what other people will do ("Organizations will add environments as needed"), '
      + 'instructions to the author ("Please describe the details"), hopes and stated inabilities ("It is hoped that '
      + '...", "We are unable to offer an SLO until ..."), comparison clauses (", just as we would generally prefer"), '
      + 'a judgement that points to its criterion ("Comprehensive test coverage as outlined in the [Integration tests] '
      + 'section"), and amounts inside an example clause of a design statement ("such as ... a larger size"). Nor: the '
      + 'question of a template item before its answer ("**What are the reasonable SLOs?** n/a"), a purpose after the '
      + 'action ("Create a test suite to maintain high quality"; "... to ensure that ..." states the criterion and is '
      + 'read), "others" as a pronoun ("some components use X and others are configured to ..."), a need whose cause '
      + 'is named ("updated as necessary to support newer versions", "as needed by the Funding team"), "eventually" '
      + 'with the event it waits for ("once a type is available"; "after a period" still leaves it open), "eventually" '
      + 'naming a consistency model ("eventually consistent"), the end of a chain of calls ("which eventually calls '
      + '`handle()`", "is eventually handled by the dispatcher") or a process that ends on its own ("will eventually '
      + 'stop trying"), "periodic" '
      + 'naming a kind of CI job ("a periodic e2e job"), a count fixed by a named policy ("for many versions as per the '
      + 'deprecation policy"), a change verb whose means is the deliverable ("Improve reliability by providing a way '
      + 'to terminate gracefully"), and items whose lead-in leaves them out or offers them as suggestions ("The RFC '
      + 'also has a couple of non-goals:", "The following are suggestions for possible steps we could take:"). '
      + 'Outside requirements sections, a main clause that says what would, could or might happen ("A feedback forum '
      + 'would enable us to move quickly"), a sentence ending in "!" and a note on the document\'s own notation ("In '
      + 'this RFC, we will use the placeholder name ...") are narrative, and so are an assessment of what something '
      + 'is good enough to serve as ("should be sufficient as a source of truth"), an elaboration ("This may involve '
      + '..."), a consequence ("As a consequence, ...") and a concession ("Although ..."). Also not reported: a word in '
      + 'the condition of a decision left to the people running the process ("If we don\'t have enough information, we '
      + 'may decide to extend the evaluation"), in what a statement asks to explain ("demonstrate why this is useful"), '
      + '"so long as", and "etc." after a numbered or version series. Nor: a set the statement splits ("by rewriting '
      + 'some tests and demoting others"), "X in general will ..." (the thing as a whole), a likeness of two named parts '
      + 'in a design statement ("The X and Y types will be very similar"), "correct(ly)", "properly" and "valid" in a '
      + 'condition ("as long as the feature is correctly enabled"), and a benefit clause ("... such that developers can '
      + 'fix them as quickly as possible"). References left open are reported in commitments: "a standard data interface" '
      + '(which standard? not when the clause names it, in a determined reference such as "the standard set", for the '
      + 'ordinary kind as in "usable as a standard telephone", or for what the work itself defines), "special classes of '
      + 'trains", "support different languages" (not when counted, compared or spread "across different workflows"), and '
      + '"some users" or "certain functions", which a number elsewhere in the statement does not settle (a list of them '
      + 'does). No number settles correctness either ("function correctly at speeds from 0 to 500 km/h"). A clause '
      + 'after "designed so that" is the criterion the design must meet, not a benefit, and is read. Not reported: a task '
      + 'given to a named group or person ("SIG Cloud Provider will provide video channels as required"), a pointer to '
      + 'where the document tracks something ("... will be tracked in the Graduation Criteria section"), the findings of '
      + 'an assessment or survey section ("Ecosystem Assessment"), meeting arrangements, and "normal" naming the regular '
      + 'course ("normal operation", "the normal creation path"); "convert only once" is a number that settles a '
      + 'graded word ("the minimal possible number of conversions"). A statement binds the builder only when it is the '
      + 'builder\'s to do now: a named group\'s possibilities ("SIG Node can review the results regularly"), later work '
      + '("Eventually, we should extend ...", "Long term we will ..."), what measurements are expected to show ("this '
      + 'time should decrease significantly", "we should see a rate around 100-150/s"), a declined target ("There are no '
      + 'specific SLOs, but ..."), an assumption ("This RFC assumes that ..."), a consequence ("In some cases, fixing a '
      + 'bug may not cause ...", "..., so there will be enough time"), what something is "not just for", the items '
      + 'of a named group\'s duties ("The Edition project group is responsible for:") and what happens "in practice" '
      + 'are narrative. Not '
      + 'reported either: a word in a justification after ", needed for", a hedge in a statement that disclaims its own '
      + 'guarantee ("..., but it is not expected that this will always be true", "but it doesn\'t need to"), how long '
      + 'something may take ("may take some time"), a hedge inside a noun phrase ("Fix any potentially reported bugs"), '
      + '"some" meaning "a" before a singular noun and verb ("some quota has been exhausted"), "eventually" before what '
      + 'happens on its own ("will eventually expire"), a decision the system makes when it runs ("needs to be decided '
      + 'during admission"), a question the statement asks someone to work out ("Address how to minimize ..."), and a '
      + 'criterion in parentheses ("the proper binaries (listed under the changelog ...)"), and "relevant" in a sentence '
      + 'that follows another of the same item or paragraph, which names what it is relevant to, or after "the" ("drivers '
      + 'that advertise the relevant capabilities": a determinable reference; "link relevant tests" is reported). A verb of '
      + 'change whose purpose names what it yields ("Improve latency measurements to get per-volume latencies") states '
      + 'its end point. Nor: a word the next sentence explains ("decodable to some degree. That is, ..."), a word explained by '
      + 'a parenthesis that points at what exists ("a robust set of containers (what you would expect today)"), a likeness '
      + 'to a named mechanism outside the predicate ("..., similar to CSI attach and detach, ..."), a trigger inside "so '
      + 'that ..." of a design statement, a trigger on the reader\'s choice ("Documentation for opting out if needed") and '
      + '"etc." closing examples of a class a name defines ("JSON-Schema fields (minItems, dependencies, etc.)"; '
      + '"Parameter tuning (batch sizes, etc.)" is reported). A word that stands for members of a set or a choice '
      + '("most", "some", "various", "appropriate", "relevant") is settled by what is given nearby: the sub-items of '
      + 'its own list item ("Remove most IPTables chain management" over the flags removed), a rule named right '
      + 'after a criterion word ("an appropriate queue based on the hint") or, for the same noun, in the statement '
      + 'before it or its lead-in ("the queue requeues Pods based on the result from QueueingHint" before "requeued '
      + 'to an appropriate queue"). Not reported either: words inside what an example is asked to show ("Provide '
      + 'examples of what permission a user needs to impersonate certain verbs on certain resources"; "clear" before '
      + '"example" is read), a floor that names its members ("real drivers (`gce-pd`, `ebs` at minimum)"), and a word '
      + 'of the document\'s title, which names the subject the document specifies ("graceful" in "Graceful Leader '
      + 'Transition"). Manner adverbs of quality ("handle failures gracefully", "degrade gracefully", "migrate '
      + 'smoothly", "distributed fairly") are reported in commitments; "terminate gracefully" and "graceful shutdown" name '
      + 'the mechanism. A manner adverb that judges what the system does ("acknowledges a message promptly") is also '
      + 'reported in design statements bound by must or shall or stated as what the system does, in the present tense '
      + '("The consumer acknowledges ...", "Reads the file and reports ..."); a degree adverb ("reasonably fast") and '
      + '"more efficiently" are read as usual. "the relevant details", "the necessary information" leave the content '
      + 'open even after "the"; a judgement on an amount of time ("a reasonable amount of time") wants a duration, and a '
      + 'count ("up to 6 times") does not settle it. Not reported: a comparative that ranks members against each other '
      + '("ties by lower index", "the higher priority wins"), "and so on" after a series whose '
      + 'items extend each other ("its first supertrait and its first supertrait\'s super trait, ... and so on"), "or '
      + 'equivalent" followed by what the alternative must do ("`adduser --system` or equivalent to create UIDs in the '
      + 'SYS_UID_MIN - SYS_UID_MAX range"), a usability word on a deliverable whose clause says what it does ("a simple '
      + 'conformance test that creates a pod ... and verifies the output"), and a reference set whose members something '
      + 'named identifies ("other sensitive data, if any are identified during KEP-1753\'s investigation"). Nor: a word '
      + 'that counts or sorts members in a statement that announces the list after it ("The format has a few goals, '
      + 'one of them essential. The essential one is:" over the list; "several times" and "some of the following" are '
      + 'still read), "different X for different Y" or "different X per Y" (one for each), and "some" or "certain" set '
      + 'against "all other X" in the same sentence. Nor: a hedge adverb before a participle that names an optional part of a form '
      + '("letters and digits, possibly separated by `-`"), a quantifier naming the value someone specifies ("an option for '
      + 'specifying a number of threads"), and a word in the premise of the authors\' argument ("if we are going to have large '
      + 'numbers of clients ..., then we will need to ..."). "will not have to", "does not need to" lift an obligation; they '
      + 'do not bind. An '
      + 'item that opens with its verb under a goal or criteria lead-in ("The goals of this new format are to:" over "* Create '
      + 'a manifest that is easy to parse") is a goal or a criterion and judged as one, and an adverb of generality right after '
      + 'must, shall, should or needs to ("Clients should generally retry", "Tooling SHOULD generally reject ...") hedges the '
      + 'obligation itself and is reported in any binding statement; "will typically" forecasts what tends to happen. '
      + 'Escape clauses are the whole family of a conditional and a judgement of the case ("where applicable", '
      + '"wherever feasible", "whenever necessary", "if relevant"). A capability quality ("extensible", "flexible", '
      + '"modular") whose clause says what it lets someone do ("extensible, allowing new providers to register their '
      + 'own resolvers", "so that new fields can be added without breaking old readers") is defined by it and not '
      + 'reported ("allowing for future additions" names no action). '
      + 'A set word that counts or sorts what a binding statement delivers ("Different unit tests will be added", "We '
      + 'will add various e2e tests", "Add some integration tests") is reported in design sections too, a test plan '
      + 'included; "tests for different record types" sorts what is tested. A hedged decision on what the design '
      + 'contains ("The default set could possibly include some compatibility shims") is a deferral; a consequence '
      + '("This could possibly break clients") is a forecast, and "the methods that we could possibly support" names '
      + 'what is conceivable. Statement model: the that-clause of what the authors or the document propose, require or '
      + 'recommend ("We propose that implementations should retry ...", "It is recommended that clients should ...") '
      + 'binds; a design element named by a pronoun in the passive future ("It will be refreshed after ...") is what '
      + 'the design does; after a present-state opener, need to and have to describe the present ("For now, we need to '
      + 'rely on ..."), while must still binds ("Today the resolver must ..."). Two more graded uses prescribe rather than '
      + 'describe and are reported in binding design statements: the threshold of a condition that triggers behaviour '
      + '("When a tensor is sufficiently large, we will place it on host memory", "If the queue grows too long, the proxy '
      + 'will shed new requests"; not "larger than the page size", "identify if the path is slow" or "if we are '
      + 'sufficiently confident"), and an evaluative word on what a must, should or will has the system produce or offer '
      + '("should fill the gaps with reasonable behaviour", "Users should have an easy way to ...", "We will add '
      + 'appropriate tests", "Appropriate events will be recorded"; not "the appropriate defaults", which the context '
      + 'determines, "a layout for simple tensors", a case, "will have better observability", a benefit, "will use a '
      + 'reasonable approach", the design\'s own method, nor a word whose rule the statement points to, "using the cost '
      + 'model described in the previous section"). In goals, non-goals and criteria sections, a paragraph that opens '
      + 'with its verb ("Allow users to move ... with minimal changes") is an item written as prose and judged as one; a '
      + 'change whose lead-in lists the changes that make it ("Improve scheduling throughput with the following '
      + 'changes:") names its means. '
      + '"and in general provide ..." widens what was said. "good to have" is a deferral like "nice to have". Not '
      + 'reported: items under a lead-in that gives examples ("Example of operations performed by admins:", "for '
      + 'reasons, like:"), a "No Goals" section (non-goals), "etc." after a plural noun and "like" ("future '
      + 'improvements like query planning, queuing, etc."), a quality followed by "with zero ..." ("lightweight with '
      + 'zero impact on other commands"), a word in what a goal asks to explain ("Explain when each mode is '
      + 'appropriate"), a trigger in what a permission lets others do ("make it possible for modules to hook in so '
      + 'that their code starts and stops as desired") and a deferral for later ("logic that we might want to add at '
      + 'some point"). A goal is a summary and the design is the specification: a graded word in a goal is not reported '
      + 'when a later design or requirements section takes up the object it qualifies with concrete content, which members '
      + '("Add a few additional namespaces" and a list of the namespaces under a lead-in or a heading that names them), '
      + 'what it is ("Provide a simple API" and a heading "API" over code, "a format that is familiar to the community" and '
      + '"in prometheus text exposition format"), or how much ("Minimize the memory footprint of the collector" and "The '
      + 'collector\'s memory footprint stays below 64 MiB"). A goal nothing later settles ("Minimize the CPU and memory '
      + 'footprint" with no number anywhere) is reported, and its hover says what was looked for. Loopholes, open ends and '
      + 'words on threats, hazards or failures ("secure", "robust") are not settled this way. A graded word defined by '
      + 'the statement just before ("We call an evaluator efficient when it has the same complexity as ...") is settled by '
      + 'that definition.',
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
  question: vagueTermQuestion,
  fixes: (finding) => [measurablePlaceholderFix(finding)],
  check(model: SpecModel, context: RuleContext): RawFinding<VagueTermData>[] {
    const findings: RawFinding<VagueTermData>[] = [];
    model.sentences.forEach((sentence, index) => {
      const statement = context.scope.statementOf(sentence);
      if (!statement) return;
      const deferrals = leavesDecisionOpen(model, statement) ? findDeferrals(sentence.text).filter((match) => !context.scope.excludes(sentence, match.start, match.end)
        && !insideQuestion(sentence.text, match.start) && !insideLinkLabel(model, sentence.startOffset + match.start)) : [];
      for (const match of deferrals) findings.push(finding(model, sentence, match));
      const reach = reachOf(model, statement);
      if (reach === 'none') return;
      for (const match of context.lexicon.find(sentence.text)) {
        if (deferrals.some((deferral) => deferral.start < match.end && match.start < deferral.end)) continue;
        if (isReported(model, index, context.scope, match, reach, firmlyBound(statement))) findings.push(finding(model, sentence, match));
      }
      const change = reach === 'all' && sentence.startOffset === statement.startOffset ? unboundedChange(model, index) : undefined;
      if (change && !findings.some((found) => found.data?.term === change.entry.term && found.range.start.line === sentence.range.start.line)) {
        findings.push(finding(model, sentence, change));
      }
      const pronoun = reach === 'all' && PRONOUN_SECTIONS.has(statement.sectionRole) && standsAlone(model, statement) ? vaguePronoun(sentence.text) : undefined;
      if (pronoun && !context.scope.excludes(sentence, pronoun.start, pronoun.end)) {
        findings.push(finding(model, sentence, pronoun));
      }
    });
    return findings;
  },
};

/**
 * A goal or requirement that opens with a verb of change ("Reduce per-cycle scheduling cost",
 * "Improve error messages") asks for movement without an end point: by how much, to what? It is
 * settled by a number in the statement ("by 30%", "to 5 s") or by the condition it must reach
 * ("... to guarantee that PRs won't introduce unsupported dependencies", "so that ..."). The
 * superlative forms ("minimize", "maximize") are lexicon terms.
 */
const CHANGE_VERB = /^((?:[\s*_>"'(]|\[[ xX]\]\s*|\[[^\]]{1,20}\]\s*)*)(reduce|improve|increase|decrease|lower|shorten|lessen|boost|speed up|cut down)\b/i;

/**
 * The end point of the change: a condition it must reach, the explanation after a colon
 * ("Reduce integration burden: consumers write one integration for every scheduler"), the changes its
 * lead-in lists as the means ("Improve scheduling throughput with the following changes:") or the means
 * that delivers it ("Improve reliability by providing a way for containers to terminate
 * gracefully": the deliverable is the means, the change is its benefit). Numbers are found by
 * isMeasured.
 */
const END_POINT = new RegExp(String.raw`\b(?:so that|such that|until|to (?:the point|a level) where|to (?:guarantee|ensure|make sure|prevent|avoid|stop|eliminate|remove|zero|none|a single|one)\b)|^[^.;:]{3,80}:\s*\S|${MEANS_LISTED}|${MEANS_BY}|\bto\s+(?:get|obtain|expose|report|distinguish|separate|break\s+(?:\p{L}+\s+)?down)\s+(?!(?:more|better|less|fewer|higher|lower)\b)\p{L}`, 'iu');

const CHANGE_HINT = 'state the end point, e.g. by 30%';

function unboundedChange(model: SpecModel, index: number): LexiconMatch | undefined {
  const sentence = model.sentences[index];
  const match = CHANGE_VERB.exec(sentence.text);
  if (!match || END_POINT.test(sentence.text) || isMeasured(model, index)) return undefined;
  // "Lower case", "Increase the limit to 10": the word is not the verb, or the target follows.
  if (/^\s*(?:case|bound|level|priority)\b/i.test(sentence.text.slice(match[0].length))) return undefined;
  const start = match[1].length;
  const entry = { term: match[2].toLowerCase(), category: 'superlative', hint: CHANGE_HINT, sources: ['ISO29148', 'INCOSE-R7'] };
  const change = { entry, start, end: start + match[2].length };
  // "Reduce the watch restart latency" in Goals and "... restarts within 5 s" in the design: the end point is given later.
  const statement = statementOf(model, sentence);
  if (statement?.role === 'goal' && settledByDesign(model, statement, sentence.text, change) !== undefined) return undefined;
  return change;
}

/** Categories of words that grade their object (not loopholes, open ends or hedges of the obligation). */
const GRADED_CATEGORIES: ReadonlySet<string> = new Set(['ambiguous', 'subjective', 'quantifier', 'comparative', 'superlative']);
/** Hints of words that ask how much: only a number settles them. */
const MEASURE_HINTS: ReadonlySet<string> = new Set([HINT_OF.latency, HINT_OF.throughput, HINT_OF.scale, HINT_OF.availability, HINT_OF.reliability,
  HINT_OF.efficiency, HINT_OF.size, HINT_OF.duration, HINT_OF.deadline, HINT_OF.realtime, HINT_OF.threshold, HINT_OF.optimal, HINT_OF.tolerance]);
/** Hints of the words that count or sort members ("a few goals", "several formats", "certain fields"): a list settles them. */
const COUNTS_MEMBERS: ReadonlySet<string> = new Set([HINT_OF.quantity, HINT_OF.relevant]);
/** Hints of words that judge what a thing is: the thing specified settles them (not the threats, hazards or failures a word like "secure" leaves open). */
const CONTENT_HINTS: ReadonlySet<string> = new Set([HINT_OF.usability, HINT_OF.clear, HINT_OF.criterion, HINT_OF.detail, HINT_OF.flexible, HINT_OF.maintain,
  HINT_OF.fashion, HINT_OF.equivalent, HINT_OF.seamless]);

/** What would settle the word of a goal, if anything does (see model/settlement.ts). */
function needOf(text: string, match: LexiconMatch): Need | undefined {
  if (!GRADED_CATEGORIES.has(match.entry.category)) return undefined;
  if (MEASURE_HINTS.has(match.entry.hint) || match.entry.category === 'comparative' || match.entry.category === 'superlative') return 'measure';
  // "some type-agnostic helper function": a quantity word on one thing asks what it is, not which ones.
  if (COUNTS_MEMBERS.has(match.entry.hint) || match.entry.category === 'quantifier') return PLURAL_AFTER.test(text.slice(match.end)) ? 'members' : 'content';
  return CONTENT_HINTS.has(match.entry.hint) ? 'content' : undefined;
}

/**
 * Where the design settles the graded word of a goal: a later design or requirements section that
 * takes up the word's object with its members, its content or its amount (a number of the right
 * kind in a statement that names it).
 */
function settledByDesign(model: SpecModel, statement: Statement, text: string, match: LexiconMatch): TakenUp | undefined {
  const need = needOf(text, match);
  if (!need) return undefined;
  const kinds = settledBy(match.entry) === 'time' ? TIME_KINDS : undefined;
  const measured = (sentence: Sentence): boolean => findQuantities(model.text.slice(sentence.startOffset, sentence.endOffset)).some((quantity) => !kinds || kinds.has(quantity.kind));
  return takenUpLater(model, statement, objectOf(text, match.start, match.end), need, measured);
}

/**
 * A binding sentence whose subject is a bare demonstrative ("This shall also indicate if the
 * called party was busy"): the requirement does not say what it binds, and readers can pick
 * different antecedents (vague pronouns: ISO/IEC/IEEE 29148, Femmer et al.). Only commitments
 * (must, shall, should, needs to) are checked: "This is needed because..." explains, and its
 * antecedent is plain. "It" is left out: in requirements it is mostly a placeholder subject ("It
 * shall be possible to...").
 */
const VAGUE_PRONOUN = /^(\s*)(this|that|these|those)(?=\s+(?:shall|must|should|needs? to|has to|have to)\b)/i;

/** Where a bare demonstrative subject is reported: requirement lists, whose items stand alone. */
const PRONOUN_SECTIONS: ReadonlySet<string> = new Set(['requirements', 'criteria']);

const PRONOUN_HINT = 'name what it refers to, e.g. "The warning SHALL ..." instead of "This SHALL ..."';

/**
 * A statement that opens its list item, table row or paragraph: a demonstrative opening a sentence
 * that follows another in the same paragraph points back at that sentence, which resolves it.
 */
function standsAlone(model: SpecModel, statement: Statement): boolean {
  if (statement.kind !== 'sentence') return true;
  const previous = model.statements[statement.index - 1];
  if (!previous) return true;
  if (statement.listItem && previous.listItem === statement.listItem) return false;
  return /\n[ \t>]*\n/.test(model.text.slice(previous.endOffset, statement.startOffset));
}

/** True when the sentence follows another sentence of the same list item or paragraph. */
function continuesStatement(model: SpecModel, index: number): boolean {
  const statement = statementOf(model, model.sentences[index]);
  const previous = statement && model.statements[statement.index - 1];
  if (!statement || !previous || previous.section !== statement.section || statement.kind === 'table-row' || previous.kind === 'table-row') return false;
  if (statement.listItem || previous.listItem) return statement.listItem !== undefined && previous.listItem === statement.listItem;
  return !/\n[ \t>]*\n/.test(model.text.slice(previous.endOffset, statement.startOffset));
}

function vaguePronoun(text: string): LexiconMatch | undefined {
  const match = VAGUE_PRONOUN.exec(text);
  if (!match) return undefined;
  const start = match[1].length;
  const term = match[2].toLowerCase();
  const entry = { term, category: 'vague-pronoun', hint: PRONOUN_HINT, sources: ['ISO29148', 'SMELLS'] };
  return { entry, start, end: start + match[2].length };
}

function isReported(model: SpecModel, index: number, scope: ScopedDocument, match: LexiconMatch, reach: Reach, firm: boolean): boolean {
  const sentence = model.sentences[index];
  const strong = EVERYWHERE_CATEGORIES.has(match.entry.category) || leavesAmountOpen(sentence.text, match) || asksForSimilarity(sentence.text, match)
    // Background that voices a wish ("health checking should generally be centralized") is not the proposal's obligation.
    || (hedgesModal(sentence.text, match) && statementOf(model, sentence)?.binding === true)
    || (firm && qualityOfAction(sentence.text, match))
    // "Different unit tests will be added": which deliverables is left open wherever the statement binds.
    || (countsDeliverable(sentence.text, match) && statementOf(model, sentence)?.binding === true)
    || (statementOf(model, sentence)?.binding === true && prescribes(sentence.text, match));
  // An example list is open by nature: "(e.g. miniKube, KubeSpray, etc.)".
  const example = insideExample(sentence.text, match.start);
  // In a design statement the example clause covers amounts too: "such as ... a larger size".
  if (example && (!strong || match.entry.category === 'open-ended' || (reach === 'strong' && !EVERYWHERE_CATEGORIES.has(match.entry.category)))) return false;
  if (!strong && reach === 'strong') return false;
  // A commitment the document voices outside its binding statements: only what hedges it.
  if (reach === 'hedge' && !hedgesCommitment(match)) return false;
  // An aside in parentheses of a design statement ("(modulo the usual caveats ... and so on)") is
  // not what it binds.
  if (reach !== 'all' && insideParentheses(sentence.text, match.start)) return false;
  // "-beta2, -beta3, etc": the series shows its rule.
  if (match.entry.category === 'open-ended' && continuesSeries(sentence.text.slice(0, match.start))) return false;
  // "enforced as strongly as possible, depending on what sort of variable it is:": the list that
  // follows says how.
  if (DEPENDS_ON_LIST.test(sentence.text.slice(match.end))) return false;
  // A quoted label, a justification ("..., because ...") or a term marked "(TBD: ...)" is not what the statement binds.
  if (scope.excludes(sentence, match.start, match.end)) return false;
  // "If we don't have enough information to draw a conclusion, we may decide to extend the
  // evaluation": the condition of a permission or a possibility binds nobody.
  if (conditionOfPossibility(sentence.text, match.start)) return false;
  // "**What are the reasonable SLOs for the above SLIs?** n/a": the template's question, not the answer.
  if (insideQuestion(sentence.text, match.start)) return false;
  // "Create a test suite to maintain high quality": the purpose says why, the action is what is bound.
  if (insidePurpose(sentence.text, match.start)) return false;
  // "by rewriting some tests and demoting others": the statement splits a set it names; the work decides the split.
  if (PARTITION_TERMS.has(match.entry.term) && PARTITION_REST.test(sentence.text.slice(match.end))) return false;
  // "CSI resizing in general will only leave GA after ...": the thing as a whole, not a hedge.
  if (match.entry.term === 'in general' && WHOLE_BEFORE.test(sentence.text.slice(0, match.start)) && WHOLE_AFTER.test(sentence.text.slice(match.end))) return false;
  // "The `Span` and `RawSpan` types will be very similar": two parts of the design alike, described.
  if (reach === 'strong' && reciprocalLikeness(sentence.text, match)) return false;
  // "some components use direct leases and others are configured to ...": a pronoun, not the tail of a list.
  if (/^(?:and|or) others$/.test(match.entry.term) && OTHERS_AS_SUBJECT.test(sentence.text.slice(match.end))) return false;
  // "updated as necessary to support newer versions", "as needed by the Funding team": the
  // statement names what creates the need, so the trigger can be determined.
  if (NEED_TERMS.test(match.entry.term) && NEED_NAMED.test(sentence.text.slice(match.end))) return false;
  // "Output will typically represent the state as faithfully as possible, but it is not expected that
  // this will always be true": the statement disclaims the guarantee itself, so the hedge is deliberate.
  // "will make a best effort attempt to ...": the hedge that is itself the disclaimer is reported.
  if (HEDGE_CATEGORIES.has(match.entry.category) && !DISCLAIMED.test(match.entry.term) && DISCLAIMED.test(statementText(model, index))) return false;
  // "when it is possible to tell the type statically": the clause names what it judges, a condition with content.
  if (JUDGED_CLAUSE.test(match.entry.term) && /^\s+(?:to|for)\b/i.test(sentence.text.slice(match.end))) return false;
  // "endpoints ... may take some time": a warning about how long something can take, not a bound.
  if (leavesAmountOpen(sentence.text, match) && MAY_TAKE.test(sentence.text.slice(0, match.start))) return false;
  // "The exact spec needs to be decided during Filter phase": a decision the system makes when it runs, not a value left open.
  if (/^to be (?:decided|determined)$/i.test(match.entry.term) && RUNTIME_DECISION.test(sentence.text.slice(match.end))) return false;
  // "Add a validation rule for ready pods. Also, link the relevant integration tests.": relevant to
  // what the sentence before in the same item or paragraph names.
  if (match.entry.term === 'relevant' && continuesStatement(model, index)) return false;
  // "Fix any potentially reported bugs": the hedge widens a noun phrase; the obligation stays firm.
  if (HEDGE_ADVERBS.test(match.entry.term) && DETERMINER_BEFORE.test(sentence.text.slice(0, match.start)) && (MODIFIER_AFTER.test(sentence.text.slice(match.end)) || /^\s+\p{L}+\s+\p{L}/u.test(sentence.text.slice(match.end)))) return false;
  // "sequences of `[a-z0-9]` possibly separated by one of `[-_.]`": an optional part of a form, not a hedge.
  if (HEDGE_ADVERBS.test(match.entry.term) && OPTIONAL_PART.test(sentence.text.slice(match.end))) return false;
  if (!EVERYWHERE_CATEGORIES.has(match.entry.category) && !inVagueSense(sentence.text, match)) return false;
  if (match.entry.term === 'eventually' && !inVagueSense(sentence.text, match)) return false;
  if (!leavesAmountOpen(sentence.text, match) && insidePossibility(sentence.text, match)) return false;
  if (match.entry.category !== 'open-ended' && (explainedAfter(sentence.text, match) || explainedNext(model, index))) return false;
  // "as needed" inside "so that ..." of a design statement: how the mechanism works, not what it binds.
  if (reach !== 'all' && match.entry.category === 'loophole' && SO_THAT_BEFORE.test(sentence.text.slice(0, match.start))) return false;
  // "Documentation for opting out if needed": the condition is the reader's choice, not the deliverable's trigger.
  if (NEED_TERMS.test(match.entry.term) && CHOOSER_BEFORE.test(sentence.text.slice(0, match.start))) return false;
  // "its first supertrait and its first supertrait's super trait, ... and so on": each item extends
  // the one before, so the series shows its rule.
  if (match.entry.category === 'open-ended' && recursiveSeries(sentence.text.slice(0, match.start))) return false;
  // "Use `adduser --system` or equivalent to create UIDs in the SYS_UID_MIN - SYS_UID_MAX range": what
  // an alternative must do follows.
  if (/^or (?:equivalent|similar)$/.test(match.entry.term) && /^\s+to\s+(?!be\b)\p{Ll}+\s+\S/u.test(sentence.text.slice(match.end))) return false;
  // "Create a simple conformance test that creates a pod using an image volume and verifies the
  // output": the relative clause says what the deliverable does.
  if (match.entry.hint === HINT_OF.usability && BOUNDED_BY_CLAUSE.test(sentence.text.slice(match.end))) return false;
  // "Design the API to be extensible, allowing new providers to register their own resolvers": the
  // clause after the quality says what it lets someone do, which is its criterion.
  if (CAPABILITY_HINTS.has(match.entry.hint) && definedByCapability(sentence.text, match)) return false;
  // "JSON-Schema fields (minItems, dependencies, etc.)": examples of a class a name defines.
  if (match.entry.category === 'open-ended' && examplesOfNamedClass(sentence.text, match.start)) return false;
  // "transparent and similar to other Kubernetes actions": a comparison, not the tail of a list.
  if (/^(?:and|or) similar$/.test(match.entry.term) && /^\s+to\b/i.test(sentence.text.slice(match.end))) return false;
  if (isSettled(model, index, match) || settledByValue(model, sentence, match)) return false;
  const statement = statementOf(model, sentence);
  // "We call an evaluator efficient when ...", then "The evaluator must be efficient": the meaning is given just before.
  if (statement && GRADED_CATEGORIES.has(match.entry.category) && meaningGivenBefore(model, statement, match.entry.term)) return false;
  // "Add a few additional namespaces" in Goals, and the namespaces listed in the design: the goal summarises what the design settles.
  if (statement?.role === 'goal' && settledByDesign(model, statement, sentence.text, match) !== undefined) return false;
  // "Remove most IPTables chain management from kubelet." over sub-items that list what is removed:
  // the item's own children say what the word stands for.
  if (STANDS_FOR_MEMBERS.has(match.entry.hint) && !leavesAmountOpen(sentence.text, match) && childrenEnumerate(model, sentence)) return false;
  // "A symbol mangling scheme has a few goals, one of them essential. The essential one is:" over a
  // list: the items that follow are the members the statement counts ("some of the following:" still
  // leaves open how many of them).
  if (COUNTS_MEMBERS.has(match.entry.hint) && countsListedMembers(model, index, match)) return false;
  // "... requeued to an appropriate queue" after the item "the scheduling queue requeues Pods based on
  // the result from QueueingHint": the statement before gives the rule for the same thing.
  if (isCriterionWord(match.entry.term) && ruleGivenBefore(model, index, match)) return false;
  // "Enable graceful handling of leader lock loss" in "KEP-5366: Graceful Leader Transition": the
  // document's title names its subject, and the document is what defines it.
  if (!EVERYWHERE_CATEGORIES.has(match.entry.category) && namedByTitle(model, match)) return false;
  // "real drivers (`gce-pd`, `ebs` at minimum)": a floor that names its members is an exact floor.
  if (match.entry.category === 'floor' && namesFloor(model, sentence, match)) return false;
  if (insideLinkLabel(model, sentence.startOffset + match.start)) return false;
  // "ties by lower index", "the higher priority wins": the members are ranked against each other.
  if (match.entry.category === 'comparative' && RANKS_MEMBERS.test(sentence.text.slice(0, match.start)) && /^\s+\p{L}+/u.test(sentence.text.slice(match.end))) return false;
  if (match.entry.category === 'comparative' && /^\s+[\p{L}-]+\s+(?:first|last|wins|win|takes precedence|take precedence|is (?:chosen|preferred|picked|kept)|are (?:chosen|preferred|picked|kept))\b/iu.test(sentence.text.slice(match.end))) return false;
  return !(match.entry.category === 'comparative' && COMPARED.test(sentence.text.slice(match.end)));
}

/**
 * A condition opening the statement ("If ..., we may ...") whose main clause leaves a decision to the
 * people who run the process: it binds nobody. A permission on what is delivered ("changes may be
 * included if they make enough progress") is still bounded by its condition, and read.
 */
function conditionOfPossibility(text: string, offset: number): boolean {
  const before = text.slice(0, offset);
  const opened = /\b(?:if|unless|when|whenever|in case)\b(?![^,;]*[,;])[^,;]*$/i.exec(before);
  if (!opened || /\p{L}/u.test(before.slice(0, opened.index).replace(/[*_>\s]/g, ''))) return false;
  const rest = text.slice(offset).split(/[;.]/)[0];
  return rest.includes(',') && DECISION_LEFT.test(rest.slice(rest.indexOf(',') + 1));
}

/** "we may decide", "the SIG can choose": a decision left to the people running the process. */
const DECISION_LEFT = /^\s*(?:(?:then|the|our)\s+)?(?:we|they|i|sigs?|the sig|teams?|maintainers|reviewers|approvers|owners|\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)\s+(?:may|might|could|can)\s+(?:(?:also|then|still)\s+)?(?:decide|choose|opt|consider|extend|revisit|reconsider|defer|delay|postpone|pause|drop|ask|request|keep)\b/u;

/** "... so that the connection requests the certificate as needed": inside a "so that" clause, not after "designed so that". */
const SO_THAT_BEFORE = /(?<!\b(?:designed|built|written|chosen|made|structured)\s)\bso that\b[^.;:]*$/i;
/** "for opting out if needed", "for upgrading, if required": someone's choice the item serves. */
const CHOOSER_BEFORE = /\bfor\s+\p{L}+ing(?:\s+(?:out|in|back|up|down|over))?,?\s+$/iu;

/**
 * True when `offset` is the end of a parenthesised list right after a noun phrase that carries a
 * name ("JSON-Schema fields (minItems, dependencies, etc.)"): examples of a class the name defines.
 * "Parameter tuning (batch sizes, etc.)" names no class: its list stays open.
 */
function examplesOfNamedClass(text: string, offset: number): boolean {
  const open = text.lastIndexOf('(', offset);
  if (open <= 0 || text.slice(open, offset).includes(')')) return false;
  const words = text.slice(0, open).trim().split(/\s+/);
  return words.slice(-3).some((word) => /^`|^\p{Lu}[\p{L}\d]*-\p{Lu}|^\p{Lu}{2,}/u.test(word.replace(/^[*_"'(]+/, '')));
}

/** True when the next sentence of the same item or paragraph opens by saying what the statement means ("That is, ..."). */
function explainedNext(model: SpecModel, index: number): boolean {
  const next = model.sentences[index + 1];
  return next !== undefined && continuesStatement(model, index + 1) && /^[\s*_]*(?:that is|i\.\s?e\.|in other words|namely|specifically)\b/i.test(next.text);
}

/**
 * Hints of the words that stand for members of a set or a choice ("most", "some", "appropriate",
 * "relevant"): a list of the members or a rule that picks them settles them. Qualities ("fast",
 * "easy") and open ends ("etc.") are not settled by a list.
 */
const STANDS_FOR_MEMBERS: ReadonlySet<string> = new Set([HINT_OF.quantity, HINT_OF.criterion, HINT_OF.relevant]);

/** A plural noun after the word, with at most one modifier: "goals", "initial goals", "output formats". */
const PLURAL_AFTER = /^\s+(?:[\p{L}-]+\s+)?\p{L}{2,}(?<![su]s)s\b/u;

/**
 * True when a word that counts or sorts members ("a few goals", "several changes") is in a statement
 * that announces the list after it: the list names the members. An amount ("several times", "a few
 * minutes") is not what a list enumerates, and "some of the following" counts the items.
 */
function countsListedMembers(model: SpecModel, index: number, match: LexiconMatch): boolean {
  const sentence = model.sentences[index];
  const after = sentence.text.slice(match.end);
  if (leavesAmountOpen(sentence.text, match) || AMOUNT_AFTER.test(after) || /^\s+(?:of|among)\s+(?:the|these|those)\b/i.test(after) || !PLURAL_AFTER.test(after)) return false;
  const statement = statementOf(model, sentence);
  return statement !== undefined && announcesList(model, statement);
}

/** Nouns of amount and time that a list does not enumerate: "several times", "a few minutes". */
const AMOUNT_AFTER = /^\s+(?:[\p{L}-]+\s+)?(?:times|attempts|retries|seconds|minutes|hours|days|weeks|months|years|releases|cycles|iterations|percent|bytes|requests)\b/iu;

/** Items that have a nested list, per list of items (a model's list is built once). */
const parentsOf = new WeakMap<readonly ListItem[], ReadonlySet<ListItem>>();

/**
 * True when the sentence is in a list item whose nested items follow it: "Some indication of whether
 * the credentials are SA or SA+pod-scoped" over "- whether that's indicated in the config or in the
 * plugin-returned content, and what the default is". The sub-items are what the word stands for.
 */
function childrenEnumerate(model: SpecModel, sentence: Sentence): boolean {
  const item = sentence.listItem;
  if (!item) return false;
  let parents = parentsOf.get(model.listItems);
  if (!parents) {
    parents = new Set(model.listItems.flatMap((child) => (child.parent ? [child.parent] : [])));
    parentsOf.set(model.listItems, parents);
  }
  return parents.has(item) && sentence.startOffset >= item.startOffset && sentence.endOffset <= item.endOffset + 1;
}

/** Markers of a rule that decides a value: "requeues Pods based on the result", "chosen by the scheduler". */
const RULE_MARKER = /\b(?:based on|depending on|according to|determined by|decided by|selected by|chosen by|picked by)\b/i;

/**
 * True when the statement before (the previous sentence of the paragraph or item, the previous
 * sibling item or the lead-in) names the noun the criterion word modifies together with the rule
 * that decides it: "... the scheduling queue requeues Pods based on the result from `QueueingHint`"
 * before "... requeued to an appropriate queue".
 */
function ruleGivenBefore(model: SpecModel, index: number, match: LexiconMatch): boolean {
  const sentence = model.sentences[index];
  const noun = /^\s+(?:[\p{L}-]+\s+)??(\p{L}{3,})\b/u.exec(sentence.text.slice(match.end))?.[1];
  const statement = statementOf(model, sentence);
  if (!noun || !statement) return false;
  const previous = model.statements[statement.index - 1];
  const candidates = [statement.leadIn, previous && previous.section === statement.section ? previous : undefined];
  const stem = noun.toLowerCase().replace(/(?:es|s)$/, '');
  const named = new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es)?\\b`, 'i');
  return candidates.some((before) => before !== undefined && before !== statement && RULE_MARKER.test(before.text) && named.test(before.text));
}

/**
 * True when a floor ("at minimum") closes or opens a list of named members in its clause: "real
 * drivers (`gce-pd`, `ebs` at minimum)", "at a minimum: unit, e2e and upgrade tests". The members are
 * required and more are allowed: the floor is exact.
 */
function namesFloor(model: SpecModel, sentence: Sentence, match: LexiconMatch): boolean {
  const raw = model.text.slice(sentence.startOffset, sentence.endOffset);
  const open = raw.lastIndexOf('(', match.start);
  const after = raw.slice(match.end).split(/[);.]/)[0] ?? '';
  const members = (part: string): number => part.split(/\s*,\s*|\s+(?:and|or)\s+/).filter((item) => /^[`"'*]*[\p{L}\d]\S*(?:\s+\S+){0,2}$/u.test(item.trim())).length;
  // Inside a parenthesis that the floor closes: "(`gce-pd`, `ebs` at minimum)".
  if (open >= 0 && !raw.slice(open, match.start).includes(')') && /^\s*\)/.test(raw.slice(match.end)) && members(raw.slice(open + 1, match.start).trim()) >= 2) return true;
  return /^\s*:/.test(after) && members(after.replace(/^\s*:\s*/, '').trim()) >= 2;
}

/**
 * True when the word (or its adjective/adverb form) is in the document's title: "Graceful Leader
 * Transition", "Efficient requeueing". The title names the subject the whole document specifies.
 */
function namedByTitle(model: SpecModel, match: LexiconMatch): boolean {
  const title = specTitle(model, '');
  if (!title) return false;
  const stem = match.entry.term.toLowerCase().replace(/(?:ly|ily)$/, '').replace(/(?:e|y)$/, '');
  if (stem.length < 4 || /\s/.test(stem)) return false;
  return new RegExp(`\\b${stem}\\p{L}{0,4}\\b`, 'iu').test(title);
}

/** An ordering key: "sorted by lower index", "ties broken by higher priority". */
const RANKS_MEMBERS = /\b(?:by|on)\s+(?:the\s+)?$/i;

/**
 * A statement bound firmly: must, shall or an RFC 2119 keyword, or a plain statement of what the
 * system does ("The consumer acknowledges a message ..."). Should, will, may and can leave room for
 * design description and possibility.
 */
function firmlyBound(statement: Statement): boolean {
  return statement.binding && ((statement.cue !== undefined && /^(?:must|shall)\b/i.test(statement.cue)) || (statement.cue === undefined && !statement.explicit && statement.role === 'requirement'));
}

/** Adverbs that say how generally something holds: next to the modal they weaken the obligation itself. */
const GENERALITY = /^(?:generally|usually|typically|normally|mostly|largely|often)$/i;
/** The obligation right before: "should generally", "MUST usually"; "will typically" forecasts what tends to happen. */
const MODAL_BEFORE = /\b(?:must|shall|should|needs? to|has to|have to)\s+(?:(?:also|still|then)\s+)?$/i;

/**
 * True when an adverb of generality sits on the modal ("servers should generally support ...",
 * "clients typically must retry"): the obligation holds in general, and the exceptions are the
 * reader's to guess (an escape clause), wherever the statement binds. "will typically" forecasts what tends to happen.
 */
function hedgesModal(text: string, match: LexiconMatch): boolean {
  return GENERALITY.test(match.entry.term) && MODAL_BEFORE.test(text.slice(0, match.start));
}

/**
 * True when the word leaves open what a binding design statement prescribes: the threshold of a
 * condition that triggers behaviour, or a quality of what the statement has the system produce.
 */
function prescribes(text: string, match: LexiconMatch): boolean {
  return thresholdOfCondition(text, match) || qualityOfOutput(text, match);
}

/** Hints of manner adverbs that judge how an action is done: how soon, how well, how safely. */
const MANNER_HINTS: ReadonlySet<string> = new Set([HINT_OF.latency, HINT_OF.deadline, HINT_OF.graceful, HINT_OF.efficiency, HINT_OF.reliability, HINT_OF.secure, HINT_OF.safe]);

/**
 * True when a manner adverb judges the action of the statement ("acknowledges a message promptly",
 * "handles failures gracefully", "stores the key securely"): a quality without a target on what the
 * system does, vague wherever the statement binds, design prose included. A degree adverb before an
 * adjective ("reasonably fast") or a participle ("securely stored" is still judged) is read as usual.
 */
function qualityOfAction(text: string, match: LexiconMatch): boolean {
  if (!/ly$/i.test(match.entry.term) || !MANNER_HINTS.has(match.entry.hint)) return false;
  // "help tooling identify members more efficiently": a comparison of benefit, not a quality asked for.
  if (/\b(?:more|less|most|least)\s+$/i.test(text.slice(0, match.start))) return false;
  const next = /^\s+(\p{L}+)/u.exec(text.slice(match.end))?.[1] ?? '';
  return !/^(?:\p{L}+(?:able|ible|al|ive|ous|ic|ful|less|ent|ant)|fast|slow|quick|large|small|high|low|long|short|more|less|enough)$/iu.test(next);
}

/** Hints of the qualities that name a capability: what can be extended, varied or reused. */
const CAPABILITY_HINTS: ReadonlySet<string> = new Set([HINT_OF.maintain, HINT_OF.flexible]);

/** A deliverable and the clause that says what it does: "test that creates a pod ... and verifies the output". */
const BOUNDED_BY_CLAUSE = /^\s+(?:[\p{L}-]+\s+){1,3}?(?:that|which)\s+(?:\p{Ll}+s)\s+[^.;]*\band\s+(?:\p{Ll}+s)\b/u;

/** True when the last item before "and so on" extends the one before it: "its first supertrait, its first supertrait's super trait". */
function recursiveSeries(before: string): boolean {
  const items = before.replace(/[\s,.…]+$/, '').split(/\s*(?:,|\band\b|\bor\b)\s*/).map((item) => item.trim()).filter(Boolean);
  if (items.length < 2) return false;
  const [previous, last] = items.slice(-2).map((item) => item.toLowerCase().replace(/['’]s\b/g, ''));
  return previous.split(/\s+/).length >= 2 && last.startsWith(previous) && last.length > previous.length;
}

/** Terms that hedge whether, how often or how far the statement holds. */
const HEDGE_CATEGORIES: ReadonlySet<string> = new Set(['loophole', 'frequency', 'superlative', 'bound']);
/** A statement that says it guarantees nothing: "it is not expected that this will always be true", "but it doesn't need to". */
const DISCLAIMED = /\b(?:it is not (?:expected|guaranteed|required) that|(?:is|are) not (?:guaranteed|required|expected) to|(?:does|do)(?: not|n['’]t) (?:need|have) to\b(?!\s+\p{L})|need not\b|no guarantees?\b|best[- ]effort\b)/iu;
/** A possibility of lasting: "may take", "might need", "can last". */
const MAY_TAKE = /\b(?:may|might|could|can)\s+(?:(?:still|also|sometimes|then)\s+)?(?:take|last|need|require)\s+(?:a\s+|an\s+)?$/;
/** When or by what the system decides: "during Filter phase", "at runtime", "by the scheduler". */
const RUNTIME_DECISION = /^\s+(?:during|at run ?time|at runtime|dynamically|by the\s+\p{L}+|per request|for each|on each|based on)\b/iu;
/** Hedge adverbs that can modify an adjective or a participle inside a noun phrase. */
const HEDGE_ADVERBS = /^(?:potentially|possibly)$/i;
/** A participle with its complement: "separated by", "followed by", "prefixed with", "wrapped in". */
const OPTIONAL_PART = /^\s+\p{Ll}+(?:ed|en)\s+(?:by|with|in|from)\b/u;
const DETERMINER_BEFORE = /\b(?:any|all|every|each|the|a|an|these|those|such|other|no)\s+$/i;
/** A participle or adjective, then its noun: "reported bugs", "affected nodes", "unsafe code". */
const MODIFIER_AFTER = /^\s+(?:un)?\p{Ll}+(?:ed|en|ing|able|ible|ful|ous|ive|al|ic|ent|ant|safe|wrong)\s+\p{L}/u;

/** Quantifiers that can split a set against "others" or "the rest". */
const PARTITION_TERMS: ReadonlySet<string> = new Set(['some', 'certain']);
const PARTITION_REST = /^[^.;]*?\b(?:(?:the\s+)?others|the rest|the remaining(?:\s+\p{L}+)?|(?:all|any|every|each)\s+(?:the\s+)?other\s+\p{L}+)\b/iu;
/** "X in general will ...": a noun right before, a verb right after. */
const WHOLE_BEFORE = /\p{L}\s+$/u;
const WHOLE_AFTER = /^\s+(?:will|would|is|are|was|were|must|should|shall|can|may|has|have|does|do|remains?|stays?)\b/i;

/** "The X and Y types will be very similar", "both ... are comparable": a likeness of two named parts, no referent after it. */
function reciprocalLikeness(text: string, match: LexiconMatch): boolean {
  if (!/^(?:similar|comparable)$/i.test(match.entry.term) || /^\s+(?:to|with|as)\b/i.test(text.slice(match.end))) return false;
  const clause = text.slice(0, match.start).split(/[,;:]/).pop() ?? '';
  return /\b(?:and|both)\b/i.test(clause);
}

/** "others" followed by its verb: "... and others are configured to use coordinated leases". */
const OTHERS_AS_SUBJECT = /^\s+(?:\p{L}+ly\s+)?(?:are|is|were|was|will|would|can|could|may|might|should|must|have|has|had|do|does|did|get|use|need|run|stay|remain|keep|become)\b/iu;
/** Triggers that depend on a need: "as necessary", "if needed", "where required". */
const NEED_TERMS = /^(?:as|if|when|where|wherever) (?:needed|necessary|required)$/;
/** What the need is for or whose it is, named right after the trigger: "to support newer versions", "by the Funding team". */
const NEED_NAMED = /^\s*(?:to\s+(?!be\b)\p{L}+|for\s+(?:the\s+|a\s+|an\s+|each\s+|every\s+)?\p{L}+|by\s+(?:the\s+)?\p{Lu}?\p{L}+)/u;

/** A term followed by what it depends on and a list: "..., depending on what sort of variable it is:". */
const DEPENDS_ON_LIST = /^[^.;:]{0,40}?\b(?:depending on|based on|according to|as follows)\b[^.;]*:\s*[*_]*$/i;

/**
 * True when the list before "etc." is a series whose items differ only in their numbers
 * ("1.0.0-beta2, -beta3, etc", "v1, v2, v3, etc."): the rule of the series is plain.
 */
function continuesSeries(before: string): boolean {
  const all = before.replace(/[\s,(]+$/, '').split(/,\s*/).map((item) => item.trim().split(/\s+/).pop() ?? '');
  // The numbered tail of the list: "If betas extend for multiple cycles, they are called 1.0.0-beta2, -beta3, etc".
  let first = all.length;
  while (first > 0 && /\d/.test(all[first - 1]) && all.length - first < 3) first--;
  const items = all.slice(first);
  // "six weeks after that 1.1.0 and then 1.2.0, etc.": a version series.
  if (items.length === 1 && /^v?\d+(?:\.\d+)+$/.test(items[0])) return (before.match(/\bv?\d+(?:\.\d+)+\b/g) ?? []).length >= 3;
  if (items.length < 2) return false;
  const shapes = items.map((item) => item.replace(/\d+/g, '#').replace(/^.*?(?=[^#]*#[^#]*$)/, ''));
  return items.every((item) => /\d/.test(item)) && shapes.every((shape) => shape === shapes[shapes.length - 1]) && new Set(items).size === items.length;
}

/** Which terms a statement is checked for (see reachOf). */
type Reach = 'all' | 'strong' | 'hedge' | 'none';

/** An escape clause said as a clause: "where it is feasible", "if that makes sense". */
const JUDGED_CLAUSE = /^(?:if|when|where|whenever|wherever) (?:it|that|this) (?:is|makes)\b/;

/**
 * True when the term is an escape clause (INCOSE R8): a condition or an effort that decides how far
 * the commitment holds ("where possible", "where that makes sense", "make a best effort attempt",
 * "as hands off as possible"). Not a hedge adverb ("probably", "potentially"), which in such prose
 * mostly hedges a forecast ("this type of code is probably rare"), nor a value left open.
 */
function hedgesCommitment(match: LexiconMatch): boolean {
  return match.entry.category === 'loophole' && (match.entry.sources ?? []).includes('INCOSE-R8') && match.entry.hint !== HINT_OF.tbd && match.entry.hint !== HINT_OF.deadline;
}

/** Section roles whose binding statements are commitments wherever their binding word comes from. */
const COMMITMENT_SECTIONS: ReadonlySet<string> = new Set(['requirements', 'criteria', 'goals']);

/**
 * Which terms a statement is checked for: all of them in binding statements of requirements,
 * criteria and goals sections; only the strongly vague ones (loopholes, open-ended lists,
 * subjective praise) in binding statements of design sections, where graded words ("various",
 * "simple", "typically", "necessary") mostly describe the design rather than leave a target
 * open even next to a must; only escape clauses in a commitment the document voices outside its
 * binding statements (see voicesCommitment); none in other narrative (a should in a context section
 * voices what the proposal is for, not what it delivers), definitions, questions and non-goals.
 */
function reachOf(model: SpecModel, statement: Statement | undefined): Reach {
  if (!statement) return 'none';
  // A goal stated as one ("Our goal is that ...") is a goal wherever it is written.
  if (statement.binding) return COMMITMENT_SECTIONS.has(statement.sectionRole) || statement.role === 'goal' ? 'all' : 'strong';
  return voicesCommitment(model, statement) ? 'hedge' : 'none';
}

/**
 * A commitment the document voices outside its binding statements, which an escape clause weakens
 * as much as it would a requirement: how strong a commitment is, no later section settles. It is
 * a statement that only its place made narrative (no wording of its own explains, predicts, argues
 * or looks ahead) and that commits with a modal or states the authors' wish for the design:
 * - in a goals, requirements or criteria part: "It should match what we already do ... where that
 *   makes sense", "We also want ... a constant expression where possible";
 * - in a part that presents the proposal itself, its summary ("We will provide a soft float
 *   implementation for all targets, and use hardware support where possible"), with must, shall,
 *   should or will.
 * Not in motivation, background, alternatives, rationale or future work, nor in questions.
 */
function voicesCommitment(model: SpecModel, statement: Statement): boolean {
  if (statement.role !== 'narrative' || statement.explicit || !statement.section) return false;
  if (SPEAKING_SECTIONS.has(statement.sectionRole)) {
    return statement.narrative === 'discussion' && (COMMITTING_MODAL.test(statement.text) || AUTHORS_WISH.test(statement.text));
  }
  return statement.cue !== undefined && /^(?:must|shall|should|will)$/i.test(statement.cue) && presentsProposal(model, statement);
}

/**
 * True when a narrative statement sits in a part that presents the proposal itself (see
 * PRESENTS_PROPOSAL), and in none that argues for it: an "Overview" under "Motivation" is motivation.
 */
function presentsProposal(model: SpecModel, statement: Statement): boolean {
  if (statement.sectionRole !== 'narrative' || !statement.section) return false;
  const title = sectionRoles(model.sections)[statement.section.index].decidedBy?.title ?? '';
  if (!PRESENTS_PROPOSAL.test(title)) return false;
  for (let section: Section | undefined = statement.section; section; section = section.parent) {
    if (ARGUES_FOR_PROPOSAL.test(section.title)) return false;
  }
  return true;
}

/**
 * Section roles whose prose speaks for the design whatever its wording: what it must meet and what it
 * aims at. Design prose without a binding cue mostly explains how the design behaves ("In most cases,
 * they should be consistent", "the detection will vary for each target, as necessary").
 */
const SPEAKING_SECTIONS: ReadonlySet<string> = new Set(['goals', 'requirements', 'criteria']);
/** A modal that commits, whatever its subject: "It should match", "this will be kept". */
const COMMITTING_MODAL = /\b(?:must|shall|should|will)\b/i;
/** The authors' wish for the design: "We also want a consistent identity", "we would like the tool to". */
const AUTHORS_WISH = /\b(?:we|i)\s+(?:(?:also|still|really|further|additionally)\s+)?(?:want|would like|wish|aim|intend)\b/i;
/**
 * Headings of parts that present the proposal itself: its summary. Compatibility notes ("Source
 * compatibility") say how existing code is affected, and stay quiet.
 */
const PRESENTS_PROPOSAL = /\b(?:summary|abstract|overview|tl;? ?dr)\b/i;
/** Headings of parts that argue for it or look past it: "Motivation and overview", "Future summary". */
const ARGUES_FOR_PROPOSAL = /\b(?:motivation|background|history|problems?|future|alternatives?|prior art|existing|current|why)\b/i;

/** Section roles whose statements a deferral leaves open: the design and what it must meet. */
const DECIDING_SECTIONS: ReadonlySet<string> = new Set(['design', 'requirements', 'criteria', 'goals', 'none']);

/**
 * Where a deferral ("It would be nice to check ...", "This will need investigation", "we might
 * want to do an exception here") is reported: in binding statements, and in the discussion of
 * the design itself, where the deferral is what keeps the statement from binding: the design
 * does not say whether the thing is built. Not in background, rationale, examples or forecasts
 * ("Longer term, we may want to ..."), nor in narrative sections (alternatives, future work),
 * open questions or non-goals, where weighing options is what the text is for.
 */
function leavesDecisionOpen(model: SpecModel, statement: Statement): boolean {
  // The section's own role: an answer inside an Unresolved questions item is judged as design
  // prose, but what it leaves open is still an open question.
  const section = statement.section ? sectionRoles(model.sections)[statement.section.index].role : 'none';
  if (!DECIDING_SECTIONS.has(statement.sectionRole) || !DECIDING_SECTIONS.has(section)) return false;
  if (statement.binding) return true;
  return statement.role === 'narrative' && (statement.narrative === 'discussion' || statement.narrative === 'lead-in');
}

/** A graded term next to a target of the right kind is measured, not vague. */
function isSettled(model: SpecModel, index: number, match: LexiconMatch): boolean {
  const needs = settledBy(match.entry);
  if (needs === 'none' || picksUnnamedMembers(model.sentences[index].text, match)) return false;
  if (needs === 'any' && !leavesTimeOpen(model.sentences[index].text, match) && COUNT_IN_WORDS.test(statementText(model, index))) return true;
  // "waits a reasonable amount of time, and checks again, up to 6 times": a count does not say how long.
  const time = needs === 'time' || leavesTimeOpen(model.sentences[index].text, match);
  return isMeasured(model, index, time ? TIME_KINDS : undefined);
}

/** "convert it only once", "at most twice": a count written in words settles a graded amount. */
const COUNT_IN_WORDS = /\b(?:only|exactly|at\s+most|at\s+least|no\s+more\s+than)\s+(?:once|twice)\b/i;

function finding(model: SpecModel, sentence: Sentence, match: LexiconMatch): RawFinding<VagueTermData> {
  const start = sentence.startOffset + match.start;
  const end = sentence.startOffset + match.end;
  const written = model.text.slice(start, end);
  const context = unsettledGoal(model, sentence, match);
  return {
    message: `"${written}" is vague: ${match.entry.hint}.`,
    range: rangeFromOffsets(model, start, end),
    data: { term: match.entry.term, text: written, category: match.entry.category, hint: match.entry.hint, ...(context ? { context } : {}) },
  };
}

const NEEDED: Record<Need, string> = { members: 'a list, a table or code that names them', content: 'code, a field, a list or a table', measure: 'a number' };

/** For a goal's word that the design could have settled: what a reader looked for after the goals and did not find. */
function unsettledGoal(model: SpecModel, sentence: Sentence, match: LexiconMatch): string | undefined {
  const need = needOf(sentence.text, match);
  if (!need || statementOf(model, sentence)?.role !== 'goal') return undefined;
  const object = objectOf(sentence.text, match.start, match.end);
  if (object.length === 0) return undefined;
  return `a goal summarises; no later design or requirements section takes up "${object.join(' ')}" with ${NEEDED[need]}`;
}

/** "[pre-existing periodic jobs](...)": a link label names what it links to; the target defines it. */
function insideLinkLabel(model: SpecModel, offset: number): boolean {
  return insideLink(model, offset);
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
  [/^say whether it must be built/, (term) => `Must this be built, or is it out of scope ("${term}")?`],
  [/^decide/, (term) => `Is this a firm requirement, or when exactly does "${term}" let it not apply?`],
  [/^state the trigger/, (term) => `What exactly triggers it ("${term}")?`],
  [/^state the target/, (term) => `What target does "${term}" mean?`],
  [/alternatives/, (term) => `Which alternatives count as "${term}"?`],
];

function vagueTermQuestion(finding: Finding): string | undefined {
  const data: Partial<VagueTermData> = dataOf(vagueTerm, finding) ?? {};
  const term = plainText(data.text) ?? plainText(data.term);
  if (!term) return undefined;
  const hint = plainText(data.hint) ?? '';
  const head = HINT_QUESTIONS.find(([pattern]) => pattern.test(hint))?.[1](term) ?? `What exactly counts as "${term}"?`;
  // The loophole hint ("decide: make it a firm requirement, ...") only restates that question.
  return hint && !/^decide/.test(hint) && hint !== DEFERRAL_HINT ? `${head} ${asInstruction(hint)}` : head;
}

/** What a finding of this rule carries in `data`. */
export type VagueTermData = {
  /** The lexicon entry. */
  term: string;
  /** The words as written. */
  text: string;
  category: string;
  hint?: string;
};
