/**
 * Other romanisations of a name, against the real Neo4j: the name keys written by the ingest path and
 * by edits, searched through the full-text index and met by name watches; an index made before name
 * keys is made anew and its entities given keys at the next start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clearance, Viewer } from '../../server/auth/context.ts';
import { NewWatchSchema } from '../../server/schema/api/watches.ts';
import { matchChanges } from '../../server/store/alert-match.ts';
import { updateEntity } from '../../server/store/entity-writes.ts';
import { runWrite } from '../../server/store/ingest-session.ts';
import { writeEntityBatch } from '../../server/store/ingest-writes.ts';
import { FULLTEXT_INDEX, runMigrations } from '../../server/store/migrations.ts';
import { searchEntities } from '../../server/store/search.ts';
import type { Store } from '../../server/store/store.ts';
import { createWatch } from '../../server/store/watches.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const LOW: Clearance = { handling: ['H0', 'H1'], agency: 'Frontex' };
const HIGH: Clearance = { handling: ['H0', 'H1', 'H2', 'H3'], agency: 'Frontex' };
const analyst: Viewer = { username: 'analyst', role: 'analyst', clearance: HIGH.handling, agency: 'Frontex' };
const meta = { user: 'test' };
const page = { limit: 20, offset: 0 };

let store: Store;

async function importPeople(rows: Record<string, unknown>[]): Promise<void> {
  await runWrite(store, (tx) =>
    writeEntityBatch(
      tx,
      'Person',
      rows.map((row) => ({ handling: 'H0', sources: ['src-names'], ...row })),
      meta,
    ),
  );
}

async function search(q: string, clearance = LOW): Promise<string[]> {
  // The full-text index is eventually consistent: wait for the writes to reach it.
  await store.write('CALL db.awaitIndexes(60)');
  await store.read('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
  return (await searchEntities(store, clearance, { ...page, q })).items.map((item) => item.id);
}

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await runWrite(store, (tx) =>
    writeEntityBatch(tx, 'Source', [{ id: 'src-names', name: 'Name test source', handling: 'H0' }], meta),
  );
  await importPeople([
    { id: 'p-anouar', name: 'Anouar Benali', birthDate: '1984-03-02' },
    { id: 'p-anwar', name: 'Anwar Ben Ali', birthDate: '1990-11-20' },
    { id: 'p-yusuf', name: 'Karim Haddad', aliases: ['Yusuf al-Masri'] },
    { id: 'p-hidden', name: 'Anwar Benaly', handling: 'H3' },
    { id: 'p-other', name: 'Nour Benali' },
  ]);
}, 120_000);

afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

describe('searching another romanisation', () => {
  it('finds "Anwar" for "Anouar", below the exact match, and not a different name', async () => {
    const found = await search('Anouar Benali');
    expect(found.slice(0, 2)).toEqual(['p-anouar', 'p-anwar']);
    expect(found).not.toContain('p-other');
    expect((await search('Anwar Benali')).slice(0, 2)).toEqual(['p-anwar', 'p-anouar']);
  });

  it('finds an alias in another romanisation, with or without its article', async () => {
    expect(await search('Youssef el Masri')).toContain('p-yusuf');
    expect(await search('Masri')).toContain('p-yusuf');
  });

  it('never finds a variant the reader may not see, nor counts it', async () => {
    const low = await searchEntities(store, LOW, { ...page, q: 'Anouar' });
    expect(low.items.map((item) => item.id)).not.toContain('p-hidden');
    expect(low.total).toBe(low.items.length);
    expect(await search('Anouar', HIGH)).toContain('p-hidden');
  });

  it('follows an edit of the name', async () => {
    await updateEntity(store, HIGH, analyst, 'p-other', { name: 'Nour Osman' }, 1);
    expect(await search('Othman')).toContain('p-other');
    expect(await search('Nour Benali')).not.toContain('p-other');
  });

  it('never shows the keys among an entity\u2019s properties', async () => {
    const stored = await store.read("MATCH (p:Person {id: 'p-anouar'}) RETURN p.nameKeys AS keys");
    expect(stored.records[0]?.get('keys')).toEqual(expect.arrayContaining(['anr', 'pnl']));
    const { getEntity } = await import('../../server/store/entities.ts');
    expect((await getEntity(store, LOW, 'p-anouar'))?.properties).not.toHaveProperty('nameKeys');
  });
});

describe('a name watch', () => {
  it('on one romanisation alerts on an entity written in another', async () => {
    const watch = await createWatch(
      store,
      analyst,
      HIGH,
      NewWatchSchema.parse({ kind: 'identifier', scheme: 'name', value: 'Youssef Haddad', purpose: 'test' }),
    );
    await importPeople([{ id: 'p-new', name: 'Yusuf Hadad' }]);
    const raised = await matchChanges(
      store,
      { nodes: [{ id: 'p-new', label: 'Person' }], links: [] },
      'import',
    );
    expect(raised.map((alert) => alert.watch)).toContain(watch.id);
  });
});

describe('migrating a database made before name keys', () => {
  it('makes the index anew and gives existing entities their keys', async () => {
    await store.write(`DROP INDEX ${FULLTEXT_INDEX} IF EXISTS`);
    await store.write(`CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} FOR (n:Person) ON EACH [n.name]`);
    await store.write("CREATE (:Person {id: 'p-old', name: 'Mohammed Abdul Rahman', handling: 'H0'})");
    await runMigrations(store);
    const index = await store.read(
      'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties',
      { name: FULLTEXT_INDEX },
    );
    expect(index.records[0]?.get('properties')).toContain('nameKeys');
    expect(await search('Muhammad Abd al-Rahman')).toContain('p-old');
  });

  it('files a name watch made under the old keys under its name key', async () => {
    await store.write(
      `CREATE (w:Watch {id: 'w-old', kind: 'identifier', owner: 'analyst', purpose: 'old',
        parameters: '{"scheme":"name","value":"Ahmed Osman","transliterations":[]}'})
       MERGE (k:WatchKey {id: 'name:ahmed osman'}) CREATE (k)-[:KEY_OF]->(w)`,
    );
    await runMigrations(store);
    const keys = await store.read(
      "MATCH (k:WatchKey)-[:KEY_OF]->(:Watch {id: 'w-old'}) RETURN collect(k.id) AS keys",
    );
    expect(keys.records[0]?.get('keys')).toEqual(
      expect.arrayContaining(['name:ahmed osman', 'name:amt asmn']),
    );
  });
});
