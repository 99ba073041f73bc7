import assert from 'node:assert/strict';
import {
  applySuppressions,
  entriesFor,
  fingerprint,
  missingFileEntries,
  parseSuppressions,
  pruneSuppressions,
  recordSuppressions,
  serializeSuppressions,
  SuppressionsFileError,
  type SuppressibleFinding,
} from '../../server/src/engine/bulk-suppressions';

function vague(term: string, severity = 'warning'): SuppressibleFinding {
  return { rule: 'vague-term', severity, message: `"${term}" is vague: say what it means.` };
}

const placeholder: SuppressibleFinding = { rule: 'placeholder', severity: 'error', message: 'Placeholder "TBD" left in the spec.' };

describe('bulk suppressions', () => {
  it('fingerprints by rule and message only', () => {
    assert.match(fingerprint(vague('fast')), /^[0-9a-f]{8}$/);
    const asError: SuppressibleFinding = { ...vague('fast'), severity: 'error' };
    assert.equal(fingerprint(vague('fast')), fingerprint(asError));
    assert.notEqual(fingerprint(vague('fast')), fingerprint(vague('quick')));
    assert.notEqual(fingerprint(vague('fast')), fingerprint({ ...vague('fast'), rule: 'weak-modal' }));
  });

  it('records errors and warnings per rule, not infos or hints', () => {
    const entries = entriesFor([vague('fast'), vague('fast'), placeholder, vague('soon', 'hint'), vague('big', 'info')]);
    assert.deepEqual(Object.keys(entries).sort(), ['placeholder', 'vague-term']);
    assert.equal(entries['vague-term'].count, 2);
    assert.deepEqual(entries['vague-term'].fingerprints, [fingerprint(vague('fast')), fingerprint(vague('fast'))]);
  });

  it('suppresses recorded findings and reports only the new one', () => {
    const entries = entriesFor([vague('fast'), vague('robust'), placeholder]);
    const findings = [vague('fast'), vague('blazing'), vague('robust'), placeholder];
    const applied = applySuppressions('a.spec.md', findings, entries);
    assert.deepEqual(applied.kept, [findings[1]]);
    assert.equal(applied.suppressed.length, 3);
    assert.deepEqual(applied.exceeded, [{ path: 'a.spec.md', rule: 'vague-term', recorded: 2, reported: 1, matched: true }]);
    assert.deepEqual(applied.stale, []);
  });

  it('reports a new finding even when another of the rule was fixed, and the fixed one as stale', () => {
    const entries = entriesFor([vague('fast'), vague('robust')]);
    const applied = applySuppressions('a.spec.md', [vague('fast'), vague('blazing')], entries);
    assert.deepEqual(applied.kept, [vague('blazing')]);
    assert.deepEqual(applied.stale, [{ path: 'a.spec.md', rule: 'vague-term', recorded: 2, fixed: 1 }]);
  });

  it('treats repeated messages as a multiset', () => {
    const entries = entriesFor([vague('fast')]);
    const applied = applySuppressions('a.spec.md', [vague('fast'), vague('fast')], entries);
    assert.equal(applied.suppressed.length, 1);
    assert.equal(applied.kept.length, 1);
  });

  it('falls back to the count when no message matches any more (reworded by a new version)', () => {
    const entries = { 'vague-term': { count: 2, fingerprints: ['00000000', '11111111'] } };
    const applied = applySuppressions('a.spec.md', [vague('fast'), vague('robust')], entries);
    assert.equal(applied.suppressed.length, 2);
    assert.deepEqual(applied.stale, []);
  });

  it('works by count alone for entries without fingerprints, as ESLint does', () => {
    const entries = { 'vague-term': { count: 2 } };
    assert.equal(applySuppressions('a', [vague('a'), vague('b')], entries).suppressed.length, 2);
    const fewer = applySuppressions('a', [vague('a')], entries);
    assert.deepEqual(fewer.stale, [{ path: 'a', rule: 'vague-term', recorded: 2, fixed: 1 }]);
    const more = applySuppressions('a', [vague('a'), vague('b'), vague('c')], entries);
    assert.equal(more.kept.length, 3, 'beyond the count every finding is reported');
    assert.deepEqual(more.exceeded, [{ path: 'a', rule: 'vague-term', recorded: 2, reported: 3, matched: false }]);
  });

  it('never suppresses infos, hints or rules without an entry', () => {
    const entries = entriesFor([vague('fast')]);
    const applied = applySuppressions('a', [vague('fast', 'hint'), placeholder], entries);
    assert.equal(applied.suppressed.length, 0);
    assert.equal(applied.kept.length, 2);
  });

  it('records only the checked files, and only the named rules with --suppress-rule', () => {
    const data = { 'old.spec.md': { placeholder: { count: 1 } }, 'a.spec.md': { placeholder: { count: 4 } } };
    const checked = new Map([['a.spec.md', [vague('fast'), placeholder]]]);
    const all = recordSuppressions(data, checked);
    assert.deepEqual(Object.keys(all).sort(), ['a.spec.md', 'old.spec.md']);
    assert.equal(all['a.spec.md'].placeholder.count, 1);
    assert.equal(all['a.spec.md']['vague-term'].count, 1);
    const onlyVague = recordSuppressions(data, checked, new Set(['vague-term']));
    assert.equal(onlyVague['a.spec.md'].placeholder.count, 4, 'other rules keep their entries');
    assert.equal(onlyVague['a.spec.md']['vague-term'].count, 1);
    assert.equal(data['a.spec.md'].placeholder.count, 4, 'the input is not changed');
  });

  it('prunes fixed findings, never raises a count, and drops files that are gone', () => {
    const data = {
      'a.spec.md': { ...entriesFor([vague('fast'), vague('robust'), placeholder]), 'weak-modal': { count: 1 } },
      'gone.spec.md': { placeholder: { count: 1 } },
      'unchecked.spec.md': { placeholder: { count: 2 } },
    };
    const checked = new Map([['a.spec.md', [vague('fast'), vague('new'), vague('newer'), placeholder]]]);
    const pruned = pruneSuppressions(data, checked, (path) => path !== 'gone.spec.md');
    assert.deepEqual(pruned['a.spec.md']['vague-term'], { count: 1, fingerprints: [fingerprint(vague('fast'))] });
    assert.equal(pruned['a.spec.md'].placeholder.count, 1);
    assert.equal(pruned['a.spec.md']['weak-modal'], undefined);
    assert.equal(pruned['gone.spec.md'], undefined);
    assert.deepEqual(pruned['unchecked.spec.md'], { placeholder: { count: 2 } });
  });

  it('reports entries of files that no longer exist as stale', () => {
    const stale = missingFileEntries({ 'gone.md': { placeholder: { count: 2 } }, 'here.md': { placeholder: { count: 1 } } }, (path) => path === 'here.md');
    assert.deepEqual(stale, [{ path: 'gone.md', rule: 'placeholder', recorded: 2, fixed: 2 }]);
  });

  it('writes sorted, stable JSON without empty entries and reads it back', () => {
    const text = serializeSuppressions({
      'b.spec.md': { 'vague-term': { count: 2, fingerprints: ['ffffffff', '00000000'] }, placeholder: { count: 0 } },
      'a.spec.md': { placeholder: { count: 1 } },
      'c.spec.md': {},
    });
    assert.equal(text, `${JSON.stringify({
      'a.spec.md': { placeholder: { count: 1 } },
      'b.spec.md': { 'vague-term': { count: 2, fingerprints: ['00000000', 'ffffffff'] } },
    }, null, 2)}\n`);
    assert.deepEqual(parseSuppressions(text)['b.spec.md']['vague-term'].count, 2);
  });

  it('rejects malformed files with a message naming the problem', () => {
    const cases: Array<[string, RegExp]> = [
      ['{', /not valid JSON/],
      ['[]', /must be a JSON object of file paths/],
      ['{"a.md": 3}', /"a\.md" must map rule ids/],
      ['{"a.md": {"placeholder": 2}}', /"a\.md" → "placeholder" must be an object/],
      ['{"a.md": {"placeholder": {"count": -1}}}', /"count" must be a whole number/],
      ['{"a.md": {"placeholder": {"count": 1.5}}}', /"count" must be a whole number/],
      ['{"a.md": {"placeholder": {"count": 1, "fingerprints": [1]}}}', /"fingerprints" must be a list of strings/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseSuppressions(text), (error: Error) => error instanceof SuppressionsFileError && message.test(error.message), text);
    }
  });
});
