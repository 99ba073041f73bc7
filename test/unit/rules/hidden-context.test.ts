import assert from 'node:assert/strict';
import { hiddenContext } from '../../../server/src/rules/hidden-context';
import { at, runRule, textAt } from '../helpers';

function found(markdown: string): string[] {
  return runRule(hiddenContext, markdown).map((finding) => textAt(markdown, finding.range));
}

describe('hidden-context', () => {
  it('reports references to meetings and discussions at their exact range', () => {
    const text = '## Requirements\n\n- Retries work as discussed, per the call on Monday.\n- Ids are UUIDs, decided in the planning call.\n';
    const findings = runRule(hiddenContext, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:15-2:27', '2:29-2:41', '3:17-3:45']);
    assert.deepEqual(findings[0].data, { phrase: 'as discussed' });
    assert.match(findings[0].message, /^"as discussed" refers to a discussion the reader was not part of: write down what was decided/);
  });

  it('reports private chats, people, conventions and shared history, once per phrase', () => {
    const text = [
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
    ].join('\n');
    assert.deepEqual(found(text), [
      'discussed in Slack', 'Slack thread', 'decided offline', 'Ask Priya', 'Check with @maria.dev',
      'Deploy it as usual', 'the usual format', 'same as last time', 'As you know', 'the old one we built',
    ]);
  });

  it('reports links to private chat workspaces, bare or as link destinations', () => {
    const text = 'See [the thread](https://acme.slack.com/archives/C01/p123) and https://teams.microsoft.com/l/message/19:abc.\n';
    const findings = runRule(hiddenContext, text);
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), [
      'https://acme.slack.com/archives/C01/p123', 'https://teams.microsoft.com/l/message/19:abc',
    ]);
    assert.equal(findings[0].data?.url, 'https://acme.slack.com/archives/C01/p123');
  });

  it('leaves references into the document or to public links alone', () => {
    const text = [
      'As discussed above, retries are capped. As agreed in Section 4, ids are UUIDs.',
      '',
      'As discussed in [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110), 503 means retry.',
      '',
      'See the [Slack discussion](https://github.com/org/repo/issues/12) summary.',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('does not mistake features and technical terms for hidden context', () => {
    const text = [
      '## Requirements',
      '',
      '- Alerts are posted in Slack and orders are confirmed via email.',
      '- The limit is 100 requests per call; the thread pool has 8 threads.',
      '- The renderer must ask React to hydrate; the meeting room shows the usual Kubernetes labels.',
      '- If you know the id, open it directly. Latency is higher than usual.',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('never reports code blocks, inline code or HTML comments', () => {
    const text = [
      '`as discussed` in code and <!-- as discussed in the call; https://acme.slack.com/archives/C1 -->',
      '',
      '```',
      'per the call: https://acme.slack.com/archives/C1/p2',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });
});
