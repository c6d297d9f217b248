import { describe, expect, it } from 'vitest';
import type { LayoutInput } from '../../../web/src/graph/group-layout.ts';
import { type FramedLayout, fitLabels, labelsApart } from '../../../web/src/graph/label-fit.ts';

/** Groups in one row, `gap` graph units apart, each with a 100-pixel label. */
function row(count: number, gap: number, scale: number): { layout: FramedLayout; input: LayoutInput } {
  const positions = new Map(Array.from({ length: count }, (_, i) => [`g${i}`, { x: i * gap, y: 0 }]));
  const input: LayoutInput = {
    containers: new Map([...positions.keys()].map((k) => [k, []])),
    position: positions,
    radius: new Map([...positions.keys()].map((k) => [k, 10])),
    labelWidth: new Map([...positions.keys()].map((k) => [k, 100])),
    links: [],
  };
  return { layout: { positions, box: { x: [0, 1], y: [0, 1] }, scale }, input };
}

describe('labelsApart', () => {
  it('counts the labels that would be drawn apart at the layout scale', () => {
    // 130 units apart: at 1 unit a pixel every 100-pixel label fits; at 2, every other one.
    expect(labelsApart(row(6, 130, 1).layout, row(6, 130, 1).input)).toBe(6);
    expect(labelsApart(row(6, 130, 2).layout, row(6, 130, 2).input)).toBe(3);
  });
});

describe('fitLabels', () => {
  it('makes the layout again until labels are laid out as wide as they are drawn', () => {
    const tried: number[] = [];
    // A layout whose frame scale grows by half the label scale: the fixed point is at 2.
    const result = fitLabels(
      (labelScale) => {
        tried.push(labelScale);
        const scale = 1 + labelScale / 2;
        return { ...row(4, 130 * labelScale, scale).layout, scale };
      },
      row(4, 130, 1).input,
    );
    expect(tried.length).toBeGreaterThan(1);
    const last = tried[tried.length - 1] as number;
    expect(result.scale).toBeLessThanOrEqual(last * 1.02);
    expect(last).toBeGreaterThanOrEqual(1.95);
  });

  it('keeps the layout that shows the most labels apart when labels cannot all fit', () => {
    // The frame always grows faster than the labels: no fixed point. Rows spread only up to a point.
    const result = fitLabels(
      (labelScale) => {
        const scale = 2 * labelScale;
        return { ...row(8, 130 * Math.min(labelScale, 2) * 2, scale).layout, scale };
      },
      row(8, 130, 1).input,
    );
    const { input } = row(8, 130, 1);
    expect(labelsApart(result, input)).toBe(8);
    expect(result.scale).toBeLessThanOrEqual(4.5);
  });
});
