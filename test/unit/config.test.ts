import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import schema from '../../schemas/specready.schema.json';
import { ConfigError, formatConfigError } from '../../server/src/config/errors';
import { findJsonSyntaxError } from '../../server/src/config/json-syntax';
import { clearConfigCache, findConfigFile, loadConfigFile, loadConfigFor } from '../../server/src/config/load';
import { parseConfigText } from '../../server/src/config/parse';
import { CONFIG_SCHEMA, validateSchema } from '../../server/src/config/schema';
import { closestMatch, editDistance } from '../../server/src/config/suggest';
import { RULES } from '../../server/src/rules/registry';
import { SECTION_CATALOG } from '../../server/src/sections/catalog';

const FIXED_RULE_IDS = [
  'missing-section', 'empty-section', 'placeholder', 'vague-term', 'weak-modal', 'unmeasurable-requirement',
  'untestable-criterion', 'untraced-requirement', 'duplicate-id', 'unknown-reference', 'hidden-context',
  'broken-link', 'invalid-code-block', 'secret', 'open-question', 'api-endpoint-incomplete',
];

/** The single error of a text, as "line:column: message". */
function onlyError(text: string, fileName = '.specready.yaml'): string {
  const { config, errors } = parseConfigText(text, fileName);
  assert.equal(config, undefined);
  assert.equal(errors.length, 1, errors.map(formatConfigError).join('\n'));
  return `${errors[0].line}:${errors[0].column}: ${errors[0].message}`;
}

describe('parseConfigText', () => {
  it('accepts a complete YAML configuration', () => {
    const text = [
      'include: ["docs/**/*.md"]',
      'exclude: ["docs/drafts/**"]',
      'profile: payments',
      'profiles:',
      '  payments:',
      '    extends: service',
      '    description: Payment services',
      '    required: [context, scope, rollback]',
      '    recommended: [open-questions]',
      'rules:',
      '  vague-term: error',
      '  weak-modal: off',
      'vocabulary:',
      '  add: [snappy, { term: world-class, category: subjective, hint: name the benchmark }]',
      '  remove: [robust]',
      'aliases:',
      '  context: [Why we are doing this]',
      "idPattern: 'PAY-\\d+'",
      'threshold: 75',
    ].join('\n');
    const { config, errors } = parseConfigText(text, '.specready.yaml');
    assert.deepEqual(errors, []);
    assert.equal(config?.profile, 'payments');
    assert.equal(config?.rules?.['weak-modal'], 'off');
    assert.equal(config?.idPattern, 'PAY-\\d+');
    assert.deepEqual(config?.vocabulary?.add?.[1], { term: 'world-class', category: 'subjective', hint: 'name the benchmark' });
  });

  it('accepts JSON, including tab indentation and a $schema key', () => {
    const text = '{\n\t"$schema": "./schemas/specready.schema.json",\n\t"threshold": 90,\n\t"rules": { "secret": "error" }\n}\n';
    const { config, errors } = parseConfigText(text, '.specready.json');
    assert.deepEqual(errors, []);
    assert.deepEqual(config, { $schema: './schemas/specready.schema.json', threshold: 90, rules: { secret: 'error' } });
  });

  it('treats an empty or comment-only YAML file as an empty configuration', () => {
    assert.deepEqual(parseConfigText('', '.specready.yml'), { config: {}, errors: [] });
    assert.deepEqual(parseConfigText('# nothing yet\n', '.specready.yml'), { config: {}, errors: [] });
  });

  it('ignores a byte order mark', () => {
    assert.deepEqual(parseConfigText('\uFEFF{"threshold": 50}', '.specready.json').config, { threshold: 50 });
  });

  it('sets the file name on every error', () => {
    const { errors } = parseConfigText('threshold: x\n', '/repo/.specready.yaml');
    assert.equal(errors[0].file, '/repo/.specready.yaml');
    assert.ok(errors[0] instanceof ConfigError);
    assert.equal(formatConfigError(errors[0]), '/repo/.specready.yaml:1:12: "threshold" must be a number, not the string "x"');
  });

  describe('syntax errors', () => {
    it('reports YAML syntax errors with line and column', () => {
      assert.match(onlyError('rules:\n  vague-term: [error\n'), /^3:1: /);
      assert.match(onlyError('a: b: c\n'), /^1:4: Nested mappings/);
    });

    it('reports duplicate keys at the second occurrence', () => {
      assert.equal(onlyError('threshold: 50\nprofile: api\nthreshold: 60\n'), '3:1: duplicate key "threshold" (first defined on line 1)');
      assert.equal(onlyError('{"rules": {"secret": "off", "secret": "error"}}', '.specready.json'),
        '1:29: duplicate key "secret" (first defined on line 1)');
    });

    it('reports a second YAML document', () => {
      assert.match(onlyError('threshold: 50\n---\nprofile: api\n'), /^2:1: the file holds more than one YAML document/);
    });

    it('reports JSON syntax errors precisely, where JSON.parse gives no position', () => {
      assert.equal(onlyError('{\n  "threshold": 80,\n}\n', 'a.json'), "2:18: trailing comma before '}' is not allowed in JSON");
      assert.equal(onlyError('{\n  "threshold": tru\n}\n', 'a.json'), '2:16: expected a value, found "tru"');
      assert.equal(onlyError('{\n  // note\n  "threshold": 1\n}', 'a.json'), '2:3: comments are not allowed in JSON');
      assert.equal(onlyError("{'threshold': 1}", 'a.json'), '1:2: expected a property name in double quotes, found "\'"');
      assert.equal(onlyError('{"threshold" 1}', 'a.json'), '1:14: expected \':\' after the property name, found "1"');
      assert.equal(onlyError('{"threshold": 1} x', 'a.json'), '1:18: unexpected content after the end of the JSON value');
      assert.equal(onlyError('', 'a.json'), '1:1: unexpected end of file, expected a value');
    });

    it('does not apply YAML leniency to .json files', () => {
      assert.equal(onlyError('threshold: 1\n', '.specready.json'), '1:1: expected a value, found "threshold"');
    });
  });

  describe('schema violations', () => {
    it('reports an unknown key at the key, with a suggestion', () => {
      assert.equal(onlyError('profile: api\nthreshhold: 80\n'), '2:1: unknown key "threshhold"; did you mean "threshold"?');
    });

    it('lists the known keys when nothing is close', () => {
      assert.match(onlyError('colour: red\n'), /^1:1: unknown key "colour" \(expected one of: \$schema, include, exclude, profile/);
    });

    it('reports wrong types', () => {
      assert.equal(onlyError('threshold: "80"\n'), '1:12: "threshold" must be a number, not the string "80"');
      assert.equal(onlyError('include: "**/*.md"\n'), '1:10: "include" must be a list, not the string "**/*.md"');
      assert.equal(onlyError('rules:\n  - vague-term\n'), '1:1: "rules" must be a mapping, not a list');
      assert.equal(onlyError('profile:\n'), '1:9: "profile" must be a string, not empty');
    });

    it('reports a bad rule level with a suggestion', () => {
      assert.equal(onlyError('rules:\n  vague-term: errors\n'),
        '2:15: "rules.vague-term" must be one of "off", "hint", "info", "warning", "error", not "errors"; did you mean "error"?');
    });

    it('reports an unknown rule id at its key', () => {
      assert.equal(onlyError('rules:\n  weak-modals: off\n'), '2:3: unknown key "weak-modals" in "rules"; did you mean "weak-modal"?');
    });

    it('reports an invalid regular expression in idPattern', () => {
      assert.equal(onlyError('idPattern: "REQ-(\\\\d+"\n'), '1:12: "idPattern" is not a valid regular expression: /REQ-(\\d+/g: Unterminated group');
    });

    it('rejects an idPattern that matches the empty string', () => {
      assert.equal(onlyError('idPattern: "[A-Z]*"\n'), '1:12: "idPattern" matches the empty string, so it would match everywhere');
    });

    it('reports a threshold outside 0..100', () => {
      assert.equal(onlyError('{"threshold": 101}', 'a.json'), '1:15: "threshold" must be between 0 and 100, not 101');
      assert.equal(onlyError('threshold: -1\n'), '1:12: "threshold" must be between 0 and 100, not -1');
    });

    it('reports problems inside lists with the index in the path', () => {
      assert.equal(onlyError('vocabulary:\n  add:\n    - fast\n    - category: speed\n'),
        '4:7: "vocabulary.add[1]" is missing the required key "term"');
      assert.equal(onlyError('vocabulary:\n  add: [fast, 3]\n'), '2:15: "vocabulary.add[1]" must be a string or a mapping, not the number 3');
      assert.equal(onlyError('include: ["a", ""]\n'), '1:16: "include[1]" must not be empty');
    });

    it('reports unknown sections in custom profiles and aliases', () => {
      assert.match(onlyError('profiles:\n  mine:\n    required: [context, bogus]\n'),
        /^3:25: "profiles\.mine\.required\[1\]" must be one of "context", /);
      assert.match(onlyError('aliases:\n  contxt: [Why]\n'), /^2:3: unknown key "contxt" in "aliases"; did you mean "context"\?/);
    });

    it('reports every violation, not just the first', () => {
      const { errors } = parseConfigText('threshold: 200\nrules:\n  secret: loud\nfoo: 1\n', '.specready.yaml');
      assert.deepEqual(errors.map((error) => error.line), [1, 3, 4]);
    });

    it('requires a mapping at the top level', () => {
      assert.equal(onlyError('- a\n- b\n'), '1:1: the configuration must be a mapping of keys to values');
      assert.equal(onlyError('[]', 'a.json'), '1:1: the configuration must be a mapping of keys to values');
    });

    it('gives an end position for editors', () => {
      const [error] = parseConfigText('threshold: 150\n', 'a.yaml').errors;
      assert.deepEqual([error.line, error.column, error.endLine, error.endColumn], [1, 12, 1, 15]);
    });
  });

  describe('profiles', () => {
    it('reports an unknown profile at its value', () => {
      assert.equal(onlyError('profile: servce\n'), '1:10: unknown profile "servce" (known: service, api, bugfix, integration, spec-kit, kiro, design, openspec, openspec-delta, openspec-change)');
    });

    it('accepts a custom profile as the profile', () => {
      assert.deepEqual(parseConfigText('profile: mine\nprofiles:\n  mine:\n    extends: api\n', 'a.yaml').errors, []);
    });

    it('reports an unknown base profile at "extends"', () => {
      assert.equal(onlyError('profiles:\n  mine:\n    extends: nope\n'), '3:14: unknown profile "nope" (known: service, api, bugfix, integration, spec-kit, kiro, design, openspec, openspec-delta, openspec-change, mine)');
    });

    it('reports an extends cycle', () => {
      const { errors } = parseConfigText('profiles:\n  a:\n    extends: b\n  b:\n    extends: a\n', 'a.yaml');
      assert.deepEqual(errors.map((error) => [error.line, error.message]), [
        [3, 'profile "a" extends itself (a -> b -> a)'],
        [5, 'profile "b" extends itself (b -> a -> b)'],
      ]);
    });
  });
});

describe('config schema', () => {
  it('is draft-07 and closed at the top level', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, false);
  });

  it('lists every fixed rule id and every registered rule', () => {
    const ids = Object.keys(schema.properties.rules.properties);
    for (const id of FIXED_RULE_IDS) assert.ok(ids.includes(id), `schema lacks rule ${id}`);
    for (const rule of RULES) assert.ok(ids.includes(rule.id), `schema lacks registered rule ${rule.id}; add it to schemas/specready.schema.json`);
  });

  it('lists every catalogue section for aliases and profiles', () => {
    const sections = SECTION_CATALOG.map((definition) => definition.id);
    assert.deepEqual(schema.definitions.sectionId.enum, sections);
    assert.deepEqual(Object.keys(schema.properties.aliases.properties), sections);
  });

  it('describes every property', () => {
    const undescribed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const [key, value] of Object.entries(properties)) {
        if (!(value as { description?: string }).description) undescribed.push(`${path}.${key}`);
        visit(value, `${path}.${key}`);
      }
    };
    visit(schema, '');
    for (const [name, definition] of Object.entries(schema.definitions)) visit(definition, `#${name}`);
    assert.deepEqual(undescribed, []);
  });

  it('validates its own defaults', () => {
    const defaults: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema.properties)) {
      if ('default' in value) defaults[key] = value.default;
    }
    assert.ok(Object.keys(defaults).length >= 4);
    assert.deepEqual(validateSchema(defaults, CONFIG_SCHEMA), []);
  });
});

describe('validateSchema', () => {
  it('supports integer, boolean and nested anyOf branches', () => {
    const custom = {
      type: 'object',
      properties: { n: { type: 'integer', minimum: 1 }, b: { type: 'boolean' }, x: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
    };
    assert.deepEqual(validateSchema({ n: 2, b: true, x: 3 }, custom), []);
    assert.deepEqual(validateSchema({ n: 1.5, b: 'yes', x: [] }, custom).map((violation) => violation.message), [
      '"n" must be an integer, not the number 1.5',
      '"b" must be a boolean, not the string "yes"',
      '"x" must be a string or a number, not a list',
    ]);
    assert.deepEqual(validateSchema({ n: 0 }, custom).map((violation) => violation.message), ['"n" must be at least 1, not 0']);
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '"a\\u00e9\\n"', '-1.5e3', 'true', 'null', ' { "a" : [ 1 , { "b" : false } ] } ']) {
      assert.equal(findJsonSyntaxError(text), undefined, text);
    }
  });

  it('locates errors', () => {
    assert.deepEqual(findJsonSyntaxError('[1, 2,\n ]'), { offset: 5, message: "trailing comma before ']' is not allowed in JSON" });
    assert.deepEqual(findJsonSyntaxError('{"a": "b\\x"}'), { offset: 8, message: 'invalid escape sequence in string' });
    assert.deepEqual(findJsonSyntaxError('{"a": "b'), { offset: 6, message: 'unterminated string' });
    assert.deepEqual(findJsonSyntaxError('{"a": 01}'), { offset: 6, message: 'invalid number' });
    assert.deepEqual(findJsonSyntaxError('{"a": "\t"}'), { offset: 7, message: 'control character in string (escape it, e.g. \\t)' });
    assert.deepEqual(findJsonSyntaxError('[1 2]'), { offset: 3, message: "expected ',' or ']' after the list item, found \"2\"" });
    assert.deepEqual(findJsonSyntaxError('{"a": 1'), { offset: 7, message: "unexpected end of file, expected ',' or '}' after the property value" });
  });
});

describe('suggestions', () => {
  it('measures edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('titel', 'title'), 1, 'a swap of neighbours is one typo');
    assert.equal(editDistance('ca', 'abc'), 3);
  });

  it('suggests only close matches', () => {
    assert.equal(closestMatch('treshold', ['threshold', 'profile']), 'threshold');
    assert.equal(closestMatch('zzz', ['threshold', 'profile']), undefined);
  });
});

describe('config files', () => {
  let root: string;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'specready-config-')));
    clearConfigCache();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    clearConfigCache();
  });

  it('finds the configuration in the nearest folder above', async () => {
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(root, '.specready.yml'), 'threshold: 10\n');
    writeFileSync(join(root, 'a', '.specready.json'), '{"threshold": 20}');
    assert.equal(await findConfigFile(join(root, 'a', 'b', 'c')), join(root, 'a', '.specready.json'));
    assert.equal(await findConfigFile(root), join(root, '.specready.yml'));
    assert.deepEqual((await loadConfigFor(join(root, 'a', 'b', 'c', 'x.spec.md'))).config, { threshold: 20 });
    assert.deepEqual((await loadConfigFor(join(root, 'x.spec.md'))).config, { threshold: 10 });
  });

  it('returns an empty configuration when there is none', async () => {
    mkdirSync(join(root, 'deep'));
    const loaded = await loadConfigFor(join(root, 'deep', 'x.spec.md'));
    // The temp folder may sit below a configuration of the machine; only assert when it does not.
    if (!loaded.file) assert.deepEqual(loaded, { config: {}, errors: [] });
  });

  it('lets an explicit configuration override discovery', async () => {
    writeFileSync(join(root, '.specready.yaml'), 'threshold: 10\n');
    writeFileSync(join(root, 'ci.yaml'), 'threshold: 99\n');
    const loaded = await loadConfigFor(join(root, 'x.spec.md'), join(root, 'ci.yaml'));
    assert.deepEqual(loaded.config, { threshold: 99 });
    assert.equal(loaded.file, join(root, 'ci.yaml'));
  });

  it('caches per folder and per file until cleared', async () => {
    writeFileSync(join(root, '.specready.yaml'), 'threshold: 10\n');
    assert.equal((await loadConfigFor(join(root, 'x.md'))).config.threshold, 10);
    writeFileSync(join(root, '.specready.yaml'), 'threshold: 30\n');
    assert.equal((await loadConfigFor(join(root, 'y.md'))).config.threshold, 10);
    clearConfigCache();
    assert.equal((await loadConfigFor(join(root, 'y.md'))).config.threshold, 30);
  });

  it('reports errors with the file name instead of throwing', async () => {
    writeFileSync(join(root, '.specready.yaml'), 'threshold: high\n');
    const loaded = await loadConfigFor(join(root, 'x.md'));
    assert.deepEqual(loaded.config, {});
    assert.equal(loaded.file, join(root, '.specready.yaml'));
    assert.equal(formatConfigError(loaded.errors[0]), `${join(root, '.specready.yaml')}:1:12: "threshold" must be a number, not the string "high"`);
  });

  it('reports a missing explicit file', async () => {
    const loaded = await loadConfigFile(join(root, 'missing.yaml'));
    assert.equal(loaded.errors[0].message, 'cannot read configuration: file not found');
  });

  it('rejects two configuration files in one folder', async () => {
    writeFileSync(join(root, '.specready.json'), '{}');
    writeFileSync(join(root, '.specready.yaml'), '{}');
    const loaded = await loadConfigFor(join(root, 'x.md'));
    assert.match(loaded.errors[0].message, /^several configuration files in one folder/);
    clearConfigCache();
    await assert.rejects(findConfigFile(root), ConfigError);
  });
});
