/**
 * Analysis scores kept per clearance. A run computed under a clearance writes each entity's scores
 * as `a_<partition>_<key>`, with `a_<partition>_run` naming the run, where the partition is a digest
 * of that clearance: a run replaces only scores computed under the same clearance, never those of a
 * fuller (or other) one. A reader is shown, as plain `a_<key>` and `a_run`, the scores of the fullest
 * partition whose clearance theirs covers, and nothing of the others (readScores, through which every
 * read of an entity's or a case's properties goes).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Clearance, clearanceCovers } from '../schema/clearance.ts';
import { HANDLING_CODES } from '../schema/model.ts';
import type { Store } from './store.ts';

/** Per-entity results a run may write, stored as `a_<partition>_<key>`. */
export const RESULT_KEYS = [
  'community',
  'cell',
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

const PARTITION = /^[0-9a-f]{12}$/;
const PARTITIONED = /^a_([0-9a-f]{12})_([A-Za-z]+)$/;
const SHOWN_KEYS: ReadonlySet<string> = new Set([...RESULT_KEYS, 'run']);

/** The partition of a clearance: a digest of its codes (sorted), agency and reach. */
export function partitionOf(clearance: Clearance): string {
  const canonical = JSON.stringify([
    [...new Set(clearance.handling)].sort(),
    clearance.agency,
    clearance.unrestricted === true,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

/** The stored property of one score (or of the run id) in a partition. */
export function scoreProperty(partition: string, key: ResultKey | 'run'): string {
  if (!PARTITION.test(partition)) throw new Error(`not a score partition: ${JSON.stringify(partition)}`);
  return `${RESULT_PREFIX}${partition}_${key}`;
}

/** A run whose scores an entity holds, as readScores reads it. */
export interface ScoreRun {
  id: unknown;
  clearance: unknown;
  finishedAt: unknown;
}

const StoredClearanceSchema = z.object({
  handling: z.array(z.enum(HANDLING_CODES)),
  agency: z.string().nullable(),
  unrestricted: z.boolean().optional(),
});

/** A run's stored clearance, or null when it cannot be read (its scores are then shown to no one). */
export function storedClearance(text: unknown): Clearance | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = StoredClearanceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface Candidate {
  partition: string;
  clearance: Clearance;
  finishedAt: string;
}

// Fuller first: more codes, then any agency's records, then one agency's; then the newer run.
function fuller(a: Candidate, b: Candidate): number {
  const reach = (c: Clearance) => [
    c.handling.length,
    c.unrestricted === true ? 1 : 0,
    c.agency === null ? 0 : 1,
  ];
  const [x, y] = [reach(a.clearance), reach(b.clearance)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (y[i] as number) - (x[i] as number);
  if (a.finishedAt !== b.finishedAt) return a.finishedAt < b.finishedAt ? 1 : -1;
  return a.partition < b.partition ? -1 : 1;
}

/**
 * An entity's properties as a reader may see them: of the scores kept per clearance, only those of
 * the fullest partition whose run's clearance the reader covers, as `a_<key>` and `a_run`; every
 * other `a_` property is left out (it would show the influence of records the reader may not see).
 */
export function scoresForReader(
  reader: Clearance,
  properties: Record<string, unknown>,
  runs: readonly ScoreRun[],
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  const partitions = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(RESULT_PREFIX)) {
      shown[key] = value;
      continue;
    }
    const match = PARTITIONED.exec(key);
    if (match === null || !SHOWN_KEYS.has(match[2] as string)) continue;
    const scores = partitions.get(match[1] as string) ?? {};
    scores[match[2] as string] = value;
    partitions.set(match[1] as string, scores);
  }
  if (partitions.size === 0) return shown;
  const candidates: Candidate[] = [];
  for (const run of runs) {
    const clearance = storedClearance(run.clearance);
    if (clearance === null || !clearanceCovers(reader, clearance)) continue;
    const partition = partitionOf(clearance);
    if (partitions.get(partition)?.run !== run.id) continue;
    candidates.push({ partition, clearance, finishedAt: String(run.finishedAt ?? '') });
  }
  const best = candidates.sort(fuller)[0];
  if (best === undefined) return shown;
  for (const [key, value] of Object.entries(partitions.get(best.partition) ?? {}))
    if (value !== null && value !== undefined) shown[`${RESULT_PREFIX}${key}`] = value;
  return Object.fromEntries(Object.entries(shown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The ids of the runs whose scores a node's properties hold. */
export function runIdsIn(properties: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(properties))
    if (PARTITIONED.test(key) && key.endsWith('_run') && typeof value === 'string') ids.add(value);
  return [...ids];
}

/**
 * A node's properties as a reader may see them (scoresForReader), reading the runs its scores name in
 * a small query of its own, only when it holds any: the entity read's plan stays as it was.
 */
export async function readScores(
  store: Store,
  reader: Clearance,
  properties: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const ids = runIdsIn(properties);
  if (ids.length === 0) return scoresForReader(reader, properties, []);
  return scoresForReader(reader, properties, await readScoreRuns(store, ids));
}

/** The runs of these ids, as scoresForReader needs them. */
export async function readScoreRuns(store: Store, ids: readonly string[]): Promise<ScoreRun[]> {
  const result = await store.read<{ run: ScoreRun }>(
    'MATCH (run:AnalysisRun) WHERE run.id IN $ids RETURN run {.id, .clearance, .finishedAt} AS run',
    { ids: [...ids] },
  );
  return result.records.map((record) => record.get('run'));
}
