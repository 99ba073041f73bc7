import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ConfigLoader } from '../../../server/src/config/load';
import { ConfigError } from '../../../server/src/config/errors';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { discoverSpecFiles } from '../../../server/src/fs/discover';
import { LinkTargetCache } from '../../../server/src/fs/link-targets';
import { InMemoryHost } from '../../../server/src/host/memory-host';
import type { Host } from '../../../server/src/host/host';
import { analyzeDocument } from '../../../server/src/pipeline/analyze-document';

const ROOT = '/work/project';
const SPEC_PATH = `${ROOT}/specs/payments.spec.md`;
const SPEC_URI = pathToFileURL(SPEC_PATH).href;
const SPEC = [
  '# Payments',
  '',
  'See [the API](../docs/api.md#refunds), [the glossary](/docs/glossary.md) and [gone](./missing.md).',
  '',
].join('\n');

function brokenLinks(findings: ReadonlyArray<{ rule: string; message: string }>): string[] {
  return findings.filter((finding) => finding.rule === 'broken-link').map((finding) => finding.message);
}

/** Counts the calls a host answers, to see what a cache saved. */
function counting(host: Host): Host & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    stat: (path) => host.stat(path),
    readFile: (path, limit) => {
      reads.push(path);
      return host.readFile(path, limit);
    },
    listFiles: (folder, options) => host.listFiles(folder, options),
    realPath: (path) => host.realPath(path),
    readSameFile: (path, checked) => host.readSameFile(path, checked),
  };
}

describe('analyzeDocument', () => {
  it('checks links against the files of the host, root-relative ones from the project root', async () => {
    const host = new InMemoryHost({
      [SPEC_PATH]: SPEC,
      [`${ROOT}/docs/api.md`]: '# API\n\n## Refunds\n',
      [`${ROOT}/docs/glossary.md`]: '# Glossary\n',
    });
    const result = await analyzeDocument(SPEC, SPEC_URI, { host, projectRoot: ROOT });
    const broken = brokenLinks(result.findings);
    assert.equal(broken.length, 1, broken.join('\n'));
    assert.match(broken[0], /missing\.md/);
  });

  it('reports a missing anchor in a linked file', async () => {
    const host = new InMemoryHost({ [`${ROOT}/docs/api.md`]: '# API\n\n## Charges\n', [`${ROOT}/docs/glossary.md`]: '# Glossary\n', [`${ROOT}/specs/missing.md`]: '# Here\n' });
    const result = await analyzeDocument(SPEC, SPEC_URI, { host, projectRoot: ROOT });
    const broken = brokenLinks(result.findings);
    assert.equal(broken.length, 1, broken.join('\n'));
    assert.match(broken[0], /refunds/);
  });

  it('gives the same result as the engine when the document has no links', async () => {
    const text = '# Payments\n\n## Requirements\n\n- The service shall refund within 5 days.\n';
    const result = await analyzeDocument(text, SPEC_URI, { host: new InMemoryHost() });
    const direct = analyzeSpec(text, { uri: SPEC_URI });
    assert.deepEqual(result.findings, direct.findings);
    assert.equal(result.score, direct.score);
  });

  it('leaves the links of a document that is not a file unchecked', async () => {
    const result = await analyzeDocument(SPEC, 'untitled:Untitled-1', { host: new InMemoryHost() });
    assert.deepEqual(brokenLinks(result.findings), []);
  });

  it('reads a linked file again only after it changed', async () => {
    const memory = new InMemoryHost({ [`${ROOT}/docs/api.md`]: '# API\n\n## Refunds\n' });
    const host = counting(memory);
    const context = { host, projectRoot: ROOT, linkTargetCache: new LinkTargetCache() };
    await analyzeDocument(SPEC, SPEC_URI, context);
    await analyzeDocument(SPEC, SPEC_URI, context);
    assert.deepEqual(host.reads, [`${ROOT}/docs/api.md`]);
    memory.write(`${ROOT}/docs/api.md`, '# API\n');
    const result = await analyzeDocument(SPEC, SPEC_URI, context);
    assert.deepEqual(host.reads, [`${ROOT}/docs/api.md`, `${ROOT}/docs/api.md`]);
    assert.ok(brokenLinks(result.findings).some((message) => /refunds/.test(message)));
  });

  it('reports link errors to the caller and analyses with the links unchecked', async () => {
    const gone = () => Promise.reject(new Error('disk gone'));
    const failing: Host = { stat: gone, readFile: gone, listFiles: () => Promise.resolve([]), realPath: gone, readSameFile: gone };
    const errors: string[] = [];
    const result = await analyzeDocument(SPEC, SPEC_URI, { host: failing, projectRoot: ROOT, onLinkError: (error) => errors.push(error.message) });
    assert.deepEqual(errors, ['disk gone']);
    assert.deepEqual(brokenLinks(result.findings), []);
    await assert.rejects(analyzeDocument(SPEC, SPEC_URI, { host: failing, projectRoot: ROOT }), /disk gone/);
  });

  it('throws a ConfigError for a broken configuration, like the engine', async () => {
    await assert.rejects(analyzeDocument(SPEC, SPEC_URI, { host: new InMemoryHost(), config: { profile: 'no-such-profile' } }), ConfigError);
  });
});

describe('ConfigLoader over a host', () => {
  it('finds the nearest configuration and the project vocabulary without touching the disk', async () => {
    const host = new InMemoryHost({
      [`${ROOT}/.specready.json`]: '{ "threshold": 70 }',
      [`${ROOT}/specs/.specready.yaml`]: 'threshold: 80\n',
      [`${ROOT}/.specready/terms.txt`]: 'KYC\n',
    });
    const loader = new ConfigLoader(host);
    const loaded = await loader.loadConfigFor(SPEC_PATH);
    assert.equal(loaded.file, `${ROOT}/specs/.specready.yaml`);
    assert.equal(loaded.config.threshold, 80);
    assert.deepEqual(loaded.config.projectTerms, { file: `${ROOT}/.specready/terms.txt`, terms: ['KYC'] });
    assert.equal((await loader.loadConfigFor(`${ROOT}/README.md`)).config.threshold, 70);
  });

  it('keeps what it read until cleared', async () => {
    const host = new InMemoryHost({ [`${ROOT}/.specready.json`]: '{ "threshold": 70 }' });
    const loader = new ConfigLoader(host);
    assert.equal((await loader.loadConfigFor(SPEC_PATH)).config.threshold, 70);
    host.write(`${ROOT}/.specready.json`, '{ "threshold": 90 }');
    assert.equal((await loader.loadConfigFor(SPEC_PATH)).config.threshold, 70);
    loader.clear();
    assert.equal((await loader.loadConfigFor(SPEC_PATH)).config.threshold, 90);
  });

  it('says in words why a configuration cannot be read', async () => {
    const host = new InMemoryHost({ [`${ROOT}/conf/.specready.json/inner.txt`]: '' });
    const loaded = await new ConfigLoader(host).loadConfigFile(`${ROOT}/conf/.specready.json`);
    assert.equal(loaded.errors[0].message, 'cannot read configuration: it is a folder; name a .specready.json, .specready.yaml or .specready.yml file');
  });
});

describe('discoverSpecFiles over a host', () => {
  it('walks the host\'s files with the folder\'s globs and front matter', async () => {
    const host = new InMemoryHost({
      [`${ROOT}/.specready.json`]: '{}',
      [`${ROOT}/specs/a.spec.md`]: '# A\n',
      [`${ROOT}/notes/b.md`]: '---\nspecready: true\n---\n# B\n',
      [`${ROOT}/notes/c.md`]: '# C\n',
      [`${ROOT}/node_modules/x/d.spec.md`]: '# D\n',
    });
    const result = await discoverSpecFiles(['.'], { cwd: ROOT, host });
    assert.deepEqual(result.files, [`${ROOT}/notes/b.md`, `${ROOT}/specs/a.spec.md`]);
  });
});
