import { rangeFromOffsets } from '../model/text';
import type { SpecModel } from '../model/types';
import type { RawFinding, Rule } from './types';
import { matchesInFilteredLines, matchesOf } from './util';

interface Detector {
  kind: string;
  /** What the message calls it. */
  label: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret value; the whole match when absent. */
  valueGroup?: number;
  /** Further check on the value; the pattern alone decides when absent. */
  accept?: (value: string, text: string, end: number) => boolean;
  /**
   * For a pattern that never spans lines and is slow to try everywhere: something every match
   * contains, so that only lines containing it are searched.
   */
  lineFilter?: RegExp;
}

/**
 * Provider formats are specific enough to trust on sight; generic `password=` assignments and
 * URL credentials need `looksReal` to tell a real value from a placeholder.
 */
const DETECTORS: readonly Detector[] = [
  { kind: 'private-key', label: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g, accept: hasKeyBody },
  { kind: 'aws-access-key', label: 'AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, accept: notExample },
  { kind: 'github-token', label: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,})\b/g, accept: notExample },
  { kind: 'slack-token', label: 'Slack token', pattern: /\bxox[bpars]-\d+-[A-Za-z0-9-]{10,}/g, accept: notExample },
  { kind: 'stripe-live-key', label: 'Stripe live key', pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}\b/g, accept: notExample },
  { kind: 'google-api-key', label: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, accept: notExample },
  { kind: 'jwt', label: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g, accept: notSampleJwt },
  {
    kind: 'url-credentials',
    label: 'password in a connection string',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`<>]*:([^\s/@'"`<>]+)@[^\s/'"`<>]+/gi,
    valueGroup: 1,
    accept: looksReal,
    lineFilter: /:\/\//,
  },
  {
    kind: 'password-assignment',
    label: 'password or secret',
    // `password=...`, `"client_secret": "..."`, `DB_PASSWORD: ...`, `api-key = ...`.
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9_.-]*?(?:password|passwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key)["']?[ \t]*[:=][ \t]*(["']?)([^\s"'`,;<>]+)\1/gi,
    valueGroup: 2,
    accept: looksReal,
    lineFilter: /password|passwd|secret|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|private[_-]?key/i,
  },
];

export const secret: Rule = {
  id: 'secret',
  defaultSeverity: 'error',
  dimension: 'completeness',
  docs: {
    summary: 'Reports credentials written into the spec: cloud and API keys, tokens, private keys and passwords, in prose and code alike.',
    rationale:
      'A spec handed to a contractor is copied into tickets, chats and other companies\' systems. A credential in it ' +
      'is leaked the moment the spec leaves the team, and the contractor should get access through a secret manager ' +
      'with their own, revocable credentials anyway. Obvious placeholders (`<your-password>`, `${DB_PASSWORD}`, ' +
      '`****`, values containing "example") are not reported; the message never repeats the value.',
    bad: '```bash\nexport DATABASE_URL=postgres://app:S3cr3tPassw0rd@db.internal:5432/orders\n```',
    good: '```bash\n# Credentials come from Vault: ask #platform for access to secret/orders/db.\nexport DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/orders\n```',
    sources: ['OWASP Secrets Management Cheat Sheet', 'GitHub secret scanning token formats'],
  },
  check(model: SpecModel): RawFinding[] {
    const findings: RawFinding[] = [];
    const taken: Array<{ start: number; end: number }> = [];
    for (const detector of DETECTORS) {
      const matches = detector.lineFilter
        ? matchesInFilteredLines(detector.pattern, detector.lineFilter, model)
        : matchesOf(detector.pattern, model.text);
      for (const { match, start, end } of matches) {
        const value = detector.valueGroup === undefined ? match[0] : match[detector.valueGroup];
        if (detector.accept && !detector.accept(value, model.text, end)) continue;
        // A token already reported by a specific detector is not reported again as a generic assignment.
        if (taken.some((span) => span.start < end && start < span.end)) continue;
        taken.push({ start, end });
        const valueStart = start + match[0].lastIndexOf(value);
        findings.push({
          message: `Possible ${detector.label}: remove it from the spec and share credentials through a secret manager.`,
          range: rangeFromOffsets(model, valueStart, valueStart + value.length),
          data: { kind: detector.kind },
        });
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};

const PLACEHOLDER_WORDS = /example|sample|dummy|placeholder|redacted|your|change_?me|password|secret|xxx|\.\.\.|\*\*\*|todo|tbd|fake|test/i;

/** `${VAR}`, `$VAR`, `{{ var }}`, `%VAR%`, `<...>`, `[...]`, function calls and property paths are references, not values. */
const REFERENCE = /^[$%{[(<]|\$\{|\{\{|[()]|^[\w]+\.[\w.]+$|^(?:os|process|env|config|settings|self|this)\b/i;

/**
 * A value that could be a real credential: long enough, not a reference or a well-known
 * placeholder, not a type name (`password: String`) and not a single repeated character.
 */
function looksReal(value: string): boolean {
  if (value.length < 8 || REFERENCE.test(value) || PLACEHOLDER_WORDS.test(value)) return false;
  if (/^(.)\1+$/.test(value) || isSequence(value)) return false;
  // Letters only (`SecretString`, `DB_PASSWORD_FILE`) is a type or variable name; lower-case words
  // joined by dashes (`orders-db-credentials`) name a Kubernetes Secret or vault entry.
  if (/^[A-Za-z_]+$/.test(value) || /^[a-z]+(?:[-_.][a-z]+)*$/.test(value)) return false;
  return characterClasses(value) >= 2;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/** `abcdef0123456789`, `12345678`: documentation filler rather than a credential. */
function isSequence(value: string): boolean {
  return /0123|1234|abcd/i.test(value);
}

function notExample(value: string): boolean {
  return !/example|x{6,}|0{8,}/i.test(value);
}

/** The jwt.io sample token and similar tutorial tokens decode to well-known demo claims. */
function notSampleJwt(value: string): boolean {
  const payload = value.split('.')[1];
  try {
    const claims = Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    return !/John Doe|1234567890|example/i.test(claims);
  } catch {
    return true;
  }
}

/** A BEGIN line only counts when base64 key material follows (not `...` or a comment). */
function hasKeyBody(_value: string, text: string, end: number): boolean {
  const following = text.slice(end, end + 400).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const body = following.find((line) => !/^[\w-]+:/.test(line));
  return body !== undefined && /^[A-Za-z0-9+/=]{40,}$/.test(body);
}
