/**
 * Stall benchmark: can one viewer slow everyone down? A throwaway local Neo4j with the demo case, the
 * real server in its own process with the guards on (the per-user cap on heavy requests, transaction
 * timeouts; the token buckets are lifted as in the API benchmark), and two users: a viewer who keeps 20 heavy requests in flight (the whole case's graph,
 * every path between two well-linked people through hubs, a search without words, an analysis run),
 * and a reader who reads entities. The reader's latencies are measured alone, then under that load.
 * Usage: node --import tsx scripts/bench/stall.ts [--seconds 30] [--readers 4] [--heavy 20] [--home DIR]
 * It prints figures; nothing here is a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../../server/auth/context.ts';
import { createUser } from '../../server/auth/users.ts';
import { stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort, waitFor } from '../../server/local/net.ts';
import type { Store } from '../../server/store/store.ts';
import { findUser } from '../../server/store/users.ts';
import { pickTargets } from './api-targets.ts';
import { openDemoDatabase } from './demo-database.ts';

const PASSWORD = 'stall bench password, long enough';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    readers: { type: 'string', default: '4' },
    heavy: { type: 'string', default: '20' },
    home: { type: 'string' },
    'serve-child': { type: 'boolean' },
  },
});

if (values['serve-child']) {
  await import('./api-server.ts');
} else {
  await main();
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const home = values.home ?? mkdtempSync(join(tmpdir(), 'ariadne-bench-stall-'));
  let server: ChildProcess | undefined;
  try {
    const { uri, user, password, store } = await openDemoDatabase(home, values.home !== undefined);
    await ensureUser(store, 'stall-heavy', 'analyst');
    await ensureUser(store, 'stall-reader', 'viewer');
    await store.close();

    const port = await findFreePort();
    server = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--serve-child'], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, PORT: String(port) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    if (
      !(await waitFor(
        async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200,
        60_000,
        200,
      ))
    )
      throw new Error('the API did not become healthy within 60 s');
    const heavyToken = await login(base, 'stall-heavy');
    const readerToken = await login(base, 'stall-reader');
    const targets = await pickTargets(join(home, 'demo', 'demo-case.ndjson'));
    const [a, b] = [targets.personIds[0] ?? '', targets.personIds[1] ?? ''];
    const heavyRequests: HeavyRequest[] = [
      { label: 'whole-case graph', path: '/api/web/graph' },
      {
        label: 'all paths through hubs',
        path: `/api/paths?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}&all=true&maxHops=6&throughHubs=true&limit=100&maxNodes=20000`,
      },
      { label: 'search without words', path: '/api/entities?limit=100' },
      { label: 'analysis run', path: '/api/analyses/runs', body: JSON.stringify({ only: ['communities'] }) },
    ];
    const reads = targets.personIds.map((id) => `/api/entities/${encodeURIComponent(id)}`);
    process.stdout.write(
      `Neo4j at ${uri}, demo case (scale 1); ${cpus().length} cores, node ${process.version}; ` +
        `${values.readers} reader connections, ${values.heavy} heavy in flight, ${seconds} s per phase\n`,
    );
    // Warm-up: plans and page cache, as on a server that has run for a while.
    await readFor(base, readerToken, reads, Number(values.readers), 5);
    const quietLoad = loadavg()[0] ?? 0;
    const quiet = await readFor(base, readerToken, reads, Number(values.readers), seconds);
    const quietAfter = loadavg()[0] ?? 0;
    const stop = { now: false };
    const heavy = startHeavy(base, heavyToken, heavyRequests, Number(values.heavy), stop);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const busyLoad = loadavg()[0] ?? 0;
    const busy = await readFor(base, readerToken, reads, Number(values.readers), seconds);
    const busyAfter = loadavg()[0] ?? 0;
    stop.now = true;
    const outcomes = await heavy;
    printTable([
      ['entity reads alone', ...figures(quiet), `${quietLoad.toFixed(2)} -> ${quietAfter.toFixed(2)}`],
      [
        'entity reads, 20 heavy in flight',
        ...figures(busy),
        `${busyLoad.toFixed(2)} -> ${busyAfter.toFixed(2)}`,
      ],
    ]);
    process.stdout.write('\nheavy requests of the other viewer, by answer:\n');
    for (const [label, statuses] of outcomes)
      process.stdout.write(
        `  ${label}: ${[...statuses]
          .sort()
          .map(([status, n]) => `${n} x ${status}`)
          .join(', ')}\n`,
      );
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await stopLocalNeo4j(home).catch(() => {});
    if (values.home === undefined) rmSync(home, { recursive: true, force: true });
  }
}

interface HeavyRequest {
  label: string;
  path: string;
  body?: string;
}

async function ensureUser(store: Store, username: string, role: Role): Promise<void> {
  if (await findUser(store, username)) return;
  await createUser(store, { username, password: PASSWORD, role, clearance: ['H0', 'H1', 'H2', 'H3'] });
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

interface Reads {
  latencies: number[];
  failed: number;
}

/** `connections` loops reading entities at random for `seconds`; the latency of each read. */
async function readFor(
  base: string,
  token: string,
  paths: string[],
  connections: number,
  seconds: number,
): Promise<Reads> {
  const until = performance.now() + seconds * 1000;
  const out: Reads = { latencies: [], failed: 0 };
  const loop = async () => {
    while (performance.now() < until) {
      const path = paths[Math.floor(Math.random() * paths.length)] as string;
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).catch(
        () => null,
      );
      await res?.arrayBuffer();
      if (res?.status === 200) out.latencies.push(performance.now() - started);
      else out.failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return out;
}

/** `inFlight` loops sending the heavy requests in turn until stopped; the answers' statuses by request. */
async function startHeavy(
  base: string,
  token: string,
  requests: HeavyRequest[],
  inFlight: number,
  stop: { now: boolean },
): Promise<Map<string, Map<number | string, number>>> {
  const outcomes = new Map(requests.map((r) => [r.label, new Map<number | string, number>()]));
  const loop = async (i: number) => {
    for (let n = i; !stop.now; n++) {
      const request = requests[n % requests.length] as HeavyRequest;
      const res = await fetch(`${base}${request.path}`, {
        method: request.body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(request.body ? { body: request.body } : {}),
      }).catch(() => null);
      await res?.arrayBuffer().catch(() => {});
      const counts = outcomes.get(request.label) as Map<number | string, number>;
      const key = res?.status ?? 'error';
      counts.set(key, (counts.get(key) ?? 0) + 1);
      // After a 429 the client waits a quarter of a second (less than Retry-After) and asks again.
      if (res?.status === 429) await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, i) => loop(i)));
  return outcomes;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function figures(reads: Reads): string[] {
  const sorted = [...reads.latencies].sort((x, y) => x - y);
  return [
    String(sorted.length),
    percentile(sorted, 50).toFixed(0),
    percentile(sorted, 99).toFixed(0),
    String(reads.failed),
  ];
}

function printTable(rows: string[][]): void {
  const head = ['phase', 'reads', 'p50 ms', 'p99 ms', 'failed', 'load avg (1 min, before -> after)'];
  process.stdout.write(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n`);
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
}
