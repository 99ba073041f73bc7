import assert from 'node:assert/strict';
import { bundleHref, classifyExportTarget, encodeHrefPath, rewriteLinks } from '../../../server/src/export/links';
import { parseSpec } from '../../../server/src/model/parse';

describe('export: link classification', () => {
  it('keeps URLs with a scheme and fragments as they are', () => {
    for (const target of ['https://example.com/x.md', 'mailto:a@b.c', '//cdn.example.com/x.png', 'HTTP://X']) {
      assert.deepEqual(classifyExportTarget(target), { kind: 'external' }, target);
    }
    assert.deepEqual(classifyExportTarget('#scope'), { kind: 'fragment' });
    assert.deepEqual(classifyExportTarget(''), { kind: 'fragment' });
    assert.deepEqual(classifyExportTarget('?plain=1'), { kind: 'fragment' });
  });

  it('decodes relative paths and keeps the query and fragment as written', () => {
    assert.deepEqual(classifyExportTarget('docs/api%20v2.yaml#/paths'), { kind: 'local', path: 'docs/api v2.yaml', suffix: '#/paths' });
    assert.deepEqual(classifyExportTarget('<docs/my file.md>'), { kind: 'local', path: 'docs/my file.md', suffix: '' });
    assert.deepEqual(classifyExportTarget('./img.png?raw=true'), { kind: 'local', path: './img.png', suffix: '?raw=true' });
    // Root-relative paths keep their slash: collect.ts looks them up under the project root.
    assert.deepEqual(classifyExportTarget('/docs/a.md#x'), { kind: 'local', path: '/docs/a.md', suffix: '#x' });
    assert.deepEqual(classifyExportTarget('/etc/passwd'), { kind: 'local', path: '/etc/passwd', suffix: '' });
    // Climbing is judged by collect.ts against the root; the path is only decoded here.
    assert.deepEqual(classifyExportTarget('%2e%2e/%2e%2e/etc/passwd'), { kind: 'local', path: '../../etc/passwd', suffix: '' });
  });

  it('refuses absolute paths, file: URLs, drive letters and UNC paths before touching the disk', () => {
    const cases: Array<[string, string]> = [
      ['\\etc\\passwd', 'absolute-path'],
      ['file:///etc/passwd', 'absolute-path'],
      ['FILE://host/share/x', 'absolute-path'],
      ['C:\\Windows\\win.ini', 'absolute-path'],
      ['c:/Windows/win.ini', 'absolute-path'],
      ['\\\\server\\share\\secret.txt', 'absolute-path'],
      ['%2Fetc%2Fpasswd', 'absolute-path'],
      ['C%3A/x', 'absolute-path'],
      ['..\\..\\secret.txt', 'unsafe-path'],
      ['docs%5C..%5C..%5Csecret', 'unsafe-path'],
      ['a%00b.md', 'unsafe-path'],
      ['bad%zzencoding.md', 'unsafe-path'],
    ];
    for (const [target, reason] of cases) {
      const result = classifyExportTarget(target);
      assert.equal(result.kind, 'refused', target);
      assert.equal(result.kind === 'refused' && result.reason, reason, target);
    }
  });
});

describe('export: link rewriting', () => {
  it('encodes each path segment so that the destination needs no brackets', () => {
    assert.equal(encodeHrefPath('assets/docs/my file (v2).md'), 'assets/docs/my%20file%20%28v2%29.md');
    assert.equal(encodeHrefPath('../../SPEC.md'), '../../SPEC.md');
    assert.equal(encodeHrefPath('assets/ü.png'), 'assets/%C3%BC.png');
  });

  it('computes destinations between bundled files', () => {
    assert.equal(bundleHref('spec/SPEC.md', 'spec/assets/docs/api.yaml', '#/paths'), 'assets/docs/api.yaml#/paths');
    assert.equal(bundleHref('spec/assets/docs/a.md', 'spec/SPEC.md', '#scope'), '../../SPEC.md#scope');
    assert.equal(bundleHref('spec/assets/docs/a.md', 'spec/assets/img/b.png', ''), '../img/b.png');
    assert.equal(bundleHref('spec/SPEC.md', 'spec/SPEC.md', '#x'), 'SPEC.md#x');
  });

  it('rewrites inline links, images and reference definitions, and nothing else', () => {
    const markdown = [
      '# Spec',
      '',
      'See [the API](docs/api.yaml "OpenAPI"), ![diagram](<img/flow chart.png>) and [the model][model].',
      'Also [home](https://example.com/docs/api.yaml), [here](#spec) and [again](docs/api.yaml#/paths).',
      '',
      '```md',
      '[not a link](docs/api.yaml)',
      '```',
      '',
      '[model]: docs/model.md',
      '',
    ].join('\n');
    const model = parseSpec(markdown, 'file:///w/spec.md');
    const targets: Record<string, string> = {
      'docs/api.yaml': 'assets/docs/api.yaml',
      'img/flow chart.png': 'assets/img/flow%20chart.png',
      'docs/model.md': 'assets/docs/model.md',
      'docs/api.yaml#/paths': 'assets/docs/api.yaml#/paths',
    };
    const rewritten = rewriteLinks(model, (link) => targets[link.target]);
    assert.equal(rewritten, markdown
      .replace('(docs/api.yaml "OpenAPI")', '(assets/docs/api.yaml "OpenAPI")')
      .replace('<img/flow chart.png>', '<assets/img/flow%20chart.png>')
      .replace('(docs/api.yaml#/paths)', '(assets/docs/api.yaml#/paths)')
      .replace('[model]: docs/model.md', '[model]: assets/docs/model.md'));
    assert.ok(rewritten.includes('[not a link](docs/api.yaml)'), 'code is left alone');
  });

  it('leaves the text unchanged when no link is rewritten', () => {
    const markdown = 'A [link](x.md) and text.\n';
    assert.equal(rewriteLinks(parseSpec(markdown), () => undefined), markdown);
  });
});
