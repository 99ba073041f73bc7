/**
 * The front ends that own their process set V8's regular-expression tiers before any other
 * module runs (pipeline/regexp-tiers.ts), and nothing else sets them: the VS Code client runs in
 * the editor's extension host, whose settings are not SpecReady's to change.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { importsOf, ROOT, sourceFiles } from '../architecture/imports';

const TIERS = 'server/src/pipeline/regexp-tiers.ts';
/** The bundled entry points that start a process of their own (scripts/bundle.mjs). */
const OWN_PROCESS_ENTRIES = ['server/src/cli/main.ts', 'server/src/lsp/server.ts'];

describe('regular-expression tiers', () => {
  for (const entry of OWN_PROCESS_ENTRIES) {
    it(`${entry} imports the setting before anything else`, () => {
      assert.equal(importsOf(entry)[0]?.to, TIERS);
    });
  }

  it('leaves a process that goes on to load packages working (Node ran expressions of its own before it)', () => {
    // Node has run expressions of its own before the setting (finding the module's file by its
    // path without extension, here); resolving a package runs them again.
    const tiers = `./out/${TIERS.replace(/\.ts$/, '')}`;
    const script = `require(${JSON.stringify(tiers)});
      const MarkdownIt = require('markdown-it');
      const tokens = new MarkdownIt().parse('# Title\\n\\nSome *text* and \\\`code\\\`.', {});
      process.stdout.write(tokens.map((token) => token.type).join(' '));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.signal, null);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'heading_open inline heading_close paragraph_open inline paragraph_close');
  });

  it('only those entry points import the setting', () => {
    const importers = [...sourceFiles('server/src'), ...sourceFiles('client/src')]
      .filter((file) => importsOf(file).some((edge) => edge.to === TIERS));
    assert.deepEqual(importers, OWN_PROCESS_ENTRIES);
  });
});
