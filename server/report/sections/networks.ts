/** Section 2, Networks: each syndicate's size, structure, key facilitators, countries and routes. */
import type { CommunityReport } from '../../analyses/types.ts';
import { communityName, formatCount, nameOf, plural, type ReportContext, say } from '../context.ts';
import { drawNetwork } from '../figures/network.ts';
import type { Block, Section } from '../types.ts';

/** Communities smaller than this are counted, not described. */
const MIN_DESCRIBED = 5;
/** Networks described one by one; the rest are tabulated. */
const MAX_DESCRIBED = 8;

const top = (counts: Record<string, number>, n: number) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);

const listCounts = (counts: [string, number][]) =>
  counts.map(([k, v]) => `${k} (${formatCount(v)})`).join(', ');

function describeNetwork(ctx: ReportContext, community: CommunityReport): Block[] {
  const { summary } = community;
  const people = summary.byEntityType.Person ?? 0;
  const roles = top(summary.byRole, 6).filter(([role]) => role !== 'smuggled person' && role !== 'witness');
  const keys = summary.keyMembers;
  const sentences = [
    say(
      ctx,
      `${communityName(ctx, community.id)} holds ${plural(community.size, 'entity', 'entities')}, ${plural(people, 'person', 'people')} among them.`,
      community.members,
    ),
  ];
  if (roles.length > 0)
    sentences.push(
      say(
        ctx,
        `Roles recorded: ${listCounts(roles)}.`,
        community.members.filter(
          (m) => ctx.graph.hasNode(m) && ctx.graph.getNodeAttribute(m, 'entityType') === 'Person',
        ),
      ),
    );
  const countries = top(summary.countries, 6);
  if (countries.length > 0)
    sentences.push(say(ctx, `Countries: ${listCounts(countries)}.`, community.members));
  if (summary.routes.length > 0)
    sentences.push(
      say(
        ctx,
        `Routes operated: ${summary.routes.map((r) => r.name ?? r.id).join('; ')}.`,
        summary.routes.map((r) => r.id),
      ),
    );
  const blocks: Block[] = [
    { kind: 'heading', text: communityName(ctx, community.id) },
    { kind: 'paragraph', sentences },
  ];
  if (keys.length > 0)
    blocks.push({
      kind: 'table',
      caption: `Key facilitators of ${communityName(ctx, community.id)} (by links in the case graph)`,
      columns: ['facilitator', 'roles', 'links'],
      rows: keys.map((k) => ({
        cells: [nameOf(ctx, k.id), k.roles.join(', ') || 'not recorded', formatCount(k.score)],
        cites: ctx.citations.cite([k.id]),
      })),
    });
  blocks.push({
    kind: 'figure',
    caption: `Network of ${communityName(ctx, community.id)}: facilitators and organisations, key members labelled`,
    svg: drawNetwork(ctx.graph, community.members, { labelled: keys.map((k) => k.id) }),
    cites: ctx.citations.cite(community.members),
  });
  return blocks;
}

function brokerBlocks(ctx: ReportContext): Block[] {
  const brokers = (ctx.result.brokers ?? []).filter((b) => b.communitiesReached > 1).slice(0, 8);
  if (brokers.length === 0) return [];
  return [
    { kind: 'heading', text: 'Facilitators who connect networks' },
    {
      kind: 'table',
      caption: 'Brokers between communities (betweenness between groups, participation coefficient)',
      columns: ['facilitator', 'roles', 'communities reached', 'participation'],
      rows: brokers.map((b) => ({
        cells: [
          nameOf(ctx, b.id),
          (ctx.graph.hasNode(b.id) ? (ctx.graph.getNodeAttribute(b.id, 'roles') ?? []) : []).join(', ') ||
            'not recorded',
          formatCount(b.communitiesReached),
          b.participation.toFixed(2),
        ],
        cites: ctx.citations.cite([b.id]),
      })),
    },
  ];
}

/** Builds the Networks section. */
export function buildNetworksSection(ctx: ReportContext): Section {
  const communities = ctx.result.communities ?? [];
  const described = communities.filter((c) => c.size >= MIN_DESCRIBED).slice(0, MAX_DESCRIBED);
  ctx.figures.networks = communities.length;
  const blocks: Block[] = [];
  if (communities.length === 0) {
    blocks.push({
      kind: 'paragraph',
      sentences: [
        say(
          ctx,
          'No network was found: the data in scope holds too few linked entities to detect communities.',
        ),
      ],
    });
    return { id: 'networks', title: 'Networks', blocks };
  }
  blocks.push({
    kind: 'paragraph',
    sentences: [
      say(
        ctx,
        `Community detection found ${plural(communities.length, 'network')} (modularity ${(ctx.result.modularity ?? 0).toFixed(3)}); the ${plural(described.length, 'network')} of at least ${MIN_DESCRIBED} entities are described below.`,
        communities.flatMap((c) => c.members),
      ),
    ],
  });
  for (const community of described) blocks.push(...describeNetwork(ctx, community));
  blocks.push(...brokerBlocks(ctx));
  return { id: 'networks', title: 'Networks', blocks };
}
