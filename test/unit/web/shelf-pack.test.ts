import { describe, expect, it } from 'vitest';
import type { Box } from '../../../web/src/graph/separate-boxes.ts';
import { blockPack, shelfPack } from '../../../web/src/graph/shelf-pack.ts';

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

describe('blockPack', () => {
  /** Two open regions among 46 closed groups, as the 50k graph's top level with two syndicates open. */
  const crowd = (): Box[] => [
    { x: -300, y: 0, left: 154, right: 154, up: 290, down: 290 },
    { x: 300, y: 0, left: 154, right: 154, up: 277, down: 277 },
    ...Array.from({ length: 46 }, (_, i) => labelled((i % 8) * 90 - 350, Math.floor(i / 8) * 60 - 300, 80)),
  ];
  const room = (boxes: Box[], aspect: number) => {
    const { width, height } = extent(boxes);
    return Math.max(width / aspect, height);
  };

  it('packs regions among closed groups in one block, none covering another, in less room than shelves', () => {
    const blocked = crowd();
    blockPack(blocked, 1.23);
    for (let i = 0; i < blocked.length; i++)
      for (let j = i + 1; j < blocked.length; j++)
        expect(overlap(blocked[i] as Box, blocked[j] as Box)).toBe(false);
    const shelved = crowd();
    shelfPack(shelved, 1.23);
    // Shelves leave the height of the regions' row empty beside the closed groups in it.
    expect(room(blocked, 1.23)).toBeLessThan(room(shelved, 1.23) * 0.9);
    // Near the viewport's shape, about the origin.
    const { width, height } = extent(blocked);
    expect(width / height).toBeGreaterThan(0.6);
    expect(width / height).toBeLessThan(2.5);
    const xs = blocked.flatMap((b) => [b.x - b.left, b.x + b.right]);
    expect(Math.abs(Math.min(...xs) + Math.max(...xs))).toBeLessThan(width * 0.05);
  });

  it('leaves no boxes alone', () => {
    const boxes: Box[] = [];
    blockPack(boxes, 1);
    expect(boxes).toEqual([]);
  });
});
