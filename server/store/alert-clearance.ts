/**
 * A watch matches within its owner's clearance, recorded when it was made: a match whose records
 * include one that clearance may not see raises nothing. So a watch never points at a record its owner
 * could not see, and a record beyond a user's clearance leaves no alert of theirs behind it. Nor is
 * an alert ever about a smuggled person or a witness: a match naming one raises nothing.
 */
import type { Clearance } from '../schema/clearance.ts';
import { type EntityLabel, type LinkType, PROTECTED_ROLES } from '../schema/model.ts';
import { quoteType } from './ingest-cypher.ts';
import type { Store } from './store.ts';
import { quoteLabel, visibilityParams, visible } from './visibility.ts';

/** A link in a match, with what finding it by its ends needs. */
export interface MatchedLink {
  id: string;
  type: LinkType;
  source: string;
  target: string;
  sourceLabel: EntityLabel;
  targetLabel: EntityLabel;
}

interface Matched {
  watch: string;
  nodes: { id: string; label: EntityLabel }[];
  links: MatchedLink[];
}

async function ownerClearances(store: Store, watches: string[]): Promise<Map<string, Clearance>> {
  const result = await store.read(
    'MATCH (w:Watch) WHERE w.id IN $ids RETURN w.id AS id, w.ownerHandling AS handling, w.ownerAgency AS agency',
    { ids: watches },
  );
  const out = new Map<string, Clearance>();
  for (const row of result.records)
    out.set(String(row.get('id')), {
      handling: (row.get('handling') as Clearance['handling'] | null) ?? [],
      agency: (row.get('agency') as string | null) ?? null,
    });
  return out;
}

function grouped<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  // Pushed in place: copying the list at each item made grouping 50,000 matches take minutes.
  for (const item of items) {
    const list = out.get(key(item));
    if (list === undefined) out.set(key(item), [item]);
    else list.push(item);
  }
  return out;
}

/**
 * The node ids and link ids among these that a clearance may see (links with both their ends); a
 * smuggled person or a witness counts as unseen, since no alert is ever about them.
 */
async function visibleUnder(
  store: Store,
  clearance: Clearance,
  matches: readonly Matched[],
): Promise<Set<string>> {
  const seen = new Set<string>();
  const params = visibilityParams(clearance);
  const nodes = grouped(
    matches.flatMap((m) => m.nodes),
    (n) => n.label,
  );
  for (const [label, list] of nodes) {
    const result = await store.read(
      `UNWIND $ids AS id MATCH (n:${quoteLabel(label)} {id: id})
WHERE ${visible('n')} AND NOT any(role IN coalesce(n.roles, []) WHERE role IN $protected)
RETURN n.id AS id`,
      { ...params, ids: [...new Set(list.map((n) => n.id))], protected: [...PROTECTED_ROLES] },
    );
    for (const row of result.records) seen.add(`node:${String(row.get('id'))}`);
  }
  const links = grouped(
    matches.flatMap((m) => m.links),
    (l) => `${l.type}|${l.sourceLabel}|${l.targetLabel}`,
  );
  for (const list of links.values()) {
    const { type, sourceLabel, targetLabel } = list[0] as MatchedLink;
    const result = await store.read(
      // Both ends are bound before the link is sought (the WITH keeps the planner from expanding every
      // link of a hub and filtering on the other end), so it is found from the end with fewer links.
      `UNWIND $rows AS row
MATCH (a:${quoteLabel(sourceLabel)} {id: row.source}) WHERE ${visible('a')}
MATCH (b:${quoteLabel(targetLabel)} {id: row.target}) WHERE ${visible('b')}
WITH a, b, row
MATCH (a)-[r:${quoteType(type)}]->(b)
WHERE r.id = row.id AND ${visible('r')}
RETURN r.id AS id`,
      { ...params, rows: list.map(({ id, source, target }) => ({ id, source, target })) },
    );
    for (const row of result.records) seen.add(`link:${String(row.get('id'))}`);
  }
  return seen;
}

/** The matches whose every record the watch owner's recorded clearance may see. */
export async function withinOwnerClearance<M extends Matched>(
  store: Store,
  matches: readonly M[],
): Promise<M[]> {
  if (matches.length === 0) return [];
  const clearances = await ownerClearances(store, [...new Set(matches.map((m) => m.watch))]);
  const byClearance = grouped(
    matches.filter((m) => clearances.has(m.watch)),
    (m) => JSON.stringify(clearances.get(m.watch)),
  );
  const out: M[] = [];
  for (const [key, group] of byClearance) {
    const seen = await visibleUnder(store, JSON.parse(key) as Clearance, group);
    for (const match of group)
      if (
        match.nodes.every((n) => seen.has(`node:${n.id}`)) &&
        match.links.every((l) => seen.has(`link:${l.id}`))
      )
        out.push(match);
  }
  return out;
}
