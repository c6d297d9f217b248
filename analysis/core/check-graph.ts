/**
 * Input checks shared by the analyses, so that every module rejects a bad graph the same way and
 * names itself in the message.
 */
import type { AbstractGraph } from 'graphology-types';

/** Throws unless `graph` looks like a graphology instance. */
export function assertGraph(graph: unknown, module: string): asserts graph is AbstractGraph {
  const candidate = graph as Partial<AbstractGraph> | null;
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.forEachEdge !== 'function' ||
    typeof candidate.order !== 'number'
  ) {
    throw new Error(
      `ariadne/analysis/${module}: the given graph is not a graphology instance (did you pass the projection result instead of its graph?)`,
    );
  }
}

/** Throws unless the rng option is a function returning numbers in [0, 1). */
export function assertRng(rng: unknown, module: string): asserts rng is () => number {
  if (typeof rng !== 'function') {
    throw new Error(`ariadne/analysis/${module}: 'rng' must be a function returning a number in [0, 1).`);
  }
}
