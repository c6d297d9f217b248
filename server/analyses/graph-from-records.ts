/**
 * Builds the analyses' graph from records held in memory, without a database: each raw record is
 * validated and normalised as an ingest would (validateRecord), and turned into the same attributes
 * the store's projection gives, so an analysis of a file matches an analysis of the same file
 * ingested. Links are added once every entity is in, so their order in the input does not matter.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EntityAttributes, LinkAttributes } from '../../analysis/types.ts';
import type { EntityLabel } from '../schema/model.ts';
import { type ValidateOptions, validateRecord } from '../schema/records.ts';
import { entityAttributes, linkAttributes } from '../store/projection-keys.ts';
import type { ProjectedGraph } from '../store/projection.ts';

/** A record that could not become part of the graph, by its position in the input. */
export interface RecordProblem {
  at: string;
  field?: string;
  message: string;
}

/** A graph under construction: entities go in at once, links wait for the end. */
export class GraphBuilder {
  readonly graph: ProjectedGraph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  readonly problems: RecordProblem[] = [];
  private readonly links: { at: string; type: string; properties: Record<string, unknown> }[] = [];

  /** Validates one raw record (`{kind, type, ...fields}` or `{kind, type, fields}`) and keeps it. */
  add(raw: unknown, at: string, options: ValidateOptions = {}): void {
    const result = validateRecord(raw, options);
    if (!result.ok) {
      for (const issue of result.issues) this.problems.push({ at, ...issue });
      return;
    }
    const { record } = result;
    const properties = record.properties as Record<string, unknown>;
    if (record.kind === 'link') {
      this.links.push({ at, type: record.type, properties });
      return;
    }
    const id = properties.id as string;
    const attributes = entityAttributes(record.type as EntityLabel, properties) as EntityAttributes;
    if (this.graph.hasNode(id)) this.graph.mergeNodeAttributes(id, attributes);
    else this.graph.addNode(id, attributes);
  }

  /** Adds the links whose ends exist and returns the graph. */
  finish(): ProjectedGraph {
    for (const { at, type, properties } of this.links) {
      const { id, source, target } = properties as { id: string; source: string; target: string };
      const missing = [source, target].find((end) => !this.graph.hasNode(end));
      if (missing !== undefined) {
        this.problems.push({
          at,
          field: missing === source ? 'source' : 'target',
          message: `no entity has id ${JSON.stringify(missing)}`,
        });
        continue;
      }
      const attributes = linkAttributes(type, properties) as LinkAttributes;
      if (this.graph.hasEdge(id)) this.graph.addEdge(source, target, attributes);
      else this.graph.addEdgeWithKey(id, source, target, attributes);
    }
    this.links.length = 0;
    return this.graph;
  }
}

/** The graph of raw records (the demo generator's, or any in memory), with the records it rejected. */
export function graphFromRecords(
  records: Iterable<unknown>,
  options: ValidateOptions = {},
): { graph: ProjectedGraph; problems: RecordProblem[] } {
  const builder = new GraphBuilder();
  let index = 0;
  for (const record of records) builder.add(record, `record ${index++}`, options);
  return { graph: builder.finish(), problems: builder.problems };
}
