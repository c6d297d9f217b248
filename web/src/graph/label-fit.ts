/**
 * The scale labels are laid out at, and how wide they may be. A grouped layout too big for the
 * viewport is drawn smaller, its labels not: so the layout is made again with labels as wide as they
 * will be drawn in graph units, until they are laid out at least as wide as drawn (a fixed point,
 * found by secant steps). When the labels cannot all fit the viewport there is no such point: then
 * the longest labels are cut (with an ellipsis, to a width each label's few letters and count
 * allow), shorter at each step, and the search made again, as an analyst's chart cuts long names
 * where nodes crowd. The first widths at which every label is laid out apart are kept, else the
 * layout that would show the most labels apart (the others are held back when drawn,
 * label-declutter.ts).
 */
import type { LayoutInput } from './group-layout.ts';
import { byKey } from '../lib/order.ts';

type Point = { x: number; y: number };

/** A layout made for a label scale: positions, its frame, and graph units per pixel in that frame. */
export interface FramedLayout {
  positions: Map<string, Point>;
  box: { x: [number, number]; y: [number, number] };
  scale: number;
}

/**
 * Labels are never counted more than this many graph units per pixel: a drawing scaled further
 * shrinks discs to dots; labels are cut shorter instead.
 */
const MAX_LABEL_SCALE = 8;
/** Layouts made at most to find the scale labels are drawn at. */
const MAX_PASSES = 8;
/** A label's height on screen, in pixels (sigma's 12 px font, ascenders to descenders). */
const LABEL_HEIGHT = 15;
/** Each step cuts the widest labels to this share of the widest before. */
const CUT_STEP = 0.8;
/** Widths tried at most: the labels' own, then cut this many times less one. */
const MAX_CUTS = 6;

/** A layout with the width, in pixels, each label is given room for. */
export interface FittedLayout extends FramedLayout {
  labelWidth: Map<string, number>;
}

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
 * Whether the frame's scale, as a line through two tries, meets the label scale below
 * MAX_LABEL_SCALE.
 */
function fixedPointAhead(
  a: { labelScale: number; scale: number },
  b: { labelScale: number; scale: number },
): boolean {
  if (b.scale <= b.labelScale) return true;
  const slope = (b.scale - a.scale) / (b.labelScale - a.labelScale);
  return slope < 1 && (b.scale - slope * b.labelScale) / (1 - slope) <= MAX_LABEL_SCALE;
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
      return [{ node, r, left: x - 1, right: x + width + 1, top: y - h, bottom: y + h }];
    })
    .sort((a, b) => b.r - a.r || byKey(a.node, b.node));
  const laid: typeof boxes = [];
  for (const box of boxes)
    if (
      !laid.some((o) => box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom)
    )
      laid.push(box);
  return laid.length;
}

/** Labels no wider than `most` pixels, nor narrower than their least width. */
function cutTo(input: LayoutInput, most: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [node, width] of input.labelWidth)
    out.set(node, Math.min(width, Math.max(most, input.labelLeast?.get(node) ?? width)));
  return out;
}

/**
 * Makes the layout for growing label scales until labels are laid out as wide as drawn; where they
 * cannot all be laid out apart, again with the widest labels cut shorter.
 */
export function fitLabels(
  make: (labelScale: number, labelWidth: Map<string, number>) => FramedLayout,
  input: LayoutInput,
): FittedLayout {
  let most = Math.max(0, ...input.labelWidth.values());
  let best: { layout: FittedLayout; apart: number } | null = null;
  for (let cut = 0; cut < MAX_CUTS; cut++) {
    const labelWidth = cutTo(input, most);
    const cutInput = { ...input, labelWidth };
    const cuttable = [...labelWidth].some(([node, width]) => width > (input.labelLeast?.get(node) ?? width));
    const found = fitScale((labelScale) => make(labelScale, labelWidth), cutInput, cuttable);
    // Ties go to the longer labels.
    if (!best || found.apart > best.apart)
      best = { layout: { ...found.layout, labelWidth }, apart: found.apart };
    if (found.apart >= labelWidth.size) break;
    // Every label at its least width: cutting further changes nothing.
    if (!cuttable) break;
    most = Math.max(0, ...labelWidth.values()) * CUT_STEP;
  }
  return best?.layout ?? { ...make(1, input.labelWidth), labelWidth: input.labelWidth };
}

/**
 * The label scale search for labels of given widths: the layout with the most labels apart. When
 * labels can be cut shorter (`cuttable`), it stops as soon as the last two tries put the fixed
 * point past MAX_LABEL_SCALE, or nowhere.
 */
function fitScale(
  make: (labelScale: number) => FramedLayout,
  input: LayoutInput,
  cuttable: boolean,
): { layout: FramedLayout; apart: number } {
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
    if (cuttable && !fixedPointAhead(before, { labelScale, scale: last.scale })) break;
  }
  return best;
}
