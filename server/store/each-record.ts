/**
 * Streaming a read: each record goes to the caller as the driver decodes it, so a large answer never
 * holds the server's thread for the whole of it, nor sits in memory twice.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';

/**
 * Runs `cypher` in `tx` and hands each record to `each`; resolves with the number of records. A
 * throw from `each` fails the read (the records after it are ignored).
 */
export function eachRecord(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
  each: (record: Neo4jRecord) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    tx.run(cypher, params).subscribe({
      onNext: (record) => {
        if (failed) return;
        try {
          each(record);
          rows++;
        } catch (error) {
          fail(error);
        }
      },
      onCompleted: () => {
        if (!failed) resolve(rows);
      },
      onError: fail,
    });
  });
}
