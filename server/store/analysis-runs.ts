/**
 * Analysis runs written back to Neo4j: an AnalysisRun node (kind, parameters, scope, clearance,
 * times, counts, author, and the result summary as JSON) and each entity's scores as `a_`-prefixed
 * properties with `a_run` naming the run, written in UNWIND batches. A new run of the same kind and
 * scope replaces the old one: the old node goes, and so do the scores it left on entities.
 * The scores were computed under the run's clearance; a reader with less must not be shown them
 * (scoresForReader, which every read of an entity's properties applies).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type Clearance, clearanceCovers } from '../auth/context.ts';
import { ENTITY_LABELS, type EntityLabel, HANDLING_CODES } from '../schema/model.ts';
import { quoteLabel } from './projection-cypher.ts';
import type { Store } from './store.ts';

/** Per-entity results a run may write, stored as `a_<key>`. */
export const RESULT_KEYS = [
  'community',
  'degree',
  'weightedDegree',
  'betweenness',
  'pagerank',
  'eigenvector',
  'closeness',
] as const;
export type ResultKey = (typeof RESULT_KEYS)[number];

/** The prefix of written-back properties. */
export const RESULT_PREFIX = 'a_';

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

const NULLS = Object.fromEntries(RESULT_KEYS.map((k) => [`${RESULT_PREFIX}${k}`, null]));

function rowsByLabel(input: AnalysisRunInput, runId: string): Map<EntityLabel, Record<string, unknown>[]> {
  const groups = new Map<EntityLabel, Record<string, unknown>[]>();
  for (const [id, scores] of Object.entries(input.entities)) {
    const label = input.labelOf(id);
    if (label === undefined || !(ENTITY_LABELS as readonly string[]).includes(label)) continue;
    // Every key is set, absent ones to null, so a score an earlier run left cannot linger.
    const props: Record<string, unknown> = { ...NULLS, [`${RESULT_PREFIX}run`]: runId };
    for (const key of RESULT_KEYS)
      if (scores[key] !== undefined) props[`${RESULT_PREFIX}${key}`] = scores[key];
    const list = groups.get(label as EntityLabel) ?? [];
    list.push({ id, props });
    groups.set(label as EntityLabel, list);
  }
  return groups;
}

/** Records a run and its per-entity results, replacing the previous run of the same kind and scope. */
export async function writeAnalysisRun(
  store: Store,
  input: AnalysisRunInput,
): Promise<{ id: string; written: number; replaced: string[] }> {
  const id = `run:${input.kind}:${randomUUID()}`;
  const scopeKey = scopeKeyOf(input.scope);
  const old = await store.read<{ id: string }>(
    'MATCH (r:AnalysisRun {kind: $kind}) WHERE r.scopeKey = $scopeKey RETURN r.id AS id',
    { kind: input.kind, scopeKey },
  );
  const replaced = old.records.map((r) => r.get('id'));
  await store.write(
    `CREATE (r:AnalysisRun {id: $id, kind: $kind, scopeKey: $scopeKey, scope: $scope, parameters: $parameters,
       clearance: $clearance, startedAt: $startedAt, finishedAt: $finishedAt, counts: $counts,
       createdBy: $createdBy, summary: $summary})`,
    {
      id,
      kind: input.kind,
      scopeKey,
      scope: JSON.stringify(input.scope),
      parameters: JSON.stringify(input.parameters),
      clearance: JSON.stringify(input.clearance),
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      counts: JSON.stringify(input.counts),
      createdBy: input.createdBy,
      summary: input.summary === undefined ? null : JSON.stringify(input.summary),
    },
  );
  let written = 0;
  for (const [label, rows] of rowsByLabel(input, id)) {
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
  for (const label of ENTITY_LABELS) {
    await store.autoCommit(
      `MATCH (n:${quoteLabel(label)}) WHERE n.${RESULT_PREFIX}run IN $ids
       CALL (n) { SET n += $nulls SET n.${RESULT_PREFIX}run = null } IN TRANSACTIONS OF ${BATCH} ROWS`,
      { ids: [...ids], nulls: NULLS },
    );
  }
  await store.write('MATCH (r:AnalysisRun) WHERE r.id IN $ids DETACH DELETE r', { ids: [...ids] });
}

const StoredClearanceSchema = z.object({
  handling: z.array(z.enum(HANDLING_CODES)),
  agency: z.string().nullable(),
  unrestricted: z.boolean().optional(),
});

// A run whose stored clearance cannot be read is taken to have seen everything.
function storedClearance(text: string): Clearance {
  const everything: Clearance = { handling: [...HANDLING_CODES], agency: null, unrestricted: true };
  try {
    const parsed = StoredClearanceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : everything;
  } catch {
    return everything;
  }
}

/**
 * An entity's properties as a reader may see them: the `a_` scores only when the run that wrote them
 * (whose stored clearance is given, null when the run is gone) was computed under a clearance the
 * reader covers; otherwise they would show the influence of records the reader may not see.
 */
export function scoresForReader(
  reader: Clearance,
  properties: Record<string, unknown>,
  runClearance: unknown,
): Record<string, unknown> {
  const keys = Object.keys(properties).filter((key) => key.startsWith(RESULT_PREFIX));
  if (keys.length === 0) return properties;
  const run = typeof runClearance === 'string' ? storedClearance(runClearance) : null;
  if (run !== null && clearanceCovers(reader, run)) return properties;
  const shown = { ...properties };
  for (const key of keys) delete shown[key];
  return shown;
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

/** The results a run left on entities: id -> scores (keys without the prefix). */
export async function readRunResults(
  store: Store,
  runId: string,
): Promise<Record<string, Partial<Record<ResultKey, number>>>> {
  const out: Record<string, Partial<Record<ResultKey, number>>> = {};
  const values = RESULT_KEYS.map((k) => `n.\`${RESULT_PREFIX}${k}\``).join(', ');
  for (const label of ENTITY_LABELS) {
    const result = await store.read(
      `MATCH (n:${quoteLabel(label)}) WHERE n.${RESULT_PREFIX}run = $runId RETURN n.id AS id, [${values}] AS v`,
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
