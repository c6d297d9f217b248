import { describe, expect, it } from 'vitest';
import { IdRegistry } from '../../../server/ingest/id-registry.ts';
import { fnv1a, IdTable } from '../../../server/ingest/id-table.ts';

const collide = () => 7;

const payloadOf = (i: number) => Uint8Array.of(i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff);

describe('the compact id table', () => {
  it('adds each id once and finds it again with its payload', () => {
    const table = new IdTable({ payload: 1 });
    expect(table.add('p1', Uint8Array.of(7))).toBe(true);
    expect(table.add('p2', Uint8Array.of(9))).toBe(true);
    expect(table.add('p1', Uint8Array.of(8))).toBe(false);
    expect(table.found[0]).toBe(7);
    expect(table.get('p2')).toBe(true);
    expect(table.found[0]).toBe(9);
    expect(table.get('p3')).toBe(false);
    expect(table.size).toBe(2);
  });

  it('keeps every id apart when all their hashes collide', () => {
    const table = new IdTable({ hash: collide, payload: 3 });
    const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
    for (const [i, id] of ids.entries()) expect(table.add(id, payloadOf(i))).toBe(true);
    for (const [i, id] of ids.entries()) {
      expect(table.get(id)).toBe(true);
      expect([...table.found]).toEqual([...payloadOf(i)]);
      expect(table.add(id)).toBe(false);
    }
    expect(table.get('id-300')).toBe(false);
    expect(table.size).toBe(300);
  });

  it('tells apart ids that share a prefix, differ only in length, or are not ASCII', () => {
    const table = new IdTable({ hash: collide, payload: 1 });
    const ids = ['a', 'ab', 'abc', 'ä', 'a\u0308', '', '𝔸', 'b'];
    for (const [i, id] of ids.entries()) expect(table.add(id, Uint8Array.of(i))).toBe(true);
    for (const [i, id] of ids.entries()) {
      expect(table.get(id)).toBe(true);
      expect(table.found[0]).toBe(i);
    }
    expect(table.get('abcd')).toBe(false);
  });

  it('grows its buffer, offsets, payloads and slots past their first sizes', () => {
    const table = new IdTable({ payload: 3 });
    const long = 'x'.repeat(1_000);
    for (let i = 0; i < 20_000; i++) table.add(`${long}${i}`, payloadOf(i));
    expect(table.get(`${long}19999`)).toBe(true);
    expect([...table.found]).toEqual([...payloadOf(19_999)]);
    expect(table.get(`${long}20000`)).toBe(false);
  });

  it('hashes with FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});

describe('the id table past its memory bound', () => {
  // A seeded stream of ids, many added twice, against a plain Map.
  function exercise(options: { hash?: (id: string) => number; memoryIds: number }, n: number) {
    const table = new IdTable({ ...options, payload: 3 });
    const reference = new Map<string, number>();
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let i = 0; i < n; i++) {
      const id = `e-${next() % (n * 2)}${i % 7 === 0 ? '-ä' : ''}`;
      const added = table.add(id, payloadOf(i));
      expect(added).toBe(!reference.has(id));
      if (added) reference.set(id, i);
      else expect([...table.found]).toEqual([...payloadOf(reference.get(id) ?? -1)]);
    }
    expect(table.size).toBe(reference.size);
    for (const [id, i] of reference) {
      expect(table.get(id)).toBe(true);
      expect([...table.found]).toEqual([...payloadOf(i)]);
    }
    for (let i = 0; i < 500; i++) expect(table.get(`absent-${i}`)).toBe(false);
    return table;
  }

  it('finds every id and payload again once most of them are in runs on disk', () => {
    exercise({ memoryIds: 1_000 }, 20_000).close();
  });

  it('stays exact when every hash collides, in memory and in the runs', () => {
    exercise({ hash: collide, memoryIds: 100 }, 1_500).close();
  });

  it('stays exact when hashes collide often, with equal hashes across block boundaries', () => {
    exercise({ hash: (id) => fnv1a(id) % 97, memoryIds: 700 }, 5_000).close();
  });

  it('is empty once closed', () => {
    const table = exercise({ memoryIds: 50 }, 400);
    table.close();
    expect(table.size).toBe(0);
    expect(table.get('e-1')).toBe(false);
    expect(table.add('e-1')).toBe(true);
  });
});

describe('the id registry under forced hash collisions', () => {
  it('never merges, drops or rejects two different ids', () => {
    const registry = new IdRegistry({ hash: collide });
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

describe('the id registry past its memory bound', () => {
  it('keeps labels, places, repeats and clashes of ids written out to runs', () => {
    const registry = new IdRegistry({ memoryIds: 64 });
    const place = (i: number) => ({ file: i % 2 ? 'a.csv' : 'b.csv', line: i + 1 });
    for (let i = 0; i < 1_000; i++)
      expect(registry.addEntity(`p${i}`, i % 3 ? 'Person' : 'Vessel', i * 3.5, place(i)).kind).toBe('new');
    expect(registry.labelOf('p3')).toBe('Vessel');
    expect(registry.labelOf('p4')).toBe('Person');
    expect(registry.placeOf('p10')).toEqual(place(10));
    expect(registry.addEntity('p9', 'Vessel', 31.5, { file: 'c.csv', line: 1 })).toEqual({ kind: 'same' });
    expect(registry.addEntity('p9', 'Person', 31.5, { file: 'c.csv', line: 2 })).toEqual({
      kind: 'clash',
      earlier: place(9),
    });
    expect(registry.addEntity('p9', 'Vessel', 32, { file: 'c.csv', line: 3 }).kind).toBe('clash');
    expect(registry.labelOf('p1000')).toBeUndefined();
    expect(registry.size).toBe(1_000);
    registry.close();
  });
});
