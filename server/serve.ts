/**
 * Runs the service: opens the store (starting the local Neo4j if that is the configured one), serves
 * the app, and on SIGINT or SIGTERM drains requests, closes the driver, and stops a local Neo4j that
 * it started itself.
 */
import type { Server } from 'node:http';
import { createApp } from './api/app.ts';
import { ensureAdmin } from './auth/ensure-admin.ts';
import { SESSION_CACHE_MS } from './auth/session-cache.ts';
import type { Config } from './config.ts';
import { type Connection, connect } from './connect.ts';
import { stopLocalNeo4j } from './local/neo4j.ts';

export interface Running {
  server: Server;
  connection: Connection;
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Stop the local Neo4j on exit when this process started it (npm start does). */
  stopLocalOnExit?: boolean;
  /** Runs once the store is open, before the server listens (e.g. loading the demo case). */
  beforeListen?: (connection: Connection) => Promise<void>;
  say?: (line: string) => void;
}

/** Starts the service and resolves once it listens. */
export async function serve(config: Config, options: ServeOptions = {}): Promise<Running> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const connection = await connect(config, say);
  await options.beforeListen?.(connection);
  await ensureAdmin(connection.store, config, say);
  const app = createApp({
    store: connection.store,
    corsOrigins: config.corsOrigins,
    sessionCacheMs: SESSION_CACHE_MS,
  });
  const server = await new Promise<Server>((done, fail) => {
    const s = app.listen(config.port, config.host, () => done(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${config.port} on ${config.host} is in use: set PORT to another port, or stop what holds it.`,
            )
          : error,
      );
    });
  });
  server.requestTimeout = 30_000;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await connection.store.close();
      if (options.stopLocalOnExit && connection.local?.startedNow) await stopLocalNeo4j(config.home);
    })();
    return closing;
  };
  return { server, connection, url: `http://${config.host}:${config.port}`, close };
}

/** Closes the service on SIGINT and SIGTERM, once. */
export function closeOnSignals(running: Running, say: (line: string) => void): void {
  const onSignal = (signal: string) => {
    say(`${signal}: draining requests and shutting down`);
    running.close().then(
      () => process.exit(0),
      (error) => {
        say(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
