import { describe, expect, it } from 'vitest';
import { detectCommunities } from '../../../analysis/communities/communities.ts';
import { normalizedMutualInformation } from '../../../analysis/communities/compare.ts';
import { isProtected } from '../../../analysis/core/types.ts';
import { toWeightedUndirected } from '../../../analysis/core/undirected.ts';
import { demoGraph } from '../../helpers/demo-graph.ts';

const { graph, truth } = demoGraph();
const plantedCell = Object.fromEntries(truth.cells.flatMap((c) => c.members.map((id) => [id, c.key])));
const detected = detectCommunities(graph, { seed: 1, cells: true });
const cells = detected.cells?.cells ?? [];
const cellOf = detected.cells?.membership ?? {};

describe('the cells of the demo case', () => {
  it('recovers the planted cells with NMI of at least 0.9 over the facilitators', () => {
    const found = Object.fromEntries(Object.keys(plantedCell).map((id) => [id, cellOf[id] ?? -1]));
    expect(normalizedMutualInformation(plantedCell, found)).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every planted working cell whole, as a cell inside its own syndicate', () => {
    for (const planted of truth.cells) {
      const syndicate = truth.syndicates.find((s) => s.key === planted.syndicate);
      const community = detected.membership[syndicate?.organisationId ?? ''];
      for (const id of planted.members) expect(detected.membership[id], id).toBe(community);
      if (planted.kind === 'leadership') continue;
      const found = new Set(planted.members.map((id) => cellOf[id]));
      expect(found.size, `${planted.key} is split`).toBe(1);
      expect(cells[[...found][0] as number]?.parent).toBe(community);
    }
  });

  it('ties the facilitators of each cell to each other without going through smuggled persons', () => {
    // The ties the cells were found on: payments bridged into payer-payee ties.
    const ties = toWeightedUndirected(graph);
    for (const cell of cells) {
      const facilitators = cell.members.filter((id) => id in truth.facilitators);
      const open = new Set(cell.members.filter((id) => !isProtected(graph.getNodeAttributes(id))));
      const seen = new Set(facilitators.slice(0, 1));
      const queue = facilitators.slice(0, 1);
      while (queue.length > 0) {
        const node = queue.pop() as string;
        for (const next of ties.neighbors(node)) {
          if (open.has(next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      const reached = facilitators.filter((id) => seen.has(id));
      expect(reached, `cell ${cell.id} is held together by passengers`).toEqual(facilitators);
    }
  });
});
