import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gatherLinkTargets } from '../../../server/src/fs/link-targets';
import { classifyLinkTarget, localLinkPaths } from '../../../server/src/model/link-targets';
import { parseSpec } from '../../../server/src/model/parse';
import { brokenLink } from '../../../server/src/rules/broken-link';
import type { LinkTargetInfo } from '../../../server/src/rules/types';
import { at, runRule, textAt } from '../helpers';

function targets(entries: Record<string, LinkTargetInfo>): Map<string, LinkTargetInfo> {
  return new Map(Object.entries(entries));
}

describe('broken-link', () => {
  describe('fragments in the same document', () => {
    it('accepts GitHub-style slugs, duplicates, explicit anchors and #top', () => {
      const text = [
        '# Order Service',
        '',
        'See [errors](#error-codes--retries), [again](#faq-1), [legacy](#legacy-ids), [x](#x) and [top](#top).',
        '',
        '## Error Codes & Retries',
        '## FAQ',
        '## FAQ',
        '<a name="legacy-ids"></a>',
        '<span id="x">X</span>',
      ].join('\n');
      assert.deepEqual(runRule(brokenLink, text), []);
    });

    it('reports a fragment that matches no heading, at the destination, with a suggestion', () => {
      const text = '# Spec\n\nSee [codes](#error-code).\n\n## Error codes\n';
      const [finding, ...rest] = runRule(brokenLink, text);
      assert.equal(rest.length, 0);
      assert.equal(at(finding.range), '2:12-2:23');
      assert.equal(textAt(text, finding.range), '#error-code');
      assert.deepEqual(finding.data, { target: '#error-code', reason: 'missing-fragment', suggestion: 'error-codes' });
      assert.match(finding.message, /did you mean "#error-codes"/);
    });

    it('ignores anchors written in code and links in code', () => {
      const text = '# Spec\n\n`<a name="nope">` and [x](#nope)\n\n```\n[y](#also-nope)\n```\n';
      assert.deepEqual(runRule(brokenLink, text).map((f) => textAt(text, f.range)), ['#nope']);
    });

    it('checks image links and reference definitions that are used, once, at the definition', () => {
      const text = [
        '# Spec',
        '',
        'See [the design][design] and [the design][design] and ![diagram](#diagram).',
        '',
        '[design]: #desing',
        '[unused]: #nowhere',
      ].join('\n');
      const findings = runRule(brokenLink, text);
      assert.deepEqual(findings.map((f) => textAt(text, f.range)), ['#diagram', '#desing']);
      assert.match(findings[0].message, /^Image points to/);
      assert.equal(at(findings[1].range), '4:10-4:17');
    });

    it('does not treat footnotes as links', () => {
      const text = '# Spec\n\nA claim.[^1]\n\n[^1]: [CVE-2020-8554](https://nvd.nist.gov/vuln/detail/cve-2020-8554)\n';
      assert.deepEqual(runRule(brokenLink, text), []);
    });
  });

  describe('other files', () => {
    const text = [
      '# Spec',
      '',
      '- [API](docs/api.md#errors)',
      '- [Model](docs/model.md)',
      '- [Gone](./missing.md)',
      '- [Bad anchor](docs/api.md#nope)',
      '- [Dir](docs/)',
      '- [Space](docs/my%20file.md)',
      '- [Web](https://example.com/missing.md), [mail](mailto:a@b.c), [root](/abs.md), [proto](//cdn/x.md)',
    ].join('\n');
    const linkTargets = targets({
      'docs/api.md': { exists: true, slugs: new Set(['errors', 'overview']) },
      'docs/model.md': { exists: true, slugs: new Set() },
      './missing.md': { exists: false },
      'docs/': { exists: true },
      'docs/my file.md': { exists: false },
    });

    it('reports missing files and unknown fragments in linked Markdown', () => {
      const findings = runRule(brokenLink, text, { linkTargets });
      assert.deepEqual(findings.map((f) => [textAt(text, f.range), f.data?.reason]), [
        ['./missing.md', 'missing-file'],
        ['docs/api.md#nope', 'missing-fragment'],
        ['docs/my%20file.md', 'missing-file'],
      ]);
      assert.equal(at(findings[0].range), '4:9-4:21');
      assert.match(findings[1].message, /matches no heading in "docs\/api\.md"/);
    });

    it('reads an e-mail autolink as a mailto: link, not a file', () => {
      const page = '# Spec\n\nAuthor: Sam <sam@example.com>; see <docs/gone.md> and <https://example.com/a.md>.\n';
      const model = parseSpec(page);
      assert.deepEqual(model.links.map((link) => [link.text, link.target]), [
        ['sam@example.com', 'mailto:sam@example.com'],
        ['https://example.com/a.md', 'https://example.com/a.md'],
      ]);
      assert.deepEqual(localLinkPaths(model), []);
      assert.deepEqual(runRule(brokenLink, page, { linkTargets: targets({}) }), []);
    });

    it('only checks same-document fragments when the caller has no file facts', () => {
      assert.deepEqual(runRule(brokenLink, text), []);
    });

    it('lists the local paths the caller must resolve, decoded and without fragments', () => {
      assert.deepEqual(localLinkPaths(parseSpec(text)), ['docs/api.md', 'docs/model.md', './missing.md', 'docs/', 'docs/my file.md', '/abs.md']);
    });

    it('classifies link targets', () => {
      assert.deepEqual(classifyLinkTarget('#a%20b'), { kind: 'fragment', fragment: 'a b' });
      assert.deepEqual(classifyLinkTarget('x.md?raw=1#y'), { kind: 'local', path: 'x.md', fragment: 'y' });
      assert.deepEqual(classifyLinkTarget('<my file.md>'), { kind: 'local', path: 'my file.md', fragment: undefined });
      for (const external of ['https://a.b/c', 'mailto:x@y.z', 'ftp://h/x', '//cdn/x', 'file:///etc/x.md', '']) {
        assert.deepEqual(classifyLinkTarget(external), { kind: 'external' }, external);
      }
      // Root-relative: checked against the project root, keyed with the leading slash.
      assert.deepEqual(classifyLinkTarget('/root.md'), { kind: 'local', path: '/root.md', fragment: undefined });
      assert.deepEqual(classifyLinkTarget('/docs/a%20b.md?plain=1#x'), { kind: 'local', path: '/docs/a b.md', fragment: 'x' });
    });
  });

  describe('gatherLinkTargets', () => {
    let folder = '';
    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'specready-links-'));
      mkdirSync(path.join(folder, 'docs'));
      writeFileSync(path.join(folder, 'docs', 'api.md'), '# API\n\n## Error codes\n\n<a id="legacy"></a>\n');
      writeFileSync(path.join(folder, 'diagram.png'), '');
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('stats targets relative to the spec and collects anchors of Markdown files', async () => {
      const spec = '# Spec\n\n[a](docs/api.md#error-codes) [b](diagram.png) [c](nope.md) [d](docs) [e](https://x.y/z.md)\n';
      const model = parseSpec(spec);
      const gathered = await gatherLinkTargets(model, path.join(folder, 'spec.md'));
      assert.deepEqual([...gathered.keys()], ['docs/api.md', 'diagram.png', 'nope.md', 'docs']);
      assert.deepEqual([...(gathered.get('docs/api.md')?.slugs ?? [])].sort(), ['api', 'error-codes', 'legacy']);
      assert.deepEqual(gathered.get('diagram.png'), { exists: true });
      assert.deepEqual(gathered.get('nope.md'), { exists: false });
      assert.deepEqual(gathered.get('docs'), { exists: true });
      const findings = runRule(brokenLink, spec, { linkTargets: gathered });
      assert.deepEqual(findings.map((f) => textAt(spec, f.range)), ['nope.md']);
    });
  });
});
