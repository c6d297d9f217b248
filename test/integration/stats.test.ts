import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readStats } from '../../server/store/stats.ts';
import type { Store } from '../../server/store/store.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await clearDatabase(store);
  await store.write(
    `CREATE (a:Person {id: 'st-p1'}), (b:Person {id: 'st-p2'}), (o:Organisation {id: 'st-o1'}),
            (a)-[:MEMBER_OF]->(o), (b)-[:MEMBER_OF]->(o), (a)-[:CONTACTED]->(b)`,
  );
});
afterAll(async () => {
  await clearDatabase(store);
  await store.close();
});

describe('stats', () => {
  it('counts nodes per label and relationships per type, with the Neo4j version', async () => {
    const stats = await readStats(store);
    expect(stats.nodes.Person).toBe(2);
    expect(stats.nodes.Organisation).toBe(1);
    expect(stats.nodes.Vessel).toBe(0);
    expect(stats.relationships.MEMBER_OF).toBe(2);
    expect(stats.relationships.CONTACTED).toBe(1);
    expect(stats.neo4j.version).toBe(inject('neo4j').version);
  });

  it('prints the same as JSON through `ariadne stats --json`, using NEO4J_URI and never the local Neo4j', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ariadne-home-'));
    const result = await runCli(['stats', '--json'], testEnv({ ARIADNE_HOME: home }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.neo4j.version).toBe(inject('neo4j').version);
    expect(json.nodes.Person).toBe(2);
    expect(json.relationships.MEMBER_OF).toBe(2);
    expect(existsSync(join(home, 'neo4j'))).toBe(false);
  });

  it('exits 3 with the URI and a hint when the configured Neo4j does not answer', async () => {
    const result = await runCli(['stats'], testEnv({ NEO4J_URI: 'bolt://127.0.0.1:9' }));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/Neo4j at bolt:\/\/127\.0\.0\.1:9 is not available/);
  });

  it('exits 2 and names the variable when the configuration is wrong', async () => {
    const result = await runCli(['stats'], testEnv({ NEO4J_URI: 'http://localhost:7474' }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/NEO4J_URI: must start with one of neo4j:\/\//);
  });
});
