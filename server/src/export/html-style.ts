/**
 * The inline stylesheet of SPEC.html: readable on screen (light and dark), clean on paper, and
 * token colours for highlight.js (GitHub-like). Kept as one string so the page has no requests.
 */
export const SPEC_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #fff; --soft: #f6f8fa; --line: #d1d9e0; --link: #0969da;
  --kw: #cf222e; --str: #0a3069; --num: #0550ae; --title: #8250df; --attr: #116329; --comment: #6e7781; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --soft: #161b22; --line: #3d444d; --link: #4493f8;
  --kw: #ff7b72; --str: #a5d6ff; --num: #79c0ff; --title: #d2a8ff; --attr: #7ee787; --comment: #8b949e; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; color: var(--fg); background: var(--bg);
  font: 16px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; overflow-wrap: break-word; }
.bundle-info { color: var(--muted); font-size: .85rem; border-bottom: 1px solid var(--line); padding-bottom: .5rem; margin-bottom: 1.5rem; }
h1, h2, h3, h4, h5, h6 { position: relative; line-height: 1.25; margin: 1.6em 0 .6em; font-weight: 600; }
h1 { font-size: 2em; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h2 { font-size: 1.5em; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
h3 { font-size: 1.25em; }
.anchor { position: absolute; left: -1.2em; padding-right: .3em; color: var(--muted); text-decoration: none; visibility: hidden; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor, .anchor:focus { visibility: visible; }
a { color: var(--link); }
p, ul, ol, table, pre, blockquote { margin: 0 0 1em; }
ul, ol { padding-left: 2em; }
li + li { margin-top: .25em; }
blockquote { padding: 0 1em; color: var(--muted); border-left: .25em solid var(--line); }
code { font: .875em/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; background: var(--soft); padding: .15em .35em; border-radius: 4px; }
pre { background: var(--soft); padding: 1em; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; font-size: .85em; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .4em .8em; vertical-align: top; }
th { background: var(--soft); text-align: left; }
table.front-matter { font-size: .9em; }
img { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2em 0; }
.raw-html { color: var(--muted); }
.hljs-keyword, .hljs-selector-tag, .hljs-literal, .hljs-built_in, .hljs-type, .hljs-meta .hljs-keyword { color: var(--kw); }
.hljs-string, .hljs-regexp, .hljs-meta .hljs-string { color: var(--str); }
.hljs-number, .hljs-symbol, .hljs-variable, .hljs-template-variable, .hljs-bullet { color: var(--num); }
.hljs-title, .hljs-section, .hljs-name, .hljs-title.function_ { color: var(--title); }
.hljs-attr, .hljs-attribute, .hljs-property, .hljs-selector-attr { color: var(--attr); }
.hljs-comment, .hljs-quote, .hljs-meta { color: var(--comment); font-style: italic; }
.hljs-deletion { color: var(--kw); } .hljs-addition { color: var(--attr); }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --soft: #f3f3f3; --line: #bbb; --link: #000; }
  @page { margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .anchor { display: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); word-break: break-all; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  pre, blockquote, table, img, tr { break-inside: avoid; page-break-inside: avoid; }
  pre { white-space: pre-wrap; overflow: visible; border: 1px solid var(--line); }
  table { display: table; overflow: visible; }
}
`.trim();
