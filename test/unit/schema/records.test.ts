import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, LINK_TYPES } from '../../../server/schema/model.ts';
import { type ValidateOptions, validateRecord } from '../../../server/schema/records.ts';
import { ENTITY_EXAMPLES, PROVENANCE } from './examples.ts';

const FILE_DEFAULTS: ValidateOptions = { defaults: { sources: ['src-file'], handling: 'H0' } };

function issuesOf(raw: unknown, options?: ValidateOptions): [string, string][] {
  const result = validateRecord(raw, options);
  return result.ok ? [] : result.issues.map((issue) => [issue.field, issue.message]);
}

function recordOf(raw: unknown, options?: ValidateOptions) {
  const result = validateRecord(raw, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.record;
}

describe('validateRecord', () => {
  it.each(ENTITY_LABELS)('validates a %s entity record', (label) => {
    const record = recordOf({ kind: 'entity', type: label, ...ENTITY_EXAMPLES[label].fields, ...PROVENANCE });
    expect(record).toMatchObject({
      kind: 'entity',
      type: label,
      properties: { id: ENTITY_EXAMPLES[label].fields.id },
    });
  });

  it.each(ENTITY_LABELS)('names the field path of a wrong %s field', (label) => {
    const { fields, bad, path } = ENTITY_EXAMPLES[label];
    expect(
      issuesOf({ kind: 'entity', type: label, ...fields, ...PROVENANCE, ...bad }).map(([field]) => field),
    ).toEqual([path]);
  });

  it.each(LINK_TYPES)('validates a %s link record and derives its id', (type) => {
    const record = recordOf({ kind: 'link', type, source: 'a', target: 'b', order: 0, ...PROVENANCE });
    expect(record.kind).toBe('link');
    expect(record.properties.id).toMatch(/^l:[0-9a-f]{16}$/);
  });

  it('asks for a source and a handling code when neither the record nor the file gives them', () => {
    expect(issuesOf({ kind: 'entity', type: 'Person', id: 'p-1', name: 'Abu Ali' })).toEqual([
      ['sources', expect.stringMatching(/add "sources".* to the record, or pass --source/)],
      ['handling', expect.stringMatching(/add "handling" to the record, or pass --handling/)],
    ]);
  });

  it('fills missing provenance from the file defaults and keeps the record own', () => {
    const filled = recordOf({ kind: 'entity', type: 'Person', id: 'p-1', name: 'Abu Ali' }, FILE_DEFAULTS);
    expect(filled.properties).toMatchObject({ sources: ['src-file'], handling: 'H0' });
    const own = recordOf(
      { kind: 'entity', type: 'Person', id: 'p-1', name: 'Abu Ali', sources: ['src-own'], handling: 'H2' },
      FILE_DEFAULTS,
    );
    expect(own.properties).toMatchObject({ sources: ['src-own'], handling: 'H2' });
  });

  it('reads a grade in the file scheme, or Europol when no scheme is given', () => {
    const europol = recordOf(
      { kind: 'entity', type: 'Case', id: 'c', name: 'Op', grade: 'b2' },
      FILE_DEFAULTS,
    );
    expect(europol.properties).toMatchObject({ grade: 'B2', gradeScheme: 'europol' });
    const uk = recordOf(
      { kind: 'entity', type: 'Case', id: 'c', name: 'Op', grade: '2BP' },
      { defaults: { ...FILE_DEFAULTS.defaults, gradeScheme: 'uk' } },
    );
    expect(uk.properties).toMatchObject({ grade: '2BP', gradeScheme: 'uk' });
    expect(
      issuesOf({ kind: 'entity', type: 'Case', id: 'c', name: 'Op', grade: '2BP' }, FILE_DEFAULTS),
    ).toEqual([['grade', expect.stringMatching(/not a grade in the europol scheme.*fit the uk scheme/)]]);
  });

  it('requires the condition of an H3 record, from the record or the file', () => {
    const base = { kind: 'entity', type: 'Case', id: 'c', name: 'Op', sources: ['s'], handling: 'H3' };
    expect(issuesOf(base)).toEqual([['handlingCondition', expect.stringMatching(/H3 needs its condition/)]]);
    const record = recordOf(base, { defaults: { handlingCondition: 'Not for the Border Police' } });
    expect(record.properties).toMatchObject({ handlingCondition: 'Not for the Border Police' });
  });

  it('names the allowed types when the type is unknown', () => {
    expect(issuesOf({ kind: 'entity', type: 'Smuggler' })).toEqual([
      [
        'type',
        expect.stringMatching(
          /entity type "Smuggler" is not known: use one of Person, Organisation, .*Source$/,
        ),
      ],
    ]);
    expect(issuesOf({ kind: 'link', type: 'KNOWS', source: 'a', target: 'b' })).toEqual([
      ['type', expect.stringMatching(/link type "KNOWS" is not known: use one of ASSOCIATE_OF, .*SAME_AS$/)],
    ]);
    expect(issuesOf({ kind: 'entity', type: 'MEMBER_OF' })).toEqual([
      ['kind', expect.stringMatching(/set "kind": "link"/)],
    ]);
  });

  it('takes the entity own kind from "kind" when the record kind follows from the type', () => {
    const record = recordOf(
      { kind: 'passport', type: 'Document', number: 'p 1', issuingCountry: 'SY' },
      FILE_DEFAULTS,
    );
    expect(record).toMatchObject({
      kind: 'entity',
      type: 'Document',
      properties: { kind: 'passport', id: 'doc:passport:SY:P1' },
    });
  });

  it('accepts the readers shape, with the fields apart', () => {
    const raw = {
      file: 'a.csv',
      line: 2,
      kind: 'entity',
      type: 'Account',
      fields: { kind: 'bank', iban: 'de89 3704 0044 0532 0130 00' },
    };
    expect(recordOf(raw, FILE_DEFAULTS).properties).toMatchObject({
      kind: 'bank',
      id: 'iban:DE89370400440532013000',
    });
  });

  it('treats null and empty values as absent', () => {
    const record = recordOf(
      { kind: 'entity', type: 'Person', id: 'p', name: 'A', gender: '', birthDate: null },
      FILE_DEFAULTS,
    );
    expect(record.properties).not.toHaveProperty('gender');
    expect(record.properties).not.toHaveProperty('birthDate');
  });

  it('reads ambiguous dates in the declared order, and only then', () => {
    const raw = { kind: 'entity', type: 'Person', id: 'p', name: 'A', birthDate: '03/04/1990' };
    expect(issuesOf(raw, FILE_DEFAULTS)).toEqual([['birthDate', expect.stringMatching(/ambiguous/)]]);
    expect(recordOf(raw, { ...FILE_DEFAULTS, dateFormat: 'DMY' }).properties).toMatchObject({
      birthDate: '1990-04-03',
    });
    expect(recordOf(raw, { ...FILE_DEFAULTS, dateFormat: 'MDY' }).properties).toMatchObject({
      birthDate: '1990-03-04',
    });
  });

  it('derives a natural key from normalised fields, so two spellings give one id', () => {
    const a = recordOf({ kind: 'entity', type: 'Vessel', imo: 'IMO 9074729' }, FILE_DEFAULTS);
    const b = recordOf({ kind: 'entity', type: 'Vessel', imo: 9074729, name: 'Sea Star' }, FILE_DEFAULTS);
    expect(a.properties.id).toBe('imo:9074729');
    expect(b.properties.id).toBe(a.properties.id);
  });

  it('never derives a person id from a name', () => {
    expect(issuesOf({ kind: 'entity', type: 'Person', name: 'Abu Ali' }, FILE_DEFAULTS)).toEqual([
      ['id', 'Person needs an id or sourceRef: two people can share a name'],
    ]);
    expect(
      recordOf({ kind: 'entity', type: 'Person', name: 'Abu Ali', sourceRef: 'EU-77' }, FILE_DEFAULTS)
        .properties.id,
    ).toBe('person:EU-77');
  });

  it('reports the key field, not the id, when the natural key is malformed', () => {
    expect(
      issuesOf({ kind: 'entity', type: 'Account', iban: 'DE89 3704 0044 0532 0130 01' }, FILE_DEFAULTS),
    ).toEqual([['iban', expect.stringMatching(/check digits/)]]);
  });

  it('derives the same link id for the same link, and keeps a given one', () => {
    const raw = { kind: 'link', type: 'PAID', source: 'p-1', target: 'pay-1', date: '3 April 2020' };
    const first = recordOf(raw, FILE_DEFAULTS);
    const again = recordOf({ ...raw, date: '2020-04-03' }, FILE_DEFAULTS);
    expect(again.properties.id).toBe(first.properties.id);
    expect(recordOf({ ...raw, id: 'given' }, FILE_DEFAULTS).properties.id).toBe('given');
  });

  it('makes a Source its own provenance rather than taking the file source', () => {
    const record = recordOf(
      { kind: 'entity', type: 'Source', reference: 'EUR-1', handling: 'H0' },
      FILE_DEFAULTS,
    );
    expect(record.properties).toMatchObject({ id: 'src:EUR-1', sources: ['src:EUR-1'] });
  });

  it('keeps extra properties and rejects unsafe keys, "__proto__" included', () => {
    const kept = recordOf(
      { kind: 'entity', type: 'Person', id: 'p', name: 'A', eyeColour: 'brown' },
      FILE_DEFAULTS,
    );
    expect(kept.properties).toMatchObject({ eyeColour: 'brown' });
    const raw = JSON.parse(
      '{"kind":"entity","type":"Person","id":"p","name":"A","__proto__":{"admin":true},"Bad Key":1}',
    );
    expect(issuesOf(raw, FILE_DEFAULTS).map(([field]) => field)).toEqual(['__proto__', 'Bad Key']);
  });

  it('rejects a 10 MB field and a bidi override, and keeps a formula verbatim', () => {
    const base = { kind: 'entity', type: 'Person', id: 'p', name: 'A' };
    expect(issuesOf({ ...base, notes: 'x'.repeat(10 * 1024 * 1024) }, FILE_DEFAULTS)).toEqual([
      ['notes', expect.stringMatching(/is 10485760 characters long/)],
    ]);
    expect(issuesOf({ ...base, name: 'Abu \u202eilA' }, FILE_DEFAULTS).map(([field]) => field)).toEqual([
      'name',
    ]);
    const formula = "=cmd|' /C calc'!A0";
    expect(recordOf({ ...base, notes: formula }, FILE_DEFAULTS).properties).toMatchObject({ notes: formula });
  });

  it('reports every problem of a record in one pass', () => {
    const raw = {
      kind: 'entity',
      type: 'Person',
      id: 'p',
      name: 'A',
      gender: 'x',
      nationalities: ['LY', 'ZZ'],
      'a b': 1,
    };
    expect(
      issuesOf(raw)
        .map(([field]) => field)
        .sort(),
    ).toEqual(['a b', 'gender', 'handling', 'nationalities.1', 'sources']);
  });

  it('rejects what is not a record', () => {
    expect(issuesOf('Person')).toEqual([['', expect.stringMatching(/a record is an object/)]]);
    expect(issuesOf({ type: 'Nothing' })).toEqual([['kind', expect.stringMatching(/add "kind": "entity"/)]]);
  });
});
