/**
 * Saved views: a workspace's state under a name, as a `SavedView` node owned by one user and shared
 * with named others. The state names entities (loads, hidden, pinned, selected, positions, the
 * radial layout's centre); every read and write keeps only the ids of records the caller may see,
 * so a view never holds a record its owner could not see, and a viewer who may see less is given
 * the view as if the records beyond them did not exist: left out, neither listed nor counted. A
 * view the caller neither owns nor is shared answers as a missing id does.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../schema/clearance.ts';
import type { SavedView, SavedViewState, ViewSummary, ViewWrite } from '../schema/api/views.ts';
import { runWrite } from './ingest-session.ts';
import { deleteNotesAbout } from './notes.ts';
import type { Store } from './store.ts';
import { matchById, visibilityParams, visible } from './visibility.ts';

type Reader = Pick<ManagedTransaction, 'run'>;

/** Every entity id a state names. */
function idsOf(state: SavedViewState): string[] {
  const ids = new Set<string>();
  for (const load of state.view.loads) {
    if (load.kind === 'neighbourhood') ids.add(load.id);
    else if (load.kind === 'paths') ids.add(load.from).add(load.to);
    else if (load.caseId !== undefined) ids.add(load.caseId);
  }
  for (const list of [state.view.hidden, state.view.pinned, state.view.selected])
    for (const id of list) ids.add(id);
  for (const p of state.positions) ids.add(p.id);
  if (state.view.layout.kind === 'radial') ids.add(state.view.layout.centre);
  return [...ids];
}

const VISIBLE_IDS = `UNWIND $ids AS ref
${matchById('n', 'ref')}
WITH ref, n WHERE ${visible('n')}
RETURN collect(DISTINCT ref) AS seen`;

/** The state with only the entities the clearance may see; a load about one it may not see is dropped whole. */
async function visibleState(
  reader: Reader,
  clearance: Clearance,
  state: SavedViewState,
): Promise<SavedViewState> {
  const ids = idsOf(state);
  const result =
    ids.length === 0 ? null : await reader.run(VISIBLE_IDS, { ...visibilityParams(clearance), ids });
  const seen = new Set<string>((result?.records[0]?.get('seen') as string[] | undefined) ?? []);
  const keep = (list: readonly string[]) => list.filter((id) => seen.has(id));
  const { view } = state;
  return {
    view: {
      ...view,
      loads: view.loads.filter((load) => {
        if (load.kind === 'neighbourhood') return seen.has(load.id);
        if (load.kind === 'paths') return seen.has(load.from) && seen.has(load.to);
        return load.caseId === undefined || seen.has(load.caseId);
      }),
      hidden: keep(view.hidden),
      pinned: keep(view.pinned),
      selected: keep(view.selected),
      // Rings around a record one may not see would say where it is: the force layout instead.
      layout:
        view.layout.kind === 'radial' && !seen.has(view.layout.centre) ? { kind: 'force' } : view.layout,
    },
    positions: state.positions.filter((p) => seen.has(p.id)),
  };
}

const SUMMARY = 'v {.id, .name, .owner, .sharedWith, .createdAt, .updatedAt}';

// Visible to its owner and to those it is shared with.
const MAY_OPEN = '(v.owner = $username OR $username IN v.sharedWith)';

function summaryOf(row: { get(key: string): unknown }): ViewSummary {
  const s = row.get('summary') as ViewSummary;
  return { ...s, sharedWith: [...(s.sharedWith ?? [])] };
}

/** The views the user owns or is shared, by name, then oldest first (never by the random id alone). */
export async function listViews(store: Store, username: string): Promise<ViewSummary[]> {
  const result = await store.read(
    `MATCH (v:SavedView) WHERE ${MAY_OPEN} RETURN ${SUMMARY} AS summary ORDER BY toLower(v.name), v.createdAt, v.id`,
    { username },
  );
  return result.records.map(summaryOf);
}

async function readView(reader: Reader, clearance: Clearance, username: string, id: string) {
  const result = await reader.run(
    `MATCH (v:SavedView {id: $id}) WHERE ${MAY_OPEN} RETURN ${SUMMARY} AS summary, v.state AS state`,
    { id, username },
  );
  const row = result.records[0];
  if (row === undefined) return null;
  const state = JSON.parse(String(row.get('state'))) as SavedViewState;
  return { ...summaryOf(row), state: await visibleState(reader, clearance, state) };
}

/** One view the user owns or is shared, its state cut to what they may see; null otherwise. */
export async function getView(
  store: Store,
  clearance: Clearance,
  username: string,
  id: string,
): Promise<SavedView | null> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead((tx) => readView(tx, clearance, username, id));
  } finally {
    await session.close();
  }
}

/** Why a write was refused: a view the caller may not open, one they do not own, or unknown users. */
export type ViewRefusal =
  | { refused: 'not-found' }
  | { refused: 'not-owner'; owner: string }
  | { refused: 'unknown-users'; indexes: number[] };

/** The indexes in `sharedWith` of names no user holds. */
async function unknownUsers(reader: Reader, sharedWith: readonly string[]): Promise<number[]> {
  if (sharedWith.length === 0) return [];
  const result = await reader.run(
    'MATCH (u:User) WHERE u.username IN $names RETURN collect(u.username) AS known',
    {
      names: [...sharedWith],
    },
  );
  const known = new Set<string>(result.records[0]?.get('known') as string[]);
  return sharedWith.flatMap((name, index) => (known.has(name) ? [] : [index]));
}

async function checkedWrite(reader: Reader, clearance: Clearance, write: ViewWrite) {
  const sharedWith = [...new Set(write.sharedWith)];
  const unknown = await unknownUsers(reader, write.sharedWith);
  const state = await visibleState(reader, clearance, write.state);
  return { sharedWith, unknown, state: JSON.stringify(state) };
}

/** Saves a new view owned by the user, keeping only the records they may see. */
export async function createView(
  store: Store,
  clearance: Clearance,
  owner: string,
  write: ViewWrite,
): Promise<SavedView | ViewRefusal> {
  return runWrite(store, async (tx) => {
    const checked = await checkedWrite(tx, clearance, write);
    if (checked.unknown.length > 0) return { refused: 'unknown-users', indexes: checked.unknown };
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx.run(
      `CREATE (v:SavedView {id: $id, name: $name, owner: $owner, sharedWith: $sharedWith, state: $state,
        createdAt: $now, updatedAt: $now})`,
      { id, name: write.name, owner, sharedWith: checked.sharedWith, state: checked.state, now },
    );
    return (await readView(tx, clearance, owner, id)) as SavedView;
  });
}

/** Whether the user may open the view, and whether they own it. */
async function ownership(reader: Reader, username: string, id: string): Promise<ViewRefusal | null> {
  const result = await reader.run(`MATCH (v:SavedView {id: $id}) WHERE ${MAY_OPEN} RETURN v.owner AS owner`, {
    id,
    username,
  });
  const owner = result.records[0]?.get('owner') as string | undefined;
  if (owner === undefined) return { refused: 'not-found' };
  return owner === username ? null : { refused: 'not-owner', owner };
}

/** Replaces a view's name, state and sharing; only its owner may. */
export async function updateView(
  store: Store,
  clearance: Clearance,
  username: string,
  id: string,
  write: ViewWrite,
): Promise<SavedView | ViewRefusal> {
  return runWrite(store, async (tx) => {
    const refusal = await ownership(tx, username, id);
    if (refusal) return refusal;
    const checked = await checkedWrite(tx, clearance, write);
    if (checked.unknown.length > 0) return { refused: 'unknown-users', indexes: checked.unknown };
    await tx.run(
      `MATCH (v:SavedView {id: $id, owner: $username})
       SET v.name = $name, v.sharedWith = $sharedWith, v.state = $state, v.updatedAt = $now`,
      {
        id,
        username,
        name: write.name,
        sharedWith: checked.sharedWith,
        state: checked.state,
        now: new Date().toISOString(),
      },
    );
    return (await readView(tx, clearance, username, id)) as SavedView;
  });
}

/** Deletes a view and the notes about it; only its owner may. */
export async function deleteView(store: Store, username: string, id: string): Promise<ViewRefusal | null> {
  return runWrite(store, async (tx) => {
    const refusal = await ownership(tx, username, id);
    if (refusal) return refusal;
    await deleteNotesAbout(tx, id);
    await tx.run('MATCH (v:SavedView {id: $id, owner: $username}) DELETE v', { id, username });
    return null;
  });
}
