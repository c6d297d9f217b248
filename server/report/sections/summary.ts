/** Section 1, Summary: period, scope, counts and the main findings, each backed by the data. */
import {
  entitiesOfType,
  formatCount,
  formatMoney,
  formatPeriod,
  nameOf,
  plural,
  type ReportContext,
  say,
} from '../context.ts';
import type { Section, Sentence } from '../types.ts';
import { eventsByPlace } from './routes.ts';

/** Builds the Summary section; runs after the other sections, whose figures it reads. */
export function buildSummarySection(ctx: ReportContext): Section {
  const { graph, result, figures: f } = ctx;
  ctx.figures.entities = result.graph.entities;
  ctx.figures.links = result.graph.links;
  const facilitators = entitiesOfType(graph, 'Person', (a) =>
    (a.roles ?? []).some((r) => r !== 'smuggled person' && r !== 'witness'),
  );
  const smuggled = entitiesOfType(graph, 'Person', (a) => (a.roles ?? []).includes('smuggled person'));
  ctx.figures.facilitators = facilitators.length;
  const scope = ctx.caseName ? `the case ${ctx.caseName}` : 'every case in the database';
  const opening: Sentence[] = [
    say(
      ctx,
      `This report covers ${formatPeriod(ctx.period)}, compared with ${formatPeriod(ctx.compare)}, over ${scope}, as visible to the reader's clearance.`,
    ),
    say(
      ctx,
      `The data in scope holds ${plural(result.graph.entities, 'entity', 'entities')} and ${plural(result.graph.links, 'link')}: ${plural(facilitators.length, 'facilitator')} and ${plural(smuggled.length, 'smuggled person', 'smuggled persons')} (victims and witnesses, never suspects).`,
      [...facilitators, ...smuggled],
    ),
  ];
  const findings: Sentence[] = [];
  const communities = result.communities ?? [];
  if (communities.length > 0)
    findings.push(
      say(
        ctx,
        `${plural(communities.length, 'network')} were found by community detection.`,
        communities.flatMap((c) => c.members),
      ),
    );
  const hotspot = result.routes?.hotspots[0];
  if (hotspot)
    findings.push(
      say(
        ctx,
        `The busiest transit place by journeys is ${hotspot.name ?? hotspot.location}, with ${plural(hotspot.journeys, 'journey')}.`,
        [hotspot.location, ...hotspot.routes],
      ),
    );
  const [place, events] = eventsByPlace(ctx)[0] ?? [];
  if (place && events)
    findings.push(
      say(
        ctx,
        `Most recorded events took place at ${nameOf(ctx, place)} (${place}): ${plural(events.length, 'event')}.`,
        [place, ...events],
      ),
    );
  if (f.routesAppeared !== undefined)
    findings.push(
      say(
        ctx,
        `${plural(f.routesAppeared, 'corridor')} appeared and ${plural(f.routesShifted ?? 0, 'corridor')} shifted since the previous period.`,
        (result.routes?.changes?.appeared ?? []).flatMap((c) => c.routes.after),
      ),
    );
  if (result.money && result.money.transfers > 0)
    findings.push(
      say(
        ctx,
        `${plural(result.money.transfers, 'payment')} total ${formatMoney(result.money.total, result.money.currency)}; ${plural(result.money.typologies.length, 'laundering pattern')} were detected.`,
        result.money.typologies.flatMap((t) => t.payments),
      ),
    );
  if (result.documents && result.documents.shared.length > 0)
    findings.push(
      say(
        ctx,
        `${plural(result.documents.shared.length, 'document')} are reused by several people.`,
        result.documents.shared.map((s) => s.document),
      ),
    );
  const categories = (result.crimeLinks?.categories ?? []).filter((c) => c !== 'migrant smuggling');
  if (categories.length > 0)
    findings.push(
      say(
        ctx,
        `The networks are linked to ${plural(categories.length, 'other crime area')}: ${categories.join(', ')}.`,
        (result.crimeLinks?.communities ?? []).flatMap((c) => c.links.flatMap((l) => l.offences)),
      ),
    );
  if (findings.length === 0)
    findings.push(
      say(
        ctx,
        `Too little data is in scope to draw findings: ${formatCount(result.graph.entities)} entities. Section 8 lists what is missing.`,
      ),
    );
  return {
    id: 'summary',
    title: 'Summary',
    blocks: [
      { kind: 'paragraph', sentences: opening },
      { kind: 'list', items: findings },
    ],
  };
}
