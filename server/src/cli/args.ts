/** Command-line parsing into a typed command; every mistake is a UsageError (exit status 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestMatch } from '../config/suggest';
import { RULE_IDS } from '../rules/registry';
import { CACHE_STRATEGIES, DEFAULT_CACHE_STRATEGY, type CacheOptions } from './cache';
import type { BulkSuppressionOptions } from './suppressions';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export const RULES_FORMATS = ['text', 'json', 'markdown'] as const;

export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type RulesFormat = (typeof RULES_FORMATS)[number];

export interface CheckCommand {
  kind: 'check';
  paths: string[];
  /** False when no path was given and the current folder is checked. */
  pathsGiven: boolean;
  /** `--no-error-on-unmatched-pattern`: a folder given with no spec in it is not an error. */
  allowUnmatched: boolean;
  /** `--only-specs`: files named explicitly that are not specs are skipped silently (pre-commit, lint-staged). */
  onlySpecs: boolean;
  format: CheckFormat;
  config?: string;
  minScore?: number;
  maxWarnings?: number;
  suppressions: BulkSuppressionOptions;
  /** `--cache`, `--cache-location`: reuse the reports of unchanged files from the last run. */
  cache: CacheOptions;
  /** `--max-file-size`: KiB above which a file gets a notice instead of an analysis. */
  maxFileSizeKB?: number;
  /** `--changed-since <ref>`: only specs changed since the merge base of ref and HEAD. */
  changedSince?: string;
  failOnScoreDrop: boolean;
  /** Print every lost point of each file's score with its reason (stylish format). */
  explain?: boolean;
  /** `--watch`: check again whenever a checked file changes and print what changed, until Ctrl-C. */
  watch?: boolean;
}

export interface RulesCommand {
  kind: 'rules';
  format: RulesFormat;
  /** `specready rules <id>...`: only these rules. */
  ids?: string[];
}

/** Commands that parse their own arguments (they have their own options and help). */
export const DELEGATED_COMMANDS = ['export', 'new', 'mcp'] as const;
export type DelegatedName = (typeof DELEGATED_COMMANDS)[number];
export type HelpTopic = 'check' | 'rules' | DelegatedName;

const COMMANDS: readonly string[] = ['check', 'rules', ...DELEGATED_COMMANDS];

export type Command =
  | CheckCommand
  | RulesCommand
  | { kind: 'delegated'; name: DelegatedName; args: string[] }
  | { kind: 'help'; topic?: HelpTopic }
  | { kind: 'version' };

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `; did you mean "…"?` naming the candidate closest to `word`, or nothing when none is close. */
export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const suggestion = closestMatch(word, candidates);
  return suggestion ? `; did you mean "${prefix}${suggestion}"?` : '';
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command: check, rules, export, new or mcp');
  if (first === '-h' || first === '--help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first === 'help') return { kind: 'help', topic: helpTopic(rest[0]) };
  if (first === 'check') return parseCheck(rest);
  if (first === 'rules') return parseRules(rest);
  if ((DELEGATED_COMMANDS as readonly string[]).includes(first)) return { kind: 'delegated', name: first as DelegatedName, args: rest };
  if (first.startsWith('-')) {
    const hint = first.startsWith('--') ? didYouMean(first.slice(2), ['help', 'version'], '--') : '';
    throw new UsageError(`unknown option "${first}"${hint}`);
  }
  const command = closestMatch(first, COMMANDS);
  if (command) throw new UsageError(`unknown command "${first}"; did you mean "${command}"?`);
  throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(', ')}; to check a path, run: specready check ${first})`);
}

function helpTopic(topic: string | undefined): HelpTopic | undefined {
  if (topic === undefined || topic === 'check' || topic === 'rules') return topic;
  if ((DELEGATED_COMMANDS as readonly string[]).includes(topic)) return topic as DelegatedName;
  throw new UsageError(`no help for "${topic}" (commands: check, rules, export, new, mcp)`);
}

function parseCheck(args: string[]): Command {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      config: { type: 'string' },
      'min-score': { type: 'string' },
      'max-warnings': { type: 'string' },
      'no-error-on-unmatched-pattern': { type: 'boolean' },
      'only-specs': { type: 'boolean' },
      'suppress-all': { type: 'boolean' },
      'suppress-rule': { type: 'string', multiple: true },
      'prune-suppressions': { type: 'boolean' },
      'suppressions-location': { type: 'string' },
      'pass-on-unpruned-suppressions': { type: 'boolean' },
      'max-file-size': { type: 'string' },
      'changed-since': { type: 'string' },
      'fail-on-score-drop': { type: 'boolean' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      'cache-strategy': { type: 'string' },
      explain: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help', topic: 'check' };
  if (values.watch) {
    // Watching reports to a person at a terminal; the other options write files once or compare with git once.
    const once = (['changed-since', 'fail-on-score-drop', 'suppress-all', 'suppress-rule', 'prune-suppressions'] as const).find((name) => values[name] !== undefined);
    if (once) throw new UsageError(`--watch and --${once} exclude each other: --${once} is for a single run`);
    if (values.format !== undefined && values.format !== 'stylish' && values.format !== 'json') throw new UsageError(`--watch prints what changed in the stylish format, or one JSON document per run with --format json; --format ${values.format} is for a single run`);
  }
  const suppressRules = values['suppress-rule'] ?? [];
  if (values['suppress-all'] && suppressRules.length > 0) throw new UsageError('--suppress-all and --suppress-rule exclude each other');
  if (values['fail-on-score-drop'] && values['changed-since'] === undefined) throw new UsageError('--fail-on-score-drop needs --changed-since <git-ref>');
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  if (values['cache-strategy'] !== undefined && !values.cache) throw new UsageError('--cache-strategy needs --cache');
  if (values['changed-since'] !== undefined && values['changed-since'].trim() === '') throw new UsageError('--changed-since needs a git ref, e.g. origin/main');
  return {
    kind: 'check',
    paths: positionals.length > 0 ? positionals : ['.'],
    pathsGiven: positionals.length > 0,
    allowUnmatched: values['no-error-on-unmatched-pattern'] === true,
    onlySpecs: values['only-specs'] === true,
    format: oneOf('--format', values.format, CHECK_FORMATS) ?? 'stylish',
    config: nonEmpty('--config', values.config),
    minScore: numberOption('--min-score', values['min-score'], 0, 100, false),
    maxWarnings: numberOption('--max-warnings', values['max-warnings'], 0, Infinity, true),
    suppressions: {
      suppressAll: values['suppress-all'] === true,
      suppressRules: suppressRules.map((rule) => nonEmpty('--suppress-rule', rule) as string),
      prune: values['prune-suppressions'] === true,
      location: nonEmpty('--suppressions-location', values['suppressions-location']),
      passOnUnpruned: values['pass-on-unpruned-suppressions'] === true,
    },
    cache: {
      enabled: values.cache === true,
      location: nonEmpty('--cache-location', values['cache-location']),
      strategy: oneOf('--cache-strategy', values['cache-strategy'], CACHE_STRATEGIES) ?? DEFAULT_CACHE_STRATEGY,
    },
    maxFileSizeKB: numberOption('--max-file-size', values['max-file-size'], 1, Infinity, true),
    changedSince: values['changed-since'],
    failOnScoreDrop: values['fail-on-score-drop'] === true,
    ...(values.explain ? { explain: true } : {}),
    ...(values.watch ? { watch: true } : {}),
  };
}

function parseRules(args: string[]): Command {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return { kind: 'help', topic: 'rules' };
  for (const id of positionals) {
    if (RULE_IDS.includes(id)) continue;
    throw new UsageError(`unexpected argument "${id}": no rule has that id${didYouMean(id, RULE_IDS) || ' (run "specready rules" for the list)'}`);
  }
  return { kind: 'rules', format: oneOf('--format', values.format, RULES_FORMATS) ?? 'text', ...(positionals.length > 0 ? { ids: positionals } : {}) };
}

/**
 * node:util parseArgs (strict), with its errors reworded as one-line usage errors. A value that starts
 * with a dash and is a number (`--min-score -1`) is taken as the option's value, so that the
 * range check can say what is wrong with it.
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const options = config.options ?? {};
  const args = [...(config.args ?? [])];
  for (let index = 0; index < args.length - 1; index++) {
    const name = /^--([^=]+)$/.exec(args[index] ?? '')?.[1];
    const value = args[index + 1];
    if (name && options[name]?.type === 'string' && value !== undefined && /^-\d/.test(value)) args.splice(index, 2, `--${name}=${value}`);
  }
  try {
    return parseArgs({ ...config, args }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    throw new UsageError(firstLine(describeParseError(error as Error & { code?: string }, Object.keys(options))));
  }
}

function describeParseError(error: Error & { code?: string }, known: readonly string[]): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = quoted ?? error.message;
      const hint = option.startsWith('--') ? didYouMean(option.slice(2).replace(/=.*$/, ''), known, '--') : '';
      return `unknown option "${option}"${hint}`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return `unexpected argument "${quoted ?? error.message}"`;
    // Node's text runs over several lines ("...is ambiguous.\nDid you forget..."); the first says it.
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return firstLine(error.message).replace(/^Option /, 'option ');
    default: return firstLine(error.message);
  }
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`);
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`${name} needs a file name`);
  return value;
}

function numberOption(name: string, value: string | undefined, min: number, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = value.trim() === '' ? NaN : Number(value);
  const valid = Number.isFinite(number) && number >= min && number <= max && (!integer || Number.isInteger(number));
  if (!valid) {
    const range = max === Infinity ? `a whole number from ${min}` : `a number from ${min} to ${max}`;
    throw new UsageError(`${name} must be ${range}, not "${value}"`);
  }
  return number;
}
