import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analysis/core/random.ts';
import { batchWritten, withBatch } from '../../../server/store/imports.ts';

const none = { batchesDone: 0, batchesAhead: [] as number[] };

describe("the Import node's record of the batches written", () => {
  it('counts batches written in order without a gap', () => {
    let record = none;
    for (const index of [0, 1, 2]) record = withBatch(record, index);
    expect(record).toEqual({ batchesDone: 3, batchesAhead: [] });
  });

  it('keeps a batch written before the one ahead of it apart, and folds it in when the gap closes', () => {
    const ahead = withBatch(withBatch(none, 0), 2);
    expect(ahead).toEqual({ batchesDone: 1, batchesAhead: [2] });
    expect(batchWritten(ahead, 1)).toBe(false);
    expect(batchWritten(ahead, 2)).toBe(true);
    expect(withBatch(ahead, 1)).toEqual({ batchesDone: 3, batchesAhead: [] });
  });

  it('says which batches a resumed import skips, whatever order they committed in', () => {
    for (let trial = 0; trial < 50; trial++) {
      const random = createRng(trial + 1);
      const order = [0, 1, 2, 3, 4, 5, 6, 7]
        .map((index) => ({ index, key: random() }))
        .sort((a, b) => a.key - b.key)
        .map(({ index }) => index);
      const committed = order.slice(0, 5);
      const record = committed.reduce(withBatch, none);
      for (let index = 0; index < 8; index++)
        expect(batchWritten(record, index)).toBe(committed.includes(index));
      expect(record.batchesAhead.every((i) => i > record.batchesDone)).toBe(true);
      expect(order.reduce(withBatch, none)).toEqual({ batchesDone: 8, batchesAhead: [] });
    }
  });

  it('records a batch written twice (a retried commit) once', () => {
    expect(withBatch(withBatch(withBatch(none, 1), 1), 0)).toEqual({ batchesDone: 2, batchesAhead: [] });
    expect(withBatch({ batchesDone: 3, batchesAhead: [] }, 1)).toEqual({ batchesDone: 3, batchesAhead: [] });
  });
});
