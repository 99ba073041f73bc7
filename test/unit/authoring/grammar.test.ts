/**
 * The injection grammar tokenised by a real TextMate engine (vscode-textmate with the
 * Oniguruma WebAssembly build, as in VS Code) on top of VS Code's Markdown grammar, shipped
 * as JSON by the tm-grammars package (MIT, from microsoft/vscode's markdown-basics).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const REPO = join(__dirname, '..', '..', '..', '..');
const INJECTION = 'specready.markdown.injection';
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  [INJECTION]: join(REPO, 'syntaxes', 'specready.injection.tmLanguage.json'),
};

interface Token {
  line: number;
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

async function markdownGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (scopeName) => {
      const path = GRAMMARS[scopeName];
      return Promise.resolve(path ? parseRawGrammar(readFileSync(path, 'utf8'), path) : null);
    },
    // What `contributes.grammars[].injectTo` does in VS Code.
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('Markdown grammar did not load');
  return grammar;
}

function tokenize(grammar: IGrammar, text: string): { lines: string[]; tokens: Token[] } {
  const lines = text.split('\n');
  const tokens: Token[] = [];
  let state = INITIAL;
  lines.forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const token of result.tokens) {
      tokens.push({ line: index, text: line.slice(token.startIndex, token.endIndex), start: token.startIndex, end: token.endIndex, scopes: token.scopes });
    }
  });
  return { lines, tokens };
}

describe('SpecReady injection grammar', function () {
  let lines: string[];
  let tokens: Token[];

  before(async function () {
    const grammar = await markdownGrammar();
    ({ lines, tokens } = tokenize(grammar, readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'unit', 'authoring', 'fixtures', 'highlighting.spec.md'), 'utf8')));
  });

  /** The line containing `marker` (which must occur on exactly one line). */
  function lineOf(marker: string): number {
    const found = lines.flatMap((line, index) => (line.includes(marker) ? [index] : []));
    assert.equal(found.length, 1, `"${marker}" is on ${found.length} lines`);
    return found[0];
  }

  /** SpecReady scopes of `text`, the `nth` occurrence on the line holding `marker`; it must be one token. */
  function specScopes(marker: string, text: string, nth = 0): string[] {
    const line = lineOf(marker);
    let start = -1;
    for (let i = 0; i <= nth; i++) start = lines[line].indexOf(text, start + 1);
    assert.ok(start >= 0, `"${text}" not on the line of "${marker}"`);
    const covering = tokens.filter((t) => t.line === line && t.start < start + text.length && t.end > start);
    const own = covering.flatMap((t) => t.scopes.filter((s) => s.endsWith('.specready') && !s.startsWith('meta.')));
    if (own.length > 0) {
      assert.equal(covering.length, 1, `"${text}" is split over ${covering.map((t) => JSON.stringify(t.text)).join(', ')}`);
      assert.equal(covering[0].text, text, `the token is "${covering[0].text}", not "${text}"`);
    }
    return [...new Set(own)];
  }

  const is = (marker: string, text: string, scope: string, nth = 0) =>
    assert.deepEqual(specScopes(marker, text, nth), [scope], `"${text}" near "${marker}"`);
  const plain = (marker: string, text: string, nth = 0) =>
    assert.deepEqual(specScopes(marker, text, nth), [], `"${text}" near "${marker}" is not highlighted`);

  it('marks RFC 2119 keywords in capitals by strength, also in headings and bold', () => {
    is('Partial refunds MUST', 'MUST', 'keyword.other.rfc2119.mandatory.specready');
    is('MUST NOT refund twice', 'MUST NOT', 'keyword.other.rfc2119.mandatory.specready');
    is('MUST NOT refund twice', 'SHOULD NOT', 'keyword.other.rfc2119.recommended.specready');
    is('it SHALL log', 'SHALL', 'keyword.other.rfc2119.mandatory.specready');
    is('it SHALL log', 'MAY', 'keyword.other.rfc2119.optional.specready');
    is('it SHALL log', 'OPTIONAL', 'keyword.other.rfc2119.optional.specready');
    is('it SHALL log', 'NOT RECOMMENDED', 'keyword.other.rfc2119.recommended.specready');
    is('**REQ-1**', 'MUST', 'keyword.other.rfc2119.mandatory.specready');
  });

  it('leaves lower-case modals and longer words alone', () => {
    plain('Lower-case must', 'must');
    plain('Lower-case must', 'should');
    plain('Lower-case must', 'MUSTARD');
  });

  it('marks placeholders as the placeholder rule finds them', () => {
    for (const text of ['TBD', 'TODO', '???']) is('The payload is TBD', text, 'invalid.illegal.placeholder.specready');
    for (const text of ['lorem ipsum', '<describe the payload>', '[fill in the owner]', '[NEEDS CLARIFICATION: who owns it?]', '<your-api-key>']) {
      is('lorem ipsum', text, 'invalid.illegal.placeholder.specready');
    }
  });

  it('does not take HTML for placeholders', () => {
    plain('HTML is not a placeholder', '<br />');
    plain('HTML is not a placeholder', '<img src="x.png">');
    plain('HTML is not a placeholder', '<span class="a b">');
  });

  it('marks requirement and criterion ids, but not encodings, hashes or standards', () => {
    is('Requirement ids', 'REQ-12', 'variable.other.constant.id.requirement.specready');
    is('Requirement ids', 'FR-3', 'variable.other.constant.id.requirement.specready');
    is('Requirement ids', 'NFR-2', 'variable.other.constant.id.requirement.specready');
    is('Requirement ids', 'AC-4', 'variable.other.constant.id.criterion.specready');
    is('Requirement ids', 'TC-1', 'variable.other.constant.id.criterion.specready');
    for (const text of ['UTF-8', 'SHA-256', 'ISO-8601', 'CVE-2024-1234', 'REQ-2-draft']) plain('Not ids', text);
    is('**REQ-1**', 'REQ-1', 'variable.other.constant.id.requirement.specready');
    is('**AC-1** (REQ-1)', 'AC-1', 'variable.other.constant.id.criterion.specready');
    is('**AC-1** (REQ-1)', 'REQ-1', 'variable.other.constant.id.requirement.specready');
  });

  it('marks Given/When/Then opening a criterion and its later clauses', () => {
    const marker = '**AC-1** (REQ-1)';
    is(marker, 'Given', 'keyword.control.criterion.given.specready');
    is(marker, 'when', 'keyword.control.criterion.when.specready');
    is(marker, 'then', 'keyword.control.criterion.then.specready');
    is(marker, 'and', 'keyword.control.criterion.and.specready', 2);
    is('1. Given a numbered', 'Given', 'keyword.control.criterion.given.specready');
    is('1. Given a numbered', 'when', 'keyword.control.criterion.when.specready');
    is('Given a criterion on its own line', 'Given', 'keyword.control.criterion.given.specready');
    is('Given a criterion on its own line', 'then', 'keyword.control.criterion.then.specready');
    is('When the agent retries', 'When', 'keyword.control.criterion.when.specready');
    is('Then the response is the same', 'Then', 'keyword.control.criterion.then.specready');
    is('And exactly one refund', 'And', 'keyword.control.criterion.and.specready');
  });

  it('keeps Markdown inline markup inside criteria, and code in them unmarked', () => {
    const marker = '**AC-2** (REQ-2)';
    is(marker, 'Given', 'keyword.control.criterion.given.specready');
    plain(marker, 'MUST');
    plain(marker, 'REQ-9');
    const line = lineOf(marker);
    const code = tokens.find((t) => t.line === line && t.text === 'MUST');
    assert.ok(code?.scopes.includes('markup.inline.raw.string.markdown'), 'inline code keeps its Markdown scope');
  });

  it('marks EARS keywords in capitals, and SHALL as an RFC 2119 keyword', () => {
    is('WHEN a refund fails', 'WHEN', 'keyword.control.ears.when.specready');
    is('WHEN a refund fails', 'THEN', 'keyword.control.ears.then.specready');
    is('WHEN a refund fails', 'SHALL', 'keyword.other.rfc2119.mandatory.specready');
    is('IF the provider is down', 'IF', 'keyword.control.ears.if.specready');
    is('IF the provider is down', 'WHILE', 'keyword.control.ears.while.specready');
    is('IF the provider is down', 'WHERE', 'keyword.control.ears.where.specready');
    plain('We ask, when can we ship', 'when');
  });

  it('does not treat when/then in ordinary prose as criterion keywords', () => {
    plain('We ask, when can we ship', 'when');
    plain('We ask, when can we ship', 'then');
    plain('We ask, when can we ship', 'Given');
  });

  it('is not applied inside code blocks, inline code, comments or link targets', () => {
    for (const text of ['MUST', 'TODO', 'REQ-5', 'Given', 'when']) plain('Guidance comment', text);
    for (const text of ['MUST', 'TODO', 'REQ-1', 'Given']) plain('"status": "MUST"', text);
    for (const text of ['MAY', 'TBD', 'AC-9']) plain('MAY TBD AC-9', text);
    for (const text of ['MUST', 'TODO', 'REQ-3']) plain('indented code MUST', text);
    plain('See the [refund doc]', 'REQ-1');
    plain('See the [refund doc]', 'TODO');
    plain('See the [refund doc]', 'TODO', 1);
  });
});
