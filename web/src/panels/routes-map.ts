/**
 * The routes map: an offline world map (world-atlas through d3-geo, no tile server), each route as
 * great-circle arcs from its source through transit to its destination, hotspots as circles sized
 * by journeys. A click on a route lists its places, the syndicates at its hotspots and the vessels
 * linked to it in what is loaded.
 */
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { runAnalyses } from '../api/analyses.ts';
import type { AnalysisAnswer } from '../api/analyses.ts';
import { communityColour } from '../graph/palette.ts';
import { h, replace, svg } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

const WIDTH = 640;
const HEIGHT = 340;

async function landPaths(path: ReturnType<typeof geoPath>): Promise<SVGPathElement[]> {
  const topology = (await (await fetch(worldUrl)).json()) as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  return countries.features.map((country) => svg('path', { class: 'map-land', d: path(country) ?? '' }));
}

function vesselsNear(workspace: Workspace, route: string): string[] {
  const graph = workspace.view.graph;
  if (!graph.hasNode(route)) return [];
  const out = new Set<string>();
  for (const neighbour of graph.neighbors(route))
    for (const next of [neighbour, ...graph.neighbors(neighbour)])
      if (graph.getNodeAttribute(next, 'entityType') === 'Vessel')
        out.add(String(graph.getNodeAttribute(next, 'name') ?? next));
  return [...out];
}

function routeDetails(answer: AnalysisAnswer, route: string, workspace: Workspace): HTMLElement {
  const path = answer.result.routes?.paths.find((p) => p.route === route);
  const hotspots = (answer.result.routes?.hotspots ?? []).filter((spot) => spot.routes.includes(route));
  const syndicates = [...new Set(hotspots.flatMap((spot) => spot.syndicates))].map(
    (s) => answer.names[s] ?? `Community ${s}`,
  );
  const vessels = vesselsNear(workspace, route);
  return h(
    'div',
    { id: 'route-details', 'data-route': route },
    h('h3', {}, answer.names[route] ?? route),
    h('p', {}, (path?.places ?? []).map((p) => answer.places[p]?.name ?? p).join(' → ')),
    h('p', {}, `Syndicates: ${syndicates.join(', ') || 'none recorded at its hotspots'}`),
    h('p', {}, `Vessels: ${vessels.join(', ') || 'none in what is loaded'}`),
    h('button', { type: 'button', onclick: () => void workspace.openEntity(route) }, 'Open on the graph'),
  );
}

async function drawMap(
  answer: AnalysisAnswer,
  details: HTMLElement,
  workspace: Workspace,
): Promise<SVGSVGElement> {
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const map = svg('svg', {
    id: 'routes-map',
    class: 'chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': 'Smuggling routes',
  });
  map.append(...(await landPaths(path)));
  const routes = answer.result.routes?.paths ?? [];
  routes.forEach((route, i) => {
    const coordinates = route.places
      .map((p) => answer.places[p])
      .filter((p) => p !== undefined)
      .map((p) => [p.lon, p.lat] as [number, number]);
    if (coordinates.length < 2) return;
    const arc = svg(
      'path',
      {
        class: 'map-route',
        d: path({ type: 'LineString', coordinates }) ?? '',
        stroke: communityColour(i % 16),
        'data-route': route.route,
      },
      svg('title', {}, answer.names[route.route] ?? route.route),
    );
    arc.addEventListener('click', () => {
      for (const other of map.querySelectorAll('.map-route')) other.setAttribute('data-selected', 'false');
      arc.setAttribute('data-selected', 'true');
      replace(details, routeDetails(answer, route.route, workspace));
    });
    map.append(arc);
  });
  const hotspots = answer.result.routes?.hotspots ?? [];
  const most = Math.max(1, ...hotspots.map((spot) => spot.journeys));
  for (const spot of hotspots) {
    const place = answer.places[spot.location];
    const point = place ? projection([place.lon, place.lat]) : null;
    if (!point) continue;
    map.append(
      svg(
        'circle',
        {
          class: 'map-hotspot',
          cx: point[0],
          cy: point[1],
          r: 2 + 10 * Math.sqrt(spot.journeys / most),
          'data-location': spot.location,
          'data-journeys': spot.journeys,
        },
        svg('title', {}, `${place?.name ?? spot.location}: ${spot.journeys} journeys, ${spot.events} events`),
      ),
    );
  }
  return map;
}

/** Mounts the routes map panel. */
export function mountRoutesPanel(container: HTMLElement, workspace: Workspace): void {
  const body = h('div', { id: 'routes-results' });
  const details = h('div', {});
  const run = h('button', { type: 'button', id: 'run-routes' }, 'Map routes and hotspots');
  run.addEventListener('click', () => {
    run.disabled = true;
    workspace.say('Analysing routes…');
    runAnalyses(['routes'])
      .then(async (answer) => {
        replace(body, await drawMap(answer, details, workspace), details);
        container.dataset.state = 'done';
        workspace.say('');
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'))
      .finally(() => (run.disabled = false));
  });
  replace(container, h('h2', {}, 'Routes'), h('div', { class: 'actions' }, run), body);
}
