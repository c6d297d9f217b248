/**
 * The draws the demo case needs, from the analyses' seeded generator (analysis/core/random.ts, mulberry32).
 * The case must be identical for a given seed on every machine, so nothing here reads the clock.
 */
import { createRng as createStream } from '../../analysis/core/random.ts';

/** Draws from one deterministic stream. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `count` distinct elements (fewer if the list is shorter), in draw order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** Creates a mulberry32 stream from a 32-bit seed. */
export function createRng(seed: number): Rng {
  const next = createStream(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('seeds/demo: cannot pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(pool.splice(int(0, pool.length - 1), 1)[0] as T);
    }
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, sample };
}
