import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearanceOf, type Viewer } from '../../server/auth/context.ts';
import { getEntity } from '../../server/store/entities.ts';
import {
  ClearanceExceededError,
  createEntity,
  EntityExistsError,
  EntityInvalidError,
  EntityRetractedError,
  retractEntity,
  updateEntity,
  VersionMismatchError,
} from '../../server/store/entity-writes.ts';
import { neighbourhood } from '../../server/store/graph-queries.ts';
import { searchEntities } from '../../server/store/search.ts';
import type { Store } from '../../server/store/store.ts';
import { loadClearanceGraph } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const analyst: Viewer = { username: 'amira', role: 'analyst', clearance: ['H0', 'H1'], agency: 'Frontex' };
const clearance = clearanceOf(analyst);

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await loadClearanceGraph(store);
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

const person = (properties: Record<string, unknown>) => ({
  type: 'Person',
  properties: { name: 'Someone', sources: ['src-1'], handling: 'H0', ...properties },
});

describe('createEntity', () => {
  it('creates a validated, normalised entity at version 1, written by its author', async () => {
    const created = await createEntity(
      store,
      clearance,
      analyst,
      person({ id: 'p-new', name: '  Omar   Farouk ' }),
    );
    expect(created).toMatchObject({ id: 'p-new', type: 'Person', version: 1 });
    expect(created.properties).toMatchObject({ name: 'Omar Farouk', createdBy: 'amira', sources: ['src-1'] });
  });

  it('gives a fresh id to a record that has neither an id nor a natural key', async () => {
    const created = await createEntity(store, clearance, analyst, person({ name: 'Nameless Driver' }));
    expect(created.id).toMatch(/^person:[0-9a-f-]{36}$/);
  });

  it('refuses an invalid record and names the field', async () => {
    const attempt = createEntity(store, clearance, analyst, person({ id: 'p-bad', grade: 'Z9' }));
    await expect(attempt).rejects.toBeInstanceOf(EntityInvalidError);
    await expect(attempt).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'grade' })] });
    expect(await getEntity(store, clearance, 'p-bad')).toBeNull();
  });

  it('refuses fields the store keeps for itself', async () => {
    const attempt = createEntity(
      store,
      clearance,
      analyst,
      person({ id: 'p-v', version: 7, retracted: true }),
    );
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'version' }, { field: 'retracted' }] });
  });

  it('refuses a handling code beyond the author clearance, or a restriction to another agency', async () => {
    await expect(
      createEntity(store, clearance, analyst, person({ id: 'p-h3', handling: 'H2' })),
    ).rejects.toBeInstanceOf(ClearanceExceededError);
    await expect(
      createEntity(store, clearance, analyst, person({ id: 'p-r', restrictedTo: ['Guardia di Finanza'] })),
    ).rejects.toBeInstanceOf(ClearanceExceededError);
  });

  it('refuses an id that exists already', async () => {
    await expect(createEntity(store, clearance, analyst, person({ id: 'p-samir' }))).rejects.toBeInstanceOf(
      EntityExistsError,
    );
  });
});

describe('updateEntity', () => {
  it('applies a patch at the expected version and moves to the next', async () => {
    await createEntity(store, clearance, analyst, person({ id: 'p-upd', name: 'Adel', notes: 'first note' }));
    const updated = await updateEntity(
      store,
      clearance,
      analyst,
      'p-upd',
      { name: 'Adel Mansour', notes: null },
      1,
    );
    expect(updated).toMatchObject({
      version: 2,
      properties: expect.objectContaining({ name: 'Adel Mansour' }),
    });
    expect(updated?.properties).not.toHaveProperty('notes');
  });

  it('refuses a patch made against an older version (412), and changes nothing', async () => {
    const attempt = updateEntity(store, clearance, analyst, 'p-upd', { name: 'Stale' }, 1);
    await expect(attempt).rejects.toBeInstanceOf(VersionMismatchError);
    await expect(attempt).rejects.toMatchObject({ current: 2 });
    expect((await getEntity(store, clearance, 'p-upd'))?.properties.name).toBe('Adel Mansour');
  });

  it('validates the patched record against its label schema', async () => {
    const attempt = updateEntity(store, clearance, analyst, 'p-upd', { birthDate: 'not a date' }, 2);
    await expect(attempt).rejects.toBeInstanceOf(EntityInvalidError);
    await expect(updateEntity(store, clearance, analyst, 'p-upd', { id: 'other' }, 2)).rejects.toBeInstanceOf(
      EntityInvalidError,
    );
  });

  it('lets only one of two concurrent updates at the same version through', async () => {
    const outcomes = await Promise.allSettled([
      updateEntity(store, clearance, analyst, 'p-upd', { notes: 'one' }, 2),
      updateEntity(store, clearance, analyst, 'p-upd', { notes: 'two' }, 2),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason),
    ).toEqual([expect.any(VersionMismatchError)]);
    expect((await getEntity(store, clearance, 'p-upd'))?.version).toBe(3);
  });

  it('keeps the sources the editor may not see', async () => {
    const full = clearanceOf({
      ...analyst,
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: 'Guardia di Finanza',
    });
    await updateEntity(
      store,
      clearance,
      analyst,
      'p-karim',
      { sources: ['src-1'], notes: 'seen in Sfax' },
      1,
    );
    expect((await getEntity(store, full, 'p-karim'))?.properties.sources).toEqual(['src-1', 'src-gdf']);
  });

  it('is null for an entity the editor may not see', async () => {
    expect(await updateEntity(store, clearance, analyst, 'acct:cm:900', { name: 'x' }, 1)).toBeNull();
  });
});

describe('retractEntity', () => {
  it('marks the entity retracted with who, when and why, and keeps it readable by id', async () => {
    await createEntity(store, clearance, analyst, person({ id: 'p-ret', name: 'Retractable Person' }));
    await store.write(
      "MATCH (a:Person {id: 'p-ret'}), (b:Person {id: 'p-samir'}) CREATE (a)-[:ASSOCIATE_OF {id: 'l-ret', handling: 'H0', sources: ['src-1']}]->(b)",
    );
    const retracted = await retractEntity(store, clearance, analyst, 'p-ret', 'Mistaken identity');
    expect(retracted).toMatchObject({ retracted: true, version: 2 });
    expect(retracted?.properties).toMatchObject({
      retractedBy: 'amira',
      retractionReason: 'Mistaken identity',
    });
    expect(retracted?.properties.retractedAt).toEqual(expect.any(String));
  });

  it('takes it out of searches and neighbourhoods unless asked for', async () => {
    const found = await searchEntities(store, clearance, { q: 'Retractable', limit: 10, offset: 0 });
    expect(found.total).toBe(0);
    const asked = await searchEntities(store, clearance, {
      q: 'Retractable',
      limit: 10,
      offset: 0,
      includeRetracted: true,
    });
    expect(asked.items.map((i) => [i.id, i.retracted])).toEqual([['p-ret', true]]);
    const around = await neighbourhood(store, clearance, 'p-samir', { depth: 1, limit: 50 });
    expect(around?.nodes.map((n) => n.key)).not.toContain('p-ret');
  });

  it('leaves a retracted entity as it was withdrawn', async () => {
    await expect(
      updateEntity(store, clearance, analyst, 'p-ret', { name: 'Back' }, 2),
    ).rejects.toBeInstanceOf(EntityRetractedError);
    expect(
      (await retractEntity(store, clearance, analyst, 'p-ret', 'again'))?.properties.retractionReason,
    ).toBe('Mistaken identity');
  });
});
