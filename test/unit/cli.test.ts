import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { version } from '../../package.json';
import { RULES } from '../../server/src/rules/registry';

const REPO = join(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const GOOD = readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md'), 'utf8');
const BAD = readFileSync(join(REPO, 'examples', 'order-export.spec.md'), 'utf8');

/** The ready example with one vague word: a warning and no error. */
function warningOnlySpec(): string {
  const text = GOOD.replace('The service MUST record every refund', 'The service MUST quickly record every refund');
  assert.notEqual(text, GOOD, 'examples/payment-refunds.spec.md changed: update the warning fixture');
  return text;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

describe('specready CLI', function () {
  let root: string;

  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  });

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-cli-')));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, text: string | Buffer): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  function run(args: string[], env: Record<string, string> = {}): Run {
    const base = { ...process.env };
    delete base.NO_COLOR;
    delete base.FORCE_COLOR;
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  function json(args: string[]): { run: Run; document: any } {
    const result = run([...args, '--format', 'json']);
    return { run: result, document: JSON.parse(result.stdout) };
  }

  describe('general options', () => {
    it('prints the package version', () => {
      const result = run(['--version']);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, `${version}\n`);
      assert.equal(run(['-v']).stdout, `${version}\n`);
    });

    it('prints help', () => {
      const result = run(['--help']);
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^Usage: specready <command>/);
      assert.match(run(['check', '--help']).stdout, /^Usage: specready check \[paths\.\.\.\]/);
      assert.match(run(['help', 'rules']).stdout, /^Usage: specready rules/);
    });

    it('exits 2 with a message for usage errors', () => {
      const cases: Array<[string[], string]> = [
        [[], 'missing command: check, rules, export, new or mcp'],
        [['lint'], 'unknown command "lint"'],
        [['--verbose'], 'unknown option "--verbose"'],
        [['check', '--fix'], 'unknown option "--fix"'],
        [['check', '--format', 'xml'], '--format must be one of stylish, json, sarif, github, markdown, not "xml"'],
        [['check', '--min-score', '101'], '--min-score must be a number from 0 to 100, not "101"'],
        [['check', '--max-warnings=-1'], '--max-warnings must be a whole number from 0, not "-1"'],
        [['check', '--format'], "option '--format <value>' argument missing"],
        [['check', '--max-warnings', '1.5'], '--max-warnings must be a whole number from 0, not "1.5"'],
        [['rules', 'extra'], 'unexpected argument "extra"'],
        [['rules', '--format', 'html'], '--format must be one of text, json, markdown, not "html"'],
      ];
      for (const [args, message] of cases) {
        const result = run(args);
        assert.equal(result.status, 2, args.join(' '));
        assert.equal(result.stdout, '');
        assert.ok(result.stderr.startsWith(`specready: ${message}`), `${args.join(' ')}: ${result.stderr}`);
      }
    });
  });

  describe('check', () => {
    it('exits 0 for ready specs and reports them as JSON', () => {
      write('specs/refunds.spec.md', GOOD);
      const { run: result, document } = json(['check']);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(document.version, 2);
      assert.equal(document.files.length, 1);
      const [file] = document.files;
      assert.equal(file.path, 'specs/refunds.spec.md');
      assert.equal(file.profile, 'service');
      assert.equal(file.ready, true);
      assert.ok(file.score >= 80 && file.score <= 100);
      assert.deepEqual(Object.keys(file.breakdown), ['structure', 'requirements', 'contract', 'verification', 'done', 'selfContained']);
      assert.deepEqual(document.summary, { files: 1, errors: 0, warnings: 0, ready: 1 });
    });

    it('exits 1 when a spec has errors, with 1-based positions', () => {
      write('specs/export.spec.md', BAD);
      write('specs/refunds.spec.md', GOOD);
      const { run: result, document } = json(['check']);
      assert.equal(result.status, 1);
      assert.deepEqual(document.files.map((file: { path: string }) => file.path), ['specs/export.spec.md', 'specs/refunds.spec.md']);
      const diagnostics = document.files[0].diagnostics;
      assert.ok(diagnostics.some((d: { severity: string }) => d.severity === 'error'));
      for (const diagnostic of diagnostics) {
        assert.deepEqual(Object.keys(diagnostic).filter((key) => key !== 'data'), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
        assert.ok(diagnostic.line >= 1 && diagnostic.column >= 1);
      }
      const tbd = diagnostics.find((d: { rule: string }) => d.rule === 'placeholder');
      const lines = BAD.split('\n');
      assert.equal(lines[tbd.line - 1].slice(tbd.column - 1, tbd.endColumn - 1), 'TBD');
      assert.equal(document.summary.ready, 1);
      assert.ok(document.summary.errors > 0);
    });

    it('checks the current folder by default and named paths otherwise', () => {
      write('specs/a.spec.md', GOOD);
      write('other/b.spec.md', GOOD);
      write('notes.md', BAD);
      assert.equal(json(['check']).document.files.length, 2);
      assert.deepEqual(json(['check', 'other']).document.files.map((file: { path: string }) => file.path), ['other/b.spec.md']);
      const explicit = json(['check', 'notes.md', 'other']);
      assert.deepEqual(explicit.document.files.map((file: { path: string }) => file.path), ['notes.md', 'other/b.spec.md']);
      assert.equal(explicit.run.status, 1);
    });

    it('applies --max-warnings and --min-score', () => {
      write('a.spec.md', warningOnlySpec());
      const plain = json(['check']);
      assert.equal(plain.run.status, 0, plain.run.stderr);
      assert.ok(plain.document.summary.warnings >= 1);
      const score = plain.document.files[0].score;
      assert.ok(score < 100);

      assert.equal(run(['check', '--max-warnings', String(plain.document.summary.warnings)]).status, 0);
      const tooMany = run(['check', '--max-warnings', '0']);
      assert.equal(tooMany.status, 1);
      assert.match(tooMany.stderr, /more than --max-warnings 0/);

      assert.equal(run(['check', '--min-score', String(score)]).status, 0);
      const low = run(['check', '--min-score', String(score + 1)]);
      assert.equal(low.status, 1);
      assert.match(low.stderr, new RegExp(`1 file scores below --min-score ${score + 1}: a\\.spec\\.md \\(${score}\\)`));
    });

    it('reports a missing path as a usage error', () => {
      const result = run(['check', 'missing']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'specready: missing: no such file or folder\n');
    });

    it('fails with exit 2 when a bare check finds nothing to check', () => {
      write('README.md', '# Hello\n');
      const result = run(['check', '--format', 'json']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /no spec files found in \./);
      assert.match(result.stderr, /--no-error-on-unmatched-pattern/);
    });

    it('exits 0 with a note when nothing is found and --no-error-on-unmatched-pattern is given', () => {
      write('README.md', '# Hello\n');
      const result = json(['check', '--no-error-on-unmatched-pattern']);
      assert.equal(result.run.status, 0);
      assert.deepEqual(result.document.files, []);
      assert.match(result.run.stderr, /no spec files found in \./);
    });

    it('reports unreadable files as errors and still checks the others', () => {
      write('specs/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
      write('specs/latin1.md', Buffer.from('# Caf\xe9\n', 'latin1'));
      write('specs/ok.spec.md', GOOD);
      const { run: result, document } = json(['check']);
      assert.equal(result.status, 1);
      const byPath = Object.fromEntries(document.files.map((file: { path: string }) => [file.path, file]));
      assert.equal(byPath['specs/binary.md'].diagnostics[0].rule, 'unreadable-file');
      assert.match(byPath['specs/binary.md'].diagnostics[0].message, /not a text file/);
      assert.match(byPath['specs/latin1.md'].diagnostics[0].message, /not valid UTF-8/);
      assert.equal(byPath['specs/ok.spec.md'].ready, true);
    });

    it('passes link targets to broken-link', () => {
      write('specs/linked.md', '# Linked\n\n## Details\n');
      write('specs/a.spec.md', `${GOOD}\nSee [details](linked.md#details), [gone](missing.md) and [bad anchor](linked.md#nope).\n`);
      const { document } = json(['check', 'specs/a.spec.md']);
      const broken = document.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'broken-link');
      assert.equal(broken.length, 2, JSON.stringify(broken));
      assert.ok(broken.every((d: { message: string }) => !d.message.includes('"linked.md#details"')));
    });
  });

  describe('configuration', () => {
    it('uses the nearest configuration file', () => {
      write('a.spec.md', warningOnlySpec());
      write('.specready.yaml', 'rules:\n  vague-term: error\n');
      const { run: result, document } = json(['check']);
      assert.equal(result.status, 1);
      assert.ok(document.files[0].diagnostics.some((d: { rule: string; severity: string }) => d.rule === 'vague-term' && d.severity === 'error'));
      write('sub/b.spec.md', warningOnlySpec());
      write('sub/.specready.json', '{ "rules": { "vague-term": "off" }, "threshold": 100 }');
      const sub = json(['check', 'sub']).document.files[0];
      assert.equal(sub.threshold, 100);
      assert.ok(!sub.diagnostics.some((d: { rule: string }) => d.rule === 'vague-term'));
    });

    it('lets --config override discovery', () => {
      write('a.spec.md', warningOnlySpec());
      write('.specready.yaml', 'rules:\n  vague-term: error\n');
      write('ci/lenient.yml', 'rules:\n  vague-term: off\n');
      assert.equal(run(['check', '--config', 'ci/lenient.yml']).status, 0);
    });

    it('exits 2 naming the file, line and column of a schema violation', () => {
      write('a.spec.md', GOOD);
      write('.specready.yaml', 'profile: service\nrules:\n  vague-terms: error\nthreshold: 120\n');
      const result = run(['check']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, [
        'specready: .specready.yaml:3:3: unknown key "vague-terms" in "rules"; did you mean "vague-term"?',
        'specready: .specready.yaml:4:12: "threshold" must be between 0 and 100, not 120',
        '',
      ].join('\n'));
    });

    it('exits 2 naming the position of a JSON syntax error', () => {
      write('specs/a.md', GOOD);
      write('specs/.specready.json', '{\n  "threshold": 90,\n}\n');
      const result = run(['check', '--format', 'json']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, "specready: specs/.specready.json:2:18: trailing comma before '}' is not allowed in JSON\n");
    });

    it('exits 2 for a missing --config file', () => {
      write('a.spec.md', GOOD);
      const result = run(['check', '--config', 'nope.yaml']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'specready: nope.yaml: cannot read configuration: file not found\n');
    });

    it('exits 2 for an unknown profile', () => {
      write('a.spec.md', GOOD);
      write('.specready.yml', 'profile: servise\n');
      const result = run(['check']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'specready: .specready.yml:1:10: unknown profile "servise" (known: service, api, bugfix, integration, spec-kit, kiro, design, openspec, openspec-delta, openspec-change)\n');
    });
  });

  describe('formats', () => {
    it('prints SARIF 2.1.0', () => {
      write('specs/export.spec.md', BAD);
      const result = run(['check', '--format', 'sarif']);
      assert.equal(result.status, 1);
      const log = JSON.parse(result.stdout);
      assert.equal(log.version, '2.1.0');
      const [runLog] = log.runs;
      const driver = runLog.tool.driver;
      assert.equal(driver.name, 'SpecReady');
      assert.equal(driver.version, version);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.id));
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.help.markdown, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      }
      assert.ok(runLog.results.length > 0);
      for (const item of runLog.results) {
        assert.equal(driver.rules[item.ruleIndex].id, item.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(item.level));
        assert.equal(typeof item.message.text, 'string');
        const location = item.locations[0].physicalLocation;
        assert.equal(location.artifactLocation.uri, 'specs/export.spec.md');
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(location.region[key] >= 1, key);
      }
    });

    it('prints GitHub annotations with escaped properties', () => {
      write('specs/a,b.spec.md', BAD);
      const result = run(['check', '--format', 'github']);
      assert.equal(result.status, 1);
      const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
      assert.ok(annotations.length > 0);
      for (const line of annotations) {
        assert.match(line, /^::(error|warning|notice) file=specs\/a%2Cb\.spec\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=specready\([a-z-]+\)::[^\n]+$/);
      }
      assert.match(result.stdout, /^specs\/a,b\.spec\.md: \d+\/100, not ready/m);
    });

    it('prints the stylish report without colour when piped, with colour when forced', () => {
      write('specs/export.spec.md', BAD);
      const plain = run(['check']);
      assert.equal(plain.status, 1);
      assert.match(plain.stdout, /^specs\/export\.spec\.md\n {2}\d+:\d+ +error +/);
      assert.match(plain.stdout, /^specs\/export\.spec\.md +\d+\/100 {2}not ready/m);
      assert.match(plain.stdout, /✖ \d+ problems \(\d+ errors?, /);
      assert.doesNotMatch(plain.stdout, /\u001b\[/);
      assert.match(run(['check'], { FORCE_COLOR: '1' }).stdout, /\u001b\[31merror/);
      assert.doesNotMatch(run(['check'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\u001b\[/);
    });
  });

  describe('rules', () => {
    it('lists every rule as text, JSON and Markdown', () => {
      const text = run(['rules']);
      assert.equal(text.status, 0);
      const ids = RULES.map((rule) => rule.id).sort();
      for (const id of ids) assert.match(text.stdout, new RegExp(`^${id} \\((error|warning|info|hint), `, 'm'));
      const list = JSON.parse(run(['rules', '--format', 'json']).stdout);
      assert.deepEqual(list.map((rule: { id: string }) => rule.id), ids);
      assert.ok(list.every((rule: { docs: { summary: string; bad: string; good: string } }) => rule.docs.summary && rule.docs.bad && rule.docs.good));
      const markdown = run(['rules', '--format', 'markdown']).stdout;
      for (const id of ids) assert.match(markdown, new RegExp(`^## ${id}$`, 'm'));
    });
  });
});
