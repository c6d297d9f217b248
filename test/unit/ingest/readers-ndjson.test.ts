import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../../../server/ingest/readers/ndjson.ts';
import type { ReadItem, ReadOptions } from '../../../server/ingest/readers/types.ts';
import { isReadError } from '../../../server/ingest/readers/types.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', 'ndjson');

async function read(name: string, options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readNdjson(join(fixtures, name), options)) items.push(item);
  return items;
}

describe('readNdjson', () => {
  it('reads entities and links with their line numbers, skipping blank lines', async () => {
    const items = await read('network.ndjson');
    expect(items.map((item) => ('kind' in item ? [item.line, item.kind, item.type] : item))).toEqual([
      [1, 'entity', 'Person'],
      [2, 'entity', 'Organisation'],
      [4, 'entity', 'Vessel'],
      [5, 'link', 'MEMBER_OF'],
      [7, 'link', 'OPERATES'],
    ]);
    expect(items[0]).toMatchObject({
      file: join(fixtures, 'network.ndjson'),
      fields: { id: 'p1', name: 'Karim Haddad', aliases: ['Abu Sami'], roles: ['organiser'], grade: 'B2' },
    });
    expect(items[3]).toMatchObject({ fields: { source: 'p1', target: 'o1', role: 'organiser', weight: 3 } });
  });

  it('reads the kind of an organisation, document or account as its own field, the record being an entity', async () => {
    const [organisation] = (await read('network.ndjson')).slice(1, 2);
    expect(organisation).toEqual({
      file: join(fixtures, 'network.ndjson'),
      line: 2,
      kind: 'entity',
      type: 'Organisation',
      fields: { id: 'o1', name: 'Blue Wave Travel', kind: 'front company', country: 'TR' },
    });
  });

  it('reports a malformed line with its number and the parser message, and still reads the others', async () => {
    const items = await read('malformed-middle.ndjson');
    expect(items).toHaveLength(5);
    const error = items[2];
    expect(error && isReadError(error)).toBe(true);
    expect(error).toMatchObject({
      line: 3,
      message: expect.stringMatching(/^malformed JSON: .+; fix the JSON/),
    });
    expect(items.filter((item) => !isReadError(item)).map((item) => item.line)).toEqual([1, 2, 4, 5]);
  });

  it('reports a truncated last line as an error on that line, after the whole lines', async () => {
    const items = await read('truncated.ndjson');
    expect(items.slice(0, 2).every((item) => !isReadError(item))).toBe(true);
    expect(items[2]).toMatchObject({ line: 3, message: expect.stringContaining('truncated') });
  });

  it('yields nothing for an empty file', async () => {
    expect(await read('empty.ndjson')).toEqual([]);
  });

  it('drops a UTF-8 byte-order mark before the first object', async () => {
    expect(await read('bom.ndjson')).toMatchObject([{ line: 1, type: 'Location', fields: { id: 'l1' } }]);
  });

  it('reports duplicate keys, naming the key, even in nested objects or when escaped', async () => {
    const items = await read('duplicate-keys.ndjson');
    expect(items[0]).toMatchObject({
      line: 1,
      field: 'name',
      message: expect.stringContaining('"name" appears twice'),
    });
    expect(items[1]).toMatchObject({ line: 2, field: 'a' });
    expect(items[2]).toMatchObject({ line: 3, kind: 'entity', fields: { x: { a: 1 }, y: { a: 2 } } });
  });

  it('names the missing or wrong field when a line is not an entity or link', async () => {
    const items = await read('not-records.ndjson');
    expect(
      items.map((item) => (isReadError(item) ? [item.line, item.field] : [item.line, item.kind])),
    ).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
      [4, 'kind'],
      [5, 'type'],
      [6, 'kind'],
      [7, 'entity'],
    ]);
    expect(items[0]).toMatchObject({ message: expect.stringContaining('found an array') });
    expect(items[3]).toMatchObject({ message: expect.stringContaining('add "kind": "entity"') });
  });

  it('passes control characters through as data, for the schema to judge', async () => {
    const [record] = await read('control-characters.ndjson');
    expect(record).toMatchObject({
      fields: { name: 'Nul\u0000and bell\u0007', notes: 'tab\there, escape \u001b[31m' },
    });
  });

  it('keeps formula-like strings verbatim', async () => {
    const [record] = await read('formulas.ndjson');
    expect(record).toMatchObject({
      fields: { name: "=cmd|' /C calc'!A0", notes: '+1-555-0100', aliases: ['-2+3', '@SUM(A1:A2)'] },
    });
  });

  it('reports a missing file as an error at line 0', async () => {
    expect(await read('no-such-file.ndjson')).toEqual([
      { file: join(fixtures, 'no-such-file.ndjson'), line: 0, message: 'file not found: check the path' },
    ]);
  });

  describe('with a 10 MB field', () => {
    let folder = '';
    let path = '';
    const big = 'x'.repeat(10 * 1024 * 1024);

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'ariadne-ndjson-'));
      path = join(folder, 'big.ndjson');
      const line = JSON.stringify({ kind: 'entity', type: 'Person', id: 'p1', name: 'Big', notes: big });
      await writeFile(path, `${line}\n{"kind":"entity","type":"Person","id":"p2","name":"After"}\n`);
    });
    afterAll(() => rm(folder, { recursive: true, force: true }));

    it('passes the field through under the default 16 MiB limit, for the schema to check its length', async () => {
      const items: ReadItem[] = [];
      for await (const item of readNdjson(path)) items.push(item);
      expect(items).toHaveLength(2);
      expect(items[0]).toMatchObject({ line: 1, fields: { notes: big } });
    });

    it('reports the line as too long under a smaller limit and reads on', async () => {
      const items: ReadItem[] = [];
      for await (const item of readNdjson(path, { maxLineBytes: 1024 * 1024 })) items.push(item);
      expect(items[0]).toEqual({
        file: path,
        line: 1,
        message: expect.stringContaining('longer than the limit of 1 MiB'),
      });
      expect(items[1]).toMatchObject({ line: 2, fields: { id: 'p2' } });
    });
  });
});
