/**
 * Finds measurable targets in prose: a number with a unit ("200 ms", "5 MB", "10k requests/s",
 * "99.9%", "5 mm", "900 MHz"), a percentile ("p95") or a bound on a number ("at most 3", "< 200").
 * Used to tell a measured statement ("fast: p95 < 200 ms") from a vague one ("fast").
 */

import { oneOf } from './regex';
import { LruCache } from '../util/lru';

export type QuantityKind = 'time' | 'rate' | 'percent' | 'size' | 'count' | 'physical' | 'bound';

export interface Quantity {
  kind: QuantityKind;
  start: number;
  end: number;
}

// "1,000", "1 000" (a space between thousands), "2.5".
const DIGITS = String.raw`\d+(?:(?:[.,_]|\s(?=\d{3}(?!\d)))\d+)*`;
const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'ninety', String.raw`a\s+hundred`, 'hundreds?',
  String.raw`a\s+thousand`, 'thousands?', 'millions?', 'billions?',
];
const WORDS = oneOf(...NUMBER_WORDS);
/** A number, optionally scaled ("10k", "2.5 M"); the scale letter must not start a unit ("5 MB"). */
const SINGLE = String.raw`(?:${DIGITS}(?:\s?[kKmMbB](?![\p{L}]))?|${WORDS})`;
/** A number or a range of numbers ("5-8", "5 to 8"). */
const NUMBER = String.raw`${SINGLE}(?:\s*(?:-|–|to)\s*${SINGLE})?`;

const UNITS: Record<Exclude<QuantityKind, 'bound'>, string> = {
  rate: oneOf(
    String.raw`(?:[\p{L}]+\s*)?(?:\/|per\s+)(?:s|sec|second|min|minute|h|hr|hour|day|month|user|node|tenant|request)`,
    'rps', 'qps', 'tps', 'rpm', 'ops', 'iops', '[kmg]?bps', String.raw`[kmg]b\/s`, 'mph', 'knots',
  ),
  time: oneOf(
    'ms', 'msecs?', 'milliseconds?', 'µs', 'us', 'microseconds?', 'ns', 'nanoseconds?', 's', 'secs?', 'seconds?',
    'mins?', 'minutes?', 'h', 'hrs?', 'hours?', 'd', 'days?', 'weeks?', 'months?', 'years?',
  ),
  percent: oneOf('%', 'percent', String.raw`per\s+cent`, 'nines'),
  size: oneOf('bytes?', '[kmgtp]i?b', 'kilobytes?', 'megabytes?', 'gigabytes?', 'terabytes?', 'bits?'),
  count: oneOf(
    'users?', 'requests?', 'reqs?', 'calls?', 'connections?', 'sessions?', 'transactions?', 'messages?', 'events?',
    'records?', 'rows?', 'items?', 'entries', 'files?', 'documents?', 'pages?', 'queries', 'jobs?', 'tasks?', 'nodes?',
    'pods?', 'instances?', 'replicas?', 'servers?', 'regions?', 'zones?', 'cores?', 'v?cpus?', 'threads?', 'workers?',
    'clients?', 'tenants?', 'accounts?', 'devices?', 'retries', 'attempts?', 'times', 'characters?', 'chars?',
    'digits?', 'objects?', 'keys?', 'elements?', 'results?', 'orders?', 'customers?', 'people', 'persons?',
    'members?', 'seats?', 'steps?', 'clicks?', 'columns?', 'fields?', 'levels?', 'concurrent', 'simultaneous',
    'parallel', 'px', 'pixels?', 'points?', 'pt', 'dpi', 'languages?', 'locales?',
  ),
  // Physical measures: length, frequency, power and energy, mass, temperature, sound level.
  physical: oneOf(
    '[nµm]?m', 'cm', 'km', 'metres?', 'meters?', 'kilometres?', 'kilometers?', 'millimetres?', 'millimeters?',
    'inch(?:es)?', 'ft', 'feet', 'foot', 'miles?', '[kmg]?hz', 'hertz', '[mk]?w', 'watts?', '[km]?wh', 'mah', 'm?v',
    'volts?', 'm?amps?', 'ma', 'mg', 'kg', 'grams?', 'kilograms?', 'lbs?', '°\\s?[cf]', 'degrees?', 'db[a]?', 'decibels?',
  ),
};

/** A bound word before a number; the number itself is matched separately so its unit counts. */
const BOUND = oneOf(
  '[<>≤≥]=?', String.raw`at\s+(?:most|least)`, String.raw`up\s+to`, String.raw`no\s+(?:more|less|fewer)\s+than`,
  String.raw`(?:more|less|fewer)\s+than`, 'under', 'below', 'above', 'over', 'within',
  String.raw`max(?:imum)?(?:\s+of)?`, String.raw`min(?:imum)?(?:\s+of)?`, 'between',
) + String.raw`(?=\s*${NUMBER})`;

// Order matters: rate before time ("10 requests/s" is a rate), size before count, and time before
// physical ("5 ms" is a duration).
const KINDS: Array<Exclude<QuantityKind, 'bound'>> = ['rate', 'time', 'percent', 'size', 'count', 'physical'];

const PATTERN = new RegExp(
  [
    String.raw`(?<percentile>\bp(?:50|75|90|95|99|99\.9|999)\b|\b\d{2}(?:\.\d+)?(?:st|nd|rd|th)\s+percentile)`,
    String.raw`(?<![\p{L}\p{N}_\-.])${NUMBER}\s*${oneOf(...KINDS.map((kind) => `(?<${kind}>${UNITS[kind]})`))}(?![\p{L}\p{N}])`,
    String.raw`(?<bound>(?<![\p{L}])${BOUND})`,
  ].join('|'),
  'giu',
);

/**
 * Every measurable target in the text, in text order. Remembered per text: several rules and the
 * score ask about the same sentences, and a document being edited keeps most of them. The list
 * and its quantities are frozen, as callers share them.
 */
export function findQuantities(text: string): readonly Quantity[] {
  if (!MAY_HOLD_NUMBER.test(text)) return NONE;
  let quantities = found.get(text);
  if (!quantities) {
    quantities = search(text);
    // The key is a copy: a sentence is a substring that would keep its whole document alive.
    found.set((' ' + text).slice(1), quantities);
  }
  return quantities;
}

const NONE: readonly Quantity[] = Object.freeze([]);
const found = new LruCache<string, readonly Quantity[]>(8192);

function search(text: string): readonly Quantity[] {
  const quantities: Quantity[] = [];
  PATTERN.lastIndex = 0;
  for (let match = PATTERN.exec(text); match; match = PATTERN.exec(text)) {
    quantities.push(Object.freeze({ kind: kindOf(match.groups ?? {}), start: match.index, end: match.index + match[0].length }));
  }
  return Object.freeze(quantities);
}

function kindOf(groups: Record<string, string | undefined>): QuantityKind {
  if (groups.percentile !== undefined) return 'time';
  if (groups.bound !== undefined) return 'bound';
  return KINDS.find((kind) => groups[kind] !== undefined) ?? 'count';
}

/** Quantities that settle a statement about speed or time. */
export const TIME_KINDS: ReadonlySet<QuantityKind> = new Set(['time', 'rate']);

/**
 * Every quantity holds a digit or a number word, so text with neither (most prose) is settled by
 * this much cheaper test; same flags as PATTERN, so that case folding agrees.
 */
const MAY_HOLD_NUMBER = new RegExp(`\\d|${WORDS}`, 'iu');

/** True when the text states a quantity; with `kinds`, one of those kinds. */
export function hasQuantity(text: string, kinds?: ReadonlySet<QuantityKind>): boolean {
  const quantities = findQuantities(text);
  if (!kinds) return quantities.length > 0;
  for (const quantity of quantities) if (kinds.has(quantity.kind)) return true;
  return false;
}
