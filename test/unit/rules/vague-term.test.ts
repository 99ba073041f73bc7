import assert from 'node:assert/strict';
import { createLexicon } from '../../../server/src/lexicon/lexicon';
import { vagueTerm } from '../../../server/src/rules/vague-term';
import { at, findingsOf, ruleTexts, runRule, textAt } from '../helpers';

const { found, finds } = ruleTexts(vagueTerm);

const requirements = (...items: string[]): string => `## Requirements\n\n${items.map((item) => `- ${item}`).join('\n')}\n`;

describe('vague-term', () => {
  it('reports vague terms in requirements at their exact range, with term, category and hint', () => {
    const text = requirements('The search page must be fast and user-friendly.');
    const findings = runRule(vagueTerm, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:26-2:30', '2:35-2:48']);
    assert.equal(findings[0].message, '"fast" is vague: state a latency target, e.g. p95 < 200 ms.');
    assert.deepEqual(findings[0].data, {
      term: 'fast', text: 'fast', category: 'ambiguous', hint: 'state a latency target, e.g. p95 < 200 ms',
    });
    assert.equal(findings[1].data?.term, 'user friendly');
    assert.equal(findings[1].data?.category, 'subjective');
  });

  it('stays quiet in acknowledgments, references, appendices and compatibility notes', () => {
    for (const heading of ['Acknowledgments', 'References', 'Appendix A', 'Source compatibility', 'Future directions', 'Effect on ABI stability']) {
      assert.deepEqual(found(`## ${heading}\n\nThanks to Ann: memberwise initializers should be synthesized when possible, etc.\n`), [], heading);
    }
  });

  finds('reports loopholes, open-ended lists and vague quantities', requirements(
    'Import CSV, XLSX, etc.',
    'Retry 3 times if possible.',
    'Notify some admins as needed.',
  ), ['etc.', 'if possible', 'some', 'as needed']);

  finds('does not report a graded term whose statement gives a measurable target', requirements(
    'Search must be fast: p95 < 200 ms.',
    'Uploads must accept large files (up to 50 MB).',
    'The form must be easy to use. 90% of first-time users finish it in under 2 minutes.',
    'Exports must be faster than the nightly batch.',
  ), []);

  it('needs a duration or a rate to settle a speed word', () => {
    assert.deepEqual(found(requirements('Search must be fast for 100 users.')), ['fast']);
    assert.deepEqual(found(requirements('Exports must be faster.')), ['faster']);
  });

  it('reports bounds without a value, floors, comparatives, superlatives and approximations at their exact range', () => {
    const text = requirements(
      'Keep manual steps to a minimum and call with a minimum of driver action.',
      'As a minimum, support CSV; follow best practices.',
      'Start in about 5 s.',
      'Locate trains with greater accuracy.',
      'Give a distinctive tone and detailed help; provide for manual input.',
    );
    const findings = runRule(vagueTerm, text);
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), [
      'to a minimum', 'a minimum of', 'As a minimum', 'best', 'about 5', 'greater', 'distinctive', 'detailed',
      'provide for',
    ]);
    assert.deepEqual(findings.slice(0, 2).map((finding) => at(finding.range)), ['2:20-2:32', '2:47-2:59']);
    assert.deepEqual(findings.map((finding) => finding.data?.category), [
      'bound', 'bound', 'floor', 'superlative', 'approximation', 'comparative', 'ambiguous', 'ambiguous',
      'ambiguous',
    ]);
  });

  finds('does not report a bound with its value, a named parameter, a settled comparative or "about" without a number', requirements(
    'Accept a maximum of 8 digits.',
    'Show the minimum supported version.',
    'Exports must take fewer steps than the v1 wizard.',
    'Show data about the user; support Node 20 or higher.',
    'Characters must have a minimum height of 5mm.',
  ), []);

  it('reports a must/shall sentence whose subject is a bare demonstrative, in commitments only', () => {
    const text = requirements(
      'The radio shall warn the driver. This shall also indicate if the line is busy.',
      'This requirement shall apply to cab radios.',
      'The export runs nightly. This is needed for the audit.',
    );
    const findings = runRule(vagueTerm, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['2:35-2:39']);
    assert.equal(findings[0].data?.category, 'vague-pronoun');
    assert.match(findings[0].message, /^"This" is vague: name what it refers to/);
    assert.deepEqual(found('## Context\n\nThe radio warns the driver. This must be fixed.\n'), []);
  });

  it('settles a term with a number in its own or the next sentence, not one further away or before it', () => {
    assert.deepEqual(found(requirements('A segment holds at most 96 characters. A message can include several segments.')), ['several']);
    assert.deepEqual(found(requirements('Search must be fast. It runs on 3 nodes. 95% of queries return in 1 s.')), ['fast']);
    assert.deepEqual(found(requirements('Search must be fast. 95% of queries return in 1 s. It runs on 3 nodes.')), []);
  });

  it('reports loopholes and open-ended lists even next to numbers', () => {
    assert.deepEqual(found(requirements('Respond within 200 ms where possible, for PDF, DOCX, etc.')), ['where possible', 'etc.']);
  });

  it('reads a table row as one statement', () => {
    const text = '## Non-Functional Requirements\n\n| Quality | Target |\n|---|---|\n| Latency | fast |\n| Search | fast (p95 < 300 ms) |\n';
    const findings = runRule(vagueTerm, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['4:12-4:16']);
  });

  it('reports only strongly vague terms in binding sentences outside normative sections', () => {
    const text = [
      '## Detailed design',
      '',
      'The current checkout is slow and some users complain about Slack, Teams, etc.',
      '',
      'The new portal should be user-friendly and fast.',
      '',
    ].join('\n');
    const findings = runRule(vagueTerm, text);
    assert.deepEqual(findings.map((finding) => at(finding.range)), ['4:25-4:38']);
  });

  finds('checks list items and binding sentences of a scope section, not its discussion prose or subsections', [
    '## Scope',
    '',
    '- Fast search.',
    '',
    'We think this is a simple change.',
    '',
    '### Search internals',
    '',
    '- A large index.',
    '',
  ], ['Fast']);

  finds('skips headings, open questions, discussion subsections and quoted strings', [
    '## Requirements',
    '',
    '### Fast search',
    '',
    '- The button label must read "Save as needed".',
    '',
    '### Notes',
    '',
    '- Some users find the old export slow.',
    '',
    '## Open Questions',
    '',
    '- Do we need some kind of cache?',
    '',
  ], []);

  finds('never reports code blocks, inline code, URLs or link destinations', [
    '## Requirements',
    '',
    '- The `fast` flag enables [caching](https://example.com/fast-and-simple) via https://example.com/some/etc.',
    '',
    '```text',
    'fast, simple, etc.',
    '```',
    '',
    '    indented code: fast etc.',
    '',
  ], []);

  it('leaves a term the author marked for follow-up to the placeholder rule', () => {
    assert.deepEqual(found(requirements('Export PDF, CSV, etc. (TBD: list the formats) quickly.')), ['quickly']);
  });

  it('uses the configured vocabulary', () => {
    const lexicon = createLexicon({ add: ['blazing'], remove: ['fast'] });
    const text = '## Detailed design\n\nThe new API must be blazing and fast.\n';
    assert.deepEqual(found(text, { lexicon }), ['blazing']);
  });

  it('runs through the engine with the configured vocabulary', () => {
    const text = requirements('The export must be fast and snazzy.');
    const findings = findingsOf('vague-term', text, { config: { vocabulary: { add: ['snazzy'], remove: ['fast'] } } });
    assert.deepEqual(findings.map((finding) => textAt(text, finding.range)), ['snazzy']);
    assert.equal(findings[0].severity, 'warning');
  });
  it('judges the statements its declared scope gives it: commitments, never context, non-goals, definitions or questions', () => {
    assert.deepEqual(vagueTerm.scope, { statements: ['requirement', 'criterion', 'goal', 'narrative'], exclude: ['quote', 'justification', 'follow-up'] });
    assert.deepEqual(found('## Non-Goals\n\n- A fast export.\n'), []);
    assert.deepEqual(found('## Glossary\n\n- **Export**: a fast copy of the data.\n'), []);
    assert.deepEqual(found('## Goals\n\n- A fast export.\n'), ['fast']);
    assert.deepEqual(found('## Context\n\nThe new portal should be user-friendly.\n'), []);
    assert.deepEqual(found('## Motivation\n\n### Goals\n\n- The new portal should be user-friendly.\n'), ['user-friendly']);
    assert.deepEqual(found(requirements('The label must read "fast mode", because the queue is small.', 'The export must be fast (TBD: p95 target).')), []);
  });
});
