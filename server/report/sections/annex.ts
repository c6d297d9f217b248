/** Section 10, Annex: the sources with their grades, the methods with their parameters and run ids. */
import { DEFAULTS as CRIME_DEFAULTS } from '../../../analysis/findings/crime-links.ts';
import { DEFAULTS as HOTSPOT_DEFAULTS } from '../../../analysis/findings/routes.ts';
import { DEFAULTS } from '../../runner/types.ts';
import { formatCount, formatPeriod, type ReportContext } from '../context.ts';
import type { Block, Section, SourceEntry } from '../types.ts';
import { POLY_CRIMINAL } from './threat.ts';

/** Every Source entity in scope with the grades of the records that cite it. */
export function listSources(ctx: ReportContext): SourceEntry[] {
  const grades = new Map<string, Set<string>>();
  const note = (a: { sources?: unknown; grade?: unknown; gradeScheme?: unknown }) => {
    if (!Array.isArray(a.sources) || typeof a.grade !== 'string') return;
    for (const s of a.sources)
      if (typeof s === 'string')
        grades.set(
          s,
          (grades.get(s) ?? new Set()).add(`${a.grade} (${String(a.gradeScheme ?? 'unknown scheme')})`),
        );
  };
  ctx.graph.forEachNode((_n, a) => note(a));
  ctx.graph.forEachEdge((_e, a) => note(a));
  return ctx.graph
    .filterNodes((_n, a) => a.entityType === 'Source')
    .sort()
    .map((id) => {
      const a = ctx.graph.getNodeAttributes(id);
      return {
        id,
        name: String(a.name ?? id),
        ...(typeof a.agency === 'string' ? { agency: a.agency } : {}),
        ...(typeof a.date === 'string' ? { date: a.date } : {}),
        grades: [...(grades.get(id) ?? [])].sort(),
      };
    });
}

function methods(ctx: ReportContext): string[][] {
  const p = ctx.result.parameters;
  const run = ctx.runId ?? 'not recorded';
  return [
    ['Communities', `Louvain (Blondel et al. 2008), resolution ${p.resolution}, seed ${p.seed}`, run],
    [
      'Key players',
      `betweenness (Brandes 2001) on the weighted undirected projection, top ${p.limit}; smuggled persons and witnesses never ranked`,
      run,
    ],
    [
      'Brokers',
      `betweenness between groups and participation coefficient (Guimera and Amaral 2005), top ${p.limit}`,
      run,
    ],
    [
      'Disruption',
      `remove the ${DEFAULTS.disruption.k} persons of highest ${DEFAULTS.disruption.strategy}, compare components and money paths`,
      run,
    ],
    [
      'Crime links',
      `paths of at most ${CRIME_DEFAULTS.maxHops} links from members to offences, ${CRIME_DEFAULTS.maxPaths} evidence paths kept; poly-criminal: ${POLY_CRIMINAL.areas}+ areas within ${POLY_CRIMINAL.maxDistance} links`,
      run,
    ],
    [
      'Money',
      `payments converted to ${p.currency} at dated rates; typology detectors (fan, cycle, hub, stack, bipartite, pass-through, structuring, hawala)`,
      run,
    ],
    [
      'Routes',
      `route legs in order; hotspots score journeys + 5 per syndicate + 1 per event + 2 per incident (${HOTSPOT_DEFAULTS.incidentKinds.join(', ')}); changes ${formatPeriod(ctx.compare)} against ${formatPeriod(ctx.period)}`,
      run,
    ],
    [
      'Documents, vessels, gaps',
      'shared and compromised documents, number series; renamed and reflagged vessels; single-source links, silences of 90 days',
      run,
    ],
  ];
}

/** Builds the Annex: sources, methods and the citations' records. */
export function buildAnnexSection(ctx: ReportContext, sources: SourceEntry[]): Section {
  const blocks: Block[] = [
    { kind: 'heading', text: 'Sources' },
    sources.length > 0
      ? {
          kind: 'table',
          caption: `${formatCount(sources.length)} sources and the grades of the records they back`,
          columns: ['source', 'name', 'agency', 'date', 'grades'],
          rows: sources.map((s) => ({
            cells: [s.id, s.name, s.agency ?? '', s.date ?? '', s.grades.join(', ') || 'none'],
            cites: [],
          })),
        }
      : { kind: 'paragraph', sentences: [{ text: 'No source record is visible in scope.', cites: [] }] },
    { kind: 'heading', text: 'Methods' },
    {
      kind: 'table',
      caption: 'Methods, parameters and analysis runs',
      columns: ['analysis', 'method and parameters', 'run'],
      rows: methods(ctx).map((cells) => ({ cells, cites: [] })),
    },
  ];
  return { id: 'annex', title: 'Annex', blocks };
}
