import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABELS, SYSTEM_LABELS } from '../../server/schema/model.ts';
import { FULLTEXT_INDEX, runMigrations } from '../../server/store/migrations.ts';
import type { Store } from '../../server/store/store.ts';
import { openTestStore } from '../helpers/neo4j.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

describe('migrations', () => {
  it('create a uniqueness constraint on id for every label of the model', async () => {
    const result = await store.read('SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *');
    const unique = result.records
      .filter((r) => r.get('type') === 'UNIQUENESS' && (r.get('properties') as string[]).join() === 'id')
      .map((r) => (r.get('labelsOrTypes') as string[])[0]);
    expect(new Set(unique)).toEqual(new Set([...ENTITY_LABELS, ...SYSTEM_LABELS]));
  });

  it('create a full-text index over names and identifiers that finds aliases', async () => {
    await store.write(
      "MERGE (p:Person {id: 'mig-test-1'}) SET p.name = 'Abdel Karim', p.aliases = ['Abu Salim']",
    );
    const indexes = await store.read("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name");
    expect(indexes.records.map((r) => r.get('name'))).toContain(FULLTEXT_INDEX);
    let hits: string[] = [];
    for (let i = 0; i < 20 && hits.length === 0; i++) {
      const found = await store.read(
        'CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id',
        {
          index: FULLTEXT_INDEX,
          q: 'salim',
        },
      );
      hits = found.records.map((r) => r.get('id') as string);
      if (hits.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(hits).toContain('mig-test-1');
    await store.write("MATCH (p:Person {id: 'mig-test-1'}) DETACH DELETE p");
  });

  it('are idempotent: running them again changes nothing', async () => {
    const before = await store.read('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
    await runMigrations(store);
    const after = await store.read('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
    expect(after.records[0]?.get('n')).toBe(before.records[0]?.get('n'));
  });

  it('make a second node with the same id a constraint violation', async () => {
    await store.write("CREATE (:Vessel {id: 'mig-dup'})");
    await expect(store.write("CREATE (:Vessel {id: 'mig-dup'})")).rejects.toThrow(/already exists/);
    await store.write("MATCH (v:Vessel {id: 'mig-dup'}) DELETE v");
  });
});
