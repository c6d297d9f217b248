/**
 * API benchmark: a throwaway local Neo4j with the demo case, the real server (in a child process of
 * its own, so the load generator does not share its event loop) with audit on as always, an analyst
 * signed in with a bearer token, and autocannon against each endpoint in turn.
 * Usage: node --import tsx scripts/bench/api.ts [--duration 30] [--connections 50] [--only get,search]
 *   [--home DIR]      keep the database there, and reuse it once the demo case is loaded
 *   [--profile DIR]   write the server's CPU profile (node --cpu-prof) there
 * Rate limits and the per-user cap on heavy requests are lifted for the run (createApp's `limits`), or
 * the limiter would be what is measured.
 * It prints figures; nothing here is a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createUser } from '../../server/auth/users.ts';
import { stopLocalNeo4j } from '../../server/local/neo4j.ts';
import { findFreePort, waitFor } from '../../server/local/net.ts';
import { findUser } from '../../server/store/users.ts';
import { type Endpoint, pickTargets, planEndpoints } from './api-targets.ts';
import { openDemoDatabase } from './demo-database.ts';

const PASSWORD = 'bench analyst password, long enough';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    home: { type: 'string' },
    profile: { type: 'string' },
    'serve-child': { type: 'boolean' },
  },
});

if (values['serve-child']) {
  await import('./api-server.ts');
} else {
  await main();
}

async function main(): Promise<void> {
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const home = values.home ?? mkdtempSync(join(tmpdir(), 'ariadne-bench-api-'));
  let server: ChildProcess | undefined;
  try {
    const { uri, user, password, store } = await openDemoDatabase(home, values.home !== undefined);
    const dir = join(home, 'demo');
    if (!(await findUser(store, 'bench-analyst'))) {
      await createUser(store, {
        username: 'bench-analyst',
        password: PASSWORD,
        role: 'analyst',
        clearance: ['H0', 'H1', 'H2', 'H3'],
      });
    }
    await store.close();

    const port = await findFreePort();
    const profile = values.profile ? ['--cpu-prof', '--cpu-prof-dir', values.profile] : [];
    server = spawn(process.execPath, [...profile, '--import', 'tsx', import.meta.filename, '--serve-child'], {
      // One user's 50 connections to the money trace measure the trace, not the cap on heavy requests.
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        PORT: String(port),
        ARIADNE_BENCH_HEAVY_PER_USER: '1000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    const up = await waitFor(
      async () => (await fetch(`${base}/healthz`).catch(() => null))?.status === 200,
      60_000,
      200,
    );
    if (!up) throw new Error('the API did not become healthy within 60 s');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-analyst', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const targets = await pickTargets(join(dir, 'demo-case.ndjson'));
    const only = values.only?.split(',');
    const endpoints = planEndpoints(targets, PASSWORD).filter((e) => !only || only.includes(e.key));

    process.stdout.write(
      `Neo4j at ${uri}, demo case (scale 1); ${cpus().length} cores, node ${process.version}; ` +
        `${connections} connections, ${duration} s per endpoint\n`,
    );
    for (const e of endpoints) {
      const started = performance.now();
      const res = await fetch(`${base}${e.path}`, {
        method: e.method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(e.body ? { body: e.body } : {}),
      });
      const ms = (performance.now() - started).toFixed(0);
      process.stdout.write(`  ${e.key}: ${e.method} ${e.path} -> ${res.status} in ${ms} ms\n`);
      await res.arrayBuffer();
    }
    const rows: string[][] = [];
    for (const endpoint of endpoints) {
      await settle(base);
      await run(base, token, endpoint, 10, Math.min(3, duration));
      await settle(base);
      const load = loadavg()[0]?.toFixed(2) ?? '?';
      const result = await run(base, token, endpoint, connections, duration);
      rows.push(rowOf(endpoint, result, `${load} -> ${loadavg()[0]?.toFixed(2)}`));
      process.stdout.write(`  done: ${endpoint.key}\n`);
    }
    printTable(rows);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await stopLocalNeo4j(home).catch(() => {});
    if (values.home === undefined) rmSync(home, { recursive: true, force: true });
  }
}

function run(
  base: string,
  token: string,
  endpoint: Endpoint,
  connections: number,
  duration: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}${endpoint.path}`,
    method: endpoint.method,
    connections,
    duration,
    timeout: 30,
    headers: {
      ...(endpoint.method === 'GET' ? { authorization: `Bearer ${token}` } : {}),
      ...(endpoint.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(endpoint.body ? { body: endpoint.body } : {}),
    ...(endpoint.spread ? { requests: [{ setupRequest: spreadOver(endpoint.spread) }] } : {}),
  });
}

/** Sets each request's path to one of `paths` at random, so that concurrent reads differ. */
function spreadOver(paths: string[]) {
  return (request: { path?: string }) => {
    request.path = paths[Math.floor(Math.random() * paths.length)] ?? request.path;
    return request;
  };
}

/** Waits until the server has worked off the requests a run left queued: /healthz answers quickly. */
async function settle(base: string): Promise<void> {
  await waitFor(
    async () => {
      const started = performance.now();
      const res = await fetch(`${base}/healthz`).catch(() => null);
      return res?.status === 200 && performance.now() - started < 250;
    },
    180_000,
    500,
  );
}

function rowOf(endpoint: Endpoint, r: autocannon.Result, load: string): string[] {
  const rps = r.requests.average;
  const p99 = r.latency.p99;
  const failed = r.non2xx + r.errors;
  const met =
    endpoint.aim === undefined
      ? '-'
      : rps >= endpoint.aim.rps && p99 < endpoint.aim.p99 && failed === 0
        ? 'met'
        : 'not met';
  const aim = endpoint.aim ? `>=${endpoint.aim.rps} req/s, p99<${endpoint.aim.p99} ms` : 'none';
  return [
    endpoint.label,
    rps.toFixed(0),
    `${r.latency.p50}`,
    `${p99}`,
    `${r.non2xx}${
      r.non2xx > 0
        ? ` (${Object.keys(r.statusCodeStats ?? {})
            .filter((c) => !c.startsWith('2'))
            .join(', ')})`
        : ''
    }`,
    `${r.errors}${r.timeouts > 0 ? ` (${r.timeouts} timeouts)` : ''}`,
    aim,
    met,
    load,
  ];
}

function printTable(rows: string[][]): void {
  const head = [
    'endpoint',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'aim',
    'aim met',
    'load avg (1 min, before -> after)',
  ];
  process.stdout.write(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n`);
  for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`);
}
