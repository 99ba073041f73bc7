import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { quickFixesFor } from '../../../server/src/fixes';
import { genericDefinitionOfDone } from '../../../server/src/rules/generic-definition-of-done';
import { at, onlyFinding, runRule } from '../helpers';

describe('generic-definition-of-done', () => {
  it('reports a definition of done made only of generic items, once, on its heading', () => {
    const text = '# Spec\n\n## Definition of Done\n\n- [ ] Code complete\n- [ ] Tested\n- [x] Reviewed and merged\n- [ ] All tests pass in CI\n';
    const finding = onlyFinding(runRule(genericDefinitionOfDone, text));
    assert.equal(at(finding.range), '2:0-2:21');
    assert.match(finding.message, /only generic items \("Code complete", "Tested", "Reviewed and merged"\): add checkable ones, such as where it is deployed, what is monitored/);
  });

  it('reads sentences when the section has no list', () => {
    assert.equal(runRule(genericDefinitionOfDone, '## Done\n\nMerged, deployed and documented.\n').length, 1);
    assert.equal(runRule(genericDefinitionOfDone, '## Done\n\nMerged and deployed to `prod-eu`.\n').length, 0);
  });

  it('accepts a definition of done with one checkable item: a place, a metric, a document, a role, a number or code', () => {
    for (const item of ['Deployed to staging', 'The refunds dashboard shows error rates', 'The README lists the env vars', 'The product owner signs off', 'p95 below 300 ms in the load test', '`docs/api.md` describes both endpoints']) {
      assert.deepEqual(runRule(genericDefinitionOfDone, `## Definition of Done\n\n- [ ] Tested\n- [ ] ${item}\n`), [], item);
    }
  });

  it('ignores empty sections and other sections', () => {
    assert.deepEqual(runRule(genericDefinitionOfDone, '## Definition of Done\n\n<!-- What must be true? -->\n\n## Testing\n\n- Tested\n'), []);
  });

  it('offers to append checkable items with tab stops', () => {
    const text = '# Spec\n\n## Definition of Done\n\n- [ ] Tested\n- [ ] Reviewed\n\n## Open Questions\n\n- None.\n';
    const result = analyzeSpec(text);
    const finding = result.findings.find((f) => f.rule === 'generic-definition-of-done')!;
    const fix = quickFixesFor(result, finding)[0];
    assert.equal(fix.title, 'Add checkable done items (deployment, monitoring, documentation, sign-off)');
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///s.md', 'markdown', 1, text), fix.edits);
    assert.match(fixed, /- \[ \] Reviewed\n\n- \[ \] Deployed to <!-- environment --> \(<!-- how it is enabled -->\)\n[\s\S]*- \[ \] Signed off by <!-- role --> in <!-- where -->\n\n## Open Questions/);
    assert.match(fix.edits[0].snippet ?? '', /Deployed to \$\{1:<!-- environment -->\}/);
    assert.deepEqual(analyzeSpec(fixed).findings.filter((f) => f.rule === 'generic-definition-of-done'), []);
  });
});
