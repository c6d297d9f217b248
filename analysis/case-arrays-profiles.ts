/**
 * The community profiles of community-summary.ts (summariseCommunities) for case arrays, without a
 * visit of every link of every member. Of the links the profiles read only these make a difference:
 * payments' links (PAID, RECEIVED), links to routes, offences and places, and links from routes;
 * every other link is visited and passed over. So the profiles read a view (case-arrays-view.ts)
 * of all the entities and only those links, in the order they have among all links, and rank key
 * members by their degree in the whole case graph, as summariseCommunities counts it by default.
 * The outcome is summariseCommunities' on the whole graph, field for field (see the tests in
 * test/unit/analyses/load-arrays.test.ts); a profile that comes to read other links must be added
 * to readsLink below.
 */
import type { CaseArrays } from './case-arrays.ts';
import { viewCaseArrays } from './case-arrays-view.ts';
import type { CommunityResult } from './communities.ts';
import { type CommunitySummary, summariseCommunities } from './community-summary.ts';

const PAYMENT_LINKS = new Set(['PAID', 'RECEIVED']);
const TARGETS_READ = new Set(['Route', 'Offence', 'Location']);

/** summariseCommunities on the case graph of `arrays` (see the banner). */
export function profileCaseArrays(arrays: CaseArrays, result: CommunityResult): CommunitySummary[] {
  const { nodes, attributes, sources, targets, types, typeNames } = arrays;
  const payment = Uint8Array.from(typeNames, (type) => (PAYMENT_LINKS.has(type) ? 1 : 0));
  const entityTypes = attributes.map((a) => a.entityType as string);
  const keep = new Uint8Array(sources.length);
  const degree = new Int32Array(nodes.length);
  for (let e = 0; e < sources.length; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    degree[s]!++;
    degree[t]!++;
    if (readsLink(payment[types[e]!] === 1, entityTypes[s], entityTypes[t])) keep[e] = 1;
  }
  const scores = Object.fromEntries(nodes.map((id, v) => [id, degree[v]!]));
  return summariseCommunities(viewCaseArrays(arrays, keep), result, { scores });
}

// Whether a profile can read a link: a payment's, one to a route, offence or place, one from a route.
function readsLink(isPayment: boolean, source: string | undefined, target: string | undefined): boolean {
  return isPayment || TARGETS_READ.has(target as string) || source === 'Route';
}
