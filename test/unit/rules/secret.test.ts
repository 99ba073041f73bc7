import assert from 'node:assert/strict';
import { secret } from '../../../server/src/rules/secret';
import { at, runRule, textAt } from '../helpers';
import { CREDENTIALS, NOT_CREDENTIALS } from './secret-samples';

// Assembled at run time so that this file does not itself trip secret scanners.
const AWS_KEY = ['AKIA', 'Z7Q2', 'M4WX', 'P9LT', 'K3VB'].join('');
const GITHUB_TOKEN = ['ghp', '_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join('');
const STRIPE_KEY = ['sk', '_live_', '51Hq8rT2eXaMpLq9Zx7Vb3Nm'].join('');
const GOOGLE_KEY = ['AIza', 'SyB7x9Qw2Er4Ty6Ui8Op0As1Df3Gh5Jk7Lz'].join('');
const SLACK_TOKEN = ['xoxb', '-2048639172', '-9157730265', '-Qw3Er5Ty7Ui9Op1As3Df5Gh7'].join('');
const JWT = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiJ1c3JfODg0MiIsInJvbGUiOiJhZG1pbiJ9',
  'Qm9kZXJsaW5lU2lnbmF0dXJlVmFsdWUxMjM0',
].join('.');
const PRIVATE_KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAr8Zk2n4JvQ7mXw9Lp0Yt3Hs6Uc1Bd5Fg8Kj2Nm4Qr7Tv0Wx3',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

function kinds(markdown: string): unknown[] {
  return runRule(secret, markdown).map((finding) => finding.data?.kind);
}

describe('secret', () => {
  it('reports provider tokens everywhere: prose, inline code and code blocks', () => {
    const text = [
      `The key ${AWS_KEY} is used in CI.`,
      '',
      `Set \`GITHUB_TOKEN=${GITHUB_TOKEN}\`.`,
      '',
      '```bash',
      `export STRIPE=${STRIPE_KEY}`,
      `curl "https://maps.example.com/?key=${GOOGLE_KEY}"`,
      `SLACK=${SLACK_TOKEN}`,
      `curl -H "Authorization: Bearer ${JWT}" https://api.example.com`,
      '```',
    ].join('\n');
    assert.deepEqual(kinds(text), ['aws-access-key', 'github-token', 'stripe-live-key', 'google-api-key', 'slack-token', 'jwt']);
    const first = runRule(secret, text)[0];
    assert.equal(at(first.range), `0:8-0:${8 + AWS_KEY.length}`);
  });

  it('never repeats the secret in the message or data', () => {
    const text = `Key: ${AWS_KEY}\n\npostgres://app:S3cr3tPassw0rd@db.internal:5432/orders\n`;
    for (const finding of runRule(secret, text)) {
      assert.ok(!finding.message.includes(AWS_KEY) && !finding.message.includes('S3cr3tPassw0rd'), finding.message);
      assert.ok(!JSON.stringify(finding.data).includes(AWS_KEY) && !JSON.stringify(finding.data).includes('S3cr3t'));
      assert.match(finding.message, /secret manager/);
    }
  });

  it('reports private key blocks with key material at the BEGIN line', () => {
    const text = `Deploy key:\n\n\`\`\`\n${PRIVATE_KEY}\n\`\`\`\n`;
    const findings = runRule(secret, text);
    assert.deepEqual(findings.map((f) => f.data), [{ kind: 'private-key' }]);
    assert.equal(textAt(text, findings[0].range), '-----BEGIN RSA PRIVATE KEY-----');
  });

  it('ignores private key headers without key material', () => {
    const text = '```\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```\n';
    assert.deepEqual(kinds(text), []);
  });

  it('reports the password of a connection string, not the whole URL', () => {
    const text = 'Use `postgres://app:S3cr3tPassw0rd@db.internal:5432/orders` for the replica.\n';
    const findings = runRule(secret, text);
    assert.deepEqual(findings.map((f) => f.data), [{ kind: 'url-credentials' }]);
    assert.equal(textAt(text, findings[0].range), 'S3cr3tPassw0rd');
  });

  it('reports password and API key assignments with real-looking values', () => {
    const text = [
      '```yaml',
      'db_password: Tr0ub4dor&3x',
      'api_key = "9f8e7d6c5b4a39281706f5e4"',
      '```',
      '',
      '```json',
      '{ "client_secret": "Zq8#Lm2!Rt7@Vx" }',
      '```',
    ].join('\n');
    const findings = runRule(secret, text);
    assert.deepEqual(findings.map((f) => textAt(text, f.range)), ['Tr0ub4dor&3x', '9f8e7d6c5b4a39281706f5e4', 'Zq8#Lm2!Rt7@Vx']);
    assert.ok(findings.every((f) => f.data?.kind === 'password-assignment'));
  });

  it('ignores placeholders, references, type names and documentation examples', () => {
    const text = [
      '```yaml',
      'password: ${DB_PASSWORD}',
      'password: <your-password>',
      'password: "changeme"',
      'password: "********"',
      'secret: xxxxxxxxxxxx',
      'api_key: EXAMPLE-KEY-123',
      'api_key: your-api-key-here',
      'password: String',
      'secretName: orders-db-credentials',
      'secret: orders-db-credentials',
      'password: "{{ .Values.dbPassword }}"',
      'password = os.environ["DB_PASSWORD"]',
      'token: abcdef.0123456789abcdef',
      '```',
      '',
      'The password: must be at least 12 characters. The secret: keep it safe.',
      '',
      'AWS documents the sample key AKIAIOSFODNN7EXAMPLE.',
      '',
      'Connect to postgres://user:password@localhost/db or https://user:${TOKEN}@host/x.',
      '',
      '[x]: https://example.com/secret:abc',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });

  it('ignores the well-known jwt.io sample token', () => {
    const sample = [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
      'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
      'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ].join('.');
    assert.deepEqual(kinds(`Header: \`Authorization: Bearer ${sample}\`\n`), []);
  });

  it('reports a token once even when it is also an assignment', () => {
    const text = `\`\`\`\naccess_token=${GITHUB_TOKEN}\n\`\`\`\n`;
    assert.deepEqual(kinds(text), ['github-token']);
  });

  it('reports every credential family: cloud, private keys, connection strings, registries, chat, auth headers, mail, payment, AI', () => {
    const missed = CREDENTIALS.filter((sample) => runRule(secret, `${sample.text}\n`).length === 0);
    assert.deepEqual(missed.map((sample) => `${sample.family}: ${sample.text.slice(0, 60)}`), []);
  });

  it('never reports placeholders, environment references, secret-manager paths or look-alikes', () => {
    const reported = NOT_CREDENTIALS.filter((text) => runRule(secret, `\`\`\`\n${text}\n\`\`\`\n`).length > 0 || runRule(secret, `${text}\n`).length > 0);
    assert.deepEqual(reported, []);
  });

  it('reports a private key inside a JSON key file at the BEGIN marker', () => {
    const sample = CREDENTIALS.find((s) => s.text.includes('service_account'))!;
    const findings = runRule(secret, sample.text);
    assert.deepEqual(findings.map((f) => f.data?.kind), ['private-key']);
    assert.equal(textAt(sample.text, findings[0].range), '-----BEGIN PRIVATE KEY-----');
  });

  it('reports aws_secret_access_key whatever the name around "secret"', () => {
    const sample = CREDENTIALS[0].text;
    assert.deepEqual(runRule(secret, sample).map((f) => f.data?.kind), ['aws-access-key', 'aws-secret-key']);
  });
});
