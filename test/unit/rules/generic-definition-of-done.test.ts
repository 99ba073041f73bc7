import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { quickFixesFor } from '../../../server/src/fixes';
import { genericDefinitionOfDone } from '../../../server/src/rules/generic-definition-of-done';
import { sectionRoles } from '../../../server/src/score/roles';
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

  it('a definition of done that names its targets is checkable; the same items without them are generic', () => {
    assert.deepEqual(runRule(genericDefinitionOfDone, '## Definition of Done\n\n- [ ] Works for Okta and Entra ID tenants\n- [ ] Tested\n- [ ] Reviewed\n'), []);
    assert.equal(runRule(genericDefinitionOfDone, '## Definition of Done\n\n- [ ] Works as expected\n- [ ] Tested\n- [ ] Reviewed\n').length, 1);
  });

  it('a title\'s metadata list (author, status, review, implementation) is no definition of done', () => {
    const text = [
      '# Task cancellation shields',
      '',
      '* Proposal: [SE-0504](0504-task-cancellation-shields.md)',
      '* Author: [Konrad Malawski](https://github.com/ktoso)',
      '* Review Manager: [John McCall](https://github.com/rjmccall)',
      '* Status: **Implemented (Swift 6.4)**',
      '* Implementation: [PR #85637](https://github.com/swiftlang/swift/pull/85637)',
      '* Review: ([pitch](https://forums.swift.org/t/pitch/83379)) ([review](https://forums.swift.org/t/review/84095))',
      '',
      '## Introduction',
      '',
      'A shield lets clean-up code run whatever the task\'s cancellation status.',
      '',
    ].join('\n');
    const result = analyzeSpec(text, { uri: 'file:///spec.md' });
    assert.equal(result.breakdown.done.score, 0);
    assert.ok(result.findings.some((finding) => finding.rule === 'missing-section' && /Definition of Done/.test(finding.message)));
    // Delivery checks under the title still make it a definition of done, beside a metadata entry.
    const checklist = analyzeSpec('# Task cancellation shields\n\n* Status: **Accepted**\n* Merged and deployed to staging\n* Release notes published\n\n## Introduction\n\nA shield lets clean-up code run.\n', { uri: 'file:///spec.md' });
    assert.deepEqual(sectionRoles(checklist.model).get(checklist.model.sections[0]), ['definition-of-done']);
  });

  it('a dated list of what happened (a KEP\'s Implementation History) is a history, not a definition of done', () => {
    const history = [
      '# KEP-956: Watch bookmarks',
      '',
      '## Summary',
      '',
      'Watchers get a bookmark event so that they can resume after a restart.',
      '',
      '## Implementation History',
      '',
      '- 2019-02-12: KEP Summary, Motivation and Proposal merged',
      '- 2019-03-27: API changes approved in API review',
      '- July 31st 2019: Implementation merged',
      '- v1.15: Launched in `Alpha`',
      '- Promoted to beta for v1.16 release',
      '',
    ].join('\n');
    const result = analyzeSpec(history, { uri: 'file:///kep.md' });
    assert.deepEqual(sectionRoles(result.model).get(result.model.sections[2]), []);
    assert.equal(result.breakdown.done.score, 0);
    // The KEP template's list of milestones to record names events, not what done means.
    const template = analyzeSpec(history.replace(/- 2019[\s\S]*$/, '- the `Summary` and `Motivation` sections being merged, signaling SIG acceptance\n- the `Proposal` section being merged\n- the version of Kubernetes where the KEP graduated to general availability\n'), { uri: 'file:///kep.md' });
    assert.deepEqual(sectionRoles(template.model).get(template.model.sections[2]), []);
    // Delivery checks that name the release they ship in are still a definition of done.
    const done = analyzeSpec(history.replace(/## Implementation History[\s\S]*$/, '## Release checklist\n\n- Release v1.0.0 is published with its checksums\n- The deploy pipeline runs it for staging and production\n- The README documents every flag\n'), { uri: 'file:///kep.md' });
    assert.deepEqual(sectionRoles(done.model).get(done.model.sections[2]), ['definition-of-done']);
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
