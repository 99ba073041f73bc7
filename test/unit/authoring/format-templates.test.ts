import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runNewCommand } from '../../../server/src/cli/new-command';
import { clearConfigCache } from '../../../server/src/config/load';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { parseSpec } from '../../../server/src/model/parse';
import { detectFormat } from '../../../server/src/sections/formats';
import { FORMAT_TEMPLATE_NAMES } from '../../../server/src/templates/formats';
import { renderTemplate } from '../../../server/src/templates/render';

const PATHS: Readonly<Record<(typeof FORMAT_TEMPLATE_NAMES)[number], string>> = {
  'spec-kit': 'specs/001-partial-refunds/spec.md',
  'kiro': '.kiro/specs/partial-refunds/requirements.md',
  'design': '.kiro/specs/partial-refunds/design.md',
  'openspec': 'openspec/specs/partial-refunds/spec.md',
  'openspec-change': 'openspec/changes/add-partial-refunds/proposal.md',
};

/** What an unwritten template may be reported for: its holes and its empty sections. */
const HOLE_RULES = new Set(['placeholder', 'empty-section']);

/** The headings each tool's own template uses, in order. */
const OWN_HEADINGS: Readonly<Record<(typeof FORMAT_TEMPLATE_NAMES)[number], readonly string[]>> = {
  'spec-kit': [
    '# Feature Specification: Partial refunds', '## User Scenarios & Testing *(mandatory)*', '### Edge Cases',
    '## Requirements *(mandatory)*', '### Functional Requirements', '### Key Entities *(include if feature involves data)*',
    '## Success Criteria *(mandatory)*', '### Measurable Outcomes',
  ],
  'kiro': ['# Requirements Document', '## Introduction', '## Requirements', '### Requirement 1', '#### Acceptance Criteria'],
  'design': ['# Design Document', '## Overview', '## Architecture', '## Components and Interfaces', '## Data Models', '## Error Handling', '## Testing Strategy'],
  'openspec': ['# Partial refunds Specification', '## Purpose', '## Requirements'],
  'openspec-change': ['# Change: Partial refunds', '## Why', '## What Changes', '## Impact'],
};

describe('templates in the layouts of spec-driven tools', () => {
  for (const name of FORMAT_TEMPLATE_NAMES) {
    describe(`the ${name} template`, () => {
      const text = renderTemplate(name, 'Partial refunds', { feature: '001-partial-refunds', date: '2026-12-01' });
      const uri = `file:///w/${PATHS[name]}`;
      const result = analyzeSpec(text, { uri });

      it('uses the tool\'s own headings, in its order, and no front matter in the tool\'s folders', () => {
        const headings = text.split('\n').filter((line) => line.startsWith('#'));
        const own = headings.filter((heading) => OWN_HEADINGS[name].includes(heading));
        assert.deepEqual(own, OWN_HEADINGS[name]);
        assert.ok(!text.startsWith('---'));
        for (const extra of headings.filter((heading) => !own.includes(heading) && !/^#{3,} (?:User Story|Requirement|Scenario)/.test(heading))) {
          assert.match(extra, /^## .+ \*\(recommended\)\*$/, 'sections the layout lacks come after it, marked recommended');
        }
      });

      it('is recognised as its format and checked against its own profile, by path and by headings', () => {
        assert.equal(result.profile, name);
        if (name !== 'design' && name !== 'openspec-change') assert.equal(detectFormat('file:///w/copied.md', parseSpec(text, 'file:///w/copied.md'))?.profile, name);
      });

      it('lints clean except for its holes: no missing section, no judgement of unwritten statements', () => {
        const others = result.findings.filter((finding) => !HOLE_RULES.has(finding.rule));
        assert.deepEqual(others.map((finding) => `${finding.range.start.line + 1}: ${finding.rule}: ${finding.message}`), []);
        assert.equal(result.ready, false);
        const outsideComments = text.replace(/<!--[\s\S]*?-->/g, '');
        assert.doesNotMatch(outsideComments, /TODO|TBD|\[[A-Z ]{3,}\]|<[a-z][^>]*>/, 'holes are comments, not bracket placeholders');
      });
    });
  }

  it('writes Spec Kit\'s metadata, prioritised story, acceptance scenario tracing FR-001, and FR/SC ids', () => {
    const text = renderTemplate('spec-kit', 'Partial refunds', { feature: '001-partial-refunds', date: '2026-12-01' });
    assert.match(text, /^\*\*Feature Branch\*\*: `001-partial-refunds` {2}$/m);
    assert.match(text, /^\*\*Created\*\*: 2026-12-01 {2}$/m);
    assert.match(text, /^### User Story 1 - <!-- brief title --> \(Priority: P1\)$/m);
    assert.match(text, /^1\. \*\*Given\*\* <!-- .* -->, \*\*When\*\* <!-- .* -->, \*\*Then\*\* <!-- .* --> \(FR-001\)$/m);
    assert.match(text, /^- \*\*FR-001\*\*: System MUST <!-- /m);
    assert.match(text, /^- \*\*SC-001\*\*: <!-- /m);
  });

  it('writes Kiro criteria in EARS and OpenSpec blocks with SHALL and WHEN/THEN', () => {
    const kiro = renderTemplate('kiro', 'Refund notices');
    assert.match(kiro, /^\*\*User Story:\*\* As a <!-- role -->, I want <!-- capability -->, so that <!-- benefit -->\.$/m);
    assert.match(kiro, /^1\. WHEN <!-- event --> THEN the <!-- system --> SHALL <!-- observable response -->\.$/m);
    const openspec = renderTemplate('openspec', 'Refund limits');
    assert.match(openspec, /^### Requirement: <!-- requirement name -->\n\nThe <!-- system --> SHALL <!-- behaviour -->\.\n\n#### Scenario: <!-- scenario name -->\n\n- \*\*WHEN\*\* <!-- .* -->\n- \*\*THEN\*\* <!-- .* -->$/m);
  });

  it('writes a spec inside an OpenSpec change as a delta of added requirements, clean as a delta', () => {
    const path = 'openspec/changes/add-limits/specs/refunds/spec.md';
    const text = renderTemplate('openspec', 'Refunds', { path });
    assert.match(text, /^## ADDED Requirements\n/);
    const result = analyzeSpec(text, { uri: `file:///w/${path}` });
    assert.equal(result.profile, 'openspec-delta');
    assert.deepEqual(result.findings.filter((finding) => !HOLE_RULES.has(finding.rule)).map((finding) => finding.message), []);
  });

  it('opts a file outside the tool\'s folders in with front matter naming the profile', () => {
    const text = renderTemplate('kiro', 'Refund notices', { markAsSpec: true });
    assert.match(text, /^---\nspecready: true\nprofile: kiro\n---\n\n# Requirements Document\n/);
    assert.equal(analyzeSpec(text, { uri: 'file:///w/docs/notices.md' }).profile, 'kiro');
  });
});

describe('specready new in a tool\'s layout', () => {
  let root: string;
  let err: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-new-format-')));
    err = '';
    clearConfigCache();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function run(...args: string[]): Promise<number> {
    return runNewCommand(args, { cwd: root, stdout: () => undefined, stderr: (text) => { err += text; } });
  }
  const read = (path: string) => readFileSync(join(root, path), 'utf8');

  it('places each template in its tool\'s folders, numbering Spec Kit features', async () => {
    assert.equal(await run('spec-kit', '.', '--title', 'Refund API'), 0, err);
    assert.equal(await run('spec-kit', 'specs/', '--title', 'Refund limits'), 0, err);
    assert.equal(await run('kiro', '.', '--title', 'Refund notices'), 0, err);
    assert.equal(await run('design', '.kiro/specs/refund-notices/'), 0, err);
    assert.equal(await run('openspec', '.', '--title', 'Refund limits'), 0, err);
    assert.equal(await run('openspec-change', '.', '--title', 'Add partial refunds'), 0, err);
    assert.match(read('specs/001-refund-api/spec.md'), /^# Feature Specification: Refund API\n\n\*\*Feature Branch\*\*: `001-refund-api`/);
    assert.match(read('specs/002-refund-limits/spec.md'), /`002-refund-limits`/);
    assert.match(read('.kiro/specs/refund-notices/requirements.md'), /^# Requirements Document\n/);
    assert.match(read('.kiro/specs/refund-notices/design.md'), /^# Design Document\n[\s\S]*what Refund notices does/);
    assert.match(read('openspec/specs/refund-limits/spec.md'), /^# Refund limits Specification\n/);
    assert.match(read('openspec/changes/add-partial-refunds/proposal.md'), /^# Change: Add partial refunds\n/);
    for (const path of ['specs/001-refund-api/spec.md', '.kiro/specs/refund-notices/requirements.md', 'openspec/specs/refund-limits/spec.md']) {
      const result = analyzeSpec(read(path), { uri: pathToFileURL(join(root, path)).href });
      assert.deepEqual(result.findings.filter((finding) => !HOLE_RULES.has(finding.rule)).map((finding) => finding.message), [], path);
    }
  });

  it('takes the title from the feature folder of a file named as the layout names it', async () => {
    assert.equal(await run('spec-kit', 'specs/007-refund-export/spec.md'), 0, err);
    assert.match(read('specs/007-refund-export/spec.md'), /^# Feature Specification: Refund export\n\n\*\*Feature Branch\*\*: `007-refund-export`/);
  });
});
