#!/usr/bin/env node
// `npm run test:integration:electron`: the same suite in VS Code desktop, downloaded by
// @vscode/test-electron (needs access to VS Code's download servers, unlike run-offline.mjs).
// On Linux without a display it re-runs itself under `xvfb-run` (Debian package `xvfb`).
//
// $VSCODE_VERSION picks the VS Code version (default: stable; the extension's minimum is 1.91.0);
// $SPECREADY_IT_GREP selects tests by name; $SPECREADY_IT_CACHE moves the download cache.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { assertBuilt, cacheRoot, createRunDir, REPO_ROOT, seconds, TEST_INDEX } from './shared.mjs';

function rerunUnderXvfb() {
  const probe = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    console.error('[integration] No display: install xvfb (`apt-get install -y xvfb`) or set DISPLAY.');
    return 1;
  }
  // -a picks a free display number, so parallel runs do not collide.
  const result = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit' });
  return result.status ?? 1;
}

async function main() {
  if (process.platform === 'linux' && !process.env.DISPLAY) return rerunUnderXvfb();

  const started = Date.now();
  assertBuilt(REPO_ROOT);
  const runDir = createRunDir();
  // Set when this is started from VS Code's own terminal; it would make VS Code start as plain Node.
  delete process.env.ELECTRON_RUN_AS_NODE;
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      cachePath: join(cacheRoot(), 'vscode-desktop'),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TEST_INDEX,
      launchArgs: [
        runDir.workspace,
        // Other installed extensions stay out of the way; built-in ones (Markdown) stay on.
        '--disable-extensions',
        '--user-data-dir', join(runDir.root, 'user-data'),
        '--extensions-dir', join(runDir.root, 'extensions'),
      ],
    });
    console.log(`[integration] Passed in ${seconds(started)}`);
    return 0;
  } catch (error) {
    // runTests rejects with the VS Code exit code after mocha has printed the failures.
    console.error(`[integration] ${error.message}`);
    return 1;
  } finally {
    runDir.dispose();
  }
}

main().then((code) => process.exit(code));
