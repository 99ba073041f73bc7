import assert from 'node:assert/strict';
import { DEFAULT_INCLUDE } from '../../server/src/config/types';
import { paths, READY_SPEC, TempProject } from './cli-harness';
import { perTest } from './helpers';

describe('specready check: which files are specs', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().gitInit().withFiles({
    'docs/specs/refunds.md': READY_SPEC,
    'docs/specs/sub/more.md': READY_SPEC,
    'design/notes.md': '# Notes\n',
  })));

  it('anchors the globs at the git work tree, whatever the working folder', () => {
    const fromRoot = project.checkJson([]);
    assert.deepEqual(paths(fromRoot.report), ['docs/specs/refunds.md', 'docs/specs/sub/more.md']);
    const inside = project.checkJson([], 'docs/specs');
    assert.equal(inside.run.status, 0, inside.run.stderr);
    assert.deepEqual(paths(inside.report), ['refunds.md', 'sub/more.md']);
    const sideways = project.checkJson(['../docs/specs'], 'design');
    assert.deepEqual(paths(sideways.report), ['../docs/specs/refunds.md', '../docs/specs/sub/more.md']);
    const absolute = project.checkJson([`${project.root}/docs/specs`], 'design');
    assert.equal(absolute.report.files.length, 2);
  });

  it('anchors the globs at the folder of the nearest configuration file', () => {
    project.write('docs/.specready.json', '{ "include": ["specs/*.md"] }\n');
    assert.deepEqual(paths(project.checkJson([], 'docs/specs').report), ['refunds.md']);
    assert.deepEqual(paths(project.checkJson(['docs']).report), ['docs/specs/refunds.md']);
  });

  it('anchors at the working folder outside git, or at the folder given when it lies outside', () => {
    const plain = new TempProject();
    try {
      plain.write('docs/specs/a.md', READY_SPEC);
      plain.write('other/x.txt', '');
      assert.deepEqual(paths(plain.checkJson(['docs']).report), ['docs/specs/a.md']);
      assert.deepEqual(paths(plain.checkJson(['../docs'], 'other').report), ['../docs/specs/a.md']);
    } finally {
      plain.dispose();
    }
  });

  it('fails with exit 2 when a folder given holds no spec, naming the globs and the way out', () => {
    const result = project.run(['check', 'design']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^specready: no spec files found in design\n/);
    assert.ok(result.stderr.includes(`${DEFAULT_INCLUDE.join(', ')} (relative to the project root .)`), result.stderr);
    assert.match(result.stderr, /specready: true/);
    assert.match(result.stderr, /--no-error-on-unmatched-pattern/);
    // One folder without specs fails the run even when another one has them.
    assert.equal(project.run(['check', 'docs', 'design']).status, 2);
  });

  it('fails a bare check run from a subfolder without specs, pointing at the project root', () => {
    // A CI step run from the wrong folder must not pass having checked nothing.
    const result = project.run(['check'], { cwd: 'design' });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^specready: no spec files found in \.\n/);
    assert.match(result.stderr, /relative to the project root \.\.\)/);
    assert.match(result.stderr, /To check the whole project, run the check in its root \.\./);
    assert.equal(project.run(['check', '..'], { cwd: 'design' }).status, 0);
  });

  it('lets a folder without specs pass with --no-error-on-unmatched-pattern', () => {
    const result = project.run(['check', 'design', '--no-error-on-unmatched-pattern', '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).files, []);
    assert.match(result.stderr, /no spec files found in design/);
    assert.doesNotMatch(result.stderr, /--no-error-on-unmatched-pattern/);
  });

  it('never discovers the copies inside a handoff bundle, wherever it was written', () => {
    project.write('docs/specs/refunds.md', `${READY_SPEC}\nSee [more](sub/more.md).\n`);
    for (const out of ['handoff/refunds', 'docs/specs/bundles/refunds']) {
      const exported = project.run(['export', 'docs/specs/refunds.md', '--format', 'dir', '--out', out]);
      assert.equal(exported.status, 0, exported.stderr);
      assert.ok(project.exists(`${out}/spec/assets/docs/specs/sub/more.md`));
    }
    assert.deepEqual(paths(project.checkJson([]).report), ['docs/specs/refunds.md', 'docs/specs/sub/more.md']);
    // A folder that only looks like a bundle is walked as usual.
    project.write('docs/specs/fake/manifest.json', '{ "tool": "other" }\n');
    project.write('docs/specs/fake/c.md', READY_SPEC);
    assert.ok(paths(project.checkJson([]).report).includes('docs/specs/fake/c.md'));
  });

  it('checks a file named explicitly even when no glob matches it', () => {
    const result = project.checkJson(['design/notes.md']);
    assert.deepEqual(paths(result.report), ['design/notes.md']);
  });
});
