import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { collectAssets, type Collection } from '../../../server/src/export/collect';
import { rewriteDocument } from '../../../server/src/export/plan';
import { nodeHost } from '../../../server/src/host/node-host';
import { parseSpec } from '../../../server/src/model/parse';
import { TempWorkspace } from './fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const SPEC = [
  '# Feature',
  '',
  '- [API](../docs/api.yaml) and [its paths](../docs/api.yaml#/paths)',
  '- [Guide](../docs/guide.md) with ![flow](img/flow.png) and ![same flow](link-in.png)',
  '- [Missing](missing.md), [a folder](../docs), [escape](../../outside.txt), [encoded](%2e%2e/%2e%2e/outside.txt)',
  '- [symlink out](link-out.txt), [loop](loop.md), [absolute](/etc/passwd), [web](https://example.com)',
  '',
].join('\n');

describe('export: asset collection', () => {
  let workspace: TempWorkspace;
  let collection: Collection;

  before(async () => {
    workspace = new TempWorkspace({
      'outside.txt': 'outside secret',
      'root/specs/feature.spec.md': SPEC,
      'root/specs/img/flow.png': PNG,
      'root/docs/api.yaml': 'openapi: 3.1.0\n',
      'root/docs/guide.md': '# Guide\n\nBack to [the spec](../specs/feature.spec.md#scope), see [glossary](glossary.md) and ![flow](../specs/img/flow.png).\n',
      'root/docs/glossary.md': '# Glossary\n\nSee the [guide](guide.md) and [outside](../../outside.txt).\n',
    });
    symlinkSync(workspace.path('outside.txt'), workspace.path('root/specs/link-out.txt'));
    symlinkSync(workspace.path('root/specs/img/flow.png'), workspace.path('root/specs/link-in.png'));
    symlinkSync('loop.md', workspace.path('root/specs/loop.md'));
    const specPath = workspace.path('root/specs/feature.spec.md');
    collection = await collectAssets({
      specPath,
      specRealPath: specPath,
      specModel: parseSpec(SPEC, pathToFileURL(specPath).href),
      root: workspace.path('root'),
      realRoot: workspace.path('root'),
      host: nodeHost,
    });
  });

  after(() => workspace.cleanup());

  it('collects every linked local file once, recursively through linked Markdown, in a fixed order', () => {
    assert.deepEqual(collection.assets.map((asset) => asset.bundlePath), [
      'spec/assets/docs/api.yaml',
      'spec/assets/docs/glossary.md',
      'spec/assets/docs/guide.md',
      'spec/assets/specs/img/flow.png',
    ]);
    assert.deepEqual([...collection.assets[3].bytes], [...PNG]);
    assert.equal(collection.spec.rootPath, 'specs/feature.spec.md');
  });

  it('refuses links that leave the root, by path, by encoding or through a symlink, and reports the rest', () => {
    const refused = collection.refusedLinks.map((link) => `${link.from}:${link.line} ${link.target} ${link.reason}`);
    assert.deepEqual(refused, [
      'specs/feature.spec.md:5 missing.md missing',
      'specs/feature.spec.md:5 ../docs not-a-file',
      'specs/feature.spec.md:5 ../../outside.txt outside-root',
      'specs/feature.spec.md:5 %2e%2e/%2e%2e/outside.txt outside-root',
      'specs/feature.spec.md:6 link-out.txt outside-root',
      'specs/feature.spec.md:6 loop.md unsafe-path',
      // Root-relative: looked up under the project root (here the root), never at /etc.
      'specs/feature.spec.md:6 /etc/passwd missing',
      'docs/glossary.md:3 ../../outside.txt outside-root',
    ]);
    assert.match(collection.refusedLinks[4].message, /symbolic link/);
    for (const asset of collection.assets) {
      assert.ok(!new TextDecoder().decode(asset.bytes).includes('outside secret'), `${asset.bundlePath} holds the outside file`);
    }
  });

  it('points a symlink inside the root at the one copy of its target', () => {
    const viaLink = collection.spec.links.find((resolved) => resolved.link.target === 'link-in.png');
    assert.equal(viaLink?.bundlePath, 'spec/assets/specs/img/flow.png');
  });

  it('rewrites the links of the spec and of bundled Markdown to the bundled copies', () => {
    const spec = rewriteDocument(collection.spec);
    assert.ok(spec.includes('[API](assets/docs/api.yaml)'));
    assert.ok(spec.includes('[its paths](assets/docs/api.yaml#/paths)'));
    assert.ok(spec.includes('![same flow](assets/specs/img/flow.png)'));
    assert.ok(spec.includes('[escape](../../outside.txt)'), 'refused links stay as written');
    const guide = collection.assets.find((asset) => asset.bundlePath.endsWith('guide.md'))?.document;
    assert.ok(guide);
    assert.equal(rewriteDocument(guide),
      '# Guide\n\nBack to [the spec](../../SPEC.md#scope), see [glossary](glossary.md) and ![flow](../specs/img/flow.png).\n');
  });

  it('never bundles files from a .git folder', async () => {
    const git = new TempWorkspace({ 'specs/a.spec.md': '[config](../.git/config)\n', '.git/config': '[remote "origin"]\n' });
    try {
      const specPath = git.path('specs/a.spec.md');
      const result = await collectAssets({
        specPath, specRealPath: specPath, specModel: parseSpec('[config](../.git/config)\n'), root: git.dir, realRoot: git.dir, host: nodeHost,
      });
      assert.deepEqual(result.assets, []);
      assert.deepEqual(result.refusedLinks.map((link) => link.reason), ['unsafe-path']);
    } finally {
      git.cleanup();
    }
  });
});
