import { assignedValueLooksReal, decodedBase64Text, entropy, isPlaceholder, isReference, passwordLooksReal, tokenBodyLooksReal } from './secret-values';
import { itemAt } from '../util/indexed';

/** The credential families the rule covers (at least those of secretlint's and gitleaks' defaults). */
export type SecretFamily =
  | 'cloud' | 'private-key' | 'connection-string' | 'package-registry' | 'source-host' | 'chat'
  | 'auth-header' | 'mail' | 'payment' | 'ai' | 'saas' | 'generic';

export interface SecretFormat {
  kind: string;
  family: SecretFamily;
  /** What the message calls it. */
  label: string;
  pattern: RegExp;
  /** Index of the capture group holding the secret value; the whole match when absent. */
  valueGroup?: number;
  /**
   * Further check on the match; by default the value after the token's fixed prefix must look
   * random (`tokenBodyLooksReal`).
   */
  accept?: (match: RegExpExecArray, text: string, end: number) => boolean;
  /**
   * Something every match contains, so that only lines containing it are searched; for
   * patterns that never span lines.
   */
  lineFilter?: RegExp;
  /** The pattern can match across lines, so the whole text is searched. */
  multiLine?: boolean;
}

/** Accepts a token when the part after `prefixLength` characters of the value looks random. */
function body(prefix: RegExp): (match: RegExpExecArray) => boolean {
  return (match) => tokenBodyLooksReal(match[0].replace(prefix, ''));
}

/** Accepts when capture group `group` looks like a real assigned value. */
function assigned(group: number, minLength = 8, minEntropy = 3): (match: RegExpExecArray) => boolean {
  return (match) => assignedValueLooksReal(stripQuotes(match[group] ?? ''), minLength, minEntropy);
}

function stripQuotes(value: string): string {
  return value.replace(/^["'`]|["'`]$/g, '');
}

/** A token that ends at a word boundary that is not part of a longer token. */
const END = '(?![A-Za-z0-9_-])';
const START = '(?<![A-Za-z0-9_-])';

function token(kind: string, family: SecretFamily, label: string, source: string, prefix: RegExp, flags = 'g'): SecretFormat {
  return { kind, family, label, pattern: new RegExp(`${START}${source}${END}`, flags), accept: body(prefix) };
}

/**
 * Specific formats first: a value they report is not reported again by a generic detector.
 * Formats follow the providers' documented token shapes (as used by secretlint's recommended
 * preset and gitleaks' default configuration).
 */
export const SECRET_FORMATS: readonly SecretFormat[] = [
  // Private keys: PEM blocks, also JSON-escaped inside key files ("private_key": "-----BEGIN...\n...").
  {
    kind: 'private-key', family: 'private-key', label: 'private key',
    pattern: /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g, multiLine: true,
    accept: (_match, text, end) => hasKeyBody(text, end),
  },
  token('age-secret-key', 'private-key', 'age secret key', 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}', /^AGE-SECRET-KEY-1/),

  // Cloud providers.
  token('aws-access-key', 'cloud', 'AWS access key', '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}', /^.{4}/),
  {
    kind: 'aws-secret-key', family: 'cloud', label: 'AWS secret access key',
    pattern: /(?:aws)?[_.-]?secret[_.-]?(?:access)?[_.-]?key["']?\s*(?::|=>|=|:=)\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    valueGroup: 1, accept: (match) => tokenBodyLooksReal(itemAt(match, 1)), lineFilter: /secret/i,
  },
  {
    kind: 'aws-session-token', family: 'cloud', label: 'AWS session token',
    pattern: /(?:aws)?[_.-]?session[_.-]?token["']?\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{100,})/gi,
    valueGroup: 1, accept: (match) => tokenBodyLooksReal(itemAt(match, 1)), lineFilter: /session/i,
  },
  token('google-api-key', 'cloud', 'Google API key', 'AIza[0-9A-Za-z_-]{35}', /^AIza/),
  token('google-oauth-secret', 'cloud', 'Google OAuth client secret', 'GOCSPX-[A-Za-z0-9_-]{28}', /^GOCSPX-/),
  token('gcs-hmac-key', 'cloud', 'Google Cloud Storage HMAC key', 'GOOG1[A-Z0-9]{59}', /^GOOG1/),
  {
    kind: 'azure-storage-key', family: 'connection-string', label: 'Azure storage account key',
    pattern: /\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([A-Za-z0-9+/%]{20,}={0,2})/g,
    valueGroup: 1, accept: (match) => tokenBodyLooksReal(itemAt(match, 1)), lineFilter: /AccountKey=|SharedAccess|sig=/,
  },
  {
    kind: 'azure-client-secret', family: 'cloud', label: 'Azure AD client secret',
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    accept: (match) => tokenBodyLooksReal(match[0]), lineFilter: /Q~/,
  },
  token('alibaba-access-key', 'cloud', 'Alibaba Cloud access key', 'LTAI[A-Za-z0-9]{20}', /^LTAI/),
  token('digitalocean-token', 'cloud', 'DigitalOcean token', 'do[opr]_v1_[a-f0-9]{64}', /^do._v1_/),
  {
    kind: 'heroku-api-key', family: 'cloud', label: 'Heroku API key',
    pattern: /\b(?:HRKU-AA[0-9a-zA-Z_-]{58}|heroku[\w.-]{0,20}["']?\s*[:=]\s*["']?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi,
    accept: (match) => tokenBodyLooksReal(match[0].replace(/^.*?[:=]\s*["']?|^HRKU-AA/i, '')), lineFilter: /heroku|HRKU-/i,
  },
  token('vault-token', 'cloud', 'HashiCorp Vault token', 'hv[sbr]\\.[A-Za-z0-9_-]{90,300}', /^hv.\./),
  token('databricks-token', 'cloud', 'Databricks token', 'dapi[a-f0-9]{32}(?:-\\d)?', /^dapi/),
  token('doppler-token', 'cloud', 'Doppler token', 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}', /^dp\.\w+\./),
  token('onepassword-token', 'cloud', '1Password service account token', 'ops_eyJ[A-Za-z0-9+/]{100,}={0,3}', /^ops_/),
  token('grafana-token', 'saas', 'Grafana token', '(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})', /^gl(?:c|sa)_/),

  // Source hosts and package registries.
  token('github-token', 'source-host', 'GitHub token', '(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,})', /^gh._|^github_pat_/),
  token('gitlab-token', 'source-host', 'GitLab token', '(?:glpat|gldt|glptt|glrt|glcbt|glimt|glagent|gloas)-[A-Za-z0-9_-]{20,}', /^[a-z]+-/),
  token('bitbucket-token', 'source-host', 'Bitbucket app password', 'ATBB[A-Za-z0-9_=.-]{28,}', /^ATBB/),
  token('atlassian-token', 'saas', 'Atlassian API token', 'ATATT3[A-Za-z0-9_=-]{180,}', /^ATATT3/),
  token('npm-token', 'package-registry', 'npm access token', 'npm_[A-Za-z0-9]{36}', /^npm_/),
  {
    kind: 'npm-auth-token', family: 'package-registry', label: 'npm auth token',
    pattern: /(?:(?<=^|[:\s])(?:_authToken|_auth|_password)\s*=|(?<![\w-])npmAuthToken["']?\s*:)\s*["']?([^\s"']+)/gm,
    valueGroup: 1, accept: assigned(1), lineFilter: /(?:^|[:\s])_(?:authToken|auth|password)\s*=|npmAuthToken/m,
  },
  token('pypi-token', 'package-registry', 'PyPI token', 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}', /^pypi-AgEIcHlwaS5vcmc/),
  token('rubygems-token', 'package-registry', 'RubyGems API key', 'rubygems_[a-f0-9]{48}', /^rubygems_/),
  token('nuget-key', 'package-registry', 'NuGet API key', 'oy2[a-z0-9]{43}', /^oy2/),
  token('cratesio-token', 'package-registry', 'crates.io token', 'cio[A-Za-z0-9]{32}', /^cio/),
  token('artifactory-token', 'package-registry', 'Artifactory token', '(?:AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59})', /^AKCp|^cmVmd/),
  token('docker-token', 'package-registry', 'Docker Hub token', 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}', /^dckr_...?_/),
  token('clojars-token', 'package-registry', 'Clojars token', 'CLOJARS_[a-z0-9]{60}', /^CLOJARS_/),

  // Chat webhooks and bot tokens.
  { kind: 'slack-token', family: 'chat', label: 'Slack token', pattern: /\bxox[baprseo]-(?:\d+-)?[A-Za-z0-9-]{10,}/g, accept: body(/^xox.-/) },
  token('slack-app-token', 'chat', 'Slack app token', 'xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+', /^xapp-/),
  {
    kind: 'chat-webhook', family: 'chat', label: 'chat webhook URL',
    pattern: /https:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{20,}|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,}|[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/._-]{40,}|[a-z0-9-]+\.logic\.azure\.com[^\s"'`)]*sig=[A-Za-z0-9%_-]{20,}|chat\.googleapis\.com\/v1\/spaces\/[^\s"'`)]*(?:key|token)=[A-Za-z0-9%_-]{20,}|[a-z0-9.-]+\/hooks\/[a-z0-9]{26}(?![a-z0-9]))/g,
    accept: (match) => tokenBodyLooksReal(match[0].replace(/^.*\/|^.*[=]/, '')),
  },
  token('telegram-bot-token', 'chat', 'Telegram bot token', '\\d{8,10}:AA[A-Za-z0-9_-]{33}', /^\d+:AA/),
  {
    kind: 'discord-bot-token', family: 'chat', label: 'Discord bot token',
    pattern: /(?<![A-Za-z0-9_-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/g,
    accept: (match) => tokenBodyLooksReal(match[0]),
  },

  // Mail providers.
  token('sendgrid-key', 'mail', 'SendGrid API key', 'SG\\.[A-Za-z0-9_-]{20,24}\\.[A-Za-z0-9_-]{39,50}', /^SG\./),
  token('mailgun-key', 'mail', 'Mailgun API key', '(?:key|pubkey)-[a-f0-9]{32}', /^(?:pub)?key-/),
  { ...token('mailchimp-key', 'mail', 'Mailchimp API key', '[a-f0-9]{32}-us\\d{1,2}', /-us\d+$/), lineFilter: /-us\d/ },
  token('brevo-key', 'mail', 'Brevo (Sendinblue) API key', 'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}', /^xkeysib-/),
  token('postmark-token', 'mail', 'Postmark server token', '(?:postmark[\\w.-]{0,20}["\']?\\s*[:=]\\s*["\']?)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', /^.*?[:=]\s*["']?/, 'gi'),
  token('mailjet-key', 'mail', 'Mailjet key', '(?:mailjet|mj)[\\w.-]{0,20}["\']?\\s*[:=]\\s*["\']?[a-f0-9]{32}', /^.*?[:=]\s*["']?/, 'gi'),

  // Payment providers.
  {
    kind: 'stripe-live-key', family: 'payment', label: 'Stripe live key',
    pattern: new RegExp(`${START}(?:sk|rk)_live_[0-9A-Za-z]{16,}${END}`, 'g'), accept: body(/^.._live_/),
  },
  token('stripe-test-key', 'payment', 'Stripe test key', '(?:sk|rk)_test_[0-9A-Za-z]{16,}', /^.._test_/),
  token('stripe-webhook-secret', 'payment', 'Stripe webhook signing secret', 'whsec_[A-Za-z0-9]{32,}', /^whsec_/),
  token('square-token', 'payment', 'Square token', '(?:sq0(?:atp|csp|idp)-[A-Za-z0-9_-]{22,43}|EAAA[A-Za-z0-9_+=-]{60})', /^sq0...-|^EAAA/),
  token('braintree-token', 'payment', 'Braintree/PayPal access token', 'access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}', /^access_token\$\w+\$/),
  token('razorpay-key', 'payment', 'Razorpay key', 'rzp_(?:live|test)_[A-Za-z0-9]{14,}', /^rzp_\w+?_/),
  token('flutterwave-key', 'payment', 'Flutterwave key', 'FLWSECK(?:_TEST)?-[a-h0-9]{12,32}(?:-X)?', /^FLWSECK(?:_TEST)?-/),
  token('adyen-key', 'payment', 'Adyen API key', 'AQE[A-Za-z0-9+/=_-]{80,}', /^AQE/),
  token('plaid-token', 'payment', 'Plaid access token', 'access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', /^access-\w+-/),
  token('shopify-token', 'payment', 'Shopify token', 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', /^shp.._/),
  token('twilio-key', 'saas', 'Twilio API key', 'SK[0-9a-fA-F]{32}', /^SK/),

  // AI providers.
  token('anthropic-key', 'ai', 'Anthropic API key', 'sk-ant-(?:api|admin|oat|sid)\\d{2}-[A-Za-z0-9_-]{80,}', /^sk-ant-\w+-/),
  token('openai-key', 'ai', 'OpenAI API key', 'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}', /^sk-(?:\w+-)?/),
  token('huggingface-token', 'ai', 'Hugging Face token', '(?:hf_[A-Za-z0-9]{34}|api_org_[A-Za-z0-9]{34})', /^hf_|^api_org_/),
  token('groq-key', 'ai', 'Groq API key', 'gsk_[A-Za-z0-9]{52}', /^gsk_/),
  token('replicate-token', 'ai', 'Replicate token', 'r8_[A-Za-z0-9]{37}', /^r8_/),
  token('perplexity-key', 'ai', 'Perplexity API key', 'pplx-[A-Za-z0-9]{40,}', /^pplx-/),
  token('xai-key', 'ai', 'xAI API key', 'xai-[A-Za-z0-9]{70,}', /^xai-/),
  token('openrouter-key', 'ai', 'OpenRouter API key', 'sk-or-v1-[a-f0-9]{64}', /^sk-or-v1-/),
  // Other "sk-" keys (DeepSeek, Moonshot, legacy OpenAI...): long and random after the prefix.
  token('ai-secret-key', 'ai', 'AI provider secret key', 'sk-[A-Za-z0-9]{32,}', /^sk-/),

  // Other SaaS tokens.
  token('linear-key', 'saas', 'Linear API key', 'lin_(?:api|oauth)_[A-Za-z0-9]{32,128}', /^lin_\w+?_/),
  token('notion-token', 'saas', 'Notion token', '(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})', /^ntn_|^secret_/),
  token('postman-key', 'saas', 'Postman API key', 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', /^PMAK-/),
  token('figma-token', 'saas', 'Figma token', 'figd_[A-Za-z0-9_-]{40,200}', /^figd_/),
  token('vercel-token', 'saas', 'Vercel token', 'vc[pikar]_[A-Za-z0-9]{20,60}', /^vc._/),
  token('dynatrace-token', 'saas', 'Dynatrace token', 'dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}', /^dt0c01\./),
  token('newrelic-key', 'saas', 'New Relic key', 'NR(?:AK|AA|II|JS)-[A-Za-z0-9]{19,32}', /^NR..-/),
  token('sentry-token', 'saas', 'Sentry token', 'sntr[ysu]_[A-Za-z0-9+/=_-]{40,}', /^sntr._/),
  {
    kind: 'jwt', family: 'auth-header', label: 'JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g, accept: (match) => notSampleJwt(match[0]),
  },

  // Credentials in URLs, connection strings and authentication headers.
  {
    kind: 'url-credentials', family: 'connection-string', label: 'password in a connection string',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`<>]*:([^\s/@'"`<>]+)@[^\s/'"`<>]+/gi,
    valueGroup: 1, accept: (match) => passwordLooksReal(decodeSafely(itemAt(match, 1))), lineFilter: /:\/\/[^\s/@]*:[^\s/@]+@/,
  },
  {
    kind: 'connection-string-password', family: 'connection-string', label: 'password in a connection string',
    pattern: /(?:^|[;"'\s])(?:Password|Pwd|AccountKey)\s*=\s*(?!\s)("[^"]*"|'[^']*'|[^;"'\s]+)/gi,
    valueGroup: 1,
    accept: (match, text, end) => passwordLooksReal(stripQuotes(itemAt(match, 1))) && connectionStringLine(text, end),
    lineFilter: /(?:password|pwd|accountkey)\s*=/i,
  },
  {
    kind: 'basic-auth', family: 'auth-header', label: 'Basic authentication credentials',
    pattern: /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g,
    valueGroup: 1, accept: (match) => basicCredentialsLookReal(itemAt(match, 1)), lineFilter: /Basic\s/,
  },
  {
    kind: 'bearer-token', family: 'auth-header', label: 'bearer token',
    pattern: /\b(?:Bearer|Token|token|Bot|SSWS|GenieKey|Splunk|ApiKey|Api-Key)\s+([A-Za-z0-9._~+/=-]{16,})(?![A-Za-z0-9._~+/=-])/g,
    valueGroup: 1,
    // A JSON Web Token is judged by the `jwt` format (which knows the tutorial samples).
    accept: (match, text, end) => !/^eyJ[^.]*\.eyJ/.test(itemAt(match, 1)) && authorizationContext(text, end - match[0].length) && tokenBodyLooksReal(itemAt(match, 1)),
  },
  {
    kind: 'curl-credentials', family: 'auth-header', label: 'password passed to curl',
    pattern: /(?:^|\s)(?:-u|--user)[ =]["']?([^\s:"']+):([^\s"']+)/g,
    valueGroup: 2, accept: (match) => passwordLooksReal(stripQuotes(itemAt(match, 2))), lineFilter: /-u |--user/,
  },

  // Generic: a name that says password, secret, token or key, given a value that could be real.
  {
    kind: 'password-assignment', family: 'generic', label: 'password or secret',
    // Found by its keyword first (fast on long documents); the whole name is read backwards from there.
    pattern: /(?:passw(?:or)?d|passphrase|passwd|pwd|secret|token|credentials?|creds|key)([A-Za-z0-9_.-]{0,30}?)["']?[ \t]*(?::=|=>|[:=])[ \t]*(["'`]?)([^\s"'`,;<>]+)\2/gi,
    valueGroup: 3, multiLine: true,
    accept: (match, text, end) => {
      const start = end - match[0].length;
      const before = nameEndingAt(text, start);
      const name = before + match[0].slice(0, match[0].search(/["'`]?[ \t]*(?::=|=>|[:=])/));
      const value = itemAt(match, 3).replace(/[).,:;!?]+$/, '');
      const weakName = /token$|key$/i.test(name) && !/secret|passw|pwd/i.test(name);
      return secretName(name) && !insideUrl(text, start - before.length) && assignedValueLooksReal(value, 8, weakName ? 3.3 : 3);
    },
  },
];

/**
 * Names that contain a secret word but hold no secret: identifiers and metadata of a secret
 * (`secret_name`, `key_id`, `token_url`), data keys (`idempotency_key`, `partition_key`), and
 * tokens that are not credentials (`next_page_token`, `csrf_token`, `device_token`).
 */
const NOT_A_SECRET_NAME = new RegExp([
  /(?:^|[_.-]|[a-z](?=[A-Z]))(?:id|ids|name|names|type|types|url|uri|urls|endpoint|file|path|length|size|header|field|count|ttl|expiry|expires|expiration|version|format|policy|provider|rotation|ref|arn|env|var|hint|mode|scope|scopes|prefix|label|kind|store|manager|source|location|usage|limit|min|max|enabled|required|regex|pattern|hash|algorithm|alg)$/.source,
  /(?:public|publishable|page|next|continuation|cursor|sync|resume|device|push|registration|csrf|xsrf|idempotency|idempotent|partition|sort|routing|dedup\w*|object|lookup|hash|range|message|primary|foreign|natural|unique|composite|sharding|shard|row|group|cache|bucket|s3|sse|foreign|api[_-]?version|monkey|turkey|hotkey|keyboard|keystroke|keyword|keyframe|keyspace|keychain|tokeni[sz]|max[_-]?tokens?|tokens?[_-]?(?:count|limit|bucket|budget|usage)|tokeniz)/.source,
].join('|'), 'i');

function secretName(name: string): boolean {
  return !NOT_A_SECRET_NAME.test(name);
}

/** The identifier characters right before `offset` (the start of a name whose keyword is at `offset`). */
function nameEndingAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && offset - start < 50 && /[A-Za-z0-9_.-]/.test(text.charAt(start - 1))) start--;
  return text.slice(start, offset);
}

/** A `name=value` inside a URL's query string is a parameter of that link, not a configured secret. */
function insideUrl(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const word = text.slice(lineStart, start).split(/[\s(<"'`[]/).pop() ?? '';
  return /:\/\/|^www\./.test(word);
}

/** `Server=...;User ID=...;Password=...;`: an ADO.NET, ODBC or JDBC connection string. */
function connectionStringLine(text: string, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  return /;/.test(line) && /\b(?:Server|Data Source|Host|Address|Addr|User ID|UID|User|Username|Database|Initial Catalog|Driver|Provider|Endpoint|AccountName|DefaultEndpointsProtocol)\s*=/i.test(line);
}

/** `Authorization: Bearer ...`, `-H "Authorization: token ..."`, `"Authorization": "Bot ..."`. */
function authorizationContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', start - 1) + 1), start);
  return /(?:authori[sz]ation|auth|x-[\w-]*(?:token|key)|api[-_]?key|token)["']?\s*[:=]?\s*["']?$/i.test(before) || /\bBearer\s*$/.test(before) || /^\s*$/.test(before);
}

/** `Basic dXNlcjpwYXNz`: decodes to `user:password`, and the password could be real. */
function basicCredentialsLookReal(encoded: string): boolean {
  const decoded = decodedBase64Text(encoded);
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon <= 0 || /[^\x20-\x7e]/.test(decoded)) return false;
  return passwordLooksReal(decoded.slice(colon + 1)) && !isPlaceholder(decoded.slice(0, colon));
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The jwt.io sample token and similar tutorial tokens decode to well-known demo claims. */
function notSampleJwt(value: string): boolean {
  const payload = value.split('.')[1];
  const claims = payload === undefined ? undefined : decodedBase64Text(payload);
  return claims === undefined || !/John Doe|1234567890|example/i.test(claims);
}

/**
 * A BEGIN line only counts when base64 key material follows (not `...` or a comment), on the
 * next lines or, in a JSON key file, after an escaped line break on the same line.
 */
function hasKeyBody(text: string, end: number): boolean {
  const following = text.slice(end, end + 600).replace(/\\r\\n|\\n|\\r/g, '\n');
  const lines = following.split(/\r?\n/).map((line) => line.trim().replace(/^["']|\\?["',]+$/g, '')).filter(Boolean);
  const bodyLine = lines.find((line) => !/^[\w-]+:/.test(line));
  return bodyLine !== undefined && /^[A-Za-z0-9+/=]{40,}$/.test(bodyLine) && !isPlaceholder(bodyLine) && entropy(bodyLine) >= 4;
}

export { isReference };
