import { oneOf } from '../lexicon/regex';
import { lineText, rangeFromOffsets } from '../model/text';
import { sectionAtLine } from '../model/sections';
import type { Sentence, SpecModel } from '../model/types';
import { sectionRoles, type SectionRoleInfo, type Statement } from '../model/statements';
import type { Finding, RawFinding, Rule, RuleContext } from './types';
import type { ScopedDocument } from '../model/scope';
import { dataOf } from './types';
import { linkCovers, linkStartsWithin, nonProseIntervals } from './util';
import { plainText, shortened } from './question-text';

interface Pattern {
  regex: RegExp;
  /** What the reader is missing, for the message. */
  missing: string;
  /** Exemption judged on the sentence text after and before the match and the document's section titles. */
  unless?: (after: string, titles: readonly string[], before: string) => boolean;
  /**
   * The phrase can state a step of the process instead of pointing at one: in a criterion, "has
   * been discussed with SIG Node" asks for the discussion to take place before the gate is passed.
   */
  gate?: boolean;
  /**
   * The phrase compares with earlier work ("like we did for ..."): in the clause that gives a
   * statement's purpose or reason it cites a precedent for the motive, not a way of working to copy.
   */
  precedent?: boolean;
}

const MEETINGS = oneOf(
  'call', 'calls', 'meeting', 'meetings', 'sync', 'standup', 'stand-up', 'huddle', '1:1', 'one-on-one', 'offsite',
  'workshop', 'retro', 'kickoff', 'kick-off', 'demo', 'chat', 'conversation', 'discussion', 'thread', 'email', 'e-mail', 'dm',
);
/** Meetings only: a call, a thread or an email can be something else ("the items asked for in the call"). */
const MEETINGS_ONLY = oneOf(
  'meeting', 'meetings', 'sync', 'standup', 'stand-up', 'huddle', '1:1', 'one-on-one', 'offsite', 'workshop', 'retro', 'kickoff',
  'kick-off', 'demo', 'conversation', 'discussion',
);
/** One optional word before the meeting: "the planning call", "our weekly sync". */
const MODIFIER = String.raw`(?:[\w-]+ )?`;
const CHATS = oneOf(
  'slack', 'teams', 'ms teams', 'discord', 'whatsapp', 'telegram', 'signal', 'mattermost', 'google chat', 'hangouts',
  'zoom', 'email', 'e-mail', 'dm', 'dms', 'chat',
);
const POINTING = oneOf(
  'discussed', 'agreed', 'decided', 'mentioned', 'said', 'described', 'explained', 'see', 'check', 'per', 'according to',
);
const DETERMINER = oneOf(
  'the ', 'our ', 'that ', 'this ', 'my ', 'your ', 'last ', "yesterday's ", "today's ", "last week's ", "this week's ",
  // Whose it was: "per Tom's call", "per the platform team's sync".
  String.raw`(?:the |our )?(?:[\w@.-]+ )?[\w@.-]+['’]s `,
);
const USUAL_THINGS = oneOf(
  'ways?', 'format', 'process', 'place', 'setup', 'set-up', 'approach', 'stuff', 'template', 'style', 'flow', 'steps',
  'conventions?', 'procedure', 'layout', 'look', 'one', 'things?', 'tooling', 'stack', 'config', 'configuration',
  'suspects', 'people', 'team', 'checks', 'windows?', 'slot', 'schedule', 'hours',
);
const USUAL_ACTIONS = oneOf(
  'deploy(?:ed)?', 'release[ds]?', 'handle[ds]?', 'set up', 'configured?', 'styled?', 'formatted', 'do', 'done',
  'proceed', 'build', 'built',
);
const PAST_WORK = oneOf('project', 'one', 'service', 'app', 'system', 'integration', 'client', 'portal', 'site', 'version');
/**
 * Operations of a programming language: their usual way is the language's ("implement the trait
 * in the usual way"), which every reader of the document knows; deploying, releasing or formatting
 * the usual way is a team's habit.
 */
const LANGUAGE_OPERATION = new RegExp(String.raw`\b${oneOf(
  'implement(?:s|ed|ing)?', 'override(?:s|n)?', 'overriding', 'overrode', 'invoke[sd]?', 'invoking', 'derive[sd]?',
  'deriving', 'subclass(?:es|ed|ing)?', 'inherit(?:s|ed|ing)?', 'instantiate[sd]?', 'instantiating',
)}\b`, 'i');

/** The clause before a phrase: what its "usual way" is the way of doing. */
function clauseBefore(before: string): string {
  const parts = before.split(/[;:.!?]/);
  return parts[parts.length - 1] ?? '';
}

/** Verbs of deciding or discussing, in the past. */
const DECIDING = String.raw`(?:discussed|agreed|decided|settled|talked about|aligned)`;
/** When something was decided, relative to the writing: "last week", "yesterday", "on Monday". */
const WHEN = String.raw`(?:last (?:week|month|time|sprint|quarter|year|night|monday|tuesday|wednesday|thursday|friday)|yesterday|earlier (?:today|this week)|this (?:morning|afternoon|week)|on (?:monday|tuesday|wednesday|thursday|friday))`;

const ASKING = oneOf(
  '[Aa]sk', '[Pp]ing', '[Cc]heck with', '[Tt]alk to', '[Rr]each out to', '[Cc]onfirm with', '[Rr]un it by', '[Ll]oop in',
);
/** A team as the source of truth: "the data team", "the platform folks". */
const TEAM = String.raw`the\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:team|squad|group|folks|owners|leads)`;
/** What is asked of a person or team: the clause ends, or a question or a purpose follows. */
const ASKED_FOR = String.raw`(?=\s*(?:[.,;:!?)]|$)|\s+(?:for|about|if|whether|which|what|who|how|when|before)\b)`;
/** Capitalised words that open a clause without naming a person. */
const NOT_A_NAME = oneOf('The', 'This', 'That', 'These', 'Those', 'It', 'Each', 'Every', 'Nobody', 'Everyone', 'Someone', 'Anyone', 'No', 'One', 'He', 'She', 'They', 'We', 'You', 'Who', 'What', 'Which', 'Only', 'Nothing', 'Everybody');
/** Where the person sits: "ask Tomasz in the messaging team". */
const IN_TEAM = String.raw`\s+(?:in|from|on|at|of)\s+(?:the|our)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:team|squad|group|department|channel)\b`;
/** "is decided by Redis", "gets settled by the fraud team": who decides while the system runs, not a past conversation. */
const PRESENT_PASSIVE = String.raw`(?<!\b(?:is|are|be|being|gets?|getting)\s+)`;

/**
 * References to context that lives in someone's head or in a private channel, most specific
 * first: where two overlap, the first one's wording is reported. Each pattern is narrow enough
 * to leave ordinary technical prose alone: "as discussed above", "as discussed in [RFC 9110](...)",
 * "alerts are posted in Slack", "100 requests per call" and "the thread pool" are not reported.
 */
const PATTERNS: Pattern[] = [
  {
    // The determiner is required: "100 requests per call" and "notified per email" are fine.
    // "per the decision in last Tuesday's sync" names the outcome of the meeting.
    regex: new RegExp(String.raw`\b(?:as )?per (?:(?:the|our|that) (?:decision|outcome|agreement|conclusion|notes|minutes|results?) (?:in|of|from|at|during) )?${DETERMINER}${MODIFIER}${MEETINGS}\b`, 'gi'),
    missing: 'a conversation the reader was not part of',
  },
  {
    // Verbs of deciding only: "orders are confirmed via email" describes a feature.
    regex: new RegExp(String.raw`\b(?:discussed|agreed|decided|mentioned|talked about)\s+(?:(?:it|this|that)\s+)?(?:in|on|during|at|over|via)\s+${DETERMINER}?${MODIFIER}${MEETINGS}\b`, 'gi'),
    missing: 'a conversation the reader was not part of',
  },
  {
    // What someone asked for, suggested or chose in a meeting ("the one Sandra asked for in the
    // meeting"). A call, a thread or an email is left out: "the items asked for in the call" is an
    // API call.
    regex: new RegExp(String.raw`\b(?:asked for|suggested|proposed|raised|promised|chose|chosen|picked)\s+(?:(?:it|this|that)\s+)?(?:in|during|at)\s+${DETERMINER}?${MODIFIER}${MEETINGS_ONLY}\b`, 'gi'),
    missing: 'a conversation the reader was not part of',
  },
  {
    // "Alerts are posted in Slack" is a feature; only verbs of deciding or pointing count.
    // The gap may not hold another such verb, so the phrase starts at the nearest one.
    regex: new RegExp(String.raw`\b${POINTING}\b(?:(?!\b${POINTING}\b)[^.;!?]){0,40}?\b(?:in|on|via|over)\s+(?:the |a |our |that |this )?${CHATS}\b`, 'gi'),
    missing: 'a private chat',
  },
  {
    regex: /\b(?:slack|teams|discord|email|e-mail|mail) (?:thread|chain|conversation|discussion|dm|call|huddle)s?\b/gi,
    missing: 'a private chat',
  },
  {
    // A decision known only by when it was taken: "we agreed last week on the retry policy", "the
    // backoff we agreed on yesterday". "agreed on 2026-03-05 that ..." states what was agreed.
    regex: new RegExp(String.raw`\b${DECIDING}(?:\s+(?:on|upon|it|this|that))?\s+${WHEN}\b(?!\s*,?\s*(?:that|to)\b)`, 'gi'),
    missing: 'a conversation the reader was not part of',
  },
  {
    // A conversation known only by who took part: "discussed with Priya", "the use cases discussed
    // by the WG". "agreed with the vendor that ..." states what was agreed.
    regex: new RegExp(String.raw`${PRESENT_PASSIVE}\b${DECIDING}\s+(?:with|by|among)\s+(?:the\s+)?(?:@[\w.-]+|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?|(?:\w+\s+)?(?:team|group|working group|committee|maintainers|owners|reviewers|leads))(?![\p{L}\p{N}_])(?!\s*,?\s*(?:that|to)\b)`, 'gu'),
    missing: 'a conversation the reader was not part of',
    gate: true,
  },
  {
    regex: new RegExp(oneOf(
      String.raw`\b(?:discussed|agreed|decided|settled|talked|take (?:it|this|that)|taken) offline\b`,
      String.raw`\boffline (?:discussion|conversation|chat|agreement|call|meeting|sync)s?\b`,
      String.raw`\bverbal(?:ly)? (?:agreement|agreed|approved|confirmed)\b`,
      String.raw`\b(?:hallway|sidebar|side) (?:conversation|discussion|chat)s?\b`,
    ), 'gi'),
    missing: 'an offline discussion',
  },
  {
    // A person as the source of truth: "ask John", "check with @maria". Names are capitalised,
    // so the verbs are spelled out in both cases instead of using the i flag. The name must end
    // the clause or be followed by for/about/if or their team: "ask React to render" names a library.
    regex: new RegExp(String.raw`(?<![\p{L}])${ASKING}\s+(?:(?:@[\w.-]+|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)(?=\s*(?:[.,;:!?)]|$)|\s+(?:for|about|if|whether|before|when|what|which|who|how)\b|['’]s\b|${IN_TEAM})|${TEAM}${ASKED_FOR})`, 'gu'),
    missing: 'a person the reader cannot ask',
  },
  {
    // A person as the one who holds the answer: "Dana knows which columns are safe to drop", "Lars has
    // the details", "Tom mentioned something about this". The name starts a clause; what they know
    // is a question or "the details".
    regex: new RegExp(String.raw`(?:^|(?<=[.;:!?(]\s+|,\s+|\b(?:and|but|so)\s+))(?!${NOT_A_NAME}\b)\p{Lu}\p{Ll}+\s+(?:knows\s+(?:which|what|how|where|when|who|whether|if|the|about|more)\b|has\s+the\s+(?:details|list|numbers|context|specifics|background|answer)\b|(?:mentioned|said|suggested)\s+something\b)`, 'gu'),
    missing: 'a person the reader cannot ask',
  },
  {
    // A person's own document or a shared drive: "in Mark's sheet", "Priya's field list", "on the
    // finance drive", "the offsite notes". Linked, it is a document the reader can open.
    regex: new RegExp(oneOf(
      String.raw`(?<![\p{L}])(?!(?:Let|It|That|What|Here|There|Who|He|She)['’])\p{Lu}\p{Ll}+['’]s\s+(?:[\p{Ll}-]+\s+)?(?:sheet|spreadsheet|doc|notes|slides|deck|draft|notebook|list)\b`,
      String.raw`\b(?:on|in|from|to)\s+(?:the|our)\s+(?!(?:hard|disk|usb|flash|ssd|tape|network|optical)\s)(?:[\p{Ll}-]+\s+)?(?:shared\s+|team\s+)?drive\b`,
      String.raw`\b(?:the|our|last|in)\s+${MODIFIER}${MEETINGS_ONLY}\s+(?:notes|minutes)\b`,
    ), 'gu'),
    missing: 'a document the reader cannot open',
  },
  {
    // "The usual" + a generic noun, and "deploy it as usual": "the usual Unicode rules" or "the
    // usual Kubernetes pattern" names a public convention, and so does the usual way of an operation
    // of the programming language ("users will implement `Provider::provide` directly, in the usual way").
    regex: new RegExp(String.raw`(?<!\bthan )\bthe usual ${USUAL_THINGS}\b|\b${USUAL_ACTIONS}\s+(?:it\s+|this\s+|them\s+)?as usual\b`, 'gi'),
    missing: 'a convention the reader does not know',
    unless: (_after, _titles, before) => LANGUAGE_OPERATION.test(clauseBefore(before)),
  },
  {
    regex: new RegExp(oneOf(
      String.raw`\b(?:same as|like|as|from) last time\b`,
      String.raw`\b(?:the|our) (?:last|previous|old) ${PAST_WORK} (?:we|you|they) (?:built|did|shipped|made|used|delivered|wrote)\b`,
      String.raw`\b(?:like|as)\s+we\s+did\s+(?:before|last time|for|with|on)\b`,
      // "the edge cases we hit last time"
      String.raw`\b(?:we|you|they) (?:hit|had|saw|found|ran into|fixed|used) last time\b`,
    ), 'gi'),
    missing: 'earlier work the reader has not seen',
    precedent: true,
  },
  {
    regex: new RegExp(oneOf(
      String.raw`(?<!\b(?:long|far|much|soon|so) )\bas you (?:all )?(?:probably |already |may |might |surely )?know\b`,
      String.raw`\byou know the drill\b`, String.raw`\byou know what i mean\b`, String.raw`,\s*you know\s*,`,
    ), 'gi'),
    missing: 'knowledge the reader does not have',
  },
  {
    // "as previously discussed" usually points back into the document itself, so it is left out.
    regex: /\b(?:as|like) (?:we |we've |we have |we had |was |you and i )?(?:discussed|agreed|talked about)\b|\bas previously agreed\b/gi,
    missing: 'a discussion the reader was not part of',
    unless: (after, titles) => refersToDocument(after, titles),
  },
];

/**
 * Words at least one pattern needs. Most sentences have none, and one pass of this cheap test
 * saves running all the patterns on them.
 */
const TRIGGER = new RegExp(oneOf(
  'per ', 'discuss', 'agree', 'decide', 'settled', 'aligned', 'mention', 'talk', 'slack', 'teams', 'discord', 'whatsapp', 'telegram', 'signal',
  'mattermost', 'chat', 'hangouts', 'zoom', 'mail', String.raw`\bdms?\b`, 'offline', 'verbal', 'hallway', 'sidebar',
  'side ', 'ask', 'ping', 'check with', 'reach out', 'confirm with', 'run it by', 'loop in', 'usual', 'last', 'previous',
  'old ', 'we did', 'you know', 'knows', 'has the', 'said', 'suggest', 'same as', 'drive', 'notes', 'minutes',
  String.raw`['’]s\s+(?:[a-z-]+\s+)?(?:sheet|spreadsheet|doc|slides|deck|draft|notebook|list)`,
), 'i');

/** Chat links a contractor cannot open: channels and messages of workspace chat tools. */
const PRIVATE_CHAT_URL = new RegExp(String.raw`\bhttps?:\/\/(?:[\w-]+\.)*${oneOf(
  String.raw`slack\.com\/(?:archives|messages|client)`, String.raw`teams\.microsoft\.com\/l\/`, String.raw`teams\.live\.com\/`,
  String.raw`discord(?:app)?\.com\/channels\/`, String.raw`chat\.google\.com\/`,
)}[^\s)>\]"'\x60]*`, 'gi');

export const hiddenContext: Rule<HiddenContextData> = {
  id: 'hidden-context',
  defaultSeverity: 'warning',
  dimension: 'selfContained',
  scoreRole: 'unshared-knowledge',
  docs: {
    description: 'References to knowledge an outside engineer does not have (as discussed, the usual way, internal names).',
    summary: 'References to context a contractor cannot see: meetings, private chats, people, "the usual".',
    rationale: 'An outside engineer was not in the call, is not in your Slack and does not know what "the usual '
      + 'format" is. Every decision the work depends on has to be written into the spec or linked to a document '
      + 'the reader can open. Reported: "as discussed/agreed" (unless it points into the document: "above", a '
      + 'section or heading of the document, "the overview section"; or at a link to public work: "much like we '
      + 'did with [Project X](https://...)"), '
      + '"per the call" (or whose it was: "per Tom\'s call on Monday", or its outcome: "per the decision in last Tuesday\'s '
      + 'sync"), what someone asked for, suggested or chose in a meeting ("the one Sandra asked for in the meeting"), "decided in the meeting", "discussed in Slack", "Slack thread", "discussed offline", a '
      + 'decision known only by when it was taken ("we agreed last week on the retry policy") or by who took part '
      + '("discussed with Priya", "the use cases discussed by the WG"; not "agreed with the vendor that invoices are '
      + 'monthly", which states it; not in the reason a statement gives for itself: "..., because ...", "This is '
      + 'needed for cross-node restore and for the use cases discussed by the WG" names the motivation, not a decision '
      + 'to follow; not in a criterion that asks for the discussion to take place: "the retention policy has been '
      + 'discussed with SIG Node" is a step of the process; not who decides while the system runs: "the request is '
      + 'decided by Redis", "the order is decided by the fraud team within 4 hours"), '
      + '"ask <Name>" (also "ask Tomasz in the messaging team"), a team as the source of an answer ("ask the data team which tables", "check with the platform '
      + 'team for a prefix"; not "ask the user for the order number"), a person as the one who holds the answer ("Dana '
      + 'knows which columns are safe to drop", "Lars has the details", "Tom mentioned something about this"), a '
      + 'person\'s own document or a shared drive ("in Mark\'s sheet", "on the finance drive", "the offsite notes"; '
      + 'linked, it is one the reader can open), "the usual process" (or window), "same as last time" ("the '
      + 'edge cases we hit last time", "as we did for customers", "like we talked about"), "as you know", and links to chat workspaces '
      + '(slack.com/archives, teams.microsoft.com/l, discord.com/channels, chat.google.com), bare URLs included. '
      + 'A chat link beside a decision that is written out in the same paragraph or list item is a citation and is '
      + 'not reported; one the text only points at ("Retry policy: see <link>") is. A discussion or meeting the '
      + 'document links where the reader can open it ("Review thread: [Closure execution](https://forums...)") is '
      + 'not hidden either, and neither is a paragraph that only names a chat link as the source ("Slack '
      + 'discussion: <link>") of the paragraph before it. "The usual way" of an operation of the programming '
      + 'language ("users implement the trait in the usual way") is the language\'s convention, not a team\'s. '
      + 'Sections about what the proposal does not do (alternatives and drawbacks weighed, prior art, future work) '
      + 'are not checked: a discussion they refer to hides nothing the reader builds. Context sections and open '
      + 'questions are. Acknowledgements are not checked either: a section headed "Acknowledgements" or "Credits", or '
      + 'the part after a label such as "**Credit:**" up to the next heading or label, thanks people for discussions '
      + 'whose outcome is the document. A comparison with earlier work that ends the clause giving a purpose or reason '
      + '("the latter to introduce in-line types without needing a typedef, like we did for in-line function types") '
      + 'cites a precedent for the motive; one attached to an instruction ("use the same approach as we did for '
      + 'customers") is reported. '
      + 'Code and HTML comments are not checked.',
    bad: 'Retries work as discussed in the call; ask Priya for the error codes. See https://acme.slack.com/archives/C123/p456',
    good: 'Retries: 3 attempts with exponential backoff starting at 200 ms. Error codes: see the table in "API Contract".',
    sources: [
      'ISO/IEC/IEEE 29148:2018, 5.2.5 (a requirement set is complete: nothing left to be inferred)',
      'Femmer et al., "Rapid quality assurance with Requirements Smells", JSS 2017 (incomplete references)',
    ],
  },
  // Every statement; the reason a statement gives for itself ("..., because ...") is left out.
  scope: { exclude: ['justification'] },
  counted: { one: 'reference to hidden context', other: 'references to hidden context' },
  question: hiddenContextQuestion,
  check(model: SpecModel, context: RuleContext): RawFinding<HiddenContextData>[] {
    const findings: RawFinding<HiddenContextData>[] = [];
    for (const sentence of model.sentences) {
      if (outsideProposal(model, sentence.section)) continue;
      const found = sentenceFindings(model, sentence, context.scope);
      if (found.length > 0 && !inAcknowledgements(model, sentence.startOffset, sentence.section)) findings.push(...found);
    }
    findings.push(...privateLinkFindings(model));
    return findings;
  },
};

/** Findings of one sentence in text order; a phrase that overlaps an earlier pattern's is dropped. */
function sentenceFindings(model: SpecModel, sentence: Sentence, scope: ScopedDocument): RawFinding<HiddenContextData>[] {
  if (!TRIGGER.test(sentence.text)) return [];
  const kept: Array<{ start: number; end: number; finding: RawFinding<HiddenContextData> }> = [];
  for (const pattern of PATTERNS) {
    for (const found of phraseFindings(model, sentence, pattern, scope)) {
      if (!kept.some((other) => other.start < found.end && found.start < other.end)) kept.push(found);
    }
  }
  return kept.sort((a, b) => a.start - b.start).map((item) => item.finding);
}

function phraseFindings(model: SpecModel, sentence: Sentence, pattern: Pattern, scope: ScopedDocument): Array<{ start: number; end: number; finding: RawFinding<HiddenContextData> }> {
  const found: Array<{ start: number; end: number; finding: RawFinding<HiddenContextData> }> = [];
  for (const match of sentence.text.matchAll(pattern.regex)) {
    const leading = match[0].length - match[0].replace(/^[\s,]+/, '').length;
    const start = sentence.startOffset + (match.index ?? 0) + leading;
    const end = sentence.startOffset + (match.index ?? 0) + match[0].replace(/[\s,]+$/, '').length;
    const before = sentence.text.slice(0, start - sentence.startOffset);
    if (pattern.unless?.(sentence.text.slice(end - sentence.startOffset), sectionTitles(model), before)) continue;
    if (scope.excludes(sentence, start - sentence.startOffset)) continue;
    const statement = scope.statementOf(sentence);
    if (statement && explainsNeed(statement, before)) continue;
    if (pattern.precedent && citesPrecedentForMotive(before)) continue;
    if (pattern.gate && statement?.role === 'criterion' && GATE_STEP.test(before)) continue;
    if (pointsAtLink(model, start, end, sentence.endOffset)) continue;
    if (namesLinkedConversation(model, match[0])) continue;
    const phrase = model.text.slice(start, end);
    found.push({
      start,
      end,
      finding: {
        message: `"${phrase}" refers to ${pattern.missing}: write down what was decided, or link to a document the reader can open.`,
        range: rangeFromOffsets(model, start, end),
        data: { phrase },
      },
    });
  }
  return found;
}

/**
 * What a statement that explains says something is needed for or why ("This is needed for
 * cross-node restore and for the distribution use cases discussed by the WG"): a conversation named
 * in the reason is the motivation, not a decision the reader has to follow.
 */
const REASON = /\b(?:because|since|(?:is|are|was|were) (?:needed|necessary|required|useful|important|wanted|motivated|driven) (?:for|by)|the (?:reason|motivation|rationale)\b)/i;

/** A statement the model reads as an explanation, with the phrase inside its reason. */
function explainsNeed(statement: Statement, before: string): boolean {
  return statement.role === 'narrative' && statement.narrative === 'rationale' && REASON.test(before);
}

/** A clause that says what something is for: "the latter to introduce ...", "so that ...", "for consistency with ...". */
const PURPOSE_CLAUSE = /^\s*(?:(?:the (?:former|latter)|this|that|which|it)\s+(?:(?:is|was)\s+)?)?(?:in order to|so as to|so that|to\s+(?!be\b)\p{Ll}+)\b|\bfor (?:the sake of|reasons? of|consistency|symmetry|compatibility|uniformity|parity)\b/iu;

/**
 * A comparison with earlier work that ends the clause giving a statement's purpose or reason: "The latter to introduce in-line types without needing a `typedef`, like we did for in-line
 * function types originally." The precedent explains why the design is as it is; the design itself is
 * written out. "To migrate orders, use the same approach as we did for customers" asks the reader to
 * copy the earlier work: the clause the comparison belongs to is an instruction.
 */
function citesPrecedentForMotive(before: string): boolean {
  const sentence = before.split(/[;:.!?]/).pop() ?? '';
  const clause = sentence.replace(/[\s,]+$/, '').split(',').pop() ?? '';
  return PURPOSE_CLAUSE.test(clause) || REASON.test(clause);
}

/**
 * The discussion is the condition a criterion asks for: "... has been discussed with SIG Node",
 * "is agreed with the API reviewers", or an item that opens with it ("Discussed with SIG Storage").
 */
const GATE_STEP = /(?:\b(?:has|have) been|\b(?:is|are|be|been|gets?|got))\s+$|^[\s*_\-+\d.)[\]x]*$/i;

/**
 * "as agreed in [ADR-7](adr/0007.md)", "as discussed in https://github.com/..." or the phrase
 * being a link label: the decision is written down where the link goes. Links to private chats
 * are reported on their own.
 */
function pointsAtLink(model: SpecModel, start: number, end: number, sentenceEnd: number): boolean {
  // The link may close the clause: "much like we did with [Project X](https://...)".
  const limit = Math.min(sentenceEnd, end + 80);
  const nearby = linkCovers(model, start, end) || linkStartsWithin(model, end, limit);
  // Bare URLs are masked out of the sentence, so look at the source up to the end of the line.
  const rest = model.text.slice(end, end + 60).split(/\r?\n|\r/)[0];
  return nearby || /https?:\/\//i.test(rest);
}

/**
 * "as discussed above", "as agreed in Section 4", "as discussed in the Alternatives section", "as
 * discussed in the overview section", "as discussed under Motivation": the document itself.
 */
function refersToDocument(after: string, titles: readonly string[]): boolean {
  if (/^\s+(?:above|below|earlier|previously|later|before)\b/i.test(after)) return true;
  const target = /^\s+(?:in|under|at)\s+(?:the\s+)?(.{0,40})/.exec(after)?.[1] ?? '';
  if (/^(?:slack|teams|discord|chat|email|e-mail|call|meeting|sync|standup|thread)\b/i.test(target)) return false;
  if (/^[^.;,]{0,30}?\b(?:section|chapter|appendix|heading|paragraph)s?\b/i.test(target)) return true;
  if (titles.some((title) => title.length > 2 && target.toLowerCase().startsWith(title))) return true;
  return /^(?:["'“*_]*\p{Lu}|#|§|\d|(?:previous |next |following )?(?:section|chapter|appendix|part|table|figure|document|spec|proposal|rfc|kep|design|issue|pr)\b)/u.test(target);
}

/** Kinds of conversation; a written discussion goes by several names. */
const CONVERSATION_KIND: Readonly<Record<string, string>> = {
  discussion: 'written', discussions: 'written', thread: 'written', threads: 'written', conversation: 'written', conversations: 'written',
};
const MEETING_WORD = new RegExp(String.raw`\b${MEETINGS}\b`, 'gi');
/**
 * Kinds a link can stand for. "call", "sync" or "chat" in a label usually mean something else
 * ("[API call reference](…)"), so only these count.
 */
const LINKABLE_KINDS: ReadonlySet<string> = new Set(['written', 'meeting']);

function conversationKind(word: string): string {
  const lower = word.toLowerCase();
  return CONVERSATION_KIND[lower] ?? lower.replace(/s$/, '');
}

const linkedConversationCache = new WeakMap<SpecModel, Set<string>>();

/**
 * Kinds of conversation the document links to where the reader can open them: a public link
 * whose label, or the text before it on its line, names the conversation ("Swift-evolution thread:
 * [Guaranteed closure execution](https://forums…)", "[meeting notes](https://…)").
 */
function linkedConversations(model: SpecModel): Set<string> {
  let kinds = linkedConversationCache.get(model);
  if (kinds) return kinds;
  kinds = new Set<string>();
  for (const link of model.links) {
    if (link.isImage || !/^https?:\/\//i.test(link.target) || link.target.search(PRIVATE_CHAT_URL) >= 0) continue;
    const line = lineText(model, link.range.start.line);
    const lead = line.slice(0, link.range.start.character) + link.text;
    for (const word of lead.match(MEETING_WORD) ?? []) {
      const kind = conversationKind(word);
      if (LINKABLE_KINDS.has(kind)) kinds.add(kind);
    }
  }
  linkedConversationCache.set(model, kinds);
  return kinds;
}

/**
 * "It was mentioned in the discussion" in a proposal that links its discussion thread: the
 * conversation is one the reader can open.
 */
function namesLinkedConversation(model: SpecModel, phrase: string): boolean {
  const words = phrase.match(MEETING_WORD);
  if (!words) return false;
  const kinds = linkedConversations(model);
  return kinds.has(conversationKind(words[words.length - 1]));
}

const titleCache = new WeakMap<SpecModel, string[]>();

/** The document's section titles, lower-cased: "as discussed in the overview" points at one. */
function sectionTitles(model: SpecModel): string[] {
  let titles = titleCache.get(model);
  if (!titles) titleCache.set(model, (titles = model.sections.map((section) => section.title.toLowerCase().trim())));
  return titles;
}

const roleCache = new WeakMap<SpecModel, SectionRoleInfo[]>();

/**
 * Parts of a document about what the proposal does not do: alternatives and drawbacks weighed,
 * prior art, future work. A discussion they refer to hides nothing the reader builds ("Extending
 * the schema to cover input. As discussed, we will do so in a subsequent proposal."); the
 * decisions of the proposal itself, its context and its open questions are still judged.
 */
function outsideProposal(model: SpecModel, section: Sentence['section']): boolean {
  if (!section) return false;
  let roles = roleCache.get(model);
  if (!roles) roleCache.set(model, (roles = sectionRoles(model.sections)));
  const info = roles[section.index];
  if (!info) return false;
  if (info.role !== 'narrative') return false;
  return info.narrative === 'rationale' || (info.narrative === 'discussion' && FUTURE.test(info.decidedBy?.title ?? ''));
}

/** What credits people: "Acknowledgements", "Credits", "Thanks", "Contributors". */
const ACKNOWLEDGEMENT = /^(?:[\d.]+\s+)?(?:acknowledge?ments?|credits?|thanks|special thanks|contributors|kudos)\b/i;
/** A paragraph or item that opens with a bold label: "**Credit:**", "__Status__:", "- **Authors:** ...". */
const LABEL_LINE = /^[ \t]*(?:[-*+][ \t]+)?(\*\*|__)([^*_\n]{1,60}?)\1/;
/** Where the part a label opens ends: a heading, the next label, a thematic break. */
const PART_END = /^[ \t]*(?:#{1,6}[ \t]|(?:[-*_][ \t]*){3,}$)/;

/**
 * The acknowledgements of a document: a section whose heading, or an ancestor's, credits people, or
 * the part after a bold label that does ("**Credit:** This proposal is based on offline discussions
 * with: ..."), up to the next heading or label. Thanking people for discussions is narrative: the
 * document is the written outcome, and nothing in it points the reader at them for a decision.
 */
function inAcknowledgements(model: SpecModel, offset: number, section: Sentence['section']): boolean {
  for (let current = section; current; current = current.parent) {
    if (ACKNOWLEDGEMENT.test(current.title.trim())) return true;
  }
  const first = section ? section.headingRange.start.line + 1 : 0;
  for (let line = rangeFromOffsets(model, offset, offset).start.line; line >= first; line--) {
    const text = lineText(model, line);
    const label = LABEL_LINE.exec(text);
    if (label) return ACKNOWLEDGEMENT.test(label[2].replace(/:\s*$/, '').trim());
    if (PART_END.test(text)) return false;
  }
  return false;
}

/** Headings of future work: "Future directions", "Follow-ups", "Next steps", "Future possibilities". */
const FUTURE = /\bfuture\b|\bfollow[ -]?ups?\b|\bnext steps\b|\bpossibilities\b|\blater (?:work|phases?)\b/i;

/** The innermost section holding `offset`: the last one whose heading comes before its line. */
function sectionAt(model: SpecModel, offset: number): Sentence['section'] {
  return sectionAtLine(model.sections, rangeFromOffsets(model, offset, offset).start.line);
}

function privateLinkFindings(model: SpecModel): RawFinding<HiddenContextData>[] {
  const skip = nonProseIntervals(model);
  const findings: RawFinding<HiddenContextData>[] = [];
  for (const match of model.text.matchAll(PRIVATE_CHAT_URL)) {
    const start = match.index ?? 0;
    const end = start + match[0].replace(/[.,;:!?]+$/, '').length;
    if (skip.overlaps(start, end)) continue;
    const section = sectionAt(model, start);
    if (outsideProposal(model, section) || inAcknowledgements(model, start, section) || citesWrittenDecision(model, start)) continue;
    const phrase = model.text.slice(start, end);
    findings.push({
      message: `Link to a private chat (${phrase.replace(/^https?:\/\//, '').slice(0, 40)}): a contractor cannot open it; copy the decision into the spec.`,
      range: rangeFromOffsets(model, start, end),
      data: { phrase, url: phrase },
    });
  }
  return findings;
}

/** A sentence that only points elsewhere: "Please see these threads", "Slack discussion:", "Details here". */
const POINTER_ONLY = /^\W*(?:please\s+)?(?:see|refer to|check|read|details|more|context|discussion|thread|threads|link|links|source|sources|ref|background|notes?)\b/i;
/** Words a sentence needs to state something of its own rather than label a link. */
const STATED_WORDS = 6;

/**
 * A chat link beside a decision that is written out ("The PRR was N/A as there are no in-tree
 * changes. See these threads: [1](slack)"), in the same paragraph or list item, is a citation:
 * the reader loses nothing by not opening it. The link is hidden context when the text around it
 * only points at it ("Retry policy: see https://…slack.com/…"), or itself leans on hidden context.
 */
function citesWrittenDecision(model: SpecModel, offset: number): boolean {
  const { start, end, item } = blockAround(model, offset);
  if (model.sentences.some((sentence) => sentence.startOffset >= start && sentence.endOffset <= end && statesContent(sentence.text))) return true;
  // A paragraph that only names the link as the source ("Slack discussion: https://…") cites the
  // paragraph right before it.
  if (item || !SOURCE_LABEL.test(model.text.slice(start, end).replace(/https?:\/\/\S+/gi, ''))) return false;
  return previousParagraph(model, start).some((sentence) => statesContent(sentence.text));
}

/** A label naming a link as the source of what precedes it: "Slack discussion:", "Thread:", "Source:". */
const SOURCE_LABEL = /^[\s>*_]*(?:(?:the\s+)?(?:slack|chat|teams|discord|original|earlier)\s+)?(?:discussions?|threads?|conversations?|sources?|refs?|references?|context|background)[\s*_]*:?[\s*_]*$/i;

/** The sentences of the paragraph that ends right before `start` (blank lines between), in its section. */
function previousParagraph(model: SpecModel, start: number): Sentence[] {
  const section = sectionAt(model, start);
  const found: Sentence[] = [];
  let boundary = start;
  for (let index = model.sentences.length - 1; index >= 0; index--) {
    const sentence = model.sentences[index];
    if (sentence.startOffset >= start) continue;
    if (sentence.kind !== 'paragraph' || sentence.section !== section) break;
    const between = model.text.slice(sentence.endOffset, boundary);
    // Only the first gap (the one before the label) may hold a blank line.
    if (found.length > 0 && /\n[ \t]*\r?\n/.test(between)) break;
    if (found.length === 0 && !/^\s*$/.test(between)) break;
    found.push(sentence);
    boundary = sentence.startOffset;
  }
  return found;
}

/** A sentence that says something of its own: long enough, not a pointer, no hidden context itself. */
function statesContent(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  // `search` ignores the global patterns' lastIndex, so they need no copies.
  return words.length >= STATED_WORDS && !POINTER_ONLY.test(text) && PATTERNS.every((pattern) => text.search(pattern.regex) < 0);
}

/** The innermost list item holding `offset`, or else its paragraph (text between blank lines). */
function blockAround(model: SpecModel, offset: number): { start: number; end: number; item: boolean } {
  let item: { startOffset: number; endOffset: number } | undefined;
  for (const candidate of model.listItems) {
    if (candidate.startOffset <= offset && offset < candidate.endOffset && (!item || candidate.startOffset >= item.startOffset)) item = candidate;
  }
  if (item) return { start: item.startOffset, end: item.endOffset, item: true };
  const before = model.text.lastIndexOf('\n\n', offset);
  const after = model.text.indexOf('\n\n', offset);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? model.text.length : after, item: false };
}

function hiddenContextQuestion(finding: Finding): string | undefined {
  const data: Partial<HiddenContextData> = dataOf(hiddenContext, finding) ?? {};
  const url = plainText(data.url);
  if (url) return `What does the linked chat say (${shortened(url, 60)})? I cannot open it: please copy the decision into the spec.`;
  const phrase = plainText(data.phrase);
  if (!phrase) return undefined;
  return `What was decided ("${phrase}")? I was not part of that discussion: please write the decision into the spec.`;
}

/** What a finding of this rule carries in `data`. */
export type HiddenContextData = {
  phrase: string;
  /** Set when the phrase is a link to a private place. */
  url?: string;
};
