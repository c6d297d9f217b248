import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashContent } from '../../server/store/content-hash.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import {
  ensureTestUser,
  type StartOptions,
  startApi,
  startApiOnRecords,
  type TestApi,
} from '../helpers/api.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'imports-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'imports-analyst', clearance: ['H0', 'H1', 'H2'], agency: 'Europol' },
  admin: { username: 'imports-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};
const RESTRICTED = 'acct:cm:900';
// What the graph holds, whatever the platform records about requests (sessions, audit, imports).
const HASH = {
  exclude: ['createdAt', 'updatedAt', 'lastUsedAt', 'expiresAt'],
  excludeLabels: ['Import', 'AuditEvent', 'Session', 'User', 'IdempotencyKey'],
};

const lines = (...records: object[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const FTM = lines(
  { id: 'ftm-per-1', schema: 'Person', properties: { name: ['Ftm Person'], nationality: ['ly'] } },
  { id: 'ftm-org-1', schema: 'Company', properties: { name: ['Ftm Company'], jurisdiction: ['tr'] } },
);
const person = (id: string, name: string, extra: object = {}) => ({
  kind: 'entity',
  type: 'Person',
  id,
  name,
  handling: 'H0',
  ...extra,
});
const GOOD = lines(person('p-upload-1', 'Samir Upload'), person('p-upload-2', 'Hana Upload'), {
  kind: 'link',
  type: 'ASSOCIATE_OF',
  id: 'l-upload-1',
  source: 'p-upload-1',
  target: 'p-upload-2',
  handling: 'H0',
});

let api: TestApi;
beforeAll(async () => {
  api = await startApiOnRecords(generateDemoCase().records, { users: USERS });
}, 300_000);
afterAll(() => api.close());

const upload = (
  query: string,
  body: string | Uint8Array<ArrayBuffer>,
  role: 'viewer' | 'analyst' | 'admin' = 'analyst',
) =>
  api.fetch(`/api/imports?${query}`, {
    method: 'POST',
    role,
    body,
    headers: { 'content-type': 'application/octet-stream' },
  });

type ImportStatus = {
  status: string;
  progress: { done: number; total: number };
  report: Record<string, unknown>;
};

async function waitFor(location: string): Promise<ImportStatus> {
  for (let i = 0; i < 300; i++) {
    const status = (await (await api.fetch(location, { role: 'analyst' })).json()) as ImportStatus;
    if (status.status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the import did not finish within a minute');
}

const graphHash = async () => (await hashContent(api.store, HASH)).sha256;
const auditCount = async (action: string) =>
  Number(
    (
      await api.store.read('MATCH (e:AuditEvent {action: $action}) RETURN count(e) AS n', { action })
    ).records[0]?.get('n'),
  );

describe('POST /api/imports', () => {
  let location = '';

  it('imports an NDJSON body as a job, through the pipeline of the CLI, and reports what it wrote', async () => {
    const res = await upload('format=ndjson&source=API-TEST-1&handling=H0&name=people.ndjson', GOOD);
    expect(res.status).toBe(202);
    location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/imports\/[0-9a-f-]{36}$/);
    const done = await waitFor(location);
    expect(done.status).toBe('done');
    expect(done.report).toMatchObject({ status: 'complete', files: ['people.ndjson'], errorFiles: [] });
    expect(done.report.totals).toMatchObject({ created: 4 }); // two people, the link, the Source
    const found = await api.store.read(
      "MATCH (:Person {id: 'p-upload-1~H0H1H2@Europol'})-[r:ASSOCIATE_OF]->(:Person {id: 'p-upload-2~H0H1H2@Europol'}) RETURN r.createdBy AS by",
    );
    expect(found.records[0]?.get('by')).toBe('imports-analyst');
    expect(await auditCount('import.upload')).toBe(1);
    expect(await auditCount('import.status')).toBeGreaterThan(0);
  });

  it('says a file already imported was, and writes nothing twice', async () => {
    const before = await graphHash();
    const res = await upload('format=ndjson&source=API-TEST-1&handling=H0&name=people.ndjson', GOOD);
    expect(res.status).toBe(202);
    expect((await waitFor(res.headers.get('location') ?? '')).report.status).toBe('already-imported');
    expect(await graphHash()).toBe(before);
  });

  it('imports one CSV table and a FollowTheMoney file', async () => {
    const csv = 'id,type,name,handling\r\np-csv-1,Person,Csv Person,H0\r\n';
    const fromCsv = await upload('format=csv&source=API-TEST-2&handling=H0', csv);
    expect(fromCsv.status).toBe(202);
    expect((await waitFor(fromCsv.headers.get('location') ?? '')).report.status).toBe('complete');
    const ftm = await upload('format=ftm&source=API-TEST-3&handling=H1', FTM);
    expect(ftm.status).toBe(202);
    const done = await waitFor(ftm.headers.get('location') ?? '');
    expect(done.report).toMatchObject({ status: 'complete' });
  });

  it('refuses a bad file with 422 naming file, line and field, and changes nothing', async () => {
    const before = await graphHash();
    const audited = await auditCount('import.upload');
    const bad = lines(person('p-bad-1', 'Fine'), person('p-bad-2', 'Bad', { birthDate: 'yesterday' }), {
      kind: 'link',
      type: 'ASSOCIATE_OF',
      source: 'p-bad-1',
      target: 'p-nowhere',
      handling: 'H0',
    });
    const res = await upload('format=ndjson&source=API-TEST-4&handling=H0&name=bad.ndjson', bad);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { file: string; line: number; field: string }[] };
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'bad.ndjson', line: 2, field: 'birthDate' }),
        expect.objectContaining({ file: 'bad.ndjson', line: 3, field: 'target' }),
      ]),
    );
    expect(await graphHash()).toBe(before);
    expect(await auditCount('import.upload')).toBe(audited + 1);
  });

  it('refuses records beyond the uploader clearance, and writes one naming a hidden record into the uploader partition', async () => {
    const before = await graphHash();
    const above = lines(
      person('p-secret', 'Secret', { handling: 'H3', handlingCondition: 'No dissemination' }),
    );
    const elsewhere = lines(person('p-gdf', 'Other agency', { restrictedTo: ['Guardia di Finanza'] }));
    const marked = lines(person('p~1', 'Marked'));
    const expected = [
      [above, 'handling'],
      [elsewhere, 'restrictedTo'],
      [marked, 'id'],
    ] as const;
    for (const [body, field] of expected) {
      const res = await upload('format=ndjson&source=API-TEST-5&handling=H0', body);
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await graphHash()).toBe(before);
    const takeOver = lines({
      kind: 'entity',
      type: 'Account',
      id: RESTRICTED,
      name: 'Taken over',
      handling: 'H0',
    });
    const res = await upload('format=ndjson&source=API-TEST-5&handling=H0', takeOver);
    expect(res.status).toBe(202);
    expect((await waitFor(res.headers.get('location') ?? '')).report.status).toBe('complete');
    const accounts = await api.store.read(
      'MATCH (a:Account) WHERE a.id STARTS WITH $id RETURN a.id AS id, a.name AS name ORDER BY id',
      { id: RESTRICTED },
    );
    expect(accounts.records.map((r) => [r.get('id'), r.get('name')])).toEqual([
      [RESTRICTED, expect.not.stringMatching('Taken over')],
      [`${RESTRICTED}~H0H1H2@Europol`, 'Taken over'],
    ]);
  });

  it('refuses viewers, anonymous callers, a missing format, an empty body and other users reading the job', async () => {
    expect((await upload('format=ndjson', GOOD, 'viewer')).status).toBe(403);
    expect((await api.fetch('/api/imports?format=ndjson', { method: 'POST', body: GOOD })).status).toBe(401);
    const noFormat = await upload('', GOOD);
    expect(noFormat.status).toBe(400);
    expect(((await noFormat.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'query.format',
    );
    expect((await upload('format=ndjson', '')).status).toBe(400);
    await ensureTestUser(api.store, {
      username: 'imports-other',
      role: 'analyst',
      clearance: ['H0', 'H1', 'H2'],
      agency: 'Europol',
    });
    const other = await api.login('imports-other');
    expect((await api.fetch(location, { token: other })).status).toBe(404);
  });
});

describe('the upload limit', () => {
  it('answers 413 past it, and writes nothing', async () => {
    const small = await startApi({ store: api.store, users: USERS, uploadLimit: 1_024 });
    try {
      const before = await graphHash();
      const big = lines(...Array.from({ length: 40 }, (_, i) => person(`p-big-${i}`, `Person number ${i}`)));
      const res = await small.fetch('/api/imports?format=ndjson&source=API-TEST-6&handling=H0', {
        method: 'POST',
        role: 'analyst',
        body: big,
      });
      expect(res.status).toBe(413);
      expect(await graphHash()).toBe(before);
      const ok = await small.fetch('/api/imports?format=ndjson&source=API-TEST-7&handling=H0', {
        method: 'POST',
        role: 'analyst',
        body: lines(person('p-small', 'Small')),
      });
      expect(ok.status).toBe(202);
    } finally {
      await small.close();
    }
  });
});
