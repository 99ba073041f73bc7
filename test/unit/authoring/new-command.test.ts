import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { clearConfigCache } from '../../../server/src/config/load';
import { runNewCommand } from '../../../server/src/cli/new-command';
import { renderTemplate } from '../../../server/src/templates/render';

describe('specready new', () => {
  let root: string;
  let out: string;
  let err: string;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-new-')));
    out = '';
    err = '';
    clearConfigCache();
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function run(...args: string[]): Promise<number> {
    return runNewCommand(args, { cwd: root, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  }

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  const read = (path: string) => readFileSync(join(root, path), 'utf8');

  it('creates a spec from a built-in profile, creating missing folders, title from the file name', async () => {
    assert.equal(await run('bugfix', 'specs/refund-double-charge.spec.md'), 0, err);
    assert.equal(read('specs/refund-double-charge.spec.md'), renderTemplate('bugfix', 'Refund double charge'));
    assert.match(out, /Created specs\/refund-double-charge\.spec\.md from the "bugfix" template/);
    assert.equal(analyzeSpec(read('specs/refund-double-charge.spec.md')).profile, 'bugfix');
  });

  it('names the file after --title inside a folder', async () => {
    mkdirSync(join(root, 'design'));
    assert.equal(await run('api', 'design', '--title', 'Refund API: v2'), 0, err);
    assert.match(read('design/refund-api-v2.spec.md'), /^# Refund API: v2$/m);
    assert.equal(await run('api', 'new-folder/', '--title', 'X'), 0, err);
    assert.ok(existsSync(join(root, 'new-folder', 'x.spec.md')));
  });

  it('never overwrites an existing file (exit 1)', async () => {
    write('a.spec.md', 'mine\n');
    assert.equal(await run('service', 'a.spec.md'), 1);
    assert.match(err, /a\.spec\.md already exists; not overwriting it/);
    assert.equal(read('a.spec.md'), 'mine\n');
  });

  it('marks a file the default globs would skip as a spec', async () => {
    assert.equal(await run('service', 'docs/refunds.md'), 0, err);
    assert.match(read('docs/refunds.md'), /^specready: true$/m);
  });

  it('uses a custom template from .specready/templates, nearest folder first, with variables filled', async () => {
    write('.specready/templates/rfc.md', '# {{title}}\n\nRoot template\n');
    write('team/.specready/templates/rfc.md', '---\ntitle: {{title}}\n---\n# {{title}} ({{slug}})\n');
    mkdirSync(join(root, 'team', 'specs'), { recursive: true });
    assert.equal(await run('rfc', 'team/specs', '--title', 'Refund API'), 0, err);
    assert.equal(read('team/specs/refund-api.spec.md'), '---\ntitle: Refund API\n---\n# Refund API (refund-api)\n');
    assert.equal(await run('rfc', 'other.spec.md'), 0, err);
    assert.equal(read('other.spec.md'), '# Other\n\nRoot template\n');
  });

  it('renders custom profiles from the configuration', async () => {
    write('.specready.json', JSON.stringify({ profiles: { lean: { extends: 'service', required: ['context', 'acceptance-criteria'], recommended: [] } } }));
    assert.equal(await run('lean', 'lean.spec.md'), 0, err);
    const sections = read('lean.spec.md').split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(sections, ['## Context', '## Acceptance Criteria']);
  });

  it('lists the templates it can use', async () => {
    write('.specready/templates/rfc.md', '# {{title}}\n');
    write('.specready.json', JSON.stringify({ profiles: { lean: { extends: 'service', description: 'Short one.' } } }));
    assert.equal(await run('--list'), 0, err);
    assert.match(out, /^service +built in: /m);
    assert.match(out, /^lean +profile from \.specready\.json: Short one\.$/m);
    assert.match(out, /^rfc +custom template \.specready\/templates\/rfc\.md$/m);
  });

  it('reports usage errors with exit status 2', async () => {
    assert.equal(await run(), 2);
    assert.match(err, /needs a template and a path/);
    err = '';
    assert.equal(await run('nope', 'x.spec.md'), 2);
    assert.match(err, /unknown template "nope" \(available from \.: service, api, bugfix, integration, spec-kit, kiro, design, openspec, openspec-change\)/);
    err = '';
    assert.equal(await run('service', 'notes'), 2);
    assert.match(err, /neither a Markdown file name/);
    mkdirSync(join(root, 'dir'));
    err = '';
    assert.equal(await run('service', 'dir'), 2);
    assert.match(err, /is a folder: give the spec a --title/);
    assert.equal(await run('service', 'x.spec.md', '--title', '  '), 2);
    assert.equal(await run('service', 'x.spec.md', '--bogus'), 2);
    assert.equal(existsSync(join(root, 'x.spec.md')), false);
  });

  it('prints help', async () => {
    assert.equal(await run('--help'), 0);
    assert.match(out, /^Usage: specready new <template> <path>/);
  });
});
