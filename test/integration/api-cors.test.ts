import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { findFreePort } from '../../server/local/net.ts';
import { type Running, serve } from '../../server/serve.ts';
import { testEnv } from '../helpers/neo4j.ts';

// The service as `ariadne serve` starts it, configured through the environment alone.
const ALLOWED = 'https://analysis.example.org';
const OTHER = 'https://elsewhere.example.net';

let running: Running;
beforeAll(async () => {
  const port = await findFreePort();
  const config = loadConfig(
    testEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      ARIADNE_CORS_ORIGINS: `${ALLOWED}, http://127.0.0.1:5173`,
      ARIADNE_ADMIN_PASSWORD: 'a long admin password for tests',
    }),
  );
  running = await serve(config, { say: () => {} });
});
afterAll(async () => {
  await running?.close();
});

const preflight = (origin: string) =>
  fetch(`${running.url}/api/entities`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('cross-origin requests, with the origins of ARIADNE_CORS_ORIGINS', () => {
  it('answers a listed origin with its own Access-Control-Allow-Origin, credentials allowed', async () => {
    const res = await fetch(`${running.url}/healthz`, { headers: { origin: ALLOWED } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('lets a listed origin through the preflight of an API write', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('sends no Access-Control header to an origin not listed, nor to a near miss', async () => {
    for (const origin of [OTHER, `${ALLOWED}.evil.example`, 'http://analysis.example.org', 'null']) {
      const res = await fetch(`${running.url}/healthz`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await preflight(origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});
