/**
 * How the suite talks to the offline runner (scripts/integration/run-offline.mjs), which reads the
 * extension host's console through the workbench log, where it is mixed with the workbench's own
 * lines. Both variables are set only by that runner, so under @vscode/test-electron the suite prints
 * plain output and skips the screenshot step.
 */

/** Prefix that marks the suite's lines in the workbench log, so the runner can print exactly those. */
export const logTag = process.env.SPECREADY_IT_LOG_TAG ?? '';
/** Folder where the runner drops `<name>.done` once it has taken the screenshot `<name>`. */
export const screenshotAckDir = process.env.SPECREADY_IT_SCREENSHOT_ACK_DIR;

/**
 * `console.log` with the tag. The extension host makes its `console` methods read-only, so the
 * tag cannot be added by wrapping them; the suite's output goes through here instead.
 */
export function print(...args: unknown[]): void {
  // Joined onto a string first argument so that format strings such as mocha's
  // `'%d passing (%s)'` still apply to the arguments that follow.
  if (typeof args[0] === 'string') console.log(logTag + args[0], ...args.slice(1));
  else console.log(logTag, ...args);
}

/** Routes mocha's reporter output (which all goes through `Base.consoleLog`) through {@link print}. */
export function tagReporterOutput(reporterBase: { consoleLog: (...args: unknown[]) => void }): void {
  if (logTag) reporterBase.consoleLog = print;
}

/** A structured line for the runner: the result counts, or a request for a screenshot. */
export function sendToRunner(kind: 'result' | 'screenshot', payload: unknown): void {
  if (logTag) print(`[specready-integration] ${kind} ${JSON.stringify(payload)}`);
}
