/**
 * `specready check --watch` in a temporary project, as a user at a terminal runs it: the first
 * report, then only what changed after each edit, and Ctrl-C (SIGINT) ending it cleanly. Every
 * step waits for the output it expects; no step depends on how long anything takes.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, NOT_READY_SPEC, READY_SPEC, TempProject } from './cli-harness';
import { REFUND_SCHEMAS, SPLIT_FILES, splitSpec } from './api/external-refs.fixtures';

/** A running `specready check --watch` whose output can be awaited. */
class Watch {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(project: TempProject, args: string[]) {
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    this.child = spawn(process.execPath, [CLI, 'check', '--watch', ...args], { cwd: project.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { this.stdout += chunk; this.wake(); });
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk; this.wake(); });
    this.exited = new Promise((done) => this.child.on('exit', (code) => { this.wake(); done(code); }));
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves with the output after `from` once it matches `pattern` (fails if the process ends first). */
  async until(stream: 'stdout' | 'stderr', pattern: RegExp, from = 0): Promise<string> {
    for (;;) {
      const text = this[stream].slice(from);
      if (pattern.test(text)) return text;
      if (this.child.exitCode !== null) throw new Error(`exited ${this.child.exitCode} before ${pattern}:\n${this.stdout}\n${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

describe('specready check --watch', function () {
  this.timeout(120_000);
  let project: TempProject;
  let watch: Watch | undefined;

  beforeEach(() => {
    project = new TempProject().gitInit();
  });
  afterEach(() => {
    if (watch && watch.child.exitCode === null) watch.child.kill('SIGKILL');
    watch = undefined;
    project.dispose();
  });

  it('prints the report, then only the findings an edit adds or fixes and the score change; Ctrl-C exits with 0', async () => {
    project.write('docs/export.spec.md', NOT_READY_SPEC);
    watch = new Watch(project, ['docs']);
    await watch.until('stderr', /watching 1 spec for changes; press Ctrl-C to stop/);
    assert.match(watch.stdout, /docs\/export\.spec\.md\n[\s\S]*"works correctly" cannot be checked[\s\S]*not ready/);
    const mark = watch.stdout.length;
    project.write('docs/export.spec.md', NOT_READY_SPEC.replace('Export works correctly.', 'Export returns 200 with one CSV row per order.'));
    const change = await watch.until('stdout', /now \d+ errors?/, mark);
    assert.match(change, /\d\d:\d\d:\d\d docs\/export\.spec\.md\n/);
    assert.match(change, /- fixed {2}warning {2}Criterion outcome "works correctly" cannot be checked/);
    assert.match(change, /score \d+ → \d+\/100, not ready/);
    // Only what changed: none of the findings that stayed is printed again.
    assert.doesNotMatch(change, /"etc\." is vague|Missing section/);

    const next = watch.stdout.length;
    project.write('docs/export.spec.md', project.read('docs/export.spec.md').replace('- Export orders as CSV, Excel, etc.', '- Export orders as CSV, Excel, etc.\n- The export file is robust.'));
    const added = await watch.until('stdout', /now \d+ errors?/, next);
    assert.match(added, /\+ 11:\d+ {2}warning {2}"robust" is vague/);
    assert.doesNotMatch(added, /fixed/);

    assert.equal(await watch.stop(), 0);
    assert.match(watch.stderr, /stopped watching\n$/);
    assert.doesNotMatch(watch.stderr, /internal error|at .*\.js:\d+/);
  });

  it('reports a spec that appears or goes away, and a configuration change', async () => {
    project.write('specs/a.spec.md', READY_SPEC);
    watch = new Watch(project, []);
    await watch.until('stderr', /watching 1 spec/);
    let mark = watch.stdout.length;
    project.write('specs/b.spec.md', NOT_READY_SPEC);
    let change = await watch.until('stdout', /now \d+ errors?/, mark);
    assert.match(change, /specs\/b\.spec\.md\n {2}new spec: \d+\/100, not ready\n {2}\+ /);
    assert.doesNotMatch(change, /a\.spec\.md/);

    mark = watch.stdout.length;
    project.write('.specready.json', '{ "rules": { "vague-term": "off" } }\n');
    change = await watch.until('stdout', /now \d+ errors?/, mark);
    assert.match(change, /- fixed {2}warning {2}"etc\." is vague/);
    assert.doesNotMatch(change, /\+ /);

    mark = watch.stdout.length;
    rmSync(join(project.root, 'specs', 'b.spec.md'));
    change = await watch.until('stdout', /no longer checked/, mark);
    assert.match(change, /specs\/b\.spec\.md\n {2}no longer checked/);
    assert.equal(await watch.stop(), 0);
  });

  it('keeps watching after a run that fails, and reports the next good one', async () => {
    project.write('specs/a.spec.md', NOT_READY_SPEC);
    watch = new Watch(project, []);
    await watch.until('stderr', /watching 1 spec/);
    let mark = watch.stderr.length;
    project.write('.specready.json', '{ "rules": { "vague-term": "loud" } }\n');
    await watch.until('stderr', /"rules\.vague-term" must be one of[\s\S]*watching for the next change/, mark);
    mark = watch.stdout.length;
    project.write('.specready.json', '{ "rules": { "vague-term": "off" } }\n');
    const change = await watch.until('stdout', /now \d+ errors?/, mark);
    assert.match(change, /- fixed {2}warning {2}"etc\." is vague/);
    assert.equal(await watch.stop(), 0);
  });

  it('checks a spec again when a file it links changes, outside the watched folder', async () => {
    project.write('api/orders.yaml', 'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.0.0\npaths: {}\n');
    project.write('docs/export.spec.md', `${NOT_READY_SPEC}\nThe contract is the [OpenAPI description](../api/orders.yaml).\n`);
    watch = new Watch(project, ['docs']);
    await watch.until('stderr', /watching 1 spec and 1 linked file for changes/);
    assert.doesNotMatch(watch.stdout, /invalid-api-file/);
    const mark = watch.stdout.length;
    project.write('api/orders.yaml', 'openapi: 3.0.3\ninfo: [\n');
    const change = await watch.until('stdout', /now \d+ errors?/, mark);
    assert.match(change, /docs\/export\.spec\.md\n {2}\+ \d+:\d+ {2}warning {2}.*orders\.yaml.*invalid-api-file/);
    assert.equal(await watch.stop(), 0);
  });

  it('checks a spec again when a file its linked OpenAPI file references changes', async () => {
    for (const [file, text] of Object.entries(SPLIT_FILES)) project.write(file, text);
    project.write('docs/refunds.spec.md', splitSpec('{ "amount": 5 }').replace('](api/', '](../api/'));
    watch = new Watch(project, ['docs']);
    await watch.until('stderr', /watching 1 spec and 3 linked files for changes/);
    assert.doesNotMatch(watch.stdout, /invalid-example|invalid-api-file/);
    const mark = watch.stdout.length;
    project.write('api/schemas/refund.yaml', REFUND_SCHEMAS.replace('minimum: 1', 'minimum: 10'));
    const change = await watch.until('stdout', /score /, mark);
    assert.match(change, /docs\/refunds\.spec\.md\n {2}\+ \d+:\d+ {2}warning {2}This request example does not match[\s\S]*must be >= 10\.[\s\S]*invalid-example/);
    assert.equal(await watch.stop(), 0);
  });

  it('with --format json prints the whole report as one JSON document per run, one per line', async () => {
    project.write('docs/export.spec.md', NOT_READY_SPEC);
    watch = new Watch(project, ['docs', '--format', 'json']);
    await watch.until('stderr', /watching 1 spec/);
    const first = JSON.parse((await watch.until('stdout', /\n/)).split('\n')[0]) as { version: number; files: Array<{ path: string; diagnostics: Array<{ message: string }> }> };
    assert.equal(first.version, 2);
    assert.ok(first.files[0].diagnostics.some((d) => /"works correctly" cannot be checked/.test(d.message)));
    project.write('docs/export.spec.md', NOT_READY_SPEC.replace('Export works correctly.', 'Export returns 200 with one CSV row per order.'));
    const lines = (await watch.until('stdout', /^[^\n]*\n[^\n]+\n/)).split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 2);
    const second = JSON.parse(lines[1]) as typeof first;
    assert.equal(second.files[0].path, 'docs/export.spec.md');
    assert.ok(!second.files[0].diagnostics.some((d) => /"works correctly" cannot be checked/.test(d.message)));
    assert.equal(await watch.stop(), 0);
  });

  it('refuses the options that belong to a single run', () => {
    for (const args of [['--format', 'sarif'], ['--changed-since', 'main'], ['--suppress-all'], ['--prune-suppressions']]) {
      const run = project.run(['check', '--watch', ...args]);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /--watch/);
    }
  });

  it('exits with the usage status when the first run cannot be made', () => {
    const run = project.run(['check', '--watch', 'missing']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /missing: no such file or folder/);
  });
});
