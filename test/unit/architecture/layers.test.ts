import * as assert from 'node:assert/strict';
import { isBuiltin } from 'node:module';
import { cycles, importsOf, sourceFiles, type ImportEdge } from './imports';

/**
 * Folders of server/src from the bottom up (see docs/architecture.md). A module may import from
 * its own layer and the layers below it, never from a layer above.
 */
const LAYERS: readonly string[][] = [
  // Small helpers with no knowledge of specs (the bounded cache).
  ['util'],
  // The section catalog classifies headings while the model is built, and format detection reads
  // the model: together they are the document model.
  ['sections', 'model'],
  ['lexicon'],
  // Rules declare their score role and dimension (score/types); the score reads findings and the
  // contract evidence: one layer.
  ['rules', 'score'],
  // The file system as an asynchronous port: the real disk, or files in memory.
  ['host'],
  ['config'],
  ['engine'],
  ['fixes', 'fs', 'docs', 'templates'],
  // One document's analysis as every front end runs it: parse, linked files, engine.
  ['pipeline'],
  // The bundle's READINESS.md reuses the editor features' question and spec summaries.
  ['features'],
  ['export'],
  ['cli', 'lsp', 'mcp'],
];

/** The analysis core: no I/O, no editor protocol. */
const PURE = new Set(['util', 'sections', 'model', 'lexicon', 'rules', 'score', 'engine']);
/** Configuration modules the pure layers may use: types and messages, no file reading. */
const PURE_CONFIG = new Set(['server/src/config/types.ts', 'server/src/config/errors.ts']);
/** Node's own modules (with or without `node:`, `fs/promises` too) and the editor protocol's packages. */
const isIoOrProtocol = (specifier: string): boolean => isBuiltin(specifier) || /^vscode($|-)/.test(specifier);

/**
 * Import cycles that are known and tracked: none. The test fails when a known cycle is gone, so
 * that it is removed here. (The language server's session and the handlers it wires meet only
 * through lsp/context.ts; the model's types, statements included, live in model/types.ts.)
 */
const KNOWN_CYCLES: Array<(cycle: string[]) => boolean> = [];

function folderOf(path: string): string | undefined {
  const match = /^server\/src\/([^/]+)\//.exec(path);
  return match?.[1];
}

function rank(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

describe('architecture', () => {
  const edges: ImportEdge[] = [...sourceFiles('server/src'), ...sourceFiles('client/src')].flatMap(importsOf);

  it('places every folder of server/src in a layer', () => {
    const folders = new Set(sourceFiles('server/src').map(folderOf).filter((folder) => folder !== undefined));
    assert.deepEqual([...folders].filter((folder) => rank(folder) < 0), []);
  });

  it('never imports from a higher layer', () => {
    const upward = edges.filter((edge) => {
      const from = folderOf(edge.from);
      const to = folderOf(edge.to);
      return from !== undefined && to !== undefined && rank(to) > rank(from);
    });
    assert.deepEqual(upward.map((edge) => `${edge.from} -> ${edge.to}`), []);
  });

  it('keeps model, lexicon, sections, rules and engine free of I/O, the editor protocol and the layers above', () => {
    const leaks = edges.filter((edge) => {
      const from = folderOf(edge.from);
      if (from === undefined || !PURE.has(from)) return false;
      if (isIoOrProtocol(edge.to)) return true;
      const to = folderOf(edge.to);
      return to !== undefined && !PURE.has(to) && !PURE_CONFIG.has(edge.to);
    });
    assert.deepEqual(leaks.map((edge) => `${edge.from} -> ${edge.to}`), []);
  });

  it('has no import cycles, type-only imports included', () => {
    const found = cycles(edges);
    assert.deepEqual(found.filter((cycle) => !KNOWN_CYCLES.some((known) => known(cycle))).map((cycle) => cycle.join(' ')), [], 'new import cycle');
    assert.deepEqual(KNOWN_CYCLES.map((known) => found.some(known)), KNOWN_CYCLES.map(() => true), 'a known cycle is gone: remove it from KNOWN_CYCLES');
  });
});
