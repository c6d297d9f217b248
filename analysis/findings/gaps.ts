/**
 * Intelligence gaps: what the case does not know yet, for the "intelligence gaps" section of a joint
 * threat report (Europol-INTERPOL 2016, "Migrant Smuggling Networks", and the EMPACT intelligence
 * requirements cycle). Each finding is a question for collection: a link resting on a single source or
 * on no grade, a facilitator with no known payment channel, a route leg with no known transport, a
 * syndicate with no known leader, a payment with an unknown party, a facilitator who fell silent.
 */
import { isGraph } from 'graphology-utils';
import { routePaths } from './routes.ts';
import { type CaseGraph, isProtected } from '../core/types.ts';

/** Options of `findIntelligenceGaps`. */
export interface GapOptions {
  /** Person -> community, for syndicates found by community detection rather than recorded. */
  communities?: Record<string, string>;
  /** Gap in a facilitator's activity, in days, that counts as a silence. */
  silenceDays: number;
  /** Link types whose sourcing is not examined (structure the analyst drew, not reported facts). */
  unsourcedLinkTypes: readonly string[];
}

/** Defaults of `findIntelligenceGaps`. */
export const DEFAULTS: GapOptions = { silenceDays: 90, unsourcedLinkTypes: ['ROUTE_LEG', 'SAME_AS'] };

/** A link that rests on one source, or carries no grade. */
export interface WeakLink {
  edge: string;
  source: string;
  target: string;
  linkType: string;
  reasons: ('single source' | 'no source' | 'no grade')[];
}

/** What `findIntelligenceGaps` returns. */
export interface IntelligenceGaps {
  weakLinks: WeakLink[];
  /** Facilitators with no account and no payment. */
  noPaymentChannel: string[];
  /** Route legs with no vessel or vehicle known on them. */
  legsWithoutTransport: { route: string; from: string; to: string }[];
  /** Syndicates (Organisations of kind syndicate, or given communities) with no LEADS link and no organiser. */
  leaderless: string[];
  paymentsWithUnknownParty: { payment: string; missing: ('payer' | 'receiver')[] }[];
  silences: { person: string; from: string; to: string; days: number }[];
}

const DAY_MS = 86_400_000;

/** Finds the gaps in what the case knows. */
export function findIntelligenceGaps(graph: CaseGraph, options: Partial<GapOptions> = {}): IntelligenceGaps {
  if (!isGraph(graph)) {
    throw new Error(
      'ariadne/analysis/gaps: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)',
    );
  }
  const settings = { ...DEFAULTS, ...options };
  const facilitators = graph.filterNodes(
    (_n, a) => a.entityType === 'Person' && !isProtected(a) && (a.roles ?? []).length > 0,
  );
  return {
    weakLinks: findWeakLinks(graph, settings),
    noPaymentChannel: facilitators.filter((person) => !hasPaymentChannel(graph, person)),
    legsWithoutTransport: findLegsWithoutTransport(graph),
    leaderless: findLeaderless(graph, settings.communities),
    paymentsWithUnknownParty: findOrphanPayments(graph),
    silences: facilitators.flatMap((person) => findSilences(graph, person, settings.silenceDays)),
  };
}

function findWeakLinks(graph: CaseGraph, options: GapOptions): WeakLink[] {
  const weak: WeakLink[] = [];
  graph.forEachEdge((edge, link, source, target) => {
    if (options.unsourcedLinkTypes.includes(link.linkType)) return;
    const reasons: WeakLink['reasons'] = [];
    const sources = Array.isArray(link.sources) ? link.sources.length : 0;
    if (sources === 0) reasons.push('no source');
    if (sources === 1) reasons.push('single source');
    if (!link.grade) reasons.push('no grade');
    if (reasons.length > 0) weak.push({ edge, source, target, linkType: link.linkType, reasons });
  });
  // By link id, not by the order the graph was read in, which follows the database's storage.
  return weak.sort((a, b) => (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
}

const type = (graph: CaseGraph, node: string) => graph.getNodeAttribute(node, 'entityType');

function hasPaymentChannel(graph: CaseGraph, person: string): boolean {
  return graph.someEdge(person, (_edge, link) =>
    ['HOLDS_ACCOUNT', 'PAID', 'RECEIVED'].includes(link.linkType),
  );
}

/** Vessels and vehicles on a route: linked to it directly, or to one of its events. */
function transportsOf(graph: CaseGraph, route: string): { direct: boolean; places: Set<string> } {
  const isTransport = (node: string) => ['Vessel', 'Vehicle'].includes(type(graph, node));
  const places = new Set<string>();
  let direct = false;
  graph.forEachNeighbor(route, (neighbour) => {
    if (isTransport(neighbour)) direct = true;
    if (type(graph, neighbour) !== 'Event' || !graph.someNeighbor(neighbour, isTransport)) return;
    graph.forEachOutEdge(neighbour, (_edge, link, _event, place) => {
      if (link.linkType === 'LOCATED_IN') places.add(place);
    });
  });
  return { direct, places };
}

function findLegsWithoutTransport(graph: CaseGraph): IntelligenceGaps['legsWithoutTransport'] {
  const gaps: IntelligenceGaps['legsWithoutTransport'] = [];
  for (const { route, places } of routePaths(graph)) {
    const known = transportsOf(graph, route);
    if (known.direct) continue;
    for (let i = 0; i + 1 < places.length; i++) {
      const from = places[i] as string;
      const to = places[i + 1] as string;
      // A transport seen at either end of a leg, on this route's events, covers the leg.
      if (!known.places.has(from) && !known.places.has(to)) gaps.push({ route, from, to });
    }
  }
  return gaps;
}

function findLeaderless(graph: CaseGraph, communities?: Record<string, string>): string[] {
  const isOrganiser = (person: string) =>
    (graph.getNodeAttribute(person, 'roles') ?? []).includes('organiser');
  const leaderless: string[] = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.entityType !== 'Organisation' || attributes.kind !== 'syndicate') return;
    let led = false;
    graph.forEachInEdge(node, (_edge, link, person) => {
      if (link.linkType === 'LEADS' || (link.linkType === 'MEMBER_OF' && isOrganiser(person))) led = true;
    });
    if (!led) leaderless.push(node);
  });
  if (communities) {
    const members = new Map<string, string[]>();
    for (const [person, community] of Object.entries(communities)) {
      members.set(community, [...(members.get(community) ?? []), person]);
    }
    for (const [community, people] of members) {
      const led = people.some(
        (p) =>
          graph.hasNode(p) &&
          (isOrganiser(p) || graph.someOutEdge(p, (_e, link) => link.linkType === 'LEADS')),
      );
      if (!led) leaderless.push(community);
    }
  }
  return leaderless;
}

function findOrphanPayments(graph: CaseGraph): IntelligenceGaps['paymentsWithUnknownParty'] {
  const orphans: IntelligenceGaps['paymentsWithUnknownParty'] = [];
  graph.forEachNode((payment, attributes) => {
    if (attributes.entityType !== 'Payment') return;
    const missing: ('payer' | 'receiver')[] = [];
    if (!graph.someInEdge(payment, (_e, link) => link.linkType === 'PAID')) missing.push('payer');
    if (!graph.someOutEdge(payment, (_e, link) => link.linkType === 'RECEIVED')) missing.push('receiver');
    if (missing.length > 0) orphans.push({ payment, missing });
  });
  return orphans;
}

/** Dates of a person's activity: dated links, and the dates of linked events, payments and offences. */
function activityDates(graph: CaseGraph, person: string): string[] {
  const dates: string[] = [];
  graph.forEachEdge(person, (_edge, link, source, target) => {
    if (typeof link.date === 'string') dates.push(link.date);
    const other = source === person ? target : source;
    const date = graph.getNodeAttribute(other, 'date');
    if (typeof date === 'string' && ['Event', 'Payment', 'Offence'].includes(type(graph, other)))
      dates.push(date);
  });
  return dates;
}

function findSilences(graph: CaseGraph, person: string, days: number): IntelligenceGaps['silences'] {
  const dates = [...new Set(activityDates(graph, person).map((d) => d.slice(0, 10)))].sort();
  const silences: IntelligenceGaps['silences'] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const from = dates[i] as string;
    const to = dates[i + 1] as string;
    const gap = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
    if (gap > days) silences.push({ person, from, to, days: gap });
  }
  return silences;
}
