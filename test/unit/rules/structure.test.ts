import assert from 'node:assert/strict';
import { emptySection } from '../../../server/src/rules/empty-section';
import { missingSection } from '../../../server/src/rules/missing-section';
import { BUILTIN_PROFILES } from '../../../server/src/sections/profiles';
import { at, onlyFinding, runRule } from '../helpers';

const FULL_SERVICE = [
  '# Spec', '## Background', 'Why.', '## Goals', '- a', '## Non-Goals', '- b', '## Functional Requirements', '- REQ-1: x',
  '## API', 'GET /x', '## Data Model', 'Fields.', '## NFRs', 'Fast.', '## Acceptance Criteria', '- AC', '## Done when', '- done',
].join('\n\n');

describe('missing-section', () => {
  it('accepts real-world aliases at any level for every required section', () => {
    const findings = runRule(missingSection, FULL_SERVICE);
    assert.deepEqual(findings.filter((f) => f.severity !== 'hint'), []);
  });

  it('reports each missing required section with its canonical id and an insertion point', () => {
    const text = '# Spec\n\n## Context\n\nWhy.\n\n## Requirements\n\n- REQ-1\n';
    const findings = runRule(missingSection, text).filter((f) => !f.data?.recommended);
    assert.deepEqual(findings.map((f) => f.data?.section), [
      'scope', 'out-of-scope', 'api-contract', 'inputs-outputs', 'non-functional', 'acceptance-criteria', 'definition-of-done',
    ]);
    assert.equal(at(findings[0].range), '0:0-0:6');
    // Scope belongs after Context, i.e. right before the Requirements heading on line 6.
    assert.deepEqual(findings[0].data?.insertAt, { line: 6, character: 0 });
    // API contract belongs after Requirements, at the end of the document.
    assert.deepEqual(findings[2].data?.insertAt, { line: 9, character: 0 });
  });

  it('counts behaviour stated in a design section as the requirements', () => {
    const commands = [
      '# envcheck', '## Commands', '### `envcheck validate <file>`',
      'Reads the env file and the schema (default: `envcheck.schema.yaml`) and reports every problem.',
      '- A variable `envcheck.schema.yaml` requires that the file lacks is an error.',
      '- A value that does not match its `type` or `pattern` is an error.',
      '- A variable the schema does not declare is a warning; with `--strict` it is an error.',
    ].join('\n\n');
    const sections = (text: string) => runRule(missingSection, text).filter((f) => f.severity !== 'hint').map((f) => f.data?.section);
    assert.ok(!sections(commands).includes('requirements'));
    // Two such statements are not yet the requirements; neither is the same behaviour told as background.
    assert.ok(sections(commands.split('\n\n').slice(0, 5).join('\n\n')).includes('requirements'));
    assert.ok(sections(commands.replace('## Commands', '## Background')).includes('requirements'));
  });

  it('reports recommended sections as hints, never as errors', () => {
    const hints = runRule(missingSection, FULL_SERVICE).filter((f) => f.severity === 'hint');
    assert.deepEqual(hints.map((f) => f.data?.section), ['dependencies-access', 'open-questions']);
  });

  it('uses the profile: api does not require out-of-scope', () => {
    const text = FULL_SERVICE.replace('## Non-Goals', '## Notes');
    assert.equal(runRule(missingSection, text).filter((f) => f.data?.section === 'out-of-scope' && f.severity !== 'hint').length, 1);
    const api = runRule(missingSection, text, { profile: BUILTIN_PROFILES.api });
    assert.deepEqual(api.filter((f) => f.severity !== 'hint'), []);
  });

  it('lets a joined heading satisfy both sections and ignores numbering and case', () => {
    const text = '## 2. GOALS & NON-GOALS\n\nx\n';
    const sections = runRule(missingSection, text).map((f) => f.data?.section);
    assert.ok(!sections.includes('scope'));
    assert.ok(!sections.includes('out-of-scope'));
  });
});

describe('empty-section', () => {
  it('flags a heading with only white space or HTML comments', () => {
    const text = '# T\n\n## Scope\n\n<!-- guidance -->\n\n## Requirements\n\n- REQ-1: x\n';
    const finding = onlyFinding(runRule(emptySection, text));
    assert.equal(at(finding.range), '2:0-2:8');
    assert.equal(finding.data?.section, 'scope');
  });

  it('treats content in subsections, code, tables and images as content', () => {
    const text = '## A\n\n### A1\n\ntext\n\n## B\n\n```\ncode\n```\n\n## C\n\n| x |\n|---|\n\n## D\n\n![d](d.png)\n';
    assert.deepEqual(runRule(emptySection, text), []);
  });

  it('reports only the outermost of nested empty sections', () => {
    const findings = runRule(emptySection, '## A\n\n### A1\n\n### A2\n\n## B\n\nx\n');
    assert.deepEqual(findings.map((f) => f.data?.title), ['A']);
  });

  it('reports each section of an empty skeleton, not the document title', () => {
    const findings = runRule(emptySection, '# Spec\n\n## Context\n\n<!-- why -->\n\n## Scope\n');
    assert.deepEqual(findings.map((f) => f.data?.title), ['Context', 'Scope']);
  });

  it('does not count inline code in the heading itself as content', () => {
    assert.equal(runRule(emptySection, '## `GET /x`\n\n## B\n\nx\n').length, 1);
  });
});
