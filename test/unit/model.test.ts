import assert from 'node:assert/strict';
import { parseSpec } from '../../server/src/model/parse';
import { textWithoutComments } from '../../server/src/model/text';
import { at, textAt } from './helpers';

describe('parseSpec', () => {
  it('parses front matter with a YAML library and keeps it out of prose', () => {
    const text = '---\nprofile: api\ntags: [a, b]\n---\n# Title\n';
    const model = parseSpec(text);
    assert.deepEqual(model.frontMatter?.data, { profile: 'api', tags: ['a', 'b'] });
    assert.equal(model.sections.length, 1);
    assert.equal(model.sections[0].headingRange.start.line, 4);
    assert.ok(!model.prose.includes('profile'));
  });

  it('accepts empty front matter', () => {
    const model = parseSpec('---\n---\n# Title\n');
    assert.equal(model.frontMatter?.error, undefined);
    assert.equal(model.sections[0].headingRange.start.line, 2);
  });

  it('records a front matter syntax error with its position instead of throwing', () => {
    const model = parseSpec('---\nprofile: [api\n---\n# T\n');
    assert.ok(model.frontMatter?.error);
    assert.equal(model.frontMatter?.data, undefined);
    assert.ok(model.frontMatter.error.range.start.line >= 1);
  });

  it('builds a section tree with heading and body ranges and GitHub slugs', () => {
    const text = '# Spec\n\nIntro.\n\n## 1. Goals & Non-Goals\n\nText.\n\n### Detail\n\nMore.\n\n## Goals & Non-Goals\n';
    const model = parseSpec(text);
    const [root, goals, detail, again] = model.sections;
    assert.equal(root.children.length, 2);
    assert.equal(detail.parent, goals);
    assert.deepEqual(goals.canonical, ['scope', 'out-of-scope']);
    assert.equal(goals.slug, '1-goals--non-goals');
    assert.equal(again.slug, 'goals--non-goals');
    assert.equal(at(goals.headingRange), '4:0-4:23');
    assert.equal(goals.bodyRange.start.line, 5);
    assert.equal(goals.bodyRange.end.line, 11);
    assert.equal(goals.ownBodyRange.end.line, 7);
  });

  it('computes heading text and slugs the way GitHub does', () => {
    const text = '## Use `Any<P>` here\n\n## snake_case_name\n\n## The <code>on:&lt;mode&gt;:</code> prefix\n\n## **Bold** [link](x.md) _em_\n';
    const model = parseSpec(text);
    assert.deepEqual(model.sections.map((s) => s.title), ['Use Any<P> here', 'snake_case_name', 'The on:<mode>: prefix', 'Bold link em']);
    assert.deepEqual(model.sections.map((s) => s.slug), ['use-anyp-here', 'snake_case_name', 'the-onmode-prefix', 'bold-link-em']);
  });

  it('de-duplicates slugs like GitHub', () => {
    const model = parseSpec('## Setup\n\n## Setup\n\n## Setup\n');
    assert.deepEqual(model.sections.map((s) => s.slug), ['setup', 'setup-1', 'setup-2']);
  });

  it('blanks every character of HTML comments but their line breaks, keeping length and lines', () => {
    const text = '# T\r\n\r\nBefore <!-- one\r\ntwo 😀\nthree --> after.\n\n<!--x-->\n';
    const blanked = textWithoutComments(parseSpec(text));
    assert.equal(blanked, '# T\r\n\r\nBefore         \r\n      \n          after.\n\n        \n');
    assert.equal(blanked.length, text.length);
  });

  it('masks code, inline code, URLs, link destinations and HTML comments out of prose', () => {
    const text = 'Use `fast mode` and [the docs](https://x.test/fast) or https://fast.test/a. <!-- fast -->\n\n```\nfast\n```\n';
    const model = parseSpec(text);
    assert.equal(model.prose.length, text.length);
    assert.equal((model.prose.match(/fast/g) ?? []).length, 0);
    assert.ok(model.prose.includes('the docs'));
    assert.deepEqual(model.inlineCode.map((c) => c.text), ['fast mode']);
    assert.deepEqual(model.links.map((l) => l.target), ['https://x.test/fast', 'https://fast.test/a']);
    assert.equal(textAt(text, model.links[0].targetRange), 'https://x.test/fast');
    assert.deepEqual(model.htmlComments.map((c) => c.body), ['fast']);
  });

  it('finds fenced code blocks with info string and content range', () => {
    const text = '# T\n\n```json title="x"\n{"a": 1}\n```\n\n~~~\nopen fence';
    const model = parseSpec(text);
    assert.equal(model.codeBlocks.length, 2);
    assert.equal(model.codeBlocks[0].language, 'json');
    assert.equal(model.codeBlocks[0].info, 'json title="x"');
    assert.equal(textAt(text, model.codeBlocks[0].contentRange), '{"a": 1}');
    assert.equal(model.codeBlocks[1].content, 'open fence');
  });

  it('records list items with depth, task state and exact ranges', () => {
    const text = '- [x] done item\n- plain\n  1. nested one\n';
    const model = parseSpec(text);
    assert.deepEqual(model.listItems.map((i) => [i.text, i.depth, i.checked, i.ordered]), [
      ['done item', 0, true, false], ['plain', 0, undefined, false], ['nested one', 1, undefined, true],
    ]);
    assert.equal(at(model.listItems[2].range), '2:5-2:15');
  });

  it('records which list an item belongs to and the item a nested list sits in', () => {
    const model = parseSpec('- one\n- two\n  - nested\n\n* other list\n\n## Next\n\n- third list\n');
    const [one, two, nested, other, third] = model.listItems;
    assert.equal(one.list, two.list);
    assert.notEqual(nested.list, two.list);
    assert.equal(nested.parent, two);
    assert.equal(one.parent, undefined);
    assert.equal(new Set([one.list, nested.list, other.list, third.list]).size, 4);
  });

  it('records table cells with exact ranges and escaped pipes', () => {
    const text = '| Name | Note |\n|---|---|\n| `a\\|b` | x \\| y |\n';
    const model = parseSpec(text);
    assert.equal(model.tables.length, 1);
    assert.deepEqual(model.tables[0].header.map((c) => c.text), ['Name', 'Note']);
    assert.deepEqual(model.tables[0].rows[0].map((c) => c.text), ['`a\\|b`', 'x \\| y']);
    assert.equal(at(model.tables[0].rows[0][1].range), '2:11-2:17');
  });

  it('splits prose into sentences with ranges, respecting abbreviations', () => {
    const text = 'First one, e.g. this. Second goes\non here? Third, by J. Smith.';
    const sentences = parseSpec(text).sentences.map((s) => s.text);
    assert.deepEqual(sentences, ['First one, e.g. this.', 'Second goes\non here?', 'Third, by J. Smith.']);
  });

  it('keeps ranges exact with CRLF and lone CR line endings', () => {
    const text = '# A\r\n\r\nOne `x`.\r## B\rTwo.';
    const model = parseSpec(text);
    assert.deepEqual(model.sections.map((s) => s.headingRange.start.line), [0, 3]);
    const two = model.sentences.find((s) => s.text === 'Two.');
    assert.equal(two && at(two.range), '4:0-4:4');
    assert.equal(at(model.inlineCode[0].range), '2:4-2:7');
  });

  it('resolves reference-style links and their definitions', () => {
    const text = 'See [the API][api] and [api].\n\n[api]: ./api.md#errors\n';
    const model = parseSpec(text);
    assert.deepEqual(model.links.map((l) => l.target), ['./api.md#errors', './api.md#errors', './api.md#errors']);
    assert.equal(textAt(text, model.links[2].targetRange), './api.md#errors');
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '\0\0', '```', '---', '---\n---', '<!--', '[', '| a |\n|-|', '\uD800', '#'.repeat(10), '\r\r\n\n']) {
      const model = parseSpec(text);
      assert.equal(model.prose.length, text.length);
    }
  });
});
