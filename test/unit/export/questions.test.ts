import assert from 'node:assert/strict';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { escapeMarkdown } from '../../../server/src/export/markdown-text';
import { questionFor } from '../../../server/src/export/questions';
import type { Finding } from '../../../server/src/rules/types';
import { RULE_IDS } from '../../../server/src/rules/registry';

const RANGE = { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } };

function ask(rule: string, data: Record<string, unknown> | undefined, message = 'Something is wrong.'): string {
  const finding: Finding = { rule, severity: 'warning', message, range: RANGE };
  if (data) finding.data = data;
  return questionFor(finding);
}

describe('export: findings as questions', () => {
  it('asks for a target for a vague word, with the hint as the instruction', () => {
    assert.equal(
      ask('vague-term', { term: 'fast', text: 'fast', category: 'ambiguous', hint: 'state a latency target, e.g. p95 < 200 ms' }),
      'What latency counts as "fast"? Give a latency target, e.g. p95 < 200 ms.',
    );
    assert.equal(
      ask('vague-term', { term: 'etc.', text: 'etc.', category: 'open-ended', hint: 'list every case, or write "only the following"' }),
      'Which cases exactly does "etc." cover? List every case, or write "only the following".',
    );
    assert.equal(ask('vague-term', { text: 'nice' }), 'What exactly counts as "nice"?');
  });

  it('phrases the findings of every rule that has data as a question', () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['missing-section', { section: 'out-of-scope', title: 'Out of Scope' }, /^What is explicitly not part of this work\? The spec has no "Out of Scope" section\.$/],
      ['empty-section', { section: 'rollback', title: 'Rollback' }, /^What belongs in "Rollback"\?/],
      ['weak-modal', { modal: 'should', negated: false, replacement: 'MUST', alternatives: ['SHOULD'] }, /^Is this required or optional\? "should" can be read either way\. Should it read MUST or SHOULD \(RFC 2119\)\?$/],
      ['untraced-requirement', { id: 'REQ-3', requirement: 'Refunds are idempotent' }, /^How will REQ-3 \("Refunds are idempotent"\) be accepted\?/],
      ['placeholder', { placeholder: 'TBD' }, /^What goes where the spec still says "TBD"\?/],
      ['open-question', { question: 'Do we support partial refunds?' }, /^Has this open question been decided: "Do we support partial refunds\?"\?/],
      ['interface-incomplete', { endpoint: 'POST /refunds', missing: ['response', 'errors'] }, /^For POST \/refunds: what does it return on success .* and which errors can it return/],
      ['broken-link', { target: 'docs/api.md', reason: 'missing-file' }, /^Where is "docs\/api\.md"\?/],
      ['broken-link', { target: '#scop', reason: 'missing-fragment', suggestion: 'scope' }, /^Which section should "#scop" point to\? It does not exist; is "#scope" meant\.$/],
      ['hidden-context', { phrase: 'as discussed' }, /^What was decided \("as discussed"\)\?/],
      ['hidden-context', { phrase: 'https://x.slack.com/archives/C1', url: 'https://x.slack.com/archives/C1' }, /^What does the linked chat say/],
      ['unmeasurable-requirement', { quality: 'latency', term: 'response time', hint: 'state a latency target, e.g. p95 < 200 ms' }, /^What latency target applies to "response time"\? Give a latency target, e\.g\. p95 < 200 ms\.$/],
      ['untestable-criterion', { criterion: 'Refunds work correctly.', reason: 'vague-outcome', phrase: 'work correctly' }, /^How would a tester check "Refunds work correctly\."\? "work correctly" cannot be checked\./],
      ['unknown-reference', { id: 'REQ-9' }, /^What is REQ-9\?/],
      ['duplicate-id', { id: 'REQ-1', firstLine: 2 }, /^Which requirement is REQ-1\? The id is defined twice \(line 3 and line 5\)\.$/],
      ['invalid-code-block', { language: 'json' }, /^What is the correct JSON here\?/],
    ];
    for (const [rule, data, expected] of cases) assert.match(ask(rule, data), expected, rule);
  });

  it('falls back to the message for unknown rules and for data of the wrong shape', () => {
    assert.equal(ask('brand-new-rule', { anything: 1 }, 'Something is off'), 'Can you clarify this? Something is off.');
    assert.equal(ask('vague-term', { term: 42 }, 'The word is vague.'), 'Can you clarify this? The word is vague.');
    assert.equal(ask('weak-modal', undefined, '"should" is weak.'), 'Can you clarify this? "should" is weak.');
  });

  it('gives every finding of a real analysis a question', () => {
    const markdown = [
      '# Export', '', '## Requirements', '', '- REQ-1: The export should be fast and user friendly.', '',
      '## Acceptance Criteria', '', '- It works correctly.', '', '## Open Questions', '', '- Who owns the queue?', '',
    ].join('\n');
    const { findings } = analyzeSpec(markdown);
    assert.ok(findings.length >= 5);
    for (const finding of findings) {
      assert.ok(RULE_IDS.includes(finding.rule));
      const question = questionFor(finding);
      assert.ok(question.length > 10 && /[?.]$/.test(question), `${finding.rule}: ${question}`);
    }
    const fast = findings.find((finding) => finding.rule === 'vague-term' && finding.data?.term === 'fast');
    assert.ok(fast);
    assert.match(questionFor(fast), /^What latency counts as "fast"\? Give a latency target/);
  });
});

describe('export: Markdown escaping of spec text', () => {
  it('escapes what could become markup and leaves ordinary text readable', () => {
    assert.equal(escapeMarkdown('p95 < 200 ms for amount_exceeds_balance (REQ-1)'), 'p95 < 200 ms for amount_exceeds_balance (REQ-1)');
    assert.equal(escapeMarkdown('*bold* [x](y) `code` <script> _em_ a|b &amp;'), '\\*bold\\* \\[x\\](y) \\`code\\` \\<script> \\_em\\_ a\\|b \\&amp;');
    assert.equal(escapeMarkdown('two\n  lines'), 'two lines');
  });
});
