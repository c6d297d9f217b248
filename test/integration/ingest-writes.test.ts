import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { withCreateFallback } from '../../server/store/ingest-create.ts';
import {
  ingestRecords,
  runWrite,
  writeEntities,
  writeEntityBatch,
  writeLinks,
} from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let store: Store;
const meta = { user: 'tester' };
const provenance = { sources: ['src:r1'], handling: 'H1' };

beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

// Waits until a transaction waits on another's lock (at most 30 s).
async function waitForBlockedTransaction(): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const found = await store.read(
      "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
    );
    if (Number(found.records[0]?.get('n')) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no transaction waited on a lock within 30 s');
}

async function count(cypher: string): Promise<number> {
  const result = await store.read(cypher);
  return Number(result.records[0]?.get(0));
}

describe('the ingest write layer', () => {
  it('creates nodes once, counts a second identical write as unchanged and new fields as updated', async () => {
    const rows = [
      { id: 'p1', name: 'Ali', ...provenance },
      { id: 'p2', name: 'Bea', ...provenance },
    ];
    expect(await writeEntities(store, 'Person', rows, meta)).toMatchObject({ created: 2, updated: 0 });
    expect(await writeEntities(store, 'Person', rows, meta)).toMatchObject({ created: 0, unchanged: 2 });
    const more = await writeEntities(store, 'Person', [{ ...rows[0], gender: 'male' }], meta);
    expect(more).toMatchObject({ created: 0, updated: 1, unchanged: 0, conflicts: [] });
    const node = (await store.read("MATCH (n:Person {id: 'p1'}) RETURN n")).records[0]?.get('n');
    expect(node.properties).toMatchObject({ name: 'Ali', gender: 'male', createdBy: 'tester' });
  });

  it('reports a changed value with its old and new value, and keeps it in the conflicts history', async () => {
    const result = await writeEntities(
      store,
      'Person',
      [{ id: 'p2', name: 'Beatrix', sources: ['src:r2'], handling: 'H1' }],
      meta,
    );
    expect(result.conflicts).toEqual([
      { id: 'p2', label: 'Person', field: 'name', old: 'Bea', new: 'Beatrix', source: ['src:r2'] },
    ]);
    const node = (await store.read("MATCH (n:Person {id: 'p2'}) RETURN n")).records[0]?.get('n');
    expect(node.properties.sources).toEqual(['src:r1', 'src:r2']);
    expect(JSON.parse(node.properties.conflicts[0])).toMatchObject({
      field: 'name',
      old: 'Bea',
      new: 'Beatrix',
    });
  });

  it('stores nested values as JSON text, since Neo4j holds only primitives and flat lists', async () => {
    await writeEntities(
      store,
      'Person',
      [{ id: 'p3', name: 'C', extra: { a: 1 }, mixed: [1, 'x'], ...provenance }],
      meta,
    );
    const node = (await store.read("MATCH (n:Person {id: 'p3'}) RETURN n")).records[0]?.get('n');
    expect(node.properties).toMatchObject({ extra: '{"a":1}', mixed: '[1,"x"]' });
  });

  it('links existing nodes by id whatever their label, and skips a link whose end is missing', async () => {
    const result = await writeLinks(
      store,
      'ASSOCIATE_OF',
      [
        { id: 'l1', source: 'p1', target: 'p2', ...provenance },
        { id: 'l2', source: 'p1', target: 'nobody', ...provenance },
      ],
      meta,
    );
    expect(result).toMatchObject({ created: 1, missing: 1 });
    expect(
      await count(
        "MATCH (:Person {id: 'p1'})-[r:ASSOCIATE_OF {id: 'l1'}]->(:Person {id: 'p2'}) RETURN count(r)",
      ),
    ).toBe(1);
  });

  it('loads the demo case through ingestRecords with the counts of its ground truth', async () => {
    await clearDatabase(store);
    const demo = generateDemoCase({ scale: 1 });
    const result = await ingestRecords(store, demo.records, { user: 'tester' });
    expect(result.ok).toBe(true);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(demo.truth.counts.totalEntities);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(demo.truth.counts.totalLinks);
  });

  it('writes nothing when one record is invalid, and names the record and field', async () => {
    await clearDatabase(store);
    const result = await ingestRecords(store, [
      { kind: 'entity', type: 'Person', id: 'x1', name: 'X', ...provenance },
      { kind: 'link', type: 'HOLDS', id: 'l9', source: 'x1', target: 'x2', ...provenance },
    ]);
    expect(result).toMatchObject({ ok: false, issues: [{ index: 1, field: 'target' }] });
    expect(await count('MATCH (n) RETURN count(n)')).toBe(0);
  });

  it('creates an entity new to the database with the properties the MERGE path gives it, name keys included', async () => {
    const fields = { name: 'Anwar Haddad', aliases: ['Anouar'], gender: 'male', ...provenance };
    const at = { ...meta, now: '2026-01-01T00:00:00.000Z' };
    await runWrite(store, (tx) =>
      writeEntityBatch(tx, 'Person', [{ id: 'via-merge', ...fields }], at, false),
    );
    const created = await runWrite(store, (tx) =>
      writeEntityBatch(tx, 'Person', [{ id: 'via-create', ...fields }], at, true),
    );
    expect(created).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const stored = async (id: string) => {
      const found = await store.read('MATCH (n:Person {id: $id}) RETURN properties(n) AS p', { id });
      const { id: _id, ...rest } = (found.records[0]?.get('p') ?? {}) as Record<string, unknown>;
      return rest;
    };
    const merged = await stored('via-merge');
    expect(merged.nameKeys).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(await stored('via-create')).toEqual(merged);
  });

  it('compares the stored entities of a batch and creates the new ones, in one write', async () => {
    await writeEntities(store, 'Person', [{ id: 'mix-old', name: 'Ali', ...provenance }], meta);
    const rows = [
      { id: 'mix-old', name: 'Ali', ...provenance },
      { id: 'mix-new', name: 'Nur', ...provenance },
    ];
    const counts = await runWrite(store, (tx) => writeEntityBatch(tx, 'Person', rows, meta, true));
    expect(counts).toMatchObject({ created: 1, unchanged: 1, conflicts: [] });
    const clash = await runWrite(store, (tx) =>
      writeEntityBatch(tx, 'Person', [{ id: 'mix-old', name: 'Alia', ...provenance }], meta, true),
    );
    expect(clash.conflicts).toMatchObject([{ id: 'mix-old', field: 'name', old: 'Ali', new: 'Alia' }]);
  });

  it('finds an id another writer creates meanwhile and compares it, never creating it twice', async () => {
    const rows = [
      { id: 'race-1', name: 'Cem', ...provenance },
      { id: 'race-2', name: 'Dia', ...provenance },
    ];
    // Another session creates race-1 and holds it uncommitted: the batch waits on the id's lock until
    // the other commits, then finds race-1 (a look-up that missed it would have its CREATE refused
    // by the id constraint, and the batch run again with every row MERGEd: the same outcome).
    const other = store.driver.session({ database: store.database });
    const racing = other.beginTransaction();
    await racing.run("CREATE (:Person {id: 'race-1', name: 'Cem', sources: ['src:r0'], handling: 'H1'})");
    const attempts: boolean[] = [];
    const writing = withCreateFallback((createNew) => {
      attempts.push(createNew);
      return runWrite(store, (tx) => writeEntityBatch(tx, 'Person', rows, meta, createNew));
    });
    await waitForBlockedTransaction();
    await racing.commit();
    await other.close();
    const counts = await writing;
    expect(attempts[0]).toBe(true);
    expect(counts).toMatchObject({ created: 1, updated: 1, conflicts: [] });
    expect(await count("MATCH (n:Person) WHERE n.id STARTS WITH 'race-' RETURN count(n)")).toBe(2);
    const raced = await store.read("MATCH (n:Person {id: 'race-1'}) RETURN n.sources AS s");
    expect(raced.records[0]?.get('s')).toEqual(['src:r0', 'src:r1']);
  });
});
