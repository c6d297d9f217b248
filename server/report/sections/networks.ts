/** Section 2, Networks: each syndicate's size, structure, key facilitators, countries and routes. */
import type { CommunityReport } from '../../runner/types.ts';
import { communityName, formatCount, nameOf, plural, type ReportContext, say } from '../context.ts';
import { isProtected } from '../../../analysis/core/types.ts';
import { drawOrganigram } from '../figures/organigram.ts';
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

/** Most key facilitators listed per syndicate. */
const KEY_FACILITATORS = 10;

/** A key facilitator and why they rank where they do. */
interface Facilitator {
  id: string;
  tier: number;
  why: string;
}

/**
 * A syndicate's facilitators in the order an analyst reads them: those who lead (LEADS) or organise
 * first, then the brokers who connect it to other syndicates (by betweenness), then the busiest (by
 * links). Never the people smuggled or witnesses.
 */
export function rankFacilitators(ctx: ReportContext, community: CommunityReport): Facilitator[] {
  const { graph } = ctx;
  const members = new Set(community.members);
  const brokers = new Map(
    (ctx.result.brokers ?? []).filter((b) => b.communitiesReached > 1).map((b) => [b.id, b]),
  );
  const betweenness = (id: string) => ctx.result.entities[id]?.betweenness ?? 0;
  const ranked: Facilitator[] = [];
  for (const id of community.members) {
    if (!graph.hasNode(id)) continue;
    const a = graph.getNodeAttributes(id);
    if (a.entityType !== 'Person' || isProtected(a)) continue;
    const led = graph.filterOutEdges(id, (_e, l, _s, t) => l.linkType === 'LEADS' && members.has(t));
    const broker = brokers.get(id);
    if (led.length > 0) {
      const whom = graph.target(led[0] as string);
      ranked.push({ id, tier: 0, why: `leads ${nameOf(ctx, whom)}` });
    } else if ((a.roles ?? []).includes('organiser')) ranked.push({ id, tier: 0, why: 'organiser' });
    else if (broker)
      ranked.push({
        id,
        tier: 1,
        why: `broker: reaches ${broker.communitiesReached} syndicates, participation ${broker.participation.toFixed(2)}`,
      });
    else ranked.push({ id, tier: 2, why: `${formatCount(graph.degree(id))} links` });
  }
  return ranked.sort(
    (x, y) =>
      x.tier - y.tier ||
      (x.tier === 2 ? graph.degree(y.id) - graph.degree(x.id) : betweenness(y.id) - betweenness(x.id)) ||
      graph.degree(y.id) - graph.degree(x.id) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

function describeNetwork(ctx: ReportContext, community: CommunityReport): Block[] {
  const { summary } = community;
  const people = summary.byEntityType.Person ?? 0;
  const roles = top(summary.byRole, 6).filter(([role]) => role !== 'smuggled person' && role !== 'witness');
  const ranked = rankFacilitators(ctx, community);
  const keys = ranked.slice(0, KEY_FACILITATORS);
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
      caption: `Key facilitators of ${communityName(ctx, community.id)}: those who lead or organise, then brokers to other syndicates by betweenness, then the busiest by links (${keys.length} of ${ranked.length})`,
      columns: ['facilitator', 'roles', 'why', 'links'],
      rows: keys.map((k) => ({
        cells: [
          nameOf(ctx, k.id),
          (ctx.graph.getNodeAttribute(k.id, 'roles') ?? []).join(', ') || 'not recorded',
          k.why,
          formatCount(ctx.graph.degree(k.id)),
        ],
        cites: ctx.citations.cite([k.id]),
      })),
    });
  const chart = drawOrganigram(ctx.graph, community.members, {
    cellOf: (id) => ctx.result.entities[id]?.cell,
    nameOf: (id) => nameOf(ctx, id),
    ranked: ranked.map((r) => r.id),
  });
  const shown = chart.boxes.reduce((n, b) => n + b.shown.length, Math.min(chart.leaders.length, 4));
  blocks.push({
    kind: 'figure',
    caption: `Organigram of ${communityName(ctx, community.id)}: who leads (LEADS) above the members, grouped by cell; ${shown} of ${ranked.length} facilitators named, the rest counted`,
    svg: chart.svg,
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
