/**
 * Edge weight option, resolved the way graphology's algorithms resolve it: an attribute name, a
 * getter `(edge, attributes) => number`, or `null` for an unweighted graph (every edge weighs 1).
 */
import type { Attributes } from 'graphology-types';

/** The `getEdgeWeight` option shared by every analysis. */
export type EdgeWeightOption = string | ((edge: string, attributes: Attributes) => number) | null;

/** A resolved getter; always returns a positive finite number. */
export type EdgeWeightGetter = (edge: string, attributes: Attributes) => number;

/** Turns the option into a getter; missing, zero, negative or non-numeric weights read as 1. */
export function resolveEdgeWeight(option: EdgeWeightOption | undefined): EdgeWeightGetter {
  if (option === null || option === undefined) return () => 1;
  if (typeof option === 'function') return (edge, attributes) => sanitise(option(edge, attributes));
  return (_edge, attributes) => sanitise(attributes[option]);
}

function sanitise(value: unknown): number {
  // A weight that is not a positive number would break shortest paths and modularity alike.
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 1;
}
