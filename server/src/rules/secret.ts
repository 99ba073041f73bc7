import { lastStartAtOrBefore, lineEndOffset, positionAt, rangeFromOffsets } from '../model/text';
import type { SpecModel } from '../model/types';
import { SECRET_FORMATS } from './secret-formats';
import type { RawFinding, Rule } from './types';
import { matchesInFilteredLines, matchesOf } from './util';

export const secret: Rule<SecretData> = {
  id: 'secret',
  defaultSeverity: 'error',
  dimension: 'selfContained',
  scoreRole: 'credential',
  docs: {
    description: 'Credentials, tokens or private keys pasted into the spec.',
    summary: 'Reports credentials written into the spec: cloud and API keys, tokens, private keys and passwords, in prose and code alike.',
    rationale:
      'A spec handed to a contractor is copied into tickets, chats and other companies\' systems. A credential in it ' +
      'is leaked the moment the spec leaves the team, and the contractor should get access through a secret manager ' +
      'with their own, revocable credentials anyway. Covered, at least the families of secretlint\'s recommended preset ' +
      'and gitleaks\' default rules: cloud keys and secrets (AWS access and secret keys, Google, Azure, Alibaba, ' +
      'DigitalOcean, Heroku, Vault, Databricks), private keys (PEM blocks, also inside JSON key files), connection ' +
      'strings (URL passwords, `Password=` in ADO.NET/ODBC strings, Azure storage account keys and SAS signatures), ' +
      'package-registry tokens (npm, PyPI, RubyGems, NuGet, crates.io, Artifactory, Docker Hub) and source hosts ' +
      '(GitHub, GitLab, Bitbucket), chat webhooks and bot tokens (Slack, Discord, Teams, Google Chat, Telegram), ' +
      'bearer and basic `Authorization` headers and `curl -u`, mail (SendGrid, Mailgun, Mailchimp, Brevo, Postmark) ' +
      'and payment keys (Stripe, Square, Braintree, Razorpay, Adyen, Plaid, Shopify), AI provider keys (OpenAI, ' +
      'Anthropic, Hugging Face, Groq, Replicate, Perplexity, xAI, other `sk-` keys), JSON Web Tokens, and any value ' +
      'assigned to a password, secret, token or key name. Not reported: placeholders (holes such as `<your-key>` or ' +
      '`[token]`, masking such as `****` or `sk_live_xxxx`, marker words such as example, dummy, changeme, redacted, ' +
      'and values with too little randomness for a generated secret: repeated characters, `1234`/`abcd` runs, names ' +
      'made of words, type names and qualified names in code such as `Secret: runtimev1alpha1.SecretKeySelector{`, and ' +
      'base64 values that encode ordinary words or a placeholder, such as a Kubernetes Secret\'s example `data`), references (`${DB_PASSWORD}`, `process.env.X`, `{{ secrets.X }}`, `!Ref`), and secret-manager ' +
      'paths and ARNs (`secret/orders/db`, `arn:aws:secretsmanager:...`, `op://...`, Key Vault references). The ' +
      'message never repeats the value. The detector is a port of those formats, not secretlint itself: secretlint\'s ' +
      'engine is asynchronous and ships as ES modules, its key-file checks need the file to be a `.json` or `.p12` ' +
      'file rather than a block inside Markdown, and on the same samples of credentials and placeholders it caught ' +
      'fewer credentials (12 of 45 against 45) with more false alarms (3 of 61 against 0).',
    bad: '```bash\nexport DATABASE_URL=postgres://app:S3cr3tPassw0rd@db.internal:5432/orders\n```',
    good: '```bash\n# Credentials come from Vault: ask #platform for access to secret/orders/db.\nexport DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/orders\n```',
    sources: ['OWASP Secrets Management Cheat Sheet', 'GitHub secret scanning token formats',
      'secretlint recommended rule preset (MIT) and gitleaks default configuration (MIT): token formats'],
  },
  counted: { one: 'secret' },
  check(model: SpecModel): RawFinding<SecretData>[] {
    const findings: RawFinding<SecretData>[] = [];
    const taken: Array<{ start: number; end: number }> = [];
    const candidates = candidateLines(model);
    for (const detector of SECRET_FORMATS) {
      const matches = detector.lineFilter
        ? matchesInFilteredLines(detector.pattern, detector.lineFilter, model)
        : detector.multiLine ? matchesOf(detector.pattern, model.text) : candidates.matches(detector.pattern);
      for (const { match, start, end } of matches) {
        const value = detector.valueGroup === undefined ? match[0] : match[detector.valueGroup];
        if (!value || (detector.accept && !detector.accept(match, model.text, end))) continue;
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

/**
 * The lines that can hold a token, joined into one text with a map back to document offsets:
 * every single-line format needs an unbroken run of at least 16 token characters that mixes
 * character kinds, which most prose lines do not have. Built in one pass, so that the many formats are only tried where
 * they can match.
 */
function candidateLines(model: SpecModel): { matches(pattern: RegExp): ReturnType<typeof matchesOf> } {
  const pieces: string[] = [];
  /** Start of each piece in the joined text, and in the document. */
  const joinedStarts: number[] = [];
  const documentStarts: number[] = [];
  let length = 0;
  // Only whole runs of 16 or more token characters: the engine does not stop at the many short ones.
  const run = /(?<![A-Za-z0-9+/=_~.$:-])[A-Za-z0-9+/=_~.$:-]{16,}/g;
  for (let hit = run.exec(model.text); hit; hit = run.exec(model.text)) {
    // A generated token mixes digits and letters or upper and lower case; runs of one kind
    // (table rules, long words, paths in lower case) cannot be one.
    if (!(/\d/.test(hit[0]) && /[A-Za-z]/.test(hit[0])) && !(/[a-z]/.test(hit[0]) && /[A-Z]/.test(hit[0]))) continue;
    const line = positionAt(model, hit.index).line;
    const start = model.lineStarts[line];
    const end = lineEndOffset(model, line);
    joinedStarts.push(length);
    documentStarts.push(start);
    pieces.push(model.text.slice(start, end));
    length += end - start + 1;
    run.lastIndex = Math.max(run.lastIndex, end);
  }
  const joined = pieces.join('\n');
  const toDocument = (offset: number): number => {
    const piece = lastStartAtOrBefore(joinedStarts, offset);
    return documentStarts[piece] + offset - joinedStarts[piece];
  };
  return {
    *matches(pattern: RegExp) {
      for (const { match, start, end } of matchesOf(pattern, joined)) {
        const documentStart = toDocument(start);
        yield { match, start: documentStart, end: documentStart + (end - start) };
      }
    },
  };
}

/** What a finding of this rule carries in `data`. */
export type SecretData = {
  /** Which kind of credential it looks like. */
  kind: string;
};
