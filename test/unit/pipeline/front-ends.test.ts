/**
 * The CLI's check and export and the export's collection of linked files read everything through
 * the host, as the language server does: run in-process over files held in memory, they see
 * only those files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, type CheckCommand } from '../../../server/src/cli/args';
import { readSpecText, runCheck } from '../../../server/src/cli/commands/check';
import { runExportCommand } from '../../../server/src/cli/export-command';
import { fileReportFromAnalysis, notReadyReason } from '../../../server/src/cli/report';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import type { CliIo } from '../../../server/src/cli/io';
import { collectAssets } from '../../../server/src/export/collect';
import { exportBundle } from '../../../server/src/export/index';
import type { FileStat } from '../../../server/src/host/host';
import { InMemoryHost } from '../../../server/src/host/memory-host';
import { parseSpec } from '../../../server/src/model/parse';
import { analyzeDocument } from '../../../server/src/pipeline/analyze-document';
import { EPOCH, FAKE_AWS_KEY, READY_SPEC, readySpecWith } from '../export/fixtures';

const ROOT = '/memory/project';
const SPEC = `${ROOT}/specs/refunds.spec.md`;
const LINKED = 'See [the guide](../docs/guide.md#steps) and [the old notes](../docs/gone.md).';

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function capture(host: InMemoryHost): Captured {
  let out = '';
  let err = '';
  return {
    io: { host, cwd: ROOT, env: {}, stdoutIsTTY: false, stdout: (text) => { out += text; }, stderr: (text) => { err += text; } },
    stdout: () => out,
    stderr: () => err,
  };
}

function checkCommand(...args: string[]): CheckCommand {
  const command = parseCommandLine(['check', ...args]);
  assert.equal(command.kind, 'check');
  return command as CheckCommand;
}

interface JsonFile {
  path: string;
  score: number;
  diagnostics: Array<{ rule: string; message: string; line: number }>;
}

function project(): InMemoryHost {
  return new InMemoryHost({
    [SPEC]: readySpecWith(LINKED),
    [`${ROOT}/docs/guide.md`]: '# Guide\n\n## Steps\n\nDo it.\n',
    [`${ROOT}/specs/draft.spec.md`]: '# Draft\n\nTBD\n',
    [`${ROOT}/.specready.json`]: '{ "rules": { "placeholder": "off" } }\n',
  });
}

describe('front ends over the host', () => {
  it('checks the specs of an in-memory project from the CLI: discovery, configuration and linked files', async () => {
    const host = project();
    const run = capture(host);
    const status = await runCheck(checkCommand('specs', '--format', 'json'), run.io);
    assert.equal(run.stderr(), '');
    const files = (JSON.parse(run.stdout()) as { files: JsonFile[] }).files;
    assert.deepEqual(files.map((file) => file.path), ['specs/draft.spec.md', 'specs/refunds.spec.md']);
    const refunds = files[1].diagnostics;
    // The linked guide exists in memory with its heading; only the missing file is reported.
    assert.deepEqual(refunds.filter((finding) => finding.rule === 'broken-link').map((finding) => finding.message.includes('gone.md')), [true]);
    // The configuration in memory turned a rule off.
    assert.equal(files[0].diagnostics.some((finding) => finding.rule === 'placeholder'), false);
    assert.equal(typeof status, 'number');
  });

  it('gives the CLI the same findings as the pipeline the language server runs', async () => {
    const host = project();
    const run = capture(host);
    await runCheck(checkCommand('specs/refunds.spec.md', '--format', 'json'), run.io);
    const [file] = (JSON.parse(run.stdout()) as { files: JsonFile[] }).files;
    const result = await analyzeDocument(readySpecWith(LINKED), pathToFileURL(SPEC).href, {
      host, config: { rules: { placeholder: 'off' } }, projectRoot: ROOT,
    });
    assert.deepEqual(file.diagnostics.map((finding) => [finding.rule, finding.line]),
      result.findings.map((finding) => [finding.rule, finding.range.start.line + 1]));
    assert.equal(file.score, result.score);
  });

  it('says why a spec in memory cannot be read as text', async () => {
    const host = new InMemoryHost();
    host.write(`${ROOT}/binary.md`, new Uint8Array([0x23, 0x20, 0, 1, 2]));
    host.write(`${ROOT}/latin1.md`, new Uint8Array([0x23, 0x20, 0xe9, 0x0a]));
    assert.deepEqual(await readSpecText(`${ROOT}/binary.md`, host), { problem: 'not a text file (it contains NUL bytes); only Markdown can be checked' });
    assert.deepEqual(await readSpecText(`${ROOT}/latin1.md`, host), { problem: 'not valid UTF-8 text; save the file as UTF-8' });
    assert.deepEqual(await readSpecText(`${ROOT}/none.md`, host), { problem: 'cannot read file: ENOENT' });
  });

  it('collects linked files through the host and refuses one that changed between the check and the read', async () => {
    const host = new InMemoryHost({
      [SPEC]: '# Spec\n\n[Guide](../docs/guide.md), [notes](../docs/notes.txt), [gone](missing.md), [out](../../elsewhere.md)\n',
      [`${ROOT}/docs/guide.md`]: '# Guide\n\nBack to [the spec](../specs/refunds.spec.md).\n',
      [`${ROOT}/docs/notes.txt`]: 'notes',
    });
    // The notes are replaced right after the collector looked at them.
    const swapping = Object.assign(Object.create(host) as InMemoryHost, {
      stat: async (path: string): Promise<FileStat | undefined> => {
        const stat = await host.stat(path);
        if (path.endsWith('notes.txt')) host.write(path, 'other notes');
        return stat;
      },
    });
    const collection = await collectAssets({
      specPath: SPEC, specRealPath: SPEC, specModel: parseSpec(await host.readFile(SPEC).then((bytes) => new TextDecoder().decode(bytes))),
      root: ROOT, realRoot: ROOT, host: swapping,
    });
    assert.deepEqual(collection.assets.map((asset) => asset.bundlePath), ['spec/assets/docs/guide.md']);
    assert.deepEqual(collection.refusedLinks.map((link) => [link.target, link.reason, link.message]), [
      ['../docs/notes.txt', 'unreadable', 'Not bundled: the file changed while it was being read.'],
      ['missing.md', 'missing', 'Not bundled: the file does not exist.'],
      ['../../elsewhere.md', 'outside-root', 'Not bundled: it leads outside the root folder.'],
    ]);
  });

  it('refuses to export a spec whose linked file in memory holds a credential', async () => {
    const host = new InMemoryHost({
      [SPEC]: readySpecWith('Keys are listed in [the setup notes](../docs/setup.md).'),
      [`${ROOT}/docs/setup.md`]: `# Setup\n\naws_access_key_id = ${FAKE_AWS_KEY}\n`,
    });
    const result = await exportBundle({ specPath: SPEC, root: ROOT, format: 'zip', force: false, overwrite: false, sourceDateEpoch: EPOCH, host });
    assert.equal(result.status, 'refused');
    assert.equal(result.status === 'refused' && result.reason, 'secret');
    assert.match(result.status === 'refused' ? result.message : '', /docs\/setup\.md:3/);
  });

  it('exports a spec read from memory, with its linked file, from the CLI', async () => {
    const out = mkdtempSync(join(tmpdir(), 'specready-memory-export-'));
    try {
      const host = new InMemoryHost({
        [SPEC]: readySpecWith('The steps are in [the guide](../docs/guide.md).'),
        [`${ROOT}/docs/guide.md`]: '# Guide\n',
      });
      const run = capture(host);
      const status = await runExportCommand([SPEC, '--root', ROOT, '--format', 'dir', '--out', join(out, 'bundle')], { ...run.io, env: { SOURCE_DATE_EPOCH: String(EPOCH) } });
      assert.equal(run.stderr(), '');
      assert.equal(status, 0, run.stdout());
      assert.equal(readFileSync(join(out, 'bundle', 'spec', 'assets', 'docs', 'guide.md'), 'utf8'), '# Guide\n');
      assert.equal(readFileSync(join(out, 'bundle', 'spec', 'SPEC.md'), 'utf8').includes('The steps are in'), true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('says in a few words which blocker keeps a spec from being ready, by the blocking rule\'s role', () => {
    const reason = (text: string) => notReadyReason(fileReportFromAnalysis('spec.md', analyzeSpec(text)));
    assert.equal(reason(readySpecWith(`The key is ${FAKE_AWS_KEY}.`)), 'a secret is in the text');
    assert.equal(reason(READY_SPEC.replace('## Requirements\n', '## Requirements\n\n- **REQ-9**: Refund limits are TBD.\n')), 'placeholder in requirements or contract');
  });
});
