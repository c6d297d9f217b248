import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvSync } from '../../../server/analyses/read-csv-sync.ts';
import { readRecords } from '../../../server/ingest/readers/index.ts';
import type { ReadItem } from '../../../server/ingest/readers/types.ts';

const work = mkdtempSync(join(tmpdir(), 'ariadne-read-csv-sync-'));
const root = join(import.meta.dirname, '..', '..', '..');

async function both(path: string): Promise<{ sync: ReadItem[]; ingest: ReadItem[] }> {
  const sync: ReadItem[] = [];
  await readCsvSync(path, (item) => sync.push(item));
  const ingest: ReadItem[] = [];
  for await (const item of readRecords([path], { format: 'csv' })) ingest.push(item);
  return { sync, ingest };
}

const CASES: Record<string, string | Buffer> = {
  'quotes, a multi-line cell and CRLF':
    '\uFEFFid,type,name,notes\r\np1,Person,"Doe, Jane","line one\r\nline two"\r\np2,Person,"Say ""hi""",\r\n',
  'semicolons, lists and numbers':
    'source;target;type;weight;sources\np1;p2;CONTACTED;3.5;a|b| c\np2;p1;CONTACTED;x;\n',
  'a blank row, too many cells, a value without a column':
    'id,type,name,\n\np1,Person,A,,extra\np2,Person,B,oops\n',
  'no type, text after a closing quote, an unterminated quote':
    'id,type,name\np1,,A\np2,Person,"B"x\np3,Person,"never closed\n',
  'a duplicated column': 'id,type,id\np1,Person,p2\n',
  'invalid UTF-8 on one line': Buffer.concat([
    Buffer.from('id,type,name\np1,Person,A\np2,Person,'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('\np3,Person,C'),
  ]),
  'a __proto__ column': 'id,type,name,__proto__\np1,Person,A,polluted\n',
};

describe('the synchronous CSV reader of analyse --file', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} exactly as the ingest reader does`, async () => {
      const path = join(work, `${name.replace(/\W+/g, '-')}.csv`);
      writeFileSync(path, text);
      const { sync, ingest } = await both(path);
      expect(sync).toEqual(ingest);
      expect(sync.length).toBeGreaterThan(0);
    });
  }

  it('reads a folder as its CSV pair, entities first, as the ingest reader does', async () => {
    const { sync, ingest } = await both(join(root, 'seeds', 'caviar'));
    expect(sync).toEqual(ingest);
    expect(sync.length).toBe(316);
  });

  it('reports a missing file and an empty folder as the ingest reader does', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    for (const path of [join(work, 'missing.csv'), empty]) {
      const { sync, ingest } = await both(path);
      expect(sync).toEqual(ingest);
    }
  });
});
