import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../server/ingest/index.ts';
import type { Alert, AlertList } from '../../server/schema/api/alerts.ts';
import { writeAnalysisRun } from '../../server/store/analysis-runs.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';
import { entity, link } from '../helpers/records.ts';

const FULL = { handling: ['H0', 'H1', 'H2', 'H3'] as const, agency: 'NCA' };
const USERS: StartOptions['users'] = {
  analyst: { username: 'nca-analyst', clearance: [...FULL.handling], agency: FULL.agency },
  viewer: { username: 'frontex-officer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'frontex-admin', clearance: ['H0', 'H1'], agency: 'Frontex' },
};

const H3 = { handling: 'H3', handlingCondition: 'NCA only' };
const person = (id: string, name: string, roles = ['transporter']) => entity('Person', id, { name, roles });

/** Two routes, facilitators, a smuggled person, and two communities (a, b, c) and (x, y). */
const BASE = [
  entity('Source', 'src-1', { name: 'Debriefing 1', reference: 'FX-1' }),
  entity('Route', 'r-med', { name: 'Central Mediterranean', mode: 'sea' }),
  entity('Route', 'r-balkan', { name: 'Western Balkans', mode: 'land' }),
  person('p-omar', 'Omar Haddad'),
  person('p-victim', 'Amina K', ['smuggled person']),
  person('p-a', 'Adel A', ['organiser']),
  person('p-b', 'Bilal B'),
  person('p-c', 'Chafik C'),
  person('p-x', 'Xavier X', ['organiser']),
  person('p-y', 'Yusuf Y'),
  link('ASSOCIATE_OF', 'p-a', 'p-b'),
  link('ASSOCIATE_OF', 'p-b', 'p-c'),
  link('ASSOCIATE_OF', 'p-x', 'p-y'),
];

/** Nothing in it matches: another route, links inside one community, a new person linked to no one. */
const QUIET = [
  person('p-quiet', 'Nadia Salem'),
  link('TRAVELLED', 'p-quiet', 'r-balkan'),
  link('ASSOCIATE_OF', 'p-a', 'p-c'),
  link('CONTACTED', 'p-y', 'p-x'),
];

/** A facilitator on the watched route (and a smuggled person, who raises nothing), two links into a,b,c. */
const MATCHING = [
  person('p-new', 'Umar Faruq'),
  link('TRAVELLED', 'p-omar', 'r-med'),
  link('TRAVELLED', 'p-victim', 'r-med'),
  link('ASSOCIATE_OF', 'p-new', 'p-b'),
  link('CONTACTED', 'p-x', 'p-c'),
];

let api: TestApi;
const watches: Record<string, string> = {};

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function watch(name: string, body: Record<string, unknown>, role: 'analyst' | 'admin' = 'analyst') {
  const created = await json<{ id: string }>(
    await api.fetch('/api/watches', {
      method: 'POST',
      role,
      json: {
        purpose: `test: ${name}`,
        label: name,
        sharedWith: role === 'analyst' ? ['frontex-officer'] : [],
        ...body,
      },
    }),
  );
  watches[name] = created.id;
}

/** The alerts a user receives; a loaded machine may miss a read's deadline (503), so ask again. */
async function alerts(role: 'analyst' | 'viewer' | 'admin'): Promise<AlertList> {
  for (let attempt = 1; ; attempt++) {
    const res = await api.fetch('/api/alerts?show=all&limit=200', { role });
    if (res.status !== 503 || attempt === 10) return json<AlertList>(res);
    await res.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function imported(records: object[], name: string) {
  const report = await importRecords(api.store, records, { user: 'operator', name });
  expect(report.status).toBe('complete');
  expect(report.warnings).toEqual([]);
}

function byWatch(list: AlertList): Record<string, string[][]> {
  const names = Object.fromEntries(Object.entries(watches).map(([name, id]) => [id, name]));
  const out: Record<string, string[][]> = {};
  for (const alert of list.alerts) {
    const name = names[alert.watch.id] ?? alert.watch.id;
    out[name] = [...(out[name] ?? []), alert.records.map((r) => r.id).sort()].sort();
  }
  return out;
}

beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await importRecords(store, BASE, { user: 'operator', name: 'base' });
  // The latest community run, under the analyst's clearance: (a, b, c) and (x, y).
  const now = new Date().toISOString();
  const labels = new Set(['p-a', 'p-b', 'p-c', 'p-x', 'p-y']);
  await writeAnalysisRun(store, {
    kind: 'analyse',
    parameters: {},
    scope: {},
    clearance: { handling: [...FULL.handling], agency: FULL.agency },
    startedAt: now,
    finishedAt: now,
    counts: { communities: 2 },
    createdBy: 'nca-analyst',
    entities: {
      'p-a': { community: 0 },
      'p-b': { community: 0 },
      'p-c': { community: 0 },
      'p-x': { community: 1 },
      'p-y': { community: 1 },
    },
    labelOf: (id) => (labels.has(id) ? 'Person' : undefined),
  });
  api = await startApi({ store, users: USERS });
  await watch('route', { kind: 'pattern', pattern: 'person-on-route', route: 'r-med' });
  // Not shared: a community watch stays with its owner, under whose clearance its community is judged.
  await watch('community', { kind: 'pattern', pattern: 'community-link', entity: 'p-a', sharedWith: [] });
  // The admin's clearance covers no community run: their community watch has no community to watch.
  await watch('low-community', { kind: 'pattern', pattern: 'community-link', entity: 'p-a' }, 'admin');
}, 60_000);

afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

describe('pattern watches on routes and communities', () => {
  it('refuse a route watch naming something other than a route, and a smuggled person as a member', async () => {
    const tries = [
      [{ pattern: 'person-on-route', route: 'p-omar' }, 'body.route'],
      [{ pattern: 'person-on-route', route: 'r-nowhere' }, 'body.route'],
      [{ pattern: 'community-link', entity: 'p-victim' }, 'body.entity'],
      [{ pattern: 'community-link', entity: 'p-a', sharedWith: ['frontex-officer'] }, 'body.sharedWith'],
    ] as const;
    for (const [body, field] of tries) {
      const res = await api.fetch('/api/watches', {
        method: 'POST',
        role: 'analyst',
        json: { purpose: 'x y z', kind: 'pattern', ...body },
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
  });

  it('raise nothing on an import with another route and links inside one community', async () => {
    await imported(QUIET, 'quiet');
    expect((await alerts('analyst')).total).toBe(0);
    expect((await alerts('admin')).total).toBe(0);
  });

  it('raise one alert per new person on the route and per new link into the community', async () => {
    await imported(MATCHING, 'matching');
    const list = await alerts('analyst');
    expect(byWatch(list)).toEqual({
      route: [['p-omar', 'r-med']], // the smuggled person who travelled it raises nothing
      community: [
        ['p-a', 'p-b', 'p-new'],
        ['p-a', 'p-c', 'p-x'],
      ],
    });
    const into = list.alerts.find((a) => a.records.some((r) => r.id === 'p-new')) as Alert;
    expect(into.reason).toMatch(/from Person "Umar Faruq" into the community of watched/);
    expect(into.links).toHaveLength(1);
    const route = list.alerts.find((a) => a.watch.id === watches.route) as Alert;
    expect(route.reason).toMatch(/Omar Haddad.*Central Mediterranean/);
    // The admin's clearance covers no run that put p-a in a community.
    expect((await alerts('admin')).total).toBe(0);
  });

  it('raise nothing new when the same file comes again', async () => {
    await imported([...MATCHING, person('p-more', 'Karim Z')], 'again');
    expect((await alerts('analyst')).total).toBe(3);
  });

  it('show a recipient nothing of a match on records beyond their clearance', async () => {
    const before = await alerts('viewer');
    expect(byWatch(before)).toEqual({ route: [['p-omar', 'r-med']] });
    await imported(
      [
        entity('Person', 'p-secret', { name: 'Informant 7', roles: ['recruiter'], ...H3 }),
        link('TRAVELLED', 'p-secret', 'r-med', H3),
        link('ASSOCIATE_OF', 'p-secret', 'p-a', H3),
      ],
      'secret',
    );
    const owner = byWatch(await alerts('analyst'));
    expect(owner.route).toContainEqual(['p-secret', 'r-med']);
    expect(owner.community).toContainEqual(['p-a', 'p-secret']);
    const after = await alerts('viewer');
    expect([after.total, after.unread]).toEqual([before.total, before.unread]);
    expect(after.alerts.map((a) => a.id)).toEqual(before.alerts.map((a) => a.id));
  });
});
