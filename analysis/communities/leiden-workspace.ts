/**
 * Leiden's levels and scratch space. A level is one graph of the hierarchy (the base graph, or the
 * aggregate of the refined parts of the level below it). The workspace holds the typed arrays that
 * every phase of every iteration reuses: allocated once per run at the size of the base graph,
 * since aggregation only ever shrinks a level, instead of afresh for each level and iteration.
 */

/** One level of the hierarchy: a graph without self-loops, with each node's size. */
export interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Int32Array;
  weights: Float64Array;
  size: Float64Array;
}

/** Scratch space for summing a node's link weights per neighbouring community. */
export class Tally {
  readonly weight: Float64Array;
  readonly touched: Int32Array;
  count = 0;

  constructor(n: number) {
    this.weight = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  add(community: number, w: number): void {
    if (this.weight[community] === 0) this.touched[this.count++] = community;
    this.weight[community]! += w;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.weight[this.touched[i]!] = 0;
    this.count = 0;
  }
}

/** The rows of an aggregate level, grown when a larger aggregate comes (never shrunk). */
class Rows {
  offsets: Uint32Array;
  targets = new Int32Array(0);
  weights = new Float64Array(0);
  size: Float64Array;

  constructor(n: number) {
    this.offsets = new Uint32Array(n + 1);
    this.size = new Float64Array(n);
  }

  /** Room for `entries` links. */
  reserve(entries: number): void {
    if (this.targets.length >= entries) return;
    this.targets = new Int32Array(entries);
    this.weights = new Float64Array(entries);
  }
}

/** Every array the phases need, sized for a base graph of `n` nodes; each phase clears what it uses. */
export class Workspace {
  readonly tally: Tally;
  /** The objective's gain from the moves made since it was set to 0 (one number). */
  readonly gain = new Float64Array(1);
  /** A node order, shuffled by each phase that visits nodes at random. */
  readonly order: Int32Array;
  // Local moving: each community's size and member count, the queue, the empty communities.
  readonly total: Float64Array;
  readonly members: Int32Array;
  readonly queued: Uint8Array;
  readonly empty: Int32Array;
  // Refinement: each node's part, each part's size, members and weight to the rest of its community.
  readonly refined: Int32Array;
  readonly partSize: Float64Array;
  readonly partMembers: Int32Array;
  readonly communityTotal: Float64Array;
  readonly inside: Float64Array;
  readonly external: Float64Array;
  readonly candidates: Int32Array;
  readonly chances: Float64Array;
  // Aggregation: the new index of each node, the nodes grouped by part, labels being renumbered.
  readonly map: Int32Array;
  readonly start: Uint32Array;
  readonly byPart: Int32Array;
  readonly relabel: Int32Array;
  /** Two sets of rows and communities, so that each level is built from the one below it. */
  private readonly rows: [Rows, Rows];
  private readonly communities: [Int32Array, Int32Array];

  constructor(n: number) {
    this.tally = new Tally(n);
    this.order = new Int32Array(n);
    this.total = new Float64Array(n);
    this.members = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.empty = new Int32Array(n);
    this.refined = new Int32Array(n);
    this.partSize = new Float64Array(n);
    this.partMembers = new Int32Array(n);
    this.communityTotal = new Float64Array(n);
    this.inside = new Float64Array(n);
    this.external = new Float64Array(n);
    this.candidates = new Int32Array(n + 1);
    this.chances = new Float64Array(n + 1);
    this.map = new Int32Array(n);
    this.start = new Uint32Array(n + 1);
    this.byPart = new Int32Array(n);
    this.relabel = new Int32Array(n);
    this.rows = [new Rows(n), new Rows(n)];
    this.communities = [new Int32Array(n), new Int32Array(n)];
  }

  /** Rows for the level above `level`: whichever set `level` itself does not use. */
  rowsAbove(level: Level, entries: number): Rows {
    const rows = this.rows[0].targets === level.targets ? this.rows[1] : this.rows[0];
    rows.reserve(entries);
    return rows;
  }

  /** A community array other than `used`. */
  communitiesBesides(used: Int32Array | undefined): Int32Array {
    return this.communities[0] === used ? this.communities[1] : this.communities[0];
  }
}

/**
 * Writes the first `count` labels, each in 0..range-1, to `out` (which may be `labels`) renumbered
 * 0.. in order of first appearance, with `next` (at least `range` long) as scratch; returns how many
 * distinct labels there were.
 */
export function renumberInto(
  labels: Int32Array,
  count: number,
  out: Int32Array,
  next: Int32Array,
  range = count,
): number {
  next.fill(-1, 0, range);
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    if (next[label] === -1) next[label] = distinct++;
    out[i] = next[label]!;
  }
  return distinct;
}
