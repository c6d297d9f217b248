/**
 * The syndicate -> cell hierarchy the canvas groups by, and the names it shows for them. It comes
 * from a communities run on the server (Leiden, over what the viewer may see, each community and
 * cell named there by analysis/communities/syndicate-name.ts). Without a run there are none: the browser
 * computes no communities of its own, and the legend offers to start a run.
 */
import { runAnalyses } from '../api/analyses.ts';
import type { RunResult } from '../api/analyses.ts';

/** Syndicates and cells: membership, names by group key, and each cell's syndicate. */
export interface Syndicates {
  source: 'run' | 'none';
  syndicateOf: Map<string, number>;
  cellOf: Map<string, number>;
  /** Group key (`s:3`, `c:12`) -> name. */
  names: Map<string, string>;
  cellParent: Map<number, number>;
  /** Members per syndicate, as the run counted them. */
  sizes: Map<number, number>;
}

/** The syndicates of a communities run's result. */
export function syndicatesFromRun(result: RunResult): Syndicates {
  const out = emptySyndicates('run');
  for (const community of result.communities ?? []) {
    out.names.set(`s:${community.id}`, community.summary.name);
    out.sizes.set(community.id, community.size);
    for (const member of community.members) out.syndicateOf.set(member, community.id);
  }
  for (const cell of result.cells ?? []) {
    out.names.set(`c:${cell.id}`, cell.summary.name);
    out.cellParent.set(cell.id, cell.parent);
    for (const member of cell.members) out.cellOf.set(member, cell.id);
  }
  return out;
}

/** No run yet: no syndicates, so grouping keeps every entity apart by type. */
export const NO_SYNDICATES: Syndicates = emptySyndicates('none');

function emptySyndicates(source: Syndicates['source']): Syndicates {
  return {
    source,
    syndicateOf: new Map(),
    cellOf: new Map(),
    names: new Map(),
    cellParent: new Map(),
    sizes: new Map(),
  };
}

/** The name shown for a syndicate: the run's name for it, else its number. */
export function syndicateName(syndicates: Syndicates | null, id: number): string {
  return syndicates?.names.get(`s:${id}`) ?? `Community ${id}`;
}

/** Runs the communities analysis of a case (or the whole graph) and reads its hierarchy. */
export async function fetchSyndicates(caseId?: string): Promise<Syndicates> {
  const answer = await runAnalyses(['communities'], caseId ? { caseId } : {});
  return syndicatesFromRun(answer.result);
}
