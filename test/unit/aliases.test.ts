import assert from 'node:assert/strict';
import { parseConfigText } from '../../server/src/config/parse';
import { parseForConfig } from '../../server/src/engine/analyze';
import { READY_SPEC, TempProject } from './cli-harness';

function sectionIdsOf(heading: string, aliases?: Record<string, string[]>): string[] {
  const model = parseForConfig(`# Spec\n\n## ${heading}\n\nText.\n`, 'file:///s.md', aliases ? { aliases } : {});
  return model.sections.find((section) => section.title === heading)?.canonical ?? [];
}

describe('configured heading aliases', () => {
  it('win over built-in aliases (the README example)', () => {
    assert.deepEqual(sectionIdsOf('Exit criteria'), ['definition-of-done']);
    assert.deepEqual(sectionIdsOf('Exit criteria', { 'acceptance-criteria': ['Exit criteria'] }), ['acceptance-criteria']);
    assert.deepEqual(sectionIdsOf('3. EXIT CRITERIA', { 'acceptance-criteria': ['Exit criteria'] }), ['acceptance-criteria']);
  });

  it('reports two configured aliases for different sections that name one heading, naming both', () => {
    const text = '{\n  "aliases": {\n    "acceptance-criteria": ["Exit criteria"],\n    "definition-of-done": ["Done", "exit criteria"]\n  }\n}\n';
    const { errors } = parseConfigText(text, '.specready.json');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, 'aliases "Exit criteria" (for acceptance-criteria) and "exit criteria" (for definition-of-done) name the same heading; keep one of them');
    assert.equal(errors[0].line, 4);
    assert.equal(parseConfigText('aliases:\n  scope: [In scope, "In  Scope"]\n', '.specready.yaml').errors.length, 0);
  });

  it('apply on the command line, and a conflict stops the run with exit 2', () => {
    const project = new TempProject().gitInit();
    try {
      project.write('.specready.json', '{ "aliases": { "acceptance-criteria": ["Exit criteria"] } }\n');
      const spec = READY_SPEC.replace(/^## Acceptance criteria$/im, '## Exit criteria');
      assert.notEqual(spec, READY_SPEC, 'examples/payment-refunds.spec.md changed: update the fixture');
      project.write('specs/a.md', spec);
      const { run, report } = project.checkJson([]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(!report.files[0].diagnostics.some((d: { rule: string; message: string }) => d.rule === 'missing-section'), JSON.stringify(report.files[0].diagnostics));
      project.write('.specready.json', '{ "aliases": { "acceptance-criteria": ["Exit criteria"], "definition-of-done": ["Exit Criteria"] } }\n');
      const conflict = project.run(['check']);
      assert.equal(conflict.status, 2);
      assert.match(conflict.stderr, /^specready: \.specready\.json:1:\d+: aliases "Exit criteria" \(for acceptance-criteria\) and "Exit Criteria" \(for definition-of-done\) name the same heading/);
    } finally {
      project.dispose();
    }
  });
});
