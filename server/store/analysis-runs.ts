/**
 * Analysis runs written back to Neo4j: an AnalysisRun node (kind, parameters, scope, clearance and
 * its partition, times, counts, author, and the result summary as JSON) and each entity's scores in
 * the partition of the run's clearance (analysis-scores.ts), written in UNWIND batches. A new run of
 * the same kind, scope and clearance replaces the old one: the old node goes, and so do the scores
 * it left. A run under another clearance, lower or not, leaves them as they are.
 */
import { randomUUID } from 'node:crypto';
import type { Clearance } from '../schema/clearance.ts';
import { ENTITY_LABELS, type EntityLabel } from '../schema/model.ts';
import {
  partitionOf,
  RESULT_KEYS,
  type ResultKey,
  scoreProperty,
  storedClearance,
} from './analysis-scores.ts';
import { quoteLabel } from './projection-cypher.ts';
import type { Store } from './store.ts';

export { RESULT_KEYS, RESULT_PREFIX, type ResultKey } from './analysis-scores.ts';

const BATCH = 5_000;

/** What to record about a run. */
export interface AnalysisRunInput {
  kind: string;
  parameters: Record<string, unknown>;
  scope: Record<string, unknown>;
  clearance: Clearance;
  startedAt: string;
  finishedAt: string;
  counts: Record<string, number>;
  createdBy: string;
  /** The result without per-entity scores, kept as JSON for reports. */
  summary?: unknown;
  /** Entity id -> scores. */
  entities: Readonly<Record<string, Partial<Record<ResultKey, number>>>>;
  /** Entity id -> label, for index seeks. */
  labelOf: (id: string) => string | undefined;
}

/** A stored run. */
export interface AnalysisRun {
  id: string;
  kind: string;
  parameters: Record<string, unknown>;
  scope: Record<string, unknown>;
  clearance: Clearance;
  startedAt: string;
  finishedAt: string;
  counts: Record<string, number>;
  createdBy: string;
  summary?: unknown;
}

/** The scope as a canonical string: keys sorted, empty values dropped, so equal scopes match. */
export function scopeKeyOf(scope: Record<string, unknown>): string {
  const entries = Object.entries(scope)
    .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

/** Every score property of a partition set to null, so that a score an earlier run left cannot linger. */
function nullsOf(partition: string): Record<string, null> {
  return Object.fromEntries([...RESULT_KEYS, 'run' as const].map((k) => [scoreProperty(partition, k), null]));
}

function rowsByLabel(
  input: AnalysisRunInput,
  runId: string,
  partition: string,
): Map<EntityLabel, Record<string, unknown>[]> {
  const groups = new Map<EntityLabel, Record<string, unknown>[]>();
  const nulls = nullsOf(partition);
  for (const [id, scores] of Object.entries(input.entities)) {
    const label = input.labelOf(id);
    if (label === undefined || !(ENTITY_LABELS as readonly string[]).includes(label)) continue;
    const props: Record<string, unknown> = { ...nulls, [scoreProperty(partition, 'run')]: runId };
    for (const key of RESULT_KEYS)
      if (scores[key] !== undefined) props[scoreProperty(partition, key)] = scores[key];
    const list = groups.get(label as EntityLabel) ?? [];
    list.push({ id, props });
    groups.set(label as EntityLabel, list);
  }
  return groups;
}

/**
 * Records a run and its per-entity results in its clearance's partition, replacing the previous run of
 * the same kind, scope and clearance.
 */
export async function writeAnalysisRun(
  store: Store,
  input: AnalysisRunInput,
): Promise<{ id: string; written: number; replaced: string[] }> {
  const id = `run:${input.kind}:${randomUUID()}`;
  const scopeKey = scopeKeyOf(input.scope);
  const partition = partitionOf(input.clearance);
  const old = await store.read<{ id: string }>(
    `MATCH (r:AnalysisRun {kind: $kind}) WHERE r.scopeKey = $scopeKey AND r.partition = $partition
     RETURN r.id AS id`,
    { kind: input.kind, scopeKey, partition },
  );
  const replaced = old.records.map((r) => r.get('id'));
  await store.write(
    `CREATE (r:AnalysisRun {id: $id, kind: $kind, scopeKey: $scopeKey, scope: $scope, parameters: $parameters,
       clearance: $clearance, partition: $partition, startedAt: $startedAt, finishedAt: $finishedAt, counts: $counts,
       createdBy: $createdBy, summary: $summary})`,
    {
      id,
      kind: input.kind,
      scopeKey,
      scope: JSON.stringify(input.scope),
      parameters: JSON.stringify(input.parameters),
      clearance: JSON.stringify(input.clearance),
      partition,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      counts: JSON.stringify(input.counts),
      createdBy: input.createdBy,
      summary: input.summary === undefined ? null : JSON.stringify(input.summary),
    },
  );
  let written = 0;
  for (const [label, rows] of rowsByLabel(input, id, partition)) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const result = await store.write(
        `UNWIND $rows AS row MATCH (n:${quoteLabel(label)} {id: row.id}) SET n += row.props RETURN count(n) AS n`,
        { rows: rows.slice(i, i + BATCH) },
      );
      written += Number(result.records[0]?.get('n') ?? 0);
    }
  }
  if (replaced.length > 0) await removeRuns(store, replaced);
  return { id, written, replaced };
}

/** Deletes runs and the results they left on entities (those a newer run has not overwritten). */
export async function removeRuns(store: Store, ids: readonly string[]): Promise<void> {
  const runs = await store.read<{ clearance: string | null }>(
    'MATCH (r:AnalysisRun) WHERE r.id IN $ids RETURN DISTINCT r.clearance AS clearance',
    { ids: [...ids] },
  );
  const partitions = new Set<string>();
  for (const record of runs.records) {
    const clearance = storedClearance(record.get('clearance'));
    if (clearance !== null) partitions.add(partitionOf(clearance));
  }
  for (const partition of partitions) {
    for (const label of ENTITY_LABELS) {
      await store.autoCommit(
        `MATCH (n:${quoteLabel(label)}) WHERE n.\`${scoreProperty(partition, 'run')}\` IN $ids
         CALL (n) { SET n += $nulls } IN TRANSACTIONS OF ${BATCH} ROWS`,
        { ids: [...ids], nulls: nullsOf(partition) },
      );
    }
  }
  await store.write('MATCH (r:AnalysisRun) WHERE r.id IN $ids DETACH DELETE r', { ids: [...ids] });
}

const parse = (text: unknown): Record<string, unknown> =>
  typeof text === 'string' ? (JSON.parse(text) as Record<string, unknown>) : {};

/** The latest run of a kind (of one scope when given), or null. */
export async function readLatestRun(
  store: Store,
  kind: string,
  scope?: Record<string, unknown>,
): Promise<AnalysisRun | null> {
  const result = await store.read<{ r: Record<string, unknown> }>(
    `MATCH (r:AnalysisRun {kind: $kind}) WHERE $scopeKey IS NULL OR r.scopeKey = $scopeKey
     RETURN properties(r) AS r ORDER BY r.finishedAt DESC, r.id LIMIT 1`,
    { kind, scopeKey: scope === undefined ? null : scopeKeyOf(scope) },
  );
  const row = result.records[0]?.get('r');
  if (!row) return null;
  return {
    id: String(row.id),
    kind: String(row.kind),
    parameters: parse(row.parameters),
    scope: parse(row.scope),
    clearance: parse(row.clearance) as unknown as Clearance,
    startedAt: String(row.startedAt),
    finishedAt: String(row.finishedAt),
    counts: parse(row.counts) as Record<string, number>,
    createdBy: String(row.createdBy),
    ...(typeof row.summary === 'string' ? { summary: JSON.parse(row.summary) } : {}),
  };
}

/** The results a run left on entities: id -> scores (keys without the prefix and partition). */
export async function readRunResults(
  store: Store,
  runId: string,
): Promise<Record<string, Partial<Record<ResultKey, number>>>> {
  const out: Record<string, Partial<Record<ResultKey, number>>> = {};
  const run = await store.read('MATCH (r:AnalysisRun {id: $runId}) RETURN r.clearance AS clearance', {
    runId,
  });
  const clearance = storedClearance(run.records[0]?.get('clearance'));
  if (clearance === null) return out;
  const partition = partitionOf(clearance);
  const values = RESULT_KEYS.map((k) => `n.\`${scoreProperty(partition, k)}\``).join(', ');
  for (const label of ENTITY_LABELS) {
    const result = await store.read(
      `MATCH (n:${quoteLabel(label)}) WHERE n.\`${scoreProperty(partition, 'run')}\` = $runId
       RETURN n.id AS id, [${values}] AS v`,
      { runId },
    );
    for (const record of result.records) {
      const v = record.get('v') as (number | null)[];
      const scores: Partial<Record<ResultKey, number>> = {};
      RESULT_KEYS.forEach((key, i) => {
        if (v[i] !== null && v[i] !== undefined) scores[key] = v[i] as number;
      });
      out[record.get('id') as string] = scores;
    }
  }
  return out;
}
