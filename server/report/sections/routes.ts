/** Section 3, Routes and hotspots: the map, transit places ranked, routes that appeared or shifted. */
import type { RouteChange } from '../../../analysis/findings/routes.ts';
import { formatCount, formatPeriod, nameOf, plural, type ReportContext, say } from '../context.ts';
import { drawRouteMap } from '../figures/map.ts';
import type { Block, Section } from '../types.ts';

const MAX_HOTSPOTS = 10;

function describeChange(ctx: ReportContext, change: RouteChange, verb: string) {
  const via = (paths: string[][]) =>
    paths.map((p) => (p.length ? p.map((id) => nameOf(ctx, id)).join(' - ') : 'direct')).join('; ') || 'none';
  const detail =
    verb === 'shifted'
      ? ` from transit via ${via(change.before)} to transit via ${via(change.after)}`
      : verb === 'appeared'
        ? ` via ${via(change.after)}`
        : ` (last via ${via(change.before)})`;
  return say(ctx, `${nameOf(ctx, change.source)} to ${nameOf(ctx, change.destination)} ${verb}${detail}.`, [
    ...change.routes.before,
    ...change.routes.after,
  ]);
}

/** Places by the events located there, most first. */
export function eventsByPlace(ctx: ReportContext): [string, string[]][] {
  const byPlace = new Map<string, string[]>();
  ctx.graph.forEachEdge((_e, a, source, target, sa, ta) => {
    if (a.linkType === 'LOCATED_IN' && sa.entityType === 'Event' && ta.entityType === 'Location')
      byPlace.set(target, [...(byPlace.get(target) ?? []), source]);
  });
  return [...byPlace].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function eventTable(ctx: ReportContext): Block[] {
  const places = eventsByPlace(ctx).slice(0, MAX_HOTSPOTS);
  if (places.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: 'Places ranked by recorded events (crossings, interceptions, shipwrecks, arrests)',
      columns: ['rank', 'place', 'id', 'events'],
      rows: places.map(([place, events], i) => ({
        cells: [String(i + 1), nameOf(ctx, place), place, formatCount(events.length)],
        cites: ctx.citations.cite([place, ...events]),
      })),
    },
  ];
}

function hotspotTable(ctx: ReportContext): Block[] {
  const hotspots = ctx.result.routes?.hotspots ?? [];
  if (hotspots.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: 'Transit places ranked by journeys, syndicates, events and incidents',
      columns: ['rank', 'place', 'journeys', 'routes', 'syndicates', 'events', 'incidents', 'deaths'],
      rows: hotspots.slice(0, MAX_HOTSPOTS).map((h, i) => ({
        cells: [
          String(i + 1),
          h.name ?? nameOf(ctx, h.location),
          formatCount(h.journeys),
          formatCount(h.routes.length),
          formatCount(h.syndicates.length),
          formatCount(h.events),
          formatCount(Object.values(h.incidents).reduce((a, b) => a + b, 0)),
          formatCount(h.deaths),
        ],
        cites: ctx.citations.cite([h.location, ...h.routes]),
      })),
    },
  ];
}

function changeBlocks(ctx: ReportContext): Block[] {
  const changes = ctx.result.routes?.changes;
  if (!changes) return [];
  const { appeared, shifted, faded } = changes;
  ctx.figures.routesAppeared = appeared.length;
  ctx.figures.routesShifted = shifted.length;
  ctx.figures.routesFaded = faded.length;
  const intro = say(
    ctx,
    `Between ${formatPeriod(ctx.compare)} and ${formatPeriod(ctx.period)}, ${plural(appeared.length, 'corridor')} appeared, ${formatCount(shifted.length)} shifted and ${formatCount(faded.length)} faded.`,
    [...appeared, ...shifted, ...faded].flatMap((c) => [...c.routes.before, ...c.routes.after]),
  );
  const items = [
    ...appeared.map((c) => describeChange(ctx, c, 'appeared')),
    ...shifted.map((c) => describeChange(ctx, c, 'shifted')),
    ...faded.map((c) => describeChange(ctx, c, 'faded')),
  ];
  return [
    { kind: 'heading', text: 'Changes since the previous period' },
    { kind: 'paragraph', sentences: [intro] },
    ...(items.length ? [{ kind: 'list' as const, items }] : []),
  ];
}

/** Builds the Routes and hotspots section. */
export function buildRoutesSection(ctx: ReportContext): Section {
  const paths = ctx.result.routes?.paths ?? [];
  const hotspots = ctx.result.routes?.hotspots ?? [];
  ctx.figures.routes = paths.length;
  ctx.figures.hotspots = hotspots.length;
  const blocks: Block[] = [];
  if (paths.length === 0) {
    blocks.push({
      kind: 'paragraph',
      sentences: [
        say(
          ctx,
          'No route is recorded in scope: routes, their legs and the journeys along them are missing.',
        ),
      ],
    });
    return { id: 'routes', title: 'Routes and hotspots', blocks };
  }
  const busiest = hotspots[0];
  const sentences = [
    say(
      ctx,
      `The data records ${plural(paths.length, 'route')} through ${plural(new Set(paths.flatMap((p) => p.places)).size, 'place')}.`,
      paths.map((p) => p.route),
    ),
  ];
  if (busiest)
    sentences.push(
      say(
        ctx,
        `The busiest transit place by journeys is ${busiest.name ?? nameOf(ctx, busiest.location)} (${busiest.location}): ${plural(busiest.journeys, 'journey')} on ${plural(busiest.routes.length, 'route')}.`,
        [busiest.location, ...busiest.routes],
      ),
    );
  const [place, events] = eventsByPlace(ctx)[0] ?? [];
  if (place && events) {
    ctx.figures.busiestPlaceEvents = events.length;
    sentences.push(
      say(
        ctx,
        `The place with the most recorded events (crossings, interceptions, shipwrecks) is ${nameOf(ctx, place)} (${place}), with ${plural(events.length, 'event')}.`,
        [place, ...events],
      ),
    );
  }
  blocks.push({ kind: 'paragraph', sentences });
  const map = drawRouteMap(ctx.graph, paths, hotspots);
  if (map)
    blocks.push({
      kind: 'figure',
      caption: 'Routes (lines through their places in order) and hotspots (circles sized by journeys)',
      svg: map,
      cites: ctx.citations.cite(paths.map((p) => p.route)),
    });
  blocks.push(...hotspotTable(ctx), ...eventTable(ctx), ...changeBlocks(ctx));
  return { id: 'routes', title: 'Routes and hotspots', blocks };
}
