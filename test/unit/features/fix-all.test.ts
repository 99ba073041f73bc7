import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { fixAll, fixAllRules } from '../../../server/src/features/fix-all';

const SPEC = [
  '# Export',
  '',
  '## Requirements',
  '',
  '- REQ-1: The export should be fast.',
  '- REQ-2: The file should include refunds.',
  '',
].join('\n');

describe('fix all', () => {
  it('rewrites weak modals in place and leaves holes (measurable targets, sections, criteria) to the quick-fix menu', () => {
    const result = analyzeSpec(SPEC, { uri: 'file:///x.spec.md' });
    const all = fixAll(result);
    assert.deepEqual(all.rules, { 'weak-modal': 2 });
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.spec.md', 'markdown', 1, SPEC), all.edits);
    assert.equal(fixed, SPEC.replace('export should', 'export MUST').replace('file should', 'file MUST'));
    assert.ok(!all.edits.some((edit) => /TBD|\n/.test(edit.newText)));
    const after = analyzeSpec(fixed, { uri: 'file:///x.spec.md' });
    assert.equal(after.findings.filter((f) => f.rule === 'weak-modal').length, 0);
    assert.equal(fixAll(after).edits.length, 0, 'nothing left to fix: fix-all is idempotent');
  });

  it('offers "fix all" per rule only where a rule has several safe fixes', () => {
    assert.deepEqual(fixAllRules(analyzeSpec(SPEC, { uri: 'file:///x.spec.md' })), ['weak-modal']);
    assert.deepEqual(fixAll(analyzeSpec(SPEC, { uri: 'file:///x.spec.md' }), 'vague-term').edits, []);
  });
});
