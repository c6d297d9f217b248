/**
 * Projection benchmark: a throwaway local Neo4j holding a generated graph (Persons linked by about a
 * million ASSOCIATE_OF and CONTACTED relationships, each graded, sourced and handled H0), then
 * projectGraph with full clearance, timed in a child process of its own so that its peak RSS is the
 * projection's. Prints nodes, links, seconds, the process's CPU seconds, relationships per second, peak
 * RSS and the load average per run, then the medians.
 *
 * Usage: node --import tsx scripts/bench/projection.ts [--nodes 100000] [--rels 1000000] [--runs 3]
 *   [--heap 2g] [--home DIR]   (with --home the database is kept there, and reused once loaded)
 * It prints figures; nothing here is a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_CLEARANCE } from '../../server/auth/context.ts';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { runMigrations } from '../../server/store/migrations.ts';
import { projectGraph } from '../../server/store/projection.ts';
import { openStore, type Store } from '../../server/store/store.ts';

// cpuMs is the projecting process's own CPU time: on a shared machine the wall time mostly says
// how long Neo4j waited for a core, while the CPU time is what the projection code costs.
type Run = { nodes: number; links: number; ms: number; cpuMs: number; peakRssMb: number };

// Server-side generation: ids p:0..n-1, each relationship between two ids spread by a fixed hash.
const CREATE_NODES = `UNWIND range(0, toInteger($n) - 1) AS i
CALL (i) { CREATE (:Person {id: 'p:' + i, name: 'Person ' + i, roles: ['transporter'], handling: 'H0',
  grade: 'B2', gradeScheme: 'europol', sources: ['src:bench']}) } IN TRANSACTIONS OF 10000 ROWS`;
// Counts come as floats from JavaScript numbers: toInteger keeps the ids 'p:12', not 'p:12.0'.
const CREATE_LINKS = `WITH toInteger($n) AS n, toInteger($m) AS m
UNWIND range(0, m - 1) AS e
WITH e, n, e % n AS a
WITH e, a, (a + 1 + (e * 48271) % (n - 1)) % n AS b
CALL (e, a, b) {
  MATCH (x:Person {id: 'p:' + a}), (y:Person {id: 'p:' + b})
  CREATE (x)-[r:ASSOCIATE_OF {id: 'l:' + e, handling: 'H0', grade: 'B2', gradeScheme: 'europol',
    sources: ['src:bench'], weight: 1 + e % 5, date: '2024-01-01'}]->(y)
} IN TRANSACTIONS OF 10000 ROWS`;
const RETYPE = `MATCH ()-[r:ASSOCIATE_OF]->() WHERE toInteger(substring(r.id, 2)) % 3 = 0
CALL (r) { MATCH (x)-[r]->(y) CREATE (x)-[c:CONTACTED]->(y) SET c = properties(r) DELETE r }
IN TRANSACTIONS OF 10000 ROWS`;
const COUNT = 'MATCH ()-[r]->() RETURN count(r) AS n';

async function relationshipCount(store: Store): Promise<number> {
  const result = await store.read(COUNT);
  return Number(result.records[0]?.get('n') ?? 0);
}

async function load(store: Store, n: number, m: number): Promise<void> {
  const started = performance.now();
  await runMigrations(store);
  await store.autoCommit(CREATE_NODES, { n });
  await store.autoCommit(CREATE_LINKS, { n, m });
  await store.autoCommit(RETYPE);
  process.stdout.write(
    `loaded ${n} nodes, ${m} relationships in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

async function child(env: NodeJS.ProcessEnv): Promise<void> {
  const store = await openStore({
    uri: env.NEO4J_URI as string,
    user: env.NEO4J_USER as string,
    password: env.NEO4J_PASSWORD as string,
    database: undefined,
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const graph = await projectGraph(store, {}, FULL_CLEARANCE);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await store.close();
  const run: Run = {
    nodes: graph.order,
    links: graph.size,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function runChild(env: NodeJS.ProcessEnv): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child'], {
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`projection run failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Run;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string', default: '100000' },
      rels: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      heap: { type: 'string', default: '2g' },
      home: { type: 'string' },
      child: { type: 'boolean' },
    },
  });
  if (values.child) return child(process.env);
  const home = values.home ?? mkdtempSync(join(tmpdir(), 'ariadne-bench-projection-'));
  try {
    const started = await startLocalNeo4j({ home, port: await findFreePort(), heap: values.heap });
    const { user, password } = localCredentials(home);
    const uri = `bolt://127.0.0.1:${started.port}`;
    const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
    const store = await openStore({ uri, user, password, database: undefined });
    if ((await relationshipCount(store)) === 0) await load(store, Number(values.nodes), Number(values.rels));
    await store.close();
    process.stdout.write(`Neo4j at ${uri} (heap ${values.heap}); node ${process.version}\n`);
    const runs: Run[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const run = runChild(env);
      runs.push(run);
      const seconds = run.ms / 1000;
      process.stdout.write(
        `run ${i + 1}: ${run.nodes} nodes, ${run.links} links in ${seconds.toFixed(1)} s (${(run.cpuMs / 1000).toFixed(1)} s of CPU here), ${Math.round(run.links / seconds).toLocaleString('en')} rels/s, peak RSS ${Math.round(run.peakRssMb)} MB, load average ${loadavg()[0]?.toFixed(1)}\n`,
      );
    }
    const median = (of: (run: Run) => number) => {
      const sorted = runs.map(of).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    };
    process.stdout.write(
      `median of ${runs.length}: ${(median((r) => r.ms) / 1000).toFixed(1)} s, ${(median((r) => r.cpuMs) / 1000).toFixed(1)} s of CPU, peak RSS ${Math.round(median((r) => r.peakRssMb))} MB\n`,
    );
  } finally {
    await stopLocalNeo4j(home).catch(() => {});
    if (values.home === undefined) rmSync(home, { recursive: true, force: true });
  }
}

await main();
