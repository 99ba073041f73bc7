/** A temporary project and the built CLI run in it: what a user at a terminal sees. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');
export const READY_SPEC = readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md'), 'utf8');
export const NOT_READY_SPEC = readFileSync(join(REPO, 'examples', 'order-export.spec.md'), 'utf8');

/** A project's two specs under docs/: one handoff-ready, one not. */
export const READY_AND_NOT_READY: Readonly<Record<string, string>> = {
  'docs/refunds.spec.md': READY_SPEC,
  'docs/export.spec.md': NOT_READY_SPEC,
};

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export class TempProject {
  readonly root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-project-')));

  constructor() {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  }

  /** Makes the root a git work tree the way a clone has it (a `.git` folder). */
  gitInit(): this {
    mkdirSync(join(this.root, '.git', 'objects'), { recursive: true });
    writeFileSync(join(this.root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    return this;
  }

  write(path: string, text: string | Buffer): string {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  /** Writes each of `files` (path relative to the root: content). */
  withFiles(files: Readonly<Record<string, string | Buffer>>): this {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
    return this;
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  /** Runs `specready ...args` in `cwd` (relative to the root), without colour. */
  run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: join(this.root, options.cwd ?? '.'),
      encoding: 'utf8',
      env: { ...env, ...options.env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `specready check ... --format json`, parsed. */
  checkJson(args: string[], cwd?: string): { run: CliRun; report: any } {
    const run = this.run(['check', ...args, '--format', 'json'], { cwd });
    let report: any;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`not JSON (exit ${run.status}): ${run.stdout.slice(0, 200)} ${run.stderr}`);
    }
    return { run, report };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function paths(report: { files: Array<{ path: string }> }): string[] {
  return report.files.map((file) => file.path);
}
