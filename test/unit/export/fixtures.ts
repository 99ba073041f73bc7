import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';

export const REPO = join(__dirname, '..', '..', '..', '..');
/** The ready example (score 100); tests add links to its Context section. */
export const READY_SPEC = readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md'), 'utf8');
/** An example that is not ready. */
export const NOT_READY_SPEC = readFileSync(join(REPO, 'examples', 'order-export.spec.md'), 'utf8');
/** A fake AWS access key, assembled so that no scanner flags this file. */
export const FAKE_AWS_KEY = ['AKIA', 'Q3ZLXW7PJ4NRT6VY'].join('');
/** A fixed SOURCE_DATE_EPOCH: 2023-11-14T22:13:20Z. */
export const EPOCH = 1_700_000_000;

/** The ready spec with `lines` added as a paragraph at the end of its Context section. */
export function readySpecWith(...lines: string[]): string {
  const marker = '## Scope\n';
  assert.ok(READY_SPEC.includes(marker), 'examples/payment-refunds.spec.md changed: update the export fixtures');
  return READY_SPEC.replace(marker, `${lines.join('\n')}\n\n${marker}`);
}

/** A temporary folder (real path) with the given files; removed by `cleanup`. */
export class TempWorkspace {
  readonly dir: string;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'specready-export-')));
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  write(path: string, content: string | Uint8Array): string {
    const file = this.path(path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  /** Every file and folder below `dir`, relative, sorted: to assert that nothing was written. */
  listing(dir = this.dir): string[] {
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = join(folder, entry.name);
        found.push(relative(dir, full).split('\\').join('/'));
        if (entry.isDirectory() && !entry.isSymbolicLink()) walk(full);
      }
    };
    walk(dir);
    return found.sort();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The entries of a zip file as path -> text (UTF-8) or bytes. */
export function unzip(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(file)));
}

export function text(bytes: Uint8Array | undefined): string {
  assert.ok(bytes, 'entry is missing');
  return new TextDecoder().decode(bytes);
}
