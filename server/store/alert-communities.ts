/**
 * Communities for the community-link pattern: a watch names one member of a community, and a new
 * link alerts when it joins a record outside that community to one inside it. Which community a
 * record is in comes from the latest analysis run's scores as the watch owner may read them (the
 * fullest partition their recorded clearance covers, analysis-scores.ts), never from another's.
 */
import type { Clearance } from '../schema/clearance.ts';
import type { EntityLabel } from '../schema/model.ts';
import type { MatchedLink } from './alert-clearance.ts';
import type { AlertMatch } from './alerts-write.ts';
import { RESULT_PREFIX, type ScoreRun, scoresForReader } from './analysis-scores.ts';
import type { Store } from './store.ts';
import { LABEL_PARAMS, labelOf, matchById, quoteLabel } from './visibility.ts';
import type { MatchingWatch } from './watches.ts';

const BATCH = 5_000;

interface Member {
  label: EntityLabel;
  /** The run and the community in it: communities of different runs are never the same. */
  community: string;
}

const SCORES = `RETURN n.id AS id, ${labelOf('n')} AS label,
  [k IN keys(n) WHERE k STARTS WITH $prefix | [k, n[k]]] AS scores`;

/**
 * The community of each of these records under a clearance; records without one are left out. A
 * record of known label is found by one index seek, one of unknown label (a watch's member) by one
 * per label.
 */
export async function communitiesUnder(
  store: Store,
  clearance: Clearance,
  records: readonly { id: string; label?: EntityLabel }[],
): Promise<Map<string, Member>> {
  const scores = new Map<string, Record<string, unknown>>();
  const labels = new Map<string, EntityLabel>();
  const groups = new Map<string, Set<string>>();
  for (const { id, label } of records) {
    const key = label ?? '';
    groups.set(key, (groups.get(key) ?? new Set()).add(id));
  }
  for (const [label, set] of groups) {
    const ids = [...set];
    const find = label === '' ? matchById('n', 'key') : `MATCH (n:${quoteLabel(label)} {id: key})`;
    for (let start = 0; start < ids.length; start += BATCH) {
      const result = await store.read(`UNWIND $ids AS key ${find} ${SCORES}`, {
        ids: ids.slice(start, start + BATCH),
        prefix: RESULT_PREFIX,
        ...LABEL_PARAMS,
      });
      for (const row of result.records) {
        const pairs = row.get('scores') as [string, unknown][];
        if (pairs.length === 0) continue;
        scores.set(String(row.get('id')), Object.fromEntries(pairs));
        labels.set(String(row.get('id')), row.get('label') as EntityLabel);
      }
    }
  }
  const out = new Map<string, Member>();
  if (scores.size === 0) return out;
  const runIds = new Set<string>();
  for (const props of scores.values())
    for (const [key, value] of Object.entries(props))
      if (key.endsWith('_run') && typeof value === 'string') runIds.add(value);
  const result = await store.read<{ run: ScoreRun }>(
    'MATCH (run:AnalysisRun) WHERE run.id IN $ids RETURN run {.id, .clearance, .finishedAt} AS run',
    { ids: [...runIds] },
  );
  const runs = result.records.map((record) => record.get('run'));
  for (const [id, props] of scores) {
    const shown = scoresForReader(clearance, props, runs);
    const community = shown[`${RESULT_PREFIX}community`];
    const label = labels.get(id);
    if (community !== undefined && community !== null && label !== undefined)
      out.set(id, { label, community: JSON.stringify([shown[`${RESULT_PREFIX}run`], community]) });
  }
  return out;
}

/**
 * The matches of community-link watches among new links: a link with exactly one end in the
 * community of the watch's member. The member is one of the alert's records, so a recipient who may
 * not see it is not shown the alert.
 */
export async function communityMatches(
  store: Store,
  watches: readonly MatchingWatch[],
  links: readonly MatchedLink[],
  describe: (id: string) => string,
): Promise<AlertMatch[]> {
  const byClearance = new Map<string, MatchingWatch[]>();
  for (const watch of watches) {
    const key = JSON.stringify(watch.clearance);
    const group = byClearance.get(key);
    if (group === undefined) byClearance.set(key, [watch]);
    else group.push(watch);
  }
  const ends = links.flatMap((link) => [
    { id: link.source, label: link.sourceLabel },
    { id: link.target, label: link.targetLabel },
  ]);
  const matches: AlertMatch[] = [];
  for (const group of byClearance.values()) {
    const anchors = group.map((watch) => ({ id: String(watch.parameters.entity) }));
    const members = await communitiesUnder(store, group[0]?.clearance as Clearance, [...anchors, ...ends]);
    for (const watch of group) {
      const anchorId = String(watch.parameters.entity);
      const anchor = members.get(anchorId);
      if (anchor === undefined) continue;
      for (const link of links) {
        const inside = [link.source, link.target].filter(
          (id) => members.get(id)?.community === anchor.community,
        );
        if (inside.length !== 1) continue;
        const outside = inside[0] === link.source ? link.target : link.source;
        matches.push({
          watch: watch.id,
          instance: `link:${link.id}`,
          nodes: [
            { id: link.source, label: link.sourceLabel },
            { id: link.target, label: link.targetLabel },
            ...(inside[0] === anchorId ? [] : [{ id: anchorId, label: anchor.label }]),
          ],
          links: [link],
          reason: `new ${link.type} link from ${describe(outside)} into the community of watched ${describe(anchorId)} (at ${describe(inside[0] as string)})`,
        });
      }
    }
  }
  return matches;
}
