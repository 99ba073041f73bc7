import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSpec } from '../../../server/src/engine/analyze';
import { quickFixesFor, type QuickFix } from '../../../server/src/fixes';
import { offsetAt, computeLineStarts } from '../../../server/src/model/text';

const ROOT = path.resolve(__dirname, '../../../..');

const FOLDERS = ['examples', 'test/integration/fixtures/workspace', '../shared/datasets/graded'];

function specs(): Array<{ name: string; text: string }> {
  const found: Array<{ name: string; text: string }> = [];
  for (const folder of FOLDERS) {
    const dir = path.join(ROOT, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (entry.endsWith('.md') && !/README\.md$/.test(entry)) found.push({ name: path.join(folder, entry), text: fs.readFileSync(path.join(dir, entry), 'utf8') });
    }
  }
  return found;
}

function errors(text: string): number {
  return analyzeSpec(text, { uri: 'file:///work/specs/x.spec.md' }).findings.filter((f) => f.severity === 'error').length;
}

function apply(text: string, fix: QuickFix): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), fix.edits);
}

/** Words of the text an edit replaces that its new text drops. */
function droppedWords(text: string, fix: QuickFix): string[] {
  const model = { text, lineStarts: computeLineStarts(text) };
  const dropped: string[] = [];
  for (const edit of fix.edits) {
    const replaced = text.slice(offsetAt(model, edit.range.start), offsetAt(model, edit.range.end));
    // Words moved into an HTML comment are hidden from the reader: they count as dropped.
    const kept = edit.newText.replace(/<!--[\s\S]*?-->/g, ' ').toLowerCase();
    for (const word of replaced.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (!kept.includes(word.toLowerCase())) dropped.push(word);
    }
  }
  return dropped;
}

describe('quick fixes never make a spec worse (every fix on every finding of the examples and fixtures)', function () {
  this.timeout(300000);
  const documents = specs();

  it('finds the examples and fixtures', () => {
    assert.ok(documents.length >= 8, `only ${documents.length} specs found`);
  });

  for (const { name, text } of documents) {
    it(`${name}: no fix raises the error count or discards the author's words`, () => {
      const result = analyzeSpec(text, { uri: 'file:///work/specs/x.spec.md' });
      const before = result.findings.filter((f) => f.severity === 'error').length;
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const finding of result.findings) {
        for (const fix of quickFixesFor(result, finding)) {
          const key = `${fix.title}|${JSON.stringify(fix.edits)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const after = errors(apply(text, fix));
          if (after > before) problems.push(`"${fix.title}" (${finding.rule} line ${finding.range.start.line + 1}) raises errors ${before} -> ${after}`);
          // Replacing the flagged word itself (a weak modal by an RFC 2119 keyword) is the fix; any other word must stay.
          const dropped = finding.rule === 'weak-modal' && fix.rule === 'weak-modal' ? [] : droppedWords(text, fix);
          if (dropped.length > 0) problems.push(`"${fix.title}" (${finding.rule} line ${finding.range.start.line + 1}) drops ${dropped.join(' ')}`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
