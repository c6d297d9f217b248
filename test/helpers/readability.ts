/**
 * Readability of what the canvas draws, measured from the page's test handle: how much drawn discs
 * overlap, which drawn labels overlap, and whether the regions (convex hulls) of groups overlap.
 * Used by the browser tests and by scripts/bench/web.ts, so both measure the same way.
 */
import type { Page } from 'playwright-core';
import type { LabelBox } from '../../web/src/graph/label-declutter.ts';

export interface Disc {
  node: string;
  x: number;
  y: number;
  r: number;
  path: string[];
}

export type { LabelBox };

/** What the page draws: discs with the groups they lie in, labels, and the closed groups. */
export interface Drawing {
  discs: Disc[];
  labels: LabelBox[];
  groups: { key: string; kind: string; name: string; members: number }[];
  edges: string[];
}

/** Reads the drawing through `window.__ariadne`. */
export function readDrawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const handle = window.__ariadne;
    if (!handle) throw new Error('the page has no test handle');
    const { nodes, edges } = handle.shown();
    const discs = nodes.flatMap((node) => {
      const drawn = handle.drawn(node);
      if (!drawn || drawn.hidden) return [];
      return [
        { node, x: drawn.viewport.x, y: drawn.viewport.y, r: drawn.radius, path: handle.groupPath(node) },
      ];
    });
    return { discs, labels: handle.labels(), groups: handle.groups(), edges };
  });
}

/**
 * Waits until the view has settled as the page says (`settled()`: no layout runs or is due, and the
 * last frame's labels stay as drawn), draws a frame, and waits again should that frame have changed
 * anything (a canvas resized since, say).
 */
export async function settle(page: Page, timeout = 60_000): Promise<void> {
  const settled = () =>
    page.waitForFunction(
      () => {
        // A build from before `settled()` (the benchmark's `--dist`) says only whether layouts run.
        const handle = window.__ariadne as { settled?: () => boolean; layoutRunning(): boolean } | undefined;
        return handle !== undefined && (handle.settled ? handle.settled() : !handle.layoutRunning());
      },
      null,
      { timeout, polling: 100 },
    );
  await settled();
  await page.evaluate(() => window.__ariadne?.nextFrame());
  await settled();
}

/** The largest overlap of two discs, as a share of the smaller radius (0 when none overlap). */
export function worstDiscOverlap(discs: Disc[]): { share: number; pair: [string, string] | null } {
  let share = 0;
  let pair: [string, string] | null = null;
  const sorted = [...discs].sort((a, b) => a.x - a.r - (b.x - b.r));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Disc;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Disc;
      if (b.x - b.r > a.x + a.r) break;
      const overlap = a.r + b.r - Math.hypot(a.x - b.x, a.y - b.y);
      const s = overlap / Math.min(a.r, b.r);
      if (s > share) {
        share = s;
        pair = [a.node, b.node];
      }
    }
  }
  return { share, pair };
}

/** Pairs of drawn labels whose boxes overlap. */
export function overlappingLabels(labels: LabelBox[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i] as LabelBox;
      const b = labels[j] as LabelBox;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push([a.node, b.node]);
    }
  return out;
}

type Point = [number, number];

/** The convex hull of discs (each as a 16-gon around it), by Andrew's monotone chain. */
export function hullOf(discs: Disc[]): Point[] {
  const points: Point[] = discs.flatMap((d) =>
    Array.from({ length: 16 }, (_, k): Point => {
      const angle = (k / 16) * 2 * Math.PI;
      return [d.x + d.r * Math.cos(angle), d.y + d.r * Math.sin(angle)];
    }),
  );
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as Point, out[out.length - 1] as Point, p) <= 0)
        out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(points), ...half([...points].reverse())];
}

/** Whether two convex polygons overlap (separating axis theorem); touching is not overlapping. */
export function hullsOverlap(a: Point[], b: Point[]): boolean {
  for (const polygon of [a, b])
    for (let i = 0; i < polygon.length; i++) {
      const p = polygon[i] as Point;
      const q = polygon[(i + 1) % polygon.length] as Point;
      const axis: Point = [q[1] - p[1], p[0] - q[0]];
      const project = (list: Point[]) => {
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (const [x, y] of list) {
          const v = x * axis[0] + y * axis[1];
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        return [min, max] as const;
      };
      const [aMin, aMax] = project(a);
      const [bMin, bMax] = project(b);
      if (aMax <= bMin || bMax <= aMin) return false;
    }
  return true;
}

/** The figures the tests and the benchmark report for one drawing. */
export function readability(drawing: Drawing, openGroups: string[] = []) {
  const groupLabels = drawing.labels.filter((l) => drawing.groups.some((g) => g.key === l.node));
  const regions = openGroups.map((key) => hullOf(drawing.discs.filter((d) => d.path.includes(key))));
  const closed = drawing.discs.filter(
    (d) => d.path.length === 0 && drawing.groups.some((g) => g.key === d.node),
  );
  let regionOverlaps = 0;
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++)
      if (hullsOverlap(regions[i] as Point[], regions[j] as Point[])) regionOverlaps++;
    for (const group of closed) if (hullsOverlap(regions[i] as Point[], hullOf([group]))) regionOverlaps++;
  }
  return {
    nodes: drawing.discs.length,
    worstOverlap: worstDiscOverlap(drawing.discs),
    groupLabelsShown: drawing.groups.length === 0 ? 1 : groupLabels.length / drawing.groups.length,
    labelOverlaps: overlappingLabels(drawing.labels),
    regionOverlaps,
  };
}
