import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../server/ingest/index.ts';
import { hashContent } from '../../server/store/content-hash.ts';
import { readImport } from '../../server/store/imports.ts';
import { runWrite, writeEntities, writeLinkBatch } from '../../server/store/ingest-writes.ts';
import type { Store } from '../../server/store/store.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

// Links to an entity the import created are MERGEd without comparing; these tests hold that path to
// the graph the compare-and-set path gives, and to one relationship per link id whatever happens.
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'ariadne-new-links-'));
const options = { user: 'tester', source: 'r1', handling: 'H1' as const };
const HASH = { exclude: ['createdAt', 'updatedAt'], excludeLabels: ['Import'] };
const provenance = { sources: ['src:r1'], handling: 'H1' };
const ends = { source: 'Person', target: 'Person' } as const;
const meta = { user: 'tester' };

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeLines(name: string, records: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  return file;
}

const person = (id: string) => ({ kind: 'entity', type: 'Person', id, name: `Person ${id}` });
const link = (source: string, target: string, note: string) => ({
  kind: 'link',
  type: 'ASSOCIATE_OF',
  id: `${source}-${target}`,
  source,
  target,
  note,
});

async function count(cypher: string): Promise<number> {
  const result = await store.read(cypher);
  return Number(result.records[0]?.get(0));
}

const duplicateIds = () =>
  count('MATCH ()-[r]->() WITH type(r) AS t, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(*)');

async function linkProperties(id: string): Promise<Record<string, unknown>> {
  const result = await store.read('MATCH ()-[r {id: $id}]->() RETURN properties(r) AS p', { id });
  return result.records[0]?.get('p');
}

describe('a link one of whose ends the import created', () => {
  it('is stored with the same properties as the compare-and-set path gives a new link', async () => {
    await clearDatabase(store);
    const now = '2026-12-06T10:00:00.000Z';
    await writeEntities(
      store,
      'Person',
      [
        { id: 'a', ...provenance },
        { id: 'b', ...provenance },
      ],
      meta,
    );
    const row = { id: 'a-b', source: 'a', target: 'b', note: 'met in Tripoli', weight: 2, ...provenance };
    const fresh = await runWrite(store, (tx) =>
      writeLinkBatch(tx, 'ASSOCIATE_OF', ends, [row], { user: 'tester', now }, new Set(['a-b'])),
    );
    expect(fresh).toMatchObject({ created: 1, updated: 0, unchanged: 0, missing: 0, conflicts: [] });
    const viaNew = await linkProperties('a-b');
    await store.write("MATCH ()-[r {id: 'a-b'}]->() DELETE r");
    await runWrite(store, (tx) => writeLinkBatch(tx, 'ASSOCIATE_OF', ends, [row], { user: 'tester', now }));
    expect(await linkProperties('a-b')).toEqual(viaNew);
    expect(viaNew).toMatchObject({ note: 'met in Tripoli', sources: ['src:r1'], createdBy: 'tester' });
  });

  it('is found, compared and its conflict kept when another writer stored it meanwhile', async () => {
    // As if another import had linked the new entities between this import's entity and link batches.
    await writeEntities(store, 'Person', [{ id: 'c', ...provenance }], meta);
    const rows = [
      { id: 'a-b', source: 'a', target: 'b', note: 'met in Sfax', ...provenance },
      { id: 'b-c', source: 'b', target: 'c', note: 'cousins', ...provenance },
      { id: 'c-x', source: 'c', target: 'x', note: 'no such end', ...provenance },
    ];
    const counts = await runWrite(store, (tx) =>
      writeLinkBatch(tx, 'ASSOCIATE_OF', ends, rows, meta, new Set(['a-b', 'b-c', 'c-x'])),
    );
    expect(counts).toMatchObject({ created: 1, updated: 1, unchanged: 0, missing: 1 });
    expect(counts.conflicts).toEqual([
      expect.objectContaining({ id: 'a-b', field: 'note', old: 'met in Tripoli', new: 'met in Sfax' }),
    ]);
    expect(await count("MATCH ()-[r {id: 'a-b'}]->() RETURN count(r)")).toBe(1);
    const stored = await linkProperties('a-b');
    expect(stored.note).toBe('met in Sfax');
    expect(JSON.parse((stored.conflicts as string[])[0] ?? '{}')).toMatchObject({
      old: 'met in Tripoli',
      new: 'met in Sfax',
    });
    expect(await duplicateIds()).toBe(0);
  });
});

describe('imports that add links to new and stored entities', () => {
  const first = () =>
    writeLines('first.ndjson', [
      ...['p0', 'p1', 'p2', 'p3'].map(person),
      link('p0', 'p1', 'a'),
      link('p1', 'p2', 'b'),
      link('p2', 'p3', 'c'),
    ]);
  const second = () =>
    writeLines('second.ndjson', [
      ...['q0', 'q1'].map(person),
      link('p3', 'q0', 'd'),
      link('q0', 'q1', 'e'),
      link('q0', 'q1', 'e'),
      link('p0', 'p3', 'f'),
      link('p0', 'p1', 'changed'),
    ]);

  it('create each link once and record the changed value as a conflict', async () => {
    await clearDatabase(store);
    const one = await ingestFiles(store, [first()], options);
    expect(one.totals).toMatchObject({ created: 4 + 3 + 1, updated: 0 });
    const two = await ingestFiles(store, [second()], options);
    expect(two.status).toBe('complete');
    expect(two.totals).toMatchObject({ created: 2 + 3, updated: 1, unchanged: 0 });
    expect(await count('MATCH ()-[r:ASSOCIATE_OF]->() RETURN count(r)')).toBe(6);
    expect(await duplicateIds()).toBe(0);
    const changed = await linkProperties('p0-p1');
    expect(changed.note).toBe('changed');
    expect(JSON.parse((changed.conflicts as string[])[0] ?? '{}')).toMatchObject({
      old: 'a',
      new: 'changed',
    });
  });

  it('change nothing when run again', async () => {
    const before = await hashContent(store, {});
    expect((await ingestFiles(store, [first()], options)).status).toBe('already-imported');
    expect((await ingestFiles(store, [second()], options)).status).toBe('already-imported');
    expect(await hashContent(store, {})).toEqual(before);
  });
});

describe('an import interrupted between its entity batches', () => {
  it('resumes, treats the entities the first run created as stored, and ends equal to a clean import', async () => {
    const records: object[] = [];
    for (let i = 0; i < 1_000; i++) records.push(person(`r${i}`));
    for (let i = 1; i < 1_000; i++) records.push(link(`r${i - 1}`, `r${i}`, `n${i}`));
    const file = writeLines('chain.ndjson', records);
    const small = { ...options, batchSize: 200 };
    await clearDatabase(store);
    const failAfterThird = (index: number) => {
      if (index === 2) throw new Error('interrupted');
    };
    await expect(ingestFiles(store, [file], { ...small, afterBatch: failAfterThird })).rejects.toThrow(
      'interrupted',
    );
    const resumed = await ingestFiles(store, [file], small);
    expect(resumed).toMatchObject({ status: 'complete', resumed: true });
    expect(resumed.totals).toMatchObject({ created: 1_000 + 999 + 1, updated: 0, unchanged: 0 });
    expect(await readImport(store, resumed.importId)).toMatchObject({ status: 'complete' });
    expect(await count('MATCH ()-[r:ASSOCIATE_OF]->() RETURN count(r)')).toBe(999);
    expect(await duplicateIds()).toBe(0);
    const afterResume = await hashContent(store, HASH);
    await clearDatabase(store);
    const clean = await ingestFiles(store, [file], small);
    expect(clean.totals).toEqual(resumed.totals);
    expect(await hashContent(store, HASH)).toEqual(afterResume);
  });
});

describe('links checked as they come and in the check pass', () => {
  it('write a link before its ends and one after alike, and reject a misfit wherever it sits', async () => {
    await clearDatabase(store);
    const member = (id: string, source: string, target: string) => ({
      kind: 'link',
      type: 'MEMBER_OF',
      id,
      source,
      target,
    });
    const file = writeLines('order.ndjson', [
      member('early', 'm1', 'o1'),
      member('misfit-early', 'o1', 'm1'),
      person('m1'),
      { kind: 'entity', type: 'Organisation', id: 'o1', name: 'Syndicate' },
      member('late', 'm1', 'o1'),
      member('misfit-late', 'o1', 'm1'),
    ]);
    const report = await ingestFiles(store, [file], { ...options, skipInvalid: true });
    expect(report.status).toBe('complete');
    expect(report.counts.MEMBER_OF).toMatchObject({ created: 2, rejected: 2 });
    const misfits = report.errors.filter((error) => error.field === 'type');
    expect(misfits.map((error) => error.line).sort()).toEqual([2, 6]);
    expect(misfits[0]?.message).toBe(misfits[1]?.message);
    expect(misfits[0]?.message).toMatch(/MEMBER_OF goes from .* swap source and target/);
    expect(await count('MATCH (:Person {id: "m1"})-[r:MEMBER_OF]->(:Organisation) RETURN count(r)')).toBe(2);
  });
});

describe('a link whose end is deleted while the import runs', () => {
  it('is not written, and the report says how many and why', async () => {
    await clearDatabase(store);
    const people = Array.from({ length: 10 }, (_, i) => person(`d${i}`));
    const links = Array.from({ length: 9 }, (_, i) => link(`d${i}`, `d${i + 1}`, 'chain'));
    const file = writeLines('deleted-end.ndjson', [...people, ...links]);
    // Persons are batches 0 and 1, the --source Source batch 2; the links come after all three.
    const deleteOne = async (index: number) => {
      if (index === 2) await store.write("MATCH (p:Person {id: 'd5'}) DETACH DELETE p");
    };
    const report = await ingestFiles(store, [file], { ...options, batchSize: 5, afterBatch: deleteOne });
    expect(report.status).toBe('complete');
    expect(await count('MATCH ()-[r:ASSOCIATE_OF]->() RETURN count(r)')).toBe(7);
    expect(report.warnings.join('\n')).toMatch(
      /^2 link\(s\) were not written: an entity they link was deleted/m,
    );
  });
});
