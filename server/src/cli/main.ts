/** Entry point of the `specready` command (bundled to dist/cli.js): parse, dispatch, exit. */
// First: regular expressions compiled by any module below are compiled without tier-up.
import '../pipeline/regexp-tiers';
import { parseCommandLine, UsageError, type Command } from './args';
import { runCheck } from './commands/check';
import { processWatchHost, runWatch } from './watch';
import { runRules } from './commands/rules';
import { EXPORT_HELP, runExportCommand } from './export-command';
import { CHECK_HELP, GENERAL_HELP, RULES_HELP } from './help';
import { MCP_HELP, runMcpCommand } from './mcp-command';
import { NEW_HELP, runNewCommand } from './new-command';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { TOOL_VERSION } from './version';

const HELP: Record<NonNullable<Extract<Command, { kind: 'help' }>['topic']>, string> = {
  check: CHECK_HELP,
  rules: RULES_HELP,
  export: EXPORT_HELP,
  new: NEW_HELP,
  mcp: MCP_HELP,
};

async function main(argv: string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`specready: ${error.message}\nRun "specready --help" for usage.\n`);
    return EXIT_USAGE;
  }
  switch (command.kind) {
    case 'help':
      io.stdout(command.topic ? HELP[command.topic] : GENERAL_HELP);
      return EXIT_OK;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'rules':
      return runRules(command, io);
    case 'check':
      return command.watch ? runWatch(command, io, processWatchHost()) : runCheck(command, io);
    case 'delegated':
      switch (command.name) {
        case 'export': return runExportCommand(command.args, io);
        case 'new': return runNewCommand(command.args, io);
        case 'mcp': return runMcpCommand(command.args, io);
      }
  }
}

const io: CliIo = {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stdoutColumns: process.stdout.columns,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

// `specready rules | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

main(process.argv.slice(2), io).then(
  (status) => { process.exitCode = status; },
  (error: unknown) => {
    process.stderr.write(`specready: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
