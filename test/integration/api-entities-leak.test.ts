import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { DEMO_HOLDER, DEMO_RESTRICTED, loadDemoPeople } from '../helpers/demo-people.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

// A low clearance that may write, against the demo case's account restricted to the Guardia di Finanza.
const USERS: StartOptions['users'] = {
  viewer: { username: 'leak-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'leak-low-analyst', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'leak-gdf-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};

const HIDDEN_IBAN = 'GB82WEST12345698765432';
const VISIBLE_IBAN = 'DE89370400440532013000';
const FREE_IBAN = 'NL91ABNA0417164300';
const SOURCE = 'src:europol-emsc';

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await loadDemoPeople(store, new Set([DEMO_RESTRICTED, DEMO_HOLDER, SOURCE, 'src:gdf-palermo']));
  // Two accounts an import keyed by their IBAN: one the low clearance may not see, one it may.
  const loaded = await ingestRecords(store, [
    {
      kind: 'entity',
      type: 'Account',
      name: 'GdF watched account',
      iban: HIDDEN_IBAN,
      sources: [SOURCE],
      handling: 'H3',
      handlingCondition: 'No dissemination without the approval of the Guardia di Finanza',
      restrictedTo: ['Guardia di Finanza'],
    },
    {
      kind: 'entity',
      type: 'Account',
      name: 'Known account',
      iban: VISIBLE_IBAN,
      sources: [SOURCE],
      handling: 'H0',
    },
  ]);
  expect(loaded.ok).toBe(true);
  api = await startApi({ store, users: USERS });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

const create = (properties: Record<string, unknown>) =>
  api.fetch('/api/entities', {
    method: 'POST',
    role: 'analyst',
    json: { type: 'Account', properties: { sources: [SOURCE], handling: 'H0', ...properties } },
  });

async function asGdf(id: string) {
  return (await api.fetch(`/api/entities/${encodeURIComponent(id)}`, { role: 'admin' })).json();
}

describe('creating an entity, for a caller who may not see every record', () => {
  it('answers an id held by a hidden record exactly as a free id, and leaves the record alone', async () => {
    const before = await asGdf(DEMO_RESTRICTED);
    expect(before.properties.restrictedTo).toEqual(['Guardia di Finanza']);
    const answers = [];
    for (const id of [DEMO_RESTRICTED, 'acct:cm:free-999']) {
      const res = await create({ id, name: 'Probe account' });
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.status).toBe(400);
    expect(answers[0]?.body.errors).toEqual([
      { field: 'body.properties.id', message: expect.stringMatching(/assigned by Ariadne: leave id out/) },
    ]);
    expect(await asGdf(DEMO_RESTRICTED)).toEqual(before);
  });

  it('creates an account whose IBAN a hidden record holds as if the IBAN were free, with an id of its own', async () => {
    const before = await asGdf(`iban:${HIDDEN_IBAN}`);
    expect(before.version).toBe(1);
    const answers = [];
    for (const iban of [HIDDEN_IBAN, FREE_IBAN]) {
      const res = await create({ name: 'Probe account', iban });
      const body = await res.json();
      expect(res.headers.get('location')).toBe(`/api/entities/${encodeURIComponent(body.id)}`);
      answers.push({ status: res.status, id: body.id, version: body.version, name: body.properties.name });
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    for (const answer of answers) expect(answer.id).toMatch(/^account:[0-9a-f-]{36}$/);
    expect(answers[0]).toMatchObject({ version: 1, name: 'Probe account' });
    expect(await asGdf(`iban:${HIDDEN_IBAN}`)).toEqual(before);
  });

  it('refuses a visible account with the same IBAN, naming it', async () => {
    const res = await create({ name: 'Duplicate', iban: VISIBLE_IBAN });
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain(`iban:${VISIBLE_IBAN}`);
  });
});
