import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedRecordChunks } from '../../../server/ingest/changed-records.ts';
import { SpoolWriter } from '../../../server/ingest/spool.ts';
import type { Store } from '../../../server/store/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'ariadne-changed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function spool(name: string, values: object[]): Promise<string> {
  const writer = new SpoolWriter(join(dir, name));
  for (const value of values) await writer.write(value);
  await writer.close();
  return writer.path;
}

// Without a partition the chunks are read from the spools alone: no query is sent.
const NO_STORE = {} as Store;

describe('the records an import changed, read back in chunks', () => {
  it('hold every node and link once, in spool order, never more than the chunk size at a time', async () => {
    const people = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}` }));
    const calls = Array.from({ length: 6 }, (_, i) => ({
      id: `c${i}`,
      source: `p${i}`,
      target: `p${i + 1}`,
    }));
    const spools = {
      entities: [{ key: 'Person', path: await spool('person.ndjson', people) }],
      patches: [],
      links: [{ key: 'CONTACTED|Person|Person', path: await spool('contacted.ndjson', calls) }],
    };
    const whole = [];
    for await (const chunk of changedRecordChunks(NO_STORE, spools, undefined, 1_000)) whole.push(chunk);
    expect(whole).toHaveLength(1);
    const chunks = [];
    for await (const chunk of changedRecordChunks(NO_STORE, spools, undefined, 3)) chunks.push(chunk);
    expect(chunks.map((c) => c.nodes.length + c.links.length)).toEqual([3, 3, 3, 3, 1]);
    expect(chunks.flatMap((c) => c.nodes)).toEqual(whole[0]?.nodes);
    expect(chunks.flatMap((c) => c.links)).toEqual(whole[0]?.links);
    expect(whole[0]?.links[0]).toEqual({
      id: 'c0',
      type: 'CONTACTED',
      source: 'p0',
      target: 'p1',
      sourceLabel: 'Person',
      targetLabel: 'Person',
    });
  });
});
