import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { version } from '../../../package.json';
import { exportBundle, type ExportOptions, type ExportResult } from '../../../server/src/export/index';
import { dosDateTime } from '../../../server/src/export/zip';
import {
  EPOCH, FAKE_AWS_KEY, NOT_READY_SPEC, readySpecWith, TempWorkspace, text, unzip,
} from './fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const OUTSIDE = 'TOP SECRET OUTSIDE THE WORKSPACE';

const LINKS = [
  'The contract is in [the OpenAPI file](../docs/api.yaml) and the flow in ![flow](img/flow.png).',
  'Do not bundle [this](../../outside/notes.txt), [that](%2e%2e/%2e%2e/outside/notes.txt) or [the link](notes-link.txt).',
];

const EXPECTED_ENTRIES = [
  'README.md',
  'READINESS.md',
  'readiness.json',
  'acceptance-criteria.csv',
  'acceptance-criteria.json',
  'spec/SPEC.md',
  'spec/SPEC.html',
  'spec/assets/docs/api.yaml',
  'spec/assets/specs/img/flow.png',
  'manifest.json',
];

function workspaceWith(spec: string, extra: Record<string, string | Uint8Array> = {}): TempWorkspace {
  const workspace = new TempWorkspace({
    'outside/notes.txt': OUTSIDE,
    'repo/specs/refunds.spec.md': spec,
    'repo/specs/img/flow.png': PNG,
    'repo/docs/api.yaml': 'openapi: 3.1.0\ninfo:\n  title: Refunds\n  version: 1.0.0\npaths: {}\n',
    ...extra,
  });
  symlinkSync(workspace.path('outside/notes.txt'), workspace.path('repo/specs/notes-link.txt'));
  return workspace;
}

function options(workspace: TempWorkspace, overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    specPath: workspace.path('repo/specs/refunds.spec.md'),
    root: workspace.path('repo'),
    format: 'zip',
    force: false,
    overwrite: false,
    sourceDateEpoch: EPOCH,
    ...overrides,
  };
}

function assertRefused(result: ExportResult, reason: string): asserts result is Extract<ExportResult, { status: 'refused' }> {
  assert.equal(result.status, 'refused', JSON.stringify(result));
  assert.equal(result.status === 'refused' && result.reason, reason, result.status === 'refused' ? result.message : '');
}

function assertWritten(result: ExportResult): asserts result is Extract<ExportResult, { status: 'written' }> {
  assert.equal(result.status, 'written', result.status === 'refused' ? `${result.reason}: ${result.message}` : '');
}

describe('export: bundle', () => {
  let workspace: TempWorkspace;

  beforeEach(() => {
    workspace = workspaceWith(readySpecWith(...LINKS));
  });

  afterEach(() => workspace.cleanup());

  it('writes a zip with the spec, its assets, criteria, readiness and a manifest', async () => {
    const result = await exportBundle(options(workspace));
    assertWritten(result);
    assert.equal(result.path, workspace.path('repo/handoff/refunds.spec.zip'));
    assert.equal(result.ready, true);
    assert.equal(result.files, EXPECTED_ENTRIES.length);
    assert.equal(result.bytes, statSync(result.path).size);
    const entries = unzip(result.path);
    assert.deepEqual(Object.keys(entries), EXPECTED_ENTRIES);
    const spec = text(entries['spec/SPEC.md']);
    assert.ok(spec.includes('[the OpenAPI file](assets/docs/api.yaml)'));
    assert.ok(spec.includes('![flow](assets/specs/img/flow.png)'));
    assert.deepEqual([...entries['spec/assets/specs/img/flow.png']], [...PNG]);
    assert.match(text(entries['README.md']), /^# Handoff bundle: Partial refunds for card payments\n/);
    assert.match(text(entries['README.md']), /\*\*Readiness: 100\/100\*\* \(threshold 80\): ready for handoff\./);
    assert.equal(result.readme, text(entries['README.md']));
    assert.equal(JSON.parse(text(entries['acceptance-criteria.json'])).criteria.length, 6);
    assert.equal(JSON.parse(text(entries['readiness.json'])).score, 100);
    assert.match(text(entries['spec/SPEC.html']), /<img src="data:image\/png;base64,/);
  });

  it('lists each linked spec with its score in READINESS.md and the manifest, and warns of those not ready', async () => {
    const linked = workspaceWith(readySpecWith('The ledger is described in [the ledger spec](ledger.spec.md) and [the notes](../docs/notes.md).'), {
      'repo/specs/ledger.spec.md': '# Ledger\n\n## Context\n\nThe ledger records refunds.\n',
      'repo/docs/notes.md': '# Notes\n\nNot a spec.\n',
    });
    try {
      const result = await exportBundle(options(linked));
      assertWritten(result);
      assert.equal(result.ready, true, 'the spec itself is ready');
      assert.equal(result.linkedSpecs.length, 1, 'notes.md is not a spec');
      const [ledger] = result.linkedSpecs;
      assert.deepEqual({ ...ledger, score: 0 }, { path: 'specs/ledger.spec.md', bundlePath: 'spec/assets/specs/ledger.spec.md', profile: 'service', score: 0, threshold: 80, ready: false });
      assert.ok(ledger.score < 80);
      const entries = unzip(result.path);
      assert.deepEqual(JSON.parse(text(entries['manifest.json'])).readiness.linkedSpecs, result.linkedSpecs);
      assert.deepEqual(JSON.parse(text(entries['readiness.json'])).linkedSpecs, result.linkedSpecs);
      const readiness = text(entries['READINESS.md']);
      assert.match(readiness, /## Linked specs \(1\)\n\nThe spec links to these specs, bundled with it and each checked on its own\. One is not ready/);
      assert.ok(readiness.includes(`| specs/ledger.spec.md | spec/assets/specs/ledger.spec.md | ${ledger.score}/100 | not ready (needs 80) |`), readiness);
    } finally {
      linked.cleanup();
    }
  });

  it('never bundles files outside the root, and reports the links it left out', async () => {
    const result = await exportBundle(options(workspace));
    assertWritten(result);
    assert.deepEqual(result.refusedLinks.map((link) => `${link.target} ${link.reason}`), [
      '../../outside/notes.txt outside-root',
      '%2e%2e/%2e%2e/outside/notes.txt outside-root',
      'notes-link.txt outside-root',
    ]);
    const entries = unzip(result.path);
    for (const [path, bytes] of Object.entries(entries)) {
      assert.ok(!Buffer.from(bytes).includes(OUTSIDE), `${path} holds the outside file`);
    }
    assert.match(text(entries['README.md']), /## Links that are not in this bundle[\s\S]*`notes-link.txt` in `specs\/refunds.spec.md`, line \d+: Not bundled: a symbolic link leads outside/);
    assert.deepEqual(workspace.listing(workspace.path('outside')), ['notes.txt'], 'nothing written outside the root');
  });

  it('records tool version, source path, creation time and the size and SHA-256 of every file', async () => {
    const result = await exportBundle(options(workspace));
    assertWritten(result);
    const entries = unzip(result.path);
    const manifest = JSON.parse(text(entries['manifest.json']));
    assert.equal(manifest.tool.name, 'SpecReady');
    assert.equal(manifest.tool.version, version);
    assert.equal(manifest.createdAt, '2023-11-14T22:13:20Z');
    assert.deepEqual(manifest.source, { path: 'specs/refunds.spec.md', git: null });
    assert.deepEqual(manifest.readiness, { profile: 'service', score: 100, threshold: 80, ready: true, exportedNotReady: false, linkedSpecs: [] });
    assert.equal(manifest.refusedLinks.length, 3);
    assert.deepEqual(manifest.files.map((file: { path: string }) => file.path), EXPECTED_ENTRIES.filter((path) => path !== 'manifest.json'));
    for (const file of manifest.files as Array<{ path: string; size: number; sha256: string }>) {
      const bytes = entries[file.path];
      assert.equal(file.size, bytes.length, file.path);
      assert.equal(file.sha256, createHash('sha256').update(bytes).digest('hex'), file.path);
    }
  });

  it('is reproducible: the same inputs and SOURCE_DATE_EPOCH give identical bytes in any time zone', async () => {
    const first = await exportBundle(options(workspace, { outPath: workspace.path('a.zip') }));
    const savedTz = process.env.TZ;
    let second: ExportResult;
    try {
      process.env.TZ = 'Pacific/Chatham';
      second = await exportBundle(options(workspace, { outPath: workspace.path('b.zip') }));
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
    assertWritten(first);
    assertWritten(second);
    const a = readFileSync(first.path);
    assert.ok(a.equals(readFileSync(second.path)), 'two exports differ');
    const later = await exportBundle(options(workspace, { outPath: workspace.path('c.zip'), sourceDateEpoch: EPOCH + 3600 }));
    assertWritten(later);
    assert.ok(!a.equals(readFileSync(later.path)), 'the creation time is part of the bundle');
  });

  it('stamps every zip entry with the export time in UTC and 0644 permissions', async () => {
    const result = await exportBundle(options(workspace));
    assertWritten(result);
    const zip = readFileSync(result.path);
    const stamp = dosDateTime(new Date(EPOCH * 1000));
    let headers = 0;
    for (let offset = zip.indexOf('PK\x01\x02'); offset !== -1; offset = zip.indexOf('PK\x01\x02', offset + 4)) {
      headers++;
      assert.equal(zip.readUInt16LE(offset + 12), stamp.time);
      assert.equal(zip.readUInt16LE(offset + 14), stamp.date);
      assert.equal(zip.readUInt32LE(offset + 38) >>> 16, 0o100644);
    }
    assert.equal(headers, EXPECTED_ENTRIES.length);
  });

  it('writes the same files as a folder, with fixed times and permissions', async () => {
    const zip = await exportBundle(options(workspace));
    const dir = await exportBundle(options(workspace, { format: 'dir' }));
    assertWritten(zip);
    assertWritten(dir);
    assert.equal(dir.path, workspace.path('repo/handoff/refunds.spec'));
    const entries = unzip(zip.path);
    assert.deepEqual(workspace.listing(dir.path).filter((path) => path.includes('.')), [...EXPECTED_ENTRIES].sort());
    for (const [path, bytes] of Object.entries(entries)) {
      const file = workspace.path('repo/handoff/refunds.spec', ...path.split('/'));
      assert.ok(readFileSync(file).equals(Buffer.from(bytes)), path);
      const stats = statSync(file);
      assert.equal(stats.mtimeMs, EPOCH * 1000, path);
      assert.equal(stats.mode & 0o777, 0o644, path);
    }
    assert.equal(dir.bytes, Object.values(entries).reduce((total, bytes) => total + bytes.length, 0));
  });

  it('exports the text it is given (an unsaved buffer) instead of the file', async () => {
    const edited = readySpecWith(...LINKS, '', 'A sentence that is only in the editor.');
    const result = await exportBundle(options(workspace, { text: edited }));
    assertWritten(result);
    assert.ok(text(unzip(result.path)['spec/SPEC.md']).includes('A sentence that is only in the editor.'));
  });
});

describe('export: refusals write nothing', () => {
  let workspace: TempWorkspace;

  afterEach(() => workspace.cleanup());

  async function refusedWithoutWriting(overrides: Partial<ExportOptions>, reason: string): Promise<Extract<ExportResult, { status: 'refused' }>> {
    const before = workspace.listing();
    const result = await exportBundle(options(workspace, overrides));
    assertRefused(result, reason);
    assert.deepEqual(workspace.listing(), before, 'the export wrote something');
    return result;
  }

  it('refuses a spec with a secret, whatever the flags, without repeating it', async () => {
    workspace = workspaceWith(readySpecWith(`Deploy with \`AWS_ACCESS_KEY_ID=${FAKE_AWS_KEY}\`.`));
    const result = await refusedWithoutWriting({ force: true, overwrite: true }, 'secret');
    assert.match(result.message, /possible secret was found at specs\/refunds\.spec\.md:\d+ \(Possible AWS access key\)/);
    assert.ok(!result.message.includes(FAKE_AWS_KEY));
  });

  it('refuses a secret in a linked file too', async () => {
    workspace = workspaceWith(readySpecWith('Configuration: [settings](../docs/settings.yaml).'), {
      'repo/docs/settings.yaml': `aws:\n  key: ${FAKE_AWS_KEY}\n`,
    });
    const result = await refusedWithoutWriting({ force: true }, 'secret');
    assert.match(result.message, /docs\/settings\.yaml:2/);
  });

  it('refuses a spec that is not ready unless forced, and then records it', async () => {
    workspace = workspaceWith(NOT_READY_SPEC);
    const refused = await refusedWithoutWriting({}, 'not-ready');
    assert.ok(refused.score !== undefined && refused.score < 80);
    assert.equal(refused.threshold, 80);
    const forced = await exportBundle(options(workspace, { force: true }));
    assertWritten(forced);
    assert.equal(forced.exportedNotReady, true);
    const entries = unzip(forced.path);
    assert.equal(JSON.parse(text(entries['manifest.json'])).readiness.exportedNotReady, true);
    assert.equal(JSON.parse(text(entries['readiness.json'])).exportedNotReady, true);
    assert.match(text(entries['README.md']), /\*\*not ready\*\*\. It was exported anyway/);
    assert.match(text(entries['READINESS.md']), /\*\*Not ready:\*\* the spec was exported anyway/);
    assert.ok(JSON.parse(text(entries['readiness.json'])).questions.length > 0);
  });

  it('refuses to replace an existing bundle unless told to, and leaves it untouched', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS));
    assertWritten(await exportBundle(options(workspace, { sourceDateEpoch: EPOCH - 86400 })));
    const earlier = readFileSync(workspace.path('repo/handoff/refunds.spec.zip'));
    const refused = await refusedWithoutWriting({}, 'exists');
    assert.equal(refused.path, workspace.path('repo/handoff/refunds.spec.zip'));
    assert.deepEqual(readFileSync(workspace.path('repo/handoff/refunds.spec.zip')), earlier);
    const replaced = await exportBundle(options(workspace, { overwrite: true }));
    assertWritten(replaced);
    assert.ok('README.md' in unzip(replaced.path));
    assert.deepEqual(workspace.listing(workspace.path('repo/handoff')), ['refunds.spec.zip'], 'no temporary file is left');
  });

  it('never replaces a folder that is not a bundle, even with overwrite', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS), { 'repo/handoff/refunds.spec/keep.txt': 'precious' });
    // Not "already exists, use overwrite": overwrite would not replace it either.
    await refusedWithoutWriting({ format: 'dir' }, 'invalid-output');
    await refusedWithoutWriting({ format: 'dir', overwrite: true }, 'invalid-output');
    await refusedWithoutWriting({ format: 'zip', overwrite: true, outPath: workspace.path('repo/handoff/refunds.spec') }, 'invalid-output');
    await refusedWithoutWriting({ format: 'dir', overwrite: true, outPath: workspace.path('repo') }, 'invalid-output');
  });

  it('never replaces a file that is not a zip bundle, and writes zips only to .zip paths', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS), { 'repo/README.md': '# The project\n', 'repo/handoff/refunds.spec.zip': 'not a zip' });
    for (const overwrite of [false, true]) {
      const readme = await refusedWithoutWriting({ overwrite, force: true, outPath: workspace.path('repo/README.md') }, 'invalid-output');
      assert.match(readme.message, /does not end in \.zip/);
      const fake = await refusedWithoutWriting({ overwrite }, 'invalid-output');
      assert.match(fake.message, /is a file that is not a SpecReady zip bundle; it is never replaced/);
    }
    assert.equal(readFileSync(workspace.path('repo/README.md'), 'utf8'), '# The project\n');
    assert.equal(readFileSync(workspace.path('repo/handoff/refunds.spec.zip'), 'utf8'), 'not a zip');
    await refusedWithoutWriting({ outPath: workspace.path('repo/out/bundle') }, 'invalid-output');
    assertWritten(await exportBundle(options(workspace, { outPath: workspace.path('repo/out/bundle.ZIP') })));
  });

  it('replaces an earlier folder bundle with overwrite', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS));
    assertWritten(await exportBundle(options(workspace, { format: 'dir' })));
    workspace.write('repo/handoff/refunds.spec/stale.txt', 'from an older export');
    await refusedWithoutWriting({ format: 'dir' }, 'exists');
    assertWritten(await exportBundle(options(workspace, { format: 'dir', overwrite: true })));
    assert.ok(!existsSync(workspace.path('repo/handoff/refunds.spec/stale.txt')));
    assert.deepEqual(workspace.listing(workspace.path('repo/handoff')).filter((path) => !path.includes('/')), ['refunds.spec']);
  });

  it('refuses a spec outside the root, also through a symlink', async () => {
    workspace = workspaceWith(readySpecWith(), { 'elsewhere/other.spec.md': readySpecWith() });
    await refusedWithoutWriting({ specPath: workspace.path('elsewhere/other.spec.md') }, 'outside-root');
    symlinkSync(workspace.path('elsewhere/other.spec.md'), workspace.path('repo/specs/linked.spec.md'));
    await refusedWithoutWriting({ specPath: workspace.path('repo/specs/linked.spec.md') }, 'outside-root');
  });

  it('refuses an output path that would overwrite the spec', async () => {
    workspace = workspaceWith(readySpecWith());
    await refusedWithoutWriting({ outPath: workspace.path('repo/specs/refunds.spec.md'), overwrite: true }, 'invalid-output');
    await refusedWithoutWriting({ outPath: workspace.path('repo/specs'), format: 'dir', overwrite: true }, 'invalid-output');
  });

  it('refuses a missing spec', async () => {
    workspace = workspaceWith(readySpecWith());
    await refusedWithoutWriting({ specPath: workspace.path('repo/specs/nope.spec.md') }, 'unreadable');
  });
});

const HAS_GIT = spawnSync('git', ['--version']).status === 0;

(HAS_GIT ? describe : describe.skip)('export: git provenance', () => {
  let workspace: TempWorkspace;

  afterEach(() => workspace.cleanup());

  function git(...args: string[]): string {
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace.path('repo'), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim();
  }

  it('records the commit, and whether a bundled file differs from it', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS));
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'spec');
    const head = git('rev-parse', 'HEAD');
    const clean = await exportBundle(options(workspace));
    assertWritten(clean);
    assert.deepEqual(JSON.parse(text(unzip(clean.path)['manifest.json'])).source.git, { commit: head, dirty: false });
    // The bundle just written into handoff/ is untracked, but it is not an input: still clean.
    workspace.write('repo/unrelated.txt', 'not bundled');
    const stillClean = await exportBundle(options(workspace, { outPath: workspace.path('second.zip') }));
    assertWritten(stillClean);
    assert.equal(JSON.parse(text(unzip(stillClean.path)['manifest.json'])).source.git.dirty, false);
    workspace.write('repo/docs/api.yaml', 'openapi: 3.1.1\ninfo:\n  title: Refunds\n  version: 1.0.1\npaths: {}\n');
    const dirty = await exportBundle(options(workspace, { outPath: workspace.path('third.zip') }));
    assertWritten(dirty);
    assert.deepEqual(JSON.parse(text(unzip(dirty.path)['manifest.json'])).source.git, { commit: head, dirty: true });
  });

  it('counts an unsaved editor buffer as a change', async () => {
    workspace = workspaceWith(readySpecWith(...LINKS));
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'spec');
    const result = await exportBundle(options(workspace, { text: readySpecWith(...LINKS, 'Unsaved.') }));
    assertWritten(result);
    assert.equal(JSON.parse(text(unzip(result.path)['manifest.json'])).source.git.dirty, true);
  });
});
