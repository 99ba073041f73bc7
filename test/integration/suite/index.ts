import * as fs from 'node:fs';
import * as path from 'node:path';
// Resolved from the repo's node_modules: this file is compiled to out/test/integration/suite inside
// the repo, whichever extension host (desktop or remote) loads it.
import Mocha from 'mocha';
import { sendToRunner, tagReporterOutput } from './protocol';
import { showcaseForScreenshot } from './showcase';

/**
 * Entry point named by `extensionTestsPath`: VS Code calls `run()` in the extension host once the
 * extension under development is registered, and exits with 1 if it rejects.
 */
export async function run(): Promise<void> {
  tagReporterOutput(Mocha.reporters.Base);
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Generous because a cold extension host on a 2-core CI machine takes seconds to activate
    // the built-in Markdown extension alongside ours; the tests themselves wait on events.
    timeout: 60_000,
    grep: process.env.SPECREADY_IT_GREP || undefined,
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('end', () => {
      const { passes, failures: failed, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      sendToRunner('result', { passed: passes, failed, pending });
    });
  });

  await showcaseForScreenshot();
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

/** One `*.test.js` per area (diagnostics, quick fixes, status bar, settings, ...), in a stable order. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}
