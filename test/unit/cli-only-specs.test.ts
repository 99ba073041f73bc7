import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { NOT_READY_SPEC, paths, READY_AND_NOT_READY, READY_SPEC, REPO, TempProject } from './cli-harness';
import { perTest } from './helpers';

/** The spec with one more front matter line (the examples have front matter already). */
function withFrontMatter(spec: string, line: string): string {
  return spec.startsWith('---\n') ? `---\n${line}\n${spec.slice(4)}` : `---\n${line}\n---\n${spec}`;
}

describe('specready check --only-specs: file lists from pre-commit and lint-staged', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().gitInit().withFiles({
    ...READY_AND_NOT_READY,
    'README.md': '# Project\n\nTODO: write this.\n',
    'notes/opted-in.md': withFrontMatter(READY_SPEC, 'specready: true'),
    'docs/opted-out.spec.md': withFrontMatter(NOT_READY_SPEC, 'specready: false'),
    'src/index.ts': 'export {};\n',
  })));

  const staged = ['README.md', 'docs/refunds.spec.md', 'notes/opted-in.md', 'docs/opted-out.spec.md', 'src/index.ts'];

  it('checks the specs of the list and skips the other files without a word', () => {
    const { run, report } = project.checkJson(['--only-specs', ...staged]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(paths(report), ['docs/refunds.spec.md', 'notes/opted-in.md']);
  });

  it('passes with an empty report when no file of the list is a spec', () => {
    const { run, report } = project.checkJson(['--only-specs', 'README.md', 'src/index.ts']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(paths(report), []);
    const stylish = project.run(['check', '--only-specs', 'README.md']);
    assert.equal(stylish.status, 0, stylish.stderr);
    assert.equal(stylish.stderr, '');
  });

  it('fails on the findings of a spec in the list, and applies the configured globs', () => {
    assert.equal(project.run(['check', '--only-specs', 'README.md', 'docs/export.spec.md']).status, 1);
    project.write('.specready.json', '{ "include": ["**/*.md"], "exclude": ["notes/**"] }\n');
    const { report } = project.checkJson(['--only-specs', 'README.md', 'notes/opted-in.md', 'src/index.ts']);
    assert.deepEqual(paths(report), ['README.md'], 'an excluded path stays out even with front matter, as in a folder walk');
    project.write('.specready.json', '{ "include": ["docs/**/*.md"], "exclude": ["docs/export.spec.md"] }\n');
    assert.deepEqual(paths(project.checkJson(['--only-specs', 'docs/export.spec.md', 'docs/refunds.spec.md']).report), ['docs/refunds.spec.md']);
  });

  it('still reports a named file that does not exist, and checks folders as usual', () => {
    const missing = project.run(['check', '--only-specs', 'docs/gone.spec.md']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /docs\/gone\.spec\.md: no such file or folder/);
    assert.deepEqual(paths(project.checkJson(['--only-specs', 'docs']).report), ['docs/export.spec.md', 'docs/refunds.spec.md']);
  });

  it('leaves the default alone: a file named without --only-specs is always checked', () => {
    assert.deepEqual(paths(project.checkJson(['README.md']).report), ['README.md']);
  });

  it('is what the pre-commit hook runs, on the Markdown files pre-commit passes', () => {
    const hooks = parseYaml(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(hooks) && hooks.length >= 1);
    const hook = hooks.find((candidate) => candidate.id === 'specready');
    assert.ok(hook, 'a hook with id "specready"');
    for (const key of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[key], 'string', key);
    assert.equal(hook.language, 'node');
    assert.deepEqual(hook.types, ['markdown']);
    const [bin, command, ...args] = String(hook.entry).split(/\s+/);
    assert.equal(command, 'check');
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok(manifest.bin[bin], `${bin} is a bin of the package`);
    const system = hooks.find((candidate) => candidate.id === 'specready-system');
    assert.ok(system, 'a hook for the specready already installed');
    assert.equal(system.language, 'system');
    assert.equal(system.entry, hook.entry);
    assert.deepEqual(system.types, hook.types);
    const { run, report } = project.checkJson([...args, ...staged]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(paths(report), ['docs/refunds.spec.md', 'notes/opted-in.md']);
  });
});
