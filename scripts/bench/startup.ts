/**
 * Startup benchmark: the time from `npm start` to a healthy /healthz, with the local Neo4j cold (a
 * fresh ARIADNE_HOME) and already running, and optionally the time of `npm test`.
 * Usage: node --import tsx scripts/bench/startup.ts [--runs N] [--with-tests]
 * It prints figures; nothing here is a test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localStatus } from '../../server/local/neo4j.ts';
import { findFreePort, waitFor } from '../../server/local/net.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'ariadne.js');

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

/** Starts `npm start`, waits for a healthy /healthz, stops it; returns the seconds it took. */
async function timeStart(env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const log = openSync(join(env.ARIADNE_HOME ?? tmpdir(), 'start.log'), 'a');
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const ok = await waitFor(
    async () => exited || (await healthy(`http://127.0.0.1:${env.PORT}/healthz`)),
    600_000,
    100,
  );
  const seconds = (performance.now() - started) / 1000;
  const exitedEarly = exited;
  if (!exited) {
    process.kill(-(child.pid ?? 0), 'SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
  if (!ok || exitedEarly)
    throw new Error(`npm start did not become healthy; see ${env.ARIADNE_HOME}/start.log`);
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, 'with-tests': { type: 'boolean' } },
  });
  const runs = Number(values.runs);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const home = mkdtempSync(join(tmpdir(), 'ariadne-bench-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ARIADNE_HOME: home,
      PORT: String(await findFreePort()),
      ARIADNE_NEO4J_PORT: String(await findFreePort()),
    };
    delete env.NEO4J_URI;
    cold.push(await timeStart(env));
    console.log(`cold: ${cold.at(-1)?.toFixed(1)} s`);
    // npm start stops the Neo4j it started on exit; wait until it has gone before starting one.
    await waitFor(() => localStatus(home).pid === null, 120_000);
    spawnSync(process.execPath, [CLI, 'neo4j', 'start'], { env, stdio: 'ignore' });
    try {
      warm.push(await timeStart(env));
      console.log(`Neo4j running: ${warm.at(-1)?.toFixed(1)} s`);
    } catch (error) {
      console.log(`Neo4j running: failed (${(error as Error).message})`);
    }
    spawnSync(process.execPath, [CLI, 'neo4j', 'stop'], { env, stdio: 'ignore' });
    rmSync(home, { recursive: true, force: true });
  }
  const rows = [
    ['npm start -> healthy /healthz, Neo4j cold (fresh home, demo loaded)', cold],
    ['npm start -> healthy /healthz, Neo4j already running', warm],
  ] as const;
  for (const [what, times] of rows) {
    console.log(
      `${what}: median ${median(times).toFixed(1)} s (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`,
    );
  }
  if (values['with-tests']) {
    const started = performance.now();
    const result = spawnSync('npm', ['test', '--silent'], { cwd: ROOT, stdio: 'ignore' });
    console.log(`npm test: ${((performance.now() - started) / 1000).toFixed(0)} s (exit ${result.status})`);
  }
}

await main();
