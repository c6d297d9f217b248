/**
 * Vessels and vehicles: renamings and reflagging (a boat that changes name or flag between voyages
 * is a known concealment technique; UNODC 2011, "Smuggling of Migrants by Sea", issue paper, and the
 * IMO ship identification number scheme, resolution A.1117(30)), vessels that share an IMO number or
 * MMSI, and vehicles that share a plate (cloned identities). Each finding carries the events the
 * vessel or vehicle was involved in and the payments linked to it or to those events.
 */
import { isGraph } from 'graphology-utils';
import { findSharedIdentifiers } from './identity.ts';
import type { CaseGraph } from '../core/types.ts';

/** Events and payments around a vessel or vehicle. */
export interface Involvement {
  events: string[];
  payments: string[];
}

/** A vessel whose name or flag changed. */
export interface VesselHistory extends Involvement {
  vessel: string;
  name?: string;
  pastNames: string[];
  flag?: string;
  pastFlags: string[];
  renamed: boolean;
  reflagged: boolean;
}

/** Vessels or vehicles carrying one identifier. */
export interface SharedTransportIdentifier extends Involvement {
  entityType: string;
  key: string;
  value: string;
  nodes: string[];
}

/** What `analyseVessels` returns. */
export interface VesselAnalysis {
  histories: VesselHistory[];
  sharedIdentifiers: SharedTransportIdentifier[];
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];

const fold = (s: string) => s.trim().toUpperCase().replace(/\s+/g, ' ');

/** The events a vessel or vehicle took part in, and payments linked to it or to those events. */
export function involvementOf(graph: CaseGraph, node: string): Involvement {
  const events = new Set<string>();
  const payments = new Set<string>();
  const typeOf = (n: string) => graph.getNodeAttribute(n, 'entityType');
  graph.forEachNeighbor(node, (neighbour) => {
    if (typeOf(neighbour) === 'Event') events.add(neighbour);
    if (typeOf(neighbour) === 'Payment') payments.add(neighbour);
  });
  for (const event of events) {
    graph.forEachNeighbor(event, (neighbour) => {
      if (typeOf(neighbour) === 'Payment') payments.add(neighbour);
    });
  }
  return { events: [...events].sort(), payments: [...payments].sort() };
}

/** Renamed and reflagged vessels, and vessels or vehicles sharing an IMO, MMSI or plate. */
export function analyseVessels(graph: CaseGraph): VesselAnalysis {
  if (!isGraph(graph)) {
    throw new Error(
      'ariadne/analysis/vessels: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)',
    );
  }
  const histories: VesselHistory[] = [];
  graph.forEachNode((vessel, attributes) => {
    if (attributes.entityType !== 'Vessel') return;
    const name = typeof attributes.name === 'string' ? attributes.name : undefined;
    const flag = typeof attributes.flag === 'string' ? attributes.flag : undefined;
    // A past name or flag equal to the current one records no change.
    const pastNames = strings(attributes.pastNames).filter((n) => !name || fold(n) !== fold(name));
    const pastFlags = strings(attributes.pastFlags).filter((f) => !flag || fold(f) !== fold(flag));
    if (pastNames.length === 0 && pastFlags.length === 0) return;
    const history: VesselHistory = {
      vessel,
      pastNames,
      pastFlags,
      renamed: pastNames.length > 0,
      reflagged: pastFlags.length > 0,
      ...involvementOf(graph, vessel),
    };
    if (name) history.name = name;
    if (flag) history.flag = flag;
    histories.push(history);
  });
  const sharedIdentifiers = findSharedIdentifiers(graph, ['Vessel', 'Vehicle']).map((group) => {
    const involvement = group.nodes.map((n) => involvementOf(graph, n));
    return {
      ...group,
      events: [...new Set(involvement.flatMap((i) => i.events))].sort(),
      payments: [...new Set(involvement.flatMap((i) => i.payments))].sort(),
    };
  });
  return { histories, sharedIdentifiers };
}
