/**
 * Notes and saved views in the non-interference harness. Before the sequence, in both worlds, the
 * steward saves a view naming visible and hidden records (the same request in D and D': in D the
 * hidden ids name nothing), shares it with the low users and writes a note they may see; in D' the
 * steward also writes notes beyond them (about hidden records and links, and, where a handling code
 * hides, under that code about a visible record and about the view). The low users then save, read,
 * change and annotate views and read notes, aimed at the steward's view and at hidden records.
 */
import type { TestApi } from '../../helpers/api.ts';
import type { Probe } from './plan.ts';
import type { World } from './world.ts';

/** The settings of a saved view's state that name no record: grouping, filters, encodings. */
export const VIEW_SETTINGS = {
  grouping: { mode: 'grouped', toggled: [] },
  focus: null,
  filters: { hiddenTypes: [], categories: [], sources: [], handling: [], time: null },
  colourBy: 'type',
  sizeBy: 'degree',
  edgeWidthBy: 'weight',
  paymentsAsLinks: true,
  hiddenColumns: { entities: ['grade', 'closeness'], links: ['amount'] },
};

/** The state of a saved view naming the given ids. */
export function viewState(ids: string[], caseId: string) {
  return {
    view: {
      loads: [
        ...ids.map((id) => ({ kind: 'neighbourhood', id, depth: 1, limit: 200 })),
        { kind: 'paths', from: ids[0], to: ids.at(-1), all: false },
        { kind: 'case', caseId },
      ],
      hidden: ids.slice(-1),
      pinned: ids,
      selected: ids.slice(0, 2),
      ...VIEW_SETTINGS,
      // Rings around the second id (hidden in mixedIds): a low reader gets the force layout instead.
      layout: { kind: 'radial', centre: ids[1] },
    },
    positions: ids.map((id, i) => ({ id, x: i * 10, y: 5 - i })),
  };
}

/** Visible ids interleaved with hidden ones, so that a cut shows in every list of the state. */
function mixedIds(world: World): string[] {
  const p = world.pools;
  const h = p.hidden;
  return [p.people[0], h.people[0], p.people[1], h.entities[0], p.people[2], h.account] as string[];
}

async function post(api: TestApi, token: string, path: string, json: unknown): Promise<Response> {
  const res = await api.fetch(path, { method: 'POST', token, json });
  if (res.status !== 201) throw new Error(`steward ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** A record's handling code, the lowest a note about it may carry (read again while the server is busy). */
async function handlingOf(api: TestApi, token: string, id: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const read = await api.fetch(`/api/entities/${encodeURIComponent(id)}`, { token });
    if (read.status === 200)
      return ((await read.json()) as { properties: { handling: string } }).properties.handling;
    if (read.status !== 503 || attempt >= 5)
      throw new Error(`steward read of ${id}: ${read.status} ${await read.text()}`);
  }
}

/** The steward's view and notes; the view's Location is kept as `steward:view`. */
export async function stewardViewsAndNotes(
  api: TestApi,
  token: string,
  world: World,
  withHidden: boolean,
  kept: Map<string, string>,
): Promise<void> {
  const p = world.pools;
  const h = p.hidden;
  const state = viewState(mixedIds(world), h.case.id);
  const sharedWith = [api.usernames.admin, api.usernames.analyst];
  const saved = await post(api, token, '/api/views', { name: 'Steward chart', state, sharedWith });
  const location = saved.headers.get('location') as string;
  kept.set('steward:view', location);
  const note = (target: string, handling: string, text: string) =>
    post(api, token, '/api/notes', { target, handling, text });
  await note(p.people[0] as string, await handlingOf(api, token, p.people[0] as string), 'Seen at the port');
  if (!withHidden) return;
  await note(h.people[0] as string, 'H3', 'Covert: meets the broker');
  await note(h.linkIds[0] as string, 'H3', 'Covert: the call was intercepted');
  if (world.kind === 'handling') {
    await note(p.people[0] as string, 'H3', 'Covert: informant reports');
    await note(location.split('/').at(-1) as string, 'H3', 'Covert: start from the broker');
  }
}

const get = (path: string, op: string, query: Record<string, string> = {}): Probe => ({
  op,
  method: 'GET',
  path,
  query,
});

/** The named probes of notes and views, for a low user who may write. */
export function viewProbes(world: World, phase: string, usernames: string[]): Probe[] {
  const p = world.pools;
  const h = p.hidden;
  const state = viewState(mixedIds(world), h.case.id);
  const write = (name: string) => ({
    name,
    state,
    sharedWith: usernames.filter((u) => u.endsWith('analyst')),
  });
  const noteOn = (target: string, handling: string): Probe => ({
    op: 'POST /api/notes',
    method: 'POST',
    path: '/api/notes',
    body: { target, handling, text: `Probe note ${phase}` },
  });
  const one = 'GET /api/views/{id}';
  return [
    {
      op: 'POST /api/views',
      method: 'POST',
      path: '/api/views',
      body: write(`Low chart ${phase}`),
      keep: 'view',
    },
    get('/api/views', 'GET /api/views'),
    get('/api/views/{{view}}', one),
    {
      op: 'PUT /api/views/{id}',
      method: 'PUT',
      path: '/api/views/{{view}}',
      body: write(`Low chart ${phase}'`),
    },
    get('/api/views/{{steward:view}}', one),
    { op: 'PUT /api/views/{id}', method: 'PUT', path: '/api/views/{{steward:view}}', body: write('Taken') },
    { op: 'DELETE /api/views/{id}', method: 'DELETE', path: '/api/views/{{steward:view}}' },
    noteOn('{{steward:view}}', 'H0'),
    noteOn(p.people[0] as string, 'H0'),
    noteOn(p.people[0] as string, 'H3'),
    noteOn(h.people[0] as string, 'H0'),
    noteOn(h.linkIds[0] as string, 'H0'),
    get('/api/notes', 'GET /api/notes', { target: '{{steward:view}}' }),
    get('/api/notes', 'GET /api/notes', { target: p.people[0] as string }),
    get('/api/notes', 'GET /api/notes', { target: h.people[0] as string }),
    get('/api/notes', 'GET /api/notes', { target: h.linkIds[0] as string }),
    get('/api/notes/targets', 'GET /api/notes/targets'),
  ];
}
