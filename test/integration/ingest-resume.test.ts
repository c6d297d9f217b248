import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../server/ingest/index.ts';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { hashContent } from '../../server/store/content-hash.ts';
import { readImport } from '../../server/store/imports.ts';
import { openStore, type Store, StoreUnavailableError } from '../../server/store/store.ts';
import { clearDatabase } from '../helpers/neo4j.ts';

// A Neo4j of this file's own, since the test stops it in the middle of an import.
const home = mkdtempSync(join(tmpdir(), 'ariadne-resume-'));
const file = join(home, 'people.ndjson');
const options = { user: 'tester', source: 'r1', handling: 'H1' as const, batchSize: 500 };
const HASH = { exclude: ['createdAt', 'updatedAt'], excludeLabels: ['Import'] };
let port = 0;
let store: Store;

async function start(): Promise<Store> {
  await startLocalNeo4j({ home, port, strictPort: true, heap: '1g' });
  const { user, password } = localCredentials(home);
  return openStore(
    { uri: `bolt://127.0.0.1:${port}`, user, password, database: undefined },
    { maxRetryMs: 1_000 },
  );
}

beforeAll(async () => {
  const lines: string[] = [];
  for (let i = 0; i < 3_000; i++)
    lines.push(JSON.stringify({ kind: 'entity', type: 'Person', id: `p${i}`, name: `Person ${i}` }));
  for (let i = 1; i < 3_000; i++)
    lines.push(JSON.stringify({ kind: 'link', type: 'ASSOCIATE_OF', source: `p${i - 1}`, target: `p${i}` }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  port = await findFreePort();
  store = await start();
});

afterAll(async () => {
  await store?.close().catch(() => {});
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

describe('an import interrupted by Neo4j stopping', () => {
  let importId = '';

  it('fails as unavailable, and its Import node says how many batches were written', async () => {
    const stopAfterThird = async (index: number) => {
      if (index === 2) await stopLocalNeo4j(home);
    };
    await expect(
      ingestFiles(store, [file], { ...options, afterBatch: stopAfterThird }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close().catch(() => {});
    store = await start();
    const imports = await store.read('MATCH (i:Import) RETURN i.id AS id');
    importId = imports.records[0]?.get('id');
    // Batches are written two at a time: the one beside the third may have committed too.
    const record = await readImport(store, importId);
    expect(record).toMatchObject({ status: 'running' });
    expect(record?.batchesDone).toBeGreaterThanOrEqual(3);
  });

  it('finishes when run again, and ends equal to a clean import of the same file', async () => {
    const resumed = await ingestFiles(store, [file], options);
    expect(resumed).toMatchObject({ status: 'complete', resumed: true, importId });
    expect(resumed.totals).toMatchObject({ created: 3_000 + 2_999 + 1, updated: 0 });
    const afterResume = await hashContent(store, HASH);
    await clearDatabase(store);
    const clean = await ingestFiles(store, [file], options);
    expect(clean.totals).toEqual(resumed.totals);
    expect(await hashContent(store, HASH)).toEqual(afterResume);
    expect(afterResume.nodes).toBe(3_001);
  });

  it('then says the import is done, and changes nothing', async () => {
    const before = await hashContent(store, {});
    const again = await ingestFiles(store, [file], options);
    expect(again.status).toBe('already-imported');
    expect(await hashContent(store, {})).toEqual(before);
  });
});

// Empties the database, then runs the import until batch `index` is written, where it fails.
async function interruptAfter(index: number): Promise<void> {
  await clearDatabase(store);
  const fail = (written: number) => {
    if (written === index) throw new Error('interrupted');
  };
  await expect(ingestFiles(store, [file], { ...options, afterBatch: fail })).rejects.toThrow('interrupted');
}

describe('an import interrupted after it wrote the Source its options add', () => {
  it('adds that Source again when resumed, so that it skips only the batches written', async () => {
    // Persons are batches 0-5, the --source Source batch 6, the links 7-12: the run stops in the links.
    await interruptAfter(7);
    const source = await store.read("MATCH (s:Source {id: 'src:r1'}) RETURN count(s) AS n");
    expect(Number(source.records[0]?.get('n'))).toBe(1);
    const resumed = await ingestFiles(store, [file], options);
    expect(resumed).toMatchObject({ status: 'complete', resumed: true });
    expect(resumed.totals).toMatchObject({ created: 3_000 + 2_999 + 1, updated: 0, unchanged: 0 });
    const links = await store.read('MATCH ()-[r:ASSOCIATE_OF]->() RETURN count(r) AS n');
    expect(Number(links.records[0]?.get('n'))).toBe(2_999);
  });
});

describe('an import interrupted under an older way of cutting batches', () => {
  it('starts its batches again from the first, and ends with every record written once', async () => {
    await interruptAfter(2);
    // As an Import node written before batch plans were recorded looks.
    await store.write('MATCH (i:Import) REMOVE i.batchPlan');
    const written = await store.read('MATCH (n) WHERE NOT n:Import RETURN count(n) AS n');
    const before = Number(written.records[0]?.get('n'));
    expect(before).toBeGreaterThanOrEqual(1_500);
    const again = await ingestFiles(store, [file], options);
    expect(again).toMatchObject({ status: 'complete', resumed: false });
    expect(again.totals).toMatchObject({
      created: 3_000 + 2_999 + 1 - before,
      unchanged: before,
      updated: 0,
    });
    const counts = await store.read('MATCH (n) WHERE NOT n:Import RETURN count(n) AS n');
    expect(counts.records[0]?.get('n')).toBe(3_001);
    const links = await store.read('MATCH ()-[r:ASSOCIATE_OF]->() RETURN count(r) AS n');
    expect(links.records[0]?.get('n')).toBe(2_999);
  });
});
