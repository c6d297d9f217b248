import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../server/ingest/readers/csv.ts';
import { readNdjson } from '../../../server/ingest/readers/ndjson.ts';
import type { ReadItem } from '../../../server/ingest/readers/types.ts';

// Live heap is measured after a forced collection, so garbage awaiting collection does not count.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function liveHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

async function writeLines(path: string, count: number, line: (index: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(line(index))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** Reads everything, sampling the live heap every `every` items; returns the count and the peak growth. */
async function measure(
  items: AsyncIterable<ReadItem>,
  every: number,
): Promise<{ count: number; growth: number }> {
  const baseline = liveHeap();
  let peak = 0;
  let count = 0;
  for await (const _item of items) {
    count += 1;
    if (count % every === 0) peak = Math.max(peak, liveHeap() - baseline);
  }
  return { count, growth: peak };
}

const MiB = 1024 * 1024;
const notes = 'n'.repeat(300);

describe('streaming', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ariadne-stream-'));
    await writeLines(
      join(folder, 'large.ndjson'),
      100_000,
      (i) => `{"kind":"entity","type":"Person","id":"p${i}","name":"Person ${i}","notes":"${notes}"}\n`,
    );
    await writeLines(join(folder, 'one-line.ndjson'), 40, () => 'x'.repeat(MiB));
    await writeLines(join(folder, 'entities.csv'), 100_001, (i) =>
      i === 0 ? 'id,type,name,notes\n' : `p${i},Person,"Person, number ${i}",${notes}\n`,
    );
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reads a NDJSON file of tens of MB with small heap growth', async () => {
    const size = (await stat(join(folder, 'large.ndjson'))).size;
    expect(size).toBeGreaterThan(30 * MiB);
    const { count, growth } = await measure(readNdjson(join(folder, 'large.ndjson')), 10_000);
    expect(count).toBe(100_000);
    expect(growth).toBeLessThan(size / 4);
  });

  it('reads a CSV file of tens of MB with small heap growth', async () => {
    const size = (await stat(join(folder, 'entities.csv'))).size;
    expect(size).toBeGreaterThan(30 * MiB);
    const { count, growth } = await measure(readCsv(folder), 10_000);
    expect(count).toBe(100_000);
    expect(growth).toBeLessThan(size / 4);
  });

  it('reports a 40 MB line without a newline as too long, without holding it in memory', async () => {
    const items: ReadItem[] = [];
    const baseline = liveHeap();
    for await (const item of readNdjson(join(folder, 'one-line.ndjson'), { maxLineBytes: MiB }))
      items.push(item);
    expect(liveHeap() - baseline).toBeLessThan(8 * MiB);
    expect(items).toEqual([
      {
        file: join(folder, 'one-line.ndjson'),
        line: 1,
        message: expect.stringContaining('longer than the limit'),
      },
    ]);
  });
});
