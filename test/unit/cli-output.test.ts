import assert from 'node:assert/strict';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatStylish, MAX_ROWS_PER_RULE } from '../../server/src/cli/formatters/stylish';
import { buildReport, type FileReport, type ReportDiagnostic } from '../../server/src/cli/report';
import { emptyBreakdown } from '../../server/src/score/explain';
import { paths, READY_SPEC, TempProject } from './cli-harness';
import { perTest } from './helpers';

function finding(line: number, rule = 'vague-term', message = `"fast" is vague: state a number, e.g. a p95 latency in milliseconds under a stated load.`): ReportDiagnostic {
  return { rule, severity: 'warning', message, line, column: 3, endLine: line, endColumn: 7 };
}

function fileWith(diagnostics: ReportDiagnostic[]): FileReport {
  return {
    path: 'specs/big.md', profile: 'service', score: 10, ready: false, threshold: 80,
    breakdown: emptyBreakdown('sample'), blockers: [], diagnostics,
  };
}

describe('stylish output with very many findings', () => {
  const many = Array.from({ length: 200_000 }, (_, index) => finding(index + 1));
  const report = buildReport('/r', [fileWith([finding(1, 'placeholder', 'TBD left in the text.'), ...many])]);

  it('prints any number of findings, capping one rule per file with a count of the rest', () => {
    const output = formatStylish(report, { color: false });
    const rows = output.split('\n').filter((line) => / vague-term$/.test(line));
    assert.equal(rows.length, MAX_ROWS_PER_RULE);
    assert.match(output, /… and 199,980 more vague-term findings in this file/);
    assert.match(output, /TBD left in the text\./);
    assert.match(output, /200,001 problems/);
  });

  it('never caps the machine formats', () => {
    assert.equal(JSON.parse(formatJson(report)).files[0].diagnostics.length, 200_001);
  });

  it('does not fold a single extra finding into a count', () => {
    const output = formatStylish(buildReport('/r', [fileWith(many.slice(0, MAX_ROWS_PER_RULE + 1))]), { color: false });
    assert.doesNotMatch(output, /more vague-term/);
  });

  it('wraps messages to the terminal width instead of padding to the longest', () => {
    const long = finding(2, 'vague-term', `${'word '.repeat(40)}end.`);
    const output = formatStylish(buildReport('/r', [fileWith([finding(1), long])]), { color: false, width: 80 });
    for (const line of output.split('\n')) assert.ok(line.length <= 80, `${line.length}: ${line}`);
    assert.match(output, /^ {16}word word word/m);
    assert.match(output, /^ {16}end\.$/m);
    assert.match(output, /^ {2}2:3 {2}warning {2}word word .* vague-term$/m);
  });
});

describe('specready check: files it does not analyse', function () {
  this.timeout(120_000);
  let project: TempProject;
  perTest(() => (project = new TempProject().gitInit()));

  it('gives a file above the size limit a notice instead of an analysis, configurable like the editor', () => {
    project.write('specs/big.md', `${READY_SPEC}\n${'The service is fast. '.repeat(1000)}\n`);
    project.write('specs/small.md', READY_SPEC);
    const limited = project.run(['check', '--max-file-size', '16'], { env: { COLUMNS: '200' } });
    assert.equal(limited.status, 0, limited.stderr);
    assert.match(limited.stdout, /specs\/big\.md\n {2}1:1 {2}info {2}SpecReady skipped this file: \d+ KiB is above the limit of 16 KiB \(raise it with --max-file-size or maxFileSizeKB in \.specready\.\*\)\. +file-too-large/);
    assert.match(limited.stdout, /specs\/big\.md +- +not checked: above the size limit/);
    assert.match(limited.stdout, /1 of 2 files ready for handoff \(1 not checked\)/);
    project.write('.specready.json', '{ "maxFileSizeKB": 16 }\n');
    const { report } = project.checkJson([]);
    assert.deepEqual(report.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['file-too-large']);
    assert.ok(project.checkJson(['--max-file-size', '64']).report.files[0].diagnostics.every((d: { rule: string }) => d.rule !== 'file-too-large'));
    assert.equal(project.run(['check', '--max-file-size', '0']).status, 2);
  });

  it('says what happened to an unreadable or binary file instead of a score', () => {
    project.write('specs/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const result = project.run(['check']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /specs\/binary\.md +- +not checked: not a text file/);
    assert.doesNotMatch(result.stdout, /0\/100/);
    assert.deepEqual(paths(project.checkJson([]).report), ['specs/binary.md']);
  });
});
