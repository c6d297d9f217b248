/**
 * Reading the projection's rows into the graph builder: pages of nodes of a label (keyset paging on
 * the id index) or the nodes of given ids, then the outgoing links of the nodes read. Each row is
 * handed over as the driver decodes it, so it is garbage as soon as it is in the graph: awaiting
 * whole pages kept 100k decoded links alive at a time, and the garbage collector copied them all.
 */
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { EntityLabel } from '../schema/model.ts';
import { eachRecord } from './each-record.ts';
import type { GraphBuilder, LinkRow } from './projection-build.ts';
import {
  linksByIdCypher,
  nodePageCypher,
  nodesByIdCypher,
  type ProjectionFilter,
} from './projection-cypher.ts';

type Take = (record: Neo4jRecord) => string;

/** Reads rows of the projection's queries into a graph builder, within one transaction. */
export class Reader {
  private count = 0;
  /** The ids of the nodes read, by label. */
  readonly read = new Map<EntityLabel, string[]>();
  /** Whether nodes in scope were left unread because the cap was reached. */
  truncated = false;
  private room: number;

  constructor(
    private readonly tx: ManagedTransaction,
    private readonly build: GraphBuilder,
    private readonly params: Record<string, unknown>,
    private readonly limit: number,
    private readonly onProgress?: (nodes: number) => void,
    /** Most nodes read in all; one more row is asked for, to know whether there were more. */
    maxNodes = Number.POSITIVE_INFINITY,
  ) {
    this.room = maxNodes;
  }

  /** Every node of a label in scope, page by page, until the cap. */
  async nodePages(label: EntityLabel, filter: ProjectionFilter): Promise<void> {
    const cypher = nodePageCypher(label, filter);
    const take = this.nodeTaker(label);
    let after = '';
    while (!this.truncated) {
      const limit = Math.min(this.limit, this.room + 1);
      const page = await this.stream(cypher, { after, limit: neo4j.int(limit) }, take);
      this.progress(page.rows);
      if (page.rows < limit) return;
      after = page.last;
    }
  }

  /** The nodes of a label among given ids. */
  async nodesById(label: EntityLabel, filter: ProjectionFilter, ids: readonly string[]): Promise<void> {
    const cypher = nodesByIdCypher(label, filter);
    const take = this.nodeTaker(label);
    for (let i = 0; i < ids.length; i += this.limit) {
      const page = await this.stream(cypher, { ids: ids.slice(i, i + this.limit) }, take);
      this.progress(page.rows);
    }
  }

  /**
   * The outgoing links of every node read, once all are in the graph. The queries are all sent at
   * once: Neo4j answers them one after the other, in order, with no round trip between them.
   */
  async links(filter: ProjectionFilter): Promise<void> {
    const take: Take = (record) => {
      const id = record.get(0) as string;
      this.build.addLinks(id, record.get(1) as LinkRow[]);
      return id;
    };
    const queries: Promise<unknown>[] = [];
    for (const [label, ids] of this.read) {
      const cypher = linksByIdCypher(label, filter);
      for (let i = 0; i < ids.length; i += this.limit)
        queries.push(this.stream(cypher, { ids: ids.slice(i, i + this.limit) }, take));
    }
    await Promise.all(queries);
  }

  private nodeTaker(label: EntityLabel): Take {
    let ids = this.read.get(label);
    if (ids === undefined) {
      ids = [];
      this.read.set(label, ids);
    }
    const read = ids;
    return (record) => {
      const id = record.get(0) as string;
      if (this.room <= 0) {
        this.truncated = true;
        return id;
      }
      this.room--;
      this.build.addNode(label, id, record.get(1) as unknown[]);
      read.push(id);
      return id;
    };
  }

  private progress(rows: number): void {
    this.count += rows;
    this.onProgress?.(this.count);
  }

  // Resolves with the rows taken and the last id once the query is done; the first error (from
  // Neo4j or from building) rejects, and later rows are ignored (the transaction is rolled back).
  private async stream(
    cypher: string,
    params: Record<string, unknown>,
    take: Take,
  ): Promise<{ rows: number; last: string }> {
    let last = '';
    const rows = await eachRecord(this.tx, cypher, { ...this.params, ...params }, (record) => {
      last = take(record);
    });
    return { rows, last };
  }
}
