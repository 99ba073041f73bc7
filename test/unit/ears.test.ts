import assert from 'node:assert/strict';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { earsForm } from '../../server/src/model/ears';
import { quickFixesFor } from '../../server/src/fixes/index';
import { offsetAt } from '../../server/src/model/text';
import { malformedEars } from '../../server/src/rules/malformed-ears';
import { BUILTIN_PROFILES } from '../../server/src/sections/profiles';
import { at, runRule } from './helpers';

describe('EARS', () => {
  describe('earsForm: the five patterns and their combinations', () => {
    const cases: Array<[string, string, string, string]> = [
      ['The payments service shall log every refund.', 'ubiquitous', 'The payments service', 'log every refund'],
      ['When a refund succeeds, the notifications service shall send the "refund-succeeded" email.', 'event-driven', 'the notifications service', 'send the "refund-succeeded" email'],
      ['WHEN a refund event arrives THEN the notifications service SHALL send one email within 60 seconds.', 'event-driven', 'the notifications service', 'send one email within 60 seconds'],
      ['While the provider is unavailable, the service shall queue outgoing emails.', 'state-driven', 'the service', 'queue outgoing emails'],
      ['If the provider returns a 5xx status, then the service shall retry 3 times.', 'unwanted-behaviour', 'the service', 'retry 3 times'],
      ['IF the amount is negative THEN the API SHALL return 400.', 'unwanted-behaviour', 'the API', 'return 400'],
      ['Where the EU region is enabled, the service shall store data in eu-west-1.', 'optional-feature', 'the service', 'store data in eu-west-1'],
      ['While the provider is down, when a refund succeeds, the service shall queue the email.', 'complex', 'the service', 'queue the email'],
      ['- **FR-3**: When 10, 20 or 30 EUR are refunded, the ledger shall record one entry.', 'event-driven', 'the ledger', 'record one entry'],
    ];
    for (const [text, pattern, system, response] of cases) {
      it(`reads ${pattern}: "${text.slice(0, 50)}…"`, () => {
        const form = earsForm(text);
        assert.ok(form);
        assert.deepEqual([form.pattern, form.system, form.response, form.problems], [pattern, system, response, []]);
      });
    }

    it('names what a malformed statement lacks, with the pattern it almost matches', () => {
      const problems = (text: string) => { const form = earsForm(text); return [form?.pattern, form?.problems]; };
      assert.deepEqual(problems('WHEN a refund fails'), ['event-driven', ['no-response']]);
      assert.deepEqual(problems('WHEN a refund fails THEN SHALL send the refund-failed email.'), ['event-driven', ['no-system']]);
      assert.deepEqual(problems('IF the card is declined THEN the API SHALL return 402 and SHALL email the agent.'), ['unwanted-behaviour', ['several-shalls']]);
      assert.deepEqual(problems('While the queue is full, the service shall.'), ['state-driven', ['empty-response']]);
    });

    it('does not read ordinary prose as EARS', () => {
      assert.equal(earsForm('The service retries failed requests.'), undefined);
      assert.equal(earsForm('Refunds are limited to the captured amount.'), undefined);
    });
  });

  describe('malformed-ears', () => {
    it('reports malformed requirements and criteria at the statement, with the pattern', () => {
      const text = [
        '## Acceptance Criteria', '',
        '1. WHEN a refund fails THEN SHALL notify the customer.',
        '2. WHEN a refund succeeds THEN the service SHALL send an email and SHALL update the ledger.',
        '3. WHEN a refund succeeds THEN the notifications service SHALL send the receipt email.', '',
      ].join('\n');
      const findings = runRule(malformedEars, text);
      assert.deepEqual(findings.map((f) => [at(f.range).split('-')[0], f.data?.pattern, f.data?.problems]), [
        ['2:3', 'event-driven', ['no-system']],
        ['3:3', 'event-driven', ['several-shalls']],
      ]);
      assert.match(findings[0].message, /almost event-driven \("When <trigger>, the <system> shall <response>"\)/);
    });

    it('leaves ordinary "if" and "when" sentences alone, unless the document is a Kiro spec', () => {
      const text = '## Requirements\n\n- If the request fails, retry it.\n- When possible, batch writes.\n';
      assert.deepEqual(runRule(malformedEars, text), []);
      assert.equal(runRule(malformedEars, '## Requirements\n\n- WHEN the request fails\n').length, 1);
      assert.equal(runRule(malformedEars, '## Requirements\n\n- When the request fails\n', { profile: BUILTIN_PROFILES.kiro }).length, 1);
    });

    it('never judges narrative', () => {
      assert.deepEqual(runRule(malformedEars, '## Background\n\nWhen the old system failed, shall was used loosely.\n'), []);
    });
  });

  it('counts a well-formed EARS criterion with a concrete response as testable, and not an evaluative one', () => {
    const text = '# R\n\n## Acceptance Criteria\n\n1. WHEN a refund fails THEN the notifications service SHALL inform the customer by email.\n2. IF the provider is down THEN the service SHALL work correctly.\n';
    const untestable = analyzeSpec(text, { uri: 'file:///r.spec.md' }).findings.filter((f) => f.rule === 'untestable-criterion');
    assert.deepEqual(untestable.map((f) => f.range.start.line), [5]);
  });

  describe('quick fixes', () => {
    const uri = 'file:///repo/.kiro/specs/refunds/requirements.md';
    function applyFirst(text: string, rule: string, title: RegExp): string {
      const result = analyzeSpec(text, { uri });
      const finding = result.findings.find((f) => f.rule === rule);
      assert.ok(finding, `no ${rule} finding`);
      const fix = quickFixesFor(result, finding).find((candidate) => title.test(candidate.title));
      assert.ok(fix, `no fix matching ${title}`);
      assert.ok(fix.edits.every((edit) => edit.snippet && /\$\{1:/.test(edit.snippet)), 'edits carry tab stops');
      let out = text;
      for (const edit of [...fix.edits].reverse()) {
        const model = { text: out, lineStarts: result.model.lineStarts };
        out = out.slice(0, offsetAt(model, edit.range.start)) + edit.newText + out.slice(offsetAt(model, edit.range.end));
      }
      return out;
    }
    const doc = (criterion: string) => `# R\n\n## Introduction\n\nThe notify service sends mail.\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a customer, I want mail, so that I know.\n\n#### Acceptance Criteria\n\n1. ${criterion}\n`;

    it('adds the missing response or system and the finding goes away, every word kept', () => {
      const fixed = applyFirst(doc('WHEN a refund fails.'), 'malformed-ears', /response/);
      assert.match(fixed, /1\. WHEN a refund fails THEN the <!-- system --> SHALL <!-- response -->\.\n/);
      assert.deepEqual(analyzeSpec(fixed, { uri }).findings.filter((f) => f.rule === 'placeholder').map((f) => f.data?.placeholder), ['hole', 'hole'], 'the holes are reported until filled, nothing passes for content');
      const named = applyFirst(doc('WHEN a refund fails THEN SHALL send the refund-failed email.'), 'malformed-ears', /Name the system/);
      assert.match(named, /THEN the <!-- system --> SHALL send the refund-failed email\./);
      assert.equal(analyzeSpec(named, { uri }).findings.filter((f) => f.rule === 'malformed-ears').length, 0);
    });

    it('rewrites a plain criterion of an EARS document into EARS around the author\'s words', () => {
      const fixed = applyFirst(doc('The fix is robust.'), 'untestable-criterion', /Rewrite as EARS/);
      assert.match(fixed, /1\. WHEN <!-- trigger --> THEN the <!-- system --> SHALL ensure that the fix is robust\./);
    });
  });
});
