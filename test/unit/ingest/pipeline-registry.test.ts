import { describe, expect, it } from 'vitest';
import { hashValues, IdRegistry } from '../../../server/ingest/id-registry.ts';
import { formatIssue } from '../../../server/ingest/issue-sink.ts';
import { toRawRecord } from '../../../server/ingest/validate-pass.ts';

describe('the import id registry', () => {
  it('accepts a repeated record, and names the earlier line when the same id comes with other values', () => {
    const registry = new IdRegistry();
    const karim = hashValues({ id: 'p1', name: 'Karim' });
    expect(registry.addEntity('p1', 'Person', karim, { file: 'a.ndjson', line: 1 })).toEqual({ kind: 'new' });
    expect(registry.addEntity('p1', 'Person', karim, { file: 'b.ndjson', line: 7 })).toEqual({
      kind: 'same',
    });
    const other = hashValues({ id: 'p1', name: 'Karim B.' });
    expect(registry.addEntity('p1', 'Person', other, { file: 'b.ndjson', line: 9 })).toEqual({
      kind: 'clash',
      earlier: { file: 'a.ndjson', line: 1 },
    });
    expect(registry.labelOf('p1')).toBe('Person');
  });

  it('treats the same id under another label as a clash', () => {
    const registry = new IdRegistry();
    registry.addEntity('x', 'Person', 1, { file: 'f', line: 1 });
    expect(registry.addEntity('x', 'Organisation', 1, { file: 'f', line: 2 }).kind).toBe('clash');
  });

  it('hashes values regardless of key order', () => {
    expect(hashValues({ a: 1, b: [1, 2] })).toBe(hashValues({ b: [1, 2], a: 1 }));
    expect(hashValues({ a: 1 })).not.toBe(hashValues({ a: 2 }));
  });

  it('tells apart values that would read alike written out: a number and its text, split and joined words', () => {
    expect(hashValues({ a: 1 })).not.toBe(hashValues({ a: '1' }));
    expect(hashValues({ a: ['x', 'y'] })).not.toBe(hashValues({ a: ['xy'] }));
    expect(hashValues({ a: 'b', c: 'd' })).not.toBe(hashValues({ a: 'bc', '': 'd' }));
    expect(hashValues({ a: null })).not.toBe(hashValues({ a: 'null' }));
  });

  it('keeps its place tables growing past their first size', () => {
    const registry = new IdRegistry();
    for (let i = 0; i < 5_000; i++) registry.addEntity(`p${i}`, 'Person', i, { file: 'f', line: i + 1 });
    expect(registry.placeOf('p4999')).toEqual({ file: 'f', line: 5_000 });
  });
});

describe('records handed over as objects', () => {
  it('take an entity kind of their own as the entity field, and a link type as a link', () => {
    expect(toRawRecord({ kind: 'passport', type: 'Document', id: 'd1' }, 'r', 1)).toMatchObject({
      kind: 'entity',
      fields: { id: 'd1', kind: 'passport' },
    });
    expect(toRawRecord({ type: 'HOLDS', source: 'a', target: 'b' }, 'r', 2)).toMatchObject({ kind: 'link' });
  });

  it('name the line of a value that is not a record', () => {
    expect(toRawRecord(42, 'r', 3)).toMatchObject({
      file: 'r',
      line: 3,
      message: expect.stringMatching(/object/),
    });
  });
});

describe('problem lines', () => {
  it('read file:line: field: message', () => {
    expect(formatIssue({ file: 'a.csv', line: 4, field: 'iban', message: 'bad' })).toBe('a.csv:4: iban: bad');
    expect(formatIssue({ file: 'a.csv', line: 0, field: '', message: 'empty' })).toBe('a.csv:0: empty');
  });
});
