import assert from 'node:assert/strict';
import { linkLocation } from '../../server/src/fs/link-location';
import { linkTargetKey, resolveLinkTarget } from '../../server/src/model/link-resolver';
import { READY_SPEC, TempProject } from './cli-harness';
import { perTest } from './helpers';

describe('link resolver (document links, broken-link and export)', () => {
  it('cuts the query and fragment off before decoding the path', () => {
    assert.deepEqual(resolveLinkTarget('img.png?raw=true'), { kind: 'file', path: 'img.png', base: 'document', fragment: undefined, suffix: '?raw=true' });
    assert.deepEqual(resolveLinkTarget('<my file.md#Part%20two>'), { kind: 'file', path: 'my file.md', base: 'document', fragment: 'Part two', suffix: '#Part%20two' });
    assert.deepEqual(resolveLinkTarget('a%3Fb.md'), { kind: 'file', path: 'a?b.md', base: 'document', fragment: undefined, suffix: '' });
  });

  it('reads a leading slash as relative to the project root', () => {
    const target = resolveLinkTarget('/docs/a.md#x');
    assert.deepEqual(target, { kind: 'file', path: 'docs/a.md', base: 'root', fragment: 'x', suffix: '#x' });
    assert.equal(target.kind === 'file' && linkTargetKey(target), '/docs/a.md');
    const bases = { documentFolder: '/repo/docs/specs', projectRoot: '/repo' };
    assert.equal(linkLocation('/docs/a.md', bases), '/repo/docs/a.md');
    assert.equal(linkLocation('../a.md', bases), '/repo/docs/a.md');
    assert.equal(linkLocation('/docs/a.md', { documentFolder: '/repo/docs' }), undefined);
  });

  it('keeps URLs external and refuses what no file lookup should see', () => {
    for (const target of ['https://x.y/a.md', 'mailto:a@b.c', '//cdn/x.png']) assert.deepEqual(resolveLinkTarget(target), { kind: 'external' }, target);
    assert.deepEqual(resolveLinkTarget('#top'), { kind: 'fragment', fragment: 'top' });
    assert.deepEqual(resolveLinkTarget('?plain=1'), { kind: 'fragment', fragment: '' });
    for (const target of ['file:///etc/passwd', 'C:/x.md', '%2Fetc%2Fpasswd', 'a%00.md', '..\\x', 'bad%zz.md']) {
      assert.equal(resolveLinkTarget(target).kind, 'invalid', target);
    }
  });
});

describe('links in a real project: check and export agree', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().gitInit().withFiles({ 'docs/model.md': '# Model\n\n## Orders\n', 'docs/specs/img.png': 'png' })));

  function brokenLinks(spec: string): string[] {
    project.write('docs/specs/a.md', spec);
    const { report } = project.checkJson(['docs/specs/a.md']);
    return report.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'broken-link').map((d: { message: string }) => d.message);
  }

  it('checks root-relative links against the project root and ignores the query', () => {
    const ok = brokenLinks(`${READY_SPEC}\nSee [model](/docs/model.md#orders) and ![img](img.png?raw=true).\n`);
    assert.deepEqual(ok, []);
    const broken = brokenLinks(`${READY_SPEC}\nSee [model](/docs/nope.md), [anchor](/docs/model.md#gone) and ![img](gone.png?raw=true).\n`);
    assert.equal(broken.length, 3, broken.join('\n'));
    assert.match(broken[0], /"\/docs\/nope\.md" does not exist/);
    assert.match(broken[1], /matches no heading in "\/docs\/model\.md"/);
    assert.match(broken[2], /"gone\.png" does not exist/);
  });

  it('bundles root-relative and queried links as check resolves them', () => {
    project.write('docs/specs/a.md', `${READY_SPEC}\nSee [model](/docs/model.md#orders) and ![img](img.png?raw=true).\n`);
    const result = project.run(['export', 'docs/specs/a.md', '--format', 'dir', '--out', 'out/a']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.ok(project.exists('out/a/spec/assets/docs/model.md'));
    assert.ok(project.exists('out/a/spec/assets/docs/specs/img.png'));
    const bundled = project.read('out/a/spec/SPEC.md');
    assert.match(bundled, /\[model\]\(assets\/docs\/model\.md#orders\)/);
    assert.match(bundled, /!\[img\]\(assets\/docs\/specs\/img\.png\?raw=true\)/);
  });
});
