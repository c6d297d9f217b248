/**
 * The community profiles of community-summary.ts (summariseCommunities, with key-players.ts'
 * ranking) computed on case arrays directly: members by entity type and role, the five key members
 * by degree in the whole case graph, countries, routes, crime categories and money through Payment
 * nodes. Only the links a profile can use are visited (payments' links, links to routes, offences
 * and places, links from routes), in graphology's order (case-arrays-adjacency.ts), so counts and
 * sums come out in the same order and the result is summariseCommunities' own, field for field
 * (test/unit/analyses/load-arrays.test.ts holds the two to it). A change to the profiles there is
 * to be made here too.
 */
import type { CaseArrays } from './case-arrays.ts';
import { type Adjacency, adjacency, indexRanks } from './case-arrays-adjacency.ts';
import type { CommunityResult } from './communities.ts';
import type { Amounts, CommunitySummary } from './community-summary.ts';
import type { KeyPlayer } from './key-players.ts';
import { nameSyndicate } from './syndicate-name.ts';
import { type EntityAttributes, isProtected } from './types.ts';

const KEY_MEMBERS = 5;
const CRIME_LINKS = new Set(['INVOLVED_IN', 'SUSPECTED_OF', 'CONVICTED_OF']);
const PLACE_LINKS = new Set(['LOCATED_IN', 'BASED_IN']);
const TARGETS_READ = new Set(['Route', 'Offence', 'Location']);

type Graph = CaseArrays & { out: Adjacency; into: Adjacency; index: Map<string, number>; degree: Int32Array };

/** summariseCommunities on the case graph of `arrays` (see the banner). */
export function profileCaseArrays(arrays: CaseArrays, result: CommunityResult): CommunitySummary[] {
  const { nodes, attributes, sources, targets, types, typeNames } = arrays;
  const payment = typeNames.map((type) => type === 'PAID' || type === 'RECEIVED');
  const keep = new Uint8Array(sources.length);
  const degree = new Int32Array(nodes.length);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    degree[s]!++;
    degree[t]!++;
    const readable =
      payment[types[e]!] ||
      TARGETS_READ.has(attributes[t]?.entityType as string) ||
      attributes[s]?.entityType === 'Route';
    if (readable) keep[e] = 1;
  }
  const index = new Map<string, number>();
  for (let v = 0; v < nodes.length; v++) index.set(nodes[v]!, v);
  const rank = indexRanks(nodes);
  const out = adjacency(nodes.length, sources, targets, rank, keep);
  const into = adjacency(nodes.length, targets, sources, rank, keep);
  const graph: Graph = { ...arrays, out, into, index, degree };
  return result.communities.map((community) => {
    const members: number[] = [];
    for (const id of community.members) {
      const v = index.get(id);
      if (v !== undefined) members.push(v);
    }
    const keyMembers = rankMembers(graph, members);
    return {
      id: community.id,
      name: nameSyndicate(
        community.id,
        members.map((v) => attributes[v]),
        keyMembers,
      ),
      size: community.size,
      contribution: community.contribution,
      ...countMembers(graph, members),
      keyMembers,
      ...describeSurroundings(graph, members),
      money: sumMoney(graph, members),
    };
  });
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countMembers({ attributes }: Graph, members: number[]) {
  const byEntityType: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  for (const v of members) {
    const a = attributes[v] as EntityAttributes;
    increment(byEntityType, String(a.entityType ?? 'unknown'));
    if (Array.isArray(a.roles)) for (const role of a.roles) increment(byRole, String(role));
  }
  return { byEntityType, byRole };
}

// rankKeyPlayers with the degree as score: persons who are not protected, by score then id.
function rankMembers({ nodes, attributes, degree }: Graph, members: number[]): KeyPlayer[] {
  const best: number[] = [];
  const before = (a: number, b: number) =>
    degree[a]! > degree[b]! || (degree[a] === degree[b] && (nodes[a] as string) < (nodes[b] as string));
  for (const v of members) {
    const a = attributes[v] as EntityAttributes;
    if (isProtected(a) || a.entityType !== 'Person') continue;
    if (best.length === KEY_MEMBERS && !before(v, best[KEY_MEMBERS - 1]!)) continue;
    best.push(v);
    best.sort((x, y) => (before(x, y) ? -1 : 1));
    if (best.length > KEY_MEMBERS) best.pop();
  }
  return best.map((v, i) => {
    const a = attributes[v] as EntityAttributes;
    return {
      id: nodes[v] as string,
      rank: i + 1,
      score: degree[v]!,
      entityType: a.entityType as string | undefined,
      name: a.name as string | undefined,
      roles: Array.isArray(a.roles) ? (a.roles as string[]) : [],
    };
  });
}

function describeSurroundings(graph: Graph, members: number[]) {
  const { nodes, attributes, sources, targets, types, typeNames, out, into } = graph;
  const countries: Record<string, number> = {};
  const routes = new Map<string, string | undefined>();
  const offences = new Set<number>();
  const look = (v: number, linkType: string | null) => {
    const a = attributes[v] as EntityAttributes;
    if (a.entityType === 'Route') routes.set(nodes[v] as string, a.name as string | undefined);
    if (a.entityType === 'Offence' && (linkType === null || CRIME_LINKS.has(linkType))) offences.add(v);
    if (a.entityType === 'Location' && PLACE_LINKS.has(linkType as string) && a.country)
      increment(countries, String(a.country));
  };
  for (const v of members) {
    const a = attributes[v] as EntityAttributes;
    if (a.country && a.entityType !== 'Location') increment(countries, String(a.country));
    look(v, null);
    for (let j = out.offsets[v]!; j < out.offsets[v + 1]!; j++) {
      const e = out.links[j]!;
      look(targets[e]!, typeNames[types[e]!] as string);
    }
    for (let j = into.offsets[v]!; j < into.offsets[v + 1]!; j++) {
      const e = into.links[j]!;
      if (attributes[sources[e]!]?.entityType === 'Route') look(sources[e]!, typeNames[types[e]!] as string);
    }
  }
  const crimeCategories: Record<string, number> = {};
  for (const v of offences) increment(crimeCategories, String(attributes[v]?.category ?? 'unknown'));
  return { countries, routes: [...routes].map(([id, name]) => ({ id, name })), crimeCategories };
}

function sumMoney(graph: Graph, members: number[]) {
  const { attributes, sources, targets, types, typeNames, out, into } = graph;
  const money = { payments: 0, in: {} as Amounts, out: {} as Amounts, internal: {} as Amounts };
  const inside = new Set(members);
  const seen = new Set<number>();
  const visit = (member: number, e: number) => {
    const type = typeNames[types[e]!];
    const payment =
      type === 'PAID' && sources[e] === member ? targets[e]! : type === 'RECEIVED' ? sources[e]! : -1;
    if (payment < 0 || seen.has(payment) || attributes[payment]?.entityType !== 'Payment') return;
    seen.add(payment);
    let paidFromInside = false;
    let paidToInside = false;
    for (let j = into.offsets[payment]!; j < into.offsets[payment + 1]!; j++) {
      const p = into.links[j]!;
      if (typeNames[types[p]!] === 'PAID' && inside.has(sources[p]!)) paidFromInside = true;
    }
    for (let j = out.offsets[payment]!; j < out.offsets[payment + 1]!; j++) {
      const p = out.links[j]!;
      if (typeNames[types[p]!] === 'RECEIVED' && inside.has(targets[p]!)) paidToInside = true;
    }
    const bucket = paidFromInside && paidToInside ? money.internal : paidFromInside ? money.out : money.in;
    const a = attributes[payment] as EntityAttributes;
    const currency = String(a.currency ?? 'unknown');
    bucket[currency] = (bucket[currency] ?? 0) + (typeof a.amount === 'number' ? a.amount : 0);
    money.payments++;
  };
  for (const v of members) {
    for (let j = into.offsets[v]!; j < into.offsets[v + 1]!; j++) visit(v, into.links[j]!);
    for (let j = out.offsets[v]!; j < out.offsets[v + 1]!; j++) visit(v, out.links[j]!);
  }
  return money;
}
