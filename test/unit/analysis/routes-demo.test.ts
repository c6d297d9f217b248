import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/types.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../../seeds/demo/types.ts';
import { compareRoutes, findHotspots } from '../../../analysis/routes.ts';

/** The demo case as the store projects it: `type` becomes entityType or linkType, `kind` a field. */
function demoGraph() {
  const demo = generateDemoCase();
  const graph: CaseGraph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  for (const r of demo.records) {
    if (isLinkRecord(r)) continue;
    const { type, kind, ...rest } = r;
    graph.addNode(r.id, { ...rest, entityType: type, ...(kind === 'entity' ? {} : { kind }) });
  }
  for (const r of demo.records) {
    if (!isLinkRecord(r) || !graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    const { type, kind: _kind, ...rest } = r;
    graph.addEdgeWithKey(r.id, r.source, r.target, { ...rest, linkType: type });
  }
  return { graph, truth: demo.truth };
}

describe('routes and hotspots of the demo case', () => {
  const { graph, truth } = demoGraph();

  it('ranks first the place the demo makes busiest, when sources and destinations count', () => {
    expect(findHotspots(graph, { includeEndpoints: true })[0]?.location).toBe(truth.busiestHotspot);
  });

  it('sees the planted route appear, the planted routes fade and the planted departure shift, from 2024 to 2025', () => {
    const change = compareRoutes(graph, {
      before: { from: '2024-01-01', until: '2024-12-31' },
      after: { from: '2025-01-01', until: '2025-12-31' },
    });
    const dynamics = truth.routeDynamics;
    expect(change.appeared.flatMap((c) => c.routes.after).sort()).toEqual([...dynamics.appears].sort());
    expect(change.faded.flatMap((c) => c.routes.before).sort()).toEqual([...dynamics.fades].sort());
    expect(change.shifted.map((c) => [c.routes.before, c.routes.after])).toEqual(
      dynamics.shifts.map((s) => [[s.fromRouteId], [s.toRouteId]]),
    );
  });
});
