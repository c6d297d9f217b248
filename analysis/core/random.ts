/**
 * Seeded pseudo-random numbers for reproducible analyses: mulberry32 (Tommy Ettinger, public
 * domain), a 32-bit generator that is fast and good enough for shuffling node orders and pivots.
 */

/** A deterministic rng returning numbers in [0, 1) from a 32-bit seed. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The numbers 0..n-1 in a random order (Fisher-Yates), drawn from `rng`. */
export function shuffledIndices(n: number, rng: () => number): Int32Array {
  return shuffleIndicesInto(new Int32Array(n), n, rng);
}

/** Writes 0..n-1 in a random order into the first n places of `order` (reused scratch space). */
export function shuffleIndicesInto(order: Int32Array, n: number, rng: () => number): Int32Array {
  // Two functions of one loop each: the engine compiles a loop while it runs, and code after it
  // that has not run yet would make that compiled code give way and be compiled again.
  return shuffleInPlace(countInto(order, n), n, rng);
}

function countInto(order: Int32Array, n: number): Int32Array {
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

function shuffleInPlace(order: Int32Array, n: number, rng: () => number): Int32Array {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
