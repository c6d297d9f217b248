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

describe('labels that never cover each other', () => {
  it('hold back each label that covers one laid before it, and keep the rest', () => {
    // In priority order: a syndicate, a payments group, the places group, a person.
    const boxes = [
      box('syndicate-1', 0, 0, 160),
      box('payments', 120, 5),
      box('places', 0, 40),
      box('person-1', 90, 44),
    ];
    expect([...clashingLabels(boxes)]).toEqual(['payments', 'person-1']);
  });

  it('hold back the later of two labels of the same rank, as sigma draws forced labels anywhere', () => {
    expect([...clashingLabels([box('cell-1', 0, 0), box('cell-2', 50, 10)])]).toEqual(['cell-2']);
  });

  it('let a label covered only by a held one be drawn', () => {
    // The person clashes only with the payments group, which the syndicate holds back.
    const boxes = [box('syndicate-1', 0, 0), box('payments', 50, 10), box('person-1', 120, 20)];
    expect([...clashingLabels(boxes)]).toEqual(['payments']);
  });

  it('keep labels that only touch', () => {
    expect([...clashingLabels([box('a', 0, 0), box('b', 100, 0), box('c', 0, 15)])]).toEqual([]);
  });
});
