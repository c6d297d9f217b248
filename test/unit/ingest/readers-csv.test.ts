import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../../server/ingest/readers/csv.ts';
import type { RawRecord, ReadItem, ReadOptions } from '../../../server/ingest/readers/types.ts';
import { isReadError } from '../../../server/ingest/readers/types.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', 'csv');

async function read(name: string, options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readCsv(join(fixtures, name), options)) items.push(item);
  return items;
}

function records(items: ReadItem[]): RawRecord[] {
  return items.filter((item): item is RawRecord => !isReadError(item));
}

describe('readCsv', () => {
  it('reads a folder holding a CSV pair, entities before links', async () => {
    const items = await read('pair');
    expect(items.every((item) => !isReadError(item))).toBe(true);
    expect(records(items).map((r) => [r.file.split('/').pop(), r.line, r.kind, r.type])).toEqual([
      ['entities.csv', 2, 'entity', 'Person'],
      ['entities.csv', 3, 'entity', 'Organisation'],
      ['entities.csv', 4, 'entity', 'Vessel'],
      ['entities.csv', 5, 'entity', 'Vessel'],
      ['entities.csv', 6, 'entity', 'Person'],
      ['entities.csv', 7, 'entity', 'Person'],
      ['links.csv', 2, 'link', 'MEMBER_OF'],
      ['links.csv', 3, 'link', 'OPERATES'],
      ['links.csv', 4, 'link', 'ASSOCIATE_OF'],
    ]);
  });

  it('splits known list columns on |, drops empty cells and keeps quoted commas and doubled quotes', async () => {
    const [person, organisation] = records(await read('pair'));
    expect(person?.fields).toEqual({
      id: 'p1',
      name: 'Karim Haddad',
      aliases: ['Abu Sami', 'The Doctor'],
      roles: ['organiser', 'money broker'],
      nationalities: ['LY', 'TN'],
      notes: 'Runs the Zuwara crossings, with his brother',
      sources: ['s1'],
    });
    expect(organisation?.fields).toEqual({
      id: 'o1',
      name: 'Blue Wave Travel, Ltd.',
      kind: 'front company',
      notes: 'Says "only tourism"',
      sources: ['s1'],
    });
  });

  it('turns numeric cells of known numeric columns into numbers and leaves non-numbers for the schema', async () => {
    const items = records(await read('pair'));
    expect(items[2]?.fields.capacity).toBe(80);
    expect(items[3]?.fields.capacity).toBe('about 40');
    expect(items[6]?.fields).toEqual({
      source: 'p1',
      target: 'o1',
      role: 'organiser',
      weight: 3,
      date: '2023-05-01',
    });
    expect(items[8]?.fields.weight).toBe(0.5);
  });

  it('keeps formula-like cells verbatim as data', async () => {
    const items = records(await read('pair'));
    expect(items[4]?.fields).toMatchObject({ name: "=cmd|' /C calc'!A0", notes: '+1-555-0100' });
    expect(items[5]?.fields).toMatchObject({ name: '-2+3', aliases: ['@SUM(A1:A2)'] });
  });

  it('reads a single entities.csv or links.csv on its own', async () => {
    const items = await read('pair/links.csv');
    expect(records(items).map((r) => r.kind)).toEqual(['link', 'link', 'link']);
  });

  it('drops a byte-order mark, detects the semicolon and handles CRLF line ends', async () => {
    const items = await read('semicolon-bom');
    expect(items).toEqual([
      {
        file: join(fixtures, 'semicolon-bom', 'entities.csv'),
        line: 2,
        kind: 'entity',
        type: 'Location',
        fields: { id: 'l1', name: 'Zuwara', country: 'LY' },
      },
      {
        file: join(fixtures, 'semicolon-bom', 'entities.csv'),
        line: 3,
        kind: 'entity',
        type: 'Location',
        fields: { id: 'l2', name: 'Lampedusa; Italy', country: 'IT' },
      },
    ]);
  });

  it('detects a tab delimiter', async () => {
    const items = records(await read('tab'));
    expect(items.map((r) => r.fields)).toEqual([
      { source: 'r1', target: 'l1', order: 1 },
      { source: 'r1', target: 'l2', order: 2 },
    ]);
  });

  it('keeps newlines inside quoted fields and numbers each record by the line where it starts', async () => {
    const items = await read('quoted-newlines.csv');
    expect(items.map((item) => item.line)).toEqual([2, 6, 7]);
    expect(records(items).map((r) => r.fields.notes)).toEqual([
      'First line\nsecond line, with a comma\n\nand a blank line inside',
      'plain',
      'ends "quoted"',
    ]);
    expect(records(items)[1]?.fields.name).toBe('Name with "quotes"');
  });

  it('reports an unterminated quote at the line where the field began', async () => {
    const items = await read('unterminated.csv');
    expect(records(items).map((r) => r.fields.id)).toEqual(['p1']);
    expect(items[1]).toMatchObject({
      line: 3,
      message: expect.stringContaining('unterminated quoted field'),
    });
    expect(items).toHaveLength(2);
  });

  it('reports a row with more cells than the header, and reads the rows around it', async () => {
    const items = await read('too-many-cells.csv');
    expect(items.map((item) => (isReadError(item) ? `error ${item.line}` : item.fields.id))).toEqual([
      'p1',
      'error 3',
      'p3',
    ]);
    expect(items[1]).toMatchObject({
      message: expect.stringContaining('4 cells but the header has 3 columns'),
    });
  });

  it('reports text after a closing quote as an error on that record', async () => {
    const items = await read('bad-quote.csv');
    expect(items[0]).toMatchObject({ line: 2, message: expect.stringContaining('must be doubled') });
    expect(items[1]).toMatchObject({ line: 3, fields: { id: 'p2' } });
  });

  it('names the missing column when the header lacks type, or a link end', async () => {
    expect(await read('missing-type.csv')).toEqual([
      {
        file: join(fixtures, 'missing-type.csv'),
        line: 1,
        field: 'type',
        message: expect.stringContaining('the header lacks the column "type"'),
      },
    ]);
    expect(await read('missing-target')).toMatchObject([
      { line: 1, field: 'target', message: expect.stringContaining('links need source,target,type') },
    ]);
    expect(await read('missing-target-links.csv')).toMatchObject([
      {
        line: 1,
        field: 'id',
        message: expect.stringContaining('cannot tell whether this file holds entities or links'),
      },
    ]);
  });

  it('takes the record kind from a kind column in a file that mixes entities and links', async () => {
    const items = await read('mixed.csv');
    expect(items.map((item) => (isReadError(item) ? item.field : `${item.kind} ${item.type}`))).toEqual([
      'entity Person',
      'entity Organisation',
      'link MEMBER_OF',
      'kind',
    ]);
    expect(items[2]).toMatchObject({ fields: { source: 'p1', target: 'o1', role: 'organiser' } });
  });

  it('passes control characters through as data', async () => {
    const [record] = await read('control-characters.csv');
    expect(record).toMatchObject({ fields: { name: 'Bell\u0007and NUL\u0000', notes: 'esc \u001b[31m' } });
  });

  it('reports a line that is not UTF-8, saying how to save the file, and reads the next row', async () => {
    const items = await read('latin1.csv');
    expect(items[0]).toMatchObject({ line: 2, message: expect.stringContaining('save the file as UTF-8') });
    expect(items[1]).toMatchObject({ line: 3, fields: { id: 'p2' } });
  });

  it('reports a folder without entities.csv or links.csv', async () => {
    expect(await read('.')).toMatchObject([
      { line: 0, message: expect.stringContaining('neither entities.csv') },
    ]);
  });

  describe('with a 10 MB cell', () => {
    let folder = '';
    const big = 'y'.repeat(10 * 1024 * 1024);

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'ariadne-csv-'));
      await writeFile(
        join(folder, 'entities.csv'),
        `id,type,name,notes\np1,Person,Big,"${big}"\np2,Person,After,\n`,
      );
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('passes it through under the default limit, for the schema to check its length', async () => {
      const items: ReadItem[] = [];
      for await (const item of readCsv(folder)) items.push(item);
      expect(records(items).map((r) => r.fields.notes)).toEqual([big, undefined]);
    });

    it('reports the record as too long under a smaller limit and reads on', async () => {
      const items: ReadItem[] = [];
      for await (const item of readCsv(folder, { maxLineBytes: 1024 * 1024 })) items.push(item);
      expect(items[0]).toMatchObject({
        line: 2,
        message: expect.stringContaining('longer than the limit of 1 MiB'),
      });
      expect(items[1]).toMatchObject({ line: 3, fields: { id: 'p2' } });
    });
  });
});
