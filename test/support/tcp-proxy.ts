/**
 * A TCP proxy between a client (the Neo4j driver) and a server (Neo4j), for fault tests. It passes
 * bytes through, and on demand: resets every connection, resets a connection after N bytes, resets
 * at a Bolt COMMIT (before it reaches the server, or after the server has committed but before its
 * answer reaches the client), delays every chunk, holds all traffic (pause/resume), and refuses
 * connections altogether (down/up) as a stopped server would.
 *
 *   const proxy = await startTcpProxy({ host: '127.0.0.1', port: 7687 });
 *   const store = await openStore({ ...target, uri: proxy.uri });
 *   const fired = proxy.resetAtCommit({ query: 'SET i.batchesDone', when: 'after' });
 */
import net from 'node:net';
import { type CommitFault, FaultWatch, type Side } from './bolt-faults.ts';

interface Pair {
  client: net.Socket;
  server: net.Socket;
  dead: boolean;
  /** When each direction's last delayed chunk is due, so that chunks never overtake each other. */
  dueAt: Record<Side, number>;
}

export interface TcpProxy {
  /** The port the proxy listens on (the same after down/up). */
  readonly port: number;
  /** `bolt://127.0.0.1:<port>`. */
  readonly uri: string;
  /** False between `down` and `up`. */
  readonly listening: boolean;
  /** Connections accepted so far, and connections reset by a fault. */
  readonly stats: { accepted: number; reset: number; open: number };
  /** Delays every chunk, each way, by `ms` (0 to stop). */
  latency(ms: number): void;
  /** Resets every open connection now. */
  resetAll(): void;
  /** Resets the connection that carries the `bytes`-th byte sent by `from` from now; resolves when done. */
  resetAfterBytes(bytes: number, from?: Side): Promise<void>;
  /** Resets the connection at the COMMIT of a matching transaction; resolves when done. */
  resetAtCommit(fault: CommitFault): Promise<void>;
  /** Holds all traffic, each way, on open and new connections, until `resume`. */
  pause(): void;
  resume(): void;
  /** Stops listening and resets every connection: the server looks stopped (ECONNREFUSED). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on a free local port in front of `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const watch = new FaultWatch();
  const stats = { accepted: 0, reset: 0, open: 0 };
  let delay = 0;
  let paused = false;
  let port = 0;

  const kill = (pair: Pair, counted: boolean) => {
    if (pair.dead) return;
    pair.dead = true;
    pairs.delete(pair);
    stats.open = pairs.size;
    if (counted) stats.reset += 1;
    for (const socket of [pair.client, pair.server]) {
      if (socket.destroyed) continue;
      // A reset (RST), as a crash or a cut cable gives, not an orderly close.
      if (socket.connecting) socket.destroy();
      else socket.resetAndDestroy();
    }
  };

  const forward = (pair: Pair, from: Side, chunk: Buffer, then?: () => void) => {
    const to = from === 'client' ? pair.server : pair.client;
    const send = () => {
      if (pair.dead) return;
      if (chunk.length > 0) to.write(chunk, then ? () => then() : undefined);
      else then?.();
    };
    if (delay === 0 && pair.dueAt[from] <= Date.now()) return send();
    const due = Math.max(Date.now() + delay, pair.dueAt[from]);
    pair.dueAt[from] = due;
    setTimeout(send, due - Date.now());
  };

  const onData = (pair: Pair, from: Side, chunk: Buffer) => {
    if (pair.dead) return;
    const verdict = watch.inspect(pair, from, chunk);
    if (verdict.kind === 'pass') return forward(pair, from, chunk);
    forward(pair, from, chunk.subarray(0, verdict.forward), () => {
      kill(pair, true);
      verdict.fired();
    });
  };

  const onConnection = (client: net.Socket) => {
    const server = net.connect(target.port, target.host);
    const pair: Pair = { client, server, dead: false, dueAt: { client: 0, server: 0 } };
    pairs.add(pair);
    stats.accepted += 1;
    stats.open = pairs.size;
    if (paused) {
      client.pause();
      server.pause();
    }
    client.on('data', (chunk: Buffer) => onData(pair, 'client', chunk));
    server.on('data', (chunk: Buffer) => onData(pair, 'server', chunk));
    const end = (from: Side) => () =>
      forward(pair, from, Buffer.alloc(0), () => {
        (from === 'client' ? server : client).end();
        pairs.delete(pair);
        stats.open = pairs.size;
      });
    client.on('end', end('client'));
    server.on('end', end('server'));
    client.on('error', () => kill(pair, false));
    server.on('error', () => kill(pair, false));
  };

  const listener = net.createServer(onConnection);
  const listen = () =>
    new Promise<void>((done, fail) => {
      listener.once('error', fail);
      listener.listen(port, '127.0.0.1', () => {
        listener.off('error', fail);
        port = (listener.address() as net.AddressInfo).port;
        done();
      });
    });
  await listen();

  return {
    get port() {
      return port;
    },
    get uri() {
      return `bolt://127.0.0.1:${port}`;
    },
    get listening() {
      return listener.listening;
    },
    stats,
    latency(ms) {
      delay = ms;
    },
    resetAll() {
      for (const pair of [...pairs]) kill(pair, true);
    },
    resetAfterBytes: (bytes, from = 'server') => watch.armBytes(bytes, from),
    resetAtCommit: (fault) => watch.armCommit(fault),
    pause() {
      paused = true;
      for (const pair of pairs) {
        pair.client.pause();
        pair.server.pause();
      }
    },
    resume() {
      paused = false;
      for (const pair of pairs) {
        pair.client.resume();
        pair.server.resume();
      }
    },
    down: () =>
      new Promise<void>((done) => {
        listener.close(() => done());
        for (const pair of [...pairs]) kill(pair, true);
      }),
    up: listen,
    close: () =>
      new Promise<void>((done) => {
        for (const pair of [...pairs]) kill(pair, false);
        if (!listener.listening) return done();
        listener.close(() => done());
      }),
  };
}
