/**
 * The GitHub Action, run the way GitHub runs it but offline: action.yml's check step maps every
 * input to the environment variable scripts/action/run.mjs reads, and run.mjs is started with the
 * variables GitHub sets (event name and payload, workspace, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) in
 * a repository with a base and a head commit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { commitAll, gitIn } from '../unit/git-fixture';

const REPO = join(__dirname, '..', '..', '..');
const RUN = join(REPO, 'scripts', 'action', 'run.mjs');
const example = (name: string) => readFileSync(join(REPO, 'examples', name), 'utf8');

interface ActionStep {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

describe('GitHub Action', function () {
  this.timeout(60_000);
  let scratch: string;
  let workspace: string;
  let base: string;

  before(function () {
    if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build first');
  });

  beforeEach(() => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'specready-action-')));
    workspace = join(scratch, 'workspace');
    write('docs/payments.spec.md', example('order-export.spec.md'));
    write('docs/refunds.spec.md', example('payment-refunds.spec.md'));
    write('docs/untouched.spec.md', example('login-lockout.spec.md'));
    git('init', '-q', '-b', 'main');
    commit('base');
    base = git('rev-parse', 'HEAD').trim();
    git('checkout', '-q', '-b', 'feature');
    write('docs/payments.spec.md', example('order-export.spec.md').replace('TBD', 'a CSV file'));
    write('docs/refunds.spec.md', example('payment-refunds.spec.md').replace('The service MUST record every refund', 'The service MUST quickly record every refund'));
    commit('head');
  });

  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }

  function git(...args: string[]): string {
    return gitIn(workspace, ...args);
  }

  function commit(message: string): void {
    commitAll(workspace, message);
  }

  /** Runs the entry point with a pull_request event and the given inputs; returns what GitHub would read. */
  function runAction(inputs: Record<string, string>, event: object = { pull_request: { base: { sha: base }, head: { sha: 'unused' } } }, eventName = 'pull_request') {
    const eventPath = join(scratch, 'event.json');
    const output = join(scratch, 'output.txt');
    const summary = join(scratch, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(event));
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? scratch,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTION_PATH: REPO,
    };
    for (const [name, value] of Object.entries(actionEnv())) {
      const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)?.[1];
      assert.ok(input, `${name} is not set from an input`);
      env[name] = inputs[input] ?? actionYaml().inputs[input].default ?? '';
    }
    const result = spawnSync(process.execPath, [RUN], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summary, 'utf8') };
  }

  function actionYaml(): { runs: { using: string; steps: ActionStep[] }; inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }> } {
    return parseYaml(readFileSync(join(REPO, 'action.yml'), 'utf8'));
  }

  function actionEnv(): Record<string, string> {
    const step = actionYaml().runs.steps.find((candidate) => candidate.id === 'check');
    assert.ok(step?.env, 'action.yml has a step with id "check" and an env');
    return step.env;
  }

  it('is a composite action on Node 20 whose inputs all reach the entry point', () => {
    const action = actionYaml();
    assert.equal(action.runs.using, 'composite');
    const setup = action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    assert.equal(setup?.with?.['node-version'], 20);
    assert.deepEqual(Object.keys(action.inputs).sort(), ['args', 'changed-since', 'fail-on-score-drop', 'format', 'min-score', 'paths', 'sarif', 'sarif-file']);
    const mapped = Object.values(actionEnv()).map((value) => /inputs\.([a-z-]+)/.exec(value)?.[1]).sort();
    assert.deepEqual(mapped, Object.keys(action.inputs).sort());
    const script = readFileSync(RUN, 'utf8');
    for (const name of Object.keys(actionEnv())) assert.ok(script.includes(name), `run.mjs reads ${name}`);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.match(upload?.if ?? '', /inputs\.sarif == 'true'/);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['changed-since', 'exit-code', 'sarif-file']);
  });

  it('checks the specs a pull request changed against its base and writes the job summary', () => {
    const result = runAction({});
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.outputs['exit-code'], '1', 'the order export spec still has errors');
    assert.equal(result.outputs['changed-since'], base);
    assert.match(result.stdout, /^::error file=docs\/payments\.spec\.md,line=\d+/m, 'GitHub annotations by default');
    assert.doesNotMatch(result.stdout, /untouched\.spec\.md/);
    assert.match(result.summary, /^### SpecReady: 2 specs changed since `[0-9a-f]{40}` \([0-9a-f]{12}\), 1 ready for handoff/);
    assert.match(result.summary, /\| `docs\/refunds\.spec\.md` \| 98 \| 100 → 98 \(-2\) \| ✅ ready \|/);
    assert.match(result.summary, /\| `docs\/payments\.spec\.md` \| \d+ \| \d+ → \d+ \(\+\d+\) \| ❌ not ready/);
  });

  it('writes SARIF when asked, fails on a score drop, and checks everything with changed-since none', () => {
    const withSarif = runAction({ sarif: 'true', 'fail-on-score-drop': 'true', paths: 'docs/refunds.spec.md' });
    assert.equal(withSarif.outputs['exit-code'], '1', 'the refunds spec lost a point');
    assert.match(withSarif.stderr, /1 spec scores lower than at [0-9a-f]{40}: docs\/refunds\.spec\.md 100 → 98 \(-2\)/);
    const sarif = JSON.parse(readFileSync(withSarif.outputs['sarif-file'], 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['vague-term']);
    assert.equal((withSarif.summary.match(/^### SpecReady/gm) ?? []).length, 1, 'one table per run, not one per format');

    const everything = runAction({ 'changed-since': 'none', format: 'json', 'min-score': '50' });
    assert.equal(everything.outputs['changed-since'], '');
    assert.deepEqual(JSON.parse(everything.stdout.slice(everything.stdout.indexOf('{'), everything.stdout.lastIndexOf('}') + 1)).files.map((file: { path: string }) => file.path),
      ['docs/payments.spec.md', 'docs/refunds.spec.md', 'docs/untouched.spec.md']);
  });

  it('compares a push with the previous commit and rejects bad inputs', () => {
    const push = runAction({}, { before: base, after: 'unused', created: false }, 'push');
    assert.equal(push.outputs['changed-since'], base);
    assert.equal(runAction({}, {}, 'workflow_dispatch').outputs['changed-since'], '', 'other events check everything');
    const bad = runAction({ format: 'xml' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /::error title=SpecReady::input format must be one of stylish, json, sarif, github, markdown, not "xml"/);
  });
});
