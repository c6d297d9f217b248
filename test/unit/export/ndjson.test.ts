import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../server/export/export.ts';
import { readNdjson } from '../../../server/ingest/readers/index.ts';
import { validateRecord } from '../../../server/schema/index.ts';
import { collect } from './read-back.ts';
import { memorySource, sampleRecords } from './sample.ts';

async function exportNdjson(source = memorySource(sampleRecords().entities, sampleRecords().links)) {
  const out = join(await mkdtemp(join(tmpdir(), 'ariadne-ndjson-')), 'nested', 'case.ndjson');
  const summary = await runExport(source, { format: 'ndjson', out });
  return { out, summary, text: await readFile(out, 'utf8') };
}

describe('NDJSON export', () => {
  it('writes entities first, then links, one object a line', async () => {
    const { text } = await exportNdjson();
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.type)).toEqual([
      'Source',
      'Person',
      'Person',
      'Document',
      'Organisation',
      'Location',
      'MEMBER_OF',
      'CONTACTED',
      'HOLDS',
    ]);
    expect(lines[6]).toMatchObject({
      kind: 'link',
      type: 'MEMBER_OF',
      id: 'l-1',
      source: 'p-1',
      target: 'org-1',
    });
  });

  it("writes an entity's own kind as the record kind, and entity for types without one", async () => {
    const { text } = await exportNdjson();
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.find((l) => l.type === 'Document')).toMatchObject({ kind: 'passport', number: 'X1234567' });
    expect(lines.find((l) => l.type === 'Person')?.kind).toBe('entity');
  });

  it('reads back through the NDJSON reader with every value as it was', async () => {
    const { out } = await exportNdjson();
    const back = await collect(readNdjson(out));
    const { entities, links } = sampleRecords();
    expect(back).toEqual([
      ...entities.map((e) => ({ kind: 'entity', type: e.type, fields: e.properties })),
      ...links.map((l) => ({
        kind: 'link',
        type: l.type,
        fields: { ...l.properties, source: l.source, target: l.target },
      })),
    ]);
  });

  it('gives lines the record schema accepts, the own kind kept on the entity', async () => {
    const { text } = await exportNdjson();
    const document = JSON.parse(text.split('\n')[3] ?? '');
    const result = validateRecord(document);
    expect(result.ok && result.record.properties).toMatchObject({ id: 'doc-1', kind: 'passport' });
  });

  it('leaves out a kind the reader would take as the record kind, and reports it', async () => {
    const source = memorySource(
      [{ type: 'Person', properties: { id: 'p', name: 'P', kind: 'informant', handling: 'H0' } }],
      [],
    );
    const { text, summary } = await exportNdjson(source);
    expect(JSON.parse(text)).toEqual({ kind: 'entity', type: 'Person', id: 'p', name: 'P', handling: 'H0' });
    expect(summary.losses).toEqual([expect.objectContaining({ type: 'Person', property: 'kind', count: 1 })]);
  });
});
