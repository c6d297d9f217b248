import { describe, expect, it } from 'vitest';
import { clashingLabels, type LabelBox } from '../../../web/src/graph/label-declutter.ts';

const box = (node: string, left: number, top: number, width = 100): LabelBox => ({
  node,
  text: node,
  left,
  top,
  right: left + width,
  bottom: top + 15,
});

const RANK: Record<string, number> = { syndicate: 2, cell: 2, payments: 1, places: 1, person: 0 };
const rank = (node: string) => RANK[node.replace(/-.*/, '')] ?? 0;

describe('labels of different ranks that never cover each other', () => {
  it('hold back a label that covers a higher-ranked one, and keep the rest', () => {
    const boxes = [
      box('syndicate-1', 0, 0, 160),
      box('payments', 120, 5),
      box('places', 0, 40),
      box('person-1', 90, 44),
    ];
    expect([...clashingLabels(boxes, rank)]).toEqual(['payments', 'person-1']);
  });

  it('leave labels of the same rank to sigma, and let one held back by a held label come back', () => {
    expect([...clashingLabels([box('cell-1', 0, 0), box('cell-2', 50, 10)], rank)]).toEqual([]);
    // The person clashes only with the payments group, which the syndicate holds back.
    const boxes = [box('syndicate-1', 0, 0), box('payments', 50, 10), box('person-1', 120, 20)];
    expect([...clashingLabels(boxes, rank)]).toEqual(['payments']);
  });
});
