/**
 * Ingest benchmark: the demo case at scale 25 (~100k records) and 250 (~1M) as NDJSON, ingested into a
 * local Neo4j of its own, emptied before each run, by the pipeline (validation, id checks, conflicts,
 * import record), by the naive UNWIND MERGE script (the reference) and by the bulk path (the same
 * validation, then Neo4j's importer with the database offline), side by side, each in a child process
 * whose peak RSS is reported; with the load average around each run, the rates as shares of the naive
 * one's, and where the time went. `--scales 2500` (~10M) is the soak run.
 * Usage: node --import tsx scripts/bench/ingest.ts [--scales 25,250] [--heap 2g]
 * It prints figures; nothing here is a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoFiles } from '../../seeds/demo/generate.ts';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { openStore } from '../../server/store/store.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '25,250' },
    heap: { type: 'string', default: '2g' },
    // `--modes bulk` alone, to look into one path; the table needs all three.
    modes: { type: 'string', default: 'bare,pipeline,bulk' },
  },
});
const scales = (values.scales ?? '25').split(',').map(Number);
const modes = (values.modes ?? '').split(',');
const home = mkdtempSync(join(tmpdir(), 'ariadne-bench-ingest-'));
const CHILD = join(import.meta.dirname, 'ingest-child.ts');

type Phases = { validateMs: number; checkMs: number; writeMs: number; storeMs: number };
type Offline = { stop: number; importer: number; importerReported: number; start: number; migrate: number };
type Bulk = { files: number; load: number; offline: Offline; after: number };
type Run = {
  mode: string;
  records: number;
  ms: number;
  peakRssMb: number;
  phases?: Phases;
  bulk?: Bulk;
  load: string;
  /** CPU seconds of the run's own process, and of Neo4j's during the run (the fairer figure under load). */
  cpu: { node: number; neo4j: number };
};

const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// CPU seconds a process has used (user and system), from /proc; 0 where there is none to read.
function cpuSeconds(pid: number | null | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
let neo4jPid: number | null = null;

function runChild(mode: 'pipeline' | 'bare' | 'bulk', file: string, env: NodeJS.ProcessEnv): Run {
  const before = load();
  const neo4jBefore = cpuSeconds(neo4jPid);
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode, file], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${mode} run failed:\n${result.stderr}`);
  const run = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Omit<Run, 'load' | 'cpu'> & {
    cpuMs: number;
  };
  // A bulk run stops and starts Neo4j: its new process's CPU is not counted.
  const neo4j = mode === 'bulk' ? 0 : cpuSeconds(neo4jPid) - neo4jBefore;
  return { ...run, load: `${before} -> ${load()}`, cpu: { node: run.cpuMs / 1000, neo4j } };
}

try {
  const port = await findFreePort();
  neo4jPid = (await startLocalNeo4j({ home, port, strictPort: true, heap: values.heap })).pid;
  const { user, password } = localCredentials(home);
  const uri = `bolt://127.0.0.1:${port}`;
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  // The bulk child finds the same Neo4j as the local one of this home (and stops and starts it).
  const { NEO4J_URI: _uri, NEO4J_USER: _user, NEO4J_PASSWORD: _password, ...rest } = process.env;
  const bulkEnv = {
    ...rest,
    ARIADNE_HOME: home,
    ARIADNE_NEO4J_PORT: String(port),
    ARIADNE_NEO4J_HEAP: values.heap,
  };
  let store = await openStore({ uri, user, password, database: undefined });
  // Links first, in batches: at 10M records a node such as the Case holds millions of links, and
  // detaching them all in one inner transaction exceeds Neo4j's transaction memory pool.
  const clear = async () => {
    await store.autoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS');
    await store.autoCommit('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS');
  };
  // A bulk load refuses a database another client is connected to: this one steps aside meanwhile.
  const runBulk = async (file: string): Promise<Run> => {
    await clear();
    await store.close();
    try {
      return runChild('bulk', file, bulkEnv);
    } finally {
      neo4jPid = (await startLocalNeo4j({ home, port, strictPort: true, heap: values.heap })).pid;
      store = await openStore({ uri, user, password, database: undefined });
    }
  };
  process.stdout.write(
    `Neo4j at ${uri} (heap ${values.heap}); ${process.platform} ${process.arch}, node ${process.version}\n`,
  );
  // A warm-up with the small case, so that the JVM is warm and query plans cached for both alike.
  const warm = join(home, 'warm-up');
  await writeDemoFiles(warm, { scale: 1 });
  for (const mode of ['bare', 'pipeline'] as const) {
    await clear();
    runChild(mode, join(warm, 'demo-case.ndjson'), env);
  }
  await runBulk(join(warm, 'demo-case.ndjson'));
  const summary: string[] = [];
  for (const scale of scales) {
    const dir = join(home, `demo-${scale}`);
    const truth = await writeDemoFiles(dir, { scale });
    const file = join(dir, 'demo-case.ndjson');
    const total = truth.counts.totalEntities + truth.counts.totalLinks;
    const runs: Run[] = [];
    for (const mode of ['bare', 'pipeline'] as const) {
      if (!modes.includes(mode)) continue;
      await clear();
      runs.push(runChild(mode, file, env));
    }
    if (modes.includes('bulk')) runs.push(await runBulk(file));
    process.stdout.write(`\nscale ${scale}: ${total.toLocaleString('en')} records\n`);
    for (const run of runs) {
      const rate = run.records / (run.ms / 1000);
      process.stdout.write(
        `  ${run.mode.padEnd(8)} ${seconds(run.ms).padStart(9)} ${Math.round(rate).toLocaleString('en').padStart(8)} records/s  peak RSS ${Math.round(run.peakRssMb)} MB  load ${run.load}  CPU: node ${run.cpu.node.toFixed(1)} s, Neo4j ${run.mode === 'bulk' ? 'n/a' : `${run.cpu.neo4j.toFixed(1)} s`}\n`,
      );
      const p = run.phases;
      if (p)
        process.stdout.write(
          `           validate ${seconds(p.validateMs)}, check ${seconds(p.checkMs)}, write ${seconds(p.writeMs)} (Neo4j ${seconds(p.storeMs)}, ${Math.round((p.storeMs / run.ms) * 100)}% of the whole)\n`,
        );
      const b = run.bulk;
      if (b)
        process.stdout.write(
          `           bulk files ${b.files.toFixed(1)} s (Neo4j stopping meanwhile: ${b.offline.stop.toFixed(1)} s), load ${b.load.toFixed(1)} s (importer ${b.offline.importer.toFixed(1)} s of which it reports ${b.offline.importerReported.toFixed(1)} s, start ${b.offline.start.toFixed(1)}, migrations ${b.offline.migrate.toFixed(1)}), after ${b.after.toFixed(1)} s; load phase ${Math.round(run.records / b.offline.importer).toLocaleString('en')} records/s\n`,
        );
    }
    const [bare, pipeline, bulk] = runs;
    const bulkRun = runs.find((run) => run.mode === 'bulk');
    if (bare?.mode === 'bare' && bulkRun)
      process.stdout.write(
        `  bulk command / naive: rate ${(bare.ms / bulkRun.ms).toFixed(2)}x (bulk ${Math.round(bulkRun.records / (bulkRun.ms / 1000)).toLocaleString('en')} records/s; aim 15,000)\n`,
      );
    if (bare?.mode === 'bare' && pipeline?.mode === 'pipeline') {
      const cpu = (run: Run) => run.cpu.node + run.cpu.neo4j;
      process.stdout.write(
        `  pipeline / naive: rate ${(bare.ms / pipeline.ms).toFixed(2)}x; by CPU (Node and Neo4j) ${(cpu(bare) / cpu(pipeline)).toFixed(2)}x, Neo4j's alone ${(bare.cpu.neo4j / pipeline.cpu.neo4j).toFixed(2)}x\n`,
      );
    }
    if (bare?.mode === 'bare' && pipeline?.mode === 'pipeline' && bulk?.bulk) {
      const ratio = bare.ms / pipeline.ms;
      const rate = (run: Run) => Math.round(run.records / (run.ms / 1000)).toLocaleString('en');
      const loadRate = Math.round(bulk.records / bulk.bulk.offline.importer).toLocaleString('en');
      process.stdout.write(`  pipeline / naive rate: ${ratio.toFixed(2)}x\n`);
      summary.push(
        `| ${total.toLocaleString('en')} | ${rate(bare)} rec/s | ${rate(pipeline)} rec/s | ${ratio.toFixed(2)}x | ${rate(bulk)} rec/s | ${loadRate} rec/s | ${(bare.ms / bulk.ms).toFixed(2)}x | ${Math.round(bare.peakRssMb)} / ${Math.round(pipeline.peakRssMb)} / ${Math.round(bulk.peakRssMb)} MB | ${bare.load} / ${pipeline.load} / ${bulk.load} |`,
      );
    }
  }
  process.stdout.write(
    `\n| records | naive UNWIND | pipeline | pipeline / naive | bulk command | bulk load (importer) | bulk / naive | peak RSS (naive / pipeline / bulk) | load average (naive / pipeline / bulk) |\n|---|---|---|---|---|---|---|---|---|\n${summary.join('\n')}\n`,
  );
  await store.close();
} finally {
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
