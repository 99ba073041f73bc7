/**
 * `items[index]` where the caller's own logic keeps the index in range: a binary search's
 * midpoint, the line of an offset, a row of a table the caller sized. Throws a RangeError
 * instead of handing back `undefined` when that logic is wrong.
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} is outside the ${items.length} items`);
  return item;
}

/** The last item, or undefined for an empty list. */
export function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

/**
 * The first index in 0..`length` at which `reached(index)` holds, for a test that is false up to
 * some index and true from there on (`length` when it never holds): the binary search every
 * offset, line and start lookup over document-ordered items is built on.
 */
export function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
