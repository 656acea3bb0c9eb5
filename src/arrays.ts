/**
 * `a` when it holds `need` numbers, else a copy at least twice as long (growable lists of numbers
 * in the matcher's scratch space and the report's record store).
 */
export function grown(a: Int32Array, need: number = a.length + 1): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Items grouped by a key, groups in the order their first item comes, items in input order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Sort the first `n` numbers of `list` ascending, in place, by insertion: the fastest way for the
 * short lists of the matcher (a few pattern or category ids), with no comparator calls.
 */
export function insertionSort<L extends { [k: number]: number }>(list: L, n: number): L {
  for (let k = 1; k < n; k++) {
    const x = list[k]!;
    let j = k - 1;
    while (j >= 0 && list[j]! > x) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
