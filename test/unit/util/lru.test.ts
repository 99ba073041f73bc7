import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { LinkTargetCache } from '../../../server/src/fs/link-targets';
import { InMemoryHost } from '../../../server/src/host/memory-host';
import { analyzeDocument } from '../../../server/src/pipeline/analyze-document';
import { LruCache } from '../../../server/src/util/lru';

describe('LruCache', () => {
  it('forgets the least recently used entry once full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.deepEqual([...cache.keys()], ['a', 'c']);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.size, 2);
  });

  it('computes a missing value once', () => {
    const cache = new LruCache<string, number>(4);
    let calls = 0;
    const create = () => ++calls;
    assert.equal(cache.getOrCreate('x', create), 1);
    assert.equal(cache.getOrCreate('x', create), 1);
    assert.equal(calls, 1);
  });

  it('keeps a value that is undefined-like but present', () => {
    const cache = new LruCache<string, number | undefined>(2);
    cache.set('a', undefined);
    assert.equal(cache.has('a'), true);
    assert.equal(cache.getOrCreate('a', () => 5), undefined);
  });

  it('lists its entries least recently used first without making them more recent', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1).set('b', 2).set('c', 3);
    cache.get('a');
    assert.deepEqual([...cache.items()], [['b', 2], ['c', 3], ['a', 1]]);
    cache.set('d', 4);
    assert.deepEqual([...cache.keys()], ['c', 'a', 'd']);
  });

  it('lets its caller delete entries while going through them', () => {
    const cache = new LruCache<string, number>(4);
    cache.set('a', 1).set('b', 2).set('c', 3).set('d', 4);
    for (const [key, value] of cache.items()) if (value % 2 === 0) cache.delete(key);
    assert.deepEqual([...cache.keys()], ['a', 'c']);
    assert.equal(cache.size, 2);
  });

  it('makes an entry most recent when it is set again, with the new value', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2).set('a', 3);
    cache.set('c', 4);
    assert.deepEqual([...cache.items()], [['a', 3], ['c', 4]]);
  });

  it('starts empty again after clear', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    cache.clear();
    cache.set('c', 3);
    assert.deepEqual([...cache.items()], [['c', 3]]);
    assert.equal(cache.get('a'), undefined);
  });

  it('refuses a size below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});

describe('the anchors of linked files', () => {
  it('are forgotten for the least recently linked files once the cache is full', async () => {
    const files: Record<string, string> = {};
    const links: string[] = [];
    for (let i = 0; i < 5; i++) {
      files[`/w/docs/d${i}.md`] = `# D${i}\n`;
      links.push(`[d${i}](../docs/d${i}.md#d${i})`);
    }
    const cache = new LinkTargetCache(3);
    const text = `# Spec\n\n${links.join(' ')}\n`;
    await analyzeDocument(text, pathToFileURL('/w/specs/a.spec.md').href, { host: new InMemoryHost(files), linkTargetCache: cache });
    assert.equal(cache.size, 3);
  });
});
