import type { Range, SpecModel } from '../model/types';
import type { Profile } from '../sections/profiles';
import type { Lexicon } from '../lexicon/lexicon';
import type { ApiDescription } from '../model/api-description';
import type { ScopedDocument, StatementScope } from '../model/scope';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleLevel = Severity | 'off';

import type { CountedAs, DimensionId, ScoreRole } from '../score/types';

/** Which readiness dimension a rule's findings count against (see engine/score.ts). */
export type Dimension = DimensionId;

/**
 * Machine-readable details of a finding, for quick fixes, questions and reports: rule-specific but
 * stable. Each rule declares its own shape as `Rule<D>` (a type alias, so that it fits here);
 * readers get it back typed with `dataOf(rule, finding)`. Only `hint` means the same for every rule.
 */
export interface FindingData {
  /** How to rewrite the flagged text (shown on hover, used by the rewrite fix). */
  hint?: string;
  /** What the rest of the document says, or does not say, about the flagged text (shown on hover). */
  context?: string;
  [key: string]: unknown;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: FindingData;
}

/** What a rule returns: the engine fills in `rule` and the configured severity. */
export interface RawFinding<D extends FindingData = FindingData> {
  message: string;
  range: Range;
  data?: D;
  /** Overrides the rule's default severity for this finding (e.g. a recommended section is a hint). */
  severity?: Severity;
  /**
   * The configured level applies, but never below this one (an overdue question is at least a
   * warning even where the rule is set to info); `off` still turns the rule off.
   */
  minimumSeverity?: Severity;
}

export interface RuleDocs {
  /**
   * A short line for settings, the configuration schema and other places that list every rule:
   * what the rule reports, in plain text (no Markdown).
   */
  description: string;
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters to an engineer outside the team. */
  rationale: string;
  bad: string;
  good: string;
  /** Published sources the rule is based on. */
  sources?: string[];
  /** Rule-specific configuration keys, documented. */
  options?: string;
}

/** Options every rule receives: resolved configuration, never I/O handles. */
export interface RuleContext {
  profile: Profile;
  lexicon: Lexicon;
  /** Requirement id pattern (global regex source without flags). */
  idPattern: string;
  /**
   * Facts about other files that `broken-link` needs, gathered by the caller (CLI or server)
   * before analysis so that rules stay free of I/O. Keys are link targets as written.
   */
  linkTargets?: ReadonlyMap<string, LinkTargetInfo>;
  /**
   * Today's date as `YYYY-MM-DD`, passed in by the caller (rules never read the clock); absent
   * when unknown, and then nothing is overdue.
   */
  today?: string;
  /** Terms of the project vocabulary file, which need no definition (read by the caller). */
  projectTerms?: readonly string[];
  /**
   * The API description files (OpenAPI, AsyncAPI, JSON Schema) the spec links, read, parsed and
   * validated by the caller; keys are link targets as in `linkTargets`. Absent when unknown
   * (an unsaved document): then nothing is checked against them.
   */
  apiFiles?: ReadonlyMap<string, ApiDescription>;
  /**
   * The rule's declared `scope` resolved against the document by the engine: the statements the
   * rule judges and the parts of a sentence it leaves out. A rule reads it instead of deciding
   * for itself.
   */
  scope: ScopedDocument;
}

export interface LinkTargetInfo {
  exists: boolean;
  /** Heading slugs of the target when it is a Markdown file that exists. */
  slugs?: ReadonlySet<string>;
}

/** A text replacement in the analysed document (LSP TextEdit shape, without an LSP import). */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same insertion as a snippet with tab stops (`${1:TODO}`), for clients that accept
   * snippet edits in code actions; `newText` is what the snippet expands to untouched.
   */
  snippet?: string;
}

/**
 * A quick fix computed purely from an analysis; the language server turns it into a CodeAction
 * and the property tests apply it to the text directly.
 */
export interface QuickFix {
  title: string;
  /** The finding it fixes (rule id), or undefined for document-wide actions. */
  rule: string | undefined;
  isPreferred: boolean;
  edits: TextEdit[];
  /**
   * The fix inserts holes for the author to fill (tab stops in snippet-capable clients): apply it
   * one at a time, never in a batch "fix all". Set by `quickFixesFor`; fixes without holes are
   * complete edits that are safe to apply together.
   */
  hasHoles?: boolean;
}

/** What a rule's fixes read: the analysed document and every finding in it (an analysis result is one). */
export interface FixContext {
  model: SpecModel;
  findings: readonly Finding[];
  /** Name of the profile the document was checked against. */
  profile: string;
  idPattern: string;
}

/**
 * What editors and reports may do with a rule's findings, beyond showing them:
 * - `unfinished`: the text is a stand-in still to be written (editors show it faded);
 * - `statement`: the rule judges a statement by its role, so an explanation says how the statement was read.
 */
export type RuleTag = 'unfinished' | 'statement';

/** `D` is the shape of the `data` the rule's findings carry. */
export interface Rule<D extends FindingData = FindingData> {
  id: string;
  /** Former ids that still work in configuration and suppression comments. */
  aliases?: readonly string[];
  defaultSeverity: Severity;
  dimension: Dimension;
  /** How the readiness score uses this rule's findings (see score/types.ts). */
  scoreRole: ScoreRole;
  /** What the score's reasons call one of this rule's findings when they count them ("2 secrets"); the rule id when absent. */
  counted?: CountedAs;
  docs: RuleDocs;
  tags?: readonly RuleTag[];
  /**
   * The text the rule judges (as Vale's `scope:`): which statements, and which parts of a
   * sentence are left out. The engine resolves it into `RuleContext.scope`; absent, every
   * statement and nothing left out.
   */
  scope?: StatementScope;
  check: (model: SpecModel, context: RuleContext) => Array<RawFinding<D>>;
  /**
   * Quick fixes for one of this rule's findings, the preferred one first (as markdownlint's
   * `fixInfo`, next to the check that reports the finding). Suppressions are added by the caller.
   */
  fixes?: (finding: Finding, context: FixContext) => Array<QuickFix | undefined>;
  /**
   * One of this rule's findings as the question a contractor would otherwise ask the team (the
   * handoff bundle's questions, READINESS.md, the MCP tools), phrased from the finding's data;
   * undefined when the data says too little (the caller then asks about the message).
   */
  question?: (finding: Finding) => string | undefined;
}

/**
 * The data of one of `rule`'s findings, typed as the rule declares it; undefined for another
 * rule's finding or a finding without data. The one place where a finding's data is cast.
 */
export function dataOf<D extends FindingData>(rule: Rule<D>, finding: Pick<Finding, 'rule' | 'data'>): D | undefined {
  return finding.rule === rule.id ? finding.data as D | undefined : undefined;
}
