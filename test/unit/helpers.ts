import assert from 'node:assert/strict';
import { analyzeSpec, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { createLexicon } from '../../server/src/lexicon/lexicon';
import { parseSpec } from '../../server/src/model/parse';
import { resolveScope } from '../../server/src/model/scope';
import { offsetAt, computeLineStarts } from '../../server/src/model/text';
import type { Range } from '../../server/src/model/types';
import { DEFAULT_ID_PATTERN } from '../../server/src/config/types';
import { BUILTIN_PROFILES } from '../../server/src/sections/profiles';
import type { Finding, RawFinding, Rule, RuleContext } from '../../server/src/rules/types';

/**
 * A fresh fixture for each test of the enclosing describe: `create` runs before each test, and
 * what it returned is disposed of after the test, whether it passed or not.
 */
export function perTest(create: () => { dispose(): void }): void {
  let current: { dispose(): void } | undefined;
  beforeEach(() => {
    current = create();
  });
  afterEach(() => {
    current?.dispose();
    current = undefined;
  });
}

/** Runs one rule on a Markdown string with the default context (service profile). */
export function runRule(rule: Rule, markdown: string, context: Partial<RuleContext> = {}): RawFinding[] {
  const model = parseSpec(markdown, 'file:///test.spec.md');
  return rule.check(model, {
    profile: BUILTIN_PROFILES.service,
    lexicon: createLexicon(),
    idPattern: DEFAULT_ID_PATTERN,
    scope: resolveScope(model, rule.scope),
    ...context,
  });
}

/** The document text each finding of one rule covers (runRule, then textAt). */
export function foundTexts(rule: Rule, markdown: string, context: Partial<RuleContext> = {}): string[] {
  return runRule(rule, markdown, context).map((finding) => textAt(markdown, finding.range));
}

/** A document in a test: its lines (joined with "\n") or the whole text. */
export type TestDocument = string | readonly string[];

/** Tests that state what a rule reports in whole documents, one `it` each. */
export interface FindsTests<T> {
  /** A test named `name`: what is found in `document` is exactly `expected`, in order. */
  (name: string, document: TestDocument, expected: readonly T[]): void;
  /** A test named `name` over several documents, each with what is found in it. */
  each(name: string, ...cases: ReadonlyArray<readonly [TestDocument, readonly T[]]>): void;
}

/** `finds(name, document, expected)`: `found(document)` (what a rule reports, as texts or values) deep-equals `expected`. */
export function findsTests<T>(found: (markdown: string) => readonly T[]): FindsTests<T> {
  const check = (cases: ReadonlyArray<readonly [TestDocument, readonly T[]]>): void => {
    for (const [document, expected] of cases) assert.deepEqual(found(typeof document === 'string' ? document : document.join('\n')), expected);
  };
  const finds = (name: string, document: TestDocument, expected: readonly T[]): void => {
    it(name, () => check([[document, expected]]));
  };
  return Object.assign(finds, { each: (name: string, ...cases: ReadonlyArray<readonly [TestDocument, readonly T[]]>) => { it(name, () => check(cases)); } });
}

/** `found(markdown)`, the texts a rule reports (foundTexts), and `finds`, tests stated with it (findsTests). */
export function ruleTexts(rule: Rule): { found: (markdown: string, context?: Partial<RuleContext>) => string[]; finds: FindsTests<string> } {
  const found = (markdown: string, context: Partial<RuleContext> = {}): string[] => foundTexts(rule, markdown, context);
  return { found, finds: findsTests(found) };
}

/** The one finding of `findings`; fails, naming what was found, when there are none or several. */
export function onlyFinding<F extends { message: string }>(findings: readonly F[]): F {
  assert.equal(findings.length, 1, `expected one finding, found ${findings.length}: ${findings.map((finding) => finding.message).join(' | ')}`);
  return findings[0];
}

/** Findings of one rule id after the whole engine ran (suppressions, severities). */
export function findingsOf(ruleId: string, markdown: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeSpec(markdown, options).findings.filter((finding) => finding.rule === ruleId);
}

/** The document text a range covers. */
export function textAt(markdown: string, range: Range): string {
  const model = { text: markdown, lineStarts: computeLineStarts(markdown) };
  return markdown.slice(offsetAt(model, range.start), offsetAt(model, range.end));
}

/** A compact, comparable form of a range: "line:char-line:char" (0-based). */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
