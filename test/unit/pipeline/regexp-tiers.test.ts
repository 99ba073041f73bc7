/**
 * The front ends that own their process set V8's regular-expression tiers before any other
 * module runs (pipeline/regexp-tiers.ts), and nothing else sets them: the VS Code client runs in
 * the editor's extension host, whose settings are not SpecReady's to change.
 */
import assert from 'node:assert/strict';
import { importsOf, sourceFiles } from '../architecture/imports';

const TIERS = 'server/src/pipeline/regexp-tiers.ts';
/** The bundled entry points that start a process of their own (scripts/bundle.mjs). */
const OWN_PROCESS_ENTRIES = ['server/src/cli/main.ts', 'server/src/lsp/server.ts'];

describe('regular-expression tiers', () => {
  for (const entry of OWN_PROCESS_ENTRIES) {
    it(`${entry} imports the setting before anything else`, () => {
      assert.equal(importsOf(entry)[0]?.to, TIERS);
    });
  }

  it('only those entry points import the setting', () => {
    const importers = [...sourceFiles('server/src'), ...sourceFiles('client/src')]
      .filter((file) => importsOf(file).some((edge) => edge.to === TIERS));
    assert.deepEqual(importers, OWN_PROCESS_ENTRIES);
  });
});
