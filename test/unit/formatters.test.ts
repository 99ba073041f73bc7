import assert from 'node:assert/strict';
import { createPalette, shouldUseColor } from '../../server/src/cli/color';
import { fence } from '../../server/src/cli/formatters/fence';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formatters/github';
import { formatJson } from '../../server/src/cli/formatters/json';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../../server/src/cli/formatters/rules';
import { formatSarif } from '../../server/src/cli/formatters/sarif';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import {
  buildReport, toDiagnostic, unreadableFileReport, type CheckReport, type FileReport,
} from '../../server/src/cli/report';
import type { Rule } from '../../server/src/rules/types';
import { emptyBreakdown } from '../../server/src/score/explain';

const RULE: Rule = {
  id: 'vague-term',
  defaultSeverity: 'warning',
  dimension: 'requirements',
  scoreRole: 'wording',
  docs: {
    description: 'Vague or subjective wording.',
    summary: 'Vague wording.',
    rationale: 'Contractors cannot test "fast".',
    bad: 'The API must be fast.',
    good: 'p95 latency is below 200 ms (```inline```).',
    sources: ['ISO/IEC/IEEE 29148'],
    options: 'vocabulary.add, vocabulary.remove',
  },
  check: () => [],
};

const ERROR_RULE: Rule = { ...RULE, id: 'missing-section', defaultSeverity: 'error', dimension: 'structure' };

function sampleReport(): CheckReport {
  const a: FileReport = {
    path: 'specs/a b.spec.md',
    profile: 'service',
    score: 72,
    ready: false,
    threshold: 80,
    breakdown: emptyBreakdown('sample'),
    blockers: [{ kind: 'error', message: 'Missing section Scope', line: 1, rule: 'missing-section' }],
    diagnostics: [
      toDiagnostic({
        rule: 'missing-section', severity: 'error', message: 'Missing section\nScope',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      }),
      toDiagnostic({
        rule: 'missing-section', severity: 'hint', message: 'Recommended section missing',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      }),
      toDiagnostic({
        rule: 'vague-term', severity: 'warning', message: 'Vague "fast": state 100% of it, a:b',
        range: { start: { line: 17, character: 30 }, end: { line: 17, character: 34 } }, data: { term: 'fast' },
      }),
    ],
  };
  const b: FileReport = { ...a, path: 'b.spec.md', score: 95, ready: true, diagnostics: [] };
  return buildReport('/work/repo', [a, b]);
}

describe('report', () => {
  it('converts 0-based ranges to 1-based lines and columns, end exclusive', () => {
    const diagnostic = sampleReport().files[1].diagnostics[2];
    assert.deepEqual(
      [diagnostic.line, diagnostic.column, diagnostic.endLine, diagnostic.endColumn, diagnostic.data],
      [18, 31, 18, 35, { term: 'fast' }],
    );
  });

  it('sorts files by path and counts the summary', () => {
    const report = sampleReport();
    assert.deepEqual(report.files.map((file) => file.path), ['b.spec.md', 'specs/a b.spec.md']);
    assert.deepEqual(report.summary, { files: 2, errors: 1, warnings: 1, infos: 0, hints: 1, ready: 1 });
  });

  it('describes an unreadable file as one error, score 0', () => {
    const file = unreadableFileReport('x.md', 'service', 80, 'not valid UTF-8 text');
    assert.equal(file.score, 0);
    assert.equal(file.ready, false);
    assert.deepEqual(file.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]), [['unreadable-file', 'error', 1, 1]]);
  });
});

describe('formatJson', () => {
  it('prints exactly one document in the published shape', () => {
    const document = JSON.parse(formatJson(sampleReport()));
    assert.deepEqual(Object.keys(document), ['version', 'files', 'summary']);
    assert.equal(document.version, 2);
    assert.deepEqual(document.summary, { files: 2, errors: 1, warnings: 1, ready: 1 });
    const file = document.files[1];
    assert.deepEqual(Object.keys(file), ['path', 'profile', 'score', 'ready', 'threshold', 'breakdown', 'blockers', 'diagnostics']);
    assert.deepEqual(file.diagnostics[2], {
      rule: 'vague-term', severity: 'warning', message: 'Vague "fast": state 100% of it, a:b',
      line: 18, column: 31, endLine: 18, endColumn: 35, data: { term: 'fast' },
    });
    assert.equal('data' in file.diagnostics[0], false);
  });
});

describe('formatSarif', () => {
  const tool = {
    name: 'SpecReady', version: '1.2.3', informationUri: 'https://example.invalid/specready',
    helpUri: (id: string) => `https://example.invalid/rules/${id}.md`,
  };

  it('produces a SARIF 2.1.0 log with rules and located results', () => {
    const log = JSON.parse(formatSarif(sampleReport(), [ERROR_RULE, RULE], tool));
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.deepEqual(
      [run.tool.driver.name, run.tool.driver.version, run.tool.driver.informationUri],
      ['SpecReady', '1.2.3', 'https://example.invalid/specready'],
    );
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
    const rule = run.tool.driver.rules[1];
    assert.equal(rule.id, 'vague-term');
    assert.equal(rule.shortDescription.text, 'Vague wording.');
    assert.equal(rule.helpUri, 'https://example.invalid/rules/vague-term.md');
    assert.match(rule.fullDescription.text, /Contractors cannot test/);
    assert.match(rule.help.text, /Bad:\nThe API must be fast\./);
    assert.match(rule.help.markdown, /````markdown\np95 latency/);
    assert.equal(rule.defaultConfiguration.level, 'warning');
    assert.equal(run.tool.driver.rules[0].defaultConfiguration.level, 'error');
  });

  it('maps severities to levels and positions to regions', () => {
    const [run] = JSON.parse(formatSarif(sampleReport(), [ERROR_RULE, RULE], tool)).runs;
    assert.deepEqual(run.results.map((result: { level: string }) => result.level), ['error', 'note', 'warning']);
    const result = run.results[2];
    assert.equal(result.ruleId, 'vague-term');
    assert.equal(result.ruleIndex, 1);
    assert.equal(result.message.text, 'Vague "fast": state 100% of it, a:b');
    const location = result.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'specs/a%20b.spec.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.region, { startLine: 18, startColumn: 31, endLine: 18, endColumn: 35 });
    assert.deepEqual(run.properties.files.map((file: { score: number }) => file.score), [95, 72]);
  });

  it('describes the unreadable-file pseudo-rule only when it is used', () => {
    const clean = JSON.parse(formatSarif(sampleReport(), [RULE], tool));
    assert.deepEqual(clean.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id), ['vague-term']);
    const report = buildReport('/r', [unreadableFileReport('bin.md', 'service', 80, 'not a text file')]);
    const [run] = JSON.parse(formatSarif(report, [RULE], tool)).runs;
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), ['vague-term', 'unreadable-file']);
    assert.equal(run.results[0].ruleIndex, 1);
  });
});

describe('formatGithub', () => {
  it('escapes data and properties as the Actions runner expects', () => {
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('prints one annotation per error, warning and info, and the scores', () => {
    const lines = formatGithub(sampleReport()).trimEnd().split('\n');
    assert.deepEqual(lines, [
      '::error file=specs/a b.spec.md,line=1,col=1,endLine=1,endColumn=6,title=specready(missing-section)::Missing section%0AScope',
      '::warning file=specs/a b.spec.md,line=18,col=31,endLine=18,endColumn=35,title=specready(vague-term)::Vague "fast": state 100%25 of it, a:b',
      'b.spec.md: 95/100, ready',
      'specs/a b.spec.md: 72/100, not ready (needs 80)',
    ]);
  });

  it('escapes commas and colons in file names', () => {
    const file = { ...sampleReport().files[1], path: 'specs/a,b:c.spec.md' };
    assert.match(formatGithub(buildReport('/r', [file])), /file=specs\/a%2Cb%3Ac\.spec\.md,/);
  });
});

describe('formatStylish', () => {
  it('groups problems by file and ends with scores and totals', () => {
    const output = formatStylish(sampleReport(), { color: false });
    assert.equal(output, [
      'specs/a b.spec.md',
      '  1:1    error    Missing section Scope                missing-section',
      '  1:1    hint     Recommended section missing          missing-section',
      '  18:31  warning  Vague "fast": state 100% of it, a:b  vague-term',
      '',
      'b.spec.md           95/100  ready',
      'specs/a b.spec.md   72/100  not ready (needs 80)',
      '',
      '✖ 3 problems (1 error, 1 warning, 0 infos, 1 hint)',
      '1 of 2 files ready for handoff',
      '',
    ].join('\n'));
  });

  it('explains that errors block a file whose score is high enough', () => {
    const file = { ...sampleReport().files[1], score: 90 };
    assert.match(formatStylish(buildReport('/r', [file]), { color: false }), /90\/100 {2}not ready \(fix the errors\)/);
  });

  it('reports a clean run', () => {
    const output = formatStylish(buildReport('/r', [sampleReport().files[0]]), { color: false });
    assert.equal(output, 'b.spec.md   95/100  ready\n\n✔ no problems\n1 of 1 file ready for handoff\n');
  });

  it('colours only when asked', () => {
    assert.doesNotMatch(formatStylish(sampleReport(), { color: false }), /\u001b\[/);
    const coloured = formatStylish(sampleReport(), { color: true });
    assert.match(coloured, /\u001b\[31merror/);
    assert.match(coloured, /\u001b\[33mwarning/);
  });
});

describe('colour', () => {
  it('follows NO_COLOR, FORCE_COLOR and the terminal', () => {
    assert.equal(shouldUseColor({}, true), true);
    assert.equal(shouldUseColor({}, false), false);
    assert.equal(shouldUseColor({ NO_COLOR: '1' }, true), false);
    assert.equal(shouldUseColor({ NO_COLOR: '' }, true), true);
    assert.equal(shouldUseColor({ FORCE_COLOR: '1' }, false), true);
    assert.equal(shouldUseColor({ FORCE_COLOR: '' }, false), true);
    assert.equal(shouldUseColor({ FORCE_COLOR: '0' }, true), false);
    assert.equal(shouldUseColor({ NO_COLOR: '1', FORCE_COLOR: '1' }, true), false);
  });

  it('leaves text alone when disabled', () => {
    assert.equal(createPalette(false).red('x'), 'x');
    assert.equal(createPalette(true).red('x'), '\u001b[31mx\u001b[39m');
  });
});

describe('rules formatters', () => {
  it('prints text with every part of the docs', () => {
    const text = formatRulesText([RULE]);
    assert.match(text, /^vague-term \(warning, requirements\)\n {2}Vague wording\.\n {2}Contractors/);
    assert.match(text, /Bad:\n {4}The API must be fast\./);
    assert.match(text, /Options: vocabulary\.add/);
    assert.match(text, /Sources: ISO\/IEC\/IEEE 29148/);
  });

  it('wraps long prose at 100 columns', () => {
    const long = { ...RULE, docs: { ...RULE.docs, rationale: 'word '.repeat(60).trim() } };
    const lines = formatRulesText([long]).split('\n');
    assert.ok(lines.every((line) => line.length <= 100));
    assert.equal(lines.filter((line) => /^ {2}word/.test(line)).length, 4);
  });

  it('prints JSON without the check function', () => {
    assert.deepEqual(JSON.parse(formatRulesJson([RULE])), [{
      id: 'vague-term', defaultSeverity: 'warning', dimension: 'requirements', scoreRole: 'wording', docs: RULE.docs,
    }]);
  });

  it('prints a Markdown reference with an index', () => {
    const markdown = formatRulesMarkdown([RULE, ERROR_RULE]);
    assert.match(markdown, /^# SpecReady rules\n\n\| Rule \| Default severity/);
    assert.match(markdown, /\| \[vague-term\]\(#vague-term\) \| warning \| requirements \| Vague wording\. \|/);
    assert.match(markdown, /## missing-section\n/);
  });

  it('fences examples with more backticks than they contain', () => {
    assert.equal(fence('a'), '```markdown\na\n```');
    assert.equal(fence('x ```` y'), '`````markdown\nx ```` y\n`````');
  });
});
