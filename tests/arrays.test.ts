import { describe, expect, it } from 'vitest';
import { groupBy, grown, insertionSort } from '../src/arrays.js';

describe('grown', () => {
  it('keeps an array that holds enough, else copies into one at least twice as long', () => {
    const a = Int32Array.of(1, 2);
    expect(grown(a, 2)).toBe(a);
    expect([...grown(a, 3)]).toEqual([1, 2, 0, 0]);
    expect(grown(a, 9).length).toBe(9);
  });
});

describe('groupBy', () => {
  it('groups in the order of the first item of each group, items in input order', () => {
    const units = [{ t: 'b', n: 1 }, { t: 'a', n: 2 }, { t: 'b', n: 3 }];
    expect([...groupBy(units, (u) => u.t)].map(([k, list]) => [k, list.map((u) => u.n)])).toEqual([['b', [1, 3]], ['a', [2]]]);
  });
});

describe('insertionSort', () => {
  it('sorts the first n numbers ascending in place and leaves the rest', () => {
    expect(insertionSort([5, 3, 9, 1, 0], 4)).toEqual([1, 3, 5, 9, 0]);
    expect([...insertionSort(Int32Array.of(2, 2, -1), 3)]).toEqual([-1, 2, 2]);
    expect(insertionSort([], 0)).toEqual([]);
  });
});
