/**
 * Routes and hotspots. Each Route's ROUTE_LEG links, in `order`, give a path from source to
 * destination through transit places; TRAVELLED links give the journeys along it, and Events placed
 * by LOCATED_IN give the incidents (interceptions, shipwrecks, arrests). Hotspots rank transit places
 * by journeys, syndicates and incidents, as the route and hotspot chapters of the Europol-INTERPOL
 * (2016) "Migrant Smuggling Networks" joint report do; `compareRoutes` finds routes that appear,
 * shift or fade between two periods (Frontex Risk Analysis practice of tracking route displacement).
 */
import { isGraph } from 'graphology-utils';
import type { CaseGraph } from '../core/types.ts';

/** One route as an ordered list of places. */
export interface RoutePath {
  route: string;
  places: string[];
}

/** A leg of the location graph, with the routes that use it and the journeys along them. */
export interface LocationLeg {
  from: string;
  to: string;
  routes: string[];
  journeys: number;
}

/** A transit place and what happens there. */
export interface Hotspot {
  location: string;
  name?: string;
  journeys: number;
  routes: string[];
  syndicates: string[];
  /** Events located there (crossings, meetings, incidents). */
  events: number;
  incidents: Record<string, number>;
  deaths: number;
  /** Journeys + 5 per syndicate + 1 per event + 2 more per incident: a ranking aid, never a threat grade. */
  score: number;
}

/** Options of `findHotspots`. */
export interface HotspotOptions {
  /** Person -> syndicate (a community, or an Organisation id); by default MEMBER_OF a syndicate. */
  membership?: Record<string, string>;
  /** Event kinds counted as incidents. */
  incidentKinds: readonly string[];
  /** Also rank sources and destinations, not only transit places. */
  includeEndpoints: boolean;
}

/** Defaults of `findHotspots`. */
export const DEFAULTS: HotspotOptions = {
  incidentKinds: ['interception', 'shipwreck', 'arrest'],
  includeEndpoints: false,
};

function check(graph: unknown, fn: string): void {
  if (!isGraph(graph)) {
    throw new Error(
      `ariadne/analysis/routes: ${fn} needs a graphology instance (did you pass the projection result instead of its graph?)`,
    );
  }
}

const has = (graph: CaseGraph, node: string, type: string) =>
  graph.getNodeAttribute(node, 'entityType') === type;

/** Every route's places in leg order (first = source, last = destination). */
export function routePaths(graph: CaseGraph): RoutePath[] {
  check(graph, 'routePaths');
  const paths: RoutePath[] = [];
  graph.forEachNode((route, attributes) => {
    if (attributes.entityType !== 'Route') return;
    const legs: { order: number; place: string }[] = [];
    graph.forEachOutEdge(route, (_edge, link, _source, place) => {
      if (link.linkType === 'ROUTE_LEG')
        legs.push({ order: typeof link.order === 'number' ? link.order : legs.length, place });
    });
    legs.sort((a, b) => a.order - b.order);
    if (legs.length > 0) paths.push({ route, places: legs.map((l) => l.place) });
  });
  return paths;
}

/** Travellers per route (TRAVELLED Person -> Route), with the dates of their travels. */
function travelsOf(graph: CaseGraph, route: string): { person: string; date?: string }[] {
  const travels: { person: string; date?: string }[] = [];
  graph.forEachInEdge(route, (_edge, link, person) => {
    if (link.linkType === 'TRAVELLED') travels.push(link.date ? { person, date: link.date } : { person });
  });
  return travels;
}

/** The location graph: consecutive places of each route joined by a leg weighted by journeys. */
export function buildLocationGraph(graph: CaseGraph): { legs: LocationLeg[] } {
  check(graph, 'buildLocationGraph');
  const legs = new Map<string, LocationLeg>();
  for (const { route, places } of routePaths(graph)) {
    const journeys = travelsOf(graph, route).length;
    for (let i = 0; i + 1 < places.length; i++) {
      const from = places[i] as string;
      const to = places[i + 1] as string;
      const key = JSON.stringify([from, to]);
      const leg = legs.get(key) ?? { from, to, routes: [], journeys: 0 };
      leg.routes.push(route);
      leg.journeys += journeys;
      legs.set(key, leg);
    }
  }
  return { legs: [...legs.values()].sort((a, b) => b.journeys - a.journeys) };
}

function defaultMembership(graph: CaseGraph): Record<string, string> {
  const membership: Record<string, string> = {};
  graph.forEachEdge((_edge, link, person, organisation) => {
    if (link.linkType !== 'MEMBER_OF' && link.linkType !== 'LEADS') return;
    if (has(graph, person, 'Person') && graph.getNodeAttribute(organisation, 'kind') === 'syndicate') {
      membership[person] = organisation;
    }
  });
  return membership;
}

/** Transit places ranked by journeys through them, syndicates active there and incidents. */
export function findHotspots(graph: CaseGraph, options: Partial<HotspotOptions> = {}): Hotspot[] {
  check(graph, 'findHotspots');
  const settings = { ...DEFAULTS, ...options };
  const membership = settings.membership ?? defaultMembership(graph);
  const spots = new Map<string, Hotspot>();
  const spot = (location: string): Hotspot => {
    const known = spots.get(location);
    if (known) return known;
    const name = graph.getNodeAttribute(location, 'name');
    const created: Hotspot = {
      location,
      journeys: 0,
      routes: [],
      syndicates: [],
      events: 0,
      incidents: {},
      deaths: 0,
      score: 0,
    };
    if (name) created.name = name;
    spots.set(location, created);
    return created;
  };
  const syndicatesAt = new Map<string, Set<string>>();
  const addSyndicate = (location: string, person: string) => {
    const syndicate = membership[person];
    if (syndicate) syndicatesAt.set(location, (syndicatesAt.get(location) ?? new Set()).add(syndicate));
  };
  for (const { route, places } of routePaths(graph)) {
    const transit = settings.includeEndpoints ? places : places.slice(1, -1);
    const travels = travelsOf(graph, route);
    const facilitators = peopleOn(graph, route);
    for (const place of transit) {
      const s = spot(place);
      s.journeys += travels.length;
      s.routes.push(route);
      for (const person of [...travels.map((t) => t.person), ...facilitators]) addSyndicate(place, person);
    }
  }
  countIncidents(graph, settings, spot, addSyndicate);
  for (const s of spots.values()) {
    s.syndicates = [...(syndicatesAt.get(s.location) ?? [])].sort();
    const incidents = Object.values(s.incidents).reduce((a, b) => a + b, 0);
    s.score = s.journeys + 5 * s.syndicates.length + s.events + 2 * incidents;
  }
  return [...spots.values()].sort((a, b) => b.score - a.score || a.location.localeCompare(b.location));
}

/** People linked to a route other than by travelling it (organisers, guides: any non-TRAVELLED link). */
function peopleOn(graph: CaseGraph, route: string): string[] {
  const people: string[] = [];
  graph.forEachNeighbor(route, (neighbour) => {
    if (has(graph, neighbour, 'Person')) people.push(neighbour);
  });
  return people;
}

function countIncidents(
  graph: CaseGraph,
  settings: HotspotOptions,
  spot: (location: string) => Hotspot,
  addSyndicate: (location: string, person: string) => void,
): void {
  graph.forEachNode((event, attributes) => {
    if (attributes.entityType !== 'Event') return;
    const kind = attributes.kind ?? '';
    graph.forEachOutEdge(event, (_edge, link, _source, location) => {
      if (link.linkType !== 'LOCATED_IN' || !has(graph, location, 'Location')) return;
      const s = spot(location);
      s.events++;
      if (settings.incidentKinds.includes(kind)) s.incidents[kind] = (s.incidents[kind] ?? 0) + 1;
      if (typeof attributes.deaths === 'number') s.deaths += attributes.deaths;
      graph.forEachNeighbor(event, (person) => {
        if (has(graph, person, 'Person')) addSyndicate(location, person);
      });
    });
  });
}

/** A period, as ISO dates, both ends included. */
export interface Period {
  from: string;
  until: string;
}

/** A corridor (source to destination) and its transit paths in each period. */
export interface RouteChange {
  source: string;
  destination: string;
  /** Transit places of each active route, in order. */
  before: string[][];
  after: string[][];
  routes: { before: string[]; after: string[] };
}

/** What `compareRoutes` returns. */
export interface RouteComparison {
  appeared: RouteChange[];
  /** Same source and destination, different transit. */
  shifted: RouteChange[];
  faded: RouteChange[];
  stable: RouteChange[];
}

/** Dates on which a route was used: its TRAVELLED links and the Events linked to it. */
function activityDates(graph: CaseGraph, route: string): string[] {
  const dates = travelsOf(graph, route).flatMap((t) => (t.date ? [t.date] : []));
  graph.forEachNeighbor(route, (_neighbour, attributes) => {
    if (attributes.entityType === 'Event' && typeof attributes.date === 'string') dates.push(attributes.date);
  });
  return dates;
}

const inPeriod = (date: string, period: Period) =>
  date.slice(0, 10) >= period.from.slice(0, 10) && date.slice(0, 10) <= period.until.slice(0, 10);

/** Routes that appear, shift (same ends, other transit) or fade between two periods. */
export function compareRoutes(graph: CaseGraph, periods: { before: Period; after: Period }): RouteComparison {
  check(graph, 'compareRoutes');
  if (!periods?.before?.from || !periods?.after?.from) {
    throw new Error(
      "ariadne/analysis/routes: compareRoutes needs 'before' and 'after' periods ({from, until} ISO dates).",
    );
  }
  const corridors = new Map<string, RouteChange>();
  for (const { route, places } of routePaths(graph)) {
    if (places.length < 2) continue;
    const dates = activityDates(graph, route);
    const source = places[0] as string;
    const destination = places[places.length - 1] as string;
    const key = JSON.stringify([source, destination]);
    const change = corridors.get(key) ?? {
      source,
      destination,
      before: [],
      after: [],
      routes: { before: [], after: [] },
    };
    for (const side of ['before', 'after'] as const) {
      if (!dates.some((d) => inPeriod(d, periods[side]))) continue;
      change[side].push(places.slice(1, -1));
      change.routes[side].push(route);
    }
    corridors.set(key, change);
  }
  const result: RouteComparison = { appeared: [], shifted: [], faded: [], stable: [] };
  const signature = (paths: string[][]) => new Set(paths.map((p) => JSON.stringify(p)));
  for (const change of corridors.values()) {
    const was = change.before.length > 0;
    const is = change.after.length > 0;
    if (!was && is) result.appeared.push(change);
    else if (was && !is) result.faded.push(change);
    else if (was && is) {
      const before = signature(change.before);
      const after = signature(change.after);
      const same = before.size === after.size && [...before].every((p) => after.has(p));
      (same ? result.stable : result.shifted).push(change);
    }
  }
  return result;
}
