/**
 * Analysis runs raise alerts too: a laundering typology hit (fan-in, cycle, structuring, hawala
 * offsetting...) whose parties include an entity a typology-hit watch names. The alert holds the
 * hit's parties and payments, so it reaches a recipient only while they may see all of them.
 */
import type { EntityLabel } from '../schema/model.ts';
import type { AlertMatch, RaisedAlert } from './alerts-write.ts';
import { raiseAlerts } from './alerts-write.ts';
import type { Store } from './store.ts';
import { watchesByKeys } from './watches.ts';

/** One typology hit as the analysis reports it. */
export interface TypologyFinding {
  kind: string;
  parties: string[];
  payments: string[];
  total: number;
}

/** Matches an analysis run's typology hits against typology-hit watches; returns the alerts raised. */
export async function alertOnTypologies(
  store: Store,
  hits: readonly TypologyFinding[],
  labelOf: (id: string) => EntityLabel | undefined,
): Promise<RaisedAlert[]> {
  if (hits.length === 0) return [];
  const watches = await watchesByKeys(
    store,
    hits.flatMap((hit) => hit.parties.map((id) => `typology:${id}`)),
  );
  if (watches.size === 0) return [];
  const matches: AlertMatch[] = [];
  for (const hit of hits) {
    const seen = new Set<string>();
    for (const party of hit.parties)
      for (const watch of watches.get(`typology:${party}`) ?? []) {
        if (seen.has(watch.id)) continue;
        seen.add(watch.id);
        const nodes = [...hit.parties, ...hit.payments].flatMap((id) => {
          const label = labelOf(id);
          return label === undefined ? [] : [{ id, label }];
        });
        matches.push({
          watch: watch.id,
          instance: `typology:${hit.kind}`,
          nodes,
          links: [],
          reason: `${hit.kind} typology over ${hit.payments.length} payments (total ${hit.total}) touches watched ${party}`,
        });
      }
  }
  return raiseAlerts(store, matches, 'analysis');
}
