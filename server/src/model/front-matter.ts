import { parseDocument } from 'yaml';
import { rangeFromOffsets } from './text';
import type { FrontMatter, SpecModel } from './types';

// `---` on the first line (after an optional BOM) up to a closing `---` or `...` line.
const FRONT_MATTER = /^(\uFEFF?---[ \t]*(?:\r\n|\r|\n))(?:([\s\S]*?)(?:\r\n|\r|\n))?(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/;

/**
 * YAML front matter parsed with the `yaml` library. Syntax errors are kept on the model (with
 * the position of the first error) instead of being thrown, so rules and the server can report
 * them as diagnostics.
 */
export function parseFrontMatter(text: string, base: Pick<SpecModel, 'text' | 'lineStarts'>): FrontMatter | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  const bodyStart = match[1].length;
  const body = match[2] ?? '';
  const endOffset = match[0].length;
  const frontMatter: FrontMatter = {
    text: body,
    range: rangeFromOffsets(base, 0, endOffset),
    startOffset: 0,
    endOffset,
    data: undefined,
  };
  const document = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const at = bodyStart + Math.min(error.pos[0], body.length);
    const to = bodyStart + Math.min(Math.max(error.pos[1], error.pos[0] + 1), body.length);
    frontMatter.error = { message: firstLine(error.message), range: rangeFromOffsets(base, at, Math.max(at, to)) };
    return frontMatter;
  }
  const data: unknown = document.toJS();
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    frontMatter.data = data as Record<string, unknown>;
  } else if (data !== null && data !== undefined) {
    frontMatter.error = { message: 'front matter must be a YAML mapping (key: value pairs)', range: frontMatter.range };
  }
  return frontMatter;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
