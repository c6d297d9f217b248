import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { importRecords } from '../../server/ingest/index.ts';
import { AnalysisRunStatusSchema } from '../../server/schema/api/analyses.ts';
import {
  RESULT_PART_SCHEMAS,
  type ResultPart,
  RunLabelsSchema,
} from '../../server/schema/api/analysis-results.ts';
import { ensureTestUser, type StartOptions, startApiOnRecords, type TestApi } from '../helpers/api.ts';

// The analyst may see H3 but belongs to Europol, so not the account restricted to the Guardia di
// Finanza; the admin is of that agency.
const USERS: StartOptions['users'] = {
  viewer: { username: 'runs-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'runs-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
  admin: { username: 'runs-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};
const RESTRICTED = 'acct:cm:900';
const PARTS = [
  'communities',
  'brokers',
  'centrality',
  'disruption',
  'crime-links',
  'money',
  'documents',
  'routes',
  'vessels',
  'identity',
  'gaps',
];

let api: TestApi;
beforeAll(async () => {
  api = await startApiOnRecords(generateDemoCase().records, { users: USERS });
}, 300_000);
afterAll(() => api.close());

type Status = { status: string; progress: { done: number; total: number }; summary: Record<string, unknown> };

async function waitForRun(location: string, role: 'analyst' | 'admin' = 'analyst'): Promise<Status> {
  for (let i = 0; i < 600; i++) {
    const res = await api.fetch(location, { role });
    const status = (await res.json()) as Status;
    if (status.status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the run did not finish within two minutes');
}

async function auditCount(action: string): Promise<number> {
  const result = await api.store.read('MATCH (e:AuditEvent {action: $action}) RETURN count(e) AS n', {
    action,
  });
  return Number(result.records[0]?.get('n'));
}

describe('analysis runs', () => {
  let location = '';

  it('start as a job for an analyst, answer 202 with a Location, and finish with a summary', async () => {
    const res = await api.fetch('/api/analyses/runs', { method: 'POST', role: 'analyst', json: { seed: 7 } });
    expect(res.status).toBe(202);
    location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/analyses\/runs\/[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({ status: 'running', location });
    const status = await waitForRun(location);
    expect(status).toMatchObject({ status: 'done', progress: { done: 13, total: 13 } });
    expect(status.summary).toMatchObject({ runId: expect.stringMatching(/^run:analyse:/) });
    expect(status.summary.communities).toBeGreaterThan(1);
    expect(JSON.stringify(status)).not.toContain(RESTRICTED);
    // The status is what its schema (and so the OpenAPI document) says, field for field.
    expect(AnalysisRunStatusSchema.parse(status)).toEqual(status);
    expect(await auditCount('analysis.start')).toBe(1);
  }, 150_000);

  it.each(PARTS)('serve the %s part without the restricted account', async (part) => {
    const res = await api.fetch(`${location}/results/${part}`, { role: 'analyst' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toContain(RESTRICTED);
    const schema = part === 'labels' ? RunLabelsSchema : RESULT_PART_SCHEMAS[part as ResultPart];
    expect(schema.parse(JSON.parse(text))).toEqual(JSON.parse(text));
  });

  it('give the money part typologies and flows, and audit every read', async () => {
    const money = await (await api.fetch(`${location}/results/money`, { role: 'analyst' })).json();
    expect(money.money.typologies.length).toBeGreaterThan(0);
    expect(money.money.flows.communities.length).toBeGreaterThan(0);
    expect(await auditCount('analysis.results')).toBeGreaterThanOrEqual(PARTS.length + 1);
    expect(await auditCount('analysis.status')).toBeGreaterThan(0);
  });

  it('are hidden from other analysts, and from an admin cleared differently, exactly as a missing run', async () => {
    await ensureTestUser(api.store, {
      username: 'runs-other',
      role: 'analyst',
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: 'Europol',
    });
    const other = await api.login('runs-other');
    expect((await api.fetch(location, { token: other })).status).toBe(404);
    expect((await api.fetch(`${location}/results/money`, { token: other })).status).toBe(404);
    const missing = '/api/analyses/runs/00000000-0000-4000-8000-000000000000';
    for (const tail of ['', '/results/money', '/results/centrality']) {
      const hidden = await api.fetch(`${location}${tail}`, { role: 'admin' });
      const absent = await api.fetch(`${missing}${tail}`, { role: 'admin' });
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).toBe(await absent.text());
    }
  });

  it('stop answering their owner once the owner no longer holds a code the run saw', async () => {
    // Of the admin's agency: an admin may change only users who hold nothing the admin does not.
    await ensureTestUser(api.store, {
      username: 'runs-demoted',
      role: 'analyst',
      clearance: ['H0', 'H1', 'H2', 'H3'],
      agency: 'Guardia di Finanza',
    });
    let token = await api.login('runs-demoted');
    const res = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      token,
      json: { only: ['centrality'] },
    });
    const run = res.headers.get('location') ?? '';
    for (let i = 0; i < 300; i++) {
      const status = (await (await api.fetch(run, { token })).json()) as Status;
      if (status.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await api.fetch(`${run}/results/centrality`, { token })).status).toBe(200);
    const patched = await api.fetch('/api/users/runs-demoted', {
      method: 'PATCH',
      role: 'admin',
      json: { clearance: ['H0', 'H1'] },
    });
    expect(patched.status).toBe(200);
    token = await api.login('runs-demoted');
    const missing = '/api/analyses/runs/00000000-0000-4000-8000-000000000000';
    for (const tail of ['', '/results/centrality']) {
      const hidden = await api.fetch(`${run}${tail}`, { token });
      const absent = await api.fetch(`${missing}${tail}`, { token });
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).toBe(await absent.text());
    }
  }, 60_000);

  it('refuse viewers and anonymous callers, an unknown part, a step left out, and a bad body', async () => {
    expect((await api.fetch('/api/analyses/runs', { method: 'POST', role: 'viewer', json: {} })).status).toBe(
      403,
    );
    expect((await api.fetch('/api/analyses/runs', { method: 'POST', json: {} })).status).toBe(401);
    expect((await api.fetch(location)).status).toBe(401);
    expect((await api.fetch(`${location}/results/everything`, { role: 'analyst' })).status).toBe(400);
    const bad = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      role: 'analyst',
      json: { only: ['communities', 'astrology'], seeed: 1 },
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.only.1', 'body.seeed']));
    const few = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      role: 'analyst',
      json: { only: ['communities'], case: 'no-such-case' },
    });
    expect(few.status).toBe(404);
    const small = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      role: 'analyst',
      json: { only: ['gaps'] },
    });
    const done = await waitForRun(small.headers.get('location') ?? '');
    expect(done.status).toBe('done');
    const missing = await api.fetch(`${small.headers.get('location')}/results/money`, { role: 'analyst' });
    expect(missing.status).toBe(404);
  }, 60_000);

  it('compute a what-if removal as an option, shown in the run and never written back as scores', async () => {
    const people = await api.store.read(
      "MATCH (p:Person) WHERE p.handling = 'H0' AND p.restrictedTo IS NULL RETURN p.id AS id ORDER BY p.id LIMIT 2",
    );
    const remove = people.records.map((r) => String(r.get('id')));
    const before = await api.store.read(
      'MATCH (r:AnalysisRun) WITH count(r) AS runs MATCH (n) WHERE any(k IN keys(n) WHERE k STARTS WITH "a_") RETURN runs, count(n) AS scored',
    );
    const whatIf = async (ids: string[]) => {
      const res = await api.fetch('/api/analyses/runs', {
        method: 'POST',
        role: 'analyst',
        json: { only: ['disruption'], remove: ids, seed: 3 },
      });
      expect(res.status).toBe(202);
      const where = res.headers.get('location') ?? '';
      const status = await waitForRun(where);
      expect(status).toMatchObject({ status: 'done', summary: { runId: null, whatIf: true } });
      return (await (await api.fetch(`${where}/results/disruption`, { role: 'analyst' })).json()) as {
        disruption: { removed: { id: string }[]; before: unknown; after: unknown };
      };
    };
    const shown = await whatIf(remove);
    expect(shown.disruption.removed.map((r) => r.id).sort()).toEqual([...remove].sort());
    const after = await api.store.read(
      'MATCH (r:AnalysisRun) WITH count(r) AS runs MATCH (n) WHERE any(k IN keys(n) WHERE k STARTS WITH "a_") RETURN runs, count(n) AS scored',
    );
    expect(after.records[0]?.toObject()).toEqual(before.records[0]?.toObject());
    const withHidden = await whatIf([...remove, RESTRICTED]);
    const withMissing = await whatIf([...remove, 'acct:no-such-account']);
    expect(withHidden).toEqual(withMissing);
    expect(JSON.stringify(withHidden)).not.toContain(RESTRICTED);
  }, 120_000);

  it('name the entities a run mentions in its labels part, and leave the old web route gone', async () => {
    const labels = await api.fetch(`${location}/results/labels`, { role: 'analyst' });
    expect(labels.status).toBe(200);
    const { names, places } = (await labels.json()) as {
      names: Record<string, string>;
      places: Record<string, { lat: number; lon: number }>;
    };
    const centrality = await (await api.fetch(`${location}/results/centrality`, { role: 'analyst' })).json();
    for (const player of centrality.keyPlayers) expect(names[player.id]).toEqual(expect.any(String));
    expect(Object.keys(places).length).toBeGreaterThan(0);
    expect(JSON.stringify(names)).not.toContain(RESTRICTED);
    expect((await api.fetch('/api/web/analyses/centrality', { role: 'analyst' })).status).toBe(404);
  });

  it('let the restricted agency see the account in its own run', async () => {
    const res = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      role: 'admin',
      json: { only: ['centrality'] },
    });
    const status = await waitForRun(res.headers.get('location') ?? '', 'admin');
    expect(status.status).toBe('done');
    const part = await api.fetch(`${res.headers.get('location')}/results/centrality`, { role: 'admin' });
    expect(await part.text()).toContain(RESTRICTED);
  }, 60_000);
});

describe('the money trace', () => {
  it('follows payments the analyst may see, and treats the restricted account as missing', async () => {
    const payer = await api.store.read(
      `MATCH (a:Account)-[:PAID]->(:Payment) WHERE a.restrictedTo IS NULL AND a.handling = 'H0'
       RETURN a.id AS id ORDER BY a.id LIMIT 1`,
    );
    const from = String(payer.records[0]?.get('id'));
    const res = await api.fetch(`/api/analyses/trace?from=${encodeURIComponent(from)}&maxHops=6`, {
      role: 'analyst',
    });
    expect(res.status).toBe(200);
    const trace = await res.json();
    expect(trace).toMatchObject({ from, direction: 'forward', currency: 'EUR' });
    expect(trace.paths.length).toBeGreaterThan(0);
    expect(JSON.stringify(trace)).not.toContain(RESTRICTED);
    const hidden = `/api/analyses/trace?from=${encodeURIComponent(RESTRICTED)}&direction=backward`;
    expect((await api.fetch(hidden, { role: 'analyst' })).status).toBe(404);
    expect((await api.fetch(hidden, { role: 'admin' })).status).toBe(200);
    expect(
      (await api.fetch(`/api/analyses/trace?from=${from}&window=2025`, { role: 'analyst' })).status,
    ).toBe(400);
    expect((await api.fetch(`/api/analyses/trace?from=${from}`, { role: 'viewer' })).status).toBe(403);
    expect(await auditCount('analysis.trace')).toBeGreaterThanOrEqual(3);
  });
});

describe('the money graph kept between traces', () => {
  const trace = async (from: string) => {
    const res = await api.fetch(`/api/analyses/trace?from=${encodeURIComponent(from)}&maxHops=6`, {
      role: 'analyst',
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { paths: { hops: { payment: string; to: string }[] }[] };
  };

  it('is read again after a write through the API, and after an import made elsewhere', async () => {
    const payer = await api.store.read(
      `MATCH (a:Account)-[:PAID]->(:Payment) WHERE a.restrictedTo IS NULL AND a.handling = 'H0'
       RETURN a.id AS id ORDER BY a.id DESC LIMIT 1`,
    );
    const from = String(payer.records[0]?.get('id'));
    const first = await trace(from);
    const payment = first.paths[0]?.hops[0]?.payment as string;
    expect(payment).toBeDefined();

    const retracted = await api.fetch(`/api/entities/${encodeURIComponent(payment)}/retract`, {
      method: 'POST',
      role: 'analyst',
      json: { reason: 'entered twice' },
    });
    expect(retracted.status).toBe(200);
    expect(JSON.stringify(await trace(from))).not.toContain(payment);

    // An import run by another process (here: straight through the store, not the API) is seen too.
    const source = await api.store.read(
      "MATCH (s:Source) WHERE s.handling = 'H0' AND s.restrictedTo IS NULL RETURN s.id AS id LIMIT 1",
    );
    const P = { handling: 'H0', sources: [String(source.records[0]?.get('id'))] };
    const report = await importRecords(
      api.store,
      [
        { kind: 'entity', type: 'Account', id: 'acct:late:1', ...P, name: 'Late account' },
        {
          kind: 'entity',
          type: 'Payment',
          id: 'pay:late:1',
          amount: 5_000,
          currency: 'EUR',
          date: '2030-01-01',
          ...P,
        },
        { kind: 'link', type: 'PAID', source: from, target: 'pay:late:1', ...P },
        { kind: 'link', type: 'RECEIVED', source: 'pay:late:1', target: 'acct:late:1', ...P },
      ],
      { user: 'operator', name: 'late payment' },
    );
    expect(report.status, JSON.stringify(report)).toBe('complete');
    const after = await trace(from);
    expect(after.paths.flatMap((p) => p.hops.map((h) => h.payment))).toContain('pay:late:1');
  });
});

describe('identity decisions', () => {
  const sameAs = async (a: string, b: string) => {
    const result = await api.store.read(
      `MATCH (:Person {id: $a})-[r:SAME_AS]-(:Person {id: $b})
       RETURN count(r) AS n, [x IN collect(r) WHERE NOT coalesce(x.retracted, false) | x.id] AS current`,
      { a, b },
    );
    const row = result.records[0];
    return { links: Number(row?.get('n')), current: ((row?.get('current') ?? []) as string[]).length };
  };

  it('confirm a pair once, however often it is sent, and reject it by retracting the link', async () => {
    const people = await api.store.read(
      "MATCH (p:Person) WHERE p.handling = 'H0' RETURN p.id AS id ORDER BY p.id LIMIT 2",
    );
    const [a, b] = people.records.map((r) => String(r.get('id'))) as [string, string];
    const decide = (decision: string, reason = 'same passport photo') =>
      api.fetch('/api/identity/decisions', {
        method: 'POST',
        role: 'analyst',
        json: { a, b, decision, reason },
      });
    const first = await decide('same');
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ decision: 'same', changed: true, decidedBy: 'runs-analyst' });
    const again = await (await decide('same')).json();
    expect(again).toMatchObject({ changed: false });
    expect(await sameAs(a, b)).toEqual({ links: 1, current: 1 });
    expect((await (await decide('different', 'different birth dates')).json()).changed).toBe(true);
    expect(await sameAs(a, b)).toEqual({ links: 1, current: 0 });
    const decisions = await api.store.read('MATCH (d:IdentityDecision) RETURN count(d) AS n');
    expect(Number(decisions.records[0]?.get('n'))).toBe(1);
    expect(await auditCount('identity.decision')).toBe(3);
  });

  it('treat an entity the analyst may not see as missing, refuse mixed types, viewers and no reason', async () => {
    const other = await api.store.read(
      'MATCH (a:Account) WHERE a.id <> $id RETURN a.id AS id ORDER BY a.id LIMIT 1',
      { id: RESTRICTED },
    );
    const account = String(other.records[0]?.get('id'));
    const post = (json: unknown, role: 'analyst' | 'viewer' = 'analyst') =>
      api.fetch('/api/identity/decisions', { method: 'POST', role, json });
    const hidden = await post({ a: RESTRICTED, b: account, decision: 'same', reason: 'same IBAN' });
    expect(hidden.status).toBe(404);
    const missing = await post({ a: 'no-such-account', b: account, decision: 'same', reason: 'same IBAN' });
    expect(await hidden.text()).toBe(await missing.text());
    const person = (await api.store.read('MATCH (p:Person) RETURN p.id AS id LIMIT 1')).records[0]?.get('id');
    expect((await post({ a: person, b: account, decision: 'same', reason: 'a hunch' })).status).toBe(422);
    expect((await post({ a: account, b: account, decision: 'same', reason: 'itself' })).status).toBe(400);
    expect((await post({ a: person, b: account, decision: 'maybe', reason: '' })).status).toBe(400);
    expect((await post({ a: person, b: account, decision: 'same', reason: 'x' }, 'viewer')).status).toBe(403);
    const sameAsHidden = await api.store.read(
      'MATCH (:Account {id: $id})-[r:SAME_AS]-() RETURN count(r) AS n',
      {
        id: RESTRICTED,
      },
    );
    expect(Number(sameAsHidden.records[0]?.get('n'))).toBe(0);
  });
});
