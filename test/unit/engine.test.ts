import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../server/src/config/errors';
import { analyzeSpec } from '../../server/src/engine/analyze';
import { RULES } from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/types';
import { DIMENSION_IDS } from '../../server/src/score/types';
import { findingsOf } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

describe('analyzeSpec', () => {
  it('scores the handoff-ready example at least 80 with no errors', () => {
    const result = analyzeSpec(readFileSync(join(EXAMPLES, 'payment-refunds.spec.md'), 'utf8'));
    assert.deepEqual(result.findings.filter((f) => f.severity === 'error'), []);
    assert.ok(result.score >= 80, `score ${result.score}`);
    assert.equal(result.ready, true);
  });

  it('scores a spec with typical problems below the threshold', () => {
    const result = analyzeSpec(readFileSync(join(EXAMPLES, 'order-export.spec.md'), 'utf8'));
    assert.equal(result.ready, false);
    assert.ok(result.score < 80, `score ${result.score}`);
    for (const key of DIMENSION_IDS) {
      const { score } = result.breakdown[key];
      assert.ok(Number.isInteger(score) && score >= 0 && score <= 100);
    }
  });

  it('selects the profile from front matter, falling back on an unknown one with a finding', () => {
    assert.equal(analyzeSpec('---\nprofile: bugfix\n---\n# T\n').profile, 'bugfix');
    const unknown = analyzeSpec('---\nprofile: nope\n---\n# T\n');
    assert.equal(unknown.profile, 'service');
    assert.equal(unknown.findings.filter((f) => f.rule === 'invalid-front-matter').length, 1);
  });

  it('applies configured severities and turns rules off', () => {
    const text = '# T\n\n## Scope\n';
    assert.equal(findingsOf('empty-section', text)[0].severity, 'error');
    assert.equal(findingsOf('empty-section', text, { config: { rules: { 'empty-section': 'info' } } })[0].severity, 'info');
    assert.deepEqual(findingsOf('empty-section', text, { config: { rules: { 'empty-section': 'off' } } }), []);
  });

  it('honours disable, enable, disable-line and disable-next-line comments', () => {
    const text = [
      '## Acceptance Criteria', '',
      '<!-- specready-disable-next-line untestable-criterion -->',
      '- Works fine.',
      '- Works fine too. <!-- specready-disable-line -->',
      '<!-- specready-disable untestable-criterion, empty-section -->',
      '- Works fine three.',
      '<!-- specready-enable untestable-criterion -->',
      '- Works fine four.',
    ].join('\n');
    assert.deepEqual(findingsOf('untestable-criterion', text).map((f) => f.range.start.line), [8]);
  });

  it('reports a configured profile that does not exist as a configuration error', () => {
    assert.throws(() => analyzeSpec('# T', { config: { profile: 'nope' } }), ConfigError);
    assert.throws(() => analyzeSpec('# T', { config: { idPattern: '([' } }), ConfigError);
  });

  it('supports custom profiles that extend built-in ones', () => {
    const config = { profile: 'tiny', profiles: { tiny: { extends: 'service', required: ['context'] } } };
    const result = analyzeSpec('# T\n\n## Context\n\nWhy.\n', { config });
    assert.equal(result.profile, 'tiny');
    assert.deepEqual(result.findings.filter((f) => f.rule === 'missing-section' && f.severity === 'error'), []);
  });

  it('keeps reporting the other rules when one rule throws', () => {
    const victim: Rule = { ...RULES[0], check: () => { throw new Error('boom'); } };
    const result = analyzeSpec('# T\n', { rules: [victim, ...RULES.slice(1)] });
    assert.equal(result.ruleFailures.length, 1);
    assert.equal(result.ruleFailures[0].rule, victim.id);
    assert.ok(result.findings.some((f) => f.rule === 'missing-section'));
  });

  it('runs only the rules it is given, and the registry cannot be changed', () => {
    const [first] = RULES;
    const result = analyzeSpec('# T\n\nTBD\n', { rules: [first] });
    assert.ok(result.findings.every((f) => f.rule === first.id));
    assert.ok(Object.isFrozen(RULES) && RULES.every((rule) => Object.isFrozen(rule)));
    assert.throws(() => { (first as { check: Rule['check'] }).check = () => []; }, TypeError);
  });

  it('blocks readiness by a rule\'s declared score role, with the rule\'s id as the blocker\'s kind', () => {
    const line = (text: string) => ({ start: { line: 4, character: 0 }, end: { line: 4, character: text.length } });
    const leak: Rule = {
      ...RULES[0], id: 'probe-leak', aliases: undefined, scoreRole: 'credential', dimension: 'selfContained', fixes: undefined,
      check: () => [{ message: 'A key.', range: line('key') }],
    };
    const hole: Rule = { ...leak, id: 'probe-hole', scoreRole: 'stand-in', check: () => [{ message: 'A hole.', range: line('hole') }] };
    const result = analyzeSpec('# T\n\n## Requirements\n\nThe service does it.\n', { rules: [hole, leak] });
    assert.deepEqual(result.blockers.map((blocker) => [blocker.kind, blocker.rule]).slice(0, 2), [['probe-leak', 'probe-leak'], ['probe-hole', 'probe-hole']]);
    assert.equal(result.ready, false);
  });

  it('counts a rule\'s findings in the self-contained reasons by what the rule calls them', () => {
    const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 3 } });
    const leak: Rule = {
      ...RULES[0], id: 'probe-leak', aliases: undefined, scoreRole: 'credential', dimension: 'selfContained', fixes: undefined,
      counted: { one: 'leaked key' }, check: () => [{ message: 'A key.', range: line(2) }, { message: 'A key.', range: line(4) }],
    };
    const hidden: Rule = { ...leak, id: 'probe-hidden', scoreRole: 'unshared-knowledge', counted: undefined, check: () => [{ message: 'Unsaid.', range: line(2) }] };
    const reasons = analyzeSpec('# T\n\nOne.\n\nTwo.\n', { rules: [leak, hidden] }).breakdown.selfContained.reasons.map((reason) => reason.message);
    assert.deepEqual(reasons, ['self-contained: 2 leaked keys', 'self-contained: 1 probe-hidden']);
    const builtIn = analyzeSpec('# T\n\nAs discussed in the call, retries stop. Deploy it as usual.\n').breakdown.selfContained.reasons.map((reason) => reason.message);
    assert.deepEqual(builtIn, ['self-contained: 2 references to hidden context']);
  });

  it('never lowers the score when a finding is fixed', () => {
    const before = analyzeSpec(readFileSync(join(EXAMPLES, 'order-export.spec.md'), 'utf8'));
    const fixed = readFileSync(join(EXAMPLES, 'order-export.spec.md'), 'utf8').replace('- AC-1 (REQ-1): Export works correctly.', '- AC-1 (REQ-1): Given 10 orders, when exported, then the CSV has 10 rows.');
    const after = analyzeSpec(fixed);
    assert.ok(after.findings.length < before.findings.length);
    assert.ok(after.score >= before.score);
  });
});
