import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/store.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

const dir = mkdtempSync(join(tmpdir(), 'ariadne-ingest-cli-'));
const env = testEnv({ ARIADNE_HOME: dir });
let store: Store;

beforeAll(async () => {
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'ingest-bad'), dir, { recursive: true });
  store = await openTestStore();
  await clearDatabase(store);
});

afterAll(async () => {
  await clearDatabase(store);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function count(cypher: string): Promise<number> {
  return Number((await store.read(cypher)).records[0]?.get(0));
}

describe('ariadne ingest', () => {
  it('refuses an unknown handling code as a usage error (exit 2)', async () => {
    const result = await runCli(['ingest', join(dir, 'good.ndjson'), '--handling', 'H9'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--handling/);
  });

  it('prints each problem as file:line: field: message and exits 1, writing nothing', async () => {
    const result = await runCli(['ingest', join(dir, 'bad-values.ndjson')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'bad-values.ndjson')}:4: iban: `);
    expect(result.stderr).toContain('bad-values.ndjson.errors.ndjson');
    expect(await count('MATCH (n) RETURN count(n)')).toBe(0);
  });

  it('imports a file and prints its summary as JSON, then says there is nothing to do', async () => {
    const first = await runCli(['ingest', join(dir, 'good.ndjson'), '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: 'complete',
      totals: { created: 7, rejected: 0 },
    });
    const again = await runCli(['ingest', join(dir, 'good.ndjson')], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported on \d{4}-\d\d-\d\d.*: nothing to do/);
  });
});

describe('ariadne demo', () => {
  it('refuses a database that holds entities, unless forced', async () => {
    const result = await runCli(['demo'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already holds entities.*--force/);
  });

  it('loads the demo case into an empty database, with the counts of its ground truth kept beside the files', async () => {
    await clearDatabase(store);
    const result = await runCli(['demo', '--json'], env);
    expect(result.code).toBe(0);
    const truth = JSON.parse(readFileSync(join(dir, 'demo', 'ground-truth.json'), 'utf8'));
    expect(await count('MATCH (n) WHERE NOT n:Import RETURN count(n)')).toBe(truth.counts.totalEntities);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(truth.counts.totalLinks);
    expect(
      await count("MATCH (n) WHERE n.id = 'ground-truth' OR n.busiestHotspot IS NOT NULL RETURN count(n)"),
    ).toBe(0);
    expect(JSON.parse(result.stdout).report.status).toBe('complete');
  });
});
