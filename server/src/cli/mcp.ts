/**
 * The MCP server's stdio runtime, bundled separately (dist/mcp.js) and loaded by `specready mcp`
 * only: the protocol SDK stays out of every other command's start-up.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from '../mcp/server';

/** Serves until the client closes the connection or stdin ends. */
export async function serveOverStdio(root: string): Promise<void> {
  const server = createMcpServer(root);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => { transport.onclose = done; });
  process.stdin.on('end', () => void server.close());
  await server.connect(transport);
  await closed;
}
