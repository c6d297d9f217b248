/**
 * The incremental matcher: given what an import, an edit or an analysis run changed, it reads those
 * records and at most one hop around them (the ends of a new link, the payment a new PAID link names,
 * the other users of a document), turns them into match keys (watch-keys.ts), finds the active
 * watches filed under those keys by index seeks, and raises one alert per match (alerts-write.ts).
 * It never reads the whole database.
 */
import { DOCUMENT_ALERT_STATUSES } from '../schema/api/checks.ts';
import type { EntityLabel, LinkType } from '../schema/model.ts';
import { type AlertMatch, type AlertTrigger, type RaisedAlert, raiseAlerts } from './alerts-write.ts';
import type { Store } from './store.ts';
import { communityMatches } from './alert-communities.ts';
import {
  COMMUNITY_LINK_KEY,
  DOCUMENT_REUSED_KEY,
  type NodeFacts,
  nodeKeys,
  VESSEL_RENAMED_KEY,
} from './watch-keys.ts';
import { type MatchingWatch, watchesByKeys } from './watches.ts';
import { quoteType } from './ingest-cypher.ts';
import type { MatchedLink } from './alert-clearance.ts';
import { quoteLabel } from './visibility.ts';

/** What a write changed: nodes with their labels, links with their type and ends. */
export interface ChangedRecords {
  nodes: { id: string; label: EntityLabel }[];
  links: MatchedLink[];
}

const BATCH = 5_000;
const FACTS = `n {.number, .issuingCountry, .imo, .mmsi, .iban, .wallet, .kind, .identifier, .name,
  .aliases, .pastNames, .pastFlags, .flag, .version, .status, .roles, .amount, .currency}`;

function byLabel(nodes: readonly { id: string; label: EntityLabel }[]): Map<EntityLabel, string[]> {
  const out = new Map<EntityLabel, string[]>();
  for (const { id, label } of nodes) {
    const ids = out.get(label) ?? [];
    ids.push(id);
    out.set(label, ids);
  }
  return out;
}

/** Reads the matcher's facts about nodes, by label, in batches (index seeks on id). */
export async function readFacts(
  store: Store,
  nodes: readonly { id: string; label: EntityLabel }[],
): Promise<Map<string, NodeFacts>> {
  const out = new Map<string, NodeFacts>();
  for (const [label, ids] of byLabel(nodes)) {
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += BATCH) {
      const result = await store.read(
        `UNWIND $ids AS id MATCH (n:${quoteLabel(label)} {id: id}) RETURN n.id AS id, ${FACTS} AS props`,
        { ids: unique.slice(start, start + BATCH) },
      );
      for (const row of result.records) {
        const id = String(row.get('id'));
        out.set(id, { id, label, props: row.get('props') as Record<string, unknown> });
      }
    }
  }
  return out;
}

function describe(facts: NodeFacts | undefined, id: string): string {
  const name = facts?.props.name;
  return typeof name === 'string'
    ? `${facts?.label ?? 'record'} "${name}"`
    : `${facts?.label ?? 'record'} ${id}`;
}

type Link = ChangedRecords['links'][number];

/** The matches of the changed nodes themselves: identifiers, the watched entity, a renamed vessel. */
function nodeMatches(facts: NodeFacts, key: string, watch: MatchingWatch): AlertMatch | undefined {
  const what = describe(facts, facts.id);
  const base = { watch: watch.id, nodes: [{ id: facts.id, label: facts.label }], links: [] };
  if (watch.kind === 'entity' && key === `entity:${facts.id}`) {
    const version = Number(facts.props.version ?? 1);
    return {
      ...base,
      instance: `changed:${version}`,
      reason: `the watched ${what} changed (version ${version})`,
    };
  }
  if (watch.kind === 'identifier' && !key.startsWith('entity:')) {
    const [scheme] = key.split(':');
    return { ...base, instance: 'identifier', reason: `the watched ${scheme} matches ${what}` };
  }
  if (watch.pattern === 'vessel-renamed' && (key === VESSEL_RENAMED_KEY || key === `renamed:${facts.id}`)) {
    const past = [
      ...((facts.props.pastNames as string[]) ?? []),
      ...((facts.props.pastFlags as string[]) ?? []),
    ];
    const now = `${String(facts.props.name ?? '')}|${String(facts.props.flag ?? '')}`;
    return {
      ...base,
      instance: `renamed:${now}`,
      reason: `${what} was renamed or reflagged (now flag ${String(facts.props.flag ?? 'unknown')}; before: ${past.join(', ')})`,
    };
  }
  return undefined;
}

const MONEY_LINKS: ReadonlySet<LinkType> = new Set(['PAID', 'RECEIVED']);
const DOCUMENT_LINKS: ReadonlySet<LinkType> = new Set(['USED', 'HOLDS']);

function linkKeys(link: Link): string[] {
  const keys = [
    `entity:${link.source}`,
    `entity:${link.target}`,
    `link:${link.source}`,
    `link:${link.target}`,
    COMMUNITY_LINK_KEY,
  ];
  if (link.type === 'TRAVELLED' && link.sourceLabel === 'Person' && link.targetLabel === 'Route')
    keys.push(`route:${link.target}`);
  if (MONEY_LINKS.has(link.type)) {
    if (link.targetLabel === 'Payment') keys.push(`payment:${link.source}`);
    if (link.sourceLabel === 'Payment') keys.push(`payment:${link.target}`);
  }
  if (DOCUMENT_LINKS.has(link.type) && (link.sourceLabel === 'Document' || link.targetLabel === 'Document'))
    keys.push(DOCUMENT_REUSED_KEY);
  return keys;
}

function ends(link: Link) {
  return [
    { id: link.source, label: link.sourceLabel },
    { id: link.target, label: link.targetLabel },
  ];
}

/** The matches of one new link for one watch; `facts` holds its ends (and reuse counts for documents). */
function linkMatch(
  link: Link,
  watch: MatchingWatch,
  keys: ReadonlySet<string>,
  facts: Map<string, NodeFacts>,
  reuse: Map<string, number>,
): AlertMatch | undefined {
  const base = { watch: watch.id, nodes: ends(link), links: [link], instance: `link:${link.id}` };
  const [a, b] = [
    describe(facts.get(link.source), link.source),
    describe(facts.get(link.target), link.target),
  ];
  if (watch.kind === 'entity') return { ...base, reason: `new ${link.type} link between ${a} and ${b}` };
  if (watch.pattern === 'new-link') {
    const watched = new Set((watch.parameters.entities as string[]) ?? []);
    if (!(watched.has(link.source) && watched.has(link.target))) return undefined;
    return { ...base, reason: `new ${link.type} link between two watched entities, ${a} and ${b}` };
  }
  if (watch.pattern === 'payment-over') {
    const account = String(watch.parameters.account);
    const payment = facts.get(link.sourceLabel === 'Payment' ? link.source : link.target);
    const amount = Number(payment?.props.amount ?? Number.NaN);
    const currency = watch.parameters.currency as string | null;
    if (!keys.has(`payment:${account}`) || !(amount >= Number(watch.parameters.amount))) return undefined;
    if (currency !== null && payment?.props.currency !== currency) return undefined;
    const direction = link.type === 'PAID' ? 'from' : 'to';
    return {
      ...base,
      reason: `payment of ${amount} ${String(payment?.props.currency ?? '')} ${direction} watched ${describe(facts.get(account), account)}, over ${String(watch.parameters.amount)}`,
    };
  }
  if (watch.pattern === 'person-on-route') {
    if (!keys.has(`route:${String(watch.parameters.route)}`)) return undefined;
    // A smuggled person or a witness on the route raises nothing: raiseAlerts drops any match naming one.
    return { ...base, reason: `new person on the watched route: ${a} travelled ${b}` };
  }
  if (watch.pattern === 'document-reused') {
    const documentId = link.sourceLabel === 'Document' ? link.source : link.target;
    const document = facts.get(documentId);
    const status = document?.props.status;
    const country = watch.parameters.country as string | null;
    if (!(DOCUMENT_ALERT_STATUSES as readonly unknown[]).includes(status)) return undefined;
    if (country !== null && document?.props.issuingCountry !== country) return undefined;
    if ((reuse.get(documentId) ?? 0) < 2) return undefined;
    return {
      ...base,
      reason: `${String(status)} ${describe(document, documentId)} used again (${link.type} by ${a === describe(document, documentId) ? b : a})`,
    };
  }
  return undefined;
}

/** How many distinct holders or users each document has, for the document-reused pattern. */
async function readReuse(store: Store, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const result = await store.read(
    `UNWIND $ids AS id MATCH (d:Document {id: id})
RETURN id, COUNT { MATCH (d)-[r:USED|HOLDS]-(p) RETURN DISTINCT p } AS users`,
    { ids: [...new Set(ids)] },
  );
  for (const row of result.records) out.set(String(row.get('id')), Number(row.get('users')));
  return out;
}

/**
 * Matches what a write changed against the active watches and raises the alerts; returns the alerts
 * newly raised (a match raised before is not raised again).
 */
export async function matchChanges(
  store: Store,
  changed: ChangedRecords,
  trigger: AlertTrigger,
): Promise<RaisedAlert[]> {
  if (changed.nodes.length === 0 && changed.links.length === 0) return [];
  const changedFacts = await readFacts(store, changed.nodes);
  const nodeKeyList = [...changedFacts.values()].map((facts) => ({ facts, keys: nodeKeys(facts) }));
  const perLink = changed.links.map((link) => ({ link, keys: linkKeys(link) }));
  const watches = await watchesByKeys(store, [
    ...nodeKeyList.flatMap((n) => n.keys),
    ...perLink.flatMap((l) => l.keys),
  ]);
  if (watches.size === 0) return [];
  const matches: AlertMatch[] = [];
  for (const { facts, keys } of nodeKeyList)
    for (const key of keys)
      for (const watch of watches.get(key) ?? []) {
        const match = nodeMatches(facts, key, watch);
        if (match) matches.push(match);
      }
  const hitLinks = perLink.filter(({ keys }) => keys.some((key) => watches.has(key)));
  const ends = hitLinks.flatMap(({ link }) => [
    { id: link.source, label: link.sourceLabel },
    { id: link.target, label: link.targetLabel },
  ]);
  const facts = new Map([...changedFacts, ...(await readFacts(store, ends))]);
  const documents = hitLinks
    .filter(({ keys }) => keys.includes(DOCUMENT_REUSED_KEY) && watches.has(DOCUMENT_REUSED_KEY))
    .map(({ link }) => (link.sourceLabel === 'Document' ? link.source : link.target));
  const reuse = await readReuse(store, documents);
  const byCommunity = watches.get(COMMUNITY_LINK_KEY) ?? [];
  if (byCommunity.length > 0)
    matches.push(
      ...(await communityMatches(
        store,
        byCommunity,
        hitLinks.map(({ link }) => link),
        (id) => describe(facts.get(id), id),
      )),
    );
  for (const { link, keys } of hitLinks) {
    const keySet = new Set(keys);
    const seen = new Set<string>();
    for (const key of keys)
      for (const watch of watches.get(key) ?? []) {
        if (seen.has(watch.id)) continue;
        seen.add(watch.id);
        const match = linkMatch(link, watch, keySet, facts, reuse);
        if (match) matches.push(match);
      }
  }
  // raiseAlerts keeps the matches within each owner's clearance, and none naming a smuggled person.
  return raiseAlerts(store, matches, trigger);
}

/**
 * The ids links were stored under by an import into a partition: a link's own id when the writer could
 * see a link by that id between the same ends, else the partition's (partition.ts).
 */
export async function resolveLinkIds(
  store: Store,
  links: ChangedRecords['links'],
  own: (id: string) => string,
): Promise<ChangedRecords['links']> {
  const groups = new Map<string, ChangedRecords['links']>();
  for (const link of links) {
    const key = `${link.type}|${link.sourceLabel}|${link.targetLabel}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [link]);
    else group.push(link);
  }
  const out: ChangedRecords['links'] = [];
  for (const group of groups.values()) {
    const { type, sourceLabel, targetLabel } = group[0] as Link;
    for (let start = 0; start < group.length; start += BATCH) {
      const batch = group.slice(start, start + BATCH);
      const result = await store.read(
        `UNWIND $rows AS row
MATCH (a:${quoteLabel(sourceLabel)} {id: row.source})-[r:${quoteType(type)}]->(b:${quoteLabel(targetLabel)} {id: row.target})
WHERE r.id IN [row.id, row.own]
RETURN row.index AS index, r.id AS id ORDER BY r.id = row.own DESC`,
        {
          rows: batch.map((l, index) => ({
            index,
            id: l.id,
            own: own(l.id),
            source: l.source,
            target: l.target,
          })),
        },
      );
      const stored = new Map<number, string>();
      for (const row of result.records) stored.set(Number(row.get('index')), String(row.get('id')));
      for (const [index, link] of batch.entries())
        out.push({ ...link, id: stored.get(index) ?? own(link.id) });
    }
  }
  return out;
}
