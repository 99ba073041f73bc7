/**
 * The npm package as users get it: `npm pack` of the built repository, installed globally into a
 * scratch prefix with npm's offline mode (a tarball with no dependencies needs no registry), then
 * run from a folder outside the repository.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('npm package', function () {
  this.timeout(120_000);
  let scratch: string;
  let tarball: string;
  let stage: string;
  let packStdout: string;
  let packed: { files: Array<{ path: string; size: number }>; size: number; unpackedSize: number };

  before(function () {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), 'specready-package-')));
    // What `npm pack` publishes: the production bundles of the `prepare` script, not the
    // development build that `npm test` ran on. Staged in a copy so the repository's dist/ stays as
    // it is; the sources and node_modules are links into the repository.
    stage = join(scratch, 'stage');
    mkdirSync(stage);
    for (const file of ['package.json', 'README.md', 'LICENSE', '.npmignore', '.npmrc']) copyFileSync(join(REPO, file), join(stage, file));
    for (const folder of ['schemas', 'scripts']) cpSync(join(REPO, folder), join(stage, folder), { recursive: true });
    for (const folder of ['server', 'client', 'node_modules']) symlinkSync(join(REPO, folder), join(stage, folder), 'junction');
    // Exactly as pre-commit 3 installs a `language: node` hook: it takes the tarball's name from
    // the standard output of a plain `npm pack`, so the build step must print nothing there.
    const result = run(NPM, ['pack', '--pack-destination', scratch], { cwd: stage });
    assert.equal(result.status, 0, result.stderr);
    packStdout = result.stdout;
    const listing = run(NPM, ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: stage });
    assert.equal(listing.status, 0, listing.stderr);
    [packed] = JSON.parse(listing.stdout);
    tarball = join(scratch, (packed as unknown as { filename: string }).filename);
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('builds in `prepare` and prints only the tarball name on stdout (what pre-commit 3 reads)', () => {
    assert.equal(packStdout, `${(packed as unknown as { filename: string }).filename}\n`);
    assert.ok(existsSync(tarball), tarball);
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    // npm runs `prepare`, not `prepack`, when it installs from git (pre-commit 4's
    // `npm install -g git+file://…`), so `prepare` builds too.
    assert.equal(manifest.scripts.prepare, 'node scripts/prepare.mjs');
    assert.equal(readFileSync(join(stage, 'package.json'), 'utf8'), readFileSync(join(REPO, 'package.json'), 'utf8'), 'postpack put package.json back');
    assert.equal(existsSync(join(stage, '.package.json.packing')), false);
  });

  it('packs a package.json without the build script, so installing the tarball runs and warns about nothing', () => {
    const listed = run('tar', ['-xzf', tarball, '-O', 'package/package.json']);
    assert.equal(listed.status, 0, listed.stderr);
    const packedManifest = JSON.parse(listed.stdout);
    assert.equal(packedManifest.scripts.prepare, undefined);
    assert.equal(packedManifest.bin.specready, 'dist/cli.js');
  });

  it('holds the CLI bundle and no sources, maps, tests or dependencies', () => {
    const paths = packed.files.map((file) => file.path).sort();
    assert.ok(paths.includes('dist/cli.js'), paths.join(', '));
    assert.ok(paths.includes('dist/mcp.js'), `the bundle that specready mcp loads: ${paths.join(', ')}`);
    assert.ok(paths.includes('package.json'));
    assert.ok(paths.includes('schemas/specready.schema.json'), `the schema that configuration files name offline: ${paths.join(', ')}`);
    for (const path of paths) {
      assert.doesNotMatch(path, /\.map$|\.ts$|^node_modules\/|^(server|client|test|scripts|out)\//, `${path} should not be packed`);
    }
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'every library is bundled: dependencies belong in devDependencies');
    assert.equal(manifest.bin.specready, 'dist/cli.js');
    assert.ok(packed.unpackedSize < 5_000_000, `unpacked size ${packed.unpackedSize} bytes`);
  });

  it('installs globally without the registry and checks specs from a scratch folder', () => {
    const prefix = join(scratch, 'prefix');
    const install = run(NPM, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: scratch });
    assert.equal(install.status, 0, install.stderr);
    assert.doesNotMatch(install.stderr, /install-scripts|allowScripts/, 'the package has no install script');
    const bin = join(prefix, process.platform === 'win32' ? 'specready.cmd' : 'bin/specready');
    assert.ok(existsSync(bin), `${bin} was not installed`);

    const project = join(scratch, 'project');
    mkdirSync(join(project, 'docs'), { recursive: true });
    writeFileSync(join(project, 'docs', 'refunds.spec.md'), readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md')));
    writeFileSync(join(project, 'docs', 'export.spec.md'), readFileSync(join(REPO, 'examples', 'order-export.spec.md')));

    const version = run(bin, ['--version'], { cwd: project });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);

    const check = run(bin, ['check', '--format', 'json'], { cwd: project });
    assert.equal(check.status, 1, check.stderr);
    const report = JSON.parse(check.stdout);
    assert.deepEqual(report.files.map((file: { path: string }) => file.path), ['docs/export.spec.md', 'docs/refunds.spec.md']);
    assert.equal(report.files[1].ready, true);
    assert.ok(report.summary.errors > 0);
  });
});
