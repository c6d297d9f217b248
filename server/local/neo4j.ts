/**
 * The local Neo4j: real Neo4j Community 5.26, embedded in a small Java launcher (scripts/neo4j), run
 * detached with Bolt on 127.0.0.1 and everything it keeps under `<home>/neo4j`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPortFree, findFreePort, waitFor } from './net.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The built launcher: its classes and the Neo4j libraries from Maven Central. */
export const LAUNCHER = join(ROOT, 'scripts', 'neo4j', 'target');

export interface LocalStatus {
  running: boolean;
  uri: string | null;
  version: string | null;
  home: string;
  pid: number | null;
}

export interface Credentials {
  user: string;
  password: string;
}

/** A local Neo4j that could not be started, stopped or read; the message says what to do. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

/** The files the local Neo4j keeps under `<home>/neo4j`. */
export function localPaths(home: string) {
  const dir = join(home, 'neo4j');
  return {
    dir,
    pid: join(dir, 'neo4j.pid'),
    ready: join(dir, 'ready.json'),
    credentials: join(dir, 'credentials.json'),
    log: join(dir, 'launcher.log'),
    debugLog: join(dir, 'logs', 'debug.log'),
  };
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

function readPid(path: string): number | null {
  try {
    return Number(readFileSync(path, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

function isOurProcess(pid: number, dir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    return true; // No /proc: trust the signal check.
  }
}

/** Whether the local Neo4j runs, where, and which version; clears a stale pid file. */
export function localStatus(home: string): LocalStatus {
  const paths = localPaths(home);
  const pid = readPid(paths.pid);
  if (pid === null || !isOurProcess(pid, paths.dir)) {
    if (pid !== null) clearRunFiles(home);
    return { running: false, uri: null, version: null, home, pid: null };
  }
  const ready = readJson<{ port: number; version: string }>(paths.ready);
  return {
    running: ready !== null,
    uri: ready ? `bolt://127.0.0.1:${ready.port}` : null,
    version: ready?.version ?? null,
    home,
    pid,
  };
}

function clearRunFiles(home: string): void {
  const paths = localPaths(home);
  rmSync(paths.pid, { force: true });
  rmSync(paths.ready, { force: true });
}

/** Reads the generated credentials, creating them (mode 0600) on first use. */
export function localCredentials(home: string): Credentials {
  const paths = localPaths(home);
  const existing = readJson<Credentials>(paths.credentials);
  if (existing?.user && existing.password) return existing;
  mkdirSync(paths.dir, { recursive: true });
  const created = { user: 'neo4j', password: randomBytes(24).toString('base64url') };
  writeFileSync(paths.credentials, `${JSON.stringify(created)}\n`, { mode: 0o600 });
  return created;
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function ensureLauncherBuilt(): void {
  if (existsSync(join(LAUNCHER, 'lib')) && existsSync(join(LAUNCHER, 'classes'))) return;
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'setup', 'prepare.js'), '--for', 'neo4j'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0)
    throw new LocalNeo4jError('The local Neo4j launcher could not be built (see above).');
}

export interface StartOptions {
  home: string;
  /** The Bolt port wanted; when `strictPort` is false a free one is taken if it is busy. */
  port: number;
  strictPort?: boolean;
  heap?: string;
  /** The page cache (Neo4j's own cache of the store files), such as 2g; the launcher's 512m unless given. */
  pageCache?: string;
  timeoutMs?: number;
}

export interface Started extends LocalStatus {
  /** False when a running instance was found and reused. */
  startedNow: boolean;
  port: number;
  portNote: string | null;
}

/** Starts the local Neo4j detached and waits until Bolt answers; reuses one that already runs. */
export async function startLocalNeo4j(options: StartOptions): Promise<Started> {
  const { home } = options;
  const current = localStatus(home);
  if (current.running && current.uri) {
    return { ...current, startedNow: false, port: Number(new URL(current.uri).port), portNote: null };
  }
  if (current.pid !== null)
    throw new LocalNeo4jError(
      `A local Neo4j (pid ${current.pid}) is starting or stopping under ${home}; wait and try again.`,
    );
  ensureLauncherBuilt();
  const paths = localPaths(home);
  mkdirSync(paths.dir, { recursive: true });
  localCredentials(home);
  const { port, note } = await choosePort(options.port, options.strictPort ?? false);
  const log = openSync(paths.log, 'a');
  const args = [
    `-Xmx${options.heap ?? '2g'}`,
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${join(LAUNCHER, 'classes')}:${join(LAUNCHER, 'lib', '*')}`,
  ];
  args.push(
    'ariadne.Launcher',
    '--home',
    paths.dir,
    '--port',
    String(port),
    '--credentials',
    paths.credentials,
    // Unless given, the launcher's own default (512m).
    ...(options.pageCache ? ['--pagecache', options.pageCache] : []),
  );
  const child = spawn('java', args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  child.on('error', () => {
    exited = true;
  });
  child.unref();
  if (child.pid === undefined)
    throw new LocalNeo4jError('Java could not be started: install Java 17 or later, or set NEO4J_URI.');
  writeFileSync(paths.pid, `${child.pid}\n`);
  const settled = await waitFor(() => exited || existsSync(paths.ready), options.timeoutMs ?? 180_000);
  const outcome = existsSync(paths.ready) ? 'ready' : settled ? 'exited' : 'timeout';
  if (outcome !== 'ready') {
    if (outcome === 'timeout') process.kill(child.pid, 'SIGKILL');
    clearRunFiles(home);
    throw new LocalNeo4jError(
      `The local Neo4j did not start (${outcome === 'timeout' ? 'no answer in time' : 'the process ended'}). Last lines of ${paths.log}:\n${tail(paths.log, 15)}\n${tail(paths.debugLog, 10)}`,
    );
  }
  return { ...localStatus(home), startedNow: true, port, portNote: note };
}

async function choosePort(wanted: number, strict: boolean): Promise<{ port: number; note: string | null }> {
  if (await isPortFree(wanted)) return { port: wanted, note: null };
  if (strict)
    throw new LocalNeo4jError(
      `Port ${wanted} on 127.0.0.1 is in use: choose another with --port, or stop what holds it.`,
    );
  const port = await findFreePort();
  return { port, note: `port ${wanted} is in use, so Bolt listens on ${port}` };
}

/** Stops the local Neo4j cleanly (SIGTERM, then waits for its shutdown); false when none ran. */
export async function stopLocalNeo4j(home: string, timeoutMs = 90_000): Promise<boolean> {
  const status = localStatus(home);
  if (status.pid === null) return false;
  const pid = status.pid;
  process.kill(pid, 'SIGTERM');
  const gone = await waitFor(() => !isOurProcess(pid, localPaths(home).dir), timeoutMs);
  if (!gone)
    throw new LocalNeo4jError(
      `The local Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000} s; its data is untouched. Try again, or kill it.`,
    );
  clearRunFiles(home);
  return true;
}
