import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildReport, scoreChange, type FileReport } from '../../server/src/cli/report';
import { stepSummaryMarkdown } from '../../server/src/cli/step-summary';
import { commitAll, gitIn } from './git-fixture';
import { emptyBreakdown } from '../../server/src/score/explain';

const REPO = join(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const example = (name: string) => readFileSync(join(REPO, 'examples', name), 'utf8');

describe('specready check --changed-since', function () {
  let root: string;

  beforeEach(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-changed-')));
    git('init', '-q', '-b', 'main');
    write('docs/payments.spec.md', example('order-export.spec.md'));
    write('docs/refunds.spec.md', example('payment-refunds.spec.md'));
    write('docs/login.spec.md', `${example('login-lockout.spec.md')}\nThe error codes are listed in [the API notes](api.md).\n`);
    write('docs/untouched.spec.md', example('payment-refunds.spec.md'));
    write('docs/api.md', '# API notes\n');
    commit('first');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function git(...args: string[]): string {
    return gitIn(root, ...args);
  }

  function commit(message: string): void {
    commitAll(root, message);
  }

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  function run(args: string[], cwd = root, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function scores(report: { files: FileReport[] }): Record<string, [number | null | undefined, number]> {
    return Object.fromEntries(report.files.map((file) => [file.path, [file.previousScore, file.score]]));
  }

  /** Two commits on a branch: one spec improved, one made worse, one linked file changed. */
  function branchWithChanges(): void {
    git('checkout', '-q', '-b', 'feature');
    write('docs/payments.spec.md', example('order-export.spec.md').replace('TBD', 'a CSV file'));
    commit('payments: decide the format');
    write('docs/refunds.spec.md', example('payment-refunds.spec.md').replace('The service MUST record every refund', 'The service MUST quickly record every refund'));
    write('docs/api.md', '# API notes\n\n## Errors\n');
    commit('refunds and API notes');
  }

  it('checks changed specs and specs that link to a changed file, with scores before and after', () => {
    const before = JSON.parse(run(['--format', 'json']).stdout);
    branchWithChanges();
    const after = JSON.parse(run(['--format', 'json']).stdout);
    const result = run(['--changed-since', 'main', '--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    const score = (document: { files: FileReport[] }, path: string) => document.files.find((file) => file.path === path)?.score;
    assert.deepEqual(scores(report), {
      'docs/login.spec.md': [score(before, 'docs/login.spec.md'), score(after, 'docs/login.spec.md')],
      'docs/payments.spec.md': [score(before, 'docs/payments.spec.md'), score(after, 'docs/payments.spec.md')],
      'docs/refunds.spec.md': [score(before, 'docs/refunds.spec.md'), score(after, 'docs/refunds.spec.md')],
    });
    const [paymentsBefore, paymentsAfter] = scores(report)['docs/payments.spec.md'];
    assert.ok(paymentsAfter > (paymentsBefore as number), 'removing a placeholder raises the score');
    assert.match(result.stderr, /3 of 4 specs checked: changed since main \(merge base [0-9a-f]{12}\) \(1 because it links to a changed file\)/);

    const stylish = run(['--changed-since', 'main']);
    assert.match(stylish.stdout, new RegExp(`docs/payments\\.spec\\.md +${paymentsAfter}/100  ${paymentsBefore} → ${paymentsAfter} \\(\\+${paymentsAfter - (paymentsBefore as number)}\\)`));
  });

  it('includes uncommitted, renamed and new specs, and fails on a score drop when asked', () => {
    git('checkout', '-q', '-b', 'feature');
    git('mv', 'docs/login.spec.md', 'docs/auth.spec.md');
    write('docs/new.spec.md', example('order-export.spec.md'));
    write('docs/refunds.spec.md', example('payment-refunds.spec.md').replace('The service MUST record every refund', 'The service MUST quickly record every refund'));
    const report = JSON.parse(run(['--changed-since', 'main', '--format', 'json']).stdout);
    const found = scores(report);
    assert.deepEqual(Object.keys(found), ['docs/auth.spec.md', 'docs/new.spec.md', 'docs/refunds.spec.md']);
    assert.equal(found['docs/new.spec.md'][0], null, 'a new spec has no previous score');
    assert.equal(typeof found['docs/auth.spec.md'][0], 'number', 'a renamed spec is compared with its old path');
    assert.ok((found['docs/refunds.spec.md'][0] as number) > found['docs/refunds.spec.md'][1]);

    const gate = run(['--changed-since', 'main', '--fail-on-score-drop']);
    assert.equal(gate.status, 1);
    assert.match(gate.stderr, /1 spec scores lower than at main: docs\/refunds\.spec\.md 100 → 98 \(-2\)/);
  });

  /** A spec linking an OpenAPI file that is broken at the first commit (the broken file costs points). */
  function specLinkingBrokenApi(): { fixed: string } {
    const fixtures = join(REPO, 'test', 'fixtures', 'rules', 'invalid-api-file', 'api');
    write('docs/api/refunds.yaml', readFileSync(join(fixtures, 'broken.yaml'), 'utf8'));
    write('docs/contract.spec.md', `${example('payment-refunds.spec.md')}\nThe contract is in [the API description](api/refunds.yaml).\n`);
    commit('contract with a broken API description');
    return { fixed: readFileSync(join(fixtures, 'refunds.yaml'), 'utf8') };
  }

  it('scores the spec at the base with its linked files as they were there', () => {
    const { fixed } = specLinkingBrokenApi();
    const atBase = JSON.parse(run(['docs/contract.spec.md', '--format', 'json']).stdout).files[0].score;
    git('checkout', '-q', '-b', 'feature');
    write('docs/api/refunds.yaml', fixed);
    commit('fix the API description');
    const now = JSON.parse(run(['docs/contract.spec.md', '--format', 'json']).stdout).files[0].score;
    assert.ok(now > atBase, `fixing the linked API file raises the score (${atBase} → ${now})`);
    const report = JSON.parse(run(['--changed-since', 'main', '--format', 'json']).stdout);
    assert.deepEqual(scores(report)['docs/contract.spec.md'], [atBase, now], 'the spec did not change; its linked file did');
  });

  it('with --cache, reuses the score at the base while its text, configuration and linked files there are the same', () => {
    const { fixed } = specLinkingBrokenApi();
    const atBase = JSON.parse(run(['docs/contract.spec.md', '--format', 'json']).stdout).files[0].score;
    git('checkout', '-q', '-b', 'feature');
    write('docs/contract.spec.md', `${readFileSync(join(root, 'docs/contract.spec.md'), 'utf8')}\nRefunds are listed newest first.\n`);
    commit('contract: ordering');
    const previous = (args: string[] = []) => JSON.parse(run(['--changed-since', 'main', '--cache', '--format', 'json', ...args]).stdout)
      .files.find((file: FileReport) => file.path === 'docs/contract.spec.md').previousScore;
    assert.equal(previous(), atBase);
    // A stored base score (tampered with, the body hash updated) is what the next run shows.
    const cacheFile = join(root, '.specreadycache');
    const [headerLine, body] = readFileSync(cacheFile, 'utf8').split('\n', 2);
    const data = JSON.parse(body);
    const keys = Object.keys(data.bases).filter((key) => key.endsWith(':docs/contract.spec.md'));
    assert.equal(keys.length, 1, Object.keys(data.bases).join(', '));
    data.bases[keys[0]].score = 7;
    const newBody = JSON.stringify(data);
    writeFileSync(cacheFile, `${JSON.stringify({ ...JSON.parse(headerLine), sha1: createHash('sha1').update(newBody).digest('hex') })}\n${newBody}`);
    assert.equal(previous(), 7, 'the base was not analysed again');
    assert.equal(previous(['--cache-strategy', 'content']), atBase, 'a cache of the other strategy is not used');
    writeFileSync(cacheFile, `${JSON.stringify({ ...JSON.parse(headerLine), sha1: createHash('sha1').update(newBody).digest('hex') })}\n${newBody}`);
    assert.equal(previous(), 7);

    // The same spec text at a new merge base whose linked file differs is analysed again.
    git('checkout', '-q', 'main');
    write('docs/api/refunds.yaml', fixed);
    commit('fix the API description');
    git('checkout', '-q', 'feature');
    git('merge', '-q', '--no-edit', 'main');
    const fixedBase = JSON.parse(run(['docs/contract.spec.md', '--format', 'json']).stdout).files[0].score;
    assert.ok(fixedBase > atBase);
    const afterMerge = previous();
    assert.notEqual(afterMerge, 7);
    assert.equal(afterMerge, JSON.parse(run(['--changed-since', 'main', '--format', 'json']).stdout)
      .files.find((file: FileReport) => file.path === 'docs/contract.spec.md').previousScore);
    // So is the base after a configuration change.
    write('.specready.json', '{ "rules": { "invalid-api-file": "off" } }\n');
    assert.equal(previous(), JSON.parse(run(['--changed-since', 'main', '--format', 'json']).stdout)
      .files.find((file: FileReport) => file.path === 'docs/contract.spec.md').previousScore);
  });

  it('checks nothing and passes when no spec changed', () => {
    git('checkout', '-q', '-b', 'feature');
    write('README.md', '# Project\n');
    const result = run(['--changed-since', 'main', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).files, []);
    assert.match(result.stderr, /0 of 4 specs checked/);
  });

  it('writes a job summary to $GITHUB_STEP_SUMMARY', () => {
    branchWithChanges();
    const summary = join(root, '..', `${root.split('/').pop()}-summary.md`);
    try {
      run(['--changed-since', 'main'], root, { GITHUB_STEP_SUMMARY: summary });
      const markdown = readFileSync(summary, 'utf8');
      assert.match(markdown, /^### SpecReady: 3 specs changed since `main` \([0-9a-f]{12}\), 1 ready for handoff\n/);
      assert.match(markdown, /\| `docs\/refunds\.spec\.md` \| 98 \| 100 → 98 \(-2\) \| ✅ ready \| 0 \| 1 \|/);
      assert.ok(markdown.indexOf('refunds.spec.md') < markdown.indexOf('payments.spec.md'), 'a dropped score is listed first');
    } finally {
      rmSync(summary, { force: true });
    }
  });

  it('explains what is wrong outside a work tree, with an unknown ref, and without the ref', () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'specready-no-git-')));
    try {
      writeFileSync(join(outside, 'a.spec.md'), example('payment-refunds.spec.md'));
      const result = run(['--changed-since', 'main'], outside);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `specready: --changed-since needs a git work tree, and ${outside} is not inside one\n`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const unknown = run(['--changed-since', 'no-such-branch']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown git revision "no-such-branch" \(in a shallow CI clone, fetch it first/);
    const option = run(['--changed-since', '--output=/tmp/x']);
    assert.equal(option.status, 2);
    assert.equal(run(['--fail-on-score-drop']).status, 2);
    assert.match(run(['--fail-on-score-drop']).stderr, /--fail-on-score-drop needs --changed-since <git-ref>/);
  });
});

describe('score change and job summary', () => {
  it('writes the change as before → after (delta)', () => {
    assert.equal(scoreChange(85, 72), '72 → 85 (+13)');
    assert.equal(scoreChange(70, 72), '72 → 70 (-2)');
    assert.equal(scoreChange(72, 72), '72 → 72 (±0)');
    assert.equal(scoreChange(72, null), 'new');
  });

  it('escapes table cells and caps long tables', () => {
    const file = (path: string): FileReport => ({
      path, profile: 'service', score: 50, ready: false, threshold: 80,
      breakdown: emptyBreakdown('sample'), blockers: [], diagnostics: [],
    });
    const markdown = stepSummaryMarkdown(buildReport('/r', [file('a|b`c.spec.md'), ...Array.from({ length: 205 }, (_, index) => file(`s${index}.spec.md`))]));
    assert.match(markdown, /\| `a\\\|b'c\.spec\.md` \| 50 \| ❌ not ready \(needs 80\) \| 0 \| 0 \|/);
    assert.match(markdown, /…and 6 more; the full list is in the job log\./);
    assert.match(stepSummaryMarkdown(buildReport('/r', [])), /No spec files were found\./);
  });
});
