/**
 * A team's own spec templates: Markdown files in `.specready/templates/` of the project. The CLI
 * looks in the target folder and every folder above it, so a template next to the specs wins
 * over one at the repository root with the same name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isFileSync } from '../fs/sync-stat';
import { customTemplateName } from './render';

export const CUSTOM_TEMPLATE_DIR = join('.specready', 'templates');

export interface CustomTemplate {
  /** The file name without `.md` (and without `.spec` before it): what `specready new` takes. */
  name: string;
  path: string;
}

/** Custom templates visible from `startDir`, nearest first, one per name, sorted by name. */
export function findCustomTemplates(startDir: string): CustomTemplate[] {
  const byName = new Map<string, CustomTemplate>();
  for (let folder = resolve(startDir); ; folder = dirname(folder)) {
    for (const template of templatesIn(join(folder, CUSTOM_TEMPLATE_DIR))) {
      if (!byName.has(template.name)) byName.set(template.name, template);
    }
    if (dirname(folder) === folder) break;
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function readCustomTemplate(template: CustomTemplate): string {
  return readFileSync(template.path, 'utf8');
}

function templatesIn(folder: string): CustomTemplate[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // no templates folder here, which is the usual case
  }
  return names
    .filter((name) => /\.md$/i.test(name) && isFileSync(join(folder, name)))
    .map((name) => ({ name: customTemplateName(name), path: join(folder, name) }));
}
