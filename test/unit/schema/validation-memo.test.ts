import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STREAM_BOUNDS,
  type ValidateOptions,
  ValidationMemo,
  validateRecord,
} from '../../../server/schema/records.ts';

// Values drawn from small pools, good and bad, so that a run repeats them (the memo answers) and
// mixes rows that pass with rows that fail on one field, on several, or only on a record-level rule.
const ids = ['p:1', 'p:2', ' p:3 ', 'p:4', 7, '', 'p:\u0000', 'x'.repeat(1_001), true];
const pools: Record<string, unknown[]> = {
  id: ids,
  source: ids,
  target: ids,
  name: ['Ahmed Ali', '  Ahmed   Ali ', 'Ahmed Ali', '', 42, 'X'],
  sources: [['src:1'], ['src:1', 'src:2'], [], 'src:1', ['src:1', 3], [' src:1 '], ['src:\u0000']],
  handling: ['H0', 'h1', 'H3', 'H9', 0],
  handlingCondition: ['ask the provider', '', 5],
  grade: ['B2', 'b2', '2BP', 'D9', 'F6', 12],
  gradeScheme: ['europol', 'uk', 'admiralty', 'other'],
  roles: [['organiser'], ['organiser', 'recruiter'], ['pilot'], 'organiser', []],
  nationalities: [['LY'], ['Libya', 'ER'], ['ZZ'], 'LY'],
  birthDate: ['1980-01-02', '02.01.1980', 'soon', 1980],
  firstSeen: ['2020-01-01', '2021-06-30', 'x'],
  lastSeen: ['2020-01-01', '2021-06-30'],
  weight: [1, 2.5, -1, 0, '3', Number.NaN],
  date: ['2020-04-03', '2020-13-40'],
  role: ['driver', ''],
  order: [0, 1, -1, 1.5],
  note: ['extra text', 3, true, ['a', 'b'], { nested: 1 }, 'a\u0000b'],
  Bad_Key: ['x'],
};

function record(kind: 'entity' | 'link', type: string, keys: string[], picks: number[]) {
  const fields: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    const pool = pools[key] as unknown[];
    const pick = picks[i] ?? 0;
    if (pick < pool.length) fields[key] = pool[pick];
  });
  return { kind, type, fields };
}

const ENTITY_KEYS = ['id', 'name', 'sources', 'handling', 'handlingCondition', 'grade', 'gradeScheme'];
const PERSON_KEYS = [...ENTITY_KEYS, 'roles', 'nationalities', 'birthDate', 'firstSeen', 'lastSeen'];
const LINK_KEYS = ['source', 'target', 'sources', 'handling', 'grade', 'gradeScheme', 'weight', 'date'];
const shapes: [kind: 'entity' | 'link', type: string, keys: string[]][] = [
  ['entity', 'Person', [...PERSON_KEYS, 'note', 'Bad_Key']],
  ['entity', 'Organisation', ENTITY_KEYS],
  ['entity', 'Source', ['id', 'name', 'handling']],
  ['link', 'ASSOCIATE_OF', [...LINK_KEYS, 'id', 'note']],
  ['link', 'MEMBER_OF', [...LINK_KEYS, 'role']],
  ['link', 'ROUTE_LEG', [...LINK_KEYS, 'order']],
];

const arbitraryRecord = fc.integer({ min: 0, max: shapes.length - 1 }).chain((s) => {
  const [kind, type, keys] = shapes[s] as (typeof shapes)[number];
  // One pick past each pool leaves the field out.
  const picks = keys.map((key) => fc.integer({ min: 0, max: (pools[key] as unknown[]).length }));
  return fc.tuple(...picks).map((chosen) => record(kind, type, keys, chosen));
});

describe('validateRecord with a ValidationMemo', () => {
  it('accepts and rejects exactly as the schemas do, with the same output and the same issues', () => {
    const options: ValidateOptions[] = [{}, { defaults: { sources: ['src:file'], handling: 'H0' } }];
    // Unbounded, an import's bounds, and bounds so tight that every table stops growing early on.
    const memos = [
      () => new ValidationMemo(),
      () => new ValidationMemo(STREAM_BOUNDS),
      () => new ValidationMemo({ firstReview: 4, maxEntries: 8 }),
    ];
    for (const [base, makeMemo] of options.flatMap((o) => memos.map((m) => [o, m] as const))) {
      const memo = makeMemo();
      fc.assert(
        fc.property(arbitraryRecord, (raw) => {
          const plain = validateRecord(structuredClone(raw), base);
          const remembered = validateRecord(structuredClone(raw), { ...base, memo });
          expect(remembered).toEqual(plain);
          // Same keys in the same order: the store writes properties as they come.
          expect(JSON.stringify(remembered)).toBe(JSON.stringify(plain));
        }),
        { numRuns: 3_000, seed: 7 },
      );
    }
  });

  it('hands each record lists of its own, so changing one record changes no other', () => {
    const [first, second] = twice('entity', 'Person', {
      id: 'p:1',
      name: 'A',
      sources: ['s:1'],
      handling: 'H0',
    });
    if (!first?.ok || !second?.ok) throw new Error('expected both records to pass');
    (first.record.properties.sources as string[]).push('s:2');
    expect(second.record.properties.sources).toEqual(['s:1']);
  });

  it('still names the field and the fix of a value it has seen fail before', () => {
    const [, again] = twice('link', 'CONTACTED', {
      source: 'p:1',
      target: 'p:1',
      sources: ['s'],
      handling: 'H0',
    });
    expect(again).toEqual({
      ok: false,
      issues: [
        { field: 'target', message: 'a link cannot join an entity to itself: check source and target' },
      ],
    });
  });
});

// The same record validated twice with one memo: the second time from what the memo remembers.
function twice(kind: string, type: string, fields: Record<string, unknown>) {
  const memo = new ValidationMemo();
  return [0, 1].map(() => validateRecord({ kind, type, fields: structuredClone(fields) }, { memo }));
}
