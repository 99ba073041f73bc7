import type { SpecModel } from '../model/types';
import { firstIndexWhere, itemAt } from '../util/indexed';
import type { Finding } from '../rules/types';
import type { SectionId } from '../sections/catalog';
import { rolesOf } from './roles';
import { untestableReason } from '../rules/untestable-criterion';
import { isSpecific, topicWords } from './specific';
import { isPlainScenario, modelReadsAsRequirement, statementsOf, statesBehaviour, traitsOf, type Statement } from './statements';
import type { CountedAs, DimensionId, ScoreRole } from './types';

/** A finding with the way the score uses it and where it starts. */
export interface ScoredFinding {
  finding: Finding;
  role: ScoreRole;
  /** The dimension the rule's findings count against. */
  dimension: DimensionId;
  /** What the rule calls its findings when a reason counts them. */
  counted?: CountedAs;
  offset: number;
}

/** A statement with everything the dimensions ask about it. */
export interface JudgedStatement {
  statement: Statement;
  roles: readonly SectionId[];
  /** Short label for messages: its id, or "line N". */
  label: string;
  /** Ids (REQ-1, AC-2) written in it. */
  ids: string[];
  /** The id it opens with, when it defines one. */
  definesId?: string;
  requirement: boolean;
  criterion: boolean;
  done: boolean;
  /** Carries a value, literal, identifier or name and no vague wording or placeholder. */
  specific: boolean;
  /** For criteria: a tester can observe whether it holds. */
  observable: boolean;
  /** Why it is not specific / not observable, for explanations. */
  weakness?: string;
}

/** Sections whose statements discuss rather than require. */
const DISCUSSION: readonly SectionId[] = ['context', 'out-of-scope', 'open-questions', 'dependencies-access', 'rollback', 'reproduction', 'expected-actual'];
const REQUIREMENT_SECTIONS: readonly SectionId[] = ['requirements', 'non-functional'];

export function judgeStatements(model: SpecModel, findings: readonly ScoredFinding[], idPattern: string): JudgedStatement[] {
  const ids = new RegExp(`(?<![\\w-])(?:${idPattern})(?![\\w-]*\\w)`, 'g');
  const title = model.sections.find((section) => section.level === 1)?.title ?? (typeof model.frontMatter?.data?.title === 'string' ? model.frontMatter.data.title : '');
  const topic = topicWords(title);
  const findingsIn = findingsByOffset(findings);
  const openingId = new RegExp(`^[\\s*_\`[(|]*(?:${idPattern})(?![\\w-]*\\w)`);
  return statementsOf(model).map((statement) => {
    const roles = rolesOf(model, statement.section);
    const inside = findingsIn(statement.start, Math.max(statement.end, statement.start + 1));
    const written = [...statement.text.matchAll(ids)].map((match) => match[0]);
    const opening = openingId.exec(statement.text);
    const definesId = opening ? opening[0].replace(/^[\s*_`[(|]+/, '') : undefined;
    const label = definesId ?? written[0] ?? `line ${statement.range.start.line + 1}`;
    const traits = traitsOf(statement);
    const group = traits.group;
    const discussion = roles.some((id) => DISCUSSION.includes(id)) || (roles.length === 0 && statement.section?.level === 1) || !statement.section;
    const inCriteria = roles.includes('acceptance-criteria');
    const inRequirements = roles.some((id) => REQUIREMENT_SECTIONS.includes(id));
    const inDone = roles.includes('definition-of-done');
    const scenario = traits.scenario;
    const criterion = !group && !inDone && (inCriteria ? statement.kind !== 'sentence' || scenario : scenario && !discussion);
    const requirement = !group && !inDone && (inCriteria
      ? /\bshall\b/i.test(statement.text)
      : inRequirements ? statement.kind !== 'sentence' || traits.binding || statesBehaviour(statement) : !discussion && !criterion && (traits.binding || modelReadsAsRequirement(model, statement)));
    const done = !group && inDone;
    // Whether the statement has an anchor is the costliest question, and the dimensions ask it
    // only of requirements, criteria, done items and the statements of required sections: it is
    // worked out when first asked.
    let anchoredValue: boolean | undefined;
    const anchored = () => (anchoredValue ??= isSpecific(statement.text, { idPattern: ids, topic, words: !requirement && !criterion }));
    const wording = inside.find((f) => f.role === 'wording' || f.role === 'stand-in');
    let observable = false;
    let untestable: string | undefined;
    if (criterion) {
      const outcome = inside.find((f) => f.role === 'outcome');
      const reason = untestableReason(statement.prose.replace(ids, ' '), statement.text.replace(ids, ' '));
      observable = !outcome && !reason && !inside.some((f) => f.role === 'stand-in') && (scenario || isPlainScenario(statement) || anchored());
      if (!observable) untestable = outcome ? 'no observable outcome' : reason ? 'no observable outcome' : 'nothing a tester can check';
    }
    return new Judged(statement, roles, label, written, definesId, requirement, criterion, done, observable, () => {
      // A lead-in label ("**Acceptance Scenarios**:") names what follows; it says nothing itself.
      const specific = !wording && !group && anchored();
      const weakness = untestable ?? (specific ? undefined : wording ? wording.finding.message.split(':')[0] : 'no value, name or identifier');
      return { specific, weakness };
    });
  });
}

/** A judged statement whose specificity (and the weakness it implies) is worked out when first read. */
class Judged implements JudgedStatement {
  private judged: { specific: boolean; weakness: string | undefined } | undefined;

  constructor(
    readonly statement: Statement,
    readonly roles: readonly SectionId[],
    readonly label: string,
    readonly ids: string[],
    readonly definesId: string | undefined,
    readonly requirement: boolean,
    readonly criterion: boolean,
    readonly done: boolean,
    readonly observable: boolean,
    private readonly judge: () => { specific: boolean; weakness: string | undefined },
  ) {}

  get specific(): boolean {
    return (this.judged ??= this.judge()).specific;
  }

  get weakness(): string | undefined {
    return (this.judged ??= this.judge()).weakness;
  }
}

/**
 * The findings that start in [start, end), in their original order: a binary search over the
 * findings sorted by offset instead of a scan of all findings for every statement.
 */
function findingsByOffset(findings: readonly ScoredFinding[]): (start: number, end: number) => ScoredFinding[] {
  const order = findings.map((_, index) => index).sort((a, b) => findings[a].offset - findings[b].offset || a - b);
  return (start, end) => {
    const low = firstIndexWhere(order.length, (at) => findings[itemAt(order, at)].offset >= start);
    const inside: number[] = [];
    for (let at = low; at < order.length && findings[order[at]].offset < end; at++) inside.push(order[at]);
    return inside.sort((a, b) => a - b).map((index) => findings[index]);
  };
}
