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

  it('hold back a group label that covers a group label of its rank laid before, not an entity label', () => {
    const groups = [
      box('syndicate-1', 0, 0),
      box('cell-2', 50, 10),
      box('cell-3', 0, 16),
      box('places', 0, 40),
    ];
    expect([...clashingLabels(groups, rank, 0)]).toEqual(['cell-2']);
    const apart = [box('places', 0, 0), box('payments', 50, 10)];
    expect([...clashingLabels(apart, rank, 0)]).toEqual(['payments']);
    expect([...clashingLabels([box('person-1', 0, 0), box('person-2', 50, 10)], rank, 0)]).toEqual([]);
  });

  it('keep most group labels drawn in a crowded view, holding back those that cover the most', () => {
    // Ten cells in a row, each covering its neighbours: at most two of ten may be held back.
    const row = Array.from({ length: 10 }, (_, i) => box(`cell-${i}`, i * 60, 0));
    const held = clashingLabels(row, rank, 0.8);
    expect(held.size).toBe(2);
    // Laid greedily, the odd cells clash; the two held cover two laid labels each, not the last one.
    expect([...held].every((node) => node !== 'cell-9')).toBe(true);
    // Uncrowded, every clash is held back.
    expect(clashingLabels(row, rank, 0).size).toBe(5);
  });

  it('let a label held back only by a held label come back', () => {
    // The person clashes only with the payments group, which the syndicate holds back.
    const boxes = [box('syndicate-1', 0, 0), box('payments', 50, 10), box('person-1', 120, 20)];
    expect([...clashingLabels(boxes, rank)]).toEqual(['payments']);
  });
});
