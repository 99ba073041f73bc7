import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findJsonProblem, findJsonSequenceProblem } from '../../server/src/model/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonProblem', () => {
  it('locates each kind of problem', () => {
    assert.deepEqual(findJsonProblem('{"a": 1,}'), { kind: 'trailing-comma', offset: 7, close: '}' });
    assert.deepEqual(findJsonProblem('[1, 2,\n ]'), { kind: 'trailing-comma', offset: 5, close: ']' });
    assert.deepEqual(findJsonProblem('{"a": 0x1f}'), { kind: 'invalid-number', offset: 6 });
    assert.deepEqual(findJsonProblem('[-]'), { kind: 'invalid-number', offset: 1 });
    assert.deepEqual(findJsonProblem('{"a": "b\\qc"}'), { kind: 'invalid-escape', offset: 8 });
    assert.deepEqual(findJsonProblem('{"a": "b\nc"}'), { kind: 'line-break-in-string', offset: 6, end: 8 });
    assert.deepEqual(findJsonProblem('{"a": "b'), { kind: 'unclosed-string', offset: 6 });
    assert.deepEqual(findJsonProblem('{"a":\u00a01}'), { kind: 'unexpected', offset: 5, expected: 'value', close: '}' });
    assert.deepEqual(findJsonProblem('{"a" 1}'), { kind: 'unexpected', offset: 5, expected: 'colon', close: '}' });
    assert.deepEqual(findJsonProblem('{"a": 1} 2'), { kind: 'unexpected', offset: 9, expected: 'end' });
    assert.deepEqual(findJsonProblem(''), { kind: 'unexpected', offset: 0, expected: 'value' });
  });

  it('accepts several values only as a sequence', () => {
    assert.equal(findJsonSequenceProblem('{"a": 1}\n{"b": 2}\n'), undefined);
    assert.deepEqual(findJsonSequenceProblem('{"a": 1}\n{"b" 2}'), { kind: 'unexpected', offset: 14, expected: 'colon', close: '}' });
    assert.deepEqual(findJsonSequenceProblem('{"a": 1}\n{"b": "c\nd"}'), { kind: 'line-break-in-string', offset: 15, end: 17 });
  });

  it('agrees with JSON.parse on what is valid JSON', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\x"', '1', '-1.5e3', '01', '-', 'true', 'nul', ' ', '\n', '\t', '\u00a0', '//', '/*x*/', "'a'", '"\t"');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      assert.equal(findJsonProblem(text) === undefined, parses(text), JSON.stringify(text));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      assert.equal(findJsonProblem(JSON.stringify(value, null, 2)), undefined);
    }), { numRuns: 300 });
  });
});
