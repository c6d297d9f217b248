import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signature } from '../../server/alerts/webhook.ts';
import { importRecords } from '../../server/ingest/index.ts';
import type { EntityLabel } from '../../server/schema/model.ts';
import { alertOnTypologies } from '../../server/store/alert-typologies.ts';
import type { Alert, AlertList } from '../../server/schema/api/alerts.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';
import { until } from '../support/wait.ts';
import { entity, link } from '../helpers/records.ts';

const USERS: StartOptions['users'] = {
  analyst: { username: 'nca-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'NCA' },
  viewer: { username: 'frontex-officer', clearance: ['H0', 'H1'], agency: 'Frontex' },
};

/** What is there before any watch: two facilitators, a smuggled person, a stolen passport, an account. */
const BASE = [
  entity('Source', 'src-1', { name: 'Debriefing 1', reference: 'FX-1' }),
  entity('Person', 'p-karim', { name: 'Karim Benali', roles: ['organiser'] }),
  entity('Person', 'p-omar', { name: 'Omar Haddad', roles: ['transporter'] }),
  entity('Person', 'p-victim', { name: 'Amina K', roles: ['smuggled person'] }),
  entity('Document', 'doc-stolen', {
    kind: 'passport',
    number: 'AB1234567',
    issuingCountry: 'LY',
    status: 'stolen',
  }),
  entity('Account', 'acct-1', { kind: 'bank', iban: 'DE89370400440532013000', name: 'Karim DE' }),
  link('HOLDS', 'p-karim', 'doc-stolen'),
];

/** Nothing in it matches any watch of the tests. */
const QUIET = [
  entity('Person', 'p-other', { name: 'Nadia Salem', roles: ['recruiter'] }),
  entity('Vessel', 'v-other', { name: 'Blue Gull', imo: '9176187' }),
  link('ASSOCIATE_OF', 'p-other', 'p-omar'),
];

/** One match for each watch of the tests. */
const MATCHING = [
  entity('Vessel', 'v-amira', {
    name: 'Amira',
    imo: '9074729',
    flag: 'TG',
    pastNames: ['Sea Star'],
    pastFlags: ['PA'],
  }),
  entity('Document', 'doc-new', { kind: 'passport', number: 'XK998877', issuingCountry: 'SY' }),
  entity('Person', 'p-umar', { name: 'Umar Faruq', roles: ['guide'] }),
  entity('Communication', 'c-phone', { kind: 'phone', identifier: '+218 91 555 0101' }),
  entity('Payment', 'pay-big', { amount: 12_000, currency: 'EUR', date: '2024-03-01' }),
  entity('Payment', 'pay-small', { amount: 300, currency: 'EUR', date: '2024-03-02' }),
  link('PAID', 'acct-1', 'pay-big'),
  link('PAID', 'acct-1', 'pay-small'),
  link('ASSOCIATE_OF', 'p-karim', 'p-omar'),
  link('USED', 'p-omar', 'doc-stolen'),
  link('SMUGGLED', 'p-karim', 'p-victim'),
];

let api: TestApi;
const watches: Record<string, string> = {};

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

async function watch(name: string, body: Record<string, unknown>) {
  const created = await json<{ id: string; webhookSecret: string | null }>(
    await api.fetch('/api/watches', {
      method: 'POST',
      role: 'analyst',
      json: { purpose: `test: ${name}`, label: name, sharedWith: ['frontex-officer'], ...body },
    }),
  );
  watches[name] = created.id;
  return created;
}

/** A GET; a loaded machine may miss the store deadline of a read (503, Retry-After), so ask again. */
async function read(path: string, role: 'analyst' | 'viewer'): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await api.fetch(path, { role });
    if (res.status !== 503 || attempt === 10) return res;
    await res.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function alerts(role: 'analyst' | 'viewer', query = 'show=all&limit=200') {
  return json<AlertList>(await read(`/api/alerts?${query}`, role));
}

async function imported(records: object[], name: string) {
  const report = await importRecords(api.store, records, { user: 'operator', name });
  expect(['complete', 'already-imported']).toContain(report.status);
  expect(report.warnings).toEqual([]);
}

function byWatch(list: AlertList): Record<string, number> {
  const names = Object.fromEntries(Object.entries(watches).map(([name, id]) => [id, name]));
  const out: Record<string, number> = {};
  for (const alert of list.alerts) {
    const name = names[alert.watch.id] ?? alert.watch.id;
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

const hooks: { body: string; headers: IncomingMessage['headers'] }[] = [];
const hookServer = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    hooks.push({ body, headers: req.headers });
    res.end('ok');
  });
});
let secret = '';

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await importRecords(store, BASE, { user: 'operator', name: 'base' });
  api = await startApi({ store, users: USERS });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  const port = (hookServer.address() as AddressInfo).port;
  await watch('entity', { kind: 'entity', entity: 'p-karim' });
  secret =
    (
      await watch('imo', {
        kind: 'identifier',
        scheme: 'imo',
        value: 'IMO 9074729',
        webhook: { url: `http://127.0.0.1:${port}/hook` },
      })
    ).webhookSecret ?? '';
  await watch('document', { kind: 'identifier', scheme: 'document', value: 'xk-998877', country: 'Syria' });
  await watch('name', {
    kind: 'identifier',
    scheme: 'name',
    value: 'Omar Farouk',
    transliterations: ['Umar Faruq'],
  });
  await watch('phone', { kind: 'identifier', scheme: 'phone', value: '+218915550101' });
  await watch('iban', { kind: 'identifier', scheme: 'iban', value: 'GB29 NWBK 6016 1331 9268 19' });
  await watch('new-link', { kind: 'pattern', pattern: 'new-link', entities: ['p-karim', 'p-omar'] });
  await watch('payment', { kind: 'pattern', pattern: 'payment-over', account: 'acct-1', amount: 5_000 });
  await watch('reused', { kind: 'pattern', pattern: 'document-reused' });
  await watch('renamed', { kind: 'pattern', pattern: 'vessel-renamed' });
}, 60_000);

afterAll(async () => {
  hookServer.close();
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

describe('watches', () => {
  it('are listed for their owner and the users they are shared with, with purpose and review date', async () => {
    const mine = await json<{ watches: { id: string; reviewBy: string; owner: string }[] }>(
      await api.fetch('/api/watches', { role: 'viewer' }),
    );
    expect(mine.watches.map((w) => w.id).sort()).toEqual(Object.values(watches).sort());
    expect(mine.watches.every((w) => w.owner === 'nca-analyst' && w.reviewBy > '2025-01-01')).toBe(true);
  });

  it('refuse a review date beyond twelve months, an unknown entity, a smuggled person and a far webhook', async () => {
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const tries = [
      [{ kind: 'entity', entity: 'p-karim', reviewBy: far }, 'body.reviewBy'],
      [{ kind: 'entity', entity: 'p-nobody' }, 'body.entity'],
      [{ kind: 'entity', entity: 'p-victim' }, 'body.entity'],
      [{ kind: 'identifier', scheme: 'imo', value: '1234568' }, 'body.value'],
      [{ kind: 'entity', entity: 'p-karim', webhook: { url: 'https://example.org/x' } }, 'body.webhook.url'],
    ] as const;
    for (const [body, field] of tries) {
      const res = await api.fetch('/api/watches', {
        method: 'POST',
        role: 'analyst',
        json: { purpose: 'x y z', ...body },
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
  });
});

describe('alerts on imports', () => {
  it('raises none on an import that matches nothing', async () => {
    await imported(QUIET, 'quiet');
    expect((await alerts('analyst')).total).toBe(0);
  });

  it('raises exactly the expected alert for each watch kind, and none on smuggled persons', async () => {
    await imported(MATCHING, 'matching');
    const list = await alerts('analyst');
    expect(byWatch(list)).toEqual({
      entity: 1, // the new association with Omar (the link to the smuggled person raises nothing)
      imo: 1,
      document: 1,
      name: 1,
      phone: 1,
      'new-link': 1,
      payment: 1, // 12,000 EUR, not the 300
      reused: 1,
      renamed: 1,
    });
    expect(list.unread).toBe(9);
    const payment = list.alerts.find((a) => a.watch.id === watches.payment) as Alert;
    expect(payment.records.map((r) => r.id).sort()).toEqual(['acct-1', 'pay-big']);
    expect(payment.records[0]).toMatchObject({ sources: ['src-1'], grade: 'B2', gradeScheme: 'europol' });
    expect(payment.links).toHaveLength(1);
    expect(payment.reason).toMatch(/12000 EUR from watched/);
  });

  it('raises nothing new when the same records come again, in the same file or another', async () => {
    await imported(MATCHING, 'matching');
    await imported([...MATCHING, entity('Person', 'p-x', { name: 'X Y' })], 'again');
    expect((await alerts('analyst')).total).toBe(9);
  });

  it('delivers a signed webhook marked with its handling code', async () => {
    await until(5_000, async () => (hooks.length > 0 ? true : undefined), 'the webhook delivery');
    const [hook] = hooks;
    expect(hook?.headers['x-ariadne-signature']).toBe(signature(secret, hook?.body ?? ''));
    expect(hook?.headers['x-ariadne-handling']).toBe('H0');
    expect(JSON.parse(hook?.body ?? '{}').alert.records[0].id).toBe('v-amira');
  });
});

describe('alerts within clearance', () => {
  it('hides an alert with a record beyond the recipient, and does not count it', async () => {
    const before = await alerts('viewer');
    const H3 = { handling: 'H3', handlingCondition: 'NCA only' };
    await imported(
      [
        entity('Person', 'p-secret', { name: 'Informant 7', roles: ['recruiter'], ...H3 }),
        link('ASSOCIATE_OF', 'p-secret', 'p-karim', H3),
      ],
      'secret',
    );
    const owner = await alerts('analyst');
    expect(owner.total).toBe(10);
    const viewer = await alerts('viewer');
    expect(viewer.total).toBe(before.total);
    expect(viewer.unread).toBe(before.unread);
    expect(viewer.alerts.map((a) => a.id)).toEqual(before.alerts.map((a) => a.id));
    const hidden = owner.alerts.find((a) => a.records.some((r) => r.id === 'p-secret')) as Alert;
    const asViewer = await api.fetch(`/api/alerts/${hidden.id}`, { role: 'viewer' });
    const missing = await api.fetch('/api/alerts/alert:nothing', { role: 'viewer' });
    expect([asViewer.status, await asViewer.text()]).toEqual([missing.status, await missing.text()]);
  });

  it('marks read and dismisses with a reason, per recipient', async () => {
    const [first] = (await alerts('viewer')).alerts;
    const id = first?.id ?? '';
    await json(
      await api.fetch(`/api/alerts/${id}/read`, { method: 'POST', role: 'viewer', json: { read: true } }),
    );
    await json(
      await api.fetch(`/api/alerts/${id}/dismiss`, {
        method: 'POST',
        role: 'viewer',
        json: { reason: 'known, no action' },
      }),
    );
    const inbox = await alerts('viewer', 'show=inbox&limit=200');
    expect(inbox.alerts.map((a) => a.id)).not.toContain(id);
    const dismissed = await alerts('viewer', 'show=dismissed');
    expect(dismissed.alerts[0]?.dismissed?.reason).toBe('known, no action');
    expect((await alerts('analyst', 'show=inbox&limit=200')).alerts.map((a) => a.id)).toContain(id);
  });
});

describe('alerts on analysis runs', () => {
  it('raises one alert for a typology hit touching a watched entity, once', async () => {
    await watch('typology', { kind: 'pattern', pattern: 'typology-hit', entities: ['acct-1'] });
    const hit = {
      kind: 'fan-out',
      parties: ['acct-1', 'p-omar'],
      payments: ['pay-big', 'pay-small'],
      total: 12_300,
    };
    const labels: Record<string, EntityLabel> = {
      'acct-1': 'Account',
      'p-omar': 'Person',
      'pay-big': 'Payment',
      'pay-small': 'Payment',
    };
    const labelOf = (id: string) => labels[id];
    expect(await alertOnTypologies(api.store, [hit], labelOf)).toHaveLength(1);
    expect(await alertOnTypologies(api.store, [hit], labelOf)).toHaveLength(0);
    const other = { ...hit, parties: ['p-omar'] };
    expect(await alertOnTypologies(api.store, [other], labelOf)).toHaveLength(0);
    const alert = (await alerts('analyst')).alerts.find((a) => a.watch.id === watches.typology) as Alert;
    expect(alert.records.map((r) => r.id).sort()).toEqual(['acct-1', 'p-omar', 'pay-big', 'pay-small']);
  });
});

describe('alerts on border checks', () => {
  it('alerts the owner when a watched document is checked, and the officer answer is unchanged', async () => {
    const asked = await read('/api/check/document?number=AB1234567&country=LY', 'viewer');
    const before = await asked.json();
    await watch('checked', { kind: 'identifier', scheme: 'document', value: 'AB1234567', country: 'LY' });
    const again = await read('/api/check/document?number=AB1234567&country=LY', 'viewer');
    expect(await again.json()).toEqual(before);
    await until(
      20_000,
      async () => (byWatch(await alerts('analyst')).checked === 1 ? true : undefined),
      'the check alert',
    );
    const alert = (await alerts('analyst')).alerts.find((a) => a.watch.id === watches.checked) as Alert;
    expect(alert.trigger).toBe('check');
    expect(alert.reason).toMatch(/checked, by Frontex \(frontex-officer\)/);
  });

  it('alerts on a check of a vessel an entity watch names, by the IMO the vessel holds', async () => {
    await read('/api/check/vessel?imo=9074729', 'viewer');
    await watch('vesselEntity', { kind: 'entity', entity: 'v-amira' });
    await read('/api/check/vessel?imo=9074729', 'viewer');
    await until(
      20_000,
      async () => (byWatch(await alerts('analyst')).vesselEntity === 1 ? true : undefined),
      'the vessel check alert',
    );
    const alert = (await alerts('analyst')).alerts.find((a) => a.watch.id === watches.vesselEntity) as Alert;
    expect(alert.records.map((r) => r.id)).toEqual(['v-amira']);
  });
});

describe('cases from alerts', () => {
  it('opens a case from an alert holding its records, changes it, and gives its timeline', async () => {
    const payment = (await alerts('analyst')).alerts.find((a) => a.watch.id === watches.payment) as Alert;
    const res = await api.fetch('/api/cases', {
      method: 'POST',
      role: 'analyst',
      json: {
        title: 'Operation Ledger',
        handling: 'H0',
        fromAlert: payment.id,
        members: ['frontex-officer'],
      },
    });
    const opened = await json<{ id: string; entities: { id: string }[]; alerts: string[]; owners: string[] }>(
      res,
    );
    expect(res.status).toBe(201);
    expect(opened.entities.map((e) => e.id).sort()).toEqual(['acct-1', 'pay-big']);
    expect(opened.alerts).toEqual([payment.id]);
    expect(opened.owners).toEqual(['nca-analyst']);
    const changed = await json<{ status: string; entities: { id: string }[] }>(
      await api.fetch(`/api/cases/${opened.id}`, {
        method: 'PATCH',
        role: 'analyst',
        json: { status: 'under review', addEntities: ['p-karim'] },
      }),
    );
    expect(changed.status).toBe('under review');
    expect(changed.entities.map((e) => e.id)).toContain('p-karim');
    const timeline = await json<{ entries: { kind: string; id: string }[] }>(
      await api.fetch(`/api/cases/${opened.id}/timeline`, { role: 'analyst' }),
    );
    expect(timeline.entries.map((e) => [e.kind, e.id])).toContainEqual(['payment', 'pay-big']);
    const refused = await api.fetch(`/api/cases/${opened.id}`, {
      method: 'PATCH',
      role: 'analyst',
      json: { addEntities: ['p-secret-nope'] },
    });
    expect(refused.status).toBe(400);
    const listed = (await alerts('analyst')).alerts.find((a) => a.id === payment.id) as Alert;
    expect(listed.cases).toEqual([opened.id]);
  });
});
