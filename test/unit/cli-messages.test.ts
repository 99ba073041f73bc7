import assert from 'node:assert/strict';
import { TempProject } from './cli-harness';
import { perTest } from './helpers';

describe('specready: messages in its own words', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().withFiles({ 'specs/a.md': '# A\n' })));

  function usage(args: string[]): string {
    const result = project.run(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
    return result.stderr;
  }

  it('explains a --config that is not a configuration file, with exit 2', () => {
    project.write('two.yaml', 'threshold: 80\n---\nprofile: api\n');
    assert.match(usage(['check', '--config', 'specs/a.md']), /^specready: specs\/a\.md: this is a Markdown file, not a configuration/);
    assert.match(usage(['check', '--config', 'specs']), /^specready: specs: cannot read configuration: it is a folder; name a \.specready\.json/);
    const two = usage(['check', '--config', 'two.yaml']);
    assert.match(two, /^specready: two\.yaml:2:1: the file holds more than one YAML document/);
    for (const stderr of [two, usage(['check', '--config', 'specs'])]) assert.doesNotMatch(stderr, /EISDIR|parseAllDocuments/);
  });

  it('checks negative numbers against the range instead of calling them ambiguous', () => {
    assert.match(usage(['check', '--min-score', '-1']), /^specready: --min-score must be a number from 0 to 100, not "-1"/);
    assert.match(usage(['check', '--max-warnings', '-3']), /^specready: --max-warnings must be a whole number from 0, not "-3"/);
  });

  it('suggests the option or rule id that was meant', () => {
    assert.match(usage(['check', '--min-scor', '5']), /^specready: unknown option "--min-scor"; did you mean "--min-score"\?/);
    assert.match(usage(['check', '--formt', 'json']), /did you mean "--format"\?/);
    assert.match(usage(['rules', 'vage-term']), /^specready: unexpected argument "vage-term": no rule has that id; did you mean "vague-term"\?/);
  });

  it('suggests the option, command or value that was meant on every command', () => {
    assert.match(usage(['export', 'specs/a.md', '--overwrit']), /^specready export: unknown option "--overwrit"; did you mean "--overwrite"\?/);
    assert.match(usage(['export', 'specs/a.md', '--format', 'dirr']), /--format must be zip or dir, not "dirr"; did you mean "dir"\?/);
    assert.match(usage(['new', 'service', 'specs/b.md', '--titel', 'B']), /^specready new: unknown option "--titel"; did you mean "--title"\?/);
    assert.match(usage(['new', 'servce', 'specs/b.md']), /^specready new: unknown template "servce"; did you mean "service"\?/);
    assert.match(usage(['mcp', '--rot', '.']), /unknown option "--rot"; did you mean "--root"\?/);
    assert.match(usage(['rules', '--fromat', 'json']), /did you mean "--format"\?/);
    assert.match(usage(['check', '--format', 'sarf']), /--format must be one of .*, not "sarf"; did you mean "sarif"\?/);
    assert.match(usage(['chek', 'specs']), /^specready: unknown command "chek"; did you mean "check"\?/);
    assert.match(usage(['--verison']), /^specready: unknown option "--verison"; did you mean "--version"\?/);
  });

  it('shows one rule with specready rules <id>', () => {
    const result = project.run(['rules', 'vague-term', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((rule: { id: string }) => rule.id), ['vague-term']);
    assert.match(project.run(['rules', 'secret']).stdout, /^secret \(/);
  });
});
