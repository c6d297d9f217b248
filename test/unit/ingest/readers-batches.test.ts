import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecordBatches, readRecords } from '../../../server/ingest/readers/detect.ts';
import { oneByOne, type ReadItem } from '../../../server/ingest/readers/types.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ariadne-batches-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readers in batches', () => {
  it('give the records readRecords gives, in order, in batches of at most 1,024', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `p:${i},Person,Person ${i}`);
    const path = join(dir, 'entities.csv');
    await writeFile(path, `id,type,name\n${rows.join('\n')}\n`);
    const batched: ReadItem[] = [];
    const sizes: number[] = [];
    for await (const batch of readRecordBatches([path])) {
      sizes.push(batch.length);
      batched.push(...batch);
    }
    const single: ReadItem[] = [];
    for await (const item of readRecords([path])) single.push(item);
    expect(batched).toHaveLength(3_000);
    expect(batched).toEqual(single);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
  });

  it('stop the reader of batches when the caller stops early, and hand on its return value', async () => {
    let stopped = false;
    async function* batches(): AsyncGenerator<number[], string> {
      try {
        yield [1, 2];
        yield [3];
        return 'read';
      } finally {
        stopped = true;
      }
    }
    for await (const item of oneByOne(batches())) if (item === 1) break;
    expect(stopped).toBe(true);
    const all = oneByOne(batches());
    const seen: number[] = [];
    for (let next = await all.next(); ; next = await all.next()) {
      if (next.done === true) {
        expect(next.value).toBe('read');
        break;
      }
      seen.push(next.value);
    }
    expect(seen).toEqual([1, 2, 3]);
  });
});
