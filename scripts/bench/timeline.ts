/**
 * Timeline benchmark: what the timeline under the canvas costs for a large view, in Node (the work is
 * the same in the page; drawing is a constant ~10 rows in sight). On the demo case at scales 1, 4 and
 * 10 it times building the lanes (web/src/graph/timeline-lanes.ts, run after the canvas's frame when
 * what the view holds changes) and counting the records in a window (run on each window change), and
 * prints each next to the references: the visibility pass the canvas itself runs on every view change
 * (web/src/graph/visibility.ts shownItems) and one frame at 60 Hz (16.7 ms).
 * Usage: node --import tsx scripts/bench/timeline.ts [--scales 1,4,10] [--runs 7]
 * It prints figures; nothing here is a test.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { createDataGraph, type DataGraph } from '../../web/src/graph/data-graph.ts';
import type { Insights } from '../../web/src/graph/derived.ts';
import { buildLanes, itemInWindow } from '../../web/src/graph/timeline-lanes.ts';
import { EMPTY_VIEW } from '../../web/src/graph/view-state.ts';
import { compileView, isEdgeShown, isNodeShown, shownItems } from '../../web/src/graph/visibility.ts';
import { medianTime } from './median-time.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,4,10' }, runs: { type: 'string', default: '7' } },
});
const scales = values.scales.split(',').map(Number);
const runs = Number(values.runs);
const FRAME_MS = 1000 / 60;

function demoDataGraph(scale: number): DataGraph {
  const graph = createDataGraph();
  const links: { id: string; source: string; target: string; attributes: Record<string, unknown> }[] = [];
  for (const record of generateDemoCase({ scale }).records) {
    const {
      kind: _kind,
      type,
      id,
      ...rest
    } = record as Record<string, unknown> & { type: string; id: string };
    if (record.kind === 'link') {
      const { source, target, ...attributes } = rest as { source: string; target: string };
      links.push({ id, source, target, attributes: { ...attributes, linkType: type } });
    } else graph.addNode(id, { ...rest, entityType: type, x: 0, y: 0 } as never);
  }
  for (const { id, source, target, attributes } of links)
    if (graph.hasNode(source) && graph.hasNode(target))
      graph.addDirectedEdgeWithKey(id, source, target, attributes as never);
  return graph;
}

/** The median of `runs` timings of `work`, in ms. */
const time = (work: () => unknown): number => medianTime(runs, work);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

console.log(`Timeline benchmark; load average ${load()}; median of ${runs}`);
console.log(
  'scale | entities | links | lanes | items | build lanes | visibility pass | lanes / visibility | count in window | one frame',
);
for (const scale of scales) {
  const graph = demoDataGraph(scale);
  const view = compileView(EMPTY_VIEW);
  const insights = { categories: new Map() } as unknown as Insights;
  const origins = new Map();
  const input = {
    graph,
    nodeShown: (node: string) => isNodeShown(view, origins, insights, node, graph.getNodeAttributes(node)),
    edgeShown: (attributes: Parameters<typeof isEdgeShown>[1]) => isEdgeShown(view, attributes),
    syndicateOf: () => undefined,
  };
  const lanes = buildLanes(input);
  const build = time(() => buildLanes(input));
  const visibility = time(() => shownItems(graph, view, origins, insights));
  const window = { from: '2024-03-01', to: '2024-03-31' };
  const inWindow = time(() => lanes.items.filter((item) => itemInWindow(item, window)).length);
  const laneCount = lanes.groups.reduce((sum, group) => sum + group.lanes.length, 0);
  console.log(
    `${scale} | ${graph.order} | ${graph.size} | ${laneCount} | ${lanes.items.length} | ${build.toFixed(1)} ms | ${visibility.toFixed(1)} ms | ${(build / visibility).toFixed(2)}x | ${inWindow.toFixed(2)} ms | ${FRAME_MS.toFixed(1)} ms`,
  );
}
console.log(`Load average after: ${load()}`);
