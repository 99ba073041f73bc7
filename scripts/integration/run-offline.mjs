#!/usr/bin/env node
// `npm run test:integration`: runs the integration suite in a real VS Code without downloading
// VS Code. A VS Code server (from npm, see vscode-server.mjs) runs the extension and the suite in
// its Node extension host; headless Chromium shows its web workbench and reports back when the
// tests end. Results, a screenshot and logs go to test-results/integration/.
//
// Options: --extension <dir> runs the suite against another extension folder (a stub, say, to
// check the runner itself); --vsix <file> installs that extension package into the server first
// (as `code --install-extension` does) and runs the suite against the installed copy, so that
// what users install is what is tested (`npm run test:integration:vsix`); --timeout <seconds> bounds the run (default 600, or $SPECREADY_IT_TIMEOUT).
// $SPECREADY_IT_GREP selects tests by name; $SPECREADY_IT_CACHE moves the install cache;
// $CHROMIUM_PATH uses another Chromium than Debian's.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assertBuilt,
  cacheRoot,
  createRunDir,
  ensureResultsDir,
  REPO_ROOT,
  RESULTS_DIR,
  seconds,
  TEST_INDEX,
} from './shared.mjs';
import {
  chromiumPath,
  ensureDebianPackages,
  installExtension,
  installVscodeServer,
  startServer,
  vscodeServerLayout,
} from './vscode-server.mjs';
import { runWorkbench } from './workbench.mjs';

/** Marks the suite's lines in the workbench log; see test/integration/suite/protocol.ts. */
const LOG_TAG = '[exthost] ';

const { values: options } = parseArgs({
  options: {
    extension: { type: 'string' },
    vsix: { type: 'string' },
    timeout: { type: 'string' },
  },
});

async function main() {
  const started = Date.now();
  const timeoutMs = Number(options.timeout ?? process.env.SPECREADY_IT_TIMEOUT ?? 600) * 1000;
  if (!(timeoutMs > 0)) throw new Error('--timeout takes a number of seconds');
  if (options.vsix && options.extension) throw new Error('--vsix and --extension exclude each other');
  const vsix = options.vsix && resolve(options.vsix);
  if (vsix && !existsSync(vsix)) throw new Error(`No extension package at ${vsix}; run \`npm run package\` first`);
  if (!vsix) assertBuilt(resolve(options.extension ?? REPO_ROOT));
  const layout = vscodeServerLayout(cacheRoot());
  ensureDebianPackages({ forBuild: !layout.installed });
  if (!layout.installed) installVscodeServer(layout);

  rmSync(RESULTS_DIR, { recursive: true, force: true });
  const resultsDir = ensureResultsDir();
  const runDir = createRunDir();
  let extensionPath = resolve(options.extension ?? REPO_ROOT);
  let extensionId;
  try {
    if (vsix) {
      extensionPath = installExtension({ layout, runDir: runDir.root, vsix, logFile: join(resultsDir, 'install-extension.log') });
      console.log(`[integration] Installed ${basename(vsix)} into ${extensionPath}`);
    }
    extensionId = assertBuilt(extensionPath);
  } catch (error) {
    runDir.dispose();
    throw error;
  }
  const ackDir = join(runDir.root, 'screenshots-taken');
  mkdirSync(ackDir);

  let server;
  let browser;
  let cleaning;
  const cleanup = () => {
    cleaning ??= (async () => {
      await browser?.close().catch(() => {});
      await server?.stop();
      const logs = server && join(server.dataDir, 'user-data/logs');
      if (logs && existsSync(logs)) cpSync(logs, join(resultsDir, 'vscode-logs'), { recursive: true });
      runDir.dispose();
    })();
    return cleaning;
  };
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      console.error(`[integration] ${signal}: stopping VS Code`);
      cleanup().finally(() => process.exit(code));
    });
  }
  // Last resort for a crash of the runner itself: the server must not outlive it.
  process.once('exit', () => {
    if (server) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });

  let outcome;
  try {
    server = await startServer({
      layout,
      runDir: runDir.root,
      logFile: join(resultsDir, 'server.log'),
      // The extension host inherits the server's environment; this is how the suite learns the protocol.
      env: { ...process.env, SPECREADY_IT_LOG_TAG: LOG_TAG, SPECREADY_IT_SCREENSHOT_ACK_DIR: ackDir },
    });
    console.log(`[integration] VS Code server listening on 127.0.0.1:${server.port} (setup took ${seconds(started)})`);

    const origin = `127.0.0.1:${server.port}`;
    const remote = (path) => `vscode-remote://${origin}${path.split('/').map(encodeURIComponent).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(TEST_INDEX)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://${origin}/?folder=${encodeURIComponent(runDir.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const serverDied = server.exited.then(({ code, signal }) => {
      throw new Error(`The VS Code server exited with ${code ?? signal} during the run; see ${join(resultsDir, 'server.log')}`);
    });
    outcome = await Promise.race([
      runWorkbench({
        chromiumPath: chromiumPath(),
        url,
        logTag: LOG_TAG,
        ackDir,
        resultsDir,
        logFile: join(resultsDir, 'workbench.log'),
        timeoutMs,
        onBrowser: (launched) => {
          browser = launched;
        },
      }),
      serverDied,
    ]);
  } catch (error) {
    outcome = { error };
  } finally {
    await cleanup();
  }

  if (outcome.error) console.error(`[integration] ${outcome.error.message}`);
  const code = outcome.error ? 1 : report({ ...outcome, started });
  if (code !== 0) printFailureLogs(join(resultsDir, 'vscode-logs'), extensionId);
  return code;
}

/**
 * On failure, what the extension host logged is often the explanation: errors such as a failed
 * activation, which only its own log file records, and the extension's output channels, where the
 * language client's trace and the language server's stderr end up.
 */
function printFailureLogs(logsDir, extensionId) {
  const files = existsSync(logsDir) ? readdirSync(logsDir, { recursive: true, encoding: 'utf8' }) : [];
  for (const file of files.filter((name) => basename(name) === 'remoteexthost.log')) {
    const errors = logEntries(readFileSync(join(logsDir, file), 'utf8')).filter((entry) => / \[error\] /.test(entry[0]));
    if (errors.length === 0) continue;
    console.error(`[integration] Errors in ${file}:`);
    for (const line of errors.flat()) console.error(`  ${line}`);
  }
  for (const file of files.filter((name) => name.split(sep).includes(extensionId) && name.endsWith('.log'))) {
    const lines = readFileSync(join(logsDir, file), 'utf8').trimEnd().split('\n');
    if (lines.length === 1 && lines[0] === '') continue;
    console.error(`[integration] ${file} (last ${Math.min(lines.length, 80)} lines):`);
    for (const line of lines.slice(-80)) console.error(`  ${line}`);
  }
}

/** Splits a VS Code log into entries: a timestamped line and the untimestamped lines (a stack) after it. */
function logEntries(text) {
  const entries = [];
  for (const line of text.trimEnd().split('\n')) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line) || entries.length === 0) entries.push([line]);
    else entries.at(-1).push(line);
  }
  return entries;
}

/** Prints the closing summary line and returns the process exit code. */
function report({ exitCode, result, started }) {
  const elapsed = seconds(started);
  if (!result) {
    console.error(`[integration] The suite reported no results (extension host exit code ${exitCode}); see ${RESULTS_DIR}`);
    console.log('integration: 0 passed, 1 failed');
    return 1;
  }
  const skipped = result.pending > 0 ? `, ${result.pending} skipped` : '';
  console.log(`[integration] Finished in ${elapsed}; logs and screenshot in ${RESULTS_DIR}`);
  console.log(`integration: ${result.passed} passed, ${result.failed} failed${skipped}`);
  if (result.passed + result.failed === 0) {
    console.error('[integration] No test ran');
    return 1;
  }
  return exitCode === 0 && result.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error.message}`);
    process.exit(1);
  },
);
