import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearanceOf, type Viewer } from '../../server/auth/context.ts';
import { getEntity } from '../../server/store/entities.ts';
import {
  ClearanceExceededError,
  createEntity,
  CLIENT_ID_ISSUE,
  EntityExistsError,
  EntityInvalidError,
  EntityRetractedError,
  retractEntity,
  updateEntity,
  VersionMismatchError,
} from '../../server/store/entity-writes.ts';
import { neighbourhood } from '../../server/store/graph-queries.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
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
  it('creates a validated, normalised entity at version 1, written by its author, with a fresh id', async () => {
    const created = await createEntity(store, clearance, analyst, person({ name: '  Omar   Farouk ' }));
    expect(created).toMatchObject({
      id: expect.stringMatching(/^person:[0-9a-f-]{36}$/),
      type: 'Person',
      version: 1,
    });
    expect(created.properties).toMatchObject({ name: 'Omar Farouk', createdBy: 'amira', sources: ['src-1'] });
  });

  it('gives a fresh id even to a record with a natural key', async () => {
    const created = await createEntity(store, clearance, analyst, person({ sourceRef: 'FX-77' }));
    expect(created.id).toMatch(/^person:[0-9a-f-]{36}$/);
    expect(await getEntity(store, clearance, 'person:FX-77')).toBeNull();
  });

  it('refuses an invalid record and names the field', async () => {
    const before = await searchEntities(store, clearance, { q: 'Invalid Ivo', limit: 10, offset: 0 });
    const attempt = createEntity(store, clearance, analyst, person({ name: 'Invalid Ivo', grade: 'Z9' }));
    await expect(attempt).rejects.toBeInstanceOf(EntityInvalidError);
    await expect(attempt).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'grade' })] });
    expect(await searchEntities(store, clearance, { q: 'Invalid Ivo', limit: 10, offset: 0 })).toEqual(
      before,
    );
  });

  it('refuses fields the store keeps for itself', async () => {
    const attempt = createEntity(store, clearance, analyst, person({ version: 7, retracted: true }));
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'version' }, { field: 'retracted' }] });
  });

  it('refuses a handling code beyond the author clearance, or a restriction to another agency', async () => {
    await expect(createEntity(store, clearance, analyst, person({ handling: 'H2' }))).rejects.toBeInstanceOf(
      ClearanceExceededError,
    );
    await expect(
      createEntity(store, clearance, analyst, person({ restrictedTo: ['Guardia di Finanza'] })),
    ).rejects.toBeInstanceOf(ClearanceExceededError);
  });

  it('refuses an id chosen by the caller, whether it is taken or free', async () => {
    for (const id of ['p-samir', 'acct:cm:900', 'p-free']) {
      await expect(createEntity(store, clearance, analyst, person({ id }))).rejects.toMatchObject({
        issues: [CLIENT_ID_ISSUE],
      });
    }
  });

  it('refuses a visible entity with the same natural key, naming it', async () => {
    const vessel = { name: 'Blue Horizon', imo: '9176187', sources: ['src-1'], handling: 'H0' };
    expect((await ingestRecords(store, [{ kind: 'entity', type: 'Vessel', ...vessel }])).ok).toBe(true);
    const attempt = createEntity(store, clearance, analyst, { type: 'Vessel', properties: vessel });
    await expect(attempt).rejects.toBeInstanceOf(EntityExistsError);
    await expect(attempt).rejects.toThrow(/imo:9176187/);
  });
});

describe('updateEntity', () => {
  let upd = '';
  it('applies a patch at the expected version and moves to the next', async () => {
    upd = (await createEntity(store, clearance, analyst, person({ name: 'Adel', notes: 'first note' }))).id;
    const updated = await updateEntity(
      store,
      clearance,
      analyst,
      upd,
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
    const attempt = updateEntity(store, clearance, analyst, upd, { name: 'Stale' }, 1);
    await expect(attempt).rejects.toBeInstanceOf(VersionMismatchError);
    await expect(attempt).rejects.toMatchObject({ current: 2 });
    expect((await getEntity(store, clearance, upd))?.properties.name).toBe('Adel Mansour');
  });

  it('validates the patched record against its label schema', async () => {
    const attempt = updateEntity(store, clearance, analyst, upd, { birthDate: 'not a date' }, 2);
    await expect(attempt).rejects.toBeInstanceOf(EntityInvalidError);
    await expect(updateEntity(store, clearance, analyst, upd, { id: 'other' }, 2)).rejects.toBeInstanceOf(
      EntityInvalidError,
    );
  });

  it('lets only one of two concurrent updates at the same version through', async () => {
    const outcomes = await Promise.allSettled([
      updateEntity(store, clearance, analyst, upd, { notes: 'one' }, 2),
      updateEntity(store, clearance, analyst, upd, { notes: 'two' }, 2),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason),
    ).toEqual([expect.any(VersionMismatchError)]);
    expect((await getEntity(store, clearance, upd))?.version).toBe(3);
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
  let ret = '';
  it('marks the entity retracted with who, when and why, and keeps it readable by id', async () => {
    ret = (await createEntity(store, clearance, analyst, person({ name: 'Retractable Person' }))).id;
    await store.write(
      "MATCH (a:Person {id: $ret}), (b:Person {id: 'p-samir'}) CREATE (a)-[:ASSOCIATE_OF {id: 'l-ret', handling: 'H0', sources: ['src-1']}]->(b)",
      { ret },
    );
    const retracted = await retractEntity(store, clearance, analyst, ret, 'Mistaken identity');
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
    expect(asked.items.map((i) => [i.id, i.retracted])).toEqual([[ret, true]]);
    const around = await neighbourhood(store, clearance, 'p-samir', { depth: 1, limit: 50 });
    expect(around?.nodes.map((n) => n.key)).not.toContain(ret);
  });

  it('leaves a retracted entity as it was withdrawn', async () => {
    await expect(updateEntity(store, clearance, analyst, ret, { name: 'Back' }, 2)).rejects.toBeInstanceOf(
      EntityRetractedError,
    );
    expect((await retractEntity(store, clearance, analyst, ret, 'again'))?.properties.retractionReason).toBe(
      'Mistaken identity',
    );
  });
});
