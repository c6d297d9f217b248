/**
 * Reading the projection's rows: pages of nodes of a label (keyset paging on the id index), or the
 * nodes of given ids, each row handed to the graph builder as the driver decodes it. Handled one by
 * one, a row is garbage as soon as it is in the graph: awaiting whole pages kept 100k decoded links
 * alive at a time, and the garbage collector copied them all (2.5 s of a million links).
 */
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { EntityLabel } from '../schema/model.ts';
import type { GraphBuilder, LinkRow } from './projection-build.ts';
import { nodePageCypher, nodesByIdCypher, type ProjectionFilter, type RowKind } from './projection-cypher.ts';

/** Reads rows of the projection's queries into a graph builder, within one transaction. */
export class Reader {
  private count = 0;
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly build: GraphBuilder,
    readonly params: Record<string, unknown>,
    private readonly limit: number,
    private readonly onProgress?: (nodes: number) => void,
  ) {}

  /** Every node of a label in scope, page by page. */
  async pages(label: EntityLabel, filter: ProjectionFilter, kind: RowKind): Promise<void> {
    const cypher = nodePageCypher(label, filter, kind);
    let after = '';
    for (;;) {
      const page = await this.stream(label, kind, cypher, { after, limit: neo4j.int(this.limit) });
      if (page.rows < this.limit) return;
      after = page.last;
    }
  }

  /** The nodes of a label among given ids. */
  async byIds(label: EntityLabel, filter: ProjectionFilter, ids: string[], kind: RowKind): Promise<void> {
    const cypher = nodesByIdCypher(label, filter, kind);
    for (let i = 0; i < ids.length; i += this.limit)
      await this.stream(label, kind, cypher, { ids: ids.slice(i, i + this.limit) });
  }

  // Resolves with the rows taken and the last id once the query is done; the first error (from
  // Neo4j or from building) rejects, and later rows are ignored (the transaction is rolled back).
  private stream(
    label: EntityLabel,
    kind: RowKind,
    cypher: string,
    params: Record<string, unknown>,
  ): Promise<{ rows: number; last: string }> {
    return new Promise((resolve, reject) => {
      let rows = 0;
      let last = '';
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      this.tx.run(cypher, { ...this.params, ...params }).subscribe({
        onNext: (record) => {
          if (failed) return;
          try {
            last = this.take(label, kind, record);
            rows++;
          } catch (error) {
            fail(error);
          }
        },
        onCompleted: () => {
          if (failed) return;
          if (kind === 'values') {
            this.count += rows;
            this.onProgress?.(this.count);
          }
          resolve({ rows, last });
        },
        onError: fail,
      });
    });
  }

  private take(label: EntityLabel, kind: RowKind, record: Neo4jRecord): string {
    const id = record.get(0) as string;
    if (kind === 'links') this.build.addLinks(id, record.get(1) as LinkRow[]);
    else this.build.addNode(label, id, record.get(1) as unknown[]);
    return id;
  }
}
