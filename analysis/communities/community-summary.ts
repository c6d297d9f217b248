/**
 * What each community is made of, for the analyst and the threat report: members by entity type
 * and by role, key members, countries, routes, crime categories of linked offences, money in and
 * out through Payment nodes, and the community's share of the modularity (Newman & Girvan 2004).
 * Reads the case graph itself, so links the projection left out (payments, offences) still count.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { assertGraph } from '../core/check-graph.ts';
import type { CommunityResult } from './communities.ts';
import { type KeyPlayer, rankKeyPlayers } from '../metrics/key-players.ts';
import { nameSyndicate } from './syndicate-name.ts';

const CRIME_LINKS = ['INVOLVED_IN', 'SUSPECTED_OF', 'CONVICTED_OF'];
const PLACE_LINKS = ['LOCATED_IN', 'BASED_IN'];
// The entity types whose links to a member add to its community's profile (besides payments).
const SURROUNDINGS = ['Route', 'Offence', 'Location'];

export interface SummaryOptions {
  /** Score used to pick key members (default: degree in the case graph). */
  scores?: Record<string, number>;
  /** How many key members per community (default 5). */
  keyMembers?: number;
}

/** Sums of payment amounts by currency. */
export type Amounts = Record<string, number>;

/** The profile of one community. */
export interface CommunitySummary {
  id: number;
  /** The community's name (syndicate-name.ts): its syndicate organisation, else its key members. */
  name: string;
  size: number;
  contribution: number;
  byEntityType: Record<string, number>;
  byRole: Record<string, number>;
  keyMembers: KeyPlayer[];
  countries: Record<string, number>;
  routes: { id: string; name: string | undefined }[];
  crimeCategories: Record<string, number>;
  money: { payments: number; in: Amounts; out: Amounts; internal: Amounts };
}

/** Profiles every community of a detection result against the case graph. */
export function summariseCommunities(
  graph: AbstractGraph,
  result: CommunityResult,
  options: SummaryOptions = {},
): CommunitySummary[] {
  assertGraph(graph, 'community-summary');
  const scores = options.scores ?? degreeScores(graph);
  const near = nearPlacesAndMoney(graph);
  return result.communities.map((community) => {
    const members = community.members.filter((m) => graph.hasNode(m));
    const memberScores = Object.fromEntries(members.map((m) => [m, scores[m] ?? 0]));
    const keyMembers = rankKeyPlayers(graph, memberScores, { limit: options.keyMembers ?? 5 });
    return {
      id: community.id,
      name: nameSyndicate(
        community.id,
        members.map((m) => graph.getNodeAttributes(m)),
        keyMembers,
      ),
      size: community.size,
      contribution: community.contribution,
      ...countMembers(graph, members),
      keyMembers,
      ...describeSurroundings(graph, members, near.places),
      money: sumMoney(graph, new Set(members), members, near.money),
    };
  });
}

/** Each node's degree in the case graph: the default score of key members. */
export function degreeScores(graph: AbstractGraph): Record<string, number> {
  return Object.fromEntries(graph.nodes().map((n) => [n, graph.degree(n)]));
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function countMembers(graph: AbstractGraph, members: string[]) {
  const byEntityType: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  for (const member of members) {
    const attributes = graph.getNodeAttributes(member);
    increment(byEntityType, String(attributes.entityType ?? 'unknown'));
    if (Array.isArray(attributes.roles)) for (const role of attributes.roles) increment(byRole, String(role));
  }
  return { byEntityType, byRole };
}

/**
 * The entities next to a route, offence or location, and those next to a payment: only their links
 * can add to a profile, so the links of every other member are not visited.
 */
function nearPlacesAndMoney(graph: AbstractGraph): { places: Set<string>; money: Set<string> } {
  const places = new Set<string>();
  const money = new Set<string>();
  graph.forEachNode((node, attributes) => {
    const type = attributes.entityType;
    const near = type === 'Payment' ? money : SURROUNDINGS.includes(type as string) ? places : null;
    if (near !== null) graph.forEachNeighbor(node, (neighbour) => near.add(neighbour));
  });
  return { places, money };
}

function describeSurroundings(graph: AbstractGraph, members: string[], near: Set<string>) {
  const countries: Record<string, number> = {};
  const routes = new Map<string, string | undefined>();
  const offences = new Set<string>();
  const look = (node: string, attributes: Attributes, linkType: unknown) => {
    if (attributes.entityType === 'Route') routes.set(node, attributes.name as string | undefined);
    if (
      attributes.entityType === 'Offence' &&
      (linkType === null || CRIME_LINKS.includes(linkType as string))
    )
      offences.add(node);
    if (
      attributes.entityType === 'Location' &&
      PLACE_LINKS.includes(linkType as string) &&
      attributes.country
    )
      increment(countries, String(attributes.country));
  };
  for (const member of members) {
    const attributes = graph.getNodeAttributes(member);
    if (attributes.country && attributes.entityType !== 'Location')
      increment(countries, String(attributes.country));
    look(member, attributes, null);
    if (!near.has(member)) continue;
    graph.forEachOutEdge(member, (_e, link, _s, target, _sa, targetAttributes) =>
      look(target, targetAttributes, link.linkType),
    );
    graph.forEachInEdge(member, (_e, link, source, _t, sourceAttributes) => {
      if (sourceAttributes.entityType === 'Route') look(source, sourceAttributes, link.linkType);
    });
  }
  const crimeCategories: Record<string, number> = {};
  for (const offence of offences)
    increment(crimeCategories, String(graph.getNodeAttribute(offence, 'category') ?? 'unknown'));
  return { countries, routes: [...routes].map(([id, name]) => ({ id, name })), crimeCategories };
}

function sumMoney(graph: AbstractGraph, inside: Set<string>, members: string[], near: Set<string>) {
  const money = { payments: 0, in: {} as Amounts, out: {} as Amounts, internal: {} as Amounts };
  const seen = new Set<string>();
  for (const member of members) {
    if (!near.has(member)) continue;
    graph.forEachEdge(member, (_e, link, source, target) => {
      const payment =
        link.linkType === 'PAID' && source === member ? target : link.linkType === 'RECEIVED' ? source : null;
      if (
        payment === null ||
        seen.has(payment) ||
        graph.getNodeAttribute(payment, 'entityType') !== 'Payment'
      )
        return;
      seen.add(payment);
      const { payers, payees } = partiesOf(graph, payment);
      const paidFromInside = payers.some((p) => inside.has(p));
      const paidToInside = payees.some((p) => inside.has(p));
      const bucket = paidFromInside && paidToInside ? money.internal : paidFromInside ? money.out : money.in;
      const attributes = graph.getNodeAttributes(payment);
      const currency = String(attributes.currency ?? 'unknown');
      bucket[currency] =
        (bucket[currency] ?? 0) + (typeof attributes.amount === 'number' ? attributes.amount : 0);
      money.payments++;
    });
  }
  return money;
}

/** Payers (PAID into the payment) and payees (RECEIVED out of it) of a Payment node. */
export function partiesOf(graph: AbstractGraph, payment: string): { payers: string[]; payees: string[] } {
  const payers: string[] = [];
  const payees: string[] = [];
  graph.forEachInEdge(payment, (_e, link, source) => {
    if (link.linkType === 'PAID') payers.push(source);
  });
  graph.forEachOutEdge(payment, (_e, link, _s, target) => {
    if (link.linkType === 'RECEIVED') payees.push(target);
  });
  return { payers, payees };
}
