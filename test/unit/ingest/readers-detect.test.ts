import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, orderPairs, readRecords } from '../../../server/ingest/readers/detect.ts';
import type { ReadItem } from '../../../server/ingest/readers/types.ts';
import { createReadStats, isReadError } from '../../../server/ingest/readers/types.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

describe('detectFormat', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ariadne-detect-'));
    await writeFile(join(folder, 'export.json'), '\n\n{"id":"x","schema":"Person","properties":{}}\n');
    await writeFile(join(folder, 'records.jsonl'), '{"kind":"entity","type":"Person","id":"p1"}\n');
    await writeFile(join(folder, 'table.txt'), 'id,type,name\np1,Person,A\n');
    await writeFile(join(folder, 'empty.ndjson'), '');
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reads a folder and .csv files as CSV', async () => {
    expect(await detectFormat(join(fixtures, 'ingest', 'csv', 'pair'))).toBe('csv');
    expect(await detectFormat(join(fixtures, 'ingest', 'csv', 'mixed.csv'))).toBe('csv');
  });

  it('tells FollowTheMoney from Ariadne NDJSON by the first non-blank line', async () => {
    expect(await detectFormat(join(folder, 'export.json'))).toBe('ftm');
    expect(await detectFormat(join(fixtures, 'ftm', 'zala_entities.ftm.json'))).toBe('ftm');
    expect(await detectFormat(join(folder, 'records.jsonl'))).toBe('ndjson');
    expect(await detectFormat(join(fixtures, 'ingest', 'ndjson', 'network.ndjson'))).toBe('ndjson');
  });

  it('reads a file of another name as CSV when it does not start with an object', async () => {
    expect(await detectFormat(join(folder, 'table.txt'))).toBe('csv');
  });

  it('falls back to the extension for an empty or missing file, leaving the error to the reader', async () => {
    expect(await detectFormat(join(folder, 'empty.ndjson'))).toBe('ndjson');
    expect(await detectFormat(join(folder, 'missing.ndjson'))).toBe('ndjson');
  });
});

describe('orderPairs', () => {
  it('moves a links.csv after the entities.csv of its folder and keeps everything else in order', () => {
    expect(orderPairs(['a/links.csv', 'x.ndjson', 'b/links.csv', 'a/Entities.csv', 'b/other.csv'])).toEqual([
      'x.ndjson',
      'b/links.csv',
      'a/Entities.csv',
      'a/links.csv',
      'b/other.csv',
    ]);
  });
});

describe('readRecords', () => {
  it('chains the readers, entities before links within a CSV pair, and returns the unmapped schemata', async () => {
    const pair = join(fixtures, 'ingest', 'csv', 'pair');
    const generator = readRecords([
      join(pair, 'links.csv'),
      join(fixtures, 'ingest', 'ftm', 'smuggling.ftm.json'),
      join(pair, 'entities.csv'),
      join(fixtures, 'ingest', 'ndjson', 'network.ndjson'),
    ]);
    const items: ReadItem[] = [];
    let next = await generator.next();
    while (!next.done) {
      items.push(next.value);
      next = await generator.next();
    }
    const files = [...new Set(items.map((item) => item.file.split('/').pop()))];
    expect(files).toEqual(['smuggling.ftm.json', 'entities.csv', 'links.csv', 'network.ndjson']);
    expect(next.value.unmapped).toEqual({ Mention: 2, Airplane: 1 });
  });

  it('uses the given format instead of detecting it, and fills the stats passed in', async () => {
    const stats = createReadStats();
    const items: ReadItem[] = [];
    const path = join(fixtures, 'ingest', 'ndjson', 'network.ndjson');
    for await (const item of readRecords([path], { format: 'ftm', stats })) items.push(item);
    // Read as FollowTheMoney, Ariadne records have no "schema": every line is an error naming it.
    expect(items.length).toBeGreaterThan(0);
    expect(items.every(isReadError)).toBe(true);
    expect(items[0]).toMatchObject({ field: 'schema' });
  });
});
