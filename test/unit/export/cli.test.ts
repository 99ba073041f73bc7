import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { EXPORT_HELP, runExportCommand } from '../../../server/src/cli/export-command';
import { EPOCH, FAKE_AWS_KEY, NOT_READY_SPEC, readySpecWith, TempWorkspace, unzip } from './fixtures';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(workspace: TempWorkspace, args: string[], env: Record<string, string | undefined> = { SOURCE_DATE_EPOCH: String(EPOCH) }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runExportCommand(args, {
    cwd: workspace.dir,
    env,
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
  });
  return { status, stdout, stderr };
}

describe('specready export (CLI)', () => {
  let workspace: TempWorkspace;

  beforeEach(() => {
    workspace = new TempWorkspace({
      'specs/ready.spec.md': readySpecWith('See ![flow](img/flow.png) and [the accounts](accounts.txt).'),
      'specs/img/flow.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'specs/draft.spec.md': NOT_READY_SPEC,
      'specs/leaky.spec.md': readySpecWith(`Key: ${FAKE_AWS_KEY}`),
    });
    // Exists (so the spec is ready), but is outside the root.
    symlinkSync(process.execPath, workspace.path('specs/accounts.txt'));
  });

  afterEach(() => workspace.cleanup());

  it('writes <root>/handoff/<name>.zip by default and exits 0, warning about links it left out', async () => {
    const result = await run(workspace, ['specs/ready.spec.md', '--root', '.']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Exported specs\/ready\.spec\.md to handoff\/ready\.spec\.zip \(9 files, [\d.]+ KiB\); readiness 100\/100 \(threshold 80\): ready\.\n$/);
    assert.match(result.stderr, /warning: specs\/ready\.spec\.md:\d+: link "accounts\.txt" not bundled: a symbolic link leads outside the root folder\./);
    assert.ok('spec/assets/specs/img/flow.png' in unzip(workspace.path('handoff/ready.spec.zip')));
  });

  it('warns that a linked spec is not ready, and still exports the spec', async () => {
    workspace.write('specs/linking.spec.md', readySpecWith('The export format is in [the draft](draft.spec.md).'));
    const result = await run(workspace, ['specs/linking.spec.md', '--format', 'dir', '--out', 'out-linked']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^specready export: warning: linked spec specs\/draft\.spec\.md is not ready \(\d+\/100, needs 80\); it is bundled and listed in READINESS\.md$/m);
    assert.match(readFileSync(workspace.path('out-linked/READINESS.md'), 'utf8'), /\| specs\/draft\.spec\.md \| spec\/assets\/specs\/draft\.spec\.md \| \d+\/100 \| not ready \(needs 80\) \|/);
  });

  it('honours --out, --format dir and SOURCE_DATE_EPOCH', async () => {
    const first = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--out', 'a.zip']);
    const second = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--out', 'b.zip']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.status, 0, second.stderr);
    assert.ok(readFileSync(workspace.path('a.zip')).equals(readFileSync(workspace.path('b.zip'))));
    const dir = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--format', 'dir', '--out', 'out/bundle']);
    assert.equal(dir.status, 0, dir.stderr);
    assert.ok(existsSync(workspace.path('out/bundle/spec/SPEC.html')));
  });

  it('exits 1 for a spec that is not ready, and exports it with --force', async () => {
    const refused = await run(workspace, ['specs/draft.spec.md', '--root', '.']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /refused: The spec is not ready for handoff/);
    assert.match(refused.stderr, /--force/);
    assert.ok(!existsSync(workspace.path('handoff')));
    const forced = await run(workspace, ['specs/draft.spec.md', '--root', '.', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /NOT READY, exported anyway/);
  });

  it('exits 1 for a secret, even with --force, and writes nothing', async () => {
    const result = await run(workspace, ['specs/leaky.spec.md', '--root', '.', '--force', '--overwrite']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /refused: Nothing was exported: a possible secret was found at specs\/leaky\.spec\.md:\d+/);
    assert.ok(!result.stderr.includes(FAKE_AWS_KEY));
    assert.ok(!existsSync(workspace.path('handoff')));
  });

  it('exits 1 when the output exists, and replaces it with --overwrite', async () => {
    assert.equal((await run(workspace, ['specs/ready.spec.md', '--root', '.'], { SOURCE_DATE_EPOCH: '1000000000' })).status, 0);
    const earlier = readFileSync(workspace.path('handoff/ready.spec.zip'));
    const refused = await run(workspace, ['specs/ready.spec.md', '--root', '.']);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^specready export: refused: .* already exists \(an earlier bundle\)\.\nChoose another --out, or replace the earlier bundle with --overwrite\.\n$/);
    assert.deepEqual(readFileSync(workspace.path('handoff/ready.spec.zip')), earlier);
    const replaced = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--overwrite']);
    assert.equal(replaced.status, 0, replaced.stderr);
    assert.ok('README.md' in unzip(workspace.path('handoff/ready.spec.zip')));
  });

  it('never replaces a file that is not a bundle, whatever the flags, and says error (exit 2)', async () => {
    workspace.write('README.md', '# Project\n');
    const result = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--out', 'README.md', '--overwrite', '--force']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^specready export: error: .*README\.md does not end in \.zip/);
    assert.equal(readFileSync(workspace.path('README.md'), 'utf8'), '# Project\n');
    assert.ok(!existsSync(workspace.path('handoff')));
  });

  it('exits 2 for usage errors and a spec outside the root', async () => {
    for (const args of [[], ['a.md', 'b.md'], ['specs/ready.spec.md', '--format', 'tar'], ['specs/ready.spec.md', '--bogus'], ['specs/ready.spec.md', '--out', '']]) {
      const result = await run(workspace, args);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^specready export: .*\nRun "specready export --help" for usage\.\n$/, args.join(' '));
    }
    const epoch = await run(workspace, ['specs/ready.spec.md'], { SOURCE_DATE_EPOCH: 'yesterday' });
    assert.equal(epoch.status, 2);
    assert.match(epoch.stderr, /SOURCE_DATE_EPOCH must be a whole number of seconds/);
    const outside = await run(workspace, ['specs/ready.spec.md', '--root', 'specs/img']);
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /outside the root folder /);
    assert.ok(!existsSync(workspace.path('handoff')));
  });

  it('exits 2 for a broken --config file', async () => {
    writeFileSync(workspace.path('bad.json'), '{ "threshold": "high" }');
    const result = await run(workspace, ['specs/ready.spec.md', '--root', '.', '--config', 'bad.json']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bad\.json/);
  });

  it('prints its help', async () => {
    const result = await run(workspace, ['--help']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, EXPORT_HELP);
  });
});
