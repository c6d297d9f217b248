/**
 * Analysts' decisions on identity candidates. Each pair has one IdentityDecision node (id derived from
 * the pair, so a repeated decision changes nothing); confirming also writes a SAME_AS link between
 * the two entities, and rejecting retracts one that was there (nothing is deleted). Only a pair the
 * analyst sees both ends of can be decided; the link carries the stricter handling code of its ends,
 * so it is visible exactly where both ends are.
 */
import { createHash } from 'node:crypto';
import type { Clearance } from '../schema/clearance.ts';
import { deriveLinkId } from '../schema/keys.ts';
import type { ManagedTransaction } from 'neo4j-driver';
import { runWrite } from './ingest-session.ts';
import type { Store } from './store.ts';
import { ownId } from './partition.ts';
import { LABEL_PARAMS, labelOf, matchById, quoteLabel, visibilityParams, visible } from './visibility.ts';

/** What an analyst decided about a pair. */
export interface DecisionInput {
  a: string;
  b: string;
  decision: 'same' | 'different';
  reason: string;
  user: string;
}

/** The recorded decision; `changed` is false when it was already recorded as is. */
export interface RecordedDecision {
  a: string;
  b: string;
  decision: 'same' | 'different';
  reason: string;
  decidedBy: string;
  decidedAt: string;
  changed: boolean;
  link: string | null;
}

/** Why a decision was refused. */
export type DecisionRefusal =
  | { refused: 'not-found' }
  | { refused: 'different-types'; types: [string, string] };

/** The id of a pair's decision, the same whichever way round the pair is given. */
export function decisionIdOf(a: string, b: string): string {
  const [first, second] = [a, b].sort();
  return `identity:${createHash('sha256').update(`${first}\u0000${second}`).digest('hex').slice(0, 24)}`;
}

async function visibleEnds(tx: ManagedTransaction, clearance: Clearance, a: string, b: string) {
  const result = await tx.run(
    `${matchById('x', '$a')} ${matchById('y', '$b')}
     WITH x, y WHERE ${visible('x')} AND ${visible('y')}
     RETURN ${labelOf('x')} AS la, ${labelOf('y')} AS lb, x.handling AS hx, y.handling AS hy`,
    { a, b, ...visibilityParams(clearance), ...LABEL_PARAMS },
  );
  const row = result.records[0];
  if (!row) return null;
  return {
    la: String(row.get('la')),
    lb: String(row.get('lb')),
    hx: String(row.get('hx')),
    hy: String(row.get('hy')),
  };
}

/** Records a decision on a pair the caller sees both ends of, in one transaction. */
export async function recordIdentityDecision(
  store: Store,
  clearance: Clearance,
  input: DecisionInput,
): Promise<RecordedDecision | DecisionRefusal> {
  const [first, second] = [input.a, input.b].sort() as [string, string];
  return runWrite(store, async (tx) => {
    const ends = await visibleEnds(tx, clearance, first, second);
    if (!ends) return { refused: 'not-found' };
    if (ends.la !== ends.lb) return { refused: 'different-types', types: [ends.la, ends.lb] };
    const label = quoteLabel(ends.la);
    const now = new Date().toISOString();
    const linkId = await sameAsIdFor(tx, clearance, label, first, second);
    const params = {
      id: decisionIdOf(first, second),
      first,
      second,
      decision: input.decision,
      reason: input.reason,
      user: input.user,
      now,
      linkId,
      // H0 < H1 < H2 < H3: a viewer who sees both ends holds both codes.
      handling: [ends.hx, ends.hy].sort()[1],
    };
    const recorded = await tx.run(
      `MATCH (x:${label} {id: $first}), (y:${label} {id: $second})
       MERGE (d:IdentityDecision {id: $id})
       WITH x, y, d, (d.decision = $decision AND d.reason = $reason) AS same
       SET d.a = $first, d.b = $second, d.decision = $decision, d.reason = $reason,
           d.decidedBy = CASE WHEN same THEN d.decidedBy ELSE $user END,
           d.decidedAt = CASE WHEN same THEN d.decidedAt ELSE $now END
       RETURN d.decidedBy AS decidedBy, d.decidedAt AS decidedAt, same`,
      params,
    );
    const row = recorded.records[0];
    if (!row) return { refused: 'not-found' };
    if (input.decision === 'same') await confirm(tx, label, params);
    else await reject(tx, label, { ...params, ...visibilityParams(clearance) });
    return {
      a: first,
      b: second,
      decision: input.decision,
      reason: input.reason,
      decidedBy: String(row.get('decidedBy')),
      decidedAt: String(row.get('decidedAt')),
      changed: row.get('same') !== true,
      link: input.decision === 'same' ? linkId : null,
    };
  });
}

/**
 * The id of the pair's SAME_AS as the caller knows it: the derived one when they can see a link
 * under it, else their partition's own, so a hidden SAME_AS is neither found nor changed.
 */
async function sameAsIdFor(
  tx: ManagedTransaction,
  clearance: Clearance,
  label: string,
  first: string,
  second: string,
): Promise<string> {
  const linkId = deriveLinkId({ type: 'SAME_AS', source: first, target: second });
  const found = await tx.run(
    `MATCH (:${label} {id: $first})-[r:SAME_AS {id: $linkId}]->(:${label} {id: $second})
     WHERE ${visible('r')} RETURN count(r) AS n`,
    { first, second, linkId, ...visibilityParams(clearance) },
  );
  return Number(found.records[0]?.get('n') ?? 0) > 0 ? linkId : ownId(clearance, linkId);
}

async function confirm(tx: ManagedTransaction, label: string, params: Record<string, unknown>) {
  await tx.run(
    `MATCH (x:${label} {id: $first}), (y:${label} {id: $second})
     MERGE (x)-[r:SAME_AS {id: $linkId}]->(y)
     ON CREATE SET r.handling = $handling, r.sources = [], r.reason = $reason, r.createdAt = $now,
       r.updatedAt = $now, r.createdBy = $user, r.version = 1
     WITH r WHERE coalesce(r.retracted, false)
     SET r.retracted = false, r.retractedAt = null, r.retractedBy = null, r.retractionReason = null,
       r.reason = $reason, r.updatedAt = $now, r.updatedBy = $user, r.version = coalesce(r.version, 1) + 1`,
    params,
  );
}

async function reject(tx: ManagedTransaction, label: string, params: Record<string, unknown>) {
  await tx.run(
    `MATCH (x:${label} {id: $first})-[r:SAME_AS]-(y:${label} {id: $second})
     WHERE NOT coalesce(r.retracted, false) AND ${visible('r')}
     SET r.retracted = true, r.retractedAt = $now, r.retractedBy = $user, r.retractionReason = $reason,
       r.updatedAt = $now, r.version = coalesce(r.version, 1) + 1`,
    params,
  );
}

/** The decisions recorded for these pairs, by decision id. */
export async function readIdentityDecisions(
  store: Store,
  pairs: readonly (readonly [string, string])[],
): Promise<Map<string, 'same' | 'different'>> {
  const ids = [...new Set(pairs.map(([a, b]) => decisionIdOf(a, b)))];
  if (ids.length === 0) return new Map();
  const result = await store.read<{ id: string; decision: 'same' | 'different' }>(
    'UNWIND $ids AS id MATCH (d:IdentityDecision {id: id}) RETURN d.id AS id, d.decision AS decision',
    { ids },
  );
  return new Map(result.records.map((r) => [r.get('id'), r.get('decision')]));
}
