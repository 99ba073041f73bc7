import assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { DEFAULT_INCLUDE } from '../../server/src/config/types';
import { globToPathPattern, specOrConfigGlob, specPathPattern } from '../../server/src/config/spec-paths';

const PATHS = [
  'a.spec.md', 'docs/a.spec.md', 'a.handoff.md', 'deep/er/a.handoff.md', 'specs/x.md', 'specs/sub/x.md', 'x/specs/y.md',
  'myspecs/x.md', 'specs.md', 'docs/specs.md', 'spec.md', 'a.spec.mdx', 'a.spec.md.bak', 'README.md', 'specs/x.txt',
  'openspec/changes/add-x/proposal.md', 'repo/openspec/changes/add-x/proposal.md', 'openspec/changes/add-x/tasks.md',
  'openspec/changes/proposal.md', 'openspec/changes/a/b/proposal.md', 'aspec.md', '.kiro/specs/x/requirements.md',
];

describe('spec detection by path', () => {
  const discovery = picomatch([...DEFAULT_INCLUDE], { dot: true });
  const pattern = new RegExp(specPathPattern());

  it('takes the same paths as discovery, relative or absolute, with either separator', () => {
    for (const path of PATHS) {
      const expected = discovery(path);
      assert.equal(pattern.test(path), expected, path);
      assert.equal(pattern.test(`/home/me/project/${path}`), expected, `/home/me/project/${path}`);
      assert.equal(pattern.test(`C:\\project\\${path.replace(/\//g, '\\')}`), expected, `windows ${path}`);
    }
  });

  it('reads ? as one character and everything else but * literally', () => {
    const one = new RegExp(globToPathPattern('**/v?.md'));
    assert.equal(one.test('docs/v1.md'), true);
    assert.equal(one.test('docs/v12.md'), false);
    assert.equal(new RegExp(globToPathPattern('notes/a+b.md')).test('notes/a+b.md'), true);
    assert.equal(new RegExp(globToPathPattern('notes/a+b.md')).test('x/notes/a+b.md'), false);
  });

  it('searches the workspace for the include globs and the configuration files', () => {
    assert.equal(specOrConfigGlob(), `{${[...DEFAULT_INCLUDE, '**/.specready.{json,yaml,yml}'].join(',')}}`);
  });
});
