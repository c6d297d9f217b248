import { describe, expect, it } from 'vitest';
import type { Store } from '../../../server/store/store.ts';
import { checkHandles, WatchedIdentifiers } from '../../../server/store/watched-identifiers.ts';

/** A store answering the stamp and handle reads from fixed rows, counting each query. */
function storeOf(rows: Record<string, unknown>[], stamp: Record<string, unknown> = { imports: 1 }) {
  const queries: string[] = [];
  const store = {
    read: async (cypher: string) => {
      queries.push(cypher.includes('WatchKey') ? 'handles' : 'stamp');
      const table = cypher.includes('WatchKey') ? rows : [stamp];
      return { records: table.map((row) => ({ get: (key: string) => row[key] ?? null })) };
    },
  } as unknown as Store;
  return { store, queries };
}

const doc = { kind: 'document', number: 'AB1234567' } as const;

describe('the watched identifiers a border check may hit', () => {
  it('takes a document by its number in any country, and a vessel by IMO or MMSI', () => {
    expect(checkHandles({ ...doc, country: 'LY' })).toEqual(['number:AB1234567']);
    expect(checkHandles({ kind: 'vessel', imo: '9074729', mmsi: '636012345' })).toEqual([
      'imo:9074729',
      'mmsi:636012345',
    ]);
    expect(checkHandles({ kind: 'vessel' })).toEqual([]);
  });

  it('holds identifier watches and the identifiers of the documents and vessels entity watches name', async () => {
    const { store } = storeOf([
      { key: 'document:AB1234567|LY' },
      { key: 'imo:9074729' },
      { key: 'entity:v-1', imo: '9176187', mmsi: '538001234' },
      { key: 'entity:d-1', number: 'XK998877' },
      { key: 'entity:p-1' },
    ]);
    const watched = new WatchedIdentifiers(store, () => 0);
    for (const item of [
      doc,
      { kind: 'vessel', imo: '9074729' },
      { kind: 'vessel', mmsi: '538001234' },
      { kind: 'document', number: 'XK998877', country: 'SY' },
    ] as const)
      expect(await watched.mayHit(item)).toBe(true);
    expect(await watched.mayHit({ kind: 'document', number: 'ZZ0000001' })).toBe(false);
    expect(await watched.mayHit({ kind: 'vessel', imo: '1234567' })).toBe(false);
  });

  it('asks Neo4j nothing more until a write through this server or an import elsewhere', async () => {
    const { store, queries } = storeOf([]);
    let writes = 0;
    const watched = new WatchedIdentifiers(store, () => writes, 1_000);
    const t0 = new Date('2026-12-06T10:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    await watched.mayHit(doc, at(0));
    expect(queries).toEqual(['stamp', 'handles']);
    for (let ms = 1; ms < 100; ms++) await watched.mayHit(doc, at(ms));
    expect(queries).toHaveLength(2);
    writes = 1;
    await watched.mayHit(doc, at(200));
    expect(queries).toEqual(['stamp', 'handles', 'handles']);
    // The import stamp is read again after a second; unchanged, the set is kept.
    await watched.mayHit(doc, at(1_300));
    expect(queries).toEqual(['stamp', 'handles', 'handles', 'stamp']);
  });

  it('reads the set once for checks that arrive together', async () => {
    const { store, queries } = storeOf([{ key: 'imo:9074729' }]);
    const watched = new WatchedIdentifiers(store, () => 0);
    const now = new Date();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => watched.mayHit({ kind: 'vessel', imo: '9074729' }, now)),
    );
    expect(answers.every(Boolean)).toBe(true);
    expect(queries.filter((q) => q === 'handles')).toHaveLength(1);
  });
});
