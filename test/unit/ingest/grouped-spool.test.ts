import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GroupedSpool, readSpool } from '../../../server/ingest/spool.ts';

const dir = mkdtempSync(join(tmpdir(), 'ariadne-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of readSpool(path)) out.push(value);
  return out;
}

describe('a grouped spool', () => {
  it('keeps each group in the order written and lists the groups by key, whatever order they came in', async () => {
    const spool = new GroupedSpool(dir, 'links');
    await spool.write('PAID|Person|Payment', { id: 'l1' });
    await spool.write('HOLDS|Person|Document', { id: 'l2' });
    await spool.write('PAID|Person|Payment', { id: 'l3' });
    await spool.close();
    const files = spool.files();
    expect(files.map(({ key, count }) => [key, count])).toEqual([
      ['HOLDS|Person|Document', 1],
      ['PAID|Person|Payment', 2],
    ]);
    expect(await all(files[1]?.path ?? '')).toEqual([{ id: 'l1' }, { id: 'l3' }]);
    expect(spool.count).toBe(3);
  });
});
