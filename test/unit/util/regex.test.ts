import assert from 'node:assert/strict';
import { withFastBoundaries } from '../../../server/src/util/regex';

/** A small seeded generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Letters that fold to ASCII under `iu` (long s, Kelvin sign), an astral character, a dotless i, digits, punctuation.
const ALPHABET = ['a', 'b', 'e', 'g', 'i', 'k', 'K', 'l', 'n', 'o', 'r', 's', 'S', 't', 'w', 'y', 'ſ', '\u212A', 'ı', 'é', '1', '0', '_', ' ', ' ', '-', '.', ',', '’', '😀', '\n'];
const WORDS = ['will', 'may', 'likely', 'goal', 'goals', 'non-goal', 'test', 'tests', 'see', 'be ', 'by ', 'kb', 'sk'];

function samples(count: number, seed: number): string[] {
  const next = random(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let j = 0; j < length; j++) text += next() < 0.35 ? WORDS[Math.floor(next() * WORDS.length)] : ALPHABET[Math.floor(next() * ALPHABET.length)];
    texts.push(text);
  }
  return texts;
}

function assertSameMatches(original: RegExp, fast: RegExp, texts: readonly string[]): void {
  for (const text of texts) {
    original.lastIndex = 0;
    const expected = original.exec(text);
    fast.lastIndex = 0;
    const actual = fast.exec(text);
    assert.deepEqual(actual && { match: [...actual], index: actual.index, groups: actual.groups }, expected && { match: [...expected], index: expected.index, groups: expected.groups }, `${original} on ${JSON.stringify(text)}`);
  }
}

describe('withFastBoundaries', () => {
  it('reads a word character the way \\b does under the i and u flags, for every character of the basic plane and beyond', () => {
    const after = withFastBoundaries(/a\b/iu);
    const before = withFastBoundaries(/\ba/iu);
    assert.equal(after.source, 'a(?!\\w)');
    assert.equal(before.source, '(?<!\\w)a');
    for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 251) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      assert.equal(after.test(`a${char}`), /a\b/iu.test(`a${char}`), `U+${code.toString(16)}`);
      assert.equal(before.test(`${char}a`), /\ba/iu.test(`${char}a`), `U+${code.toString(16)}`);
    }
  });

  it('rewrites a boundary only where the character on one side is certainly a word character', () => {
    const cases: Array<[RegExp, string]> = [
      [/\b(?:will|would)\s+likely\b/iu, '(?<!\\w)(?:will|would)\\s+likely(?!\\w)'],
      [/\bgoals?\b/iu, '(?<!\\w)goals?(?!\\w)'],
      [/\b(?:the\s+)?same\b/iu, '(?<!\\w)(?:the\\s+)?same(?!\\w)'],
      [/\b(?:-|x)y\b/iu, '\\b(?:-|x)y(?!\\w)'],
      [/\b\p{L}+\b/iu, '\\b\\p{L}+\\b'],
      [/x\s*\b/iu, 'x\\s*\\b'],
      [/(?:a|)\bb/iu, '(?:a|)(?<!\\w)b'],
      [/\b[a-z0-9_]+\b|\b[a-z-]\b/iu, '(?<!\\w)[a-z0-9_]+(?!\\w)|\\b[a-z-]\\b'],
      [/[\b]\bq/iu, '[\\b](?<!\\w)q'],
      [/(?<name>\bword)\b(?=\bnext)/iu, '(?<name>(?<!\\w)word)(?!\\w)(?=(?<!\\w)next)'],
      [/^\b$/iu, '^\\b$'],
    ];
    for (const [original, expected] of cases) assert.equal(withFastBoundaries(original).source, expected, String(original));
  });

  it('matches exactly what the original matches, groups included', () => {
    const patterns = [
      /\b(?:will|would|may)\s+(?:likely|eventually)\b/iu,
      /\bgoals?\b|\bnon[- ]?goals?\b/iu,
      /\b(?:the\s+)?(?:same|test)s?\b/iu,
      /(?<word>\b\w+\b)\s+\k<word>\b/iu,
      /^[\s-]*(?:slos?|kb)\b/iu,
      /\bby\s+(?:\p{L}+ing|means of)\b/iu,
      /(?:^|\s)(\bsk|\bks)\b/iu,
      /\b(?:ı|é|ſ)\b|\bK\b/iu,
      /\b(?:a|b)*\b/giu,
      /\B\bs\b\B/iu,
    ];
    const texts = samples(4000, 20261202);
    for (const pattern of patterns) assertSameMatches(pattern, withFastBoundaries(new RegExp(pattern)), texts);
  });

  it('keeps the global flag working: every match of matchAll is the same', () => {
    const original = /\b(?:may|will)\b/giu;
    const fast = withFastBoundaries(original);
    assert.equal(fast.flags, original.flags);
    for (const text of samples(500, 7)) assert.deepEqual([...text.matchAll(fast)].map((m) => m.index), [...text.matchAll(original)].map((m) => m.index));
  });

  it('leaves other expressions alone', () => {
    for (const expression of [/\bwill\b/i, /\bwill\b/u, /\bwill\b/, /will/iu]) assert.equal(withFastBoundaries(expression), expression);
  });
});
