import assert from 'node:assert/strict';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { quickFixesFor } from '../../../server/src/fixes';

function fixesOf(text: string, rule: string) {
  const result = analyzeSpec(text);
  const finding = result.findings.find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding`);
  return quickFixesFor(result, finding).filter((fix) => !fix.title.startsWith('Disable'));
}

describe('quick fixes leave holes, never errors or lost words', () => {
  it('rewrites an untestable criterion into Given/When/Then keeping the wording as the Then clause', () => {
    const text = '## Requirements\n\n- REQ-1: Refunds MUST be recorded.\n\n## Acceptance Criteria\n\n- **AC-1** (REQ-1): Refunds work correctly.\n';
    const [fix] = fixesOf(text, 'untestable-criterion');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.hasHoles, true);
    const [edit] = fix.edits;
    assert.equal(edit.newText, '**AC-1** (REQ-1): Given <!-- precondition -->, when <!-- action -->, then refunds work correctly.');
    assert.equal(edit.snippet, '**AC-1** (REQ-1): Given ${1:<!-- precondition -->}, when ${2:<!-- action -->}, then ${3:refunds work correctly}.');
  });

  it('offers no rewrite that would replace a criterion already in Given/When/Then form', () => {
    const text = '## Acceptance Criteria\n\n- Given an export, when it runs, then everything is nice.\n';
    assert.deepEqual(fixesOf(text, 'untestable-criterion').map((fix) => fix.title), []);
  });

  it('adds the hint\'s example as a measurable target in a tab stop, not a TBD', () => {
    const text = '## Requirements\n\n- REQ-1: The export MUST be fast.\n';
    const [fix] = fixesOf(text, 'vague-term');
    assert.equal(fix.edits[0].newText, ' (p95 < 200 ms)');
    assert.equal(fix.edits[0].snippet, ' (${1:p95 < 200 ms})');
    assert.ok(!/TBD|TODO/.test(fix.edits[0].newText));
  });

  it('inserts sections and criteria whose holes are comments, never TODO markers', () => {
    const text = '# Orders\n\n## Context\n\nOrders are exported nightly.\n\n## Requirements\n\n- REQ-1: The export MUST include every order.\n';
    const result = analyzeSpec(text);
    const inserted = result.findings.filter((f) => f.rule === 'missing-section' || f.rule === 'untraced-requirement')
      .flatMap((finding) => quickFixesFor(result, finding)).filter((fix) => !fix.title.startsWith('Disable'))
      .flatMap((fix) => fix.edits.map((edit) => edit.newText));
    assert.ok(inserted.length > 5);
    for (const newText of inserted) assert.ok(!/\bTODO\b|\bTBD\b|<precondition>/.test(newText), newText);
  });

  it('reports a hole left in place as a warning, and template guidance on its own line not at all', () => {
    const text = '## Scope\n\n<!-- What will be delivered? -->\n- <!-- in-scope item -->\n\n## Acceptance Criteria\n\n- Given <!-- precondition -->, when it runs, then `200` is returned.\n';
    const holes = analyzeSpec(text).findings.filter((f) => f.rule === 'placeholder');
    assert.deepEqual(holes.map((f) => [f.range.start.line, f.severity]), [[3, 'warning'], [7, 'warning']]);
  });

  it('appends to a criteria section that ends the document without a line break, inside the text', () => {
    const text = '## Requirements\n- REQ-1: The API MUST answer in 200 ms.\n## Acceptance Criteria';
    const fix = fixesOf(text, 'untraced-requirement').find((f) => f.title === 'Add an acceptance criterion for REQ-1');
    assert.ok(fix);
    const [edit] = fix.edits;
    assert.deepEqual(edit.range.start, { line: 2, character: '## Acceptance Criteria'.length });
    const fixed = text + edit.newText;
    assert.match(fixed, /## Acceptance Criteria\n\n- \*\*AC-1\*\* \(REQ-1\): Given /);
    assert.equal(analyzeSpec(fixed).findings.filter((f) => f.rule === 'untraced-requirement').length, 0);
  });
});
