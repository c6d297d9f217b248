import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFtm } from '../../../server/ingest/readers/ftm.ts';
import type { RawRecord, ReadError, ReadItem, ReadStats } from '../../../server/ingest/readers/types.ts';
import { createReadStats, isReadError } from '../../../server/ingest/readers/types.ts';

const published = join(import.meta.dirname, '..', '..', 'fixtures', 'ftm');
const handWritten = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest', 'ftm', 'smuggling.ftm.json');

async function read(path: string): Promise<{ items: ReadItem[]; stats: ReadStats }> {
  const items: ReadItem[] = [];
  const generator = readFtm(path);
  let next = await generator.next();
  while (!next.done) {
    items.push(next.value);
    next = await generator.next();
  }
  return { items, stats: next.value };
}

function countByType(items: ReadItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = isReadError(item) ? 'error' : `${item.kind} ${item.type}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function byId(items: ReadItem[], id: string): RawRecord | undefined {
  return items.find((item): item is RawRecord => !isReadError(item) && item.fields.id === id);
}

describe('readFtm on published OpenSanctions data', () => {
  it('maps the zala company group: people, companies, addresses, ownership, directors, family, sanctions', async () => {
    const { items, stats } = await read(join(published, 'zala_entities.ftm.json'));
    expect(countByType(items)).toEqual({
      'entity Person': 6,
      'entity Organisation': 11,
      'entity Location': 11,
      'entity Document': 1,
      'link HOLDS': 1,
      'link OWNS': 14,
      'link EMPLOYED_BY': 3,
      'link FAMILY_OF': 4,
      'link BASED_IN': 27,
      'entity-patch': 41,
    });
    expect(stats.unmapped).toEqual({});
  });

  it('maps the t1 fixture', async () => {
    const { items } = await read(join(published, 't1_entities.ftm.json'));
    expect(countByType(items)).toEqual({
      'entity Person': 4,
      'entity Organisation': 2,
      'entity Location': 1,
      'link BASED_IN': 2,
    });
  });

  it('maps the parteispenden donations to payments with a payer and a beneficiary', async () => {
    const { items } = await read(join(published, 'parteispenden_entities.ftm.json'));
    expect(countByType(items)).toEqual({
      'entity Payment': 290,
      'link PAID': 290,
      'link RECEIVED': 291,
      'entity Organisation': 74,
      'entity Person': 22,
      'entity Location': 89,
      'link BASED_IN': 103,
    });
    expect(byId(items, '2216b422a31242fe204654ce194864661f515921')?.fields).toEqual({
      id: '2216b422a31242fe204654ce194864661f515921',
      name: 'Payment of 100000 EUR on 2011-12-29',
      amount: 100000,
      currency: 'EUR',
      date: '2011-12-29',
      ftmSchema: 'Payment',
    });
  });

  it('keeps the first name as name, the others as aliases, and the FtM id as sourceRef', async () => {
    const { items } = await read(join(published, 't1_entities.ftm.json'));
    const person = byId(items, 'NK-2Ka3UvopqbpZmVDFjWd4LA');
    expect(person?.fields).toMatchObject({
      name: 'Vitalij Kuzmenko',
      aliases: ['Виталий Юрьевич КУЗЬМЕНКО', 'Vitaly Yurievich KUZMENKO'],
      sourceRef: 'NK-2Ka3UvopqbpZmVDFjWd4LA',
      birthDate: '1971-01-22',
      ftmSchema: 'Person',
      firstSeen: expect.any(String),
    });
  });

  it('turns a sanction into a patch of the sanctioned entity, its type left for the pipeline', async () => {
    const { items } = await read(join(published, 'zala_entities.ftm.json'));
    const patch = items.find((item) => !isReadError(item) && item.kind === 'entity-patch');
    expect(patch).toMatchObject({
      kind: 'entity-patch',
      type: '',
      fields: { id: 'NK-abdzbEBkqyT29GyREbiURZ', sanctioned: true, sanctionProgram: 'Autonomous (Russia)' },
    });
  });
});

describe('readFtm on every mapped schema', () => {
  it('maps people, organisations, vessels, accounts, payments, documents and addresses', async () => {
    const { items } = await read(handWritten);
    expect(byId(items, 'per-1')?.fields).toMatchObject({
      name: 'Karim Haddad',
      aliases: ['Abu Sami', 'The Doctor'],
      nationalities: ['ly', 'tn'],
      birthDate: '1979',
      gender: 'male',
      notes: 'Runs crossings\n\nUses several phones',
      sourceRef: 'per-1',
    });
    expect(byId(items, 'org-1')).toMatchObject({
      type: 'Organisation',
      fields: { country: 'tr', registrationNumber: 'TR-88211', ftmSchema: 'LegalEntity' },
    });
    expect(byId(items, 'org-2')).toMatchObject({ type: 'Organisation', fields: { ftmSchema: 'PublicBody' } });
    expect(byId(items, 'ves-1')?.fields).toMatchObject({
      imo: '9123456',
      mmsi: '642123456',
      flag: 'tg',
      pastNames: ['Nour', 'Atlas'],
      pastFlags: ['km'],
      callSign: '5VAB1',
      vesselType: 'Fishing vessel',
    });
    expect(byId(items, 'acc-1')).toMatchObject({
      type: 'Account',
      fields: {
        kind: 'bank',
        iban: 'TR330006100519786457841326',
        number: '519786457841326',
        institution: 'Example Bank',
      },
    });
    expect(byId(items, 'pay-1')?.fields).toMatchObject({
      amount: 4500.5,
      currency: 'USD',
      purpose: 'crossing fee',
    });
    expect(byId(items, 'id-1')?.fields).toMatchObject({
      kind: 'id card',
      number: 'A1234567',
      issuingCountry: 'ly',
    });
    expect(byId(items, 'pp-1')?.fields).toMatchObject({ kind: 'passport', name: 'passport P0099887' });
    expect(byId(items, 'adr-1')?.fields).toMatchObject({
      name: 'Harbour Road 4, Zuwara, ly',
      lat: 32.93,
      lon: 12.08,
    });
  });

  it('derives links from payments, documents, vessel owners and relationship schemata', async () => {
    const { items } = await read(handWritten);
    const links = items
      .filter((item): item is RawRecord => !isReadError(item) && item.kind === 'link')
      .map((link) => [link.type, link.fields.source, link.fields.target, link.fields.role]);
    expect(links).toEqual([
      ['OWNS', 'org-1', 'ves-1', undefined],
      ['PAID', 'per-1', 'pay-1', undefined],
      ['RECEIVED', 'pay-1', 'org-1', undefined],
      ['HOLDS', 'per-1', 'id-1', undefined],
      ['HOLDS', 'per-1', 'pp-1', undefined],
      ['MEMBER_OF', 'per-1', 'org-1', 'founder'],
      ['EMPLOYED_BY', 'per-1', 'org-2', 'harbour guard'],
      ['ASSOCIATE_OF', 'per-1', 'per-2', 'business partner'],
      ['ASSOCIATE_OF', 'per-1', 'org-2', 'bribes'],
    ]);
  });

  it('names a person without a name from the first and last names', async () => {
    const { items } = await read(handWritten);
    expect(byId(items, 'per-4')?.fields).toMatchObject({ name: 'Amira Said', sourceRef: 'per-4' });
  });

  it('turns a note into a notes patch', async () => {
    const { items } = await read(handWritten);
    expect(items.find((item) => !isReadError(item) && item.fields.ftmSchema === 'Note')).toMatchObject({
      kind: 'entity-patch',
      fields: { id: 'org-1', notes: 'Front for the crossings' },
    });
  });

  it('counts and lists the schemata it cannot map, in the return value and the stats passed in', async () => {
    const stats = createReadStats();
    const items: ReadItem[] = [];
    for await (const item of readFtm(handWritten, { stats })) items.push(item);
    expect(stats.unmapped).toEqual({ Mention: 2, Airplane: 1 });
    expect((await read(handWritten)).stats.unmapped).toEqual({ Mention: 2, Airplane: 1 });
  });

  it('reports a relationship without an end, a bad property, a duplicate key and a missing id by line', async () => {
    const { items } = await read(handWritten);
    const errors = items.filter((item): item is ReadError => isReadError(item));
    expect(errors.map((error) => [error.line, error.field])).toEqual([
      [19, 'properties.owner'],
      [20, 'properties.nationality'],
      [21, 'schema'],
      [22, 'id'],
    ]);
    expect(errors[0]?.message).toContain('needs both ends');
  });
});
