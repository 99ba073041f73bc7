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
