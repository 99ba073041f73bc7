import assert from 'node:assert/strict';
import { renderSpecHtml } from '../../../server/src/export/html';
import { parseSpec } from '../../../server/src/model/parse';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

function render(markdown: string, files: Record<string, Uint8Array> = {}): string {
  return renderSpecHtml({
    markdown,
    model: parseSpec(markdown, 'spec/SPEC.md'),
    title: 'T <x>',
    subtitle: 'exported & checked',
    path: 'spec/SPEC.md',
    files: new Map(Object.entries(files)),
  });
}

describe('export: SPEC.html', () => {
  it('gives headings the GitHub slugs the model computes, de-duplicated', () => {
    const markdown = '---\ntitle: Refunds\nowner: payments\n---\n# Refunds\n\n## The `POST /refunds` endpoint\n\n## Notes\n\n## Notes\n\n[jump](#notes-1)\n';
    const html = render(markdown);
    const ids = [...html.matchAll(/<h\d id="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(ids, parseSpec(markdown).sections.map((section) => section.slug));
    assert.deepEqual(ids, ['refunds', 'the-post-refunds-endpoint', 'notes', 'notes-1']);
    assert.ok(html.includes('<a href="#notes-1">jump</a>'));
    assert.match(html, /<table class="front-matter">\n<tr><th>title<\/th><td>Refunds<\/td><\/tr>/);
    assert.ok(!html.includes('<hr>'), 'front matter is not rendered as Markdown');
  });

  it('makes no external request: inline CSS, CSP, embedded images, remote images as links', () => {
    const html = render('![flow](assets/img/flow.png) ![remote](https://tracker.example.com/pixel.png)\n', { 'spec/assets/img/flow.png': PNG });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">/);
    assert.match(html, /<img src="data:image\/png;base64,iVBORw==" alt="flow">/);
    assert.match(html, /<a class="image-link" href="https:\/\/tracker.example.com\/pixel.png">\[image: remote\]<\/a>/);
    assert.ok(!/<(?:script|link|iframe|object|embed)\b/i.test(html));
    assert.ok(!/\bsrc="(?!data:)/.test(html), 'every src is a data: URI');
    assert.ok(html.includes('<style>') && html.includes('@media print'));
  });

  it('shows raw HTML as text, drops comments and escapes the title', () => {
    const html = render('<script>alert(1)</script>\n\n<!-- author note -->\n\nText <img src=x onerror=alert(1)> and line<br>break.\n\n[x](javascript:alert(1))\n');
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
    assert.ok(!html.includes('author note'));
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('line<br>break'));
    assert.ok(!html.includes('href="javascript:'));
    assert.ok(html.includes('<title>T &#60;x&#62;</title>'));
    assert.ok(html.includes('exported &#38; checked'));
  });

  it('highlights code in the registered languages and escapes the rest', () => {
    const html = render('```json\n{ "amount": 1250 }\n```\n\n```brainfuck\n<+>\n```\n\n```sh\nexport A=1\n```\n');
    assert.match(html, /<pre><code class="language-json"><span class="hljs-punctuation">\{<\/span> <span class="hljs-attr">&quot;amount&quot;<\/span>/);
    assert.ok(html.includes('<code class="language-brainfuck">&lt;+&gt;'));
    assert.match(html, /<code class="language-sh"><span class="hljs-built_in">export<\/span>/);
  });

  it('keeps links to the spec itself on the page', () => {
    const html = render('# A\n\n[self](SPEC.md#a) [other](assets/b.md#x)\n');
    assert.ok(html.includes('<a href="#a">self</a>'));
    assert.ok(html.includes('<a href="assets/b.md#x">other</a>'));
  });
});
