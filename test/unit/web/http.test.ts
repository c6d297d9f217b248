import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, getJson } from '../../../web/src/lib/http.ts';

// A real HTTP server that refuses the first request to /busy as too many, as the heavy cap does.
let server: Server;
let base = '';
const seen = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const count = (seen.get(req.url ?? '') ?? 0) + 1;
    seen.set(req.url ?? '', count);
    const problem = (status: number, title: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
      res.end(JSON.stringify({ title }));
    };
    if (req.url === '/busy' && count === 1)
      return problem(429, 'You already have 2 heavy requests', { 'retry-after': '1' });
    if (req.url === '/always-busy') return problem(429, 'Too many requests', { 'retry-after': '600' });
    if (req.url === '/bad') return problem(400, 'Invalid request');
    if (req.url === '/slow-once' && count === 1)
      return problem(503, 'Neo4j is unavailable', { 'retry-after': '1' });
    if (req.url === '/down') return problem(503, 'Neo4j is unavailable', { 'retry-after': '1' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, attempt: count }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the web app's requests", () => {
  it('send a request refused as too many (429) again after the wait the server asks for', async () => {
    const started = Date.now();
    expect(await getJson(`${base}/busy`)).toEqual({ ok: true, attempt: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('give up at once when the wait asked for is past their two minutes, with the server’s reason', async () => {
    const error = await getJson(`${base}/always-busy`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect(seen.get('/always-busy')).toBe(1);
  });

  it('ask a read answered 503 again, twice at most', async () => {
    expect(await getJson(`${base}/slow-once`)).toEqual({ ok: true, attempt: 2 });
    const error = await getJson(`${base}/down`).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(503);
    expect(seen.get('/down')).toBe(3);
  });

  it('do not send other refusals again', async () => {
    const error = await getJson(`${base}/bad`).catch((e: unknown) => e);
    expect((error as ApiError).message).toBe('Invalid request');
    expect(seen.get('/bad')).toBe(1);
  });
});
