/**
 * Spec skeletons for `specready new`, the editor's "New Spec…" command and the skeleton
 * snippets. Pure text functions: no file system, no editor API, so the CLI, the VS Code client
 * (bundled by esbuild) and the snippet generator share them.
 */
import { sectionDefinition, type SectionId } from '../sections/catalog';
import { BUILTIN_PROFILES, UnknownProfileError, type Profile } from '../sections/profiles';
import { isFormatTemplate, isOpenSpecDelta, renderFormatTemplate } from './formats';
import { DOCUMENT_ORDER, sectionGuidance } from './guidance';

export interface RenderOptions {
  /**
   * Add `specready: true` to the front matter, for a file whose name the default globs do not
   * recognise as a spec (without it the file would be skipped when its folder is checked).
   */
  markAsSpec?: boolean;
  /**
   * For the templates in a tool's layout: the feature's folder name (Spec Kit's branch,
   * "001-refund-api"; default: from the title) and the creation date (default: today).
   */
  feature?: string;
  date?: string;
  /** The file's path: an OpenSpec spec inside a change is written as a delta. */
  path?: string;
}

/** The built-in profiles, in the order pickers list them. */
export const BUILTIN_TEMPLATE_NAMES = ['service', 'api', 'bugfix', 'integration'] as const;

/**
 * A new spec for `profile` (a built-in name or a resolved custom profile): front matter, the
 * title, then every required and recommended section of the profile in reading order, each
 * holding only its guidance as an HTML comment.
 */
export function renderTemplate(profile: string | Profile, title: string, options: RenderOptions = {}): string {
  const resolved = typeof profile === 'string' ? builtinProfile(profile) : profile;
  const cleanTitle = normalizeTitle(title);
  // A built-in profile of a spec-driven tool gets that tool's layout; a custom profile extending it, ours.
  if (isFormatTemplate(resolved.name) && BUILTIN_PROFILES[resolved.name] === resolved) {
    return renderFormatTemplate(resolved.name, {
      title: cleanTitle,
      feature: options.feature ?? slugify(cleanTitle),
      date: options.date ?? templateVariables(cleanTitle).date,
      markAsSpec: options.markAsSpec === true,
      delta: options.path !== undefined && isOpenSpecDelta(options.path),
    });
  }
  const lines = [
    ...frontMatter(resolved.name, cleanTitle, options),
    '',
    `# ${cleanTitle}`,
    '',
    ...comment([
      `${/^[aeiou]/i.test(resolved.name) ? 'An' : 'A'} ${resolved.name} spec, written for an engineer outside the team who builds from it without a meeting.`,
      'Guidance sits in HTML comments like this one: invisible when rendered and ignored by SpecReady.',
      'Replace each comment with the content it asks for; `specready check` shows what is still missing.',
    ]),
  ];
  for (const id of templateSections(resolved)) {
    lines.push('', `## ${sectionDefinition(id)?.title ?? id}`, '', ...comment(sectionGuidance(resolved.name, id)));
  }
  return `${lines.join('\n')}\n`;
}

/** Required and recommended sections of a profile, in reading order. */
export function templateSections(profile: Profile): SectionId[] {
  const wanted = new Set<SectionId>([...profile.required, ...profile.recommended]);
  return DOCUMENT_ORDER.filter((id) => wanted.has(id));
}

function builtinProfile(name: string): Profile {
  const profile = BUILTIN_PROFILES[name];
  if (!profile) throw new UnknownProfileError(`unknown profile "${name}" (built in: ${BUILTIN_TEMPLATE_NAMES.join(', ')})`);
  return profile;
}

/** One line, single spaces: a title is a heading and a YAML scalar, neither survives a newline. */
export function normalizeTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

function frontMatter(profile: string, title: string, options: RenderOptions): string[] {
  const lines = ['---', `title: ${yamlScalar(title)}`, `profile: ${yamlScalar(profile)}`];
  if (options.markAsSpec) lines.push('specready: true');
  lines.push('---');
  return lines;
}

/**
 * Plain scalars only for text YAML cannot misread (no ": ", " #", leading indicator, or a word
 * YAML turns into a boolean or null); anything else becomes a double-quoted JSON string, which
 * is valid YAML.
 */
function yamlScalar(text: string): string {
  const plain = /^[\p{L}\p{N}(][^:#]*$/u.test(text) && !/^(?:true|false|yes|no|on|off|null|~)$/i.test(text) && !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

function comment(lines: readonly string[]): string[] {
  return lines.length === 1 ? [`<!-- ${lines[0]} -->`] : ['<!--', ...lines.map((line) => `  ${line}`), '-->'];
}

/**
 * A file name for a title: lower case, letters and digits kept (accents dropped), everything
 * else one hyphen, at most 60 characters cut at a word boundary. "spec" when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'spec';
  const cut = slug.slice(0, 61);
  const boundary = cut.lastIndexOf('-');
  return boundary > 20 ? cut.slice(0, boundary) : slug.slice(0, 60);
}

export function specFileName(title: string): string {
  return `${slugify(title)}.spec.md`;
}

/** "refund-export.spec.md" becomes "Refund export": the default title for a named file. */
export function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/(?:\.(?:spec|handoff))?\.md$/i, '').replace(/[-_.\s]+/g, ' ').trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

/** Whether the default include globs already make a file a spec. */
export function looksLikeSpecPath(path: string): boolean {
  return /(?:\.spec\.md|\.handoff\.md)$/i.test(path) || /(?:^|[\\/])specs[\\/](?:.*[\\/])?[^\\/]*\.md$/i.test(path)
    || /(?:^|[\\/])openspec[\\/]changes[\\/][^\\/]+[\\/]proposal\.md$/i.test(path);
}

/** A custom template's name: its file name without `.md` (and a `.spec` before it). */
export function customTemplateName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).replace(/(?:\.spec)?\.md$/i, '');
}

export interface TemplateVariables {
  title: string;
  slug: string;
  /** YYYY-MM-DD. */
  date: string;
}

/**
 * A custom template's text with `{{title}}`, `{{slug}}` and `{{date}}` filled in (spaces inside
 * the braces allowed). Other `{{…}}` are left alone: they may be part of the team's own text.
 */
export function fillTemplate(text: string, variables: TemplateVariables): string {
  return text.replace(/\{\{\s*(title|slug|date)\s*\}\}/g, (_, name: keyof TemplateVariables) => variables[name]);
}

export function templateVariables(title: string, now: Date = new Date()): TemplateVariables {
  const clean = normalizeTitle(title);
  return { title: clean, slug: slugify(clean), date: now.toISOString().slice(0, 10) };
}

export interface CursorPosition {
  /** 0-based. */
  line: number;
  character: number;
}

/**
 * Where the author starts typing in a new spec: in the first section under the title, after
 * its guidance comment. Falls back to the title, then to the first line after front matter.
 */
export function firstSectionCursor(text: string): CursorPosition {
  const lines = text.split(/\r\n|\r|\n/);
  const headings = headingLines(lines);
  const heading = headings.find((h) => h.level >= 2) ?? headings[0];
  if (!heading) return { line: Math.min(bodyStart(lines), lines.length - 1), character: 0 };
  const line = afterGuidance(lines, heading.line + 1);
  if (line < 0) return { line: heading.line, character: lines[heading.line]?.length ?? 0 };
  return { line, character: 0 };
}

interface HeadingLine {
  line: number;
  level: number;
}

/** ATX headings outside front matter, fenced code and HTML comments. */
function headingLines(lines: string[]): HeadingLine[] {
  const found: HeadingLine[] = [];
  let fence: string | undefined;
  let inComment = false;
  const start = bodyStart(lines);
  for (const [index, line] of lines.entries()) {
    if (index < start) continue;
    if (inComment) { inComment = !line.includes('-->'); continue; }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) { if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined; continue; }
    if (marker) { fence = marker; continue; }
    if (/^ {0,3}<!--/.test(line)) { inComment = !line.includes('-->'); continue; }
    const heading = /^ {0,3}(#{1,6})(?:\s|$)/.exec(line);
    if (heading?.[1]) found.push({ line: index, level: heading[1].length });
  }
  return found;
}

/** First line after front matter (0 when there is none). */
function bodyStart(lines: string[]): number {
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close < 0 ? 0 : close + 1;
}

/**
 * The line to type on in a section whose heading ends at `start - 1`: past one guidance
 * comment, the first line of existing content, else the blank line that follows (-1: none).
 */
function afterGuidance(lines: string[], start: number): number {
  let from = start;
  let index = skipBlank(lines, from);
  if (/^ {0,3}<!--/.test(lines[index] ?? '')) {
    while (index < lines.length && !lines[index]?.includes('-->')) index++;
    from = index + 1;
    index = skipBlank(lines, from);
  }
  const first = lines[index];
  if (first !== undefined && !/^ {0,3}#{1,6}(?:\s|$)/.test(first)) return index;
  return lines[from]?.trim() === '' ? from : -1;
}

function skipBlank(lines: string[], start: number): number {
  let index = start;
  while (lines[index]?.trim() === '') index++;
  return index;
}
