// @ts-check
// Lint gate: typescript-eslint's type-checked recommendations plus the layer rules from
// docs/architecture.md. The pure analysis layers (model, lexicon, sections, rules, engine) must
// stay free of I/O and of the editor protocol, so that the CLI, the language server and the export
// all run the same code and the rules can be tested as plain functions.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_IO = 'The analysis layers do no I/O: take facts from the caller (RuleContext, the host in the pipeline).';

/** Node's own modules by their bare names (`fs`, `worker_threads`, `fs/promises`), matched exactly. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: NO_IO }));

/** Imports no pure analysis module may use. */
const IO_AND_PROTOCOL = [
  { group: ['node:*'], message: NO_IO },
  { group: ['vscode', 'vscode-*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The analysis layers do not know about the editor protocol; convert in server/src/lsp.' },
];

/** Modules above the analysis layers, relative to any folder of server/src. */
const UPPER_LAYERS = ['lsp', 'cli', 'fs', 'host', 'export', 'fixes', 'templates', 'docs', 'features', 'pipeline', 'mcp'].flatMap((layer) => [
  `../${layer}`,
  `../${layer}/*`,
  `../../${layer}`,
  `../../${layer}/*`,
]);

/** Configuration modules that read files (config/types and config/errors are pure). */
const CONFIG_IO = ['../config/load', '../config/load.*', '../../config/load'];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '**/*.js', 'scripts/**/*.mjs', 'eslint.config.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The compiler already reports unused locals and parameters (tsconfig noUnused*); a second
      // report with different rules for `_` names only adds noise.
      '@typescript-eslint/no-unused-vars': 'off',
      // Type-only imports keep the emitted modules free of accidental runtime edges.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Template literals with numbers are how messages are built throughout; booleans and
      // objects are still reported.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Pure analysis layers: no I/O, no editor protocol, nothing from the layers above.
    files: ['server/src/util/**', 'server/src/model/**', 'server/src/lexicon/**', 'server/src/sections/**', 'server/src/rules/**', 'server/src/score/**', 'server/src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: [...IO_AND_PROTOCOL, { group: [...UPPER_LAYERS, ...CONFIG_IO], message: 'Lower layers never import the layers above them (see docs/architecture.md).' }] }],
    },
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read the CLI's JSON output, exported bundles and package.json through JSON.parse and
      // assert on their shape; typing every such value first would only restate the assertions.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests cast protocol responses (`sendRequest(...) as Hover`) as readably as with type arguments.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Diagnostic messages are `string | MarkupContent` in the protocol types; the server sends strings.
      '@typescript-eslint/no-base-to-string': 'off',
      // Tests match ANSI colour escapes on purpose.
      'no-control-regex': 'off',
    },
  },
);
