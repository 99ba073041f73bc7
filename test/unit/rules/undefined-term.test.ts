import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clearConfigCache, loadConfigForFolder, parseTermsFile } from '../../../server/src/config/load';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { quickFixesFor } from '../../../server/src/fixes';
import { vocabularyAddition } from '../../../server/src/rules/fixes/terms';
import { undefinedTerm } from '../../../server/src/rules/undefined-term';
import { findingsOf, findsTests, runRule, textAt } from '../helpers';

function terms(markdown: string, projectTerms?: string[]): string[] {
  return runRule(undefinedTerm, markdown, { projectTerms }).map((finding) => String(finding.data?.term));
}
const finds = findsTests(terms);

describe('undefined-term', () => {
  it('reports an acronym and a code-named system in a requirement, once each, at the term', () => {
    const text = [
      '## Requirements',
      '',
      '- REQ-1: The Falcon service MUST score every order within the SLO.',
      '- REQ-2: Orders over the SLO MUST be retried by the Falcon service.',
    ].join('\n');
    const findings = runRule(undefinedTerm, text);
    assert.deepEqual(findings.map((finding) => [textAt(text, finding.range), finding.data?.kind]), [['SLO', 'acronym'], ['Falcon service', 'name']]);
    assert.match(findings[0].message, /"SLO" is not defined: expand it at first use \("Full Name \(SLO\)"\)/);
    assert.match(findings[1].message, /"Falcon service" is an internal name/);
  });

  it('accepts a definition: glossary, expansion at first use or after, a defining sentence, a link', () => {
    const requirement = '## Requirements\n\n- REQ-1: The Falcon service MUST answer within the SLO and log to PRR.\n';
    assert.deepEqual(terms(requirement), ['SLO', 'PRR', 'Falcon']);
    assert.deepEqual(terms(`## Glossary\n\n- **SLO**: the latency objective.\n- **Falcon**: the scoring service.\n\n${requirement}`), ['PRR']);
    assert.deepEqual(terms(`## Context\n\nEach Service Level Objective (SLO) is agreed. PRR (production readiness review) happens first. Falcon is our fraud scoring service.\n\n${requirement}`), []);
    assert.deepEqual(terms(`${requirement}\nSee [Falcon](https://wiki.example.com/falcon) and [SLO](https://sre.google/sre-book/service-level-objectives/); PRR: the readiness review.\n`), []);
  });

  it('needs no definition for common acronyms, public products, project vocabulary, or descriptive names', () => {
    const text = [
      '## Requirements',
      '',
      '- REQ-1: The API MUST return JSON over HTTPS with UTC timestamps and UUIDs from SQL, and APIs MUST log IDs to Kafka.',
      '- REQ-2: The Kubernetes cluster and the Payments service MUST stay up; refunds reuse stored payments.',
      '- REQ-3: WHEN a KYC check fails THE SYSTEM SHALL NOT CREATE the account.',
    ].join('\n');
    assert.deepEqual(terms(text), ['KYC']);
    assert.deepEqual(terms(text, ['KYC']), []);
  });

  it('only reads binding statements and the contract, where findings are info', () => {
    const text = [
      '## Context',
      '',
      'Today the Falcon service scores orders and the SRE team reads the DLP reports.',
      '',
      '## API Contract',
      '',
      'The response carries the MCC of the merchant.',
    ].join('\n');
    const findings = runRule(undefinedTerm, text);
    assert.deepEqual(findings.map((finding) => [finding.data?.term, finding.severity]), [['MCC', 'info']]);
  });

  finds('reads descriptions only in the declared contract: not narrative there, in alternatives, or under a title that mentions an interface', [
    '## API Contract',
    '',
    'Today the MCC is computed by the ledger, because the PSP sends none.',
    '',
    '## Required changes to the Container Runtime Interface',
    '',
    'The PLEG loop of the kubelet makes extensive use of the status call.',
    '',
    'The runtime must support CDI.',
    '',
    '## Alternatives',
    '',
    '### Option 1: a new API',
    '',
    'For each claim, we will verify the sum of requests in the DSW.',
  ], ['CDI']);

  finds.each('takes a name among a series of plain names of one kind for an identity, but not a series of acronyms',
    ['## Goals\n\n- Functionality tested with the Bridge CNI plugin, PTP CNI plugin, and Host-Local IPAM plugins.\n', []],
    ['## Non-Goals\n\n- Plugins other than the Bridge, PTP, and Host-Local IPAM plugins.\n', []],
    ['## Requirements\n\n- Each payout MUST pass the KYC, AML and PEP checks.\n', ['KYC', 'AML', 'PEP']],
  );

  it('takes one identifier in code that spells the acronym for its expansion', () => {
    const requirement = '## Requirements\n\n- The controller MUST compare the RV of the list with the cache.\n';
    assert.deepEqual(terms(requirement), ['RV']);
    assert.deepEqual(terms(`## Design\n\n\`status.resourceVersion\` records it.\n\n${requirement}`), []);
    assert.deepEqual(terms(`## Design\n\n\`status.resource_name\` records it.\n\n${requirement}`), ['RV']);
  });

  finds('does not take ids, paths, numbered names or the series in the title for terms', [
    '# KEP-1287: In-place resize',
    '',
    '## Goals',
    '',
    '- The kubelet MUST resize pods as the KEP says; see REQ-12 and `POD_LIMIT` in /etc/FOO/config.',
    '- Create PVC1 and then VAC2 to test it.',
  ], []);

  it('takes an expansion anywhere in the document from initials, but not a chance pair of plain words', () => {
    const requirement = '## Requirements\n\n- REQ-1: The node MUST drain before GNS completes and report to the DS.\n';
    assert.deepEqual(terms(`## Context\n\nGraceful Node Shutdown stops pods; the data store keeps their state.\n\n${requirement}`), ['DS']);
    assert.deepEqual(terms(`## Context\n\nThe DataStore keeps their state.\n\n${requirement}`), ['GNS']);
  });

  it('takes the vocabulary of the ecosystem the document names or links', () => {
    const requirement = '## Goals\n\n- The kubelet MUST release each PVC before SIG Node signs off.\n';
    assert.deepEqual(terms(requirement), ['PVC', 'SIG']);
    assert.deepEqual(terms(`## Summary\n\nA Kubernetes change; Kubernetes nodes are affected.\n\n${requirement}`), []);
    assert.deepEqual(terms(`## Summary\n\nSee [the glossary](https://kubernetes.io/docs/reference/glossary/).\n\n${requirement}`), []);
  });

  it('runs in the engine as a hint by default', () => {
    const findings = findingsOf('undefined-term', '## Requirements\n\n- REQ-1: The system MUST report to the ARB.\n');
    assert.deepEqual(findings.map((finding) => finding.severity), ['hint']);
  });
});

describe('project vocabulary file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'specready-terms-'));
    clearConfigCache();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads one term per line, without comments and notes', () => {
    assert.deepEqual(parseTermsFile('\uFEFF# terms\nKYC\nFalcon: the scoring service\nPRR - readiness review\n\n  MCC  # merchant category\n'), ['KYC', 'Falcon', 'PRR', 'MCC']);
  });

  it('is found at .specready/terms.txt in a folder above, or where "terms" points', async () => {
    mkdirSync(join(root, '.specready'));
    mkdirSync(join(root, 'docs', 'specs'), { recursive: true });
    writeFileSync(join(root, '.specready', 'terms.txt'), 'KYC\n');
    assert.deepEqual((await loadConfigForFolder(join(root, 'docs', 'specs'))).config.projectTerms?.terms, ['KYC']);
    clearConfigCache();
    writeFileSync(join(root, '.specready.json'), '{ "terms": "docs/words.txt" }');
    writeFileSync(join(root, 'docs', 'words.txt'), 'MCC\n');
    const loaded = await loadConfigForFolder(join(root, 'docs', 'specs'));
    assert.deepEqual(loaded.config.projectTerms, { file: join(root, 'docs', 'words.txt'), terms: ['MCC'] });
  });

  it('reports a configured file that does not exist as a configuration error', async () => {
    writeFileSync(join(root, '.specready.json'), '{ "terms": "missing.txt" }');
    const loaded = await loadConfigForFolder(root);
    assert.equal(loaded.errors.length, 1);
    assert.match(loaded.errors[0].message, /cannot read the project vocabulary .*missing\.txt: file not found/);
  });
});

describe('undefined-term quick fixes', () => {
  const spec = '# Spec\n\n## Requirements\n\n- REQ-1: The system MUST report to the ARB.\n';

  it('defines the term in a new Glossary section at the end, with the definition as a tab stop', () => {
    const result = analyzeSpec(spec);
    const finding = result.findings.find((f) => f.rule === 'undefined-term')!;
    const fix = quickFixesFor(result, finding)[0];
    assert.equal(fix.title, 'Define "ARB" in the Glossary');
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///s.md', 'markdown', 1, spec), fix.edits);
    assert.equal(fixed, `${spec}\n## Glossary\n\n- **ARB**: <!-- what ARB is -->\n`);
    assert.match(fix.edits[0].snippet ?? '', /- \*\*ARB\*\*: \$\{1:<!-- what ARB is -->\}/);
    assert.deepEqual(analyzeSpec(fixed).findings.filter((f) => f.rule === 'undefined-term'), []);
  });

  it('appends to an existing glossary section', () => {
    const text = `# Spec\n\n## Glossary\n\n- **SLO**: the latency objective.\n\n## Requirements\n\n- REQ-1: The system MUST report to the ARB within the SLO.\n`;
    const result = analyzeSpec(text);
    const fix = quickFixesFor(result, result.findings.find((f) => f.rule === 'undefined-term')!)[0];
    assert.equal(fix.title, 'Define "ARB" in the "Glossary" section');
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///s.md', 'markdown', 1, text), fix.edits);
    assert.match(fixed, /- \*\*SLO\*\*: the latency objective\.\n- \*\*ARB\*\*: <!-- what ARB is -->\n\n## Requirements/);
  });

  it('adds a term to the vocabulary file on a line of its own', () => {
    assert.deepEqual(vocabularyAddition(undefined, 'ARB'), { at: { line: 0, character: 0 }, text: 'ARB\n' });
    assert.deepEqual(vocabularyAddition('KYC\n', 'ARB'), { at: { line: 1, character: 0 }, text: 'ARB\n' });
    assert.deepEqual(vocabularyAddition('KYC\r\nMCC', 'ARB'), { at: { line: 1, character: 3 }, text: '\r\nARB\r\n' });
  });
  it('reports a capitalised name used as a system (notified, called, sent to, read from), not a department, an author or a common product', () => {
    const text = [
      '---', 'authors: Priya Rao', '---', '# T', '',
      '## Requirements', '',
      '- REQ-1: When the export finishes, the job MUST notify Atlas.',
      '- REQ-2: The job MUST publish the summary to Hermes and read rates from PostgreSQL.',
      '- REQ-3: On failure the job MUST notify Priya and notify Finance.',
      '- REQ-4: Totals MUST be written to Ledgerly, the finance team\'s accounting service.', '',
    ].join('\n');
    assert.deepEqual(terms(text), ['Atlas', 'Hermes']);
  });
});
