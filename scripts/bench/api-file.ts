/**
 * Diagnostics latency with a large linked OpenAPI file, through the real server: the first
 * diagnostics (validator loaded, file parsed and validated), edits of the spec while the file
 * is cached, and the re-check after the file changes on disk. Compared with the same spec whose
 * link is plain text, so the file's cost stands out.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchClient } from './lsp-client';
import { ms, timingRow, type Section } from './report';
import { nowMs, summarize } from './stats';
import { withServer } from './server';

const EDITS = 40;
const EDIT_WARMUP = 10;
const FILE_CHANGES = 4;
const TARGET_LINES = 5000;
const SPEC = join(__dirname, '..', '..', '..', 'examples', 'payment-refunds.spec.md');

/** An OpenAPI 3.0 file of about `lines` lines: resources with list, create, read and delete operations and their schemas. */
export function largeOpenApi(lines: number): { text: string; operations: number } {
  const paths: string[] = [];
  const schemas: string[] = [];
  let index = 0;
  while (paths.length + schemas.length < lines - 13) {
    const name = `resource${index}`;
    const type = `Resource${index}`;
    paths.push(
      `  /${name}s:`, '    get:', `      operationId: list${type}s`, '      parameters:',
      '        - { name: cursor, in: query, schema: { type: string } }',
      '        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }',
      '      responses:', "        '200':", '          description: A page', '          content:', '            application/json:',
      `              schema: { type: object, properties: { data: { type: array, items: { $ref: '#/components/schemas/${type}' } } } }`,
      "        '401': { description: Unauthenticated }",
      '    post:', `      operationId: create${type}`, '      requestBody:', '        required: true', '        content:', '          application/json:',
      `            schema: { $ref: '#/components/schemas/${type}Input' }`, '      responses:', "        '201':", '          description: Created',
      '          content:', '            application/json:', `              schema: { $ref: '#/components/schemas/${type}' }`, "        '422': { description: Invalid }",
      `  /${name}s/{id}:`, '    parameters:', '      - { name: id, in: path, required: true, schema: { type: string } }',
      '    get:', `      operationId: get${type}`, '      responses:', "        '200':", '          description: Found', '          content:',
      '            application/json:', `              schema: { $ref: '#/components/schemas/${type}' }`, "        '404': { description: Not found }",
      '    delete:', `      operationId: delete${type}`, '      responses:', "        '204': { description: Deleted }", "        '404': { description: Not found }",
    );
    schemas.push(
      `    ${type}Input:`, '      type: object', '      required: [name, amount]', '      properties:', '        name: { type: string, maxLength: 80 }',
      '        amount: { type: integer, minimum: 1 }', '        currency: { type: string, minLength: 3, maxLength: 3 }',
      `    ${type}:`, '      type: object', '      required: [id, name, status]', '      properties:', '        id: { type: string }',
      '        name: { type: string }', '        status: { type: string, enum: [pending, active, closed] }', '        createdAt: { type: string, format: date-time }',
    );
    index++;
  }
  const head = ['openapi: 3.0.3', 'info:', '  title: Payments', '  version: 1.0.0', 'servers:', '  - url: https://api.example.com/v1', 'security:', '  - bearer: []', 'paths:'];
  const components = ['components:', '  securitySchemes:', '    bearer: { type: http, scheme: bearer }', '  schemas:'];
  return { text: [...head, ...paths, ...components, ...schemas].join('\n') + '\n', operations: index * 4 };
}

/** The lines an edit may touch: prose outside code blocks (an "x" after a fence would turn the rest into code). */
function proseLines(lines: readonly string[]): number[] {
  let fenced = false;
  return lines.flatMap((line, index) => {
    if (/^\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      return [];
    }
    return !fenced && line.trim() !== '' && !line.includes('](api/') ? [index] : [];
  });
}

interface Run {
  /** didOpen → the first diagnostics answer. */
  first: number;
  /** didOpen → diagnostics with the linked file's findings (the same as `first` when they came at once). */
  complete: number;
  edits: number[];
  /** File changed on disk → the first diagnostics answer, and → the answer with the new file's findings. */
  changes: number[];
  changesComplete: number[];
  /** The longest the server took to answer a trivial request while a file was validated (one figure per validation). */
  stalls: number[];
}

/**
 * Sends a trivial request (server info) back to back until stopped and keeps the longest
 * answer time: how long the server could not answer anything while it worked.
 */
function probe(client: BenchClient): { stop: () => Promise<number> } {
  let running = true;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const start = nowMs();
      await client.connection.sendRequest('specready/serverInfo', {});
      longest = Math.max(longest, nowMs() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return { stop: async () => { running = false; await loop; return longest; } };
}

/**
 * `later`: the server answers before a linked file is validated and asks the client to pull
 * again when it is (the current server); false for a build that validates before answering.
 */
export async function measure(linked: boolean, openApi: string, later = true, server?: string): Promise<Run> {
  const contract = '\n\nThe contract is [the OpenAPI file](api/openapi.yaml): `GET /v1/resource0s` lists, `POST /v1/resource0s` creates, `GET /v1/resource0s/{id}` reads.\n';
  const text = readFileSync(SPEC, 'utf8') + (linked ? contract : contract.replace('[the OpenAPI file](api/openapi.yaml)', 'the OpenAPI file'));
  let root = '';
  const waits = linked && later;
  return withServer((folder) => {
    root = folder;
    mkdirSync(join(folder, 'api'));
    writeFileSync(join(folder, 'api', 'openapi.yaml'), openApi);
    writeFileSync(join(folder, 'refunds.spec.md'), text);
  }, async (client: BenchClient) => {
    const uri = client.uri('refunds.spec.md');
    const stalls: number[] = [];
    let probing = probe(client);
    let seen = client.refreshes;
    let start = nowMs();
    await client.open(uri, text);
    await client.diagnostics(uri);
    const first = nowMs() - start;
    if (waits) {
      await client.refreshedAfter(seen);
      await client.diagnostics(uri);
    }
    const complete = nowMs() - start;
    stalls.push(await probing.stop());
    const lines = text.split('\n');
    const prose = proseLines(lines);
    const edits: number[] = [];
    for (let edit = 0; edit < EDIT_WARMUP + EDITS; edit++) {
      const line = prose[(edit * 7919) % prose.length];
      start = nowMs();
      await client.change(uri, edit + 2, line, lines[line].length, 'x');
      await client.diagnostics(uri);
      if (edit >= EDIT_WARMUP) edits.push(nowMs() - start);
      lines[line] += 'x';
    }
    const changes: number[] = [];
    const changesComplete: number[] = [];
    for (let change = 0; linked && change < FILE_CHANGES; change++) {
      appendFileSync(join(root, 'api', 'openapi.yaml'), `# revision ${change}\n`);
      probing = probe(client);
      seen = client.refreshes;
      start = nowMs();
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('api/openapi.yaml'), type: 2 }] });
      await client.diagnostics(uri);
      changes.push(nowMs() - start);
      if (waits) {
        // The first refresh answers the change itself; the next one comes when the file is validated.
        await client.refreshedAfter(seen + 1);
        await client.diagnostics(uri);
      }
      changesComplete.push(nowMs() - start);
      stalls.push(await probing.stop());
    }
    return { first, complete, edits, changes, changesComplete, stalls };
  }, server);
}

export async function benchLinkedApiFile(quick: boolean): Promise<Section> {
  const { text, operations } = largeOpenApi(TARGET_LINES);
  const lines = text.split('\n').length - 1;
  const runs = quick ? 1 : 3;
  const plain: Run[] = [];
  const linked: Run[] = [];
  for (let run = 0; run < runs; run++) {
    plain.push(await measure(false, text));
    linked.push(await measure(true, text));
  }
  const file = `${lines.toLocaleString('en-US')}-line OpenAPI file (${operations} operations)`;
  const all = (list: Run[], pick: (run: Run) => number | number[]) => summarize(list.flatMap((run) => pick(run)));
  const linkedEdits = all(linked, (run) => run.edits);
  const plainEdits = all(plain, (run) => run.edits);
  return {
    title: `Language server: a linked ${file} (pull diagnostics, real process)`,
    rows: [
      timingRow('first diagnostics, link as plain text', all(plain, (run) => run.first), `${runs} fresh server${runs === 1 ? '' : 's'}`),
      timingRow('first diagnostics, file linked', all(linked, (run) => run.first), 'the spec\'s own findings; the file is validated on a worker meanwhile'),
      timingRow('first diagnostics with the file\'s findings', all(linked, (run) => run.complete), 'validator loaded, file parsed and validated once, client asked to pull again'),
      timingRow('didChange → diagnostics, link as plain text', plainEdits, `p95 ${ms(plainEdits.p95)}`),
      timingRow('didChange → diagnostics, file linked (cached)', linkedEdits, `p95 ${ms(linkedEdits.p95)}; the file is not parsed again`),
      timingRow('file changed on disk → diagnostics', all(linked, (run) => run.changes), 'answered with the last validated version'),
      timingRow('file changed on disk → the new version\'s findings', all(linked, (run) => run.changesComplete), 'parsed and validated again'),
      timingRow('longest wait for any answer while a file is validated', all(linked, (run) => run.stalls), 'a server-info request sent back to back; plain text: ' + ms(all(plain, (run) => run.stalls).max)),
    ],
    targets: [],
  };
}
