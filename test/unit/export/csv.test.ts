import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, quoteCsv } from '../../../server/export/csv-cells.ts';
import { runExport } from '../../../server/export/export.ts';
import { readCsv } from '../../../server/ingest/readers/index.ts';
import { collect } from './read-back.ts';
import { memorySource, sampleRecords } from './sample.ts';

async function exportCsv(
  source = memorySource(sampleRecords().entities, sampleRecords().links),
  excelSafe = false,
) {
  const out = join(await mkdtemp(join(tmpdir(), 'ariadne-csv-')), 'case');
  const summary = await runExport(source, { format: 'csv', out, excelSafe });
  const entities = await readFile(join(out, 'entities.csv'), 'utf8');
  const links = await readFile(join(out, 'links.csv'), 'utf8');
  return { out, summary, entities, links };
}

describe('CSV cells', () => {
  it('quotes cells holding commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(quoteCsv('plain text')).toBe('plain text');
    expect(quoteCsv('a,b')).toBe('"a,b"');
    expect(quoteCsv('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsv('one\ntwo')).toBe('"one\ntwo"');
    expect(quoteCsv('one\rtwo')).toBe('"one\rtwo"');
  });

  it('neutralises formula-looking text with a leading apostrophe only when asked', () => {
    for (const text of ['=1+1', '+44', '-2', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
      expect(csvCell('notes', text).text).toBe(quoteCsv(text));
    }
    expect(neutraliseFormula('Zuwara')).toBe('Zuwara');
    expect(csvCell('notes', '=1+1', true).text).toBe("'=1+1");
    expect(csvCell('lon', -12.08, true).text).toBe('-12.08');
  });

  it('joins lists with | and flags values the reader would turn into something else', () => {
    expect(csvCell('aliases', ['Abu Ali', 'Ali']).text).toBe('Abu Ali|Ali');
    expect(csvCell('aliases', ['A|B']).loss).toMatch(/holds "\|"/);
    expect(csvCell('score', 7).loss).toMatch(/number in this column reads back as text/);
    expect(csvCell('sanctioned', true).loss).toMatch(/true\/false/);
    expect(csvCell('order', '3').loss).toMatch(/reads back as a number/);
    expect(csvCell('tags', ['a', 'b']).loss).toMatch(/list in this column/);
    expect(csvCell('amount', 1250.5).loss).toBeUndefined();
  });
});

describe('CSV export', () => {
  it('writes entities.csv with id,type,name first and links.csv with source,target,type first', async () => {
    const { entities, links, summary } = await exportCsv();
    expect(entities.split('\r\n')[0]).toMatch(/^id,type,name,kind,/);
    expect(links.split('\r\n')[0]).toMatch(/^source,target,type,id,/);
    expect(summary.entities).toEqual({ Source: 1, Person: 2, Document: 1, Organisation: 1, Location: 1 });
    expect(summary.links).toEqual({ MEMBER_OF: 1, CONTACTED: 1, HOLDS: 1 });
    expect(summary.losses).toEqual([]);
  });

  it('reads back through the CSV reader with every value as it was, formulas and line breaks included', async () => {
    const { out } = await exportCsv();
    const back = await collect(readCsv(out));
    const { entities, links } = sampleRecords();
    expect(back.filter((r) => r.kind === 'entity')).toEqual(
      entities.map((e) => ({ kind: 'entity', type: e.type, fields: e.properties })),
    );
    expect(back.filter((r) => r.kind === 'link')).toEqual(
      links.map((l) => ({
        kind: 'link',
        type: l.type,
        fields: { ...l.properties, source: l.source, target: l.target },
      })),
    );
  });

  it('with --excel-safe, prefixes formula-looking text and starts with a BOM, which breaks the round trip', async () => {
    const { entities, links } = await exportCsv(undefined, true);
    expect(entities.startsWith('\uFEFFid,type,name')).toBe(true);
    expect(entities).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(entities).toContain("'+44 7700 900123");
    expect(entities).toContain(',-12.08,');
    expect(links).toContain(`'\tindented`);
  });

  it('reports values the CSV cannot carry back, by type and property', async () => {
    const source = memorySource(
      [{ type: 'Person', properties: { id: 'p', name: 'P', score: 3, flagged: true, handling: 'H0' } }],
      [],
    );
    const { summary } = await exportCsv(source);
    expect(summary.losses).toEqual([
      { type: 'Person', property: 'flagged', reason: 'true/false reads back as text', count: 1 },
      { type: 'Person', property: 'score', reason: 'a number in this column reads back as text', count: 1 },
    ]);
  });
});

describe('CSV round trip of any text', () => {
  it('reads back any non-blank text exactly, whatever quotes, commas, line breaks or formulas it holds', async () => {
    const text = fc
      .string({
        unit: fc.constantFrom('a', 'Ω', '"', ',', '\n', '\r', '\t', ' ', '=', '+', '-', '@', '|', ';'),
      })
      .filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (notes) => {
        const entities = notes.map((note, i) => ({
          type: 'Person' as const,
          properties: { id: `p${i}`, notes: note },
        }));
        const { out, summary } = await exportCsv(memorySource(entities, []));
        const back = await collect(readCsv(out));
        expect(summary.losses).toEqual([]);
        expect(back.map((r) => r.fields.notes)).toEqual(notes);
      }),
      { numRuns: 40 },
    );
  });
});
