/**
 * EARS (Easy Approach to Requirements Syntax, Mavin et al., RE'09): requirements written as
 * "[While <state>,] [When <trigger>,] [If <condition>, then] [Where <feature>,] the <system>
 * shall <response>". Kiro writes its acceptance criteria in the same shape with upper-case
 * keywords ("WHEN … THEN the system SHALL …").
 *
 * `earsForm` reads one statement: which pattern it follows (or almost follows), its parts, and
 * what keeps it from being well formed. Pure text in, structure out; rules decide what to report.
 */

export type EarsPattern = 'ubiquitous' | 'event-driven' | 'state-driven' | 'unwanted-behaviour' | 'optional-feature' | 'complex';

export type EarsProblem = 'no-response' | 'several-shalls' | 'no-system' | 'empty-response' | 'empty-condition';

export interface EarsForm {
  pattern: EarsPattern;
  /** Leading clauses, keyword first ("When the card is declined"). */
  conditions: string[];
  /** Who shall respond ("the notifications service"), if named. */
  system: string | undefined;
  /** What it shall do, without the final period. */
  response: string | undefined;
  problems: EarsProblem[];
  /** Upper-case keywords (WHEN, SHALL): the author chose EARS on purpose. */
  keywordsInCapitals: boolean;
}

const KEYWORD_PATTERN: Readonly<Record<string, EarsPattern>> = {
  while: 'state-driven',
  during: 'state-driven',
  when: 'event-driven',
  if: 'unwanted-behaviour',
  where: 'optional-feature',
};

export const EARS_PATTERN_NAMES: Readonly<Record<EarsPattern, string>> = {
  'ubiquitous': 'ubiquitous ("The <system> shall <response>")',
  'event-driven': 'event-driven ("When <trigger>, the <system> shall <response>")',
  'state-driven': 'state-driven ("While <state>, the <system> shall <response>")',
  'unwanted-behaviour': 'unwanted behaviour ("If <condition>, then the <system> shall <response>")',
  'optional-feature': 'optional feature ("Where <feature>, the <system> shall <response>")',
  'complex': 'complex (several of While / When / If / Where before "the <system> shall <response>")',
};

/** Ids, list markers and emphasis that may open a requirement: "- **FR-3**: ", "1. ". */
const LEAD = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__)?(?:[A-Z][A-Z0-9]*-\d+[a-z]?)?(?:\*\*|__)?\s*[:.)\-–—]?\s*/;
const CONDITION_KEYWORD = /^(while|during|when|if|where)\b/i;

/**
 * The EARS reading of a statement, or undefined when it is not written as one: it neither
 * opens with an EARS keyword nor uses "shall".
 */
export function earsForm(statement: string): EarsForm | undefined {
  const text = statement.replace(/\*\*|__|`/g, '').replace(LEAD, '').replace(/\s+/g, ' ').trim();
  const shalls = [...text.matchAll(/\bshall\b/gi)];
  const opensWithKeyword = CONDITION_KEYWORD.test(text);
  if (!opensWithKeyword && shalls.length === 0) return undefined;
  const keywordsInCapitals = /\b(?:SHALL|WHEN|WHILE|IF|WHERE|THEN)\b/.test(text);
  const problems: EarsProblem[] = [];
  if (shalls.length > 1) problems.push('several-shalls');

  const firstShall = shalls[0]?.index;
  const head = firstShall === undefined ? text : text.slice(0, firstShall);
  const { conditions, subject } = firstShall === undefined ? { conditions: [head], subject: '' } : splitConditions(head);
  const pattern = patternOf(conditions);
  if (conditions.some((condition) => condition.split(' ').length < 2)) problems.push('empty-condition');
  if (firstShall === undefined) {
    problems.push('no-response');
    return { pattern, conditions, system: undefined, response: undefined, problems, keywordsInCapitals };
  }
  const system = subject.replace(/^(?:then\s+)/i, '').replace(/[,;:]\s*$/, '').trim() || undefined;
  if (!system || /^(?:then|it|this|that)$/i.test(system)) problems.push('no-system');
  const end = shalls[1]?.index ?? text.length;
  const response = text.slice(firstShall + 5, end).replace(/(?:\s*\band\b)?\s*[.;]?\s*$/i, '').trim() || undefined;
  if (!response || response.split(' ').length < 2) problems.push('empty-response');
  return { pattern, conditions, system: system && !problems.includes('no-system') ? system : undefined, response, problems, keywordsInCapitals };
}

/**
 * Leading "While/When/If/Where …" clauses end at a comma or at THEN; what is left before
 * "shall" is the system. Without a comma or THEN the last clause runs into the system
 * ("When a refund succeeds the service shall …"): the system is then the last noun phrase that
 * opens with a determiner.
 */
function splitConditions(head: string): { conditions: string[]; subject: string } {
  const conditions: string[] = [];
  let rest = head.trim();
  while (CONDITION_KEYWORD.test(rest)) {
    const boundary = /,\s*|\s+then\b\s*/i.exec(rest.slice(1));
    if (!boundary) {
      const determiner = /\s(the|a|an|each|every|all)\s+[^\s]+(?:\s+[^\s]+){0,4}\s*$/i.exec(rest);
      if (determiner && determiner.index > 0) {
        conditions.push(rest.slice(0, determiner.index).trim());
        return { conditions, subject: rest.slice(determiner.index).trim() };
      }
      conditions.push(rest);
      return { conditions, subject: '' };
    }
    conditions.push(rest.slice(0, boundary.index + 1).trim());
    rest = rest.slice(boundary.index + 1 + boundary[0].length).trim();
    if (/^then\b/i.test(rest)) rest = rest.slice(4).trim();
  }
  // A comma inside the last condition ("When 10, 20 or 30 EUR are refunded, the service …"):
  // the system is what follows the last comma.
  const lastComma = rest.lastIndexOf(',');
  if (conditions.length > 0 && lastComma >= 0) {
    conditions[conditions.length - 1] += ` ${rest.slice(0, lastComma)}`;
    rest = rest.slice(lastComma + 1).trim();
    if (/^then\b/i.test(rest)) rest = rest.slice(4).trim();
  }
  return { conditions, subject: rest };
}

function patternOf(conditions: readonly string[]): EarsPattern {
  const kinds = new Set(conditions.map((condition) => KEYWORD_PATTERN[(CONDITION_KEYWORD.exec(condition)?.[1] ?? '').toLowerCase()]));
  if (kinds.size === 0) return 'ubiquitous';
  if (kinds.size > 1) return 'complex';
  return [...kinds][0] ?? 'ubiquitous';
}

/** Well formed: a pattern's every part present, one response. */
export function isWellFormed(form: EarsForm): boolean {
  return form.problems.length === 0;
}
