#!/usr/bin/env node
// The GitHub Action's entry point (see action.yml): turns the action's inputs and GitHub's
// environment into `specready check` runs, and reports back through GitHub's files.
//
// Reads: INPUT_PATHS, INPUT_MIN_SCORE, INPUT_CHANGED_SINCE, INPUT_FAIL_ON_SCORE_DROP,
// INPUT_FORMAT, INPUT_SARIF, INPUT_SARIF_FILE, INPUT_ARGS; GITHUB_EVENT_NAME and
// GITHUB_EVENT_PATH (the event payload: a pull request's base commit, a push's previous commit);
// GITHUB_WORKSPACE (where the checks run); GITHUB_STEP_SUMMARY (the CLI appends its table);
// GITHUB_OUTPUT (outputs exit-code, sarif-file, changed-since). SPECREADY_CLI overrides the CLI.
//
// It always exits 0 once the check ran, with the check's status in the exit-code output, so
// that the SARIF upload step still runs; the action's last step fails the job on that status.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'];
const NO_COMMIT = /^0+$/;

function input(name, fallback = '') {
  const value = process.env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function booleanInput(name) {
  const value = input(name, 'false').toLowerCase();
  if (!['true', 'false'].includes(value)) fail(`input ${name} must be true or false, not "${value}"`);
  return value === 'true';
}

function fail(message) {
  console.log(`::error title=SpecReady::${message}`);
  process.exit(2);
}

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

/** The event payload GitHub wrote for this run, or {} when there is none. */
function eventPayload() {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * `changed-since`: the input when given ("" or "none" checks everything); otherwise the base
 * commit of a pull request, or the commit before a push; nothing for other events.
 */
function changedSince(event, eventName) {
  const given = input('changed-since');
  if (given) return given.toLowerCase() === 'none' ? undefined : given;
  if (eventName.startsWith('pull_request') || eventName === 'merge_group') {
    return event.pull_request?.base?.sha ?? event.merge_group?.base_sha;
  }
  if (eventName === 'push' && typeof event.before === 'string' && !NO_COMMIT.test(event.before) && !event.created) return event.before;
  return undefined;
}

/** A shallow checkout may lack the base commit: fetch just it (needs the network, as CI has). */
function ensureCommit(ref, cwd) {
  const known = spawnSync('git', ['cat-file', '-e', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
  if (known.status === 0 || !/^[0-9a-f]{40}$/i.test(ref)) return;
  console.log(`SpecReady: fetching ${ref.slice(0, 12)}, the commit to compare with`);
  spawnSync('git', ['fetch', '--no-tags', '--quiet', 'origin', ref], { cwd, stdio: 'inherit' });
}

/** Splits on white space, keeping "quoted parts" together: for `paths` and `args`. */
function words(text) {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]);
}

function cliCommand() {
  const cli = process.env.SPECREADY_CLI || join(HERE, '..', '..', 'dist', 'cli.js');
  if (!existsSync(cli)) fail(`the SpecReady CLI is missing at ${cli}; the action's build step should have made it`);
  return cli;
}

function main() {
  const cwd = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const format = input('format', 'github');
  if (!FORMATS.includes(format)) fail(`input format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const minScore = input('min-score');
  if (minScore && !(Number(minScore) >= 0 && Number(minScore) <= 100)) fail(`input min-score must be a number from 0 to 100, not "${minScore}"`);

  const args = ['check', ...words(input('paths', '.'))];
  if (minScore) args.push('--min-score', minScore);
  const since = changedSince(eventPayload(), eventName);
  if (since) {
    ensureCommit(since, cwd);
    args.push('--changed-since', since);
    if (booleanInput('fail-on-score-drop')) args.push('--fail-on-score-drop');
  }
  args.push(...words(input('args')));
  setOutput('changed-since', since ?? '');

  const cli = cliCommand();
  const sarif = booleanInput('sarif');
  if (sarif) {
    // A separate run for the SARIF file, so that the log keeps the chosen format; it must not
    // add a second table to the job summary.
    const sarifFile = resolve(cwd, input('sarif-file', 'specready.sarif'));
    const env = { ...process.env };
    delete env.GITHUB_STEP_SUMMARY;
    const run = spawnSync(process.execPath, [cli, ...args, '--format', 'sarif'], { cwd, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (run.status === 0 || run.status === 1) {
      writeFileSync(sarifFile, run.stdout);
      setOutput('sarif-file', sarifFile);
    } else {
      process.stderr.write(run.stderr);
    }
  }

  console.log(`SpecReady: specready ${args.join(' ')} --format ${format}`);
  const run = spawnSync(process.execPath, [cli, ...args, '--format', format], { cwd, stdio: 'inherit' });
  const status = run.status ?? 2;
  setOutput('exit-code', String(status));
  if (status !== 0) console.log(`SpecReady: the check failed with exit status ${status}${status === 2 ? ' (a usage, configuration or git problem: see above)' : ''}`);
}

main();
