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

describe('fitLabels, cutting labels', () => {
  /**
   * Six groups in a row in a 600-pixel viewport: each takes 30 units and its label's width in graph
   * units, so the frame's scale is 0.3 + (width / 100) x the label scale. Labels of 200 pixels never
   * fit; under 96 pixels they do, below MAX_LABEL_SCALE.
   */
  function make(labelScale: number, widths: Map<string, number>): FramedLayout {
    let x = 0;
    const positions = new Map<string, { x: number; y: number }>();
    for (const [node, width] of widths) {
      positions.set(node, { x: x + 10, y: 0 });
      x += 30 + width * labelScale;
    }
    const scale = Math.max(1, x / 600);
    return { positions, box: { x: [0, 600 * scale], y: [0, 500 * scale] }, scale };
  }
  const input = (least: number | null): LayoutInput => {
    const keys = Array.from({ length: 6 }, (_, i) => `g${i}`);
    return {
      containers: new Map(keys.map((k) => [k, []])),
      position: new Map(keys.map((k) => [k, { x: 0, y: 0 }])),
      radius: new Map(keys.map((k) => [k, 10])),
      labelWidth: new Map(keys.map((k) => [k, 200])),
      ...(least === null ? {} : { labelLeast: new Map(keys.map((k) => [k, least])) }),
      links: [],
    };
  };

  it('cuts the widest labels, step by step, to the first widths at which every label is laid out apart', () => {
    const result = fitLabels(make, input(40));
    const widths = [...result.labelWidth.values()];
    // 200 -> 160 -> 128 -> 102.4 -> 81.92: the first under 96.
    for (const width of widths) expect(width).toBeCloseTo(81.92, 1);
    expect(labelsApart(result, { ...input(40), labelWidth: result.labelWidth })).toBe(6);
    expect(result.scale).toBeLessThanOrEqual(8);
  });

  it('never cuts a label below its least width, and keeps the layout with the most apart', () => {
    const result = fitLabels(make, input(120));
    for (const width of result.labelWidth.values()) expect(width).toBeGreaterThanOrEqual(120);
  });

  it('never cuts labels that have no least width', () => {
    const result = fitLabels(make, input(null));
    for (const width of result.labelWidth.values()) expect(width).toBe(200);
  });
});
