import { describe, expect, it } from 'vitest';
import { IdRegistry } from '../../../server/ingest/id-registry.ts';
import { fnv1a, IdTable } from '../../../server/ingest/id-table.ts';

const collide = () => 7;

describe('the compact id table', () => {
  it('numbers ids in the order they come and finds each again', () => {
    const table = new IdTable();
    expect(table.add('p1')).toEqual({ ordinal: 0, added: true });
    expect(table.add('p2')).toEqual({ ordinal: 1, added: true });
    expect(table.add('p1')).toEqual({ ordinal: 0, added: false });
    expect(table.get('p2')).toBe(1);
    expect(table.get('p3')).toBe(-1);
    expect(table.idOf(1)).toBe('p2');
    expect(table.size).toBe(2);
  });

  it('keeps every id apart when all their hashes collide', () => {
    const table = new IdTable(collide);
    const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
    for (const id of ids) expect(table.add(id).added).toBe(true);
    for (const [i, id] of ids.entries()) {
      expect(table.get(id)).toBe(i);
      expect(table.add(id)).toEqual({ ordinal: i, added: false });
    }
    expect(table.get('id-300')).toBe(-1);
    expect(table.size).toBe(300);
  });

  it('tells apart ids that share a prefix, differ only in length, or are not ASCII', () => {
    const table = new IdTable(collide);
    for (const id of ['a', 'ab', 'abc', 'ä', 'a\u0308', '', '𝔸', 'b']) expect(table.add(id).added).toBe(true);
    expect(table.get('ab')).toBe(1);
    expect(table.get('ä')).toBe(3);
    expect(table.get('a\u0308')).toBe(4);
    expect(table.idOf(6)).toBe('𝔸');
  });

  it('grows its buffer, offsets and slots past their first sizes', () => {
    const table = new IdTable();
    const long = 'x'.repeat(1_000);
    for (let i = 0; i < 20_000; i++) table.add(`${long}${i}`);
    expect(table.get(`${long}19999`)).toBe(19_999);
    expect(table.idOf(12_345)).toBe(`${long}12345`);
  });

  it('hashes with FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});

describe('the id registry under forced hash collisions', () => {
  it('never merges, drops or rejects two different ids', () => {
    const registry = new IdRegistry(collide);
    for (let i = 0; i < 200; i++)
      expect(
        registry.addEntity(`p${i}`, i % 2 ? 'Person' : 'Account', i, { file: 'f', line: i + 1 }),
      ).toEqual({
        kind: 'new',
      });
    expect(registry.addLink('p0', 'HOLDS', 1, { file: 'f', line: 500 })).toEqual({ kind: 'new' });
    expect(registry.size).toBe(201);
    expect(registry.labelOf('p1')).toBe('Person');
    expect(registry.labelOf('p2')).toBe('Account');
    expect(registry.placeOf('p199')).toEqual({ file: 'f', line: 200 });
    expect(registry.addEntity('p7', 'Person', 7, { file: 'g', line: 1 })).toEqual({ kind: 'same' });
    expect(registry.addEntity('p7', 'Person', 8, { file: 'g', line: 2 })).toEqual({
      kind: 'clash',
      earlier: { file: 'f', line: 8 },
    });
    expect(registry.labelOf('p200')).toBeUndefined();
  });
});
