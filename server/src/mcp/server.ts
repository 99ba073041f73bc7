/**
 * `specready mcp`: a Model Context Protocol server over stdio, so that coding agents can check
 * a spec before they build from it, with the same deterministic verdict as the CLI and CI.
 * Tools: check_spec, list_specs, explain_rule, export_bundle; every rule's documentation is a
 * resource (`specready://rules/<id>`). Thin: the work is in tools.ts.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { RULES } from '../rules/registry';
import { TOOL_NAME, TOOL_VERSION } from '../cli/version';
import { ruleMarkdown, SpecReadyTools, ToolError } from './tools';

export function createMcpServer(root: string): McpServer {
  const tools = new SpecReadyTools(root);
  const server = new McpServer({ name: TOOL_NAME, version: TOOL_VERSION });

  server.registerTool('check_spec', {
    title: 'Check a spec',
    description: 'Checks one spec for handoff readiness: findings, readiness score and breakdown, and the questions a builder '
      + 'would otherwise have to ask. Give "path" (a file inside the root) or "text" (the spec itself; "path" then names the '
      + 'file it would be, for its configuration and profile).',
    inputSchema: { path: z.string().optional(), text: z.string().optional() },
    annotations: { readOnlyHint: true },
  }, (input) => answer(() => tools.checkSpec(input)));

  server.registerTool('list_specs', {
    title: 'List specs and their readiness',
    description: 'Every spec under the root (or under "path"), with profile, score, verdict and counts of errors and warnings; not-ready specs first.',
    inputSchema: { path: z.string().optional() },
    annotations: { readOnlyHint: true },
  }, (input) => answer(() => tools.listSpecs(input)));

  server.registerTool('explain_rule', {
    title: 'Explain a rule',
    description: `What a SpecReady rule reports and why it matters, with an example of each. Rules: ${RULES.map((rule) => rule.id).join(', ')}.`,
    inputSchema: { rule: z.string() },
    annotations: { readOnlyHint: true },
  }, ({ rule }) => answer(() => Promise.resolve(tools.explainRule(rule))));

  server.registerTool('export_bundle', {
    title: 'Export a handoff bundle',
    description: 'Writes the handoff bundle of a spec (as `specready export`). Refused for a spec that is not ready (unless "force"), '
      + 'that holds a possible secret, whose output exists and is not an earlier bundle, or for paths outside the root.',
    inputSchema: {
      path: z.string(),
      out: z.string().optional(),
      format: z.enum(['zip', 'dir']).optional(),
      force: z.boolean().optional(),
      overwrite: z.boolean().optional(),
    },
    annotations: { destructiveHint: false },
  }, (input) => answer(async () => (await tools.exportBundle(input)).stdout.trim()));

  server.registerResource('rule-docs', new ResourceTemplate('specready://rules/{id}', {
    list: () => ({
      resources: RULES.map((rule) => ({ uri: `specready://rules/${rule.id}`, name: rule.id, description: rule.docs.summary, mimeType: 'text/markdown' })),
    }),
  }), { title: 'SpecReady rule documentation', mimeType: 'text/markdown' }, (uri, variables) => {
    const id = String(variables.id);
    const rule = RULES.find((candidate) => candidate.id === id);
    if (!rule) throw new Error(`unknown rule "${id}"`);
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: ruleMarkdown(rule) }] };
  });

  return server;
}

/** Results as JSON text (and structured content); refusals as tool errors in plain words. */
async function answer(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    const value = await run();
    const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    return { content: [{ type: 'text', text }] };
  } catch (error) {
    const message = error instanceof ToolError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    return { content: [{ type: 'text', text: message }], isError: true };
  }
}
