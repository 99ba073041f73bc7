import assert from 'node:assert/strict';
import { criteriaCsv, criterionRows } from '../../../server/src/export/criteria';
import { csvCell, toCsv } from '../../../server/src/export/csv';
import { plainText } from '../../../server/src/export/markdown-text';
import { readinessMarkdown, readinessReport } from '../../../server/src/export/readiness';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { READY_SPEC } from './fixtures';

describe('export: CSV', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
    assert.equal(csvCell(''), '');
    assert.equal(csvCell(42), '42');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil","x")'), '"\'=HYPERLINK(""http://evil"",""x"")"');
    assert.equal(csvCell('+1+2'), "'+1+2");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell(-5), '-5', 'numbers are numbers');
    assert.equal(csvCell('a=b'), 'a=b');
  });

  it('ends every row, the last one too, with CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [[1, 'x,y'], [2, 'z']]), 'a,b\r\n1,"x,y"\r\n2,z\r\n');
  });

  it('has one row per acceptance criterion with id, text, requirement ids and section', () => {
    const analysis = analyzeSpec(READY_SPEC, { uri: 'file:///w/payment-refunds.spec.md' });
    const rows = criterionRows(analysis.model, analysis.idPattern);
    assert.equal(rows.length, 6);
    assert.deepEqual({ ...rows[1], text: rows[1].text.slice(0, 20), markdown: rows[1].markdown.slice(0, 20) }, {
      number: 2, id: 'AC-2', text: 'AC-2 (REQ-2): Given ', markdown: '**AC-2** (REQ-2): Gi', requirements: ['REQ-2'], section: 'Acceptance Criteria', anchor: 'acceptance-criteria', line: rows[1].line,
    });
    const csv = criteriaCsv(rows).split('\r\n');
    assert.equal(csv[0], 'number,id,text,requirements,section,line');
    assert.match(csv[1], /^1,AC-1,"AC-1 \(REQ-1\): Given .*",REQ-1,Acceptance Criteria,\d+$/);
    assert.match(csv[2], /error code amount_exceeds_balance\.",REQ-2,/, 'code spans are plain text');
    assert.doesNotMatch(criteriaCsv(rows), /[*`]/, 'no Markdown markup in the CSV');
    assert.equal(csv.length, 8, 'header, six rows and the empty string after the last CRLF');
  });

  it('lists several requirement ids once each and leaves the id empty when a criterion has none', () => {
    const markdown = '# T\n\n## Requirements\n\n- REQ-1: a\n- REQ-2: b\n\n## Acceptance Criteria\n\n- Given x, when REQ-1 and REQ-2 and REQ-1 run, then the response is 200.\n';
    const analysis = analyzeSpec(markdown);
    const [row] = criterionRows(analysis.model, analysis.idPattern);
    assert.equal(row.id, '');
    assert.deepEqual(row.requirements, ['REQ-1', 'REQ-2']);
    assert.match(criteriaCsv([row]), /,REQ-1; REQ-2,Acceptance Criteria,10\r\n$/);
  });
});

describe('export: plain text from Markdown', () => {
  it('drops emphasis, code and link markup and keeps what a reader sees', () => {
    assert.equal(plainText('**AC-1** (REQ-1): Given `k1`, then [the docs](a.md) say _so_'), 'AC-1 (REQ-1): Given k1, then the docs say so');
    assert.equal(plainText('a\\*b\\* &amp; ![flow chart](i.png) <https://example.com/x> ~~old~~ __new__'), 'a*b* & flow chart https://example.com/x old new');
    assert.equal(plainText('keep snake_case_names, p95 < 200 ms and <amount> <!-- guidance --> here'), 'keep snake_case_names, p95 < 200 ms and <amount> here');
  });

  it('writes READINESS.md and readiness.json questions without raw or escaped markup from the spec', () => {
    const spec = [
      '# **Bold** title', '', '## Requirements', '', '- **REQ-1**: The service MUST respond fast.', '',
      '## Acceptance Criteria', '', '- **AC-1** (REQ-1): The `refunds` page is user-friendly.', '',
    ].join('\n');
    const analysis = analyzeSpec(spec, { uri: 'file:///w/plain.spec.md' });
    const report = readinessReport(analysis, '**Bold** title');
    const markdown = readinessMarkdown(report);
    assert.ok(report.questions.length > 0);
    assert.match(markdown, /^# Readiness of "Bold title"/);
    assert.doesNotMatch(markdown, /\\\*|\*\*(?:AC|REQ)-|`refunds`|\\`/, markdown);
    for (const question of report.questions) assert.doesNotMatch(`${question.question} ${question.section}`, /\*\*|`/, question.question);
  });
});
