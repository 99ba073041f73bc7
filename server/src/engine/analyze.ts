import { ConfigError } from '../config/errors';
import { DEFAULT_ID_PATTERN, DEFAULT_THRESHOLD, type SpecReadyConfig } from '../config/types';
import { createLexicon } from '../lexicon/lexicon';
import { parseSpec } from '../model/parse';
import { compareRanges, detachedString, offsetAt, rangeFromOffsets } from '../model/text';
import { resolveScope } from '../model/scope';
import type { Range, SpecModel } from '../model/types';
import { buildAliasTable, DEFAULT_ALIASES, type AliasTable } from '../sections/catalog';
import { detectFormat } from '../sections/formats';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, resolveProfile, UnknownProfileError, type Profile } from '../sections/profiles';
import { findRule, RULES } from '../rules/registry';
import type { Finding, LinkTargetInfo, Rule, RuleContext, Severity } from '../rules/types';
import { linksTo } from '../model/api-description';
import { contractInputFromModel, contractWithApiFiles } from '../score/contract';
import { computeScore, type Breakdown, type ReadinessBlocker, type RuleScoring } from './score';
import { Suppressions } from './suppression';
import { LruCache } from '../util/lru';

export type { Breakdown, DimensionId, DimensionScore, ReadinessBlocker, ScoreReason } from './score';

export interface AnalyzeOptions {
  uri?: string;
  config?: SpecReadyConfig;
  linkTargets?: ReadonlyMap<string, LinkTargetInfo>;
  /** Linked API description files, gathered by the caller (fs/api-files.ts). */
  apiFiles?: RuleContext['apiFiles'];
  /** A model already parsed from the same text with `parseForConfig`, to avoid parsing twice. */
  model?: SpecModel;
  /** Today's date (`YYYY-MM-DD`) for rules that compare dates; the caller owns the clock. */
  today?: string;
  /** The rules to run (every registered rule by default); the configuration still sets their levels. */
  rules?: readonly Rule[];
}

export interface RuleFailure {
  rule: string;
  error: string;
}

export interface AnalysisResult {
  model: SpecModel;
  profile: string;
  findings: Finding[];
  score: number;
  ready: boolean;
  threshold: number;
  /** Each dimension's score, weight, what was judged and the reasons it lost points. */
  breakdown: Breakdown;
  /**
   * What makes the spec not ready whatever its score (secrets, placeholders in requirements or
   * the contract, blocking questions, error-level findings), most serious first.
   */
  blockers: ReadinessBlocker[];
  /** The requirement id pattern in effect (editor features reuse it). */
  idPattern: string;
  /** The linked API description files the spec was checked with (editor features show what they give). */
  apiFiles?: RuleContext['apiFiles'];
  /** Rules that threw; their findings are missing, every other rule still reported. */
  ruleFailures: RuleFailure[];
}

/**
 * The one entry point shared by the CLI, the language server and the export: parse once, run
 * every enabled rule on the model, drop suppressed findings, score. Pure: the caller supplies
 * configuration and any facts about other files.
 *
 * Throws ConfigError only for configuration problems (unknown profile in the config, invalid
 * id pattern); problems in the document itself become findings.
 */
export function analyzeSpec(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const config = options.config ?? {};
  const prepared = prepare(config);
  const parsed = options.model ?? parseSpec(text, options.uri ?? '', { aliases: prepared.aliases });
  const profile = documentProfile(parsed, config, prepared.profile);
  // A profile with headings of its own (a spec-driven tool's format) reads the sections anew.
  const model = profile.aliases ? parseSpec(text, parsed.uri, { aliases: profileAliases(profile, config) }) : parsed;
  const context: Omit<RuleContext, 'scope'> = {
    profile,
    lexicon: prepared.lexicon,
    idPattern: prepared.idPattern,
    linkTargets: options.linkTargets,
    today: options.today,
    projectTerms: config.projectTerms?.terms,
    apiFiles: options.apiFiles,
  };
  const rules = options.rules ?? RULES;
  const { findings, ruleFailures } = runRules(rules, model, context, config);
  // A linked API description is the contract a contractor builds against: it counts for the score.
  const apiFiles = [...(options.apiFiles?.values() ?? [])].filter((file) => file.format !== undefined);
  const contract = apiFiles.length > 0
    ? contractWithApiFiles(contractInputFromModel(model), apiFiles, (key) => linksTo(model, key)[0]?.range.start.line ?? 0)
    : undefined;
  const { score, breakdown, blockers } = computeScore({
    model, findings, profile, idPattern: prepared.idPattern, scoringOf: rules === RULES ? scoringOfRule : scoringIn(rules), contract,
  });
  const threshold = config.threshold ?? DEFAULT_THRESHOLD;
  const ready = score >= threshold && blockers.length === 0;
  return { model, profile: profile.name, findings, score, ready, threshold, breakdown, blockers, idPattern: prepared.idPattern, ruleFailures, ...(options.apiFiles ? { apiFiles: options.apiFiles } : {}) };
}

function scoringOf(rule: Rule | undefined): RuleScoring | undefined {
  return rule ? { role: rule.scoreRole, dimension: rule.dimension, counted: rule.counted } : undefined;
}

function scoringOfRule(id: string): RuleScoring | undefined {
  return scoringOf(findRule(id));
}

function scoringIn(rules: readonly Rule[]): (id: string) => RuleScoring | undefined {
  return (id) => scoringOf(rules.find((candidate) => candidate.id === id));
}

/**
 * Parses a document with the heading aliases of a configuration, for callers that need the
 * model before analysis (to resolve link targets) and then pass it back as `options.model`.
 */
export function parseForConfig(text: string, uri: string, config: SpecReadyConfig = {}): SpecModel {
  return parseSpec(text, uri, { aliases: prepare(config).aliases });
}

/** Compiled configurations and alias tables kept: a few projects' worth, least recently used first out. */
const MAX_PREPARED = 32;
const profileAliasTables = new LruCache<string, AliasTable>(MAX_PREPARED);

function profileAliases(profile: Profile, config: SpecReadyConfig): AliasTable {
  const key = `${profile.name}\0${JSON.stringify(config.aliases ?? {})}`;
  return profileAliasTables.getOrCreate(key, () => buildAliasTable(profile.aliases ?? {}, config.aliases ?? {}));
}

interface Prepared {
  aliases: AliasTable;
  lexicon: RuleContext['lexicon'];
  idPattern: string;
  profile: Profile;
}

// Lexicon and alias tables are compiled once per configuration: by object identity first, then
// by content, because callers such as the language server build equal configurations anew.
const preparedByObject = new WeakMap<SpecReadyConfig, Prepared>();
const preparedByContent = new LruCache<string, Prepared>(MAX_PREPARED);

function prepare(config: SpecReadyConfig): Prepared {
  const byObject = preparedByObject.get(config);
  if (byObject) return byObject;
  const key = JSON.stringify(config);
  const byContent = preparedByContent.get(key);
  if (byContent) {
    preparedByObject.set(config, byContent);
    return byContent;
  }
  const prepared = compile(config);
  preparedByContent.set(key, prepared);
  preparedByObject.set(config, prepared);
  return prepared;
}

function compile(config: SpecReadyConfig): Prepared {
  const idPattern = config.idPattern ?? DEFAULT_ID_PATTERN;
  try {
    new RegExp(idPattern);
  } catch (error) {
    throw new ConfigError(`idPattern is not a valid regular expression: ${(error as Error).message}`);
  }
  const prepared: Prepared = {
    aliases: config.aliases ? buildAliasTable(config.aliases) : DEFAULT_ALIASES,
    lexicon: createLexicon(config.vocabulary),
    idPattern,
    profile: profileOrThrow(config.profile ?? DEFAULT_PROFILE, config),
  };
  return prepared;
}

function profileOrThrow(name: string, config: SpecReadyConfig): Profile {
  try {
    return resolveProfile(name, config.profiles);
  } catch (error) {
    if (error instanceof UnknownProfileError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Front matter `profile:` wins over the configuration; an unknown name is reported by a rule.
 * With neither, a document in the layout of a spec-driven tool (Spec Kit, Kiro, OpenSpec) gets
 * that tool's profile, and a document with reproduction steps and expected vs. actual behaviour
 * is a bug report and is checked as one.
 */
function documentProfile(model: SpecModel, config: SpecReadyConfig, fallback: Profile): Profile {
  const declared = model.frontMatter?.data?.profile;
  let name = typeof declared === 'string' ? declared : config.profile === undefined ? detectFormat(model.uri, model)?.profile : undefined;
  if (name === undefined && declared === undefined && config.profile === undefined && looksLikeBugReport(model)) name = BUILTIN_PROFILES.bugfix.name;
  if (name === undefined || name === fallback.name) return fallback;
  try {
    return resolveProfile(name, config.profiles);
  } catch {
    return fallback;
  }
}

function looksLikeBugReport(model: SpecModel): boolean {
  const present = new Set(model.sections.flatMap((section) => section.canonical));
  return present.has('reproduction') && present.has('expected-actual');
}

function runRules(rules: readonly Rule[], model: SpecModel, context: Omit<RuleContext, 'scope'>, config: SpecReadyConfig): { findings: Finding[]; ruleFailures: RuleFailure[] } {
  const suppressions = Suppressions.of(model);
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const rule of rules) {
    const configured = config.rules?.[rule.id] ?? rule.aliases?.map((alias) => config.rules?.[alias]).find((level) => level !== undefined);
    if (configured === 'off') continue;
    try {
      for (const raw of rule.check(model, { ...context, scope: resolveScope(model, rule.scope) })) {
        const range = safeRange(model, raw.range);
        const finding: Finding = { rule: rule.id, severity: atLeast(severityOf(rule, raw.severity, configured), raw.minimumSeverity), message: detached(raw.message), range };
        if (raw.data) finding.data = detached(raw.data);
        if (!suppressions.isSuppressed(finding)) findings.push(finding);
      }
    } catch (error) {
      ruleFailures.push({ rule: rule.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule));
  return { findings, ruleFailures };
}

/**
 * Every reported range lies inside the document and never splits a surrogate pair, whatever a
 * rule computed: editors reject or mis-render such ranges.
 */
function safeRange(model: SpecModel, range: Range): Range {
  const start = offsetAt(model, range.start);
  const end = Math.max(start, offsetAt(model, range.end));
  return rangeFromOffsets(model, pairSafe(model.text, start, -1), pairSafe(model.text, end, 1));
}

function pairSafe(text: string, offset: number, direction: -1 | 1): number {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  const splits = previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return splits ? offset + (direction === 1 ? 1 : -1) : offset;
}

/**
 * A deep copy of a finding's message or data whose strings share no memory with the document.
 * Rules build both from substrings of the text and the prose mask, and V8 keeps a whole string
 * alive for as long as any substring of it lives: findings kept for many files (workspace
 * diagnostics, a CLI report) would otherwise keep every document's text and prose in memory.
 */
function detached<T>(value: T): T {
  if (typeof value === 'string') return detachedString(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => detached(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, detached(item)])) as T;
  }
  return value;
}

/**
 * A configured level applies to the rule's ordinary findings; a finding that a rule deliberately
 * downgraded (a merely recommended section is a hint) keeps its own level.
 */
function severityOf(rule: Rule, own: Severity | undefined, configured: Severity | undefined): Severity {
  if (own && own !== rule.defaultSeverity) return own;
  return configured ?? rule.defaultSeverity;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

function atLeast(severity: Severity, minimum: Severity | undefined): Severity {
  return minimum && SEVERITY_RANK[minimum] > SEVERITY_RANK[severity] ? minimum : severity;
}
