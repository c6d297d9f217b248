/**
 * Border checks raise alerts: a document or vessel check that hits a watched identifier or entity
 * alerts the watch's recipients, naming the checking user's agency and the time. The records in such
 * an alert are the stored documents or vessels the check named, whatever the checker may see (the
 * recipients are shown it only while they may see each); the checker's own answer is computed before,
 * and apart from, this.
 */
import type { Viewer } from '../schema/clearance.ts';
import type { EntityLabel } from '../schema/model.ts';
import { type AlertMatch, type RaisedAlert, raiseAlerts } from './alerts-write.ts';
import type { Store } from './store.ts';
import { type NodeFacts, nodeKeys } from './watch-keys.ts';
import { watchesByKeys } from './watches.ts';

/** A check as normalised by the check itself (store/checks.ts): what was asked. */
export type CheckedItem =
  | { kind: 'document'; number: string; country?: string | undefined }
  | { kind: 'vessel'; imo?: string | undefined; mmsi?: string | undefined };

const FACTS = `n {.number, .issuingCountry, .imo, .mmsi, .name, .aliases, .pastNames, .pastFlags, .flag, .version}`;

const LOOKUP: Record<string, string> = {
  document: `MATCH (n:Document {number: $number}) WHERE $country IS NULL OR n.issuingCountry = $country
RETURN n.id AS id, ${FACTS} AS props LIMIT 50`,
  imo: `MATCH (n:Vessel {imo: $imo}) RETURN n.id AS id, ${FACTS} AS props LIMIT 50`,
  mmsi: `MATCH (n:Vessel {mmsi: $mmsi}) RETURN n.id AS id, ${FACTS} AS props LIMIT 50`,
};

async function storedItems(store: Store, item: CheckedItem): Promise<NodeFacts[]> {
  const [query, label]: [string | undefined, EntityLabel] =
    item.kind === 'document'
      ? [LOOKUP.document, 'Document']
      : [item.imo !== undefined ? LOOKUP.imo : item.mmsi !== undefined ? LOOKUP.mmsi : undefined, 'Vessel'];
  if (query === undefined) return [];
  const params =
    item.kind === 'document'
      ? { number: item.number, country: item.country ?? null }
      : { imo: item.imo ?? null, mmsi: item.mmsi ?? null };
  const result = await store.read(query, params);
  return result.records.map((row) => ({
    id: String(row.get('id')),
    label,
    props: row.get('props') as Record<string, unknown>,
  }));
}

/** The identifier keys the check itself names, whether or not any record holds them. */
function askedKeys(item: CheckedItem): string[] {
  if (item.kind === 'document')
    return item.country === undefined ? [] : [`document:${item.number}|${item.country}`];
  return [
    ...(item.imo === undefined ? [] : [`imo:${item.imo}`]),
    ...(item.mmsi === undefined ? [] : [`mmsi:${item.mmsi}`]),
  ];
}

/** Alerts the recipients of the watches a check hit; returns the alerts raised. */
export async function alertOnCheck(
  store: Store,
  item: CheckedItem,
  checker: Pick<Viewer, 'username' | 'agency'>,
  at = new Date(),
): Promise<RaisedAlert[]> {
  const stored = await storedItems(store, item);
  const asked = askedKeys(item);
  const keyed = stored.map((facts) => ({
    facts,
    keys: nodeKeys(facts).filter((k) => !k.startsWith('name:')),
  }));
  // A watch made after the check (its alerting runs in the background, and may start late) missed it.
  const watches = new Map(
    [...(await watchesByKeys(store, [...asked, ...keyed.flatMap((k) => k.keys)]))].map(
      ([key, list]) => [key, list.filter((watch) => watch.createdAt <= at.toISOString())] as const,
    ),
  );
  const by = `${checker.agency ?? 'no agency'} (${checker.username}) at ${at.toISOString()}`;
  const instance = `check:${checker.username}:${at.toISOString()}`;
  // What was asked alerts alike whether or not a record holds it, so that an alert never tells its
  // recipient whether a record they may not see exists; records alert on their own, shown to those
  // who may see them.
  const matches: AlertMatch[] = [];
  const seen = new Set<string>();
  for (const key of asked)
    for (const watch of watches.get(key) ?? []) {
      if (seen.has(watch.id)) continue;
      seen.add(watch.id);
      const [scheme] = key.split(':');
      matches.push({
        watch: watch.id,
        instance,
        nodes: [],
        links: [],
        reason: `the watched ${scheme} ${key.slice(key.indexOf(':') + 1)} was checked, by ${by}`,
      });
    }
  for (const { facts, keys } of keyed)
    for (const key of keys)
      for (const watch of watches.get(key) ?? []) {
        if (watch.kind === 'pattern' || seen.has(watch.id) || seen.has(`${watch.id}|${facts.id}`)) continue;
        seen.add(`${watch.id}|${facts.id}`);
        const what = `${facts.label} ${typeof facts.props.name === 'string' ? `"${facts.props.name}"` : facts.id}`;
        matches.push({
          watch: watch.id,
          instance,
          nodes: [{ id: facts.id, label: facts.label }],
          links: [],
          reason: `the watched ${watch.kind === 'entity' ? 'entity' : key.split(':')[0]} was checked: ${what}, by ${by}`,
        });
      }
  return raiseAlerts(store, matches, 'check', at);
}
