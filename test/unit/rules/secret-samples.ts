/**
 * Credentials in each family the `secret` rule covers, and placeholders, references and
 * look-alikes it must leave alone. Every credential is generated at run time from a seeded
 * generator, so this file holds no real-looking secret for scanners to trip on and the samples
 * are the same on every run.
 */

function generator(seed: number): (length: number, alphabet: string) => string {
  let state = seed >>> 0;
  return (length, alphabet) => {
    let out = '';
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out += alphabet[(state >>> 8) % alphabet.length];
    }
    return out;
  };
}

const random = generator(20260512);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const an = (n: number) => random(n, ALNUM);
const hex = (n: number) => random(n, HEX);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const password = () => `${random(4, UPPER)}${random(3, DIGITS)}!${random(5, LOWER)}#${random(2, DIGITS)}`;
const p = (...parts: string[]) => parts.join('');

export interface SecretSample {
  family: string;
  text: string;
}

/** One or more credentials per family, as they appear in specs (prose, config, code). */
export const CREDENTIALS: readonly SecretSample[] = [
  { family: 'cloud', text: p('```ini\n[default]\naws_access_key_id = ', 'AKIA', random(16, UPPER + '234567'), '\naws_secret_access_key = ', random(40, B64), '\n```') },
  { family: 'cloud', text: p('export AWS_SECRET_ACCESS_KEY="', random(40, B64), '"') },
  { family: 'cloud', text: p('Maps use `', 'AIza', random(35, ALNUM + '_-'), '`.') },
  { family: 'cloud', text: p('AZURE_CLIENT_SECRET=', an(3), '8Q~', random(34, ALNUM + '_~.-')) },
  { family: 'cloud', text: p('DO_TOKEN=', 'dop_v1_', hex(64)) },
  { family: 'cloud', text: p('HashiCorp: `VAULT_TOKEN=', 'hvs.', random(95, ALNUM + '_-'), '`') },
  { family: 'private-key', text: p('```\n-----BEGIN OPENSSH PRIVATE KEY-----\n', random(70, B64), '\n', random(70, B64), '\n-----END OPENSSH PRIVATE KEY-----\n```') },
  {
    family: 'private-key',
    text: p('```json\n{\n  "type": "service_account",\n  "project_id": "acme-prod",\n  "private_key_id": "', hex(40), '",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n', random(64, B64), '\\n', random(64, B64), '\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "orders@acme-prod.iam.gserviceaccount.com"\n}\n```'),
  },
  { family: 'connection-string', text: p('AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=', random(86, B64), '==;EndpointSuffix=core.windows.net') },
  { family: 'connection-string', text: p('`mongodb+srv://orders:', an(16), '@cluster0.ab12c.mongodb.net/orders`') },
  { family: 'connection-string', text: p('Server=tcp:acme.database.windows.net,1433;Database=orders;User ID=app;Password=', password(), ';Encrypt=True;') },
  { family: 'connection-string', text: p('REDIS_URL=redis://:', an(20), '@cache.internal:6379/0') },
  { family: 'package-registry', text: p('```\n//registry.npmjs.org/:_authToken=', 'npm_', an(36), '\n```') },
  { family: 'package-registry', text: p('```\n//npm.pkg.internal/:_authToken=', uuid(), '\n```') },
  { family: 'package-registry', text: p('TWINE_PASSWORD=', 'pypi-AgEIcHlwaS5vcmc', random(70, ALNUM + '_-')) },
  { family: 'package-registry', text: p('Publish with `', 'oy2', random(43, LOWER + DIGITS), '`.') },
  { family: 'package-registry', text: p('GEM_HOST_API_KEY: ', 'rubygems_', hex(48)) },
  { family: 'package-registry', text: p('Docker login: `', 'dckr_pat_', random(27, ALNUM + '_-'), '`') },
  { family: 'source-host', text: p('GH_TOKEN=', 'ghp_', an(36)) },
  { family: 'source-host', text: p('GITLAB_TOKEN: ', 'glpat-', random(20, ALNUM + '_-')) },
  { family: 'chat', text: p('Alerts go to https://hooks.slack.com/services/T', random(8, UPPER + DIGITS), '/B', random(10, UPPER + DIGITS), '/', an(24)) },
  { family: 'chat', text: p('Discord: https://discord.com/api/webhooks/', random(18, DIGITS), '/', random(68, ALNUM + '_-')) },
  { family: 'chat', text: p('Teams: https://acme.webhook.office.com/webhookb2/', uuid(), '@', uuid(), '/IncomingWebhook/', hex(32), '/', uuid()) },
  { family: 'chat', text: p('BOT_TOKEN=', random(10, DIGITS), ':AA', random(33, ALNUM + '_-')) },
  { family: 'chat', text: p('SLACK_BOT_TOKEN=', 'xoxb-', random(12, DIGITS), '-', random(13, DIGITS), '-', an(24)) },
  { family: 'auth-header', text: p('```http\nGET /v1/orders HTTP/1.1\nAuthorization: Bearer ', random(40, ALNUM + '-._'), '\n```') },
  { family: 'auth-header', text: p('```bash\ncurl -H "Authorization: Basic ', Buffer.from(`deploy:${password()}`).toString('base64'), '" https://ci.internal/api\n```') },
  { family: 'auth-header', text: p('```bash\ncurl -u admin:', password(), ' https://jenkins.internal/job/build\n```') },
  { family: 'auth-header', text: p('Send `X-API-Key: ', an(32), '` with every request.') },
  { family: 'mail', text: p('SENDGRID_API_KEY=', 'SG.', random(22, ALNUM + '_-'), '.', random(43, ALNUM + '_-')) },
  { family: 'mail', text: p('Mailgun: `', 'key-', hex(32), '`') },
  { family: 'mail', text: p('MAILCHIMP_KEY=', hex(32), '-us14') },
  { family: 'mail', text: p('POSTMARK_SERVER_TOKEN: "', uuid(), '"') },
  { family: 'payment', text: p('STRIPE_SECRET_KEY=', 'sk_live_', an(24)) },
  { family: 'payment', text: p('Test mode: `', 'sk_test_', an(24), '`') },
  { family: 'payment', text: p('Webhook signing secret: ', 'whsec_', an(32)) },
  { family: 'payment', text: p('SQUARE_TOKEN=', 'sq0atp-', random(22, ALNUM + '_-')) },
  { family: 'payment', text: p('RAZORPAY_KEY_SECRET=', an(24)) },
  { family: 'ai', text: p('OPENAI_API_KEY=', 'sk-proj-', random(120, ALNUM + '_-')) },
  { family: 'ai', text: p('ANTHROPIC_API_KEY=', 'sk-ant-api03-', random(93, ALNUM + '_-'), 'AA') },
  { family: 'ai', text: p('HF_TOKEN=', 'hf_', an(34)) },
  { family: 'ai', text: p('GROQ_API_KEY=', 'gsk_', an(52)) },
  { family: 'ai', text: p('MISTRAL_API_KEY: ', an(32)) },
  { family: 'generic', text: p('```yaml\nhec:\n  url: "https://http-inputs-acme.splunkcloud.com:443"\n  token: "', uuid(), '"\n```') },
  { family: 'generic', text: p('```yaml\ndatabase:\n  password: "', password(), '"\n```') },
  // A Kubernetes Secret's data is base64: what it encodes is a generated password.
  { family: 'generic', text: p('```yaml\nkind: Secret\ndata:\n  password: ', Buffer.from(password()).toString('base64'), '\n```') },
];

/** Placeholders, references, secret-manager paths and look-alikes: never a finding. */
export const NOT_CREDENTIALS: readonly string[] = [
  // Documentation examples and masked values.
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  p('STRIPE_SECRET_KEY=sk_live_', 'x'.repeat(24)),
  p('GH_TOKEN=ghp_', 'X'.repeat(36)),
  p('OPENAI_API_KEY=sk-proj-', '*'.repeat(40)),
  p('SLACK_WEBHOOK=https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/', 'X'.repeat(24)),
  'api_key: <your-api-key>',
  'api_key: [API key from the dashboard]',
  'token: "{token}"',
  'password: "********"',
  'password: •••••••••',
  'secret: REDACTED',
  'password: changeme',
  'password: not-a-real-password',
  'client_secret: dummy-client-secret-value',
  'api_key: sample_key_0000',
  'token: aaaaaaaaaaaaaaaaaaaaaaaa',
  'secret: 1234567890abcdef',
  'password: abcabcabcabc',
  'api_key: 0000000000000000000000000000',
  'Authorization: Bearer <token>',
  'Authorization: Bearer YOUR_ACCESS_TOKEN',
  'Authorization: Basic <base64(user:password)>',
  p('Authorization: Basic ', Buffer.from('user:password').toString('base64')),
  'curl -u admin:admin https://localhost:8080',
  'curl -u "$USER:$TOKEN" https://ci.internal',
  'Connect to postgres://user:password@localhost/db.',
  'mongodb://admin:<password>@cluster0.example.net/test',
  // Environment and template references.
  'password: ${DB_PASSWORD}',
  'password: $DB_PASSWORD',
  'password: %DB_PASSWORD%',
  'password: "{{ .Values.db.password }}"',
  'token: ${{ secrets.NPM_TOKEN }}',
  'api_key = process.env.STRIPE_SECRET_KEY',
  'api_key = os.environ["OPENAI_API_KEY"]',
  'secret: !Ref DbPasswordParameter',
  'Authorization: Bearer ${ACCESS_TOKEN}',
  '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
  'password: $(DB_PASSWORD)',
  // Secret-manager paths and ARNs.
  'password: vault:secret/data/orders#db_password',
  'db_password: arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-AbC123',
  'secret: projects/acme-prod/secrets/orders-db-password/versions/latest',
  'api_key: op://Engineering/stripe/credential',
  'password: secret/finance/psp-report-user',
  'password: "@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/db/)"',
  'password: "{{resolve:secretsmanager:prod/orders/db:SecretString:password}}"',
  'password_file: /run/secrets/db_password',
  'secretName: orders-db-credentials',
  // Look-alikes that are not credentials.
  'idempotency_key: 5f2c1a9e-7b3d-4c8e-9a1f-2d3e4f5a6b7c',
  'next_page_token: eyJvZmZzZXQiOjIwfQ',
  'token_type: Bearer',
  'max_tokens: 4096',
  'key_id: 7d3c1f0e-4b2a-4c9d-8e7f-6a5b4c3d2e1f',
  'public_key: pk_live_51HqLyjWDarjtT1zdp7dc',
  'A charge id looks like `ch_3MmlLrLkdIwHu7ix0snN0B15`.',
  'Fixed in commit 9fceb02d0ae598e95dc970b74767f19372d61af8.',
  'sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
  'Send a bearer token in the Authorization header; tokens expire after 15 minutes.',
  'The password: must be at least 12 characters.',
  'request_id: 0f8e2b3c-5d6a-4e7f-9a0b-1c2d3e4f5a6b',
  'cache_key: orders:v2:tenant-42',
  // Type names in code and base64 of made-up text.
  'Secret: runtimev1alpha1.SecretKeySelector{',
  'SecretReference: runtimev1alpha1.SecretReference{',
  'token := oauth2.StaticTokenSource(',
  p('credentials: ', Buffer.from('super secret password inside\n').toString('base64')),
  p('password: ', Buffer.from('changeme').toString('base64')),
];
