/**
 * Cell recovery on the demo case: the planted cells (ground truth) against the cells found inside
 * the syndicates, over a sweep of the cell level's objective and resolution, and over variants of
 * the view (what the projection uses: link types, call counts, payments, grades, dates).
 */
import type { CommunityResult } from '../../../analysis/communities/communities.ts';
import { detectCommunities } from '../../../analysis/communities/communities.ts';
import { normalizedMutualInformation } from '../../../analysis/communities/compare.ts';
import type { LeidenObjective } from '../../../analysis/communities/leiden.ts';
import type { CaseGraph } from '../../../analysis/core/types.ts';
import type { UndirectedOptions } from '../../../analysis/core/undirected.ts';
import type { GroundTruth } from '../../../seeds/demo/types.ts';

/** Medians over the seeds of one setting. */
export interface CellScore {
  setting: string;
  syndicateNmi: number;
  cellNmi: number;
  /** Planted cells whose members all sit in one found cell inside their syndicate's community. */
  whole: number;
  /** Of those, cells found with exactly the planted facilitators. */
  exact: number;
  found: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Scores one detection against the planted syndicates and cells. */
export function scoreCells(result: CommunityResult, truth: GroundTruth): Omit<CellScore, 'setting'> {
  const planted = Object.fromEntries(truth.cells.flatMap((c) => c.members.map((id) => [id, c.key])));
  const cellOf = result.cells?.membership ?? {};
  const pick = (of: Record<string, number>) =>
    Object.fromEntries(Object.keys(planted).map((id) => [id, of[id] ?? -1]));
  let whole = 0;
  let exact = 0;
  for (const cell of truth.cells) {
    const syndicate = truth.syndicates.find((s) => s.key === cell.syndicate)?.organisationId ?? '';
    const found = new Set(cell.members.map((id) => cellOf[id]));
    const id = [...found][0];
    const foundCell = id === undefined ? undefined : result.cells?.cells[id];
    if (found.size !== 1 || !foundCell || foundCell.parent !== result.membership[syndicate]) continue;
    whole += 1;
    if (foundCell.members.filter((m) => m in planted).length === cell.members.length) exact += 1;
  }
  const facilitatorCells = new Set(Object.keys(planted).map((id) => cellOf[id]));
  return {
    syndicateNmi: normalizedMutualInformation(truth.facilitators, pick(result.membership)),
    cellNmi: normalizedMutualInformation(planted, pick(cellOf)),
    whole,
    exact,
    found: facilitatorCells.size,
  };
}

/** Medians over `seeds` of the scores of one setting. */
export function scoreSetting(
  setting: string,
  graph: CaseGraph,
  truth: GroundTruth,
  seeds: number,
  cells: { objective?: LeidenObjective; resolution?: number },
  projection: UndirectedOptions = {},
): CellScore {
  const runs = Array.from({ length: seeds }, (_, i) =>
    scoreCells(detectCommunities(graph, { seed: i + 1, cells, projection }), truth),
  );
  return {
    setting,
    syndicateNmi: median(runs.map((r) => r.syndicateNmi)),
    cellNmi: median(runs.map((r) => r.cellNmi)),
    whole: median(runs.map((r) => r.whole)),
    exact: median(runs.map((r) => r.exact)),
    found: median(runs.map((r) => r.found)),
  };
}

/** The resolutions swept for each objective of the cell level. */
export const SWEEP: { objective: LeidenObjective; resolutions: number[] }[] = [
  { objective: 'modularity', resolutions: [0.5, 1, 1.5, 2, 3, 4] },
  // CPM's resolution is a density in tie-weight units; the demo's calls weigh 2 x 40-200 inside a cell.
  { objective: 'cpm', resolutions: [10, 20, 40, 60, 80, 120, 200] },
];

// A source reliable in all or most instances: Europol and Admiralty A or B, UK 1.
const RELIABLE = /^[AB]|^1/;

/** Copies a case graph keeping only the links `keep` accepts. */
export function filterLinks(
  graph: CaseGraph,
  keep: (attributes: Record<string, unknown>) => boolean,
): CaseGraph {
  const copy = graph.emptyCopy() as CaseGraph;
  graph.forEachEdge((edge, attributes, source, target) => {
    if (keep(attributes)) copy.addEdgeWithKey(edge, source, target, attributes);
  });
  return copy;
}

/** Whether a link was active at some time in `year` (links without dates always are). */
function activeIn(attributes: Record<string, unknown>, year: string): boolean {
  const from = String(attributes.firstSeen ?? attributes.date ?? '');
  const until = String(attributes.lastSeen ?? attributes.date ?? '');
  if (!from && !until) return true;
  return (from || '0000') <= `${year}-12-31` && (until || '9999') >= `${year}-01-01`;
}

/** The variants of the view compared at the default cell settings. */
export function viewVariants(graph: CaseGraph): {
  name: string;
  graph: CaseGraph;
  projection: UndirectedOptions;
}[] {
  const drop = (type: string) => (_n: string, a: Record<string, unknown>) =>
    a.entityType !== type && a.entityType !== 'Source' && a.entityType !== 'Case';
  return [
    { name: 'default view', graph, projection: {} },
    { name: 'every link type weighs 1', graph, projection: { linkTypeWeights: {} } },
    { name: 'call counts ignored', graph, projection: { getEdgeWeight: null } },
    { name: 'payments as nodes, not payer-payee ties', graph, projection: { bridgePayments: false } },
    { name: 'payments left out', graph, projection: { include: drop('Payment') } },
    {
      name: 'links from reliable sources only (A/B, UK 1)',
      graph: filterLinks(graph, (a) => RELIABLE.test(String(a.grade ?? ''))),
      projection: {},
    },
    {
      name: 'ties active in 2024 only',
      graph: filterLinks(graph, (a) => activeIn(a, '2024')),
      projection: {},
    },
  ];
}
