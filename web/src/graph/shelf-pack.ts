/**
 * Boxes packed on shelves (rows), in the order they stand: rows are taken top to bottom by the
 * boxes' y, each row left to right by x, so what a force layout put near stays near. Labels of
 * closed groups are wide and flat; a force layout separated box by box leaves room between them
 * that the viewport does not have, and shelves use it (the "next fit" shelf of strip packing,
 * Coffman et al. 1980). The number of rows is the one whose extent best fits the viewport's shape.
 */
import potpack from 'potpack';
import type { Box } from './separate-boxes.ts';

const width = (box: Box) => box.left + box.right;
const height = (box: Box) => box.up + box.down;

/** The boxes in rows of about equal width, for `rows` rows. */
function shelves(sorted: readonly Box[], rows: number): Box[][] {
  const total = sorted.reduce((sum, box) => sum + width(box), 0);
  const target = total / rows;
  const out: Box[][] = [[]];
  let filled = 0;
  for (const box of sorted) {
    const row = out[out.length - 1] as Box[];
    // A row takes the next box while that brings it nearer the target width than stopping would.
    if (row.length > 0 && filled + width(box) / 2 > target && out.length < rows) {
      out.push([box]);
      filled = width(box);
    } else {
      row.push(box);
      filled += width(box);
    }
  }
  return out;
}

/** The extent of rows laid one under another: the widest row, the rows' heights added. */
function extentOf(rows: readonly Box[][]): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (const row of rows) {
    x = Math.max(
      x,
      row.reduce((sum, box) => sum + width(box), 0),
    );
    y += Math.max(...row.map(height));
  }
  return { x, y };
}

/**
 * Moves the boxes' points onto shelves, centred on the origin, in the number of rows that needs the
 * least room in a viewport of `aspect` (width / height).
 */
export function shelfPack(boxes: Box[], aspect: number): void {
  if (boxes.length === 0) return;
  const byY = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  let best: Box[][] = [byY];
  let bestNeed = Number.POSITIVE_INFINITY;
  for (let rows = 1; rows <= boxes.length; rows++) {
    const candidate = shelves(byY, rows);
    const extent = extentOf(candidate);
    const need = Math.max(extent.x / aspect, extent.y);
    if (need < bestNeed) {
      best = candidate;
      bestNeed = need;
    }
    // More rows only add height: once the rows alone need more than the best, none does better.
    if (extent.y >= bestNeed) break;
  }
  const extent = extentOf(best);
  let top = -extent.y / 2;
  for (const row of best) {
    row.sort((a, b) => a.x - b.x);
    const rowHeight = Math.max(...row.map(height));
    let left = -row.reduce((sum, box) => sum + width(box), 0) / 2;
    for (const box of row) {
      box.x = left + box.left;
      box.y = top + rowHeight / 2 - (box.down - box.up) / 2;
      left += width(box);
    }
    top += rowHeight;
  }
}

/**
 * Moves the boxes' points into one block shaped like a viewport of `aspect` (width / height),
 * centred on the origin, by Mapbox's potpack (tallest first, each into the smallest free space left
 * beside or under those placed). Shelves waste the height of a row that holds an open region beside
 * closed groups; this fills it. Boxes of one height keep the order they stood in (rows by y, then x).
 */
export function blockPack(boxes: Box[], aspect: number): void {
  if (boxes.length === 0) return;
  const byY = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  // Widths divided by the aspect: potpack's near-square block is then the viewport's shape.
  const packed = byY.map((box) => ({ box, w: width(box) / aspect, h: height(box), x: 0, y: 0 }));
  const block = potpack(packed);
  for (const { box, x, y } of packed) {
    box.x = (x - block.w / 2) * aspect + box.left;
    box.y = y - block.h / 2 + box.up;
  }
}
