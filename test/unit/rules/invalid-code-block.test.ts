import assert from 'node:assert/strict';
import { invalidCodeBlock } from '../../../server/src/rules/invalid-code-block';
import { at, findsTests, runRule, textAt } from '../helpers';

function block(language: string, body: string): string {
  return `# Example\n\n\`\`\`${language}\n${body}\n\`\`\`\n`;
}

const finds = findsTests((markdown: string) => runRule(invalidCodeBlock, markdown));

describe('invalid-code-block', () => {
  finds('accepts valid JSON and YAML, including multi-document YAML and JSON Lines', [
    block('json', '{ "id": "ord_1", "items": [{ "sku": "A", "qty": 2 }], "paid": true, "note": null }'),
    block('yaml', 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret'),
    block('yml', 'retries: 3'),
    block('json', '{"event": "created"}\n{"event": "paid"}'),
    block('json', '{\n  "a": 1\n}\n\n{\n  "b": 2\n}'),
  ], []);

  finds('skips other languages, jsonc/json5 and empty blocks', [
    block('jsonc', '{ // comment\n "a": 1, }'),
    block('json5', '{ a: 1, }'),
    block('js', '{ a: }'),
    block('', '{ a: }'),
    block('json', '  '),
  ], []);

  it('reports the same invalid block at each place it is written, in every document', () => {
    const body = '{\n  "id": "ord_1",\n}';
    const text = `${block('json', body)}\n${block('yaml', 'a: [1, 2')}\n${block('json', body)}`;
    for (let run = 0; run < 2; run++) {
      const findings = runRule(invalidCodeBlock, run === 0 ? text : `# Other\n\n${text}`);
      assert.deepEqual(findings.map((finding) => textAt(run === 0 ? text : `# Other\n\n${text}`, finding.range)), [',', '2', ',']);
      assert.equal(findings[0].range.start.character, findings[2].range.start.character);
      assert.ok(findings[2].range.start.line > findings[1].range.start.line && findings[1].range.start.line > findings[0].range.start.line);
    }
  });

  it('points at a trailing comma with the document position', () => {
    const text = block('json', '{\n  "id": "ord_1",\n}');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.equal(at(finding.range), '4:15-4:16');
    assert.equal(textAt(text, finding.range), ',');
    assert.match(finding.message, /^Invalid JSON in code block: trailing comma/);
    assert.deepEqual(finding.data, { language: 'json' });
  });

  it('explains an ellipsis and underlines it', () => {
    const text = block('json', '{\n  "items": [...]\n}');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.equal(textAt(text, finding.range), '...');
    assert.equal(at(finding.range), '4:12-4:15');
    assert.match(finding.message, /elides content/);
  });

  it('explains comments, single quotes, bare words and unclosed brackets', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['{\n  "a": 1 // the id\n}', '// the id', /does not allow comments/],
      ["{ 'a': 1 }", "'", /double quotes/],
      ['{ a: 1 }', 'a', /property names need double quotes/],
      ['{ "a": undefined }', 'undefined', /not a JSON value/],
      ['{ "a": [1, 2 }', '}', /expected ',' or ']'/],
      ['{ "a": 1', '1', /ends before it is complete/],
      ['{ "a": "line\nbreak" }', '"line', /must be escaped/],
    ];
    for (const [body, token, message] of cases) {
      const text = block('json', body);
      const findings = runRule(invalidCodeBlock, text);
      assert.equal(findings.length, 1, body);
      assert.equal(textAt(text, findings[0].range), token, body);
      assert.match(findings[0].message, message);
    }
  });

  it('reports YAML syntax errors at the token the parser stopped at', () => {
    const text = block('yaml', 'spec:\n  replicas: 3\n   selector: app');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.match(finding.message, /^Invalid YAML in code block: /);
    assert.equal(at(finding.range), '4:12-4:13');
    assert.equal(textAt(text, finding.range), '3');
  });

  it('reports an unclosed YAML bracket on the last token, not after it', () => {
    const text = block('yaml', 'contact:\n  name: [string');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.equal(at(finding.range), '4:8-4:15');
    assert.equal(textAt(text, finding.range), '[string');
  });

  it('reports duplicate YAML keys', () => {
    const text = block('yaml', 'name: a\nname: b');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.match(finding.message, /unique/);
    assert.equal(at(finding.range), '4:0-4:5');
  });

  it('points at an elided YAML line and suggests a comment', () => {
    const text = block('yaml', 'metadata:\n  name: x\n ...\nspec:\n  a: 1');
    const [finding] = runRule(invalidCodeBlock, text);
    assert.equal(textAt(text, finding.range), '...');
    assert.match(finding.message, /# \.\.\./);
  });

  it('maps positions inside fences nested in list items', () => {
    const text = '- Example:\n\n  ```json\n  { "a": 1, }\n  ```\n';
    const [finding] = runRule(invalidCodeBlock, text);
    assert.equal(at(finding.range), '3:10-3:11');
  });
});
