import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analysis/core/random.ts';
import { TieTable } from '../../../analysis/core/tie-table.ts';

describe('TieTable', () => {
  it('sums ties as a Map keyed by lo * n + hi does, in the same order, to the last bit', () => {
    const rng = createRng(11);
    const n = 100_000;
    const table = new TieTable(4);
    const map = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const a = Math.floor(rng() * (i % 3 === 0 ? 40 : n));
      const b = Math.floor(rng() * (i % 3 === 0 ? 40 : n));
      const weight = [1, 2, 3, 0.1, 1e-7, -0][i % 6] as number;
      table.add(a, b, weight);
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      map.set(key, (map.get(key) ?? 0) + weight);
    }
    const fromMap = [...map].map(([key, weight]) => [Math.floor(key / n), key % n, weight]);
    const fromTable = Array.from({ length: table.size }, (_, t) => [
      table.lo[t],
      table.hi[t],
      table.weight[t],
    ]);
    expect(fromTable).toEqual(fromMap);
    expect(fromTable.every(([, , w]) => !Object.is(w, -0))).toBe(true);
  });
});
