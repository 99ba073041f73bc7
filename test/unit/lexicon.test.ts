import assert from 'node:assert/strict';
import { createLexicon, termKey } from '../../server/src/lexicon/lexicon';
import { findQuantities, hasQuantity, TIME_KINDS } from '../../server/src/lexicon/quantity';
import { BUILTIN_TERMS, settledBy } from '../../server/src/lexicon/terms';

function terms(text: string, lexicon = createLexicon()): string[] {
  return lexicon.find(text).map((match) => text.slice(match.start, match.end));
}

describe('lexicon', () => {
  it('gives every built-in term a category, a hint and a source, once', () => {
    const keys = BUILTIN_TERMS.map((entry) => termKey(entry.term));
    assert.equal(new Set(keys).size, keys.length, 'duplicate terms');
    for (const entry of BUILTIN_TERMS) {
      assert.ok(entry.category && entry.hint.length > 10 && entry.sources?.length, entry.term);
    }
  });

  it('finds whole words case-insensitively, longest phrase first, in text order', () => {
    const text = 'Search must be Fast, user-friendly and handle a large number of files etc.';
    const found = createLexicon().find(text);
    assert.deepEqual(found.map((match) => text.slice(match.start, match.end)), ['Fast', 'user-friendly', 'a large number of', 'etc.']);
    assert.deepEqual(found.map((match) => match.entry.term), ['fast', 'user friendly', 'a large number of', 'etc.']);
    assert.deepEqual([found[0].start, found[0].end], [15, 19]);
  });

  it('treats a space in a term as a hyphen and the trailing period of "etc." as optional', () => {
    assert.deepEqual(terms('A user friendly, easy-to-use form, PDF etc'), ['user friendly', 'easy-to-use', 'etc']);
  });

  it('matches "*" as exactly one word', () => {
    assert.deepEqual(terms('Keep it as robust as possible and as soon as possible.'), ['as robust as possible', 'as soon as possible']);
    assert.deepEqual(terms('as very very robust as possible'), ['robust']);
  });

  it('matches "#" as one number, with a unit written straight after it or a range', () => {
    assert.deepEqual(terms('Start in about 5 s, around 5-10% of the time, about 5ms; store data about users.'), [
      'about 5', 'around 5-10%', 'about 5ms',
    ]);
    assert.equal(createLexicon().lookup('about 30')?.term, 'about #');
    assert.equal(createLexicon().lookup('about users'), undefined);
  });

  it('finds bounds asked for without a value, not the adjective that names a parameter', () => {
    assert.deepEqual(terms('Keep retries to a minimum, with a minimum of driver action, as a minimum.'), [
      'to a minimum', 'a minimum of', 'as a minimum',
    ]);
    assert.deepEqual(terms('The minimum supported version and the maximum file size.'), []);
  });

  it('does not match inside words, hyphenated compounds, paths or names', () => {
    assert.deepEqual(terms('breakfast, fast-forward, fastest, /etc/hosts, config.simple, somehow'), []);
  });

  it('skips technical phrases that contain a vague word', () => {
    assert.deepEqual(terms('Use the most recent token, at most 3 retries, little-endian, a long press.'), []);
    assert.deepEqual(terms('Clear the cache. Messages must be clear.'), ['clear']);
    assert.deepEqual(terms('Node 20 or higher, no longer available, best effort delivery, worst case, 429 Too Many Requests.'), []);
    assert.deepEqual(terms('Fields marked as required, as required by GDPR, as detailed in section 2; retry as required.'), ['as required']);
  });

  it('answers a text asked again with the same matches, in a list nobody can change', () => {
    const lexicon = createLexicon();
    const text = 'The service should be fast and scalable.';
    const first = lexicon.find(text);
    const again = lexicon.find(`${text} `.trim());
    assert.deepEqual(again, first);
    assert.deepEqual(terms(text, lexicon), ['fast', 'scalable']);
    assert.ok(Object.isFrozen(first));
    assert.deepEqual(terms('A fast path.', createLexicon({ remove: ['fast'] })), []);
  });

  it('looks up terms as written, including wildcard terms', () => {
    const lexicon = createLexicon();
    assert.equal(lexicon.lookup('User-Friendly')?.term, 'user friendly');
    assert.equal(lexicon.lookup('ETC')?.term, 'etc.');
    assert.equal(lexicon.lookup('as cheap as possible')?.term, 'as * as possible');
    assert.equal(lexicon.lookup('swift'), undefined);
  });

  it('applies vocabulary additions and removals', () => {
    const lexicon = createLexicon({
      add: ['snappy-ish', { term: 'blazingly', category: 'ambiguous', hint: 'give a number' }],
      remove: ['fast', 'ETC.'],
    });
    assert.deepEqual(terms('fast, snappy ish, blazingly, etc.', lexicon), ['snappy ish', 'blazingly']);
    assert.equal(lexicon.lookup('snappy-ish')?.category, 'custom');
    assert.equal(lexicon.lookup('blazingly')?.hint, 'give a number');
    assert.equal(lexicon.lookup('fast'), undefined);
  });

  it('lets an added term override a built-in and a benign phrase', () => {
    const lexicon = createLexicon({ add: [{ term: 'fast', hint: 'our own hint' }, 'most recent'] });
    assert.equal(lexicon.lookup('fast')?.hint, 'our own hint');
    assert.deepEqual(terms('the most recent value', lexicon), ['most recent']);
  });

  it('escapes regular-expression characters in added terms', () => {
    assert.deepEqual(terms('c++ (beta) and c-- here', createLexicon({ add: ['c++ (beta)'] })), ['c++ (beta)']);
  });

  it('knows which quantity settles a term', () => {
    const lexicon = createLexicon();
    assert.equal(settledBy(lexicon.lookup('fast')!), 'time');
    assert.equal(settledBy(lexicon.lookup('large')!), 'any');
    assert.equal(settledBy(lexicon.lookup('etc.')!), 'none');
    assert.equal(settledBy(lexicon.lookup('if possible')!), 'none');
    assert.equal(settledBy(lexicon.lookup('a minimum of')!), 'any');
    assert.equal(settledBy(lexicon.lookup('as a minimum')!), 'none');
    assert.equal(settledBy(lexicon.lookup('about 5')!), 'none');
  });
});

describe('quantities', () => {
  const kinds = (text: string): string[] => findQuantities(text).map((quantity) => `${text.slice(quantity.start, quantity.end)}:${quantity.kind}`);

  it('recognises numbers with units, percentiles, percentages and bounds', () => {
    assert.deepEqual(kinds('p95 < 200 ms'), ['p95:time', '<:bound', '200 ms:time']);
    assert.deepEqual(kinds('99.9% uptime, 10k requests/s, 5 MB, 1 000 users, 5-8 seconds'), [
      '99.9%:percent', '10k requests/s:rate', '5 MB:size', '1 000 users:count', '5-8 seconds:time',
    ]);
    assert.deepEqual(kinds('within two minutes at the 95th percentile'), ['within:bound', 'two minutes:time', '95th percentile:time']);
  });

  it('recognises physical units: length, frequency, power, temperature, sound level', () => {
    assert.deepEqual(kinds('5mm high, 900 MHz, 2 W, 12 V, 20 °C, 70 dBA, within 3 m'), [
      '5mm:physical', '900 MHz:physical', '2 W:physical', '12 V:physical', '20 °C:physical', '70 dBA:physical',
      'within:bound', '3 m:physical',
    ]);
  });

  it('ignores identifiers, versions and bare numbers', () => {
    assert.deepEqual(kinds('REQ-12 in version 2 of RFC 2119, section 3.2, v1.5 s3, 5G networks'), []);
  });

  it('gives a text asked about again the same frozen quantities', () => {
    const text = ['within 30 s', 'or 5 MB'].join(' ');
    const first = findQuantities(text);
    assert.equal(findQuantities(text), first);
    assert.ok(Object.isFrozen(first) && first.every((quantity) => Object.isFrozen(quantity)));
    assert.equal(hasQuantity(text, new Set(['size'])), true);
    assert.equal(hasQuantity(text, new Set(['percent'])), false);
    assert.deepEqual(findQuantities('no numbers here'), []);
  });

  it('tells time targets from others', () => {
    assert.equal(hasQuantity('up to 50 MB', TIME_KINDS), false);
    assert.equal(hasQuantity('within 30 s', TIME_KINDS), true);
  });

  it('reads number words as numbers only where a word starts, or straight after a bound word', () => {
    assert.equal(hasQuantity('Someone often changes the network component.'), false);
    assert.deepEqual(kinds('at most five retries, two users'), ['at most:bound', 'five retries:count', 'two users:count']);
    assert.deepEqual(kinds('at leastfive retries'), ['at least:bound']);
  });
});
