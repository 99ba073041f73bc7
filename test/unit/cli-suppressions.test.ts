import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const READY = readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md'), 'utf8');
const LEGACY = readFileSync(join(REPO, 'examples', 'order-export.spec.md'), 'utf8');

describe('specready check with bulk suppressions', function () {
  // Each test runs the CLI several times as a child process: minutes on a loaded machine.
  this.timeout(120_000);
  let root: string;

  beforeEach(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-suppressions-')));
    write('docs/legacy.spec.md', LEGACY);
    write('docs/ready.spec.md', READY);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  function edit(path: string, from: string, to: string): void {
    const text = readFileSync(join(root, path), 'utf8');
    assert.ok(text.includes(from), `${path} no longer contains ${from}: update the test`);
    write(path, text.replace(from, to));
  }

  function check(args: string[] = [], cwd = '.'): { status: number | null; report: any; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json'], { cwd: join(root, cwd), encoding: 'utf8' });
    return { status: result.status, report: result.stdout ? JSON.parse(result.stdout) : undefined, stderr: result.stderr };
  }

  function suppressions(): any {
    return JSON.parse(readFileSync(join(root, 'specready-suppressions.json'), 'utf8'));
  }

  it('records every finding, then fails only on new ones and reports fixed ones as stale', () => {
    const before = check();
    assert.equal(before.status, 1);
    const recorded = check(['--suppress-all']);
    assert.equal(recorded.status, 0, recorded.stderr);
    assert.match(recorded.stderr, /wrote specready-suppressions\.json: \d+ findings in 1 file recorded/);
    const file = suppressions();
    assert.deepEqual(Object.keys(file), ['docs/legacy.spec.md']);
    assert.equal(file['docs/legacy.spec.md'].placeholder.count, 1);
    const errorsAndWarnings = before.report.summary.errors + before.report.summary.warnings;
    assert.equal(recorded.report.summary.suppressed, errorsAndWarnings);

    const clean = check();
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stderr, new RegExp(`${errorsAndWarnings} findings suppressed by specready-suppressions\\.json`));
    assert.equal(clean.report.summary.errors, 0);
    assert.equal(clean.report.files[0].score, before.report.files[0].score, 'suppressed findings still count in the score');

    edit('docs/legacy.spec.md', '## Acceptance Criteria', 'The batch size is TBD.\n\n## Acceptance Criteria');
    const added = check();
    assert.equal(added.status, 1);
    const reported = added.report.files[0].diagnostics;
    assert.equal(reported.filter((diagnostic: any) => diagnostic.severity === 'error').length, 1, JSON.stringify(reported));
    assert.match(added.stderr, /docs\/legacy\.spec\.md: 1 new placeholder finding \(not among the 1 recorded/);

    write('docs/legacy.spec.md', LEGACY.replace('TBD', 'a CSV file'));
    const fixed = check();
    assert.equal(fixed.status, 1, 'a stale entry fails the check');
    assert.match(fixed.stderr, /1 suppression is stale, the findings were fixed: docs\/legacy\.spec\.md placeholder \(1 of 1 fixed\); run "specready check --prune-suppressions"/);
    assert.equal(check(['--pass-on-unpruned-suppressions']).status, 0);

    const pruned = check(['--prune-suppressions']);
    assert.equal(pruned.status, 0, pruned.stderr);
    assert.equal(suppressions()['docs/legacy.spec.md'].placeholder, undefined);
    assert.equal(check().status, 0);
  });

  it('records one rule with --suppress-rule and finds the file from a subfolder', () => {
    assert.equal(check(['--suppress-rule', 'vague-term', '--suppress-rule', 'weak-modal']).status, 1);
    assert.deepEqual(Object.keys(suppressions()['docs/legacy.spec.md']).sort(), ['vague-term', 'weak-modal']);
    const fromDocs = check([], 'docs');
    assert.match(fromDocs.stderr, /findings suppressed by \.\.\/specready-suppressions\.json/);
    assert.ok(fromDocs.report.files[0].diagnostics.every((diagnostic: any) => !['vague-term', 'weak-modal'].includes(diagnostic.rule)));
  });

  it('reports an entry for a deleted file as stale', () => {
    check(['--suppress-all']);
    rmSync(join(root, 'docs/legacy.spec.md'));
    const result = check();
    assert.equal(result.status, 1);
    assert.match(result.stderr, /stale.*docs\/legacy\.spec\.md placeholder \(1 of 1 fixed\)/);
    check(['--prune-suppressions']);
    assert.deepEqual(suppressions(), {});
  });

  it('uses --suppressions-location and explains bad input with exit status 2', () => {
    assert.equal(check(['--suppress-all', '--suppressions-location', 'ci/baseline.json']).status, 0);
    assert.ok(JSON.parse(readFileSync(join(root, 'ci/baseline.json'), 'utf8'))['../docs/legacy.spec.md']);
    assert.equal(check(['--suppressions-location', 'ci/baseline.json']).status, 0);

    const missing = check(['--suppressions-location', 'nope.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: no such file \(create it with --suppress-all\)/);

    write('specready-suppressions.json', '{"docs/legacy.spec.md": {"placeholder": {"count": "all"}}}');
    const broken = check();
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^specready: specready-suppressions\.json: "docs\/legacy\.spec\.md" → "placeholder": "count" must be a whole number from 0\n$/);

    const unknown = check(['--suppress-rule', 'no-such-rule']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--suppress-rule: unknown rule "no-such-rule"/);
  });
});
