/**
 * The names (and, for places, coordinates) of the entities a result mentions, so that a client can
 * label them without loading each one. Taken from the projected graph, which holds only what the run's
 * clearance may see.
 */
import type { AnalysisResult } from '../../runner/types.ts';
import type { RunLabels } from '../../schema/api/analysis-results.ts';
import type { ProjectedGraph } from '../../store/projection.ts';

export type { RunLabels };

const MAX_LABELLED = 20_000;

/** Ids mentioned anywhere in a result (strings that are node keys of the graph). */
function mentionedIds(graph: ProjectedGraph, value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 8 || out.size > MAX_LABELLED) return;
  if (typeof value === 'string') {
    if (graph.hasNode(value)) out.add(value);
  } else if (Array.isArray(value)) for (const item of value) mentionedIds(graph, item, out, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) mentionedIds(graph, item, out, depth + 1);
}

/** The labels of the entities a result (without its per-entity scores) mentions. */
export function labelsOf(graph: ProjectedGraph, result: Omit<AnalysisResult, 'entities'>): RunLabels {
  const ids = new Set<string>();
  mentionedIds(graph, result, ids);
  const names: Record<string, string> = {};
  const places: Record<string, { name: string; lat: number; lon: number }> = {};
  for (const id of [...ids].sort()) {
    const attributes = graph.getNodeAttributes(id) as Record<string, unknown>;
    const name = typeof attributes.name === 'string' ? attributes.name : id;
    names[id] = name;
    if (typeof attributes.lat === 'number' && typeof attributes.lon === 'number')
      places[id] = { name, lat: attributes.lat, lon: attributes.lon };
  }
  return { names, places };
}
