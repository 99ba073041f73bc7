import assert from 'node:assert/strict';
import { formatMarkdown } from '../../../server/src/cli/formatters/markdown';
import { buildReport, fileReportFromAnalysis } from '../../../server/src/cli/report';
import { analyzeSpec } from '../../../server/src/engine/analyze';

const SLOPPY = [
  '# Refunds', '', '## Context', '', 'As discussed in the planning call, refunds go through the usual flow.', '',
  '## Requirements', '', '- REQ-1: The API should be fast.', '- REQ-2: The payload is TBD.', '',
].join('\n');
const GOOD_ENOUGH = '# Notes\n\n## Context\n\nText.\n';

function report() {
  return buildReport('/repo', [
    fileReportFromAnalysis('specs/z-good.spec.md', analyzeSpec(GOOD_ENOUGH, { uri: 'file:///repo/specs/z-good.spec.md', config: { profile: 'bugfix' } })),
    fileReportFromAnalysis('specs/refunds.spec.md', analyzeSpec(SLOPPY, { uri: 'file:///repo/specs/refunds.spec.md' })),
  ]);
}

describe('--format markdown', () => {
  it('puts what blocks handoff first, then the questions to answer, per spec', () => {
    const text = formatMarkdown(report());
    const refunds = text.slice(text.indexOf('## `specs/refunds.spec.md`'));
    const blocks = refunds.indexOf('### Blocks handoff');
    const questions = refunds.indexOf('### Questions to answer');
    assert.ok(blocks > 0 && questions > blocks, text);
    assert.match(refunds, /- Line 10: Placeholder "TBD"/);
    assert.match(refunds, /- Line 9: .*\?.*\(`weak-modal`\)/);
  });

  it('lists specs that are not ready before ready ones, and is the same on every run', () => {
    const first = formatMarkdown(report());
    assert.equal(formatMarkdown(report()), first);
    assert.ok(first.indexOf('specs/refunds.spec.md') < first.indexOf('specs/z-good.spec.md'));
    assert.match(first, /^# SpecReady check\n\n0 of 2 specs ready for handoff/);
  });

  it('escapes the spec\'s own text so it cannot turn into markup', () => {
    const analysis = analyzeSpec('# X\n\n## Requirements\n\n- REQ-1: The <b>UI</b> should be fast.\n', { uri: 'file:///r/x.spec.md' });
    const text = formatMarkdown(buildReport('/r', [fileReportFromAnalysis('x.spec.md', analysis)]));
    assert.doesNotMatch(text, /(?<!\\)<b>/);
  });
});
