// npm's `prepare` step: builds the production bundles that the npm package holds (dist/cli.js,
// dist/mcp.js, dist/api-validator.js). npm runs it for `npm pack` and `npm publish`, after
// `npm install` or `npm ci` in a clone, and when it installs the package from git, which is how
// the pre-commit framework installs a `language: node` hook (`npm install -g git+file://…`, or
// `npm install` + `npm pack` + `npm install -g <tarball>` in pre-commit 3).
//
// A git install with --global runs npm's nested `npm install` of the clone in global mode as well
// (npm 11 passes npm_config_global on), so the clone has no node_modules when this runs. Then the
// build dependencies are installed here from the lock file, into the clone, without scripts.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// npm runs lifecycle scripts in the package's folder.
const root = process.cwd();

function resolvable(name) {
  try {
    createRequire(join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!resolvable('esbuild')) {
  console.error('specready: installing the build dependencies (npm ci) to build the package');
  // npm_execpath is the npm that runs this script; `npm` on PATH is the fallback.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli ? [process.execPath, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  run(command, [...prefix, 'ci', '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
run(process.execPath, [join('scripts', 'bundle.mjs'), '--production']);
