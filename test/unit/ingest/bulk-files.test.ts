import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, writeBulkFiles } from '../../../server/ingest/bulk-files.ts';
import { readSpool, GroupedSpool } from '../../../server/ingest/spool.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ariadne-bulk-files-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const META = { user: 'tester', now: '2026-12-06T00:00:00.000Z' };

async function spools(entities: Record<string, unknown>[], links: Record<string, unknown>[] = []) {
  const nodes = new GroupedSpool(dir, 'entities');
  for (const row of entities) await nodes.write('Person', row);
  const rels = new GroupedSpool(dir, 'links');
  for (const row of links) await rels.write('ASSOCIATE_OF|Person|Person', row);
  await Promise.all([nodes.close(), rels.close()]);
  return { entities: nodes.files(), links: rels.files() };
}

const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

describe('writeBulkFiles', () => {
  it('declares each property with its type, and writes the bookkeeping a new record gets', async () => {
    const files = await writeBulkFiles(
      dir,
      await spools([
        {
          id: 'p1',
          name: 'Karim "K"',
          roles: ['organiser', 'guide'],
          capacity: 40,
          wanted: true,
          sources: ['s1'],
        },
      ]),
      META,
    );
    const [header, row] = lines(files.nodes[0]?.file ?? '');
    expect(header?.split(',')).toEqual([
      'id:ID',
      'name:string',
      'roles:string[]',
      'capacity:double',
      'wanted:boolean',
      'sources:string[]',
      'createdAt:string',
      'createdBy:string',
      'updatedAt:string',
      'nameKeys:string[]',
    ]);
    expect(row).toContain('"Karim ""K"""');
    expect(row).toContain(`"organiser${ARRAY_DELIMITER}guide"`);
    expect(row).toContain(',40,true,');
    expect(row).toContain('"tester"');
    expect(files.late.count).toBe(0);
  });

  it('keeps aside, whole, the values a cell cannot carry: empty lists, line breaks, another type', async () => {
    const files = await writeBulkFiles(
      dir,
      await spools([
        { id: 'p1', name: 'A', ref: 12, sources: ['s1'] },
        { id: 'p2', name: 'B', ref: 'A-12', tags: [], notes: 'one\ntwo', sources: ['s1'] },
      ]),
      META,
    );
    const late = [];
    for await (const value of readSpool(files.late.path)) late.push(value);
    expect(late).toEqual([
      { kind: 'node', label: 'Person', id: 'p2', props: { ref: 'A-12', notes: 'one\ntwo', tags: [] } },
    ]);
    const rows = lines(files.nodes[0]?.file ?? '');
    expect(rows[2]).not.toContain('A-12');
    expect(rows[2]).not.toContain('one');
  });

  it('writes a relationship file per link group, its ends first', async () => {
    const files = await writeBulkFiles(
      dir,
      await spools(
        [],
        [{ id: 'l1', source: 'p1', target: 'p2', weight: 0.5, sources: ['s1'], handling: 'H1' }],
      ),
      META,
    );
    expect(files.relationships.map((r) => [r.type, r.count])).toEqual([['ASSOCIATE_OF', 1]]);
    const [header, row] = lines(files.relationships[0]?.file ?? '');
    expect(header?.startsWith(':START_ID,:END_ID,id:string,weight:double,')).toBe(true);
    expect(row?.startsWith('"p1","p2","l1",0.5,')).toBe(true);
  });
});
