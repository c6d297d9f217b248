/**
 * How the money panel orders what the run found: flows between groups apart from flows within one
 * group (which would otherwise fill the Sankey and hide the flows between syndicates), and the
 * typology hits grouped by kind, largest amount first.
 */
import type { GroupFlow, TypologyHit } from '../api/analyses.ts';

/** Flows between two groups, and flows within one, each largest first. */
export function splitFlows(flows: readonly GroupFlow[]): { between: GroupFlow[]; within: GroupFlow[] } {
  const byTotal = (a: GroupFlow, b: GroupFlow) => b.total - a.total || b.count - a.count;
  return {
    between: flows.filter((f) => f.from !== f.to).sort(byTotal),
    within: flows.filter((f) => f.from === f.to).sort(byTotal),
  };
}

/** The hits of one typology, with their count and total. */
export interface HitGroup {
  kind: TypologyHit['kind'];
  total: number;
  /** The hits with their index in the run's list, largest amount first. */
  hits: { hit: TypologyHit; index: number }[];
}

/** Typology hits grouped by kind; groups by total and hits by amount, largest first. */
export function groupHits(hits: readonly TypologyHit[]): HitGroup[] {
  const groups = new Map<TypologyHit['kind'], HitGroup>();
  hits.forEach((hit, index) => {
    const group = groups.get(hit.kind) ?? { kind: hit.kind, total: 0, hits: [] };
    group.total = Math.round((group.total + hit.total) * 100) / 100;
    group.hits.push({ hit, index });
    groups.set(hit.kind, group);
  });
  for (const group of groups.values())
    group.hits.sort((a, b) => b.hit.total - a.hit.total || b.hit.payments.length - a.hit.payments.length);
  return [...groups.values()].sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind));
}
