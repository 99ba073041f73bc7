/**
 * What a placeholder, a reference and a real credential look like, for the `secret` rule.
 *
 * A value written in a spec is one of three things:
 * - a reference to where the secret lives: an environment variable (`${DB_PASSWORD}`,
 *   `process.env.TOKEN`), a template expression (`{{ secrets.X }}`), a secret-manager path or
 *   ARN (`secret/finance/psp`, `arn:aws:secretsmanager:...`, `op://vault/item/field`);
 * - a placeholder: a hole to fill (`<your-key>`, `[token]`), masking (`****`, `sk_live_xxxx`),
 *   a marker word (example, dummy, sample, changeme, redacted...), or text with too little
 *   information to be a generated secret (one character repeated, a short unit repeated,
 *   `0123456789abcdef`);
 * - a value that could be real: everything else.
 */

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/** Words that mark a value as made up for the document. */
const MARKER = /example|sample|dummy|placeholder|redacted|your|my[-_]?(?:secret|token|key|pass)|change[-_]?(?:me|it)|replace|insert|fill[-_]?in|put[-_]|fake|mock|demo|not[-_]?(?:a[-_]?)?real|do[-_]?not[-_]?use|here\b|todo|tbd|xxx|\.\.\.|…/i;

/** A hole: `<describe>`, `[token]`, `{token}`, `(secret)`, `__TOKEN__`. */
const HOLE = /<[^<>]*>|\[[^\]]*\]|\{[^{}]*\}|\([^()]*\)|__[A-Za-z]+__/;

/** Masking: runs of x, *, •, #, or 0 as stand-ins for the real characters. */
const MASK_RUN = /[xX]{4,}|\*{3,}|•{3,}|#{4,}|0{6,}|X{3,}|\.{3,}/;

/** Sequences a person types when making up a value. */
const SEQUENCE = /0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef|qwer|asdf|zyxw|9876/i;

/**
 * References to where the secret lives. A value that starts with a sigil or a function call, a
 * template expression anywhere, a secret-manager scheme or ARN, or a path.
 */
const REFERENCE = new RegExp([
  /^[$%@&*!]/.source, // $VAR, ${VAR}, $(VAR), %VAR%, @VAR@, YAML anchors and aliases, !Ref
  /\$\{|\{\{|\}\}|\$\(|#\{/.source, // ${...}, {{ ... }}, $(...), #{...} anywhere
  /^(?:process\.env|os\.(?:environ|getenv)|System\.getenv|ENV\[|env\(|getenv|Deno\.env|import\.meta\.env)/.source,
  /^(?:env|secrets?|vars|config|settings|self|this|params|args|context|ctx|inputs|values)\b[.[:]/.source,
  /^[A-Za-z_][\w.]*\([^)]*\)?$/.source, // a function call: readSecret("db"), getPassword()
  /^(?:arn|vault|op|sm|ssm|awssm|gcpsm|gsm|azkv|keyvault|kv|sops|file|env|secret|secrets|k8s|kubernetes|doppler|infisical|bws|onepassword|1password|lastpass|bitwarden|akv|gcp|aws|azure)[+:]/.source,
  /^(?:ENC\[|vault:|AQICA)/.source, // SOPS-encrypted values, KMS ciphertext
  /secretsmanager|secretmanager|parameter[-_]?store|key[-_]?vault|\/secrets?\//.source,
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.source, // paths
].join('|'), 'i');

/** A path made of lower-case words: `secret/finance/psp-report-user`, `kv/orders/db`. */
const WORD_PATH = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_.][a-z0-9]+)*)+\/?(?:#[\w-]+)?$/;

/** True when the value names where a secret lives instead of containing it. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value) || WORD_PATH.test(value);
}

/** True when the value is made up for the document (see the module comment). */
export function isPlaceholder(value: string): boolean {
  if (MARKER.test(value) || HOLE.test(value) || MASK_RUN.test(value) || SEQUENCE.test(value)) return true;
  return lowInformation(value);
}

/** One character repeated, a short unit repeated, or few distinct characters for the length. */
function lowInformation(value: string): boolean {
  if (/^(.{1,4})\1{2,}$/s.test(value)) return true;
  const distinct = new Set(value).size;
  if (distinct <= 3) return true;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return value.length >= 8 && most / value.length > 0.5;
}

/**
 * The part of a provider token after its fixed prefix could be real: not a placeholder and
 * random enough for a generated token (at least 3 bits per character).
 */
export function tokenBodyLooksReal(body: string): boolean {
  return !isPlaceholder(body) && !isReference(body) && entropy(body) >= 3;
}

/**
 * A value assigned to a password, secret, token or key name could be real: not a reference or
 * placeholder, long enough, not a bare identifier or type name, not only digits, and random
 * enough (`minEntropy` bits per character).
 */
export function assignedValueLooksReal(value: string, minLength = 8, minEntropy = 3): boolean {
  if (value.length < minLength || isReference(value) || isPlaceholder(value)) return false;
  if (/^(?:true|false|null|nil|none|undefined|required|optional|string|secret|password|token)$/i.test(value)) return false;
  // Letters only (`SecretString`, `DB_PASSWORD_FILE`) is a type or variable name; lower-case words
  // joined by dashes or dots (`orders-db-credentials`) name a Kubernetes Secret or vault entry.
  if (/^[A-Za-z_]+$/.test(value) || /^[a-z]+(?:[-_.][a-z0-9]+)*$/.test(value) || /^[A-Z]+(?:_[A-Z0-9]+)+$/.test(value)) return false;
  if (/^\d+(?:\.\d+)?[a-z]{0,3}$/i.test(value)) return false; // numbers, durations, sizes
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || madeOfWords(value) || codeName(value)) return false;
  if (encodesMadeUpText(value)) return false;
  return characterClasses(value) >= 2 && entropy(value) >= minEntropy;
}

/**
 * Code naming a type or a variable, not a literal: a qualified name (`runtimev1alpha1.SecretKeySelector`,
 * `corev1::Secret`), or a name that opens a composite literal or a call (`SecretReference{`,
 * `NewSecret(`), as in `Secret: runtimev1alpha1.SecretKeySelector{` in Go example code. Its
 * segments are identifiers made of words: most of their characters are in runs of three letters or
 * more (`runtime`, `alpha`, `Selector`), with version digits between (`v1alpha1`); a generated
 * value breaks into one- and two-character pieces (`s.Xk9fLq2ZpR7sTb4w`).
 */
function codeName(value: string): boolean {
  const opened = /[{([<]$/.test(value);
  const name = value.replace(/(?:[{([<][)\]}>]?)$/, '');
  const segments = name.split(/\.|::|->/);
  if (!segments.every((segment) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) || (segments.length < 2 && !opened)) return false;
  const characters = segments.join('');
  const inWords = (characters.match(/[A-Z]{3,}(?![a-z])|[A-Z]?[a-z]{3,}|[A-Z][a-z]{2,}/g) ?? []).join('').length;
  return inWords >= characters.length * 0.75;
}

/**
 * A base64 value (a Kubernetes Secret's `data`) is judged by what it encodes: ordinary words
 * (`super secret password inside`, `orders-db-password`) or a placeholder (`changeme`,
 * `example-token`) were made up for the document; a generated credential decodes to random
 * characters or bytes. Longer encoded text (a key file, a configuration) is left to the value.
 */
function encodesMadeUpText(value: string): boolean {
  const text = decodedBase64Text(value)?.trim();
  if (text === undefined || text === '') return false;
  if (/\s/.test(text)) return sentenceOfWords(text);
  return text.length <= 64 && (/^[A-Za-z]+$/.test(text) || madeOfWords(text) || isPlaceholder(text));
}

/** Two or more words and nothing else: `super secret password inside`, `Hello world!`. */
function sentenceOfWords(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.every((word) => /^["'(]?[A-Za-z]+(?:['’-][A-Za-z]+)?[.,;:!?)"']*$/.test(word));
}

/**
 * The text a base64 value encodes, when it is base64 (standard or URL alphabet, padded to whole
 * quads when it carries padding) and encodes printable UTF-8 text; otherwise undefined.
 */
export function decodedBase64Text(value: string): string | undefined {
  if (value.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || (/=$/.test(value) && value.length % 4 !== 0)) return undefined;
  const text = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /^[\x20-\x7e\t\r\n\u00a0-\uffef]*$/.test(text) && !text.includes('\ufffd') ? text : undefined;
}

/**
 * A name, not a generated secret: segments separated by `.`, `/`, `:`, `_` or `-` that are
 * each a word (letters, camelCase included) or a short number, such as
 * `scheduler.alpha.kubernetes.io/preferAvoidPods`, `cargo:system-keychain`, `lib/Parse/Lexer.cpp`.
 */
function madeOfWords(value: string): boolean {
  const segments = value.split(/[./:_-]+/).filter(Boolean);
  return segments.length >= 2 && segments.every((segment) => /^[A-Za-z]+$/.test(segment) || /^\d{1,4}$/.test(segment) || /^[A-Za-z]+\d{1,2}$/.test(segment) && segment.length > 4);
}

/** The password part of `user:password` (Basic auth, curl -u) could be real. */
export function passwordLooksReal(password: string): boolean {
  if (password.length < 6 || isReference(password) || isPlaceholder(password)) return false;
  if (/^(?:pass(?:word)?|passwd|pwd|secret|test|token|admin|root|guest|user(?:name)?)\d{0,4}$/i.test(password)) return false;
  return characterClasses(password) >= 2 || entropy(password) >= 3;
}
