import type { SpecModel } from './types';

/**
 * The spec's title for the README and the HTML page: front matter `title`, else the first
 * top-level heading, else the file name.
 */
export function specTitle(model: SpecModel, fallback: string): string {
  const fromFrontMatter = model.frontMatter?.data?.title;
  if (typeof fromFrontMatter === 'string' && fromFrontMatter.trim()) return fromFrontMatter.trim();
  const heading = model.sections.find((section) => section.level === 1) ?? model.sections[0];
  return heading?.title.trim() || fallback;
}
