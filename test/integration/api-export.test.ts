import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../../seeds/demo/data/sources.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { type StartOptions, startApiOnRecords, type TestApi } from '../helpers/api.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'export-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'export-analyst', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Europol' },
  admin: { username: 'export-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};
const RESTRICTED = 'acct:cm:900';
const demo = generateDemoCase();

let api: TestApi;
beforeAll(async () => {
  api = await startApiOnRecords(demo.records, { users: USERS }, (store) =>
    store.write(
      `CREATE (:Person {id: 'p-formula', name: '=HYPERLINK("http://x.example","open")', handling: 'H0',
         sources: [], grade: 'B2', gradeScheme: 'europol'})`,
    ),
  );
}, 300_000);
afterAll(() => api.close());

// Decoded by hand: Response.text() would drop the byte order mark the CSV starts with.
// The demo case holds H2 records: an export leaves with the consent of every providing agency.
const CONSENT = [...new Set(Object.values(SOURCES).map((s) => s.agency))]
  .map((agency) => `&provider=${encodeURIComponent(agency)}`)
  .join('');

const download = async (query: string, role: 'viewer' | 'analyst' | 'admin' = 'analyst') => {
  const res = await api.fetch(`/api/export?${query}&providerConsent=true${CONSENT}`, { role });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { res, text };
};

async function lastExportEvent(): Promise<Record<string, unknown>> {
  const result = await api.store.read(
    "MATCH (e:AuditEvent {action: 'export'}) RETURN e.parameters AS p, e.username AS u ORDER BY e.seq DESC LIMIT 1",
  );
  const raw = result.records[0]?.get('p');
  return { ...(typeof raw === 'string' ? JSON.parse(raw) : raw), username: result.records[0]?.get('u') };
}

describe('GET /api/export', () => {
  it('streams NDJSON of what the analyst may see, without the restricted account, and audits the counts', async () => {
    const { res, text } = await download('format=ndjson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ariadne-export.ndjson"');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; id?: string });
    // The first line is the file's handling marking, not a record.
    expect(lines[0]).toMatchObject({ kind: 'marking', handling: res.headers.get('x-ariadne-handling') });
    const entities = lines.slice(1).filter((l) => l.kind !== 'link');
    expect(entities.length).toBeGreaterThan(500);
    expect(text).not.toContain(RESTRICTED);
    const event = await lastExportEvent();
    expect(event).toMatchObject({ format: 'ndjson', entities: entities.length, username: 'export-analyst' });
    expect(event.links).toBe(lines.length - 1 - entities.length);
  });

  it('gives the agency the account is restricted to the account', async () => {
    const { res, text } = await download('format=ndjson', 'admin');
    expect(res.status).toBe(200);
    expect(text).toContain(RESTRICTED);
  });

  it('streams one CSV table at a time, with formula cells neutralised', async () => {
    const entities = await download('format=csv');
    expect(entities.res.status).toBe(200);
    expect(entities.text).toMatch(/^\uFEFF# Handling H\d: [^\r\n]+\r\nid,type,name/);
    expect(entities.text).toContain(`"'=HYPERLINK(""http://x.example"",""open"")"`);
    expect(entities.text).not.toContain(RESTRICTED);
    const links = await download('format=csv&table=links');
    expect(links.text).toMatch(/^\uFEFF# Handling H\d: [^\r\n]+\r\nsource,target,type/);
    expect(links.text).not.toContain(RESTRICTED);
    expect(links.res.headers.get('content-disposition')).toContain('ariadne-export-links.csv');
    expect(await lastExportEvent()).toMatchObject({ format: 'csv', table: 'links', entities: 0 });
  });

  it('writes GEXF and GraphML of one case for Gephi', async () => {
    const caseId = encodeURIComponent(demo.truth.caseId);
    const whole = await download('format=gexf');
    const gexf = await download(`format=gexf&case=${caseId}`);
    expect(gexf.res.status).toBe(200);
    expect(gexf.text.startsWith('<?xml')).toBe(true);
    expect(gexf.text).toContain('</gexf>');
    expect(gexf.text).not.toContain(RESTRICTED);
    expect(whole.text).toContain('p-formula');
    expect(gexf.text).not.toContain('p-formula');
    const graphml = await download(`format=graphml&case=${caseId}`);
    expect(graphml.text).toContain('</graphml>');
    expect(graphml.text).not.toContain(RESTRICTED);
    expect(await lastExportEvent()).toMatchObject({ format: 'graphml', case: demo.truth.caseId });
  });

  it("carries the scores of the analyst's own run in GEXF and GraphML, never in NDJSON", async () => {
    const before = await download('format=gexf');
    expect(before.text).not.toContain('a_community');
    const run = await api.fetch('/api/analyses/runs', {
      method: 'POST',
      role: 'analyst',
      json: { only: ['communities', 'centrality'], seed: 7 },
    });
    expect(run.status).toBe(202);
    const location = run.headers.get('location') ?? '';
    let status = 'running';
    for (let i = 0; i < 600 && status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = ((await (await api.fetch(location, { role: 'analyst' })).json()) as { status: string }).status;
    }
    expect(status).toBe('done');
    const gexf = await download('format=gexf');
    expect(gexf.text).toMatch(/<attribute id="[^"]+" title="a_community" type="(integer|long|double)"/);
    expect(gexf.text).toMatch(/title="a_pagerank"/);
    expect((await download('format=graphml')).text).toContain('attr.name="a_community"');
    expect((await download('format=ndjson')).text).not.toContain('a_community');
    // The admin's clearance does not cover the analyst's (another agency): none of its scores.
    expect((await download('format=gexf', 'admin')).text).not.toContain('a_community');
  });

  it('writes a view as GEXF with the server writer: only the named records, scored and drawn', async () => {
    const picked = await api.store.read<{ a: string; b: string; r: string; c: string }>(
      `MATCH (a:Person)-[r]->(b:Person), (c:Person)
       WHERE a.handling = 'H0' AND b.handling = 'H0' AND r.handling = 'H0' AND c.handling = 'H0'
         AND c <> a AND c <> b
       RETURN a.id AS a, b.id AS b, r.id AS r, c.id AS c ORDER BY r.id LIMIT 1`,
    );
    const row = picked.records[0];
    if (!row) throw new Error('the demo case has no H0 link between persons');
    const [a, b, r, c] = [row.get('a'), row.get('b'), row.get('r'), row.get('c')];
    const post = (json: unknown, role: 'analyst' | 'admin' = 'analyst') =>
      api.fetch('/api/export/view/gexf', { method: 'POST', role, json });
    const drawing = { [a]: { x: 1.5, y: -2, size: 7, color: '#1f77b4' } };
    const res = await post({ entities: [a, b, c], links: [r], drawing });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ariadne-handling')).toBe('H0');
    expect(res.headers.get('x-ariadne-counts')).toBe('3,1');
    const text = await res.text();
    expect(text).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(text.match(/<node /g)).toHaveLength(3);
    expect(text.match(/<edge /g)).toHaveLength(1);
    expect(text).toContain(`id="${r}"`);
    // The analyst's own run (the test before) scores the nodes; the drawing is written as viz.
    expect(text).toMatch(/title="a_community"/);
    expect(text).toMatch(/title="a_cell"/);
    expect(text).toContain('<viz:color r="31" g="119" b="180"/><viz:size value="7"/>');
    expect(await lastExportEvent()).toMatchObject({ format: 'gexf', view: true, entities: 3, links: 1 });
    // A link whose end is not named stays out; a hidden or missing record is refused like a stale view.
    const lone = await post({ entities: [a, c], links: [] });
    expect((await lone.text()).match(/<edge /g)).toBeNull();
    expect((await post({ entities: [a, RESTRICTED], links: [] })).status).toBe(404);
    expect(
      (await post({ entities: [a], links: [], drawing: { [a]: { x: 0, y: 0, size: 1, color: 'red' } } }))
        .status,
    ).toBe(400);
  });

  it('refuses viewers, anonymous callers, bad parameters and cases the caller may not see', async () => {
    expect((await download('format=ndjson', 'viewer')).res.status).toBe(403);
    expect((await api.fetch('/api/export?format=ndjson')).status).toBe(401);
    const bad = await download('format=xlsx&table=links');
    expect(bad.res.status).toBe(400);
    const fields = (JSON.parse(bad.text) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain('query.format');
    expect((await download('format=ndjson&table=links')).res.status).toBe(400);
    const missing = await download('format=ndjson&case=no-such-case');
    expect(missing.res.status).toBe(404);
    expect(missing.res.headers.get('content-type')).toContain('application/problem+json');
  });
});
