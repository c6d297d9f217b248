/**
 * The layout of a grouped view, region by region: each open group is laid out on its own (its
 * members and closed cells, by ForceAtlas2 with its links, Jacomy et al. 2014, then
 * graphology-layout-noverlap so no two discs overlap) and then takes the room of one disc in the
 * layout of what holds it. So a group's members stay together, and two open groups' regions never
 * overlap each other or a closed group. At the top, closed groups carry their labels, and the
 * separation keeps label boxes apart too (their size in graph units depends on the final scale,
 * so it is refined over a few passes). Pure: it returns target positions, the same whatever order
 * the nodes and links come in (it reads them in key order).
 */
import noverlapModule from 'graphology-layout-noverlap';
import { cjsDefault } from '../lib/interop.ts';
import { fitLabels } from './label-fit.ts';
import { type Forces, forceUnits, type UnitGraph, unitLinks } from './region-forces.ts';
import { type Box, separateBoxes } from './separate-boxes.ts';
import { blockPack, shelfPack } from './shelf-pack.ts';
import { byKey } from '../lib/order.ts';

const noverlap = cjsDefault(noverlapModule);

type Point = { x: number; y: number };
/** Regions of at most this many units keep labels apart too; larger ones only discs (noverlap). */
const SMALL_REGION = 80;

/** What the layout reads of the drawn graph. */
export interface LayoutInput {
  /** Drawn node -> its open groups, outermost first (empty at the top). */
  containers: Map<string, string[]>;
  /** Drawn node -> current position. */
  position: Map<string, Point>;
  /** Drawn node -> radius in graph units. */
  radius: Map<string, number>;
  /** Drawn node -> width of its label in pixels, for the nodes whose label is always drawn. */
  labelWidth: Map<string, number>;
  /**
   * Drawn node -> the narrowest its label can be cut to, in pixels (a few letters, an ellipsis and
   * the count): where the labels cannot all be given room, they are cut towards it (label-fit.ts).
   */
  labelLeast?: Map<string, number>;
  /** Links between drawn nodes, with a weight. */
  links: { source: string; target: string; weight: number }[];
}

/**
 * Settings. The layout works in screen pixels: the frame (`box` of the result) is made the size of
 * the viewport whenever the layout fits in it, so a graph unit is drawn as one pixel and radii and
 * label widths can be given in pixels.
 */
export interface LayoutSettings {
  labelHeight: number;
  viewport: { width: number; height: number };
  /** Graph units a label's pixel takes (above 1 when the layout is drawn smaller than 1:1). */
  labelScale?: number;
}

interface Region {
  key: string;
  nodes: string[];
  regions: Map<string, Region>;
}

/** The tree of open regions, nodes in key order. */
function regionTree(input: LayoutInput): Region {
  const root: Region = { key: '', nodes: [], regions: new Map() };
  for (const node of [...input.containers.keys()].sort()) {
    const containers = input.containers.get(node) as string[];
    let region = root;
    for (const key of containers) {
      let next = region.regions.get(key);
      if (!next) {
        next = { key, nodes: [], regions: new Map() };
        region.regions.set(key, next);
      }
      region = next;
    }
    region.nodes.push(node);
  }
  return root;
}

interface Placed {
  /** Positions of every drawn node inside, relative to the region's centre. */
  offsets: Map<string, Point>;
  radius: number;
  /** The box that holds its discs and labels, about its centre. */
  extent: Extent;
  centre: Point;
}

/** A box's reach on each side of its point. */
type Extent = Pick<Box, 'left' | 'right' | 'up' | 'down'>;

/** Lays out one region; the top one also keeps labels apart. */
function placeRegion(
  region: Region,
  input: LayoutInput,
  unitOf: Map<string, string>,
  settings: LayoutSettings,
  forces: Forces,
  top: boolean,
  aspect = settings.viewport.width / settings.viewport.height,
): Placed {
  const units = new Map<string, { at: Point; r: number }>();
  const inner = new Map<string, Placed>();
  for (const node of region.nodes) {
    unitOf.set(node, node);
    units.set(node, { at: input.position.get(node) as Point, r: input.radius.get(node) ?? 1 });
  }
  for (const [key, child] of region.regions) {
    // Open regions side by side share the width: each is packed that much narrower.
    const placed = placeRegion(
      child,
      input,
      unitOf,
      settings,
      forces,
      false,
      Math.max(aspect / region.regions.size, 0.5),
    );
    inner.set(key, placed);
    for (const node of placed.offsets.keys()) unitOf.set(node, key);
    units.set(key, { at: placed.centre, r: placed.radius });
  }
  const graph = forceUnits(units, () => unitLinks(input, unitOf, units), region.key, forces);
  compact(graph, top || graph.order <= SMALL_REGION ? input.labelWidth : new Map(), settings.labelScale ?? 1);
  // Few units (closed cells, a small group's members): their boxes, labels included, kept apart.
  if (top || graph.order <= SMALL_REGION) separateTop(graph, input, settings, inner, aspect);
  else if (graph.order > 1) {
    noverlap.assign(graph, { maxIterations: 300, settings: { margin: 1, ratio: 1.05, expansion: 1.05 } });
  }
  // Centre the region and measure the disc and the box that hold it.
  let cx = 0;
  let cy = 0;
  graph.forEachNode((_key, a) => {
    cx += a.x / graph.order;
    cy += a.y / graph.order;
  });
  const offsets = new Map<string, Point>();
  const extent: Extent = { left: 0, right: 0, up: 0, down: 0 };
  let radius = 0;
  graph.forEachNode((key, a) => {
    const x = a.x - cx;
    const y = a.y - cy;
    const reach = extentOf(key, a.size, input, settings, inner);
    radius = Math.max(radius, Math.hypot(x, y) + Math.max(reach.right, a.size));
    extent.left = Math.max(extent.left, reach.left - x);
    extent.right = Math.max(extent.right, x + reach.right);
    extent.up = Math.max(extent.up, reach.up - y);
    extent.down = Math.max(extent.down, y + reach.down);
    const nested = inner.get(key);
    if (!nested) offsets.set(key, { x, y });
    else for (const [node, p] of nested.offsets) offsets.set(node, { x: x + p.x, y: y + p.y });
  });
  const centre = { x: cx, y: cy };
  return { offsets, radius: radius * 1.05 + 1, extent, centre };
}

/**
 * Scales ForceAtlas2's positions (whose scale is its own) about their centre so the units would
 * just fit, packed at half density, in a disc: separation then only has overlaps to undo.
 */
function compact(graph: UnitGraph, labels: Map<string, number>, labelScale: number): void {
  if (graph.order < 2) return;
  let area = 0;
  let cx = 0;
  let cy = 0;
  graph.forEachNode((key, a) => {
    const r = a.size + 2;
    area += (2 * r + (labels.get(key) ?? 0) * labelScale) * 2 * Math.max(r, 10 * labelScale);
    cx += a.x / graph.order;
    cy += a.y / graph.order;
  });
  const distances = graph.mapNodes((_k, a) => Math.hypot(a.x - cx, a.y - cy)).sort((a, b) => a - b);
  const spread = distances[Math.floor(distances.length * 0.9)] ?? 0;
  if (spread <= 0) return;
  const scale = Math.sqrt(area / 0.5 / Math.PI) / spread;
  graph.updateEachNodeAttributes((_k, a) => ({
    ...a,
    x: cx + (a.x - cx) * scale,
    y: cy + (a.y - cy) * scale,
  }));
}

/**
 * A unit's reach about its point: a nested region's box, else its disc and, for a node whose label
 * is always drawn, the label on its right (in pixels, times the label scale).
 */
function extentOf(
  key: string,
  size: number,
  input: LayoutInput,
  settings: LayoutSettings,
  inner: Map<string, Placed>,
): Extent {
  const nested = inner.get(key);
  if (nested) return nested.extent;
  const scale = settings.labelScale ?? 1;
  const half = (settings.labelHeight / 2 + 2) * scale;
  const width = input.labelWidth.get(key);
  return {
    left: size + 2,
    right: width === undefined ? size + 2 : size + (width + 10) * scale,
    up: Math.max(size, half) + 2,
    down: Math.max(size, half) + 2,
  };
}

/** Boxes around each unit's disc and label, or around a nested region's discs and labels. */
function unitBoxes(
  graph: UnitGraph,
  input: LayoutInput,
  settings: LayoutSettings,
  inner: Map<string, Placed>,
): Box[] {
  return graph.mapNodes((key, a) => ({ x: a.x, y: a.y, ...extentOf(key, a.size, input, settings, inner) }));
}

/** The room boxes take in a viewport of `aspect` (width / height): the binding dimension. */
function roomOf(boxes: readonly Box[], aspect: number): number {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const box of boxes) {
    left = Math.min(left, box.x - box.left);
    right = Math.max(right, box.x + box.right);
    top = Math.min(top, box.y - box.up);
    bottom = Math.max(bottom, box.y + box.down);
  }
  return Math.max((right - left) / aspect, bottom - top);
}

/**
 * Boxes around each unit's disc and label kept apart; where labels are drawn (closed groups and
 * cells) or open regions lie, the boxes are packed instead, on shelves or in one block, when that
 * takes less room in a frame of `aspect`.
 */
function separateTop(
  graph: UnitGraph,
  input: LayoutInput,
  settings: LayoutSettings,
  inner: Map<string, Placed>,
  aspect: number,
): void {
  const keys = graph.nodes();
  let boxes = unitBoxes(graph, input, settings, inner);
  separateBoxes(boxes);
  if (keys.some((key) => input.labelWidth.has(key) || inner.has(key))) {
    const shelved = boxes.map((box) => ({ ...box }));
    shelfPack(shelved, aspect);
    const blocked = boxes.map((box) => ({ ...box }));
    blockPack(blocked, aspect);
    for (const packed of [shelved, blocked])
      if (roomOf(packed, aspect) < roomOf(boxes, aspect)) boxes = packed;
  }
  keys.forEach((key, i) => {
    const box = boxes[i];
    if (box) graph.mergeNodeAttributes(key, { x: box.x, y: box.y });
  });
}

/**
 * Target positions of every drawn node, the box that holds them with their discs and labels, and the
 * width in pixels each label was given room for (its own, or less where it is to be cut).
 */
export function layoutGroups(
  input: LayoutInput,
  settings: LayoutSettings,
): {
  positions: Map<string, Point>;
  box: { x: [number, number]; y: [number, number] };
  labelWidth: Map<string, number>;
} {
  const tree = regionTree(input);
  const forces: Forces = new Map();
  // Links by their ends: their weights are summed in that order, whatever order they came in.
  const links = [...input.links].sort(
    (a, b) => byKey(a.source, b.source) || byKey(a.target, b.target) || a.weight - b.weight,
  );
  const { positions, box, labelWidth } = fitLabels(
    (labelScale, labelWidth) =>
      frameLayout(tree, { ...input, links, labelWidth }, { ...settings, labelScale }, labelScale, forces),
    input,
  );
  return { positions, box, labelWidth };
}

function frameLayout(
  tree: Region,
  input: LayoutInput,
  settings: LayoutSettings,
  labelScale: number,
  forces: Forces,
) {
  const placed = placeRegion(tree, input, new Map(), settings, forces, true);
  const positions = new Map<string, Point>();
  for (const [node, p] of placed.offsets) positions.set(node, { x: p.x, y: p.y });
  // The frame: the viewport's size around the layout when it fits (a unit drawn as a pixel), else
  // the layout's own extent, widened to the viewport's proportions.
  const extent = {
    x: [Infinity, -Infinity] as [number, number],
    y: [Infinity, -Infinity] as [number, number],
  };
  for (const [node, p] of positions) {
    const r = input.radius.get(node) ?? 1;
    const label = input.labelWidth.get(node);
    const right = label === undefined ? 0 : (label + 10) * labelScale;
    extent.x = [Math.min(extent.x[0], p.x - r), Math.max(extent.x[1], p.x + r + right)];
    extent.y = [Math.min(extent.y[0], p.y - r), Math.max(extent.y[1], p.y + r)];
  }
  const { width, height } = settings.viewport;
  const scale = Math.max((extent.x[1] - extent.x[0]) / width, (extent.y[1] - extent.y[0]) / height, 1);
  const mx = (extent.x[0] + extent.x[1]) / 2;
  const my = (extent.y[0] + extent.y[1]) / 2;
  const box = {
    x: [mx - (width * scale) / 2, mx + (width * scale) / 2] as [number, number],
    y: [my - (height * scale) / 2, my + (height * scale) / 2] as [number, number],
  };
  return { positions, box, scale };
}
