import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_READY_SPEC, paths, READY_AND_NOT_READY, READY_SPEC, TempProject } from './cli-harness';
import { perTest } from './helpers';

/** The report without what legitimately differs between runs. */
function comparable(report: { files: unknown[]; summary: unknown }): string {
  return JSON.stringify({ files: report.files, summary: report.summary });
}

describe('specready check --cache', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().gitInit().withFiles(READY_AND_NOT_READY)));

  function cachedReport(): Record<string, { report: { score: number; diagnostics: unknown[] } }> {
    const [, body] = project.read('.specreadycache').split('\n', 2);
    return JSON.parse(body).files;
  }

  it('writes .specreadycache and gives the same report from it as without it', () => {
    const plain = project.checkJson([]);
    const first = project.checkJson(['--cache']);
    assert.ok(project.exists('.specreadycache'));
    const second = project.checkJson(['--cache']);
    assert.equal(first.run.status, plain.run.status);
    assert.equal(second.run.status, plain.run.status);
    assert.equal(second.run.stderr, plain.run.stderr);
    assert.equal(comparable(first.report), comparable(plain.report));
    assert.equal(comparable(second.report), comparable(plain.report));
    assert.equal(project.run(['check', '--cache']).stdout, project.run(['check']).stdout);
  });

  /** Sets the stored score of export.spec.md to 7 (with the body hash updated): a cache hit shows 7. */
  function tamperWithExportScore(): void {
    const [headerLine, body] = project.read('.specreadycache').split('\n', 2);
    const data = JSON.parse(body);
    const key = Object.keys(data.files).find((file) => file.endsWith('export.spec.md')) as string;
    data.files[key].report.score = 7;
    const newBody = JSON.stringify(data);
    const header = JSON.parse(headerLine);
    header.sha1 = createHash('sha1').update(newBody).digest('hex');
    writeFileSync(join(project.root, '.specreadycache'), `${JSON.stringify(header)}\n${newBody}`);
  }

  function exportScore(args: string[]): number {
    return project.checkJson(args).report.files.find((file: { path: string }) => file.path === 'docs/export.spec.md').score;
  }

  it('uses a stored report only for an unchanged file: a cached report is not recomputed, a changed file is', () => {
    project.checkJson(['--cache']);
    tamperWithExportScore();
    assert.equal(exportScore(['--cache']), 7, 'the unchanged file came from the cache');

    project.write('docs/export.spec.md', `${NOT_READY_SPEC}\nTODO: one more placeholder.\n`);
    const changed = project.checkJson(['--cache']).report;
    const fresh = project.checkJson([]).report;
    assert.equal(comparable(changed), comparable(fresh), 'the changed file was checked again');
    assert.notEqual(changed.files.find((file: { path: string }) => file.path === 'docs/export.spec.md').score, 7);
  });

  it('--cache-strategy metadata (the default, as ESLint) compares size and modification time, content the content', () => {
    const file = join(project.root, 'docs', 'export.spec.md');
    // Whole seconds, so that setting the time back gives exactly the same modification time.
    const original = { atime: 1_700_000_000, mtime: 1_700_000_000 };
    utimesSync(file, original.atime, original.mtime);
    const later = new Date((original.mtime + 60) * 1000);
    project.checkJson(['--cache']);
    tamperWithExportScore();
    // An edit that keeps the size and the modification time goes unnoticed: the file is not read.
    project.write('docs/export.spec.md', NOT_READY_SPEC.replace('TBD', 'TBA'));
    utimesSync(file, original.atime, original.mtime);
    assert.equal(exportScore(['--cache']), 7);
    assert.equal(exportScore(['--cache', '--cache-strategy', 'metadata']), 7);
    // A new modification time alone (a checkout, a fresh clone) checks the file again.
    project.write('docs/export.spec.md', NOT_READY_SPEC);
    utimesSync(file, later, later);
    const fresh = exportScore([]);
    assert.equal(exportScore(['--cache']), fresh);

    // A cache of the other strategy is ignored and replaced.
    project.checkJson(['--cache', '--cache-strategy', 'content']);
    assert.equal(JSON.parse(project.read('.specreadycache').split('\n', 1)[0]).strategy, 'content');
    tamperWithExportScore();
    assert.equal(exportScore(['--cache', '--cache-strategy', 'content']), 7);
    utimesSync(file, new Date(later.getTime() + 60_000), new Date(later.getTime() + 60_000));
    assert.equal(exportScore(['--cache', '--cache-strategy', 'content']), 7, 'same content, new modification time: still cached');
    project.write('docs/export.spec.md', NOT_READY_SPEC.replace('TBD', 'TBA'));
    utimesSync(file, original.atime, original.mtime);
    assert.equal(exportScore(['--cache', '--cache-strategy', 'content']), exportScore([]), 'same size and time, other content: checked again');
    assert.equal(exportScore(['--cache']), exportScore([]), 'the metadata run does not trust the content cache');
  });

  it('checks again when the configuration changes', () => {
    const before = project.checkJson(['--cache']).report;
    assert.ok(before.summary.errors > 0);
    project.write('.specready.json', '{ "rules": { "missing-section": "off", "placeholder": "off", "empty-section": "off" } }\n');
    assert.equal(comparable(project.checkJson(['--cache']).report), comparable(project.checkJson([]).report));
    project.write('.specready/terms.txt', 'Falcon\n');
    assert.equal(comparable(project.checkJson(['--cache']).report), comparable(project.checkJson([]).report));
  });

  it('checks again when a linked file appears, disappears or changes its headings', () => {
    project.write('docs/linking.spec.md', `${READY_SPEC}\nSee [the design](design.md#retries) and [the runbook](ops/runbook.md).\n`);
    const broken = (report: { files: Array<{ path: string; diagnostics: Array<{ rule: string }> }> }) =>
      report.files.find((file) => file.path === 'docs/linking.spec.md')?.diagnostics.filter((d) => d.rule === 'broken-link').length;
    assert.equal(broken(project.checkJson(['--cache']).report), 2);
    project.write('docs/design.md', '# Design\n\n## Other\n');
    assert.equal(broken(project.checkJson(['--cache']).report), 2, 'the file exists now, its anchor does not');
    project.write('docs/design.md', '# Design\n\n## Retries\n');
    project.write('docs/ops/runbook.md', '# Runbook\n');
    assert.equal(broken(project.checkJson(['--cache']).report), 0);
    project.write('docs/design.md', '# Design\n');
    assert.equal(broken(project.checkJson(['--cache']).report), 1);
  });

  it('ignores a corrupt, truncated, foreign or empty cache file and replaces it', () => {
    const plain = comparable(project.checkJson([]).report);
    for (const junk of ['{not json', '', 'x\ny', '{"format":"specready-cache/3","tool":"0.0.0+other","strategy":"metadata","sha1":"x"}\n{}']) {
      writeFileSync(join(project.root, '.specreadycache'), junk);
      const run = project.checkJson(['--cache']);
      assert.equal(run.run.stderr.includes('internal error'), false, run.run.stderr);
      assert.equal(comparable(run.report), plain, `cache file ${JSON.stringify(junk)}`);
      assert.ok(Object.keys(cachedReport()).length === 2, 'replaced by a good one');
    }
    const good = project.read('.specreadycache');
    writeFileSync(join(project.root, '.specreadycache'), good.slice(0, good.length - 40));
    assert.equal(comparable(project.checkJson(['--cache']).report), plain, 'truncated');
    // A body that still parses but does not match its hash is not trusted either.
    const [header, body] = project.read('.specreadycache').split('\n', 2);
    writeFileSync(join(project.root, '.specreadycache'), `${header}\n${body.replace(/"score":\d+/, '"score":3')}`);
    assert.equal(comparable(project.checkJson(['--cache']).report), plain, 'edited body');
  });

  it('keeps the cache at --cache-location, a file or a folder, and drops entries of deleted files', () => {
    project.checkJson(['--cache', '--cache-location', 'tmp/lint-cache.json']);
    assert.ok(project.exists('tmp/lint-cache.json'));
    project.write('cache/.keep', '');
    project.checkJson(['--cache', '--cache-location', 'cache']);
    const names = readdirSync(join(project.root, 'cache')).filter((name) => name.startsWith('.specreadycache_'));
    assert.equal(names.length, 1, readdirSync(join(project.root, 'cache')).join(', '));
    project.checkJson(['--cache', '--cache-location', 'new-folder/']);
    assert.ok(readdirSync(join(project.root, 'new-folder')).some((name) => name.startsWith('.specreadycache_')));

    project.checkJson(['--cache']);
    assert.equal(Object.keys(cachedReport()).length, 2);
    project.checkJson(['--cache', 'docs/refunds.spec.md']);
    assert.equal(Object.keys(cachedReport()).length, 2, 'a run over part of the files keeps the others');
    rmSync(join(project.root, 'docs/export.spec.md'));
    assert.deepEqual(paths(project.checkJson(['--cache']).report), ['docs/refunds.spec.md']);
    assert.deepEqual(Object.keys(cachedReport()).map((file) => file.replace(/^.*\/docs\//, 'docs/')), ['docs/refunds.spec.md']);
  });

  it('works with bulk suppressions: the cache holds the findings, the suppressions file decides', () => {
    project.run(['check', '--cache', '--suppress-all']);
    const suppressed = project.run(['check', '--cache']);
    assert.equal(suppressed.status, 0, suppressed.stderr);
    assert.match(suppressed.stderr, /findings suppressed/);
    assert.ok(cachedReport()[Object.keys(cachedReport()).find((file) => file.endsWith('export.spec.md')) as string].report.diagnostics.length > 0);
  });

  it('explains its options in the product\'s words', () => {
    const alone = project.run(['check', '--cache-location', 'x']);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--cache-location needs --cache/);
    const strategyAlone = project.run(['check', '--cache-strategy', 'content']);
    assert.equal(strategyAlone.status, 2);
    assert.match(strategyAlone.stderr, /--cache-strategy needs --cache/);
    const badStrategy = project.run(['check', '--cache', '--cache-strategy', 'contents']);
    assert.equal(badStrategy.status, 2);
    assert.match(badStrategy.stderr, /--cache-strategy must be one of metadata, content, not "contents"; did you mean "content"\?/);
    const empty = project.run(['check', '--cache', '--cache-location=']);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /--cache-location needs a file name/);
    project.write('blocked', 'a file where the cache folder would be');
    const unwritable = project.run(['check', '--cache', '--cache-location', 'blocked/cache']);
    assert.equal(unwritable.status, 1, 'the check itself still decides the exit status');
    assert.match(unwritable.stderr, /specready: cannot write the cache .*blocked\/cache: (ENOTDIR|EEXIST)/);
    assert.doesNotMatch(unwritable.stderr, /at .*\.js:\d+/);
  });
});
