/**
 * Notes: an analyst's text about one record (an entity, a link or a saved view), kept as a `Note`
 * node that names its target by id (a property, not a relationship, so that no traversal of the
 * graph ever reaches a note). A note is a record within need-to-know: its handling code is never
 * lower than its target's and is one its author holds, and it is visible to those whose clearance
 * admits its handling and who may see its target. A target the caller may not see answers exactly
 * as a missing id does.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Clearance } from '../schema/clearance.ts';
import type { Note, NoteCreate, NoteTargets } from '../schema/api/notes.ts';
import { NOTE_TARGETS_MAX } from '../schema/api/notes.ts';
import { HANDLING_CODES, type HandlingCode, LINK_TYPES } from '../schema/model.ts';
import { runWrite } from './ingest-session.ts';
import type { Store } from './store.ts';
import { matchById, visibilityParams, visible, visibleLink } from './visibility.ts';

type Kind = Note['targetKind'];

/** A target the caller may see: what it is and its handling code (a view has none). */
interface Target {
  kind: Kind;
  handling: HandlingCode | null;
}

const ENTITY_TARGET = `${matchById('t', '$target')}
WITH t WHERE ${visible('t')}
RETURN 'entity' AS kind, t.handling AS handling
UNION ALL
MATCH (v:SavedView {id: $target}) WHERE v.owner = $username OR $username IN v.sharedWith
RETURN 'view' AS kind, null AS handling`;

// Links have no index on their id: this scans them, so it runs only when no entity or view matched.
const LINK_TARGET = `MATCH (a)-[r]->(b) WHERE r.id = $target AND type(r) IN $linkTypes AND ${visibleLink('r', 'a', 'b')}
RETURN 'link' AS kind, r.handling AS handling LIMIT 1`;

type Reader = Pick<ManagedTransaction, 'run'>;

/** The target as the caller may see it; null when they may not (or it does not exist). */
async function findTarget(
  reader: Reader,
  clearance: Clearance,
  username: string,
  target: string,
): Promise<Target | null> {
  const params = { ...visibilityParams(clearance), target, username, linkTypes: [...LINK_TYPES] };
  const row =
    (await reader.run(ENTITY_TARGET, params)).records[0] ??
    (await reader.run(LINK_TARGET, params)).records[0];
  if (row === undefined) return null;
  return { kind: row.get('kind') as Kind, handling: (row.get('handling') as HandlingCode | null) ?? null };
}

const rank = (code: HandlingCode) => HANDLING_CODES.indexOf(code);

/** Why a note was refused: its target is not one the caller may see, or its handling code. */
export type NoteRefusal =
  | { refused: 'not-found' }
  | { refused: 'below-target'; minimum: HandlingCode; allowed: HandlingCode[] }
  | { refused: 'not-held'; allowed: HandlingCode[] };

const CREATE = `CREATE (n:Note {id: $id, target: $target, targetKind: $kind, text: $text, author: $author,
  createdAt: $createdAt, handling: $handling})`;

/** Writes a note about a record the author may see, under a handling code they hold and not below the target's. */
export async function createNote(
  store: Store,
  clearance: Clearance,
  author: string,
  input: NoteCreate,
): Promise<Note | NoteRefusal> {
  return runWrite(store, async (tx) => {
    const target = await findTarget(tx, clearance, author, input.target);
    if (target === null) return { refused: 'not-found' };
    const floor = target.handling === null ? 0 : rank(target.handling);
    const allowed = HANDLING_CODES.filter((code) => rank(code) >= floor && clearance.handling.includes(code));
    if (rank(input.handling) < floor)
      return { refused: 'below-target', minimum: HANDLING_CODES[floor] as HandlingCode, allowed };
    if (!clearance.handling.includes(input.handling)) return { refused: 'not-held', allowed };
    const note: Note = {
      id: randomUUID(),
      target: input.target,
      targetKind: target.kind,
      text: input.text,
      author,
      createdAt: new Date().toISOString(),
      handling: input.handling,
    };
    await tx.run(CREATE, { ...note, kind: note.targetKind });
    return note;
  });
}

const LIST = `MATCH (n:Note {target: $target}) WHERE ${visible('n')}
RETURN n {.id, .target, .targetKind, .text, .author, .createdAt, .handling} AS note
ORDER BY n.createdAt, n.id`;

/** The notes about a record that the caller may see, oldest first; null when they may not see the record. */
export async function listNotes(
  store: Store,
  clearance: Clearance,
  username: string,
  target: string,
): Promise<Note[] | null> {
  const session = store.driver.session({ database: store.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      if ((await findTarget(tx, clearance, username, target)) === null) return null;
      const result = await tx.run(LIST, { ...visibilityParams(clearance), target });
      return result.records.map((row) => row.get('note') as Note);
    });
  } finally {
    await session.close();
  }
}

// Counts the caller's visible notes per target, keeping the targets the caller may see; the limit
// is applied after that cut, so what was left out is neither listed nor counted.
const TARGETS = `MATCH (n:Note) WHERE ${visible('n')}
WITH n.target AS target, n.targetKind AS kind, count(n) AS count
CALL (target, kind) {
  WITH target, kind WHERE kind = 'entity'
  ${matchById('t', 'target')}
  WITH t WHERE ${visible('t')}
  RETURN true AS seen
  UNION ALL
  WITH target, kind WHERE kind = 'link'
  MATCH (a)-[r]->(b) WHERE r.id = target AND type(r) IN $linkTypes AND ${visibleLink('r', 'a', 'b')}
  RETURN true AS seen
  UNION ALL
  WITH target, kind WHERE kind = 'view'
  MATCH (v:SavedView {id: target}) WHERE v.owner = $username OR $username IN v.sharedWith
  RETURN true AS seen
}
WITH DISTINCT target, count
ORDER BY target
LIMIT toInteger($limit)
RETURN target, count`;

/** The records the caller may see that carry notes the caller may see, by id, with how many. */
export async function listNoteTargets(
  store: Store,
  clearance: Clearance,
  username: string,
): Promise<NoteTargets> {
  const result = await store.read(TARGETS, {
    ...visibilityParams(clearance),
    username,
    linkTypes: [...LINK_TYPES],
    limit: NOTE_TARGETS_MAX + 1,
  });
  const targets = result.records.map((row) => ({
    id: String(row.get('target')),
    count: Number(row.get('count')),
  }));
  return { targets: targets.slice(0, NOTE_TARGETS_MAX), truncated: targets.length > NOTE_TARGETS_MAX };
}

/** Removes the notes about a saved view, in the transaction that deletes it. */
export async function deleteNotesAbout(tx: ManagedTransaction, target: string): Promise<void> {
  await tx.run(`MATCH (n:Note {target: $target, targetKind: 'view'}) DETACH DELETE n`, { target });
}
