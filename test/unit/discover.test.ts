import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearConfigCache } from '../../server/src/config/load';
import { DEFAULT_EXCLUDE } from '../../server/src/config/types';
import {
  discoverSpecFiles, hasSpecFrontMatter, isSpecDocument, isSpecPath, readHead, specFrontMatterFlag, specGlobs,
} from '../../server/src/fs/discover';

describe('isSpecPath', () => {
  it('matches the default include globs at any depth', () => {
    for (const path of ['a.spec.md', 'docs/login.spec.md', 'specs/a.md', 'x/specs/y/z.md', 'crm.handoff.md', './specs/a.md', '.github/specs/a.md']) {
      assert.equal(isSpecPath(path), true, path);
    }
  });

  it('does not match other Markdown', () => {
    for (const path of ['README.md', 'docs/guide.md', 'spec.md', 'specs.md', 'a.spec.txt', 'specsx/a.md']) {
      assert.equal(isSpecPath(path), false, path);
    }
  });

  it('applies the default excludes', () => {
    assert.equal(isSpecPath('node_modules/pkg/a.spec.md'), false);
    assert.equal(isSpecPath('a/node_modules/specs/b.md'), false);
    assert.equal(isSpecPath('.git/specs/a.md'), false);
  });

  it('accepts Windows separators', () => {
    assert.equal(isSpecPath('docs\\specs\\a.md'), true);
    assert.equal(isSpecPath('node_modules\\x\\a.spec.md'), false);
  });

  it('uses configured globs', () => {
    const globs = specGlobs({ include: ['design/**/*.md'], exclude: ['design/drafts/**'] });
    assert.deepEqual(globs.exclude, [...DEFAULT_EXCLUDE, 'design/drafts/**']);
    assert.equal(isSpecPath('design/api.md', globs.include, globs.exclude), true);
    assert.equal(isSpecPath('design/drafts/api.md', globs.include, globs.exclude), false);
    assert.equal(isSpecPath('a.spec.md', globs.include, globs.exclude), false);
  });
});

describe('front matter flag', () => {
  it('opts in with specready: true', () => {
    assert.equal(hasSpecFrontMatter('---\ntitle: Login\nspecready: true\n---\n# Login\n'), true);
    assert.equal(hasSpecFrontMatter('\uFEFF---\r\nspecready: true\r\n---\r\n'), true);
    assert.equal(hasSpecFrontMatter('---\nspecready: true\n...\n'), true);
  });

  it('is false for anything else', () => {
    for (const text of [
      '# No front matter\nspecready: true\n',
      '---\nspecready: "true"\n---\n',
      '---\nspecready: yes\n---\n',
      '---\nspecready: [true\n---\n',
      '---\n- specready\n---\n',
      '---\n---\n',
      '---\nspecready: true\n',
      '\n---\nspecready: true\n---\n',
    ]) {
      assert.equal(hasSpecFrontMatter(text), false, JSON.stringify(text));
    }
  });

  it('reports an explicit opt-out', () => {
    assert.equal(specFrontMatterFlag('---\nspecready: false\n---\n'), false);
    assert.equal(specFrontMatterFlag('---\ntitle: x\n---\n'), undefined);
  });

  it('decides documents for the language server: front matter first, then globs', () => {
    assert.equal(isSpecDocument('notes/x.md', '---\nspecready: true\n---\n'), true);
    assert.equal(isSpecDocument('specs/README.md', '---\nspecready: false\n---\n'), false);
    assert.equal(isSpecDocument('specs/a.md', '# A\n'), true);
    assert.equal(isSpecDocument('notes/x.md', '# X\n'), false);
    assert.equal(isSpecDocument('node_modules/x.md', '---\nspecready: true\n---\n'), false);
  });
});

describe('discoverSpecFiles', () => {
  let root: string;

  const write = (path: string, text = '# Spec\n'): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const discover = async (paths: string[], config?: string) => {
    const result = await discoverSpecFiles(paths, { cwd: root, config });
    return { ...result, files: result.files.map((file) => file.slice(root.length + 1)) };
  };

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-discover-')));
    clearConfigCache();
    write('a.spec.md');
    write('docs/b.handoff.md');
    write('docs/specs/c.md');
    write('docs/specs/nested/d.md');
    write('docs/guide.md');
    write('docs/notes/opt-in.md', '---\nspecready: true\n---\n# Notes\n');
    write('specs/README.md', '---\nspecready: false\n---\n# About specs\n');
    write('specs/e.md');
    write('node_modules/pkg/f.spec.md');
    write('README.md');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    clearConfigCache();
  });

  it('walks a folder with the default globs and front matter, sorted', async () => {
    const result = await discover(['.']);
    assert.deepEqual(result.files, [
      'a.spec.md', 'docs/b.handoff.md', 'docs/notes/opt-in.md', 'docs/specs/c.md', 'docs/specs/nested/d.md', 'specs/e.md',
    ]);
    assert.deepEqual(result.missing, []);
    assert.deepEqual(result.configErrors, []);
  });

  it('returns absolute forward-slash paths without duplicates', async () => {
    const result = await discoverSpecFiles(['.', 'a.spec.md', 'docs', './docs/specs/c.md'], { cwd: root });
    assert.equal(result.files.length, 6);
    assert.ok(result.files.every((file) => file.startsWith(`${root}/`) && !file.includes('\\')));
  });

  it('always checks files named explicitly', async () => {
    const result = await discover(['docs/guide.md', 'node_modules/pkg/f.spec.md', 'specs/README.md']);
    assert.deepEqual(result.files, ['docs/guide.md', 'node_modules/pkg/f.spec.md', 'specs/README.md']);
  });

  it('walks a sub-folder', async () => {
    assert.deepEqual((await discover(['docs/specs'])).files, ['docs/specs/c.md', 'docs/specs/nested/d.md']);
  });

  it('reports missing paths', async () => {
    const result = await discover(['nope', 'a.spec.md']);
    assert.deepEqual(result.missing, ['nope']);
    assert.deepEqual(result.files, ['a.spec.md']);
  });

  it('uses include and exclude from the configuration, relative to its folder', async () => {
    write('.specready.yaml', 'include: ["docs/**/*.md"]\nexclude: ["docs/notes/**"]\n');
    assert.deepEqual((await discover(['.'])).files, [
      'docs/b.handoff.md', 'docs/guide.md', 'docs/specs/c.md', 'docs/specs/nested/d.md',
    ]);
    clearConfigCache();
    assert.deepEqual((await discover(['docs/specs'])).files, ['docs/specs/c.md', 'docs/specs/nested/d.md']);
  });

  it('uses an explicit configuration with globs relative to the working directory', async () => {
    write('ci/specready.yml', 'include: ["specs/*.md"]\n');
    assert.deepEqual((await discover(['.'], join(root, 'ci/specready.yml'))).files, ['docs/notes/opt-in.md', 'specs/e.md']);
  });

  it('reports configuration errors instead of walking', async () => {
    write('.specready.yaml', 'include: "docs"\n');
    const result = await discover(['.']);
    assert.deepEqual(result.files, []);
    assert.equal(result.configErrors[0].message, '"include" must be a list, not the string "docs"');
  });
});

describe('readHead', () => {
  let root: string;
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'specready-head-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads past the first block when the front matter is long', async () => {
    const file = join(root, 'long.md');
    writeFileSync(file, `---\ndescription: "${'x'.repeat(10000)}"\nspecready: true\n---\n# Body\n${'y'.repeat(100000)}`);
    const head = await readHead(file);
    assert.ok(head.length < 70000);
    assert.equal(hasSpecFrontMatter(head), true);
  });

  it('returns an empty string for an unreadable file', async () => {
    assert.equal(await readHead(join(root, 'missing.md')), '');
  });
});
