/** `specready mcp [--root <dir>]`: serves the MCP tools over stdio until the client disconnects. */
import { resolve } from 'node:path';
import { isDirectorySync } from '../fs/sync-stat';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { parseOptions } from './args';
import type * as McpRuntime from './mcp';

export const MCP_HELP = `Usage: specready mcp [--root <dir>]

Serves SpecReady to coding agents as a Model Context Protocol server over stdio.
Tools: check_spec (a path or the text of a spec: findings, score, breakdown and the
builder's questions), list_specs (readiness of every spec), explain_rule, export_bundle
(with the same refusals as "specready export"). Rule documentation is offered as
resources (specready://rules/<id>). Paths are confined to the root.

Options:
  --root <dir>   Folder the tools may read and write in (default: the current folder)
  -h, --help     Show this help
`;

export async function runMcpCommand(args: string[], io: CliIo): Promise<number> {
  let values: { root?: string; help?: boolean };
  try {
    ({ values } = parseOptions({ args, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    io.stderr(`specready: ${(error as Error).message}\nRun "specready mcp --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.stdout(MCP_HELP);
    return EXIT_OK;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  if (!isDirectorySync(root)) {
    io.stderr(`specready: --root ${values.root ?? '.'} is not a folder\n`);
    return EXIT_USAGE;
  }
  // The protocol SDK is a bundle of its own (dist/mcp.js), loaded only for this command: every
  // other command starts without parsing it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require('./mcp.js') as typeof McpRuntime;
  await runtime.serveOverStdio(root);
  return EXIT_OK;
}
