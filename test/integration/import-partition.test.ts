import { afterAll, describe, expect, it } from 'vitest';
import { deriveEntityId, deriveLinkId } from '../../server/schema/keys.ts';
import type { Store } from '../../server/store/store.ts';
import { type StartOptions, startApiOnRecords, type TestApi } from '../helpers/api.ts';

// An analyst cleared for H0 and H1 at Europol uploads a file naming, by id, by natural key, by link
// type and ends, and by --source and --case, records that exist beyond their clearance. Everything
// they are told, then and afterwards, must be what they would be told if those records did not exist;
// and the records must be left exactly as they were.
const USERS: StartOptions['users'] = {
  viewer: { username: 'partition-viewer', clearance: ['H0'], agency: 'Europol' },
  analyst: { username: 'partition-analyst', clearance: ['H0', 'H1'], agency: 'Europol' },
  admin: { username: 'partition-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
};

const IMO = '9074729';
const IBAN = 'GB82WEST12345698765432';
const vesselId = (deriveEntityId({ type: 'Vessel', imo: IMO }) as { value: string }).value;
const accountId = (deriveEntityId({ type: 'Account', iban: IBAN }) as { value: string }).value;
const caseId = (deriveEntityId({ type: 'Case', name: 'Operation Hidden' }) as { value: string }).value;
const open = { sources: ['src:open'], handling: 'H0' };
const covert = { sources: ['src:covert'], handling: 'H3', handlingCondition: 'Covert human source' };

const BASE = [
  { kind: 'entity', type: 'Source', id: 'src:open', reference: 'open', ...open },
  { kind: 'entity', type: 'Person', id: 'p-a', name: 'Amir Visible', ...open },
  { kind: 'entity', type: 'Person', id: 'p-b', name: 'Bilal Visible', ...open },
];
const HIDDEN = [
  { kind: 'entity', type: 'Source', id: 'src:covert', reference: 'covert', ...covert },
  { kind: 'entity', type: 'Person', id: 'p-hidden', name: 'Hidden Leader', ...covert },
  { kind: 'link', type: 'ASSOCIATE_OF', source: 'p-a', target: 'p-b', ...covert },
  { kind: 'link', type: 'SAME_AS', source: 'p-a', target: 'p-b', ...covert },
  { kind: 'entity', type: 'Vessel', imo: IMO, name: 'Hidden Trawler', ...covert },
  { kind: 'entity', type: 'Case', name: 'Operation Hidden', ...covert },
  {
    kind: 'entity',
    type: 'Account',
    iban: IBAN,
    name: 'Restricted',
    ...open,
    restrictedTo: ['Guardia di Finanza'],
  },
];

const lines = (...records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const UPLOAD = lines(
  { kind: 'entity', type: 'Person', id: 'p-a', name: 'Amir Visible', nationalities: ['LY'], handling: 'H0' },
  { kind: 'entity', type: 'Person', id: 'p-hidden', name: 'Taken Over', handling: 'H1' },
  { kind: 'link', type: 'ASSOCIATE_OF', source: 'p-a', target: 'p-b', handling: 'H1' },
  { kind: 'entity', type: 'Vessel', imo: IMO, name: 'Renamed', handling: 'H1' },
  { kind: 'entity', type: 'Account', iban: IBAN, name: 'Mine now', handling: 'H0' },
  { kind: 'link', type: 'HOLDS_ACCOUNT', source: 'p-hidden', target: accountId, handling: 'H0' },
  { kind: 'link', type: 'OWNS', source: 'p-a', target: vesselId, handling: 'H0' },
);
const QUERY = 'format=ndjson&source=covert&case=Operation%20Hidden&handling=H1&name=up.ndjson';

/** What the database holds beyond the analyst's clearance, property for property. */
async function hiddenState(store: Store): Promise<string> {
  const beyond = "x.handling IN ['H2', 'H3'] OR x.restrictedTo IS NOT NULL";
  const nodes = await store.read(
    `MATCH (x) WHERE ${beyond} RETURN x.id AS id, properties(x) AS p ORDER BY id`,
  );
  const links = await store.read(
    `MATCH (a)-[x]->(b) WHERE ${beyond} RETURN a.id + '>' + b.id + ':' + x.id AS id, properties(x) AS p ORDER BY id`,
  );
  return JSON.stringify([...nodes.records, ...links.records].map((r) => [r.get('id'), r.get('p')]));
}

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const normalise = (text: string) => text.replace(TIME, '<time>').replace(UUID, '<uuid>');

async function waitFor(api: TestApi, location: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const res = await read(api, location);
    const text = await res.text();
    if (!text.includes('"running"')) return normalise(text);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the import did not finish within a minute');
}

/** A read, again while the busy test machine makes it miss its deadline (503). */
async function read(api: TestApi, path: string): Promise<Response> {
  for (let i = 0; ; i++) {
    const res = await api.fetch(path, { role: 'analyst' });
    if (res.status !== 503 || i === 5) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The analyst's whole experience of the upload, as text: answers, reports and reads afterwards. */
async function session(api: TestApi): Promise<string[]> {
  const seen: string[] = [];
  const upload = async (query: string) => {
    const res = await api.fetch(`/api/imports?${query}`, {
      method: 'POST',
      role: 'analyst',
      body: UPLOAD,
      headers: { 'content-type': 'application/octet-stream' },
    });
    // Whether the job has finished by the time it is answered is a matter of timing.
    const answer = normalise(await res.clone().text()).replace(
      /"status":"(running|done)"/,
      '"status":"<job>"',
    );
    seen.push(`${res.status} ${answer}`);
    if (res.status === 202) seen.push(await waitFor(api, res.headers.get('location') ?? ''));
  };
  await upload(`${QUERY}&dryRun=true`);
  await upload(QUERY);
  await upload(QUERY); // again: idempotent
  const tag = '~H0H1@Europol';
  const ids = ['p-a', 'p-b', 'p-hidden', vesselId, accountId, 'src:covert', caseId];
  for (const id of [...ids, ...ids.map((id) => `${id}${tag}`)]) {
    const res = await read(api, `/api/entities/${encodeURIComponent(id)}`);
    seen.push(`${id}: ${res.status} ${normalise(await res.text())}`);
  }
  for (const decision of ['same', 'different', 'same']) {
    const res = await api.fetch('/api/identity/decisions', {
      method: 'POST',
      role: 'analyst',
      json: { a: 'p-a', b: 'p-b', decision, reason: `checked: ${decision}` },
    });
    seen.push(`decision ${decision}: ${res.status} ${normalise(await res.text())}`);
  }
  const search = await read(api, '/api/entities?q=Renamed');
  seen.push(`search: ${search.status} ${normalise(await search.text())}`);
  return seen;
}

describe('an import or identity decision that names records beyond its author clearance', () => {
  let api: TestApi | undefined;
  afterAll(() => api?.close());

  it('is answered as if they did not exist, and leaves them byte-identical', async () => {
    api = await startApiOnRecords(BASE, { users: USERS });
    const without = await session(api);
    await api.close();
    api = await startApiOnRecords([...BASE, ...HIDDEN], { users: USERS });
    const before = await hiddenState(api.store);
    const withHidden = await session(api);
    expect(await hiddenState(api.store)).toBe(before);
    expect(withHidden).toEqual(without);
    // The analyst's records went into their partition, as twins of the hidden ones.
    const twins = await api.store.read(
      "MATCH (n) WHERE n.id ENDS WITH '~H0H1@Europol' RETURN n.id AS id ORDER BY id",
    );
    expect(twins.records.map((r) => r.get('id'))).toEqual(
      expect.arrayContaining([`p-hidden~H0H1@Europol`, `${vesselId}~H0H1@Europol`]),
    );
    const hiddenLink = deriveLinkId({ type: 'ASSOCIATE_OF', source: 'p-a', target: 'p-b' });
    const links = await api.store.read(
      "MATCH (:Person {id: 'p-a'})-[r:ASSOCIATE_OF]->(:Person {id: 'p-b'}) RETURN r.id AS id, r.handling AS h ORDER BY id",
    );
    expect(links.records.map((r) => [r.get('id'), r.get('h')])).toEqual([
      [hiddenLink, 'H3'],
      [`${hiddenLink}~H0H1@Europol`, 'H1'],
    ]);
  });

  it('updates a record its author may see, under its own id', async () => {
    const res = await api?.fetch('/api/entities/p-a', { role: 'analyst' });
    const body = (await res?.json()) as { properties: { nationalities?: string[] } };
    expect(body.properties.nationalities).toEqual(['LY']);
  });
});
