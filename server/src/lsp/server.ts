// First: regular expressions compiled by any module below are compiled without tier-up.
import '../pipeline/regexp-tiers';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Session } from './session';

/**
 * Entry point of the SpecReady language server (`dist/server.js`). The transport is chosen from
 * the command line as usual for vscode-languageserver: `--stdio`, `--node-ipc` or
 * `--socket=<port>`.
 */
const connection = createConnection(ProposedFeatures.all);
new Session(connection).start();
