import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/api/app.ts';
import { startApi, TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

let api: TestApi;

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await store.close();
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

async function freshUser(name: string): Promise<string> {
  const res = await api.fetch('/api/users', {
    method: 'POST',
    role: 'admin',
    json: { username: name, role: 'viewer', clearance: ['H0'], password: TEST_PASSWORD },
  });
  expect(res.status).toBe(201);
  return name;
}

describe('signing in', () => {
  it('returns a bearer token and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: api.usernames.analyst, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toEqual({
      username: api.usernames.analyst,
      role: 'analyst',
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: null,
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`ariadne_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when the request came over TLS (through a trusted proxy)', async () => {
    const secureApi = await startApi({ store: api.store, trustProxy: true });
    try {
      const res = await secureApi.fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'x-forwarded-proto': 'https' },
        json: { username: api.usernames.viewer, password: TEST_PASSWORD },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    } finally {
      await secureApi.close();
    }
  });

  it('accepts the session cookie instead of the bearer token', async () => {
    const token = await api.login(api.usernames.viewer);
    const res = await api.fetch('/api/auth/me', { headers: { cookie: `ariadne_session=${token}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).username).toBe(api.usernames.viewer);
  });

  it('refuses a wrong password and an unknown user alike, with 401', async () => {
    const wrong = await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: api.usernames.viewer, password: 'not the password at all' },
    });
    const unknown = await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: 'nobody-here', password: TEST_PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).title).toBe((await unknown.json()).title);
  });

  it('locks an account after five failures: 429 with Retry-After, even for the right password', async () => {
    const name = await freshUser('lockout-target');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.fetch('/api/auth/login', {
        method: 'POST',
        json: { username: name, password: `wrong password ${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: name, password: TEST_PASSWORD },
    });
    expect(right.status).toBe(429);
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const users = await (await api.fetch('/api/users', { role: 'admin' })).json();
    const locked = users.users.find((u: { username: string }) => u.username === name);
    expect(locked.lockedUntil).not.toBeNull();
  });

  it('answers an unknown user exactly as an existing one: the same refusals, then the same lock', async () => {
    const existing = await freshUser('lockout-twin');
    const attempts = async (username: string) => {
      const answers: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await api.fetch('/api/auth/login', {
          method: 'POST',
          json: { username, password: `wrong password ${i}` },
        });
        const retryAfter = Number(res.headers.get('retry-after') ?? 0);
        answers.push({ status: res.status, locked: retryAfter > 14 * 60, body: await res.json() });
      }
      return answers;
    };
    const known = await attempts(existing);
    expect(await attempts('nobody-by-this-name')).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
  });

  it('limits sign-in attempts per address with 429 and Retry-After', async () => {
    const limited = await startApi({ store: api.store, limits: { login: { capacity: 4, perSecond: 0.01 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.fetch('/api/auth/login', {
          method: 'POST',
          json: { username: 'nobody-here', password: 'whatever it is' },
        });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses.slice(-1)).toEqual([429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a disabled user', async () => {
    const name = await freshUser('soon-disabled');
    const token = await api.login(name);
    const patch = await api.fetch(`/api/users/${name}`, {
      method: 'PATCH',
      role: 'admin',
      json: { disabled: true },
    });
    expect(patch.status).toBe(200);
    expect((await api.fetch('/api/auth/me', { token })).status).toBe(401);
    const again = await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: name, password: TEST_PASSWORD },
    });
    expect(again.status).toBe(401);
  });

  it('signs in with a bcrypt hash of an earlier version, and replaces it with scrypt', async () => {
    const name = await freshUser('bcrypt-era');
    const old = await bcrypt.hash(TEST_PASSWORD, 4);
    await api.store.write('MATCH (u:User {id: $name}) SET u.passwordHash = $old', { name, old });
    await api.login(name);
    const hash = async () =>
      String(
        (
          await api.store.read('MATCH (u:User {id: $name}) RETURN u.passwordHash AS h', { name })
        ).records[0]?.get('h'),
      );
    expect(await hash()).toMatch(/^scrypt\$/);
    await api.login(name);
  });
});

describe('sessions', () => {
  it('tells who is signed in', async () => {
    const res = await api.fetch('/api/auth/me', { role: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: api.usernames.admin, role: 'admin' });
  });

  it('answers 401 without a session, with a bad token, and with a made-up token', async () => {
    expect((await api.fetch('/api/auth/me')).status).toBe(401);
    expect((await api.fetch('/api/auth/me', { token: 'garbage' })).status).toBe(401);
    expect((await api.fetch('/api/auth/me', { token: 'A'.repeat(43) })).status).toBe(401);
  });

  it('revokes the token at logout, while other sessions of the same user go on', async () => {
    const token = await api.login(api.usernames.viewer);
    const other = await api.login(api.usernames.viewer);
    const out = await api.fetch('/api/auth/logout', { method: 'POST', token });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/ariadne_session=;/);
    expect((await api.fetch('/api/auth/me', { token })).status).toBe(401);
    expect((await api.fetch('/api/auth/me', { token: other })).status).toBe(200);
  });

  it('keeps sessions across a restart of the server', async () => {
    const token = await api.login(api.usernames.analyst);
    const restarted = createApp({ store: api.store });
    const server = restarted.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const address = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${address.port}/api/auth/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('answers 403 to a role that may not use a route', async () => {
    const res = await api.fetch('/api/users', { role: 'analyst' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
