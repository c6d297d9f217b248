/**
 * Ingest benchmark: the demo case at scale 25 (~100k records) and 250 (~1M) as NDJSON, ingested into a
 * local Neo4j of its own, by the pipeline (validation, id checks, conflicts, import record), by the
 * naive UNWIND MERGE script (the reference) and by the bulk path (the same validation, then Neo4j's
 * importer with the database offline), side by side, each in a child process whose peak RSS is
 * reported; with the load average around each run, the rates as shares of the naive one's, and where
 * the time went. Every run gets a fresh database (Neo4j stopped, its store and logs removed, started
 * and migrated again), so that no run writes into the space another one's records left. With
 * `--rounds 2` or more the modes run again in the reverse order (naive, pipeline, bulk, then bulk,
 * pipeline, naive, ...), so that a machine growing busier or quieter weighs on each alike, and the
 * ratios are of the medians. `--scales 2500` (~10M) is the soak run. The child runs bundled as the
 * `ariadne` command does (scripts/setup/cli-bundle.js), its threads from the CLI's bundle; `--tsx`
 * runs its TypeScript through tsx instead (about 40 MB more per thread).
 * Usage: node --import tsx scripts/bench/ingest.ts [--scales 25,250] [--modes bare,pipeline,bulk]
 *   [--rounds 1] [--heap 2g] [--pagecache 512m] [--tsx]
 * It prints figures; nothing here is a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoFiles } from '../../seeds/demo/generate.ts';
import { buildCliBundle, bundle } from '../setup/cli-bundle.js';
import { localCredentials, startLocalNeo4j, stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { openStore, type Store } from '../../server/store/store.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '25,250' },
    heap: { type: 'string', default: '2g' },
    pagecache: { type: 'string', default: '512m' },
    rounds: { type: 'string', default: '1' },
    // `--modes bulk` alone, to look into one path; the table needs all three.
    modes: { type: 'string', default: 'bare,pipeline,bulk' },
    tsx: { type: 'boolean', default: false },
  },
});
const scales = (values.scales ?? '25').split(',').map(Number);
const modes = (values.modes ?? '').split(',');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: give a whole number, 1 or more');
const home = mkdtempSync(join(tmpdir(), 'ariadne-bench-ingest-'));
const ROOT = join(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'ingest-child.ts');
// The child's command line: its bundle (the CLI's made current first, for its threads), or tsx.
async function childCommand(): Promise<string[]> {
  if (values.tsx) return ['--import', 'tsx', CHILD];
  await buildCliBundle();
  // Inside the project (git-ignored), where the bundle's packages are found.
  const outdir = join(ROOT, '.build', 'bench', 'ingest-child');
  await bundle(ROOT, { 'ingest-child': 'scripts/bench/ingest-child.ts' }, outdir);
  return [join(outdir, 'ingest-child.js')];
}
const childArgs = await childCommand();

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
  const result = spawnSync(process.execPath, [...childArgs, mode, file], {
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

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const rateOf = (run: Run) => run.records / (run.ms / 1000);

function printRun(run: Run): void {
  process.stdout.write(
    `  ${run.mode.padEnd(8)} ${seconds(run.ms).padStart(9)} ${Math.round(rateOf(run)).toLocaleString('en').padStart(8)} records/s  peak RSS ${Math.round(run.peakRssMb)} MB  load ${run.load}  CPU: node ${run.cpu.node.toFixed(1)} s, Neo4j ${run.mode === 'bulk' ? 'n/a' : `${run.cpu.neo4j.toFixed(1)} s`}\n`,
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

try {
  const port = await findFreePort();
  const memory = { heap: values.heap, pageCache: values.pagecache };
  const start = async () => {
    neo4jPid = (await startLocalNeo4j({ home, port, strictPort: true, ...memory })).pid;
  };
  await start();
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
    ARIADNE_NEO4J_PAGECACHE: values.pagecache,
  };
  const open = () => openStore({ uri, user, password, database: undefined });
  let store: Store = await open();
  // A fresh database: the system database (users, credentials) is kept; the data's store and logs go.
  const fresh = async () => {
    await store.close();
    await stopLocalNeo4j(home);
    for (const part of ['databases', 'transactions'])
      rmSync(join(home, 'neo4j', 'data', part, 'neo4j'), { recursive: true, force: true });
    await start();
    store = await open();
  };
  // A bulk load refuses a database another client is connected to: this one steps aside meanwhile.
  const run = async (mode: string, file: string): Promise<Run> => {
    await fresh();
    if (mode !== 'bulk') return runChild(mode as 'bare' | 'pipeline', file, env);
    await store.close();
    try {
      return runChild('bulk', file, bulkEnv);
    } finally {
      await start();
      store = await open();
    }
  };
  process.stdout.write(
    `Neo4j at ${uri} (heap ${values.heap}, page cache ${values.pagecache}); ${process.platform} ${process.arch}, node ${process.version}; child ${values.tsx ? 'through tsx' : 'bundled'}\n`,
  );
  // A warm-up with the small case, so that the JVM's classes and the child's modules are on disk's
  // cache for every mode alike.
  const warm = join(home, 'warm-up');
  await writeDemoFiles(warm, { scale: 1 });
  for (const mode of modes) await run(mode, join(warm, 'demo-case.ndjson'));
  const summary: string[] = [];
  for (const scale of scales) {
    const dir = join(home, `demo-${scale}`);
    const truth = await writeDemoFiles(dir, { scale });
    const file = join(dir, 'demo-case.ndjson');
    const total = truth.counts.totalEntities + truth.counts.totalLinks;
    process.stdout.write(`\nscale ${scale}: ${total.toLocaleString('en')} records\n`);
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? modes : [...modes].reverse();
      for (const mode of order) {
        const done = await run(mode, file);
        printRun(done);
        runs.push(done);
      }
    }
    const of = (mode: string) => runs.filter((r) => r.mode === mode);
    const ms = (mode: string) => median(of(mode).map((r) => r.ms));
    const cpu = (mode: string) => median(of(mode).map((r) => r.cpu.node + r.cpu.neo4j));
    const rate = (mode: string) => Math.round(total / (ms(mode) / 1000)).toLocaleString('en');
    const bare = of('bare').length > 0;
    const pipeline = of('pipeline').length > 0;
    const bulk = of('bulk').length > 0;
    if (rounds > 1)
      process.stdout.write(
        `  medians of ${rounds}: ${modes.map((mode) => `${mode} ${seconds(ms(mode))} (${rate(mode)} records/s)`).join(', ')}\n`,
      );
    if (bare && pipeline)
      process.stdout.write(
        `  pipeline / naive: rate ${(ms('bare') / ms('pipeline')).toFixed(2)}x; by CPU (Node and Neo4j) ${(cpu('bare') / cpu('pipeline')).toFixed(2)}x; each pair: ${of(
          'pipeline',
        )
          .map((p, i) => `${((of('bare')[i]?.ms ?? 0) / p.ms).toFixed(2)}x`)
          .join(', ')}\n`,
      );
    if (bare && bulk)
      process.stdout.write(
        `  bulk command / naive: rate ${(ms('bare') / ms('bulk')).toFixed(2)}x (bulk ${rate('bulk')} records/s; aim 15,000); load phase ${median(of('bulk').map((r) => Math.round(r.records / (r.bulk?.offline.importer ?? Number.NaN)))).toLocaleString('en')} records/s (aim 50,000)\n`,
      );
    if (bare && pipeline && bulk) {
      const rss = (mode: string) => Math.round(Math.max(...of(mode).map((r) => r.peakRssMb)));
      const loads = runs.flatMap((r) => r.load.split(' -> ').map(Number));
      summary.push(
        `| ${total.toLocaleString('en')} | ${rate('bare')} rec/s | ${rate('pipeline')} rec/s | ${(ms('bare') / ms('pipeline')).toFixed(2)}x | ${rate('bulk')} rec/s | ${(ms('bare') / ms('bulk')).toFixed(2)}x | ${rss('bare')} / ${rss('pipeline')} / ${rss('bulk')} MB | ${Math.min(...loads)} to ${Math.max(...loads)} |`,
      );
    }
  }
  if (summary.length > 0)
    process.stdout.write(
      `\n| records | naive UNWIND | pipeline | pipeline / naive | bulk command | bulk / naive | peak RSS (naive / pipeline / bulk) | load average |\n|---|---|---|---|---|---|---|---|\n${summary.join('\n')}\n`,
    );
  await store.close();
} finally {
  await stopLocalNeo4j(home).catch(() => {});
  rmSync(home, { recursive: true, force: true });
}
