import assert from 'node:assert/strict';
import { hiddenContext } from '../../../server/src/rules/hidden-context';
import { at, ruleTexts, runRule, textAt } from '../helpers';

const { found, finds } = ruleTexts(hiddenContext);

describe('hidden-context', () => {
  it('reports references to meetings and discussions at their exact range', () => {
    const text = '## Requirements\n\n- Retries work as discussed, per the call on Monday.\n- Ids are UUIDs, decided in the planning call.\n';
    const findings = runRule(hiddenContext, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:15-2:27', '2:29-2:41', '3:17-3:45']);
    assert.deepEqual(findings[0].data, { phrase: 'as discussed' });
    assert.match(findings[0].message, /^"as discussed" refers to a discussion the reader was not part of: write down what was decided/);
  });

  finds('reports private chats, people, conventions and shared history, once per phrase', [
    'We agreed on the format as we discussed in Slack.',
    '',
    'Details are in the Slack thread; this was decided offline.',
    '',
    'Ask Priya for the keys. Check with @maria.dev before launch.',
    '',
    'Deploy it as usual and use the usual format, same as last time.',
    '',
    'As you know, the old one we built had no tests.',
    '',
  ], [
    'discussed in Slack', 'Slack thread', 'decided offline', 'Ask Priya', 'Check with @maria.dev',
    'Deploy it as usual', 'the usual format', 'same as last time', 'As you know', 'the old one we built',
  ]);

  it('reports links to private chat workspaces, bare or as link destinations', () => {
    const text = 'See [the thread](https://acme.slack.com/archives/C01/p123) and https://teams.microsoft.com/l/message/19:abc.\n';
    const findings = runRule(hiddenContext, text);
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), [
      'https://acme.slack.com/archives/C01/p123', 'https://teams.microsoft.com/l/message/19:abc',
    ]);
    assert.equal(findings[0].data?.url, 'https://acme.slack.com/archives/C01/p123');
  });

  finds('leaves references into the document or to public links alone', [
    'As discussed above, retries are capped. As agreed in Section 4, ids are UUIDs.',
    '',
    'As discussed in [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110), 503 means retry.',
    '',
    'See the [Slack discussion](https://github.com/org/repo/issues/12) summary.',
    '',
  ], []);

  finds.each('leaves a chat link beside a decision written out alone, and reports one the text only points at',
    [[
      '- The PRR was N/A as there are no in-tree changes proposed in this KEP. Please see these threads. [Thread 1](https://acme.slack.com/archives/C1/p1)',
      '',
      '> **Retries stop after 3 attempts with a 200 ms backoff.** Background: [thread](https://acme.slack.com/archives/C1/p2)',
      '',
    ], []],
    [[
      '- Retry policy: see https://acme.slack.com/archives/C1/p3',
      '- Please see the thread for the error codes we chose. [Thread](https://acme.slack.com/archives/C1/p4)',
      '- As discussed in the call, retries are capped. [notes](https://acme.slack.com/archives/C1/p5)',
      '',
    ], [
      // The phrase before a link is left to the link's own finding.
      'https://acme.slack.com/archives/C1/p3', 'https://acme.slack.com/archives/C1/p4', 'https://acme.slack.com/archives/C1/p5',
    ]],
  );

  finds.each('leaves a discussion the document links alone, but not a call or a chat named like a link',
    [[
      'Swift-evolution thread: [Guaranteed closure execution](https://forums.example.org/t/1233)',
      '',
      'It was mentioned in the discussion that the two attributes look alike.',
      '',
    ], []],
    [[
      'See the [API call reference](https://docs.example.org/api) and the [private thread](https://acme.slack.com/archives/C1/p6).',
      '',
      'Ids are UUIDs, decided in the planning call. It was mentioned in the discussion that ids are opaque.',
      '',
    ], ['decided in the planning call', 'mentioned in the discussion', 'https://acme.slack.com/archives/C1/p6']],
  );

  finds('does not mistake features and technical terms for hidden context', [
    '## Requirements',
    '',
    '- Alerts are posted in Slack and orders are confirmed via email.',
    '- The limit is 100 requests per call; the thread pool has 8 threads.',
    '- The renderer must ask React to hydrate; the meeting room shows the usual Kubernetes labels.',
    '- If you know the id, open it directly. Latency is higher than usual.',
    '',
  ], []);

  finds('never reports code blocks, inline code or HTML comments', [
    '`as discussed` in code and <!-- as discussed in the call; https://acme.slack.com/archives/C1 -->',
    '',
    '```',
    'per the call: https://acme.slack.com/archives/C1/p2',
    '```',
    '',
  ], []);
  finds('leaves what the proposal does not do alone: future work, drawbacks and alternatives weighed', [
    '# T', '',
    '## Context', '', 'As discussed in the meeting, retries are capped.', '',
    '## Drawbacks', '', 'Adding a new tool namespace, like we did for `diagnostic`, becomes a breaking change.', '',
    '## Alternatives considered', '', 'Two other syntaxes were discussed in the planning call.', '',
    '## Future directions', '', '- Extending the schema to cover input. As discussed, we will do so in a subsequent proposal.', '',
    '## Open questions', '', '- Grace period length (check with Legal).', '',
  ], ['discussed in the meeting', 'check with Legal']);

  finds('reads a paragraph that only names a chat link as its source with the paragraph before it', [
    '# T', '',
    '## Graduation', '',
    'The alpha version is v1.26, the same as the parent feature, and the beta version is v1.28.', '',
    'Slack discussion: https://acme.slack.com/archives/C1/p1', '',
    '## Retries', '',
    'Slack discussion: https://acme.slack.com/archives/C1/p2', '',
    '## Errors', '',
    'The service returns problem details for every error.', '',
    'Error codes: see https://acme.slack.com/archives/C1/p3', '',
  ], ['https://acme.slack.com/archives/C1/p2', 'https://acme.slack.com/archives/C1/p3']);

  finds('knows the usual way of an operation of the programming language, not a team\'s usual way', [
    '# T', '',
    '## Design', '',
    'Third-party users will implement `Provider::provide` directly, in the usual way.', '',
    'Deploy the service in the usual way.', '',
  ], ['the usual way']);
  finds('reports a decision known only by when it was taken or who took part, not one stated with it', [
    'We agreed last week on the retry policy. Use the backoff we agreed on yesterday.',
    '',
    'The error codes were discussed with Priya; the use cases discussed by the WG are out of scope.',
    '',
    'The WG agreed on 2026-03-05 that paths stay hidden. We agreed with the vendor that invoices are monthly.',
    '',
    'The team decided last week to cap retries at 3.',
    '',
  ], ['agreed last week', 'agreed on yesterday', 'discussed with Priya', 'discussed by the WG']);
  it('leaves a conversation named in the reason a statement gives, and a criterion that asks for a discussion, alone', () => {
    const text = [
      '# T', '',
      '## Design', '',
      'The location is a union. This is needed for cross-node restore and for the use cases discussed by the WG.', '',
      'Archives are kept for 7 days, because the retention was agreed with the storage team.', '',
      'The retry cap discussed with Priya applies to restores.', '',
      '## Graduation Criteria', '',
      '### Beta', '',
      '- The retention policy has been discussed with SIG Node and a follow-up is scoped.',
      '- Discussed with the API reviewers.',
      '- Restores use the backoff discussed with Priya.',
      '- As discussed in the meeting, restores are retried 3 times.', '',
    ].join('\n');
    assert.deepEqual(found(text), ['discussed with Priya', 'discussed with Priya', 'discussed in the meeting']);
  });
});
