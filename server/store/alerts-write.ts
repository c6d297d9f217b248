/**
 * Raising alerts: one `Alert` node per (watch, pattern instance, records), its id a hash of the three,
 * MERGEd so that the same match is raised once however often the data that makes it is written again.
 * An alert points at its records (`ABOUT`) and keeps the ids of the links in it, so that a reader is
 * shown it only while they may see every one (alerts-read.ts).
 */
import { createHash } from 'node:crypto';
import type { EntityLabel } from '../schema/model.ts';
import { type MatchedLink, withinOwnerClearance } from './alert-clearance.ts';
import type { Store } from './store.ts';
import { matchById } from './visibility.ts';

/** What raised an alert. */
export type AlertTrigger = 'import' | 'edit' | 'analysis' | 'check';

/** One match of a watch: the records in it (nodes and links), the instance of the pattern, and why. */
export interface AlertMatch {
  watch: string;
  instance: string;
  nodes: { id: string; label: EntityLabel }[];
  links: MatchedLink[];
  reason: string;
}

/** An alert raised now, for deliveries. */
export interface RaisedAlert {
  id: string;
  watch: string;
  reason: string;
  nodes: string[];
  links: string[];
  trigger: AlertTrigger;
  raisedAt: string;
}

/** The alert's id: the same watch, instance and records always give the same id. */
export function alertId(match: Pick<AlertMatch, 'watch' | 'instance' | 'nodes' | 'links'>): string {
  const nodes = [...new Set(match.nodes.map((n) => n.id))].sort();
  const links = [...new Set(match.links.map((l) => l.id))].sort();
  const text = JSON.stringify([match.watch, match.instance, nodes, links]);
  const hex = createHash('sha256').update(text).digest('hex');
  // Shaped as a UUID: a name-based id (as RFC 9562's version 5 is), recognisable as one made up here.
  return `alert:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const RAISE = `UNWIND $rows AS row
MATCH (w:Watch {id: row.watch})
OPTIONAL MATCH (old:Alert {id: row.id})
WITH w, row, old IS NULL AS created
MERGE (a:Alert {id: row.id})
ON CREATE SET a.raisedAt = $now, a.trigger = $trigger, a.reason = row.reason, a.instance = row.instance,
  a.nodeIds = row.nodes, a.linkIds = row.links, a.linkSources = row.linkSources,
  a.linkTargets = row.linkTargets, a.sortKey = row.sortKey, a.nodeCount = size(row.nodes), a.readBy = [], a.dismissedBy = [],
  a.dismissals = []
MERGE (a)-[:RAISED_BY]->(w)
WITH a, row, created
CALL (a, row) {
  UNWIND row.nodes AS nid
  ${matchById('x', 'nid')}
  MERGE (a)-[:ABOUT]->(x)
  RETURN count(*) AS about
}
RETURN row.id AS id, created`;

/**
 * Raises the alerts of the matches (once each), within each watch owner's recorded clearance, dated
 * `at` (the moment of what raised them); returns those not raised before.
 */
export async function raiseAlerts(
  store: Store,
  found: readonly AlertMatch[],
  trigger: AlertTrigger,
  at = new Date(),
): Promise<RaisedAlert[]> {
  const matches = await withinOwnerClearance(store, found);
  const rows = new Map<string, Record<string, unknown> & { id: string }>();
  for (const match of matches) {
    const id = alertId(match);
    if (rows.has(id)) continue;
    const links = [...new Map(match.links.map((l) => [l.id, l])).values()].sort((x, y) =>
      x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
    );
    rows.set(id, {
      id,
      watch: match.watch,
      instance: match.instance,
      reason: match.reason,
      nodes: [...new Set(match.nodes.map((n) => n.id))].sort(),
      links: links.map((l) => l.id),
      // Each link's ends, in the order of its id in `links`, so that a reader finds it between them.
      linkSources: links.map((l) => l.source),
      linkTargets: links.map((l) => l.target),
      // Orders alerts raised at the same moment by what they are about, not by their ids.
      sortKey: JSON.stringify([
        match.instance,
        match.nodes.map((n) => n.id).sort(),
        match.links.map((l) => l.id).sort(),
      ]),
    });
  }
  if (rows.size === 0) return [];
  const now = at.toISOString();
  const raised: RaisedAlert[] = [];
  const all = [...rows.values()];
  for (let start = 0; start < all.length; start += 1_000) {
    const batch = all.slice(start, start + 1_000);
    const result = await store.write(RAISE, { rows: batch, now, trigger });
    const created = new Set(
      result.records.filter((row) => row.get('created') === true).map((row) => String(row.get('id'))),
    );
    for (const row of batch)
      if (created.has(row.id))
        raised.push({
          id: row.id,
          watch: String(row.watch),
          reason: String(row.reason),
          nodes: row.nodes as string[],
          links: row.links as string[],
          trigger,
          raisedAt: now,
        });
  }
  return raised;
}
