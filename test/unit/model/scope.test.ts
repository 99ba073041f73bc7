import assert from 'node:assert/strict';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { parseSpec } from '../../../server/src/model/parse';
import { resolveScope } from '../../../server/src/model/scope';
import type { Sentence, SpecModel } from '../../../server/src/model/types';
import type { Rule } from '../../../server/src/rules/types';

const SPEC = [
  '# Refunds', '',
  '## Background', '',
  'Refunds are slow today.', '',
  '## Requirements', '',
  '- The service must refund within 5 days (e.g. via the "Quick refund" button).',
  '- The service must log each refund, because audits need it.', '',
  '## Acceptance Criteria', '',
  '- Given a paid order, when a refund is requested, then it is stored.', '',
].join('\n');

function sentenceWith(model: SpecModel, text: string): Sentence {
  const sentence = model.sentences.find((candidate) => candidate.text.includes(text));
  assert.ok(sentence, text);
  return sentence;
}

describe('declared rule scope', () => {
  const model = parseSpec(SPEC, 'file:///refunds.spec.md');

  it('judges every statement and leaves nothing out when a rule declares no scope', () => {
    const scope = resolveScope(model);
    assert.equal(scope.statements.length, model.statements.length);
    const background = sentenceWith(model, 'Refunds are slow');
    assert.ok(scope.statementOf(background));
    assert.equal(scope.excludes(background, 0), false);
  });

  it('keeps narrative out of a binding scope, and keeps only the named roles', () => {
    const binding = resolveScope(model, { statements: 'binding' });
    const background = sentenceWith(model, 'Refunds are slow');
    const requirement = sentenceWith(model, 'within 5 days');
    assert.equal(binding.statementOf(background), undefined);
    assert.equal(binding.statementOf(requirement)?.role, 'requirement');
    assert.ok(binding.statements.every((statement) => statement.binding));
    const criteria = resolveScope(model, { statements: ['criterion'] });
    assert.deepEqual([...new Set(criteria.statements.map((statement) => statement.role))], ['criterion']);
  });

  it('leaves out statements whose own wording gives them a role, whatever their place, also by line', () => {
    const text = [
      '# Rollout', '',
      '## Graduation Criteria', '',
      '- Gather feedback from two adopters.',
      '- Today the scheduler retries failed restores forever.', '',
    ].join('\n');
    const criteria = parseSpec(text, 'file:///rollout.md');
    const contingency = criteria.statements.find((statement) => statement.text.startsWith('Today'));
    const feedback = criteria.statements.find((statement) => statement.text.startsWith('Gather'));
    assert.ok(contingency && feedback);
    assert.equal(contingency.explicit && contingency.role, 'narrative');
    const scope = resolveScope(criteria, { exceptWorded: ['narrative', 'question'] });
    assert.equal(scope.statementOf(contingency.sentences[0]), undefined);
    assert.equal(scope.statementOf(feedback.sentences[0]), feedback);
    assert.equal(scope.judgesLine(contingency.range.start.line), false);
    assert.equal(scope.judgesLine(feedback.range.start.line), true);
    // Without the declaration every line is judged.
    assert.equal(resolveScope(criteria).judgesLine(contingency.range.start.line), true);
  });

  it('leaves out examples, quotes, parentheses and justifications when declared', () => {
    const sentence = sentenceWith(model, 'within 5 days');
    const at = (words: string) => sentence.text.indexOf(words);
    const all = resolveScope(model, { exclude: ['example', 'quote', 'parentheses', 'justification'] });
    assert.equal(all.excludes(sentence, at('refund within')), false);
    assert.equal(all.excludes(sentence, at('via the')), true);
    assert.equal(resolveScope(model, { exclude: ['quote'] }).excludes(sentence, at('Quick')), true);
    assert.equal(resolveScope(model, { exclude: ['quote'] }).excludes(sentence, at('via the')), false);
    assert.equal(resolveScope(model, { exclude: ['parentheses'] }).excludes(sentence, at('via the')), true);
    const justified = sentenceWith(model, 'log each refund');
    const because = resolveScope(model, { exclude: ['justification'] });
    assert.equal(because.excludes(justified, justified.text.indexOf('audits')), true);
    assert.equal(because.excludes(justified, justified.text.indexOf('log')), false);
  });

  it('leaves out a term marked for follow-up right after it', () => {
    const text = '# T\n\n## Requirements\n\n- The export must be fast (TBD: p95 target).\n';
    const marked = parseSpec(text, 'file:///t.spec.md');
    const sentence = sentenceWith(marked, 'fast');
    const start = sentence.text.indexOf('fast');
    const scope = resolveScope(marked, { exclude: ['follow-up'] });
    assert.equal(scope.excludes(sentence, start, start + 'fast'.length), true);
    assert.equal(scope.excludes(sentence, start, start + 'fa'.length), false);
  });

  it('is applied by the engine: a rule sees only the statements it declares', () => {
    const seen: string[] = [];
    const probe: Rule = {
      id: 'probe', defaultSeverity: 'info', dimension: 'requirements', scoreRole: 'wording',
      docs: { description: 'Probe.', summary: 'Probe.', rationale: 'Probe.', bad: '', good: '' },
      scope: { statements: ['criterion'] },
      check: (_model, context) => {
        seen.push(...context.scope.statements.map((statement) => statement.role));
        return [];
      },
    };
    analyzeSpec(SPEC, { uri: 'file:///refunds.spec.md', rules: [probe] });
    assert.ok(seen.length > 0);
    assert.deepEqual([...new Set(seen)], ['criterion']);
  });
});
