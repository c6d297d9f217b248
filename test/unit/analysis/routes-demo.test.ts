import { describe, expect, it } from 'vitest';
import { demoGraph } from '../../helpers/demo-graph.ts';
import { compareRoutes, findHotspots } from '../../../analysis/findings/routes.ts';

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
