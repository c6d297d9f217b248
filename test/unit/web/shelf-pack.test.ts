import { describe, expect, it } from 'vitest';
import type { Box } from '../../../web/src/graph/separate-boxes.ts';
import { shelfPack } from '../../../web/src/graph/shelf-pack.ts';

/** A closed group's box: a small disc with a long label on its right. */
const labelled = (x: number, y: number, label = 190): Box => ({
  x,
  y,
  left: 8,
  right: 8 + label,
  up: 10,
  down: 10,
});

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) > 1e-9 &&
  Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up) > 1e-9;

function extent(boxes: Box[]) {
  const xs = boxes.flatMap((b) => [b.x - b.left, b.x + b.right]);
  const ys = boxes.flatMap((b) => [b.y - b.up, b.y + b.down]);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

describe('shelfPack', () => {
  it('packs 44 labelled groups in a 640 x 560 viewport, none covering another', () => {
    const boxes = Array.from({ length: 44 }, (_, i) =>
      labelled(Math.cos(i * 2.4) * 100 * Math.sqrt(i), Math.sin(i * 2.4) * 100 * Math.sqrt(i)),
    );
    shelfPack(boxes, 640 / 560);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
    const { width, height } = extent(boxes);
    expect(width).toBeLessThanOrEqual(640);
    expect(height).toBeLessThanOrEqual(560);
  });

  it('keeps the order the boxes stood in: rows top to bottom by y, each left to right by x', () => {
    const boxes = [labelled(0, 100, 50), labelled(300, 0, 50), labelled(-300, 0, 50), labelled(0, -100, 50)];
    shelfPack(boxes, 1);
    const [lowest, right, left, highest] = boxes as [Box, Box, Box, Box];
    expect(highest.y).toBeLessThan(left.y);
    expect(right.y).toBeLessThan(lowest.y);
    // Left of right: a row above it, or before it in the same row.
    expect(left.y < right.y || (left.y === right.y && left.x < right.x)).toBe(true);
  });

  it('packs boxes of mixed sizes (an open region among closed groups) without overlap', () => {
    const region: Box = { x: 0, y: 0, left: 200, right: 200, up: 200, down: 200 };
    const boxes = [
      region,
      ...Array.from({ length: 20 }, (_, i) => labelled(i * 37 - 300, (i % 5) * 90 - 200)),
    ];
    shelfPack(boxes, 1.4);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlap(boxes[i] as Box, boxes[j] as Box)).toBe(false);
  });

  it('leaves no boxes alone', () => {
    const boxes: Box[] = [];
    shelfPack(boxes, 1);
    expect(boxes).toEqual([]);
  });
});
