import assert from 'node:assert/strict';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { parseSpec } from '../../../server/src/model/parse';
import { BUILTIN_PROFILES, resolveProfile } from '../../../server/src/sections/profiles';
import {
  BUILTIN_TEMPLATE_NAMES, fillTemplate, firstSectionCursor, looksLikeSpecPath, renderTemplate, slugify,
  specFileName, templateSections, templateVariables, titleFromFileName,
} from '../../../server/src/templates/render';

describe('spec templates', () => {
  for (const name of BUILTIN_TEMPLATE_NAMES) {
    describe(`the ${name} template`, () => {
      const text = renderTemplate(name, 'Partial refunds for card payments');
      const result = analyzeSpec(text);

      it('is checked against its own profile, with every required and recommended section present', () => {
        assert.equal(result.profile, name);
        assert.deepEqual(result.findings.filter((f) => f.rule === 'missing-section'), []);
        const profile = BUILTIN_PROFILES[name];
        const present = new Set(result.model.sections.flatMap((s) => s.canonical));
        for (const id of [...profile.required, ...profile.recommended]) assert.ok(present.has(id), `${id} missing`);
      });

      it('ships no placeholder text: guidance lives only in HTML comments', () => {
        assert.deepEqual(result.findings.filter((f) => f.rule !== 'empty-section').map((f) => `${f.rule}: ${f.message}`), []);
        const outsideComments = text.replace(/<!--[\s\S]*?-->/g, '');
        assert.doesNotMatch(outsideComments, /TODO|TBD|<[a-z][^>]*\s[^>]*>|\[fill/i);
        const body = outsideComments.split('\n').filter((line) => line.trim() && !/^(?:---|#|title:|profile:)/.test(line));
        assert.deepEqual(body, [], 'only front matter, headings and comments');
      });

      it('is not ready until the sections are written, and has no empty section once they are', () => {
        assert.equal(result.ready, false);
        assert.ok(result.findings.some((f) => f.rule === 'empty-section'));
        const written = text.replace(/<!--[\s\S]*?-->/g, 'Content written by the author.');
        assert.deepEqual(analyzeSpec(written).findings.filter((f) => f.rule === 'empty-section'), []);
      });

      it('has valid front matter naming the profile and the title', () => {
        const model = parseSpec(text, 'file:///new.spec.md');
        assert.equal(model.frontMatter?.error, undefined);
        assert.deepEqual(model.frontMatter?.data, { title: 'Partial refunds for card payments', profile: name });
      });
    });
  }

  it('orders bugfix sections as a reader needs them: reproduce, compare, then scope', () => {
    const titles = renderTemplate('bugfix', 'Refunds fail twice').split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(titles.slice(0, 4), ['## Context', '## Steps to Reproduce', '## Expected vs. Actual Behaviour', '## Scope']);
  });

  it('renders a custom profile from the configuration', () => {
    const lean = resolveProfile('lean', { lean: { extends: 'service', required: ['context', 'requirements', 'acceptance-criteria'], recommended: [] } });
    assert.deepEqual(templateSections(lean), ['context', 'requirements', 'acceptance-criteria']);
    const text = renderTemplate(lean, 'Lean one');
    assert.match(text, /^profile: lean$/m);
    assert.deepEqual(analyzeSpec(text, { config: { profiles: { lean: { extends: 'service', required: ['context', 'requirements', 'acceptance-criteria'] } } } })
      .findings.filter((f) => f.rule === 'missing-section' && f.severity !== 'hint'), []);
  });

  it('rejects an unknown built-in profile name', () => {
    assert.throws(() => renderTemplate('nope', 'T'), /unknown profile "nope"/);
  });

  it('quotes titles YAML would misread and keeps the title on one line', () => {
    const text = renderTemplate('api', '  Refunds:\n  phase #2 ');
    assert.match(text, /^title: "Refunds: phase #2"$/m);
    assert.match(text, /^# Refunds: phase #2$/m);
    assert.equal(parseSpec(text, '').frontMatter?.data?.title, 'Refunds: phase #2');
    assert.match(renderTemplate('api', 'yes'), /^title: "yes"$/m);
  });

  it('marks a file the default globs would miss as a spec', () => {
    assert.match(renderTemplate('service', 'T', { markAsSpec: true }), /^specready: true$/m);
    assert.doesNotMatch(renderTemplate('service', 'T'), /specready:/);
    assert.equal(looksLikeSpecPath('/repo/refunds.spec.md'), true);
    assert.equal(looksLikeSpecPath('/repo/specs/team/refunds.md'), true);
    assert.equal(looksLikeSpecPath('docs/refunds.md'), false);
  });

  it('puts the cursor in the first section, after its guidance', () => {
    const text = renderTemplate('service', 'T');
    const lines = text.split('\n');
    const cursor = firstSectionCursor(text);
    assert.equal(lines[cursor.line], '');
    assert.equal(lines[cursor.line - 1], '-->');
    const heading = lines.slice(0, cursor.line).reverse().find((line) => line.startsWith('#'));
    assert.equal(heading, '## Context');
  });

  it('places the cursor sensibly in custom templates', () => {
    assert.deepEqual(firstSectionCursor('# T\n\n## Why\n\nWe need it.\n'), { line: 4, character: 0 });
    assert.deepEqual(firstSectionCursor('# T\n\n## Why\n\n## What\n'), { line: 3, character: 0 });
    assert.deepEqual(firstSectionCursor('# T\n## Why\n## What\n'), { line: 1, character: 6 });
    assert.deepEqual(firstSectionCursor('```\n## not a heading\n```\n# Title\n'), { line: 4, character: 0 });
    assert.deepEqual(firstSectionCursor('# Title'), { line: 0, character: 7 });
    assert.deepEqual(firstSectionCursor('---\na: 1\n---\nplain text\n'), { line: 3, character: 0 });
  });

  it('names files after the title', () => {
    assert.equal(slugify('Partial refunds: card payments (v2)'), 'partial-refunds-card-payments-v2');
    assert.equal(slugify('Überweisungen für Händler'), 'uberweisungen-fur-handler');
    assert.equal(slugify('***'), 'spec');
    const long = slugify('a very long title that goes on and on about refunds and payments and more things');
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
    assert.equal(specFileName('Refund export'), 'refund-export.spec.md');
    assert.equal(titleFromFileName('refund-export.spec.md'), 'Refund export');
    assert.equal(titleFromFileName('crm_sync.handoff.md'), 'Crm sync');
  });

  it('fills the variables of custom templates and leaves other braces alone', () => {
    const variables = templateVariables('  Refund  export ', new Date('2026-03-04T10:00:00Z'));
    assert.deepEqual(variables, { title: 'Refund export', slug: 'refund-export', date: '2026-03-04' });
    assert.equal(fillTemplate('# {{title}} ({{ slug }}, {{date}}) {{owner}}', variables), '# Refund export (refund-export, 2026-03-04) {{owner}}');
  });
});
