/**
 * How the suite talks to the offline runner (scripts/integration/run-offline.mjs), which reads the
 * extension host's console through the workbench log. Both variables are set only by that runner, so
 * under @vscode/test-electron the suite prints plain output and skips the screenshot step.
 */

/** Prefix that marks a line as the extension host's own console output, as opposed to the workbench's log. */
export const logTag = process.env.SPECREADY_IT_LOG_TAG;
/** Folder where the runner drops `<name>.done` once it has taken the screenshot `<name>`. */
export const screenshotAckDir = process.env.SPECREADY_IT_SCREENSHOT_ACK_DIR;

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Prefixes everything printed through `console` in this extension host (the tests, mocha's reporter
 * and the extension under test) with the tag, so the runner can forward exactly that output.
 */
export function tagConsole(): void {
  if (!logTag) return;
  for (const method of CONSOLE_METHODS) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      // Joined onto a string first argument rather than passed separately so that format
      // strings such as mocha's `'%d passing (%s)'` still apply to the arguments that follow.
      if (typeof args[0] === 'string') original(logTag + args[0], ...args.slice(1));
      else original(logTag, ...args);
    };
  }
}

/**
 * A structured line for the runner, e.g. the result counts or a screenshot request. Goes through
 * the console tagged by {@link tagConsole}, so it is ordered with the rest of the output.
 */
export function sendToRunner(kind: 'result' | 'screenshot', payload: unknown): void {
  if (logTag) console.log(`[specready-integration] ${kind} ${JSON.stringify(payload)}`);
}
