import { describe, expect, it } from 'vitest';
import { demoGraph } from '../../helpers/demo-graph.ts';
import { analyseVessels } from '../../../analysis/findings/vessels.ts';

describe('vessels of the demo case', () => {
  const { graph, truth } = demoGraph();

  it('finds exactly the renamed and reflagged vessels, with their past names and flags', () => {
    const histories = analyseVessels(graph).histories;
    expect(
      histories.map((h) => ({
        vesselId: h.vessel,
        name: h.name,
        pastNames: h.pastNames,
        pastFlags: h.pastFlags,
      })),
    ).toEqual(truth.renamedVessels);
  });
});
