/** Section 6, Links to other crime areas: the community x crime matrix and the evidence behind each link. */
import type { CrimeLink, EvidencePath } from '../../../analysis/findings/crime-links.ts';
import { communityName, nameOf, plural, type ReportContext, say } from '../context.ts';
import type { Block, Section, Sentence } from '../types.ts';

/** The category the networks are investigated for: every other one is a link to another crime area. */
export const HOME_CATEGORY = 'migrant smuggling';

function evidenceIds(ctx: ReportContext, path: EvidencePath): string[] {
  const ids = [...path.nodes];
  path.nodes.slice(1).forEach((to, i) => {
    const from = path.nodes[i] as string;
    if (ctx.graph.hasNode(from) && ctx.graph.hasNode(to))
      ids.push(...ctx.graph.edges(from, to), ...ctx.graph.edges(to, from));
  });
  return ids;
}

function describeEvidence(ctx: ReportContext, community: number, link: CrimeLink): Sentence {
  const path = link.evidence[0];
  if (!path)
    return say(
      ctx,
      `${communityName(ctx, community)} - ${link.category}: no evidence path kept.`,
      link.offences,
    );
  const steps = path.nodes
    .map((node, i) => {
      if (i === 0) return nameOf(ctx, node);
      const hop = (path.hops[i - 1] ?? [])
        .map((h) => `${h.linkType}${h.grade ? ` graded ${h.grade}` : ''}`)
        .join('/');
      return `[${hop}] ${nameOf(ctx, node)}`;
    })
    .join(' ');
  return say(
    ctx,
    `${communityName(ctx, community)} - ${link.category}, ${plural(link.distance ?? 0, 'link')} away through ${plural(link.pathCount, 'path')}${link.capped ? ' or more' : ''}: ${steps}.`,
    evidenceIds(ctx, path),
  );
}

/** Builds the Links to other crime areas section. */
export function buildCrimeLinksSection(ctx: ReportContext): Section {
  const crime = ctx.result.crimeLinks;
  const communities = (crime?.communities ?? []).filter((c) =>
    c.links.some((l) => l.category !== HOME_CATEGORY),
  );
  const categories = (crime?.categories ?? []).filter((c) => c !== HOME_CATEGORY);
  const linked = communities.flatMap((c) =>
    c.links.filter((l) => l.category !== HOME_CATEGORY).map((l) => ({ community: c.community, link: l })),
  );
  ctx.figures.crimeLinks = linked.length;
  if (linked.length === 0)
    return {
      id: 'crime-links',
      title: 'Links to other crime areas',
      blocks: [
        {
          kind: 'paragraph',
          sentences: [
            say(ctx, 'No link from a network to an offence of another crime area is recorded in scope.'),
          ],
        },
      ],
    };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      sentences: [
        say(
          ctx,
          `${plural(communities.length, 'network')} reach offences in ${plural(categories.length, 'other crime area')}: ${categories.join(', ')}. A cell gives the shortest distance in links and the number of paths.`,
          linked.flatMap((l) => l.link.offences),
        ),
      ],
    },
    {
      kind: 'table',
      caption: 'Networks (rows) by crime area (columns): distance in links / paths',
      columns: ['network', ...categories],
      rows: communities.map((c) => ({
        cells: [
          communityName(ctx, c.community),
          ...categories.map((category) => {
            const link = c.links.find((l) => l.category === category);
            return link && link.distance !== null
              ? `${link.distance} / ${link.pathCount}${link.capped ? '+' : ''}`
              : '-';
          }),
        ],
        cites: ctx.citations.cite(c.links.flatMap((l) => l.offences)),
      })),
    },
    { kind: 'heading', text: 'Evidence behind each link' },
    { kind: 'list', items: linked.map(({ community, link }) => describeEvidence(ctx, community, link)) },
  ];
  return { id: 'crime-links', title: 'Links to other crime areas', blocks };
}
