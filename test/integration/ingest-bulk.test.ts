/**
 * The bulk path, against a local Neo4j of its own (a bulk load stops and starts it): it loads what the
 * transactional path writes, refuses what it must not replace, and an interrupted load leaves the
 * database empty. The transactional side runs on the shared test Neo4j.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoFiles } from '../../seeds/demo/generate.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { BulkFilesError, BulkRefusedError, bulkIngestFiles } from '../../server/ingest/bulk-import.ts';
import { ingestFiles } from '../../server/ingest/index.ts';
import type { IngestOptions } from '../../server/ingest/types.ts';
import { localBulkTarget } from '../../server/local-bulk.ts';
import { localCredentials, localStatus, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { BulkLoadError } from '../../server/local/neo4j-import.ts';
import { findFreePort } from '../../server/local/net.ts';
import { SYSTEM_LABELS } from '../../server/schema/model.ts';
import { hashContent } from '../../server/store/content-hash.ts';
import { BOOKKEEPING_PROPERTIES } from '../../server/store/export-reads.ts';
import { readImport } from '../../server/store/imports.ts';
import { runMigrations } from '../../server/store/migrations.ts';
import { openStore, type Store } from '../../server/store/store.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'ariadne-bulk-files-'));
// The name the test set-up's clean-up looks for, should a run be killed.
const home = mkdtempSync(join(tmpdir(), 'ariadne-test-bulk-'));
const at = (name: string) => join(dir, name);
let config: Config;
let bulk: Store;
let shared: Store;

// Values a CSV cell cannot carry as they are (an empty list, a line break, a column's other type),
// quotes and the list delimiter of CSV, and every kind of value.
const EDGE = [
  // A link before its ends: it waits for the check pass, and its row is written after it.
  { kind: 'link', type: 'ASSOCIATE_OF', id: 'el0', source: 'e7', target: 'e1', since: 2019 },
  { kind: 'entity', type: 'Person', id: 'e1', name: 'Empty Lists', tags: [] },
  { kind: 'entity', type: 'Person', id: 'e2', name: 'Two Lines', notes: 'line one\nline two' },
  { kind: 'entity', type: 'Person', id: 'e3', name: 'Numbered', ref: 12, checked: true },
  { kind: 'entity', type: 'Person', id: 'e4', name: 'Lettered', ref: 'A-12', scores: [1.5, 2] },
  { kind: 'entity', type: 'Person', id: 'e5', name: 'Said "go", then; left', mixed: [1, 'a'] },
  { kind: 'entity', type: 'Person', id: 'e6', name: 'Flags', flags: [true, false], aliases: ['F; G', 'H'] },
  { kind: 'entity', type: 'Person', id: 'e7', name: 'Defined Late' },
  { kind: 'link', type: 'ASSOCIATE_OF', id: 'el1', source: 'e1', target: 'e2', weight: 0.5 },
  { kind: 'link', type: 'ASSOCIATE_OF', id: 'el2', source: 'e3', target: 'e4', note: 'a\nb' },
];

const OPTIONS: IngestOptions = {
  user: 'tester',
  source: 'bulk-test',
  handling: 'H0',
  caseName: 'Operation Bulk',
  skipInvalid: true,
};

async function nodeCount(store: Store): Promise<number> {
  const result = await store.read('MATCH (n) RETURN count(n) AS n');
  return Number(result.records[0]?.get('n'));
}

function bulkTarget() {
  const { user, password } = localCredentials(home);
  const port = Number(new URL(localStatus(home).uri ?? 'bolt://x:0').port);
  return { uri: `bolt://127.0.0.1:${port}`, user, password, database: undefined };
}

beforeAll(async () => {
  const port = await findFreePort();
  await startLocalNeo4j({ home, port, strictPort: true, heap: '1g' });
  config = loadConfig({ ARIADNE_HOME: home, ARIADNE_NEO4J_PORT: String(port), ARIADNE_NEO4J_HEAP: '1g' });
  bulk = await openStore(bulkTarget(), { migrate: true });
  shared = await openTestStore();
  await clearDatabase(shared);
  cpSync(join(FIXTURES, 'ingest-bad'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'ftm', 'zala_entities.ftm.json'), at('zala.ftm.json'));
  await writeDemoFiles(at('demo'), { scale: 1 });
  writeFileSync(at('edge.ndjson'), `${EDGE.map((r) => JSON.stringify(r)).join('\n')}\n`);
}, 240_000);

afterAll(async () => {
  await bulk?.close();
  await clearDatabase(shared);
  await shared?.close();
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('a bulk load refuses, writing nothing and leaving the database online', () => {
  it('an invalid file: the errors are reported, nothing is loaded, Neo4j runs again empty', async () => {
    const pid = localStatus(home).pid;
    let folder = '';
    const outcome = await bulkIngestFiles(bulk, localBulkTarget(config), [at('bad-values.ndjson')], {
      user: 'tester',
      mode: 'bulk',
      onFilesDir: (dir) => {
        folder = dir;
      },
    });
    bulk = outcome.store;
    expect(outcome.bulk).toBe(false);
    expect(outcome.report.status).toBe('invalid');
    expect(outcome.report.errors).toContainEqual(expect.objectContaining({ line: 2, field: 'birthDate' }));
    // Neo4j stopped as validation began (the files are written meanwhile): it was started again.
    expect(localStatus(home).running).toBe(true);
    expect(localStatus(home).pid).not.toBe(pid);
    expect(await nodeCount(bulk)).toBe(0);
    // The importer's files, partly written, are gone.
    expect(folder).not.toBe('');
    expect(existsSync(folder)).toBe(false);
  }, 120_000);

  it('records with neither a source nor a handling code, saying what to pass', async () => {
    writeFileSync(at('bare.ndjson'), '{"kind":"entity","type":"Person","id":"q1","name":"Lina"}\n');
    const outcome = await bulkIngestFiles(bulk, localBulkTarget(config), [at('bare.ndjson')], {
      user: 'tester',
      mode: 'bulk',
    });
    bulk = outcome.store;
    expect(outcome.report.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      expect.stringMatching(/^sources: .*--source/),
      expect.stringMatching(/^handling: .*--handling/),
    ]);
    expect(await nodeCount(bulk)).toBe(0);
  }, 120_000);

  it('a dry run validates with the database online, and loads nothing', async () => {
    const pid = localStatus(home).pid;
    const outcome = await bulkIngestFiles(bulk, localBulkTarget(config), [at('demo/demo-case.ndjson')], {
      ...OPTIONS,
      dryRun: true,
      mode: 'bulk',
    });
    expect(outcome.report.status).toBe('dry-run');
    expect(outcome.bulk).toBe(false);
    expect(outcome.store).toBe(bulk);
    expect(localStatus(home).pid).toBe(pid);
    expect(await nodeCount(bulk)).toBe(0);
  });

  it('an import under a clearance: the partition rule is the transactional path’s', async () => {
    const clearance = { handling: ['H0', 'H1'] as ['H0', 'H1'], agency: 'NCA' };
    await expect(
      bulkIngestFiles(bulk, localBulkTarget(config), [at('good.ndjson')], {
        user: 'tester',
        clearance,
        mode: 'bulk',
      }),
    ).rejects.toThrow(/operator’s: imports under a clearance are written by the transactional path/);
  });

  it('a database another client is connected to', async () => {
    const { uri, user, password } = bulkTarget();
    const other = neo4j.driver(uri, neo4j.auth.basic(user, password), { userAgent: 'someone-else/1.0' });
    try {
      await other.verifyConnectivity();
      await expect(
        bulkIngestFiles(bulk, localBulkTarget(config), [at('good.ndjson')], { user: 'tester', mode: 'bulk' }),
      ).rejects.toThrow(/other clients are connected to the database \(someone-else\/1\.0 from/);
    } finally {
      await other.close();
    }
    expect(await nodeCount(bulk)).toBe(0);
  });

  it('--bulk on a Neo4j that is not the local one (exit 2, the reason and what to do)', async () => {
    const result = await runCli(['ingest', at('good.ndjson'), '--bulk'], testEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--bulk loads only the local Neo4j .*NEO4J_URI is set.*without --bulk/);
  });

  it('chosen automatically, a small import stays transactional (the restart would cost more)', async () => {
    const pid = localStatus(home).pid;
    const outcome = await bulkIngestFiles(bulk, localBulkTarget(config), [at('good.ndjson')], {
      user: 'tester',
      mode: 'auto',
    });
    expect(outcome.bulk).toBe(false);
    expect(outcome.report.status).toBe('complete');
    expect(localStatus(home).pid).toBe(pid);
    await clearDatabase(bulk);
  });
});

describe('an interrupted bulk load', () => {
  it('leaves the database empty and online, with a message saying so', async () => {
    const target = localBulkTarget(config, {
      onImporterStarted: (pid) => setTimeout(() => process.kill(pid, 'SIGKILL'), 1_500),
    });
    const failed = bulkIngestFiles(bulk, target, [at('demo/demo-case.ndjson')], {
      ...OPTIONS,
      mode: 'bulk',
    });
    await expect(failed).rejects.toThrow(BulkLoadError);
    await expect(failed).rejects.toThrow(
      /the bulk load was stopped by SIGKILL; the database was left as it was, empty, and nothing was loaded/,
    );
    bulk = await openStore(bulkTarget(), { migrate: true });
    expect(await nodeCount(bulk)).toBe(0);
  }, 240_000);

  it('whose files cannot be written (Neo4j stopped meanwhile) starts it again, empty, and says so', async () => {
    const failed = bulkIngestFiles(bulk, localBulkTarget(config), [at('demo/demo-case.ndjson')], {
      ...OPTIONS,
      mode: 'bulk',
      // The folder of the importer's files vanishes as they are begun: a real failure to write them.
      onFilesDir: (folder) => rmSync(folder, { recursive: true, force: true }),
    });
    await expect(failed).rejects.toThrow(BulkFilesError);
    await expect(failed).rejects.toThrow(
      /writing the importer's files failed \(.*ENOENT.*\); the database was started again as it was, empty, and nothing was loaded/,
    );
    expect(localStatus(home).running).toBe(true);
    bulk = await openStore(bulkTarget(), { migrate: true });
    expect(await nodeCount(bulk)).toBe(0);
  }, 240_000);
});

describe('a bulk load', () => {
  const files = () => [at('demo/demo-case.ndjson'), at('edge.ndjson'), at('zala.ftm.json')];

  it('gives the same database as the transactional write of the same files', async () => {
    // Validated in a thread beside the import's own (as a large input is), the write without one.
    const loaded = await bulkIngestFiles(bulk, localBulkTarget(config), files(), {
      ...OPTIONS,
      mode: 'bulk',
      validationThreads: 1,
    });
    bulk = loaded.store;
    expect(loaded.bulk).toBe(true);
    expect(loaded.report.status).toBe('complete');
    const written = await ingestFiles(shared, files(), OPTIONS);
    // What every start does (name keys for entities without names, say), before comparing.
    await runMigrations(shared);
    expect({ ...loaded.report, importId: '' }).toEqual({ ...written, importId: '' });
    expect(loaded.report.importId).toBe(written.importId);
    // The export round trip's comparison: everything but the bookkeeping and the platform's nodes.
    const content = { exclude: [...BOOKKEEPING_PROPERTIES], excludeLabels: [...SYSTEM_LABELS] };
    const [b, t] = [await hashContent(bulk, content), await hashContent(shared, content)];
    expect(b.nodes).toBeGreaterThan(4_000);
    expect(b).toEqual(t);
    // And the bookkeeping too, but for the times: who created each record, and its version.
    const kept = { exclude: ['createdAt', 'updatedAt', 'conflicts'], excludeLabels: [...SYSTEM_LABELS] };
    expect(await hashContent(bulk, kept)).toEqual(await hashContent(shared, kept));
    for (const store of [bulk, shared]) {
      const unstamped = await store.read(
        `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip)
  AND (n.createdAt IS NULL OR n.updatedAt IS NULL OR n.createdBy <> $user)
RETURN count(n) AS n`,
        { user: 'tester', skip: [...SYSTEM_LABELS] },
      );
      expect(Number(unstamped.records[0]?.get('n'))).toBe(0);
    }
    const bulkImport = await readImport(bulk, written.importId);
    const sharedImport = await readImport(shared, written.importId);
    expect(bulkImport?.status).toBe('complete');
    expect(JSON.parse(bulkImport?.counts ?? '')).toEqual(JSON.parse(sharedImport?.counts ?? ''));
  }, 600_000);

  it('keeps the edge values exactly: empty lists, line breaks, mixed columns, quotes', async () => {
    const props = async (id: string) =>
      (await bulk.read('MATCH (n {id: $id}) RETURN properties(n) AS p', { id })).records[0]?.get('p');
    expect(await props('e1')).toMatchObject({ tags: [] });
    expect(await props('e2')).toMatchObject({ notes: 'line one\nline two' });
    expect(await props('e3')).toMatchObject({ ref: 12, checked: true });
    expect(await props('e4')).toMatchObject({ ref: 'A-12', scores: [1.5, 2] });
    expect(await props('e5')).toMatchObject({ name: 'Said "go", then; left', mixed: '[1,"a"]' });
    expect(await props('e6')).toMatchObject({ flags: [true, false], aliases: ['F; G', 'H'] });
    const late = await bulk.read(
      "MATCH (:Person {id: 'e7'})-[r:ASSOCIATE_OF {id: 'el0'}]->(:Person {id: 'e1'}) RETURN r.since AS since",
    );
    expect(late.records.map((r) => r.get('since'))).toEqual([2019]);
  });

  it('refuses a database that is not empty, naming what it holds', async () => {
    const before = await hashContent(bulk, {});
    await expect(
      bulkIngestFiles(bulk, localBulkTarget(config), [at('good.ndjson')], { user: 'tester', mode: 'bulk' }),
    ).rejects.toThrow(/the database is not empty \(it holds \d+ \w+.*ingest without --bulk/);
    await expect(
      bulkIngestFiles(bulk, localBulkTarget(config), [at('good.ndjson')], { user: 'tester', mode: 'bulk' }),
    ).rejects.toThrow(BulkRefusedError);
    expect(await hashContent(bulk, {})).toEqual(before);
  });
});
