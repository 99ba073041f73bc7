import assert from 'node:assert/strict';
import { firstIndexWhere } from '../../../server/src/util/indexed';
import { lastStartAtOrBefore } from '../../../server/src/model/text';

describe('firstIndexWhere', () => {
  it('finds the first index where a monotone test starts to hold', () => {
    const starts = [0, 4, 4, 9, 20];
    assert.equal(firstIndexWhere(starts.length, (i) => starts[i] >= 4), 1);
    assert.equal(firstIndexWhere(starts.length, (i) => starts[i] > 4), 3);
    assert.equal(firstIndexWhere(starts.length, (i) => starts[i] >= 0), 0);
  });

  it('gives the length when the test never holds, and 0 for no items', () => {
    assert.equal(firstIndexWhere(3, () => false), 3);
    assert.equal(firstIndexWhere(0, () => true), 0);
  });

  it('agrees with a linear scan on every offset', () => {
    const starts = [0, 3, 3, 7, 8, 15];
    for (let offset = -1; offset <= 16; offset++) {
      const linear = starts.findIndex((start) => start >= offset);
      assert.equal(firstIndexWhere(starts.length, (i) => starts[i] >= offset), linear === -1 ? starts.length : linear, `offset ${offset}`);
    }
  });
});

describe('lastStartAtOrBefore', () => {
  it('gives the line of an offset, and 0 before the first start', () => {
    const lineStarts = [0, 10, 25];
    assert.equal(lastStartAtOrBefore(lineStarts, 0), 0);
    assert.equal(lastStartAtOrBefore(lineStarts, 9), 0);
    assert.equal(lastStartAtOrBefore(lineStarts, 10), 1);
    assert.equal(lastStartAtOrBefore(lineStarts, 100), 2);
    assert.equal(lastStartAtOrBefore([5, 9], 2), 0);
  });
});
