// Bundles the CLI, the language server and the VS Code client into dist/ so that the
// extension ships a few files and activates without resolving node_modules at runtime.
import { build } from 'esbuild';
import { existsSync, chmodSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
// `--outdir DIR` writes the bundles elsewhere (the benchmark measures production bundles this way).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 ? process.argv[outdirFlag + 1] : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build that loads its parts with a run-time require; its ES
  // module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

const entries = [
  // `specready mcp` loads ./mcp.js at run time, so the protocol SDK is not in every command's start-up.
  // The validator of linked API files (OpenAPI, AsyncAPI, JSON Schema) is one bundle shared by
  // the CLI, the MCP server and the language server, loaded only when a spec links such a file.
  // It is always minified: unminified it would double the size of the npm package. It holds one
  // ajv: @redocly/openapi-core's fork of it (same API, the copy the validator needs anyway).
  { entry: 'server/src/cli/main.ts', out: `${outdir}/cli.js`, banner: '#!/usr/bin/env node', external: ['./mcp.js', './api-validator.js'] },
  { entry: 'server/src/cli/mcp.ts', out: `${outdir}/mcp.js`, external: ['./api-validator.js'] },
  { entry: 'server/src/lsp/server.ts', out: `${outdir}/server.js`, external: ['./api-validator.js'] },
  { entry: 'server/src/fs/api-validator.ts', out: `${outdir}/api-validator.js`, minify: true, alias: { graphql: './scripts/stubs/graphql.ts', ajv: '@redocly/ajv' } },
  { entry: 'client/src/extension.ts', out: `${outdir}/extension.js`, external: ['vscode'] },
];

for (const { entry, out, banner, external, minify, alias } of entries) {
  if (!existsSync(entry)) continue;
  await build({
    ...common,
    entryPoints: [entry],
    outfile: out,
    external: external ?? [],
    ...(minify ? { minify: true } : {}),
    ...(alias ? { alias } : {}),
    banner: banner ? { js: banner } : undefined,
  });
  if (banner) chmodSync(out, 0o755);
  // A production bundle has no source map; one left over from a development build would be stale.
  if (production) rmSync(`${out}.map`, { force: true });
}
