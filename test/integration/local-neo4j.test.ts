import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localPaths } from '../../server/local/neo4j.ts';
import { findFreePort } from '../../server/local/net.ts';
import { runCli } from '../helpers/cli.ts';

// A second local Neo4j of its own, driven through the CLI as a user would.
const home = mkdtempSync(join(tmpdir(), 'ariadne-cli-'));
const env = { ...process.env, ARIADNE_HOME: home, NEO4J_URI: '', ARIADNE_NEO4J_HEAP: '1g' };

afterAll(async () => {
  await runCli(['neo4j', 'stop'], env);
  rmSync(home, { recursive: true, force: true });
});

describe('ariadne neo4j', () => {
  it('starts a detached Neo4j on loopback, keeps credentials 0600 and reports its status as JSON', async () => {
    const port = await findFreePort();
    const started = await runCli(['neo4j', 'start', '--port', String(port)], env);
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(
      new RegExp(`Neo4j 5\\.26\\.\\d+ is running at bolt://127\\.0\\.0\\.1:${port}`),
    );
    const paths = localPaths(home);
    expect(statSync(paths.credentials).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(paths.credentials, 'utf8')))).toEqual(['user', 'password']);
    const status = await runCli(['neo4j', 'status', '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, uri: `bolt://127.0.0.1:${port}`, home });
  });

  it('refuses a second start while one runs, and starts nothing', async () => {
    const pid = readFileSync(localPaths(home).pid, 'utf8');
    const again = await runCli(['neo4j', 'start'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already runs at bolt:\/\/127\.0\.0\.1:\d+/);
    expect(readFileSync(localPaths(home).pid, 'utf8')).toBe(pid);
  });

  it('stops cleanly, keeping the data folder', async () => {
    const stopped = await runCli(['neo4j', 'stop'], env);
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/stopped the local Neo4j; its data is kept/);
    expect(existsSync(join(home, 'neo4j', 'data', 'databases', 'neo4j'))).toBe(true);
    const status = await runCli(['neo4j', 'status', '--json'], env);
    expect(JSON.parse(status.stdout).running).toBe(false);
    expect(status.code).toBe(1);
  });

  it('clears a stale pid file and says it is not running', async () => {
    writeFileSync(localPaths(home).pid, '999999\n');
    const status = await runCli(['neo4j', 'status'], env);
    expect(status.stdout).toMatch(/not running/);
    expect(existsSync(localPaths(home).pid)).toBe(false);
  });

  it('says so when the port asked for is in use', async () => {
    const blocker: Server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['neo4j', 'start', '--port', String(port)], env);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      blocker.close();
    }
  });

  it('shows the last lines of its log when Neo4j cannot start', async () => {
    const result = await runCli(['neo4j', 'start'], { ...env, ARIADNE_NEO4J_HEAP: '1m' });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/did not start/);
    expect(result.stderr).toMatch(/heap/i);
    expect(existsSync(localPaths(home).pid)).toBe(false);
  });

  it('rejects a wrong environment value with its name', async () => {
    const result = await runCli(['neo4j', 'status'], { ...env, ARIADNE_NEO4J_HEAP: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ARIADNE_NEO4J_HEAP: must be a size such as 1g/);
  });
});
