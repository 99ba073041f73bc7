import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const REPO = join(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');
const GOOD = readFileSync(join(REPO, 'examples', 'payment-refunds.spec.md'), 'utf8');
const BAD = readFileSync(join(REPO, 'examples', 'order-export.spec.md'), 'utf8');

interface ToolResult {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
}

function textOf(result: unknown): string {
  return (result as ToolResult).content.map((part) => part.text ?? '').join('');
}

describe('specready mcp (a real MCP client over stdio)', function () {
  let root: string;
  let outside: string;
  let client: Client;

  before(async function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-mcp-')));
    outside = realpathSync(mkdtempSync(join(tmpdir(), 'specready-mcp-outside-')));
    mkdirSync(join(root, 'specs'));
    writeFileSync(join(root, 'specs', 'refunds.spec.md'), GOOD);
    writeFileSync(join(root, 'specs', 'orders.spec.md'), BAD);
    writeFileSync(join(root, 'specs', 'keys.spec.md'), `${GOOD}\n\nStaging key: \`sk_live_51H8aQ2LkdfJ93jdKs0PqZ7x\`\n`);
    writeFileSync(join(outside, 'secret.spec.md'), GOOD);
    client = new Client({ name: 'specready-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], stderr: 'pipe' }));
  });

  after(async function () {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists its tools and the rule documentation as resources', async function () {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['check_spec', 'explain_rule', 'export_bundle', 'list_specs']);
    const { resources } = await client.listResources();
    assert.ok(resources.some((resource) => resource.uri === 'specready://rules/vague-term'));
    const read = await client.readResource({ uri: 'specready://rules/vague-term' });
    assert.match(String((read.contents[0] as { text?: string }).text), /^# vague-term\n/);
  });

  it('checks a spec with the same score and findings as the CLI', async function () {
    const result = await client.callTool({ name: 'check_spec', arguments: { path: 'specs/orders.spec.md' } });
    assert.equal((result as ToolResult).isError, undefined);
    const check = JSON.parse(textOf(result)) as { score: number; ready: boolean; findings: Array<{ rule: string; line: number }>; questions: string[] };
    const cli = spawnSync(process.execPath, [CLI, 'check', 'specs/orders.spec.md', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { files: Array<{ score: number; ready: boolean; diagnostics: Array<{ rule: string; line: number }> }> };
    assert.equal(check.score, report.files[0].score);
    assert.equal(check.ready, report.files[0].ready);
    assert.deepEqual(check.findings.map((f) => `${f.line} ${f.rule}`), report.files[0].diagnostics.map((d) => `${d.line} ${d.rule}`));
    assert.ok(check.questions.length > 0 && check.questions.every((question) => /^Line \d+: /.test(question)));
  });

  it('checks the text of a spec that is not saved yet', async function () {
    const result = await client.callTool({ name: 'check_spec', arguments: { text: GOOD, path: 'specs/draft.spec.md' } });
    const check = JSON.parse(textOf(result)) as { path: string; ready: boolean; profile: string };
    assert.equal(check.path, 'specs/draft.spec.md');
    assert.equal(check.ready, true);
  });

  it('lists every spec with its verdict, not-ready first', async function () {
    const list = JSON.parse(textOf(await client.callTool({ name: 'list_specs', arguments: {} }))) as Array<{ path: string; ready: boolean }>;
    assert.deepEqual(list.map((spec) => spec.path).sort(), ['specs/keys.spec.md', 'specs/orders.spec.md', 'specs/refunds.spec.md']);
    assert.equal(list[list.length - 1].ready, true);
    assert.equal(list[0].ready, false);
  });

  it('refuses paths outside its root, also through "..", for every tool', async function () {
    for (const [name, args] of [
      ['check_spec', { path: join(outside, 'secret.spec.md') }],
      ['check_spec', { path: '../' }],
      ['list_specs', { path: outside }],
      ['export_bundle', { path: 'specs/refunds.spec.md', out: join(outside, 'bundle.zip') }],
    ] as const) {
      const result = (await client.callTool({ name, arguments: args })) as ToolResult;
      assert.equal(result.isError, true, name);
      assert.match(textOf(result), /outside the root/, name);
    }
  });

  it('refuses to export a spec with a secret, and exports a ready one inside the root', async function () {
    const refused = (await client.callTool({ name: 'export_bundle', arguments: { path: 'specs/keys.spec.md', force: true } })) as ToolResult;
    assert.equal(refused.isError, true);
    assert.match(textOf(refused), /secret/i);
    const written = (await client.callTool({ name: 'export_bundle', arguments: { path: 'specs/refunds.spec.md', format: 'dir' } })) as ToolResult;
    assert.equal(written.isError, undefined, textOf(written));
    assert.ok(existsSync(join(root, 'handoff')));
  });

  it('explains a rule and names the known ones for an unknown id', async function () {
    assert.match(textOf(await client.callTool({ name: 'explain_rule', arguments: { rule: 'weak-modal' } })), /## Why it matters/);
    const unknown = (await client.callTool({ name: 'explain_rule', arguments: { rule: 'nope' } })) as ToolResult;
    assert.equal(unknown.isError, true);
    assert.match(textOf(unknown), /unknown rule "nope" \(rules: .*vague-term/);
  });
});
