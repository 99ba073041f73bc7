import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { BUILTIN_TEMPLATE_NAMES, renderTemplate } from '../../../server/src/templates/render';
import { snippetsJson, type Snippet } from '../../../server/src/templates/snippets';
import { expandSnippet } from './snippet-syntax';

const REPO = join(__dirname, '..', '..', '..', '..');
const FILE = join(REPO, 'snippets', 'markdown.json');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { snippets?: Array<{ language: string; path: string }> } };

describe('snippets/markdown.json', () => {
  const text = readFileSync(FILE, 'utf8');
  const snippets = JSON.parse(text) as Record<string, Snippet>;
  const entries = Object.entries(snippets);

  it('is contributed for Markdown', () => {
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/markdown.json' }]);
  });

  it('is up to date with server/src/templates/snippets.ts (run npm run snippets)', () => {
    assert.equal(text, snippetsJson());
  });

  it('gives every snippet a prefix, a body and a description', () => {
    assert.ok(entries.length >= 10);
    for (const [name, snippet] of entries) {
      const prefixes = ([] as string[]).concat(snippet.prefix);
      assert.ok(prefixes.length > 0 && prefixes.every((p) => /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefix`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0 && snippet.body.every((line) => typeof line === 'string'), `${name}: body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length > 20, `${name}: description`);
      assert.deepEqual(Object.keys(snippet).sort(), ['body', 'description', 'prefix'], `${name}: keys`);
    }
  });

  it('uses each prefix once', () => {
    const prefixes = entries.flatMap(([, snippet]) => ([] as string[]).concat(snippet.prefix));
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), []);
  });

  it('has well-formed tab stops: numbered from 1 without gaps, one final $0, consistent mirrors', () => {
    for (const [name, snippet] of entries) {
      const { stops } = expandSnippet(snippet.body.join('\n'));
      const numbers = [...new Set(stops.map((s) => s.index).filter((n) => n > 0))].sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')}`);
      assert.equal(stops.filter((s) => s.index === 0).length, 1, `${name}: one $0`);
      for (const n of numbers) {
        const defined = stops.filter((s) => s.index === n && s.kind !== 'tabstop').map((s) => s.text);
        assert.ok(new Set(defined).size <= 1, `${name}: $${n} has different defaults`);
      }
    }
  });

  it('rejects malformed snippet text', () => {
    assert.throws(() => expandSnippet('costs $ 5'), /unescaped "\$"/);
    assert.throws(() => expandSnippet('${1:open'), /not closed/);
    assert.throws(() => expandSnippet('a } b'), /unescaped "}"/);
    assert.throws(() => expandSnippet('${1|only|}'), /two or more/);
    assert.deepEqual(expandSnippet('\\$1 ${1|a,b|} ${2:x ${3:y}} $2').text, '$1 a x y x y');
  });

  for (const profile of BUILTIN_TEMPLATE_NAMES) {
    it(`spec-${profile} expands to the same skeleton as "specready new ${profile}"`, () => {
      const snippet = entries.find(([, s]) => s.prefix === `spec-${profile}`)?.[1];
      assert.ok(snippet);
      const { text: expanded, stops } = expandSnippet(snippet.body.join('\n'));
      assert.equal(expanded, renderTemplate(profile, 'title'));
      const sections = renderTemplate(profile, 'title').split('\n').filter((line) => line.startsWith('## ')).length;
      assert.equal(new Set(stops.map((s) => s.index)).size, sections + 1, 'the title plus one stop per section');
    });
  }

  it('leaves defaults the linter reports when they are not replaced', () => {
    for (const prefix of ['gwt', 'ac-checklist', 'endpoint', 'nfr', 'question', 'decision']) {
      const snippet = entries.find(([, s]) => ([] as string[]).concat(s.prefix).includes(prefix))?.[1];
      assert.ok(snippet, prefix);
      const spec = `# T\n\n## Acceptance Criteria\n\n${expandSnippet(snippet.body.join('\n')).text}\n`;
      const placeholders = analyzeSpec(spec).findings.filter((f) => f.rule === 'placeholder');
      assert.ok(placeholders.length > 0, `${prefix}: untouched defaults are reported`);
    }
  });
});
