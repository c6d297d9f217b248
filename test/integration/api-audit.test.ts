import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, TEST_PASSWORD, type TestApi } from '../helpers/api.ts';
import { runCli } from '../helpers/cli.ts';
import { clearDatabase, openTestStore, testEnv } from '../helpers/neo4j.ts';

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

interface Event {
  seq: number;
  id: string;
  username: string;
  action: string;
  targets: string[];
  outcome: string;
  purpose: string | null;
  parameters: Record<string, unknown> | null;
}

async function events(query = ''): Promise<Event[]> {
  const res = await api.fetch(`/api/audit${query}`, { role: 'admin' });
  expect(res.status).toBe(200);
  return (await res.json()).events;
}

async function verify(): Promise<{ code: number | null; stdout: string }> {
  const { code, stdout } = await runCli(['audit', 'verify'], testEnv());
  return { code, stdout };
}

async function headSeq(): Promise<number> {
  const result = await api.store.read('MATCH (e:AuditEvent) RETURN max(e.seq) AS seq');
  return Number(result.records[0]?.get('seq'));
}

describe('the audit trail records', () => {
  it('sign-ins, successful and failed, with the name tried', async () => {
    await api.fetch('/api/auth/login', {
      method: 'POST',
      json: { username: api.usernames.viewer, password: 'definitely not it' },
    });
    await api.login(api.usernames.viewer);
    const logins = await events('?action=auth.login&user=test-viewer&limit=2');
    expect(logins.map((e) => e.outcome)).toEqual(['ok', 'denied']);
    expect(logins[1]?.parameters).toEqual({ reason: 'wrong password' });
  });

  it('reads and writes, with targets, parameters and the stated purpose', async () => {
    const created = await api.fetch('/api/users', {
      method: 'POST',
      role: 'admin',
      headers: { 'x-purpose': 'onboarding for operation Tide' },
      json: { username: 'new-analyst', role: 'analyst', clearance: ['H0', 'H1'], password: TEST_PASSWORD },
    });
    expect(created.status).toBe(201);
    await api.fetch('/api/users?purpose=quarterly%20review', { role: 'admin' });
    const [list, create] = await events(`?user=${api.usernames.admin}&limit=3`).then((e) =>
      e.filter((x) => x.action !== 'audit.list'),
    );
    expect(list).toMatchObject({ action: 'users.list', outcome: 'ok', purpose: 'quarterly review' });
    expect(create).toMatchObject({
      action: 'users.create',
      targets: ['new-analyst'],
      outcome: 'ok',
      purpose: 'onboarding for operation Tide',
      parameters: { username: 'new-analyst', role: 'analyst', clearance: ['H0', 'H1'] },
    });
    expect(JSON.stringify(create)).not.toContain(TEST_PASSWORD);
  });

  it('requests refused for the role, as denied', async () => {
    expect((await api.fetch('/api/audit', { role: 'analyst' })).status).toBe(403);
    const [denied] = await events(`?user=${api.usernames.analyst}&limit=1`);
    expect(denied).toMatchObject({ action: 'GET /api/audit', outcome: 'denied' });
  });

  it('filters by time', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await events(`?since=${encodeURIComponent(future)}`)).toEqual([]);
    const bad = await api.fetch('/api/audit?since=yesterday', { role: 'admin' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('query.since');
  });

  it('lists events at the command line', async () => {
    const { code, stdout } = await runCli(['audit', 'list', '--action', 'users.create', '--json'], testEnv());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).events[0]).toMatchObject({ action: 'users.create', targets: ['new-analyst'] });
  });
});

describe('a request whose audit event cannot be written', () => {
  it('fails with 503 and sends none of the data', async () => {
    // An event already holding the next id makes every append collide, as a broken trail would.
    const blocker = `audit-${(await headSeq()) + 1}`;
    await api.store.write('CREATE (:AuditEvent {id: $id})', { id: blocker });
    try {
      const res = await api.fetch('/api/users', { role: 'admin' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const text = await res.text();
      expect(text).not.toContain(api.usernames.viewer);
    } finally {
      await api.store.write('MATCH (e:AuditEvent {id: $id}) DELETE e', { id: blocker });
    }
    expect((await api.fetch('/api/users', { role: 'admin' })).status).toBe(200);
  });
});

describe('ariadne audit verify', () => {
  it('passes on an intact trail and prints the count', async () => {
    const { code, stdout } = await verify();
    expect(code).toBe(0);
    expect(stdout).toMatch(/checks: \d+ events/);
  });

  it('names an event whose property was changed', async () => {
    const saved = await api.store.read('MATCH (e:AuditEvent {seq: 3}) RETURN e.username AS u');
    await api.store.write("MATCH (e:AuditEvent {seq: 3}) SET e.username = 'someone-else'");
    try {
      const { code, stdout } = await verify();
      expect(code).toBe(1);
      expect(stdout).toMatch(/event audit-3 \(seq 3\): .*altered/);
    } finally {
      await api.store.write('MATCH (e:AuditEvent {seq: 3}) SET e.username = $name', {
        name: saved.records[0]?.get('u'),
      });
    }
  });

  it('names the event after one that was removed', async () => {
    const saved = await api.store.read('MATCH (e:AuditEvent {seq: 5}) RETURN properties(e) AS p');
    await api.store.write('MATCH (e:AuditEvent {seq: 5}) DELETE e');
    try {
      const { code, stdout } = await verify();
      expect(code).toBe(1);
      expect(stdout).toMatch(/event audit-6 \(seq 6\): expected seq 5/);
    } finally {
      await api.store.write('CREATE (e:AuditEvent) SET e = $p', { p: saved.records[0]?.get('p') });
    }
  });

  it('names the first of two events whose seq values were swapped', async () => {
    const swap = 'MATCH (a:AuditEvent {seq: 7}), (b:AuditEvent {seq: 8}) SET a.seq = 8, b.seq = 7';
    await api.store.write(swap);
    try {
      const { code, stdout } = await verify();
      expect(code).toBe(1);
      expect(stdout).toMatch(/event audit-8 \(seq 7\): .*reordered/);
    } finally {
      await api.store.write(
        'MATCH (a:AuditEvent {id: "audit-7"}), (b:AuditEvent {id: "audit-8"}) SET a.seq = 7, b.seq = 8',
      );
    }
    expect((await verify()).code).toBe(0);
  });

  it('is offered over the API to the auditor, and to no admin: its count would tell the events they are not shown', async () => {
    const res = await api.fetch('/api/audit/verify', { role: 'auditor' });
    expect(await res.json()).toMatchObject({ ok: true, firstBreak: null });
    expect((await api.fetch('/api/audit/verify', { role: 'admin' })).status).toBe(403);
  });
});
