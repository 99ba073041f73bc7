/** Command-line parsing into a typed command; every mistake is a UsageError (exit status 2). */
import { parseArgs } from 'node:util';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export const RULES_FORMATS = ['text', 'json', 'markdown'] as const;

export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type RulesFormat = (typeof RULES_FORMATS)[number];

export interface CheckCommand {
  kind: 'check';
  paths: string[];
  format: CheckFormat;
  config?: string;
  minScore?: number;
  maxWarnings?: number;
}

export interface RulesCommand {
  kind: 'rules';
  format: RulesFormat;
}

export type Command =
  | CheckCommand
  | RulesCommand
  | { kind: 'help'; topic?: 'check' | 'rules' }
  | { kind: 'version' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command: check or rules');
  if (first === '-h' || first === '--help') return { kind: 'help' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first === 'help') return { kind: 'help', topic: helpTopic(rest[0]) };
  if (first === 'check') return parseCheck(rest);
  if (first === 'rules') return parseRules(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}"`);
  throw new UsageError(`unknown command "${first}" (commands: check, rules; to check a path, run: specready check ${first})`);
}

function helpTopic(topic: string | undefined): 'check' | 'rules' | undefined {
  if (topic === undefined || topic === 'check' || topic === 'rules') return topic;
  throw new UsageError(`no help for "${topic}" (commands: check, rules)`);
}

function parseCheck(args: string[]): Command {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    config: { type: 'string' },
    'min-score': { type: 'string' },
    'max-warnings': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) return { kind: 'help', topic: 'check' };
  return {
    kind: 'check',
    paths: positionals.length > 0 ? positionals : ['.'],
    format: oneOf('--format', values.format as string | undefined, CHECK_FORMATS) ?? 'stylish',
    config: nonEmpty('--config', values.config as string | undefined),
    minScore: numberOption('--min-score', values['min-score'] as string | undefined, 0, 100, false),
    maxWarnings: numberOption('--max-warnings', values['max-warnings'] as string | undefined, 0, Infinity, true),
  };
}

function parseRules(args: string[]): Command {
  const { values } = parse(args, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) return { kind: 'help', topic: 'rules' };
  return { kind: 'rules', format: oneOf('--format', values.format as string | undefined, RULES_FORMATS) ?? 'text' };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs, with its errors reworded as usage errors. */
function parse(args: string[], options: OptionSpec, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }));
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option "${quoted ?? error.message}"`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return `unexpected argument "${quoted ?? error.message}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return error.message.replace(/^Option /, 'option ');
    default: return error.message;
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
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
