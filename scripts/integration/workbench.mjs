// Drives the VS Code web workbench in headless Chromium through playwright-core (which downloads
// no browser of its own) and relays what the test run reports back to the runner.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Workbench warnings and errors that say nothing about the extension: offline, the extension
 * gallery and GitHub sign-in cannot be reached; the webview service worker is not registered on a
 * plain-http origin; a busy CI machine makes the workbench's start-up slower than it would like.
 * They still go to the workbench log file.
 */
const NOISE = [
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|getaddrinfo/,
  /authentication provider 'github'/,
  /\[Service Worker\]/,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
];

const PROTOCOL_LINE = /^\[specready-integration\] (\w+) (.*)$/;

/**
 * Opens the workbench at `url` and resolves with `{ exitCode, result }` once the workbench reports
 * that the extension tests finished (`codeAutomationExit`), or rejects after `timeoutMs`.
 *
 * The workbench calls `codeAutomationLog(level, args)` for each line of its log, which also carries
 * the extension host's console. All of it goes to `logFile`; printed are the suite's own lines,
 * which it tags with `logTag` (see test/integration/suite/protocol.ts), and warnings and errors,
 * which include the extension host's `console.warn`/`console.error` and failed activations.
 * Tagged protocol lines report the result counts and ask for screenshots, which are written to
 * `resultsDir` before the suite is told, through a file in `ackDir`, that it may go on.
 */
export async function runWorkbench({ chromiumPath, url, logTag, ackDir, resultsDir, logFile, timeoutMs, onBrowser }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    // The runner stops the browser itself, together with the server, on every way out.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onBrowser(browser);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  writeFileSync(logFile, '');

  let result;
  let pending = Promise.resolve();
  let finish;
  const finished = new Promise((resolve, reject) => {
    finish = { resolve, reject };
  });

  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    appendFileSync(logFile, `[${level}] ${text}\n`);
    if (text.startsWith(logTag)) {
      const line = text.slice(logTag.length);
      const protocol = PROTOCOL_LINE.exec(line);
      if (!protocol) {
        console.log(line);
        return;
      }
      const [, kind, json] = protocol;
      if (kind === 'result') result = JSON.parse(json);
      if (kind === 'screenshot') {
        const { name } = JSON.parse(json);
        pending = pending
          .then(() => screenshot(page, join(resultsDir, `${name}.png`)))
          .catch((error) => console.error(`[integration] Screenshot "${name}" failed: ${error.message}`))
          // Released either way: the suite must not wait out its timeout for a picture.
          .then(() => writeFileSync(join(ackDir, `${name}.done`), ''));
      }
    } else if ((level === 'error' || level === 'warn') && !NOISE.some((pattern) => pattern.test(text))) {
      console.error(`[vscode ${level}] ${text}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    pending.then(() => finish.resolve({ exitCode: code, result }), finish.reject);
  });

  const timer = setTimeout(async () => {
    // A picture of a hung workbench usually says why it hung (a dialog, an error notification).
    await screenshot(page, join(resultsDir, 'timeout.png')).catch(() => {});
    finish.reject(new Error(`The tests did not finish within ${timeoutMs / 1000} s; see ${join(resultsDir, 'timeout.png')}`));
  }, timeoutMs);
  try {
    await page.goto(url);
    return await finished;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the editor's diagnostic squiggles to be painted, since the workbench renders a frame
 * or so after the extension host reports them, then captures the page.
 */
async function screenshot(page, path) {
  await page
    .locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
    .first()
    .waitFor({ state: 'visible', timeout: 5_000 })
    .catch(() => {});
  await page.screenshot({ path });
  console.log(`[integration] Screenshot: ${path}`);
}
