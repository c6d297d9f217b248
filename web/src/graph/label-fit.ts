/**
 * The scale labels are laid out at. A grouped layout too big for the viewport is drawn smaller, its
 * labels not: so the layout is made again with labels as wide as they will be drawn in graph units,
 * until they are laid out at least as wide as drawn (a fixed point, found by secant steps). When the
 * labels cannot all fit the viewport there is no such point, and the layout that would show the most
 * labels apart is kept (the others are held back when drawn, label-declutter.ts).
 */
import type { LayoutInput } from './group-layout.ts';

type Point = { x: number; y: number };

/** A layout made for a label scale: positions, its frame, and graph units per pixel in that frame. */
export interface FramedLayout {
  positions: Map<string, Point>;
  box: { x: [number, number]; y: [number, number] };
  scale: number;
}

/** Labels are never counted more than this many graph units per pixel. */
const MAX_LABEL_SCALE = 16;
/** Layouts made at most to find the scale labels are drawn at. */
const MAX_PASSES = 8;
/** A label's height on screen, in pixels (sigma's 12 px font, ascenders to descenders). */
const LABEL_HEIGHT = 15;

/**
 * The next label scale to try: where the frame's scale, as a line through the last two tries, meets
 * the label scale (the secant step), else the frame's scale; always at least 5% more.
 */
function nextLabelScale(
  labelScale: number,
  scale: number,
  before: { labelScale: number; scale: number } | null,
): number {
  let next = scale;
  if (before && labelScale > before.labelScale) {
    const slope = (scale - before.scale) / (labelScale - before.labelScale);
    if (slope < 0.95) next = Math.max(next, ((scale - slope * labelScale) / (1 - slope)) * 1.02);
  }
  return Math.max(next, labelScale * 1.05);
}

/**
 * How many labels would be drawn apart: each label's box on screen (right of its disc), laid
 * greedily from the largest disc, counted when it covers none laid before.
 */
export function labelsApart(layout: FramedLayout, input: LayoutInput): number {
  const boxes = [...input.labelWidth]
    .flatMap(([node, width]) => {
      const p = layout.positions.get(node);
      if (!p) return [];
      const r = (input.radius.get(node) ?? 1) / layout.scale;
      const x = p.x / layout.scale + r + 3;
      const y = p.y / layout.scale;
      // A pixel around each box: a layout that only just keeps two labels apart is not counted on.
      const h = LABEL_HEIGHT / 2 + 1;
      return [{ r, left: x - 1, right: x + width + 1, top: y - h, bottom: y + h }];
    })
    .sort((a, b) => b.r - a.r);
  const laid: typeof boxes = [];
  for (const box of boxes)
    if (
      !laid.some((o) => box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom)
    )
      laid.push(box);
  return laid.length;
}

/** Makes the layout for growing label scales until labels are laid out as wide as drawn. */
export function fitLabels(make: (labelScale: number) => FramedLayout, input: LayoutInput): FramedLayout {
  let labelScale = 1;
  let last = make(labelScale);
  let best = { layout: last, apart: labelsApart(last, input) };
  let before: { labelScale: number; scale: number } | null = null;
  for (
    let pass = 1;
    pass < MAX_PASSES && last.scale > labelScale * 1.02 && labelScale < MAX_LABEL_SCALE;
    pass++
  ) {
    const next = nextLabelScale(labelScale, last.scale, before);
    before = { labelScale, scale: last.scale };
    labelScale = Math.min(next, MAX_LABEL_SCALE);
    last = make(labelScale);
    // Ties go to the later layout, whose labels are laid out nearer the width they are drawn at.
    const apart = labelsApart(last, input);
    if (apart >= best.apart) best = { layout: last, apart };
  }
  return best.layout;
}
