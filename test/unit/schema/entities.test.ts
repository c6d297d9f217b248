import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_SCHEMAS } from '../../../server/schema/entities/index.ts';
import { ENTITY_LABELS } from '../../../server/schema/model.ts';
import { ENTITY_EXAMPLES, PROVENANCE } from './examples.ts';

function pathsOf(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
}

describe('entity schemas', () => {
  it('has a schema for every entity label and nothing else', () => {
    expect(Object.keys(ENTITY_SCHEMAS).sort()).toEqual([...ENTITY_LABELS].sort());
  });

  it.each(ENTITY_LABELS)('accepts a valid %s', (label) => {
    const result = ENTITY_SCHEMAS[label].safeParse({ ...ENTITY_EXAMPLES[label].fields, ...PROVENANCE });
    expect(pathsOf(result)).toEqual([]);
  });

  it.each(ENTITY_LABELS)('rejects a %s with a wrong field, naming its path', (label) => {
    const { fields, bad, path } = ENTITY_EXAMPLES[label];
    const result = ENTITY_SCHEMAS[label].safeParse({ ...fields, ...PROVENANCE, ...bad });
    expect(pathsOf(result)).toEqual([path]);
  });

  it.each(ENTITY_LABELS)('publishes %s as JSON Schema for the API document', (label) => {
    const json = z.toJSONSchema(ENTITY_SCHEMAS[label]) as { $defs?: Record<string, { required?: string[] }> };
    expect(json.$defs?.[label]?.required).toEqual(expect.arrayContaining(['id', 'sources', 'handling']));
  });

  it('normalises declared fields on the way in', () => {
    const result = ENTITY_SCHEMAS.Document.parse({ ...ENTITY_EXAMPLES.Document.fields, ...PROVENANCE });
    expect(result).toMatchObject({ number: 'P123456', issuingCountry: 'SY', kind: 'passport' });
    const vessel = ENTITY_SCHEMAS.Vessel.parse({ ...ENTITY_EXAMPLES.Vessel.fields, ...PROVENANCE });
    expect(vessel).toMatchObject({ imo: '9074729', flag: 'TG', callSign: 'IABC' });
    const payment = ENTITY_SCHEMAS.Payment.parse({ ...ENTITY_EXAMPLES.Payment.fields, ...PROVENANCE });
    expect(payment).toMatchObject({ currency: 'EUR', date: '2020-04-03' });
  });

  it('matches controlled values without regard to case, and reads lists and numbers from CSV cells', () => {
    const person = ENTITY_SCHEMAS.Person.parse({
      id: 'p-2',
      name: 'Karim',
      roles: 'Boat Pilot; guide',
      nationalities: 'Eritrea;ETH',
      ...PROVENANCE,
    });
    expect(person).toMatchObject({ roles: ['boat pilot', 'guide'], nationalities: ['ER', 'ET'] });
    const route = ENTITY_SCHEMAS.Route.parse({
      id: 'r',
      name: 'Balkan',
      priceMin: '800',
      currency: 'EUR',
      ...PROVENANCE,
    });
    expect(route.priceMin).toBe(800);
  });

  it.each([
    ['Route', { priceMin: 5000, priceMax: 1000 }, 'priceMax', /before priceMin/],
    ['Route', { currency: undefined }, 'currency', /need a currency/],
    ['Payment', { currency: undefined }, 'currency', /amount need a currency/],
    ['Case', { periodStart: '2021-01-01', periodEnd: '2020-01-01' }, 'periodEnd', /before periodStart/],
    ['Location', { lon: undefined }, 'lon', /coordinates come in pairs/],
    ['Person', { name: undefined }, 'name', /is missing/],
    ['Offence', { category: undefined }, 'category', /is missing: add one of migrant smuggling/],
  ] as const)('applies the %s rule on %j', (label, change, path, message) => {
    const input = { ...ENTITY_EXAMPLES[label].fields, ...PROVENANCE, ...change };
    const issues = ENTITY_SCHEMAS[label].safeParse(input).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [path, expect.stringMatching(message)],
    ]);
  });

  it('keeps extra scalar properties and lists of scalars', () => {
    const person = ENTITY_SCHEMAS.Person.parse({
      ...ENTITY_EXAMPLES.Person.fields,
      ...PROVENANCE,
      shoeSize: 43,
      hasCriminalRecord: true,
      nickname_2: 'the Doctor',
      phones: ['+2189', 42],
    });
    expect(person).toMatchObject({
      shoeSize: 43,
      hasCriminalRecord: true,
      nickname_2: 'the Doctor',
      phones: ['+2189', 42],
    });
  });

  it.each([
    ['Bad Key', 'badKey'],
    ['n.name', 'nName'],
    ['$where', 'where'],
    ['9lives', 'lives'],
    ['x'.repeat(65), 'x'.repeat(64)],
  ])('rejects the unsafe property name %j, naming it and a safe alternative', (key, suggestion) => {
    const input = { ...ENTITY_EXAMPLES.Person.fields, ...PROVENANCE, [key]: 'value' };
    const issues = ENTITY_SCHEMAS.Person.safeParse(input).error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual([key]);
    expect(issues[0]?.message).toContain(`property name ${JSON.stringify(key)} is not allowed`);
    expect(issues[0]?.message).toContain(JSON.stringify(suggestion));
  });

  it('rejects an extra property that holds an object', () => {
    const input = { ...ENTITY_EXAMPLES.Person.fields, ...PROVENANCE, address: { city: 'Tripoli' } };
    const issues = ENTITY_SCHEMAS.Person.safeParse(input).error?.issues ?? [];
    expect(issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['address', expect.stringMatching(/flatten nested objects/)],
    ]);
  });

  it('rejects a 10 MB field, declared or extra, with its length', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    for (const field of ['notes', 'transcript']) {
      const issues = ENTITY_SCHEMAS.Person.safeParse({
        ...ENTITY_EXAMPLES.Person.fields,
        ...PROVENANCE,
        [field]: huge,
      }).error?.issues;
      expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
        [field, expect.stringMatching(/is 10485760 characters long, over the limit of 100000/)],
      ]);
    }
  });

  it.each([
    ['name', 'Abu\u0007Ali'],
    ['name', 'Abu\u202eilA'],
    ['aliases.0', 'Abu\u2067Ali'],
    ['notes', 'call \u0000 me'],
    ['comment', 'hidden \u202d text'],
  ])('rejects a control or bidi character in %s', (path, value) => {
    const [key, index] = path.split('.');
    const input = {
      ...ENTITY_EXAMPLES.Person.fields,
      ...PROVENANCE,
      [key as string]: index === undefined ? value : [value],
    };
    const issues = ENTITY_SCHEMAS.Person.safeParse(input).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('keeps a spreadsheet formula verbatim as data, in a name and in an extra property', () => {
    const formula = "=cmd|' /C calc'!A0";
    const person = ENTITY_SCHEMAS.Person.parse({
      ...ENTITY_EXAMPLES.Person.fields,
      ...PROVENANCE,
      name: formula,
      remark: formula,
    });
    expect(person.name).toBe(formula);
    expect(person.remark).toBe(formula);
  });
});
