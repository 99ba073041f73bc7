/**
 * Bulk suppressions (the ESLint convention): `specready-suppressions.json` records, per file and
 * rule, how many findings a repository already had when it adopted SpecReady. A check then
 * reports only findings beyond those counts, so a legacy repository can gate new problems at
 * once and pay the old ones off over time.
 *
 * ```json
 * { "docs/payments.spec.md": { "vague-term": { "count": 3, "fingerprints": ["1f0c9a2e", "…"] } } }
 * ```
 *
 * Paths are relative to the folder of the suppressions file, with forward slashes. `count` says
 * how many findings of the rule in the file are suppressed at most. `fingerprints` (a hash of
 * each recorded finding's rule and message, never of its position, so edits elsewhere do not
 * matter) tell which findings those are: a new finding is reported even when another one of
 * the same rule was fixed in the same change, and the fixed one makes the entry stale. An entry
 * without fingerprints (written by hand) works by count alone, as ESLint's do: up to `count`
 * findings are suppressed, and beyond it all of them are reported.
 *
 * Pure: callers read and write the file.
 */

export const SUPPRESSIONS_FILE = 'specready-suppressions.json';

/** Severities that bulk suppressions record: the ones that gate (exit status, --max-warnings). */
export const SUPPRESSIBLE_SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning']);

export interface SuppressionEntry {
  count: number;
  fingerprints?: string[];
}

/** Rule id to entry. */
export type FileSuppressions = Record<string, SuppressionEntry>;

/** Path (relative to the suppressions file's folder) to the file's entries. */
export type SuppressionsData = Record<string, FileSuppressions>;

/** The minimum a finding needs to be matched against an entry. */
export interface SuppressibleFinding {
  rule: string;
  severity: string;
  message: string;
}

export class SuppressionsFileError extends Error {
  override name = 'SuppressionsFileError';
}

/** Parses and validates the file; throws SuppressionsFileError with a message for people. */
export function parseSuppressions(text: string): SuppressionsData {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SuppressionsFileError(`not valid JSON (${(error as Error).message.split('\n')[0]}); delete it and run --suppress-all again`);
  }
  if (!isPlainObject(value)) throw new SuppressionsFileError('must be a JSON object of file paths');
  const data: SuppressionsData = {};
  for (const [path, rules] of Object.entries(value)) {
    if (!isPlainObject(rules)) throw new SuppressionsFileError(`"${path}" must map rule ids to { "count": n }`);
    const entries: FileSuppressions = {};
    for (const [rule, entry] of Object.entries(rules)) {
      const where = `"${path}" → "${rule}"`;
      if (!isPlainObject(entry)) throw new SuppressionsFileError(`${where} must be an object like { "count": 2 }`);
      const { count, fingerprints } = entry as { count?: unknown; fingerprints?: unknown };
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new SuppressionsFileError(`${where}: "count" must be a whole number from 0`);
      }
      if (fingerprints !== undefined && !(Array.isArray(fingerprints) && fingerprints.every((item) => typeof item === 'string'))) {
        throw new SuppressionsFileError(`${where}: "fingerprints" must be a list of strings`);
      }
      entries[rule] = fingerprints === undefined ? { count } : { count, fingerprints: [...fingerprints] };
    }
    data[path] = entries;
  }
  return data;
}

/** Stable text: files, rules and fingerprints sorted, so that the file diffs well in review. */
export function serializeSuppressions(data: SuppressionsData): string {
  const sorted: SuppressionsData = {};
  for (const [path, rules] of Object.entries(data).sort(([a], [b]) => compareStrings(a, b))) {
    const kept = Object.entries(rules).filter(([, entry]) => entry.count > 0).sort(([a], [b]) => compareStrings(a, b));
    if (kept.length === 0) continue;
    const entries: (typeof sorted)[string] = {};
    for (const [rule, { count, fingerprints }] of kept) {
      entries[rule] = fingerprints ? { count, fingerprints: [...fingerprints].sort(compareStrings) } : { count };
    }
    sorted[path] = entries;
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * A finding's identity that survives edits elsewhere in the file: FNV-1a (32 bits, hex) of the
 * rule and the message. Messages name what was found (the vague term, the section, the id), so
 * findings of one rule in one file rarely share one; when they do, they count as a multiset.
 */
export function fingerprint(finding: Pick<SuppressibleFinding, 'rule' | 'message'>): string {
  const text = `${finding.rule}\u0000${finding.message}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** An entry that records findings the file no longer has: they were fixed. */
export interface StaleSuppression {
  path: string;
  rule: string;
  recorded: number;
  /** Recorded findings that are gone. */
  fixed: number;
}

/** An entry with findings beyond it: new findings of the rule were added to the file. */
export interface ExceededSuppression {
  path: string;
  rule: string;
  recorded: number;
  /** Findings of the rule that are reported. */
  reported: number;
  /** False when the recorded findings could not be told apart and all are reported. */
  matched: boolean;
}

export interface AppliedSuppressions<T> {
  kept: T[];
  suppressed: T[];
  stale: StaleSuppression[];
  exceeded: ExceededSuppression[];
}

/** How one entry meets the findings of its rule in its file. */
interface Resolved<T> {
  suppressed: T[];
  reported: T[];
  /** Recorded findings that are no longer there. */
  fixed: number;
  matched: boolean;
}

/**
 * With fingerprints, the recorded findings are the ones whose fingerprints match: they are
 * suppressed, the others reported, and recorded ones that are gone are fixed. When none match
 * but the count still covers every finding, the messages were reworded (a new SpecReady
 * version): the count decides, as it does for an entry without fingerprints.
 */
function resolveEntry<T extends SuppressibleFinding>(found: readonly T[], entry: SuppressionEntry): Resolved<T> {
  if (entry.fingerprints && entry.fingerprints.length === entry.count) {
    const matched = matchFingerprints(found, entry.fingerprints, entry.count);
    if (matched.length > 0 || found.length === 0 || found.length > entry.count) {
      const recorded = new Set(matched);
      return {
        suppressed: matched,
        reported: found.filter((finding) => !recorded.has(finding)),
        fixed: entry.count - matched.length,
        matched: matched.length > 0,
      };
    }
  }
  if (found.length <= entry.count) return { suppressed: [...found], reported: [], fixed: entry.count - found.length, matched: true };
  return { suppressed: [], reported: [...found], fixed: 0, matched: false };
}

/** Splits one file's findings into kept and suppressed by the file's entries. Order is kept. */
export function applySuppressions<T extends SuppressibleFinding>(path: string, findings: readonly T[], entries: FileSuppressions | undefined): AppliedSuppressions<T> {
  const result: AppliedSuppressions<T> = { kept: [], suppressed: [], stale: [], exceeded: [] };
  if (!entries) {
    result.kept.push(...findings);
    return result;
  }
  const byRule = groupByRule(findings.filter((finding) => SUPPRESSIBLE_SEVERITIES.has(finding.severity)));
  const suppressed = new Set<T>();
  for (const [rule, entry] of Object.entries(entries)) {
    const resolved = resolveEntry(byRule.get(rule) ?? [], entry);
    for (const finding of resolved.suppressed) suppressed.add(finding);
    if (resolved.fixed > 0) result.stale.push({ path, rule, recorded: entry.count, fixed: resolved.fixed });
    if (resolved.reported.length > 0) {
      result.exceeded.push({ path, rule, recorded: entry.count, reported: resolved.reported.length, matched: resolved.matched });
    }
  }
  for (const finding of findings) (suppressed.has(finding) ? result.suppressed : result.kept).push(finding);
  return result;
}

/** The findings whose fingerprints were recorded, at most `limit`, as a multiset match. */
function matchFingerprints<T extends SuppressibleFinding>(findings: readonly T[], fingerprints: readonly string[], limit: number): T[] {
  const available = new Map<string, number>();
  for (const print of fingerprints) available.set(print, (available.get(print) ?? 0) + 1);
  const matched: T[] = [];
  for (const finding of findings) {
    if (matched.length >= limit) break;
    const print = fingerprint(finding);
    const left = available.get(print) ?? 0;
    if (left === 0) continue;
    available.set(print, left - 1);
    matched.push(finding);
  }
  return matched;
}

/** Entries recording a file's current findings (only of `rules` when given). */
export function entriesFor(findings: readonly SuppressibleFinding[], rules?: ReadonlySet<string>): FileSuppressions {
  const entries: FileSuppressions = {};
  for (const [rule, found] of groupByRule(findings.filter((finding) => SUPPRESSIBLE_SEVERITIES.has(finding.severity)))) {
    if (rules && !rules.has(rule)) continue;
    entries[rule] = { count: found.length, fingerprints: found.map(fingerprint) };
  }
  return entries;
}

/**
 * `--suppress-all` / `--suppress-rule`: the checked files' entries are replaced by their current
 * findings (for the given rules only, when given); entries of files not checked stay as they are.
 */
export function recordSuppressions(
  data: SuppressionsData,
  checked: ReadonlyMap<string, readonly SuppressibleFinding[]>,
  rules?: ReadonlySet<string>,
): SuppressionsData {
  const next = cloneData(data);
  for (const [path, findings] of checked) {
    const current = entriesFor(findings, rules);
    const kept = rules ? Object.fromEntries(Object.entries(next[path] ?? {}).filter(([rule]) => !rules.has(rule))) : {};
    next[path] = { ...kept, ...current };
    if (Object.keys(next[path]).length === 0) delete next[path];
  }
  return next;
}

/**
 * `--prune-suppressions`: entries of the checked files keep only the recorded findings that are
 * still there (counts never go up; reworded messages get fresh fingerprints), entries of files
 * that no longer exist go.
 */
export function pruneSuppressions(
  data: SuppressionsData,
  checked: ReadonlyMap<string, readonly SuppressibleFinding[]>,
  exists: (path: string) => boolean,
): SuppressionsData {
  const next: SuppressionsData = {};
  for (const [path, entries] of Object.entries(data)) {
    const findings = checked.get(path);
    if (!findings) {
      if (exists(path)) next[path] = cloneEntries(entries);
      continue;
    }
    const byRule = groupByRule(findings.filter((finding) => SUPPRESSIBLE_SEVERITIES.has(finding.severity)));
    const pruned: FileSuppressions = {};
    for (const [rule, entry] of Object.entries(entries)) {
      const found = byRule.get(rule) ?? [];
      if (!entry.fingerprints) {
        const count = Math.min(entry.count, found.length);
        if (count > 0) pruned[rule] = { count };
        continue;
      }
      const kept = resolveEntry(found, entry).suppressed;
      if (kept.length > 0) pruned[rule] = { count: kept.length, fingerprints: kept.map(fingerprint) };
    }
    if (Object.keys(pruned).length > 0) next[path] = pruned;
  }
  return next;
}

/** Entries of files that no longer exist: every recorded finding there is gone. */
export function missingFileEntries(data: SuppressionsData, exists: (path: string) => boolean): StaleSuppression[] {
  const stale: StaleSuppression[] = [];
  for (const [path, entries] of Object.entries(data)) {
    if (exists(path)) continue;
    for (const [rule, entry] of Object.entries(entries)) stale.push({ path, rule, recorded: entry.count, fixed: entry.count });
  }
  return stale;
}

function groupByRule<T extends SuppressibleFinding>(findings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const finding of findings) {
    const group = groups.get(finding.rule);
    if (group) group.push(finding);
    else groups.set(finding.rule, [finding]);
  }
  return groups;
}

function cloneEntries(entries: FileSuppressions): FileSuppressions {
  return Object.fromEntries(Object.entries(entries).map(([rule, entry]) => [
    rule,
    entry.fingerprints ? { count: entry.count, fingerprints: [...entry.fingerprints] } : { count: entry.count },
  ]));
}

function cloneData(data: SuppressionsData): SuppressionsData {
  return Object.fromEntries(Object.entries(data).map(([path, entries]) => [path, cloneEntries(entries)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
