/**
 * The layout by time: x is the date each node was first seen (its own date, else its earliest dated
 * link), y spreads the nodes of nearby dates apart as a beeswarm does (each disc, in date order, takes
 * the free height nearest the axis: no two discs overlap), and the undated nodes stand in a block of
 * columns apart, left of the dates. Returns positions in graph units and the axis to label them by.
 */

type Point = { x: number; y: number };

/** What the layout by time returns: positions, the date ticks and where the undated block is. */
export interface TimeLayout {
  positions: Map<string, Point>;
  /** Dates along the x axis (first of a year, month or day, by the span), at their x. */
  ticks: { x: number; label: string }[];
  /** The centre top of the undated block, or null when every node is dated. */
  undated: { x: number; y: number; count: number } | null;
  /** The y below every disc (sigma's y grows upwards), where the axis is drawn. */
  bottom: number;
}

/** Space left between discs, in graph units. */
export const TIME_GAP = 3;
const DAY = 86_400_000;

/** The first date each node was seen: its own (ISO) date, else the earliest date of its links. */
export function firstSeenDates(
  nodes: { id: string; date: string | null }[],
  links: { source: string; target: string; date: string | null }[],
): Map<string, string | null> {
  const out = new Map<string, string | null>(nodes.map((n) => [n.id, n.date]));
  const own = new Set(nodes.filter((n) => n.date !== null).map((n) => n.id));
  for (const { source, target, date } of links) {
    if (date === null) continue;
    for (const end of [source, target]) {
      if (!out.has(end) || own.has(end)) continue;
      const was = out.get(end);
      if (was == null || date < was) out.set(end, date);
    }
  }
  return out;
}

/** The free height nearest 0 for a disc at x, given discs already placed that could touch it. */
function freeHeight(x: number, radius: number, near: { x: number; y: number; radius: number }[]): number {
  const blocked: [number, number][] = [];
  for (const other of near) {
    const reach = radius + other.radius + TIME_GAP;
    const dx = Math.abs(x - other.x);
    if (dx >= reach) continue;
    const dy = Math.sqrt(reach * reach - dx * dx);
    blocked.push([other.y - dy, other.y + dy]);
  }
  // The blocked spans merged: the axis is free, or the nearer end of the span holding it is.
  blocked.sort((a, b) => a[0] - b[0]);
  let span: [number, number] | null = null;
  for (const [lo, hi] of blocked) {
    if (span && lo < span[1]) span[1] = Math.max(span[1], hi);
    else if (span && span[0] < 0 && span[1] > 0) break;
    else span = [lo, hi];
  }
  if (!span || span[0] >= 0 || span[1] <= 0) return 0;
  return -span[0] <= span[1] ? span[0] : span[1];
}

/** Ticks at the first of each year (or month, or day) across [min, max] milliseconds. */
function dateTicks(min: number, max: number, xOf: (ms: number) => number): TimeLayout['ticks'] {
  const span = max - min;
  const unit = span > 3 * 365 * DAY ? 'year' : span > 60 * DAY ? 'month' : 'day';
  const ticks: TimeLayout['ticks'] = [];
  const at = new Date(min);
  at.setUTCHours(0, 0, 0, 0);
  if (unit !== 'day') at.setUTCDate(1);
  if (unit === 'year') at.setUTCMonth(0);
  const step = Math.max(1, Math.ceil((unit === 'day' ? span / DAY : 0) / 12));
  while (at.getTime() <= max && ticks.length < 200) {
    if (at.getTime() >= min) {
      const iso = at.toISOString();
      ticks.push({
        x: xOf(at.getTime()),
        label: unit === 'year' ? iso.slice(0, 4) : iso.slice(0, unit === 'month' ? 7 : 10),
      });
    }
    if (unit === 'year') at.setUTCFullYear(at.getUTCFullYear() + 1);
    else if (unit === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
    else at.setUTCDate(at.getUTCDate() + step);
  }
  return ticks;
}

/** The widest the dated swarm is drawn, as a multiple of its height. */
const ASPECT = 2;

/** Places discs sorted by date along x in [0, width], each at the free height nearest the axis. */
function swarm(
  dated: { ms: number; radius: number }[],
  min: number,
  max: number,
  width: number,
  largest: number,
): { x: number; y: number; radius: number }[] {
  const placed: { x: number; y: number; radius: number }[] = [];
  let first = 0;
  for (const n of dated) {
    const x = max === min ? 0 : ((n.ms - min) / (max - min)) * width;
    while (first < placed.length && (placed[first] as { x: number }).x < x - 2 * largest - TIME_GAP) first++;
    placed.push({ x, y: freeHeight(x, n.radius, placed.slice(first)), radius: n.radius });
  }
  return placed;
}

/** Lays nodes (disc radius, first-seen ISO date or null) out by time. */
export function layoutByTime(nodes: { id: string; radius: number; date: string | null }[]): TimeLayout {
  const positions = new Map<string, Point>();
  const largest = Math.max(1, ...nodes.map((n) => n.radius));
  const dated = nodes
    .map((n) => ({ ...n, ms: n.date === null ? Number.NaN : Date.parse(n.date.slice(0, 10)) }))
    .filter((n) => Number.isFinite(n.ms))
    .sort((a, b) => a.ms - b.ms || a.id.localeCompare(b.id));
  const min = dated[0]?.ms ?? 0;
  const max = dated.at(-1)?.ms ?? 0;
  // Wide enough that a few hundred dates do not all stack in one column; then, when the swarm is
  // much wider than it is high, laid out again narrower, so it fills a screen rather than a strip.
  let width = Math.max(20 * largest, 12 * largest * Math.sqrt(dated.length));
  let placed = swarm(dated, min, max, width, largest);
  const height = Math.max(...placed.map((p) => Math.abs(p.y) + p.radius), largest) * 2;
  if (width > ASPECT * height) {
    width = Math.max(20 * largest, ASPECT * height);
    placed = swarm(dated, min, max, width, largest);
  }
  const xOf = (ms: number) => (max === min ? 0 : ((ms - min) / (max - min)) * width);
  for (const [i, n] of dated.entries()) {
    const p = placed[i] as Point;
    positions.set(n.id, { x: p.x, y: p.y });
  }
  const undatedNodes = nodes.filter((n) => !positions.has(n.id));
  const cell = 2 * largest + TIME_GAP;
  // sigma's y grows upwards: the undated block hangs down from the top of the dated ones.
  const top = Math.max(0, ...placed.map((p) => p.y + p.radius));
  const columns = Math.max(1, Math.ceil(Math.sqrt(undatedNodes.length / 4)));
  const right = -4 * cell;
  undatedNodes.forEach((n, i) => {
    const column = i % columns;
    positions.set(n.id, {
      x: right - (columns - 1 - column) * cell,
      y: top - Math.floor(i / columns) * cell,
    });
  });
  const bottom = Math.min(0, ...[...positions.values()].map((p) => p.y)) - cell;
  return {
    positions,
    ticks: dated.length > 0 ? dateTicks(min, max, xOf) : [],
    undated:
      undatedNodes.length > 0
        ? { x: right - ((columns - 1) * cell) / 2, y: top + cell, count: undatedNodes.length }
        : null,
    bottom,
  };
}
