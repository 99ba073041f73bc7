/**
 * spec/SPEC.html: a standalone rendering of the bundled SPEC.md with markdown-it. It makes no
 * network request: CSS is inline, local images are embedded as data: URIs, remote images become
 * plain links, raw HTML from the spec is shown as text (comments dropped), and a
 * Content-Security-Policy forbids anything else. Heading ids are the spec model's GitHub slugs,
 * so `#fragment` links written for GitHub keep working.
 */
import MarkdownIt from 'markdown-it';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import http from 'highlight.js/lib/languages/http';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { posix } from 'node:path';
import { slugify } from '../model/text';
import type { SpecModel } from '../model/types';
import { imageMimeType } from './assets';
import { SPEC_CSS } from './html-style';

// A handful of languages specs actually contain; each registration adds a few KiB to dist/.
hljs.registerLanguage('json', json);
hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('http', http);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('sql', sql);
hljs.registerLanguage('xml', xml);

export interface HtmlInput {
  /** SPEC.md as bundled (links already point at the bundled copies). */
  markdown: string;
  /** The model parsed from `markdown`: heading slugs and front matter. */
  model: SpecModel;
  title: string;
  /** One line about the export, shown above the spec. */
  subtitle: string;
  /** Bundle path of the Markdown (its relative links resolve from its folder). */
  path: string;
  /** Bundled files by bundle path, for embedding images. */
  files: ReadonlyMap<string, Uint8Array>;
}

// A type alias, not an interface: markdown-it's Env is an index signature type.
type RenderEnv = {
  input: HtmlInput;
  headingIndex: number;
  slugCounts: Map<string, number>;
};

const markdown = createRenderer();

export function renderSpecHtml(input: HtmlInput): string {
  const env: RenderEnv = { input, headingIndex: 0, slugCounts: new Map() };
  const body = markdown.render(withoutFrontMatter(input.markdown, input.model), env);
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${SPEC_CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="bundle-info">${escapeHtml(input.subtitle)}</header>`,
    '<main>',
    frontMatterTable(input.model),
    body.trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}

function createRenderer(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false, highlight });
  const rules = md.renderer.rules;
  rules.heading_open = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    const id = headingId(renderEnv(env), tokens[idx + 1]?.content ?? '');
    return `<${token.tag} id="${escapeHtml(id)}"><a class="anchor" href="#${escapeHtml(encodeURIComponent(id))}" aria-hidden="true">#</a>`;
  };
  rules.html_block = (tokens, idx) => rawHtml(tokens[idx]?.content ?? '', true);
  rules.html_inline = (tokens, idx) => rawHtml(tokens[idx]?.content ?? '', false);
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    return token ? image(token, self.renderInlineAsText(token.children ?? [], options, env), renderEnv(env)) : '';
  };
  const renderLink = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token?.attrGet('href');
    if (typeof href === 'string') token?.attrSet('href', selfLink(href, renderEnv(env).input.path));
    return renderLink(tokens, idx, options, env, self);
  };
  return md;
}

/** markdown-it passes the env given to render() through untyped. */
function renderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}

/** The model's slug for the n-th heading (the model parses the same text the same way). */
function headingId(env: RenderEnv, content: string): string {
  const section = env.input.model.sections[env.headingIndex++];
  if (section) return section.slug;
  const slug = slugify(content) || 'section';
  const seen = env.slugCounts.get(slug) ?? 0;
  env.slugCounts.set(slug, seen + 1);
  return seen === 0 ? slug : `${slug}-${seen}`;
}

function highlight(code: string, language: string): string {
  const name = language.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const known = name && hljs.getLanguage(ALIASES[name] ?? name) ? ALIASES[name] ?? name : undefined;
  // markdown-it escapes the code itself when the highlighter returns an empty string.
  if (!known) return '';
  return hljs.highlight(code, { language: known, ignoreIllegals: true }).value;
}

const ALIASES: Readonly<Record<string, string>> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', shellsession: 'bash',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', tsx: 'typescript',
  yml: 'yaml', html: 'xml', svg: 'xml', xhtml: 'xml',
  jsonc: 'json', json5: 'json',
  postgresql: 'sql', postgres: 'sql', mysql: 'sql', sqlite: 'sql',
};

/** Raw HTML of the spec: comments are authoring notes and vanish; line breaks stay; the rest is shown as text. */
function rawHtml(content: string, block: boolean): string {
  const trimmed = content.trim();
  if (/^<!--[\s\S]*-->$/.test(trimmed)) return '';
  if (/^<br\s*\/?>$/i.test(trimmed)) return '<br>';
  return block ? `<pre class="raw-html">${escapeHtml(content)}</pre>\n` : `<code class="raw-html">${escapeHtml(content)}</code>`;
}

/** Bundled images are embedded; anything else would be a network request, so it becomes a link. */
function image(token: MarkdownIt.Token, alt: string, env: RenderEnv): string {
  const src = token.attrGet('src');
  const label = alt || (typeof src === 'string' ? src : 'image');
  if (typeof src !== 'string') return escapeHtml(label);
  const embedded = dataUri(src, env.input);
  if (embedded) {
    const title = token.attrGet('title');
    const titleAttr = typeof title === 'string' && title ? ` title="${escapeHtml(title)}"` : '';
    return `<img src="${embedded}" alt="${escapeHtml(alt)}"${titleAttr}>`;
  }
  return `<a class="image-link" href="${escapeHtml(src)}">${escapeHtml(`[image: ${label}]`)}</a>`;
}

function dataUri(src: string, input: HtmlInput): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  const bundlePath = posix.normalize(posix.join(posix.dirname(input.path), path));
  const bytes = input.files.get(bundlePath);
  const mime = imageMimeType(bundlePath);
  if (!bytes || !mime) return undefined;
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A link to the spec itself ("SPEC.md#scope") stays on the page ("#scope"). */
function selfLink(href: string, path: string): string {
  const self = posix.basename(path);
  const match = /^(?:\.\/)?([^?#]*)(#.*)?$/.exec(href);
  if (!match || match[1] !== self) return href;
  return match[2] ?? '#';
}

/** Front matter is metadata, not Markdown: scalar fields become a small table above the spec. */
function frontMatterTable(model: SpecModel): string {
  const data = model.frontMatter?.data;
  if (!data) return '';
  const rows = Object.entries(data)
    .filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]))
    .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(String(value))}</td></tr>`);
  return rows.length ? `<table class="front-matter">\n${rows.join('\n')}\n</table>` : '';
}

/** Front matter blanked line by line, so markdown-it sees the same lines as the model. */
function withoutFrontMatter(text: string, model: SpecModel): string {
  const end = model.frontMatter?.endOffset ?? 0;
  return end > 0 ? text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end) : text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
