import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, BulkCsv, writeBulkFiles } from '../../../server/ingest/bulk-files.ts';
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
// A group's header (its own file) and its rows, as the importer reads them: the header first.
const csv = (files: readonly string[] | undefined) => (files ?? []).flatMap(lines);

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
    const [header, row] = csv(files.nodes[0]?.files);
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
    const rows = csv(files.nodes[0]?.files);
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
    const [header, row] = csv(files.relationships[0]?.files);
    expect(header?.startsWith(':START_ID,:END_ID,id:string,weight:double,')).toBe(true);
    expect(row?.startsWith('"p1","p2","l1",0.5,')).toBe(true);
  });

  it('reads each group once: a column first seen late is declared, and earlier rows end before it', async () => {
    const files = await writeBulkFiles(
      dir,
      await spools([
        { id: 'p1', name: 'A', sources: ['s1'] },
        { id: 'p2', name: 'B', sources: ['s1'], birthPlace: 'Sfax' },
      ]),
      META,
    );
    const [headerFile, dataFile] = files.nodes[0]?.files ?? [];
    const header = lines(headerFile ?? '')[0]?.split(',') ?? [];
    expect(header.at(-1)).toBe('birthPlace:string');
    const [first, second] = lines(dataFile ?? '');
    expect(first?.split(',').length).toBe(header.length - 1);
    expect(second?.endsWith(',"Sfax"')).toBe(true);
    // A short row never ends in an empty cell, which the importer would misread.
    expect(lines(dataFile ?? '').some((line) => line.endsWith(','))).toBe(false);
  });

  it('gives an entity without names an empty list of name keys, set after the load', async () => {
    const files = await writeBulkFiles(dir, await spools([{ id: 'p1', sources: ['s1'] }]), META);
    const late = [];
    for await (const value of readSpool(files.late.path)) late.push(value);
    expect(late).toEqual([{ kind: 'node', label: 'Person', id: 'p1', props: { nameKeys: [] } }]);
  });

  it('takes records as they come, links after their check too, each group whole', async () => {
    const bulk = new BulkCsv(dir, META);
    await bulk.nodes.write('Person', { id: 'p1', name: 'A', sources: ['s1'] });
    await bulk.relationships.write('ASSOCIATE_OF|Person|Person', { id: 'l1', source: 'p1', target: 'p2' });
    await bulk.nodes.write('Person', { id: 'p2', name: 'B', sources: ['s1'] });
    // The check pass's links come after the entities were closed, into the same group.
    await bulk.nodes.close();
    await bulk.relationships.write('ASSOCIATE_OF|Person|Person', { id: 'l2', source: 'p2', target: 'p1' });
    const files = await bulk.finish();
    expect(files.nodes.map((n) => [n.label, n.count])).toEqual([['Person', 2]]);
    expect(bulk.relationships.files().map((g) => g.count)).toEqual([2]);
    const rows = csv(files.relationships[0]?.files).slice(1);
    expect(rows.map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      '"p1","p2","l1"',
      '"p2","p1","l2"',
    ]);
  });

  it('keeps the first failure to write, so that the caller can tell it from any other', async () => {
    const bulk = new BulkCsv(join(dir, 'missing'), META);
    await bulk.nodes.write('Person', { id: 'p1', name: 'A', sources: ['s1'] });
    await expect(bulk.finish()).rejects.toThrow(/ENOENT/);
    expect(bulk.failure?.message).toMatch(/ENOENT/);
  });
});
