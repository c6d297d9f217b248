/**
 * Neo4j's own bulk importer (`neo4j-admin database import full`, the AdminTool of the launcher's
 * Maven Central libraries) run against the local Neo4j's database while it is offline. It loads into
 * a folder of its own beside the database, and only a complete load is moved into place: a load that
 * fails or is killed leaves the database as it was (the caller makes sure that is empty).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LAUNCHER, localPaths, localStatus } from './neo4j.ts';

/** What to load: node files by label, relationship files by type (each a header file, then data). */
export interface ImporterFiles {
  nodes: { label: string; files: readonly string[] }[];
  relationships: { type: string; files: readonly string[] }[];
  /** The character between the items of a list in a cell. */
  arrayDelimiter: string;
}

/** Options of runImporter: progress (0 to 1) and the importer's pid once it runs (tests kill it). */
export interface ImporterOptions {
  onProgress?: (fraction: number) => void;
  onStarted?: (pid: number) => void;
  heap?: string;
}

/** A bulk load that did not complete; the local database is unchanged. */
export class BulkLoadError extends Error {
  override name = 'BulkLoadError';
}

const DATABASE = 'neo4j';

function databaseDirs(data: string) {
  return { store: join(data, 'databases', DATABASE), logs: join(data, 'transactions', DATABASE) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes the folders of earlier loads whose process is gone (killed before it could clean up). */
function clearStaleLoads(dir: string): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const pid = /^bulk-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// The importer prints each stage as dots and a percentage; four stages make the whole.
function progressOf(text: string, state: { stage: number }, report: (fraction: number) => void) {
  for (const line of text.split('\n')) {
    if (/^\(\d+\/\d+\)/.test(line.trim())) state.stage = Number(/^\((\d+)/.exec(line.trim())?.[1] ?? 1) - 1;
    const percent = / (\d{1,3})% /.exec(line)?.[1];
    if (percent !== undefined) report(Math.min(1, (state.stage + Number(percent) / 100) / 4));
  }
}

/**
 * The local database's files as they stand (each file's path, size and modification time): taken when
 * Neo4j has stopped, and again before the load, it tells whether anything started Neo4j meanwhile.
 */
export function databaseFingerprint(home: string): string {
  const live = databaseDirs(join(localPaths(home).dir, 'data'));
  const entries: string[] = [];
  for (const dir of [live.store, live.logs])
    for (const name of existsSync(dir) ? readdirSync(dir, { recursive: true }) : []) {
      const path = join(dir, String(name));
      const info = statSync(path, { throwIfNoEntry: false });
      if (info?.isFile()) entries.push(`${path} ${info.size} ${info.mtimeMs}`);
    }
  return entries.sort().join('\n');
}

/** Moves the loaded database into place, the (empty) one before it aside and then away. */
function swapIn(home: string, work: string): void {
  const live = databaseDirs(join(localPaths(home).dir, 'data'));
  const loaded = databaseDirs(join(work, 'data'));
  const old = databaseDirs(join(work, 'old'));
  mkdirSync(join(work, 'old', 'databases'), { recursive: true });
  mkdirSync(join(work, 'old', 'transactions'), { recursive: true });
  mkdirSync(join(live.store, '..'), { recursive: true });
  mkdirSync(join(live.logs, '..'), { recursive: true });
  if (existsSync(live.store)) renameSync(live.store, old.store);
  if (existsSync(live.logs)) renameSync(live.logs, old.logs);
  renameSync(loaded.store, live.store);
  renameSync(loaded.logs, live.logs);
}

/**
 * Runs the importer on the local Neo4j under `home`, which must be stopped; on success the loaded
 * database replaces the one there. Throws BulkLoadError (the database untouched) when it fails.
 */
export async function runImporter(home: string, files: ImporterFiles, options: ImporterOptions = {}) {
  const paths = localPaths(home);
  if (localStatus(home).pid !== null)
    throw new BulkLoadError(`the local Neo4j under ${home} is running: stop it before a bulk load`);
  clearStaleLoads(paths.dir);
  const work = join(paths.dir, `bulk-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'conf'), { recursive: true });
  writeFileSync(
    join(work, 'conf', 'neo4j.conf'),
    `server.directories.data=${join(work, 'data')}\nserver.directories.logs=${join(work, 'logs')}\n`,
  );
  const args = [
    `-Xmx${options.heap ?? '1g'}`,
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${join(LAUNCHER, 'classes')}:${join(LAUNCHER, 'lib', '*')}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...files.nodes.map(({ label, files }) => `--nodes=${label}=${files.join(',')}`),
    ...files.relationships.map(({ type, files }) => `--relationships=${type}=${files.join(',')}`),
    `--array-delimiter=${codePoint(files.arrayDelimiter)}`,
    `--report-file=${join(work, 'import.report')}`,
    '--max-off-heap-memory=2G',
    DATABASE,
  ];
  const child = spawn('java', args, {
    env: { ...process.env, NEO4J_HOME: work, NEO4J_CONF: join(work, 'conf') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined)
    throw new BulkLoadError('Java could not be started for the bulk load: install Java 17 or later');
  // While it runs, the importer holds the local Neo4j's pid file: `neo4j start` and other commands
  // wait for it instead of opening the database under it (its command line names the folder).
  writeFileSync(paths.pid, `${child.pid}\n`);
  options.onStarted?.(child.pid);
  let output = '';
  const state = { stage: 0 };
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-8_000);
    if (options.onProgress) progressOf(text, state, options.onProgress);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const [code, signal] = (await once(child)) as [number | null, NodeJS.Signals | null];
  rmSync(paths.pid, { force: true });
  if (code !== 0) {
    rmSync(work, { recursive: true, force: true });
    const how = signal ? `was stopped by ${signal}` : `failed (exit code ${code})`;
    const tail = output.trimEnd().split('\n').slice(-12).join('\n');
    throw new BulkLoadError(
      `the bulk load ${how}; the database was left as it was, empty, and nothing was loaded. Run the command again, or without --bulk.${tail ? `\nLast lines of the importer:\n${tail}` : ''}`,
    );
  }
  swapIn(home, work);
  const report = existsSync(join(work, 'import.report'))
    ? readFileSync(join(work, 'import.report'), 'utf8')
    : '';
  rmSync(work, { recursive: true, force: true });
  return { output, report, reportedSeconds: reportedSeconds(output) };
}

// `IMPORT DONE in 1m 2s 458ms.`: the importer's own time, without its JVM's start.
function reportedSeconds(output: string): number {
  const text = /IMPORT DONE in ([^.\n]+)/.exec(output)?.[1] ?? '';
  const unit = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  return unit(/(\d+)h/) * 3600 + unit(/(\d+)m(?!s)/) * 60 + unit(/(\d+)s/) + unit(/(\d+)ms/) / 1000;
}

function once(child: ReturnType<typeof spawn>): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new BulkLoadError(`the importer could not run: ${error.message}`)));
    child.on('close', (code, signal) => resolve([code, signal]));
  });
}
