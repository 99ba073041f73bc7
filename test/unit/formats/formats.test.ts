import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { isSpecPath } from '../../../server/src/fs/discover';
import { parseSpec } from '../../../server/src/model/parse';
import { requirementBlock } from '../../../server/src/rules/requirement-block';
import { detectFormat } from '../../../server/src/sections/formats';
import { at, runRule } from '../helpers';

const EXAMPLES = join(__dirname, '../../../../examples');

function example(path: string): { text: string; uri: string } {
  const file = join(EXAMPLES, path);
  return { text: readFileSync(file, 'utf8'), uri: `file://${file}` };
}

describe('spec-driven formats', () => {
  describe('detectFormat', () => {
    it('recognises each layout from the path', () => {
      const cases: Array<[string, string]> = [
        ['file:///repo/specs/001-refund-api/spec.md', 'spec-kit'],
        ['file:///repo/.kiro/specs/refunds/requirements.md', 'kiro'],
        ['file:///repo/.kiro/specs/refunds/design.md', 'design'],
        ['file:///repo/openspec/specs/refunds/spec.md', 'openspec'],
        ['file:///repo/openspec/changes/add-limits/specs/refunds/spec.md', 'openspec-delta'],
        ['file:///repo/openspec/changes/add-limits/proposal.md', 'openspec-change'],
        ['file:///C%3A/repo/specs/012-x/spec.md', 'spec-kit'],
      ];
      for (const [uri, profile] of cases) assert.equal(detectFormat(uri, undefined)?.profile, profile, uri);
    });

    it('leaves other paths to the headings, and ordinary specs alone', () => {
      assert.equal(detectFormat('file:///repo/specs/payments/spec.md', parseSpec('# Payments\n\n## Requirements\n\n- REQ-1: x\n', 'u')), undefined);
      assert.equal(detectFormat('file:///repo/docs/a.spec.md', parseSpec('# A\n\n## Success Criteria\n\n- p95 < 200 ms\n', 'u')), undefined);
    });

    it('recognises a copied file by two marks of its format in the headings', () => {
      const openspec = '# Limits\n\n## Requirements\n\n### Requirement: Ceiling\n\nThe API SHALL reject.\n\n#### Scenario: Over\n\n- **WHEN** x\n- **THEN** y\n';
      assert.equal(detectFormat('file:///tmp/limits.spec.md', parseSpec(openspec, 'u'))?.profile, 'openspec');
      const specKit = '# Feature\n\n## User Scenarios & Testing *(mandatory)*\n\n### User Story 1 - Refund (Priority: P1)\n\n## Success Criteria\n';
      assert.equal(detectFormat('file:///tmp/f.spec.md', parseSpec(specKit, 'u'))?.profile, 'spec-kit');
      const kiro = '# Requirements Document\n\n## Requirements\n\n### Requirement 1\n\n**User Story:** As a user, I want x, so that y.\n\n#### Acceptance Criteria\n\n1. WHEN x THEN the system SHALL y\n';
      assert.equal(detectFormat('file:///tmp/r.spec.md', parseSpec(kiro, 'u'))?.profile, 'kiro');
    });
  });

  describe('profiles', () => {
    it('checks each bundled example against its format and finds it ready', () => {
      for (const [path, profile] of [
        ['spec-kit/specs/001-refund-api/spec.md', 'spec-kit'],
        ['kiro/.kiro/specs/refund-notifications/requirements.md', 'kiro'],
        ['openspec/openspec/specs/refund-limits/spec.md', 'openspec'],
      ]) {
        const { text, uri } = example(path);
        const result = analyzeSpec(text, { uri });
        assert.equal(result.profile, profile, path);
        assert.deepEqual(result.findings.filter((f) => f.severity !== 'hint').map((f) => `${f.rule} ${f.message}`), [], path);
      }
    });

    it('reads Spec Kit headings as its sections: scenarios and success criteria are criteria', () => {
      const { text, uri } = example('spec-kit/specs/001-refund-api/spec.md');
      const sections = analyzeSpec(text, { uri }).model.sections;
      const canonical = (title: RegExp) => sections.find((section) => title.test(section.title))?.canonical;
      assert.deepEqual(canonical(/^User Scenarios/), ['scope', 'acceptance-criteria']);
      assert.deepEqual(canonical(/^Success Criteria/), ['acceptance-criteria']);
      assert.deepEqual(canonical(/^Key Entities/), ['inputs-outputs']);
    });

    it('lets front matter and the configuration win over the layout', () => {
      const { text } = example('spec-kit/specs/001-refund-api/spec.md');
      const uri = 'file:///repo/specs/001-refund-api/spec.md';
      assert.equal(analyzeSpec(`---\nprofile: api\n---\n${text}`, { uri }).profile, 'api');
      assert.equal(analyzeSpec(text, { uri, config: { profile: 'service' } }).profile, 'service');
    });

    it('still reports what a format spec lacks', () => {
      const text = '# Feature\n\n## User Scenarios & Testing\n\n### User Story 1 - Refund (Priority: P1)\n\nAn agent refunds.\n\n## Success Criteria\n\n- SC-001: p95 < 300 ms.\n';
      const result = analyzeSpec(text, { uri: 'file:///repo/specs/002-x/spec.md' });
      const missing = result.findings.filter((f) => f.rule === 'missing-section' && f.severity === 'error').map((f) => f.data?.section);
      assert.deepEqual(missing, ['requirements']);
      assert.ok(result.findings.some((f) => f.rule === 'requirement-block'));
      assert.equal(result.ready, false);
    });
  });

  describe('discovery', () => {
    it('skips plans, task lists and notes of spec-driven tools', () => {
      for (const path of ['specs/001-x/plan.md', 'specs/001-x/tasks.md', 'specs/001-x/research.md', 'specs/001-x/contracts/api.md', '.kiro/specs/x/tasks.md']) {
        assert.equal(isSpecPath(path), false, path);
      }
      for (const path of ['specs/001-x/spec.md', '.kiro/specs/x/requirements.md', '.kiro/specs/x/design.md', 'openspec/specs/a/spec.md', 'openspec/changes/c/proposal.md', 'docs/specs/plan.md']) {
        assert.equal(isSpecPath(path), true, path);
      }
    });
  });
});

describe('requirement-block', () => {
  it('asks an OpenSpec requirement for SHALL/MUST and a scenario with WHEN and THEN', () => {
    const text = [
      '## Requirements', '',
      '### Requirement: Ceiling', '', 'Refunds are limited to the captured amount.', '',
      '### Requirement: Approval', '', 'The API MUST hold large refunds.', '',
      '#### Scenario: Large', '', 'Something happens.', '',
      '### Requirement: Complete', '', 'The API SHALL log refunds.', '',
      '#### Scenario: Logged', '', '- **WHEN** a refund succeeds', '- **THEN** a log line is written', '',
    ].join('\n');
    const findings = runRule(requirementBlock, text);
    assert.deepEqual(findings.map((f) => [at(f.range), f.data?.missing]), [
      ['2:0-2:24', ['SHALL or MUST statement', 'scenario']],
      ['6:0-6:25', ['scenario with WHEN and THEN']],
    ]);
    assert.match(findings[0].message, /^Requirement "Requirement: Ceiling" has no SHALL or MUST statement and no scenario/);
  });

  it('asks a Kiro requirement for its user story and acceptance criteria', () => {
    const text = '## Requirements\n\n### Requirement 1\n\nUsers get emails.\n\n### Requirement 2\n\n**User Story:** As a user, I want x, so that y.\n\n#### Acceptance Criteria\n\n1. WHEN x THEN the system SHALL y\n';
    assert.deepEqual(runRule(requirementBlock, text).map((f) => f.data?.missing), [['user story', 'acceptance criteria']]);
  });

  it('asks a Spec Kit user story for acceptance scenarios', () => {
    const text = '## User Scenarios & Testing\n\n### User Story 1 - Refund (Priority: P1)\n\nAn agent refunds.\n\n### User Story 2 - Retry (Priority: P2)\n\n1. **Given** a refund, **When** it is retried, **Then** one refund exists.\n';
    assert.deepEqual(runRule(requirementBlock, text).map((f) => at(f.range)), ['2:0-2:40']);
  });

  it('never looks at ordinary headings', () => {
    assert.deepEqual(runRule(requirementBlock, '## Requirements\n\n### Requirements for refunds\n\nText.\n\n## Requirement tracing\n\nText.\n'), []);
  });
});
