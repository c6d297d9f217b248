import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../server/ingest/index.ts';
import { ingestRecords } from '../../server/store/ingest-writes.ts';
import { startApi, type TestApi } from '../helpers/api.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const folder = mkdtempSync(join(tmpdir(), 'ariadne-version-'));
const SOURCE = {
  kind: 'entity',
  type: 'Source',
  id: 'src-version',
  name: 'Debriefing 41',
  reference: 'FX-41',
  handling: 'H0',
};

let api: TestApi;
let id = '';
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  expect((await ingestRecords(store, [SOURCE])).ok).toBe(true);
  api = await startApi({ store });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
  rmSync(folder, { recursive: true, force: true });
});

const read = async () => {
  const res = await api.fetch(`/api/entities/${encodeURIComponent(id)}`, { role: 'analyst' });
  return { etag: res.headers.get('etag'), body: await res.json() };
};

const patch = (ifMatch: string, properties: Record<string, unknown>) =>
  api.fetch(`/api/entities/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    role: 'analyst',
    headers: { 'if-match': ifMatch },
    json: { properties },
  });

function ndjson(name: string, records: object[]): string {
  const file = join(folder, name);
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return file;
}

const person = (fields: Record<string, unknown>) => ({
  kind: 'entity',
  type: 'Person',
  id,
  name: 'Hamid Saleh',
  sources: ['src-version'],
  handling: 'H0',
  ...fields,
});

describe('an import that changes an entity an analyst is editing', () => {
  it('moves the entity to its next version, so an edit based on the version before gets 412', async () => {
    const created = await api.fetch('/api/entities', {
      method: 'POST',
      role: 'analyst',
      json: { type: 'Person', properties: { name: 'Hamid Saleh', sources: ['src-version'], handling: 'H0' } },
    });
    expect(created.status).toBe(201);
    id = (await created.json()).id;
    expect((await read()).etag).toBe('"1"');

    const report = await ingestFiles(
      api.store,
      [ndjson('changed.ndjson', [person({ notes: 'seen in Zuwara' })])],
      {
        user: 'importer',
      },
    );
    expect(report.status).toBe('complete');
    const after = await read();
    expect(after.etag).toBe('"2"');
    expect(after.body.properties.notes).toBe('seen in Zuwara');

    const stale = await patch('"1"', { notes: 'seen in Sabratha' });
    expect(stale.status).toBe(412);
    expect((await read()).body.properties.notes).toBe('seen in Zuwara');
    const fresh = await patch('"2"', { aliases: ['Abu Hamid'] });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"3"');
  });

  it('moves it when an import only adds a source', async () => {
    expect((await ingestRecords(api.store, [{ ...SOURCE, id: 'src-second', reference: 'FX-42' }])).ok).toBe(
      true,
    );
    const result = await ingestRecords(api.store, [
      person({ notes: 'seen in Zuwara', sources: ['src-version', 'src-second'] }),
    ]);
    expect(result.ok && result.entities.Person).toMatchObject({ updated: 1 });
    expect((await read()).etag).toBe('"4"');
  });

  it('leaves the version alone when an import changes nothing', async () => {
    const result = await ingestRecords(api.store, [person({ notes: 'seen in Zuwara' })]);
    expect(result.ok && result.entities.Person).toMatchObject({ unchanged: 1 });
    expect((await read()).etag).toBe('"4"');
  });

  it('never takes the version from the file, as an exported record carries it', async () => {
    const result = await ingestRecords(api.store, [person({ notes: 'seen in Zuwara', version: 1 })]);
    expect(result.ok && result.entities.Person).toMatchObject({ unchanged: 1 });
    expect((await read()).etag).toBe('"4"');
    expect((await patch('"1"', { notes: 'rolled back' })).status).toBe(412);
  });
});
