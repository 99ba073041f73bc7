import assert from 'node:assert/strict';
import { openQuestion } from '../../../server/src/rules/open-question';
import { at, findsTests, runRule, textAt } from '../helpers';

function questions(markdown: string): unknown[] {
  return runRule(openQuestion, markdown).map((finding) => finding.data?.question);
}
const finds = findsTests(questions);

describe('open-question', () => {
  it('reports each unresolved list item on its first line', () => {
    const text = [
      '# Spec',
      '',
      '## Open Questions',
      '',
      '- Which queue do we use',
      '  for retries?',
      '- Do refunds need approval?',
    ].join('\n');
    const findings = runRule(openQuestion, text);
    assert.deepEqual(findings.map((f) => at(f.range)), ['4:2-4:23', '6:2-6:27']);
    assert.deepEqual(findings.map((f) => f.data), [
      { question: 'Which queue do we use for retries?' },
      { question: 'Do refunds need approval?' },
    ]);
    assert.equal(textAt(text, findings[1].range), 'Do refunds need approval?');
  });

  finds('skips resolved items: checked, struck through, or marked resolved/answered/decision', [
    '## Open questions',
    '',
    '- [x] Which region? eu-west-1.',
    '- [ ] Which database?',
    '- ~~Use Kafka?~~ No.',
    '- Resolved: retries are capped at 3.',
    '- Auth method? **Decision:** OAuth 2.0 client credentials.',
    '- Answered in #42 (see design doc).',
    '- Rate limits? (resolved)',
    '- Pagination style?',
    '  - Answer: cursor-based.',
    '- Idempotency keys?',
    '  - Option A: header',
    '  - Option B: body field',
  ], ['Which database?', 'Idempotency keys?']);

  it('treats "None." and similar as no open questions', () => {
    for (const body of ['None.', '- None.', 'N/A', 'There are none.', '*No known unresolved questions yet.*', 'All outstanding questions have been resolved.', 'No.']) {
      assert.deepEqual(questions(`## Open Questions\n\n${body}\n`), [], body);
    }
  });

  it('treats any statement that there is nothing open as no open questions, whatever follows it', () => {
    for (const body of [
      'None: all decisions are recorded above.',
      'None - every decision is in the Decisions section with its owner and date.',
      'None (the review on 2024-05-02 closed the last one).',
      '**None.** Decisions live in the Decision Log.',
      'Nothing open at this time.',
      'There is nothing left to decide.',
      'We have no open items.',
      'All decisions are recorded above.',
      'All of the review questions have been answered in the Design section.',
      'The design was reviewed on 2024-05-02. No questions remain.',
    ]) {
      assert.deepEqual(questions(`## Open Questions\n\n${body}\n`), [], body);
    }
    // A nil word that opens a question, or a statement about something else, still counts.
    assert.equal(questions('## Open Questions\n\nNone of the options scale: do we shard?\n').length, 1);
    assert.equal(questions('## Open Questions\n\nNotification channels for refunds are undecided.\n').length, 1);
    assert.equal(questions('## Open Questions\n\n- No retries, or three?\n').length, 1);
  });

  it('reports paragraphs that ask, with a following list as their options', () => {
    const text = [
      '## Unresolved questions',
      '',
      'We still need to settle:',
      '',
      'Which command should scripts use?',
      '- `cargo` with a subcommand',
      '- a new binary',
      '',
      'How are lockfiles stored? Next to the script?',
      '',
      'Smaller questions include:',
      '- Should stdin be supported?',
    ].join('\n');
    const findings = runRule(openQuestion, text);
    assert.deepEqual(findings.map((f) => f.data?.question), [
      'Which command should scripts use?',
      'How are lockfiles stored? Next to the script?',
      'Should stdin be supported?',
    ]);
    assert.equal(at(findings[1].range), '8:0-8:25');
  });

  finds('reports prose that asks nothing as one open item', '## Open Questions\n\nSuspense needs special handling during hydration.\nDetails to follow.\n', ['Suspense needs special handling during hydration. Details to follow.']);

  it('reports each subsection as one question unless it starts with a resolution', () => {
    const text = [
      '## Open Questions',
      '',
      'Two topics remain.',
      '',
      '### Should we warn without a provider?',
      '',
      'Maybe in development builds.',
      '',
      '### Naming',
      '',
      'Resolved: `createContext`.',
    ].join('\n');
    const findings = runRule(openQuestion, text);
    assert.deepEqual(findings.map((f) => f.data?.question), ['Should we warn without a provider?']);
    assert.equal(at(findings[0].range), '4:0-4:38');
  });

  it('reports table rows without a resolved status or an answer', () => {
    const text = [
      '## Open Questions',
      '',
      '| Question | Owner | Status | Decision |',
      '|---|---|---|---|',
      '| Which queue? | @lena | Open | |',
      '| Which region? | @sam | Resolved | eu-west-1 |',
      '| Retry budget? | @kim | | 3 retries |',
      '| Page size? | @kim | pending | TBD |',
    ].join('\n');
    const findings = runRule(openQuestion, text);
    assert.deepEqual(findings.map((f) => textAt(text, f.range)), ['Which queue?', 'Page size?']);
  });

  finds('ignores other sections, FAQ sections and HTML comment guidance', [
    '## Requirements',
    '',
    '- Should we? This is not an open-questions section.',
    '',
    '## FAQ',
    '',
    '### Does this replace SSR?',
    '',
    'No.',
    '',
    '## Open Questions',
    '',
    '<!-- Undecided points, each with an owner and a date. -->',
    '- None.',
  ], []);
});
