/**
 * Builds the analyses' graph from records held in memory, without a database: each raw record is
 * validated and normalised as an ingest would (validateRecord), and goes into the graph through the
 * store projection's own builder (server/store/projection-build.ts), so an analysis of a file matches
 * an analysis of the same file ingested. A link goes in as it comes when both its ends are in; from
 * the first that cannot, links wait for the end, so the graph keeps the input's order of links and
 * their order in the input does not matter.
 */
import type { EntityLabel } from '../schema/model.ts';
import { type ValidateOptions, validateRecord } from '../schema/records.ts';
import { GraphBuilder, type LinkRow } from '../store/projection-build.ts';
import { ENTITY_ATTRIBUTE_KEYS, entityAttributes, LINK_ATTRIBUTE_KEYS } from '../store/projection-keys.ts';
import type { ProjectedGraph } from '../store/projection.ts';

/** A record that could not become part of the graph, by its position in the input. */
export interface RecordProblem {
  at: string;
  field?: string;
  message: string;
}

/** A graph under construction from records: entities go in at once, links as soon as they can. */
export class RecordGraphBuilder {
  readonly problems: RecordProblem[] = [];
  private readonly build = new GraphBuilder();
  // Links waiting for their ends, as the projection's rows ([id, type, target, ...attributes]).
  private readonly waiting: { at: string; source: string; row: LinkRow }[] = [];
  private linking = false;

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
      const row = [properties.id, record.type, properties.target];
      for (const key of LINK_ATTRIBUTE_KEYS) row.push(properties[key]);
      const source = properties.source as string;
      const graph = this.build.graph;
      if (this.waiting.length === 0 && graph.hasNode(source) && graph.hasNode(row[2] as string)) {
        this.startLinks();
        this.build.addLink(source, row);
      } else this.waiting.push({ at, source, row });
      return;
    }
    const label = record.type as EntityLabel;
    const id = properties.id as string;
    const graph = this.build.graph;
    if (graph.hasNode(id)) graph.mergeNodeAttributes(id, entityAttributes(label, properties));
    else
      this.build.addNode(
        label,
        id,
        ENTITY_ATTRIBUTE_KEYS[label].map((key) => properties[key]),
      );
  }

  /** Adds the waiting links whose ends exist and returns the graph. */
  finish(): ProjectedGraph {
    const graph = this.build.graph;
    this.startLinks();
    for (const { at, source, row } of this.waiting) {
      const target = row[2] as string;
      const missing = [source, target].find((end) => !graph.hasNode(end));
      if (missing === undefined) this.build.addLink(source, row);
      else
        this.problems.push({
          at,
          field: missing === source ? 'source' : 'target',
          message: `no entity has id ${JSON.stringify(missing)}`,
        });
    }
    this.waiting.length = 0;
    return graph;
  }

  // The builder readies the nodes' neighbour tables once, before the first link.
  private startLinks(): void {
    if (this.linking) return;
    this.linking = true;
    this.build.startLinks();
  }
}

/** The graph of raw records (the demo generator's, or any in memory), with the records it rejected. */
export function graphFromRecords(
  records: Iterable<unknown>,
  options: ValidateOptions = {},
): { graph: ProjectedGraph; problems: RecordProblem[] } {
  const builder = new RecordGraphBuilder();
  let index = 0;
  for (const record of records) builder.add(record, `record ${index++}`, options);
  return { graph: builder.finish(), problems: builder.problems };
}
