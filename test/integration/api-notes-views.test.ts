/**
 * Notes and saved views through the API on a real Neo4j: a note's handling floor, a hidden target's
 * 404, who sees which note, sharing a view and cutting it to the reader's clearance, owner-only
 * changes, and the audit events of each.
 */
import { VIEW_SETTINGS } from '../support/non-interference/view-probes.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEvents } from '../../server/store/audit.ts';
import type { Role } from '../../server/auth/context.ts';
import { type StartOptions, startApi, type TestApi } from '../helpers/api.ts';
import { CLEARANCE_GRAPH, GDF, LOW, RESTRICTED } from '../helpers/clearance-graph.ts';
import { clearDatabase, openTestStore } from '../helpers/neo4j.ts';

const USERS: StartOptions['users'] = {
  viewer: { username: 'nv-low-viewer', clearance: ['H0', 'H1'], agency: 'Frontex' },
  analyst: { username: 'nv-low-analyst', clearance: ['H0', 'H1'], agency: 'Frontex' },
  admin: { username: 'nv-gdf-admin', clearance: ['H0', 'H1', 'H2', 'H3'], agency: 'Guardia di Finanza' },
};

let api: TestApi;
beforeAll(async () => {
  const store = await openTestStore();
  await clearDatabase(store);
  await store.write(CLEARANCE_GRAPH);
  api = await startApi({ store, users: USERS });
});
afterAll(async () => {
  await clearDatabase(api.store);
  await api.close();
  await api.store.close();
});

async function send(role: Role, path: string, init: { method?: string; json?: unknown } = {}) {
  const res = await api.fetch(path, { ...init, role });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

const note = (role: Role, target: string, handling: string, text = `About ${target}`) =>
  send(role, '/api/notes', { method: 'POST', json: { target, text, handling } });

const STATE = (ids: string[]) => ({
  view: {
    loads: [
      { kind: 'neighbourhood', id: ids[0], depth: 1, limit: 200 },
      ...ids.slice(1).map((id) => ({ kind: 'neighbourhood', id, depth: 2, limit: 100 })),
      { kind: 'paths', from: 'p-karim', to: RESTRICTED.id, all: false },
      { kind: 'case', caseId: 'case-tide' },
    ],
    hidden: [],
    pinned: ids,
    selected: [ids.at(-1)],
    ...VIEW_SETTINGS,
    // Rings around the restricted account: a reader who may not see it gets the force layout.
    layout: { kind: 'radial', centre: RESTRICTED.id },
  },
  positions: ids.map((id, i) => ({ id, x: i, y: 10 - i })),
});

describe('notes', () => {
  it('refuses a handling code below the record’s, naming the field and the minimum', async () => {
    const res = await note('admin', 'p-informant', 'H1');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'body.handling',
        message: expect.stringMatching(
          /handled as H2, and a note's handling is never lower: use one of H2, H3/,
        ),
      },
    ]);
    const list = await send('admin', '/api/notes?target=p-informant');
    expect(list.body.notes).toEqual([]);
  });

  it('refuses a handling code the author does not hold', async () => {
    const res = await note('analyst', 'p-karim', 'H3');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.handling');
    expect(res.body.errors[0].message).toMatch(/you do not hold this code.*use one of H0, H1/);
  });

  it('answers a note about a hidden record exactly as one about a missing id, and writes nothing', async () => {
    const hidden = await note('analyst', RESTRICTED.id, 'H1');
    const missing = await note('analyst', 'acct:cm:nobody', 'H1');
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
    expect(await send('analyst', `/api/notes?target=${RESTRICTED.id}`)).toEqual(
      await send('analyst', '/api/notes?target=acct:cm:nobody'),
    );
    expect((await send('admin', `/api/notes?target=${RESTRICTED.id}`)).body.notes).toEqual([]);
  });

  it('shows an H2 note only to those cleared for H2, and an H0 one to all who see the record', async () => {
    const secret = await note('admin', 'p-karim', 'H2', 'Karim meets the GdF informant on Thursdays');
    expect(secret.status).toBe(201);
    expect(secret.body).toMatchObject({ target: 'p-karim', targetKind: 'entity', author: 'nv-gdf-admin' });
    const open = await note('analyst', 'p-karim', 'H0', 'Seen in Zuwara');
    expect(open.status).toBe(201);
    const high = await send('admin', '/api/notes?target=p-karim');
    expect(high.body.notes.map((n: { text: string }) => n.text)).toEqual([
      'Karim meets the GdF informant on Thursdays',
      'Seen in Zuwara',
    ]);
    const low = await send('viewer', '/api/notes?target=p-karim');
    expect(low.body).toEqual({ target: 'p-karim', notes: [open.body] });
    const badges = await send('viewer', '/api/notes/targets');
    expect(badges.body).toEqual({ targets: [{ id: 'p-karim', count: 1 }], truncated: false });
  });

  it('takes notes on links and keeps them to those who may see the link', async () => {
    const onLink = await note('analyst', 'l-p2-p3', 'H1', 'Recruited the pilot in Sabratha');
    expect(onLink.status).toBe(201);
    expect(onLink.body.targetKind).toBe('link');
    const below = await note('analyst', 'l-p2-p3', 'H0');
    expect(below.status).toBe(400);
    const hiddenLink = await note('analyst', 'l-acct-case', 'H1');
    expect(hiddenLink.status).toBe(404);
    expect((await send('viewer', '/api/notes?target=l-p2-p3')).body.notes).toHaveLength(1);
  });

  it('audits each write and read, and leaves a hidden note’s events out of a low reader’s trail', async () => {
    const events = await readAuditEvents(api.store, { action: 'notes.create', limit: 100 });
    expect(events.filter((e) => e.outcome === 'ok')).toHaveLength(3);
    expect(events.some((e) => e.outcome === 'not-found')).toBe(true);
    expect(await readAuditEvents(api.store, { action: 'notes.list', limit: 100 })).not.toHaveLength(0);
    const low = await readAuditEvents(
      api.store,
      { action: 'notes.create', limit: 100 },
      { whole: false, clearance: LOW },
    );
    const gdf = await readAuditEvents(
      api.store,
      { action: 'notes.create', limit: 100 },
      { whole: false, clearance: GDF },
    );
    // Events about a link (the audit trail judges entities and notes) are the auditor's alone.
    const lowOk = low.filter((e) => e.outcome === 'ok');
    expect(lowOk.map((e) => e.about)).toEqual([['p-karim', expect.any(String)]]);
    expect(lowOk[0]?.username).toBe('nv-low-analyst');
    expect(gdf.filter((e) => e.outcome === 'ok')).toHaveLength(2);
  });
});

describe('saved views', () => {
  let viewId = '';
  const ids = ['p-karim', RESTRICTED.id, 'p-informant', 'p-samir'];

  it('saves a view shared with a named user, and refuses a name no user holds', async () => {
    const unknown = await send('admin', '/api/views', {
      method: 'POST',
      json: { name: 'Palermo money', state: STATE(ids), sharedWith: ['nv-low-analyst', 'nobody-here'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'body.sharedWith.1', message: expect.stringMatching(/no user is named "nobody-here"/) },
    ]);
    const saved = await send('admin', '/api/views', {
      method: 'POST',
      json: { name: 'Palermo money', state: STATE(ids), sharedWith: ['nv-low-analyst'] },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.state.view.pinned).toEqual(ids);
    expect(saved.body.state.view.layout).toEqual({ kind: 'radial', centre: RESTRICTED.id });
    viewId = saved.body.id;
  });

  it('opens for the shared analyst without the records beyond their clearance, as if they did not exist', async () => {
    const opened = await send('analyst', `/api/views/${viewId}`);
    expect(opened.status).toBe(200);
    const saved = STATE(ids);
    const seen = (id: string) => id === 'p-karim' || id === 'p-samir';
    // The path to the hidden account goes too: a load about a record the reader may not see is dropped whole.
    const asIfAbsent = {
      view: {
        ...saved.view,
        loads: saved.view.loads.filter(
          (l) => l.kind === 'case' || (l.kind === 'neighbourhood' && seen(l.id ?? '')),
        ),
        pinned: ['p-karim', 'p-samir'],
        layout: { kind: 'force' },
      },
      positions: saved.positions.filter((p) => seen(p.id)),
    };
    expect(opened.body.state).toEqual(asIfAbsent);
    expect(JSON.stringify(opened.body)).not.toMatch(/acct:cm:900|p-informant/);
    const listed = await send('analyst', '/api/views');
    expect(listed.body.views.map((v: { name: string }) => v.name)).toEqual(['Palermo money']);
  });

  it('is the same 404 as a missing id for a user it is not shared with', async () => {
    expect(await send('viewer', `/api/views/${viewId}`)).toEqual(
      await send('viewer', '/api/views/00000000-0000-4000-8000-000000000000'),
    );
    expect((await send('viewer', '/api/views')).body).toEqual({ views: [] });
  });

  it('lets only the owner change or delete it', async () => {
    const write = { name: 'Mine now', state: STATE(['p-samir']), sharedWith: [] };
    const put = await send('analyst', `/api/views/${viewId}`, { method: 'PUT', json: write });
    expect(put.status).toBe(403);
    expect(put.body.title).toMatch(/Only the view's owner, nv-gdf-admin/);
    expect((await send('analyst', `/api/views/${viewId}`, { method: 'DELETE' })).status).toBe(403);
    const renamed = await send('admin', `/api/views/${viewId}`, {
      method: 'PUT',
      json: { ...write, name: 'Palermo money, v2', sharedWith: ['nv-low-analyst'] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Palermo money, v2');
  });

  it('takes notes about a view from those who may open it, and deletes them with it', async () => {
    const onView = await note('analyst', viewId, 'H0', 'Start from Samir');
    expect(onView.status).toBe(201);
    expect(onView.body.targetKind).toBe('view');
    expect((await note('viewer', viewId, 'H0')).status).toBe(403); // viewers do not write
    expect((await send('viewer', `/api/notes?target=${viewId}`)).status).toBe(404);
    const deleted = await api.fetch(`/api/views/${viewId}`, { method: 'DELETE', role: 'admin' });
    expect(deleted.status).toBe(204);
    expect((await send('admin', `/api/views/${viewId}`)).status).toBe(404);
    const left = await api.store.read('MATCH (n:Note {target: $id}) RETURN count(n) AS n', { id: viewId });
    expect(Number(left.records[0]?.get('n'))).toBe(0);
  });

  it('refuses a state with a field it does not know, naming it', async () => {
    const state = STATE(['p-karim']) as { view: Record<string, unknown> };
    state.view.groups = ['x'];
    const res = await send('admin', '/api/views', {
      method: 'POST',
      json: { name: 'x', state, sharedWith: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body.state.view.groups');
  });

  it('audits every view request', async () => {
    const events = await readAuditEvents(api.store, { limit: 500 });
    const actions = new Set(events.filter((e) => e.action.startsWith('views.')).map((e) => e.action));
    expect(actions).toEqual(
      new Set(['views.create', 'views.read', 'views.list', 'views.update', 'views.delete']),
    );
  });
});
