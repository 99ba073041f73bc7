/**
 * Rule fixtures as documents: test/fixtures/rules/<rule-id>/*.md. A line that ends with
 * `<!-- expect: rule-id -->` (several ids separated by commas) must get a finding of that rule
 * starting on it; `<!-- expect-next-line: rule-id -->` on a line of its own marks the next line
 * (for lines that cannot hold a comment, such as code). Every other line must get none. When
 * `<name>.fixed.md` sits beside a fixture, applying every safe fix ("fix all") must give it.
 * Each rule has at least one fixture that expects it and one that does not: its good and bad
 * cases side by side.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSpec, parseForConfig } from '../../../server/src/engine/analyze';
import { gatherApiFiles } from '../../../server/src/fs/api-files';
import { fixAll } from '../../../server/src/features/fix-all';
import { offsetAt } from '../../../server/src/model/text';
import { findRule, RULES } from '../../../server/src/rules/registry';

const ROOT = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rules');
const MARKER = /<!--\s*expect(-next-line)?:\s*([a-z, -]+?)\s*-->/g;

/** Expected rule ids per 0-based line. */
function expectations(text: string): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      const target = match[1] ? index + 1 : index;
      const ids = match[2].split(',').map((id) => id.trim()).filter(Boolean);
      expected.set(target, [...(expected.get(target) ?? []), ...ids]);
    }
  });
  return expected;
}

function fixtureFiles(ruleId: string): string[] {
  const folder = join(ROOT, ruleId);
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md')).sort() : [];
}

function applyEdits(text: string, edits: ReturnType<typeof fixAll>['edits']): string {
  const model = { text, lineStarts: analyzeSpec(text).model.lineStarts };
  const spans = edits.map((edit) => ({ start: offsetAt(model, edit.range.start), end: offsetAt(model, edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.text + result.slice(span.end);
  return result;
}

describe('rule fixtures (test/fixtures/rules)', () => {
  it('has a folder for registered rules only', () => {
    for (const folder of readdirSync(ROOT)) assert.ok(findRule(folder)?.id === folder, `test/fixtures/rules/${folder} names no rule`);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const files = fixtureFiles(rule.id);

      it('has a fixture it reports and one it does not', () => {
        const marked = files.map((name) => [...expectations(readFileSync(join(ROOT, rule.id, name), 'utf8')).values()].flat().includes(rule.id));
        assert.ok(marked.includes(true), `test/fixtures/rules/${rule.id} needs a bad case (a line marked <!-- expect: ${rule.id} -->)`);
        assert.ok(marked.includes(false), `test/fixtures/rules/${rule.id} needs a good case (a document with no ${rule.id} marker)`);
      });

      for (const name of files) {
        it(`${name}: reports exactly the marked lines`, async () => {
          const file = join(ROOT, rule.id, name);
          const text = readFileSync(file, 'utf8');
          const expected = expectations(text);
          const uri = `file:///fixtures/${rule.id}/${name}`;
          // API description files a fixture links sit next to it, read as the CLI reads them.
          const apiFiles = await gatherApiFiles(parseForConfig(text, uri), file, { projectRoot: join(ROOT, rule.id) });
          const result = analyzeSpec(text, { uri, apiFiles });
          const actual = new Map<number, string[]>();
          for (const finding of result.findings) {
            if (finding.rule !== rule.id && !(expected.get(finding.range.start.line) ?? []).includes(finding.rule)) continue;
            actual.set(finding.range.start.line, [...(actual.get(finding.range.start.line) ?? []), finding.rule]);
          }
          const show = (map: Map<number, string[]>): string[] => [...map].map(([line, ids]) => `${line + 1}: ${[...new Set(ids)].sort().join(', ')}`).sort();
          assert.deepEqual(show(actual), show(expected));
        });

        const fixedFile = join(ROOT, rule.id, name.replace(/\.md$/, '.fixed.md'));
        if (existsSync(fixedFile)) {
          it(`${name}: fixing every safe finding gives ${name.replace(/\.md$/, '.fixed.md')}`, () => {
            const text = readFileSync(join(ROOT, rule.id, name), 'utf8');
            const { edits } = fixAll(analyzeSpec(text, { uri: `file:///fixtures/${rule.id}/${name}` }), rule.id);
            assert.ok(edits.length > 0, 'no safe fix applies');
            assert.equal(applyEdits(text, edits), readFileSync(fixedFile, 'utf8'));
          });
        }
      }
    });
  }
});
