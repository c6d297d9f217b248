import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { linkCommunitiesToCrimes, linkEntityToCrimes } from '../../../analysis/findings/crime-links.ts';

// boss -ASSOCIATE_OF- pilot -SUSPECTED_OF-> smuggling; boss -ASSOCIATE_OF- launderer -CONVICTED_OF->
// laundering; launderer -INVOLVED_IN-> smuggling too; a Source touching everyone must not count.
function caseGraph(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (const id of ['boss', 'pilot', 'launderer', 'cousin']) g.addNode(id, { entityType: 'Person' });
  g.addNode('smuggling', { entityType: 'Offence', category: 'migrant smuggling' });
  g.addNode('laundering', { entityType: 'Offence', category: 'money laundering' });
  g.addNode('terror', { entityType: 'Offence', category: 'terrorism' });
  g.addNode('report', { entityType: 'Source' });
  g.addEdge('boss', 'pilot', { linkType: 'ASSOCIATE_OF', grade: 'B2', gradeScheme: 'europol' });
  g.addEdge('pilot', 'boss', { linkType: 'CONTACTED', grade: 'A1', gradeScheme: 'europol' });
  g.addEdge('pilot', 'smuggling', { linkType: 'SUSPECTED_OF', grade: 'B3', gradeScheme: 'europol' });
  g.addEdge('boss', 'launderer', { linkType: 'ASSOCIATE_OF' });
  g.addEdge('launderer', 'laundering', { linkType: 'CONVICTED_OF' });
  g.addEdge('launderer', 'smuggling', { linkType: 'INVOLVED_IN' });
  g.addEdge('cousin', 'terror', { linkType: 'SUSPECTED_OF' });
  for (const id of ['boss', 'cousin', 'terror']) g.addEdge(id, 'report', { linkType: 'REPORTED_IN' });
  return g;
}

const byCategory = (links: { category: string }[]) => Object.fromEntries(links.map((l) => [l.category, l]));

describe('linkEntityToCrimes', () => {
  it('gives the shortest distance and counts the distinct simple paths to each category', () => {
    const links = byCategory(linkEntityToCrimes(caseGraph(), 'boss'));
    expect(links['migrant smuggling']).toMatchObject({
      distance: 2,
      pathCount: 2,
      capped: false,
      offences: ['smuggling'],
    });
    // boss-launderer-laundering, and the longer boss-pilot-smuggling-launderer-laundering is past 3 hops.
    expect(links['money laundering']).toMatchObject({ distance: 2, pathCount: 1 });
  });

  it('does not walk through Source nodes, so a shared report links nobody to terrorism', () => {
    const links = byCategory(linkEntityToCrimes(caseGraph(), 'boss'));
    expect(links.terrorism).toMatchObject({ distance: null, pathCount: 0, evidence: [] });
  });

  it('returns evidence paths with every link type and grade along them, shortest first', () => {
    const [smuggling] = linkEntityToCrimes(caseGraph(), 'boss', {
      categories: ['migrant smuggling'],
      maxPaths: 1,
    });
    expect(smuggling?.evidence).toEqual([
      {
        nodes: ['boss', 'launderer', 'smuggling'],
        hops: [[{ linkType: 'ASSOCIATE_OF' }], [{ linkType: 'INVOLVED_IN' }]],
      },
    ]);
    const both = linkEntityToCrimes(caseGraph(), 'boss', { categories: ['migrant smuggling'] })[0];
    expect(both?.evidence[1]?.hops[0]).toEqual([
      { linkType: 'ASSOCIATE_OF', grade: 'B2', gradeScheme: 'europol' },
      { linkType: 'CONTACTED', grade: 'A1', gradeScheme: 'europol' },
    ]);
  });

  it('stops counting at the cap and says so', () => {
    const link = linkEntityToCrimes(caseGraph(), 'boss', {
      categories: ['migrant smuggling'],
      maxCount: 1,
    })[0];
    expect(link).toMatchObject({ pathCount: 1, capped: true });
  });

  it('respects maxHops', () => {
    const link = linkEntityToCrimes(caseGraph(), 'boss', {
      categories: ['migrant smuggling'],
      maxHops: 1,
    })[0];
    expect(link).toMatchObject({ distance: null, pathCount: 0 });
  });
});

describe('linkCommunitiesToCrimes', () => {
  it('measures from any member, and a path never runs back through another member', () => {
    const result = linkCommunitiesToCrimes(caseGraph(), {
      boss: 0,
      pilot: 0,
      launderer: 1,
      cousin: 2,
      terror: 2,
    });
    const first = byCategory(result[0]?.links ?? []);
    // pilot -> smuggling (1 hop) and boss -> launderer -> smuggling; boss -> pilot -> ... is not a new path.
    expect(first['migrant smuggling']).toMatchObject({ distance: 1, pathCount: 2 });
    const third = byCategory(result[2]?.links ?? []);
    expect(third.terrorism).toMatchObject({ distance: 1, pathCount: 1 });
    expect(result.map((r) => r.community)).toEqual([0, 1, 2]);
  });
});
