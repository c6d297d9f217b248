import { describe, expect, it } from 'vitest';
import { evenBatchSize } from '../../../server/ingest/write-pass.ts';

// Neo4j 5 keys a plan on a list parameter's length rounded up to a power of ten (1 and 0 exactly).
const bucket = (length: number) => (length <= 1 ? length : 10 ** Math.ceil(Math.log10(length)));

function sizes(count: number, batchSize: number): number[] {
  const out: number[] = [];
  let left = count;
  for (let index = 0; left > 0; index++) {
    const size = evenBatchSize(count, batchSize, index);
    out.push(size);
    left -= size;
  }
  return out;
}

describe('a group cut into write batches of even size', () => {
  it('holds every row once, in as few batches as can hold them, none above the batch size', () => {
    for (const batchSize of [1, 2, 7, 500, 10_000])
      for (const count of [
        1,
        2,
        3,
        batchSize - 1,
        batchSize,
        batchSize + 1,
        2 * batchSize + 3,
        37 * batchSize - 5,
      ]) {
        if (count < 1) continue;
        const cut = sizes(count, batchSize);
        expect(cut.reduce((sum, size) => sum + size, 0)).toBe(count);
        expect(cut.length).toBe(Math.ceil(count / batchSize));
        expect(Math.max(...cut)).toBeLessThanOrEqual(batchSize);
        expect(Math.max(...cut) - Math.min(...cut)).toBeLessThanOrEqual(1);
      }
  });

  it('leaves no small last batch: 10,038 rows are two of 5,019, not 10,000 and 38', () => {
    expect(sizes(10_038, 10_000)).toEqual([5_019, 5_019]);
    expect(sizes(14_770, 10_000)).toEqual([7_385, 7_385]);
    expect(sizes(297, 10_000)).toEqual([297]);
  });

  it('gives every batch of a group of more than a batch the size bucket of a full batch, so one plan', () => {
    for (const count of [10_001, 10_038, 14_770, 20_001, 123_457, 937_758])
      for (const size of sizes(count, 10_000)) expect(bucket(size)).toBe(bucket(10_000));
    // Cut into full batches, the last of 10,038 rows (38) would be planned anew.
    expect(bucket(10_038 % 10_000)).not.toBe(bucket(10_000));
  });
});
