/**
 * The first syntax error of a JSON configuration file, worded for the configuration's error list.
 * Finding it is model/json-syntax.ts (jsonc-parser in strict mode); this file only words it.
 */
import { findJsonProblem, type JsonExpectation, type JsonProblem } from '../model/json-syntax';

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const problem = findJsonProblem(text);
  return problem && { offset: problem.offset, message: describe(problem, text) };
}

function describe(problem: JsonProblem, text: string): string {
  switch (problem.kind) {
    case 'comment': return 'comments are not allowed in JSON';
    case 'trailing-comma': return `trailing comma before '${problem.close}' is not allowed in JSON`;
    case 'line-break-in-string':
    case 'unclosed-string': return 'unterminated string';
    case 'control-character': return 'control character in string (escape it, e.g. \\t)';
    case 'invalid-escape': return 'invalid escape sequence in string';
    case 'invalid-number': return 'invalid number';
    case 'unexpected': {
      if (problem.expected === 'end') return 'unexpected content after the end of the JSON value';
      const expected = expectation(problem.expected, problem.close);
      if (problem.offset >= text.length) return `unexpected end of file, expected ${expected}`;
      const found = /^[\w$]+/.exec(text.slice(problem.offset))?.[0] ?? text[problem.offset];
      return `expected ${expected}, found ${JSON.stringify(found)}`;
    }
  }
}

function expectation(expected: Exclude<JsonExpectation, 'end'>, close: '}' | ']' | undefined): string {
  switch (expected) {
    case 'value': return 'a value';
    case 'property-name': return 'a property name in double quotes';
    case 'colon': return "':' after the property name";
    case 'comma-or-close': return close === '}' ? "',' or '}' after the property value" : "',' or ']' after the list item";
  }
}
