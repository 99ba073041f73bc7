import assert from 'node:assert/strict';
import { describesBehaviour } from '../../../server/src/model/behaviour';
import { parseSpec } from '../../../server/src/model/parse';

describe('statements of behaviour (model/behaviour)', () => {
  it('reads what the system does, stated in the present tense', () => {
    for (const text of [
      'The consumer acknowledges a message after the transaction commits.',
      'The job exports every entry whose posted_at falls within the previous day.',
      'Reads the env file and the schema and reports every problem.',
      'Refuses with exit code 2 if the file is already there.',
      'If a file for that day already exists, the job overwrites it and logs the overwrite.',
      'A variable the schema requires that the file lacks is an error.',
      'A value that does not match its type, range, enum or pattern is an error.',
      'A line that is not a comment or blank is an error with its line number.',
      'Rows are sorted by posted_at, then entry_id.',
      // A subject written as code is blanked in the prose mask.
      '      is omitted for a missing variable.',
    ]) assert.ok(describesBehaviour(text), text);
  });

  it('does not read descriptions, notes on the document or the present state as behaviour', () => {
    for (const text of [
      // A plural noun that is also a verb, then its complement.
      'Counts of non-batching reasons - This can include plugin signatures.',
      // The passive verb belongs to a clause of its own.
      'The place in the parser where the condition is parsed is ParseIfConfig.cpp.',
      'The "unsafe" here implies that SwiftPM cannot determine how a build is performed.',
      'The type signatures capture the behavior of the literals because they are treated like literals.',
      // The document is the subject.
      'The RFC covers many, but not all breaking changes.',
      // What exists already.
      'The scheduler already writes the status to the pod.',
      'No other values are supported yet, but this gives us a way to add a mechanism later.',
      'The implementation is straightforward and the impact of the changes are limited in scope.',
    ]) assert.equal(describesBehaviour(text), false, text);
  });

  it('makes such a statement in a design section a requirement of the statement model', () => {
    const model = parseSpec('# Tool\n\n## Commands\n\n### `tool validate`\n\n- A variable the schema requires that the file lacks is an error.\n\n## Background\n\nThe old tool writes the report to the console.\n');
    const rule = model.statements.find((statement) => statement.text.includes('lacks'));
    const background = model.statements.find((statement) => statement.text.includes('old tool'));
    assert.equal(rule?.role, 'requirement');
    assert.match(rule?.reason ?? '', /states what the system does/);
    assert.equal(background?.role, 'narrative');
  });

  it('reads the items under a lead-in that gives reasons as rationale, not as behaviour', () => {
    const model = parseSpec('# Feature\n\n## Design\n\nNo testing of downgrade is necessary because:\n\n1. **Version skew is handled gracefully**: the event is added in 1.32.\n');
    const item = model.statements.find((statement) => statement.text.includes('Version skew'));
    assert.equal(item?.role, 'narrative');
    assert.equal(item?.narrative, 'rationale');
  });
});
