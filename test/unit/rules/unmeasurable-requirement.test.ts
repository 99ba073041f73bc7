import assert from 'node:assert/strict';
import { createLexicon } from '../../../server/src/lexicon/lexicon';
import { unmeasurableRequirement } from '../../../server/src/rules/unmeasurable-requirement';
import { at, ruleTexts, runRule, textAt } from '../helpers';

const { found, finds } = ruleTexts(unmeasurableRequirement);

describe('unmeasurable-requirement', () => {
  it('reports a quality named without a number and unit, at the quality word', () => {
    const text = '## Non-Functional Requirements\n\n- NFR-1: The API must keep latency and memory usage within budget.\n';
    const findings = runRule(unmeasurableRequirement, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:27-2:34', '2:39-2:51']);
    assert.deepEqual(findings[0].data, { quality: 'latency', term: 'latency', hint: 'state a latency target, e.g. p95 < 200 ms' });
    assert.equal(findings[1].data?.quality, 'memory');
    assert.match(findings[0].message, /^Requirement names latency \("latency"\) without a measurable target: state a latency target/);
  });

  finds('accepts statements that give a target of the right kind', [
    '## Requirements',
    '',
    '- Response time must stay under 300 ms at p95.',
    '- Availability of the service must be 99.9% per month.',
    '- Throughput: 500 requests/s sustained.',
    '- Uploads above the size limit of 50 MB must be rejected.',
    '- Search latency must be low. 95% of queries return within 1 s.',
    '',
  ], []);

  it('reports usability, maintainability, portability, accuracy and energy named without a target', () => {
    const text = [
      '## Non-Functional Requirements',
      '',
      '- NFR-1: Usability and maintainability must be ensured.',
      '- NFR-2: Position accuracy and battery life matter to drivers.',
      '- NFR-3: Portability is a goal.',
      '',
    ].join('\n');
    const findings = runRule(unmeasurableRequirement, text);
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), [
      'Usability', 'maintainability', 'accuracy', 'battery life', 'Portability',
    ]);
    assert.deepEqual(findings.slice(0, 2).map((finding) => at(finding.range)), ['2:9-2:18', '2:23-2:38']);
    assert.deepEqual(findings.map((finding) => finding.data?.quality), ['usability', 'maintainability', 'accuracy', 'energy', 'portability']);
  });

  finds.each('accepts these qualities with a target of the right kind, including physical units',
    [[
      '## Requirements',
      '',
      '- Usability: 90% of first-time users book a room within 5 minutes.',
      '- Position accuracy must be within 5 m.',
      '- Battery life must be at least 8 hours.',
      '',
    ], []],
    ['## Requirements\n\n- Usability must be good on 5 MB pages.\n', ['Usability']],
  );

  finds('wants a duration for latency, not any number', '## Requirements\n\n- Response time must be good for 100 users.\n', ['Response time']);

  finds('accepts a target written elsewhere: a link, another requirement or a section', [
    '## Requirements',
    '',
    '- REQ-1: Latency must meet the [SLOs](#slos).',
    '- REQ-2: Throughput must match NFR-3.',
    '- REQ-3: Performance must meet the targets in section 4.2.',
    '',
  ], []);

  it('reads a table row as one statement and skips the header', () => {
    const text = '## Non-Functional Requirements\n\n| Quality | Target |\n|---|---|\n| Availability target | high |\n| Uptime | 99.95% |\n';
    const findings = runRule(unmeasurableRequirement, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['4:2-4:21']);
  });

  it('leaves quality words that vague-term reports to vague-term, unless removed from the vocabulary', () => {
    const text = '## Requirements\n\n- The service must be fast and scalable.\n';
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text, { lexicon: createLexicon({ remove: ['fast'] }) }), ['fast']);
  });

  finds('only checks requiring statements in requirement sections', [
    '## Context',
    '',
    '- Latency is a problem today.',
    '',
    '## Requirements',
    '',
    'Latency is measured from request receipt to the last byte.',
    '',
    '### Will this increase CPU usage?',
    '',
    '- It may increase CPU usage slightly.',
    '',
  ], []);

  finds('never reports code, URLs or headings', [
    '## Requirements',
    '',
    '### Latency',
    '',
    '- The client must set `timeout` as shown in https://example.com/latency.',
    '',
    '```yaml',
    'latency: must be low',
    '```',
    '',
  ], []);
  finds('reports a quality only where the statement sets it as the target', [
    '## Graduation Criteria',
    '',
    '- Scalability tests that mirror real-world usage',
    '- Upgrade tests and scalability tests have been passed',
    '- Pod startup latency and max limits results published.',
    '- Performance tests for the plugin are implemented to measure scheduling throughput and latency impact.',
    '- Improve pod startup latency measurements to get finer-grained operation latencies.',
    '- scheduler_perf covers the performance of most plugins.',
    '- We have no record of users hitting performance issues on the management cluster.',
    '- The error rate should not increase for the expand operation.',
    '- No increase to memory usage with the feature enabled.',
    '- The feature gate will increase memory usage.',
    '- Liveness probes can have a configurable timeout on failure.',
    '- Enable routing strategies (for example, those based on topology or latency).',
    '- Provide a simple update behavior for workloads that can tolerate downtime.',
    '- Re-evaluate the need to skip reconciliation in the event handlers to optimize performance.',
    '- Improve the overall reliability of applications by providing a way for containers to terminate gracefully.',
    '- MUST provide a way to accurately preview which objects will be deleted.',
    '- Its ease of use is one big advantage to keep it useful for the long term.',
    '',
  ], []);

  finds.each('still reports a quality set as the target of a criterion or a goal',
    [[
      '## Goals',
      '',
      '- Improve the performance of scheduling large jobs on large clusters.',
      '- Proved scalability/performance gain.',
      '- Timestamps must be accurate.',
      '- Ensure reliability of existing tests.',
      '',
    ], ['performance', 'scalability', 'performance', 'accurate', 'reliability']],
    ['## Requirements\n\n- The service must emit accurate timestamps.\n- The reported position accuracy must be known.\n', ['accurate', 'accuracy']],
  );
});
