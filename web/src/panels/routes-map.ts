/**
 * The routes map: an offline world map (world-atlas through d3-geo, no tile server), each route as
 * great-circle arcs from its source through transit to its destination, hotspots as circles sized
 * by a measure the analyst chooses (events, journeys, syndicates, deaths) and labelled by place. It
 * opens in the panel or as a large pane over the workspace, zooms with the wheel or the buttons and
 * pans by dragging. Routes are drawn above the hotspots, so a click on a route reaches it; it lists
 * the route's places, the syndicates at its hotspots and the vessels linked to it in what is loaded.
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

/** What a hotspot's circle may be sized by. */
const MEASURES = {
  events: 'events',
  journeys: 'journeys',
  syndicates: 'syndicates operating there',
  deaths: 'deaths and missing',
} as const;
type Measure = keyof typeof MEASURES;
/** Labels' size on screen, in pixels. */
const LABEL_PX = 11;

type HotspotOf = NonNullable<AnalysisAnswer['result']['routes']>['hotspots'][number];

function measureOf(spot: HotspotOf, measure: Measure): number {
  if (measure === 'syndicates') return spot.syndicates.length;
  return spot[measure];
}

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

/** The map's zoom: the visible part of the map, in map units; text and strokes keep their size. */
class MapZoom {
  private box = { x: 0, y: 0, width: WIDTH, height: HEIGHT };
  constructor(
    private readonly map: SVGSVGElement,
    /** Called after each change of zoom or size, with the map units one screen pixel spans. */
    private readonly changed: (unitsPerPixel: number) => void,
  ) {
    new ResizeObserver(() => this.apply()).observe(map);
    map.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const at = this.pointOf(event);
        this.zoom(event.deltaY < 0 ? 1.25 : 0.8, at);
      },
      { passive: false },
    );
    let drag: { x: number; y: number } | null = null;
    map.addEventListener('pointerdown', (event) => {
      if ((event.target as Element).closest('.map-route')) return;
      drag = this.pointOf(event);
    });
    map.addEventListener('pointermove', (event) => {
      if (!drag) return;
      const at = this.pointOf(event);
      this.box.x -= at.x - drag.x;
      this.box.y -= at.y - drag.y;
      this.apply();
    });
    for (const end of ['pointerup', 'pointerleave'] as const) map.addEventListener(end, () => (drag = null));
    this.apply();
  }

  /** Zooms by `factor` (above 1: in) around a map point (the centre by default), 1x to 40x. */
  zoom(factor: number, at = { x: this.box.x + this.box.width / 2, y: this.box.y + this.box.height / 2 }) {
    const width = Math.min(WIDTH, Math.max(WIDTH / 40, this.box.width / factor));
    const scale = width / this.box.width;
    this.box = {
      x: at.x - (at.x - this.box.x) * scale,
      y: at.y - (at.y - this.box.y) * scale,
      width,
      height: (width * HEIGHT) / WIDTH,
    };
    this.apply();
  }

  reset(): void {
    this.box = { x: 0, y: 0, width: WIDTH, height: HEIGHT };
    this.apply();
  }

  /** How many times the map is enlarged. */
  get level(): number {
    return WIDTH / this.box.width;
  }

  private apply(): void {
    const { x, y, width, height } = this.box;
    this.map.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
    const shown = this.map.getBoundingClientRect().width;
    const unitsPerPixel = shown > 0 ? width / shown : 1 / this.level;
    this.map.style.setProperty('--map-scale', String(unitsPerPixel));
    this.map.dataset.zoom = this.level.toFixed(2);
    this.changed(unitsPerPixel);
  }

  private pointOf(event: MouseEvent): { x: number; y: number } {
    const rect = this.map.getBoundingClientRect();
    return {
      x: this.box.x + ((event.clientX - rect.left) / rect.width) * this.box.width,
      y: this.box.y + ((event.clientY - rect.top) / rect.height) * this.box.height,
    };
  }
}

/** The hotspots' circles and labels, sized by a measure. */
function drawHotspots(
  layer: SVGGElement,
  answer: AnalysisAnswer,
  projection: ReturnType<typeof geoNaturalEarth1>,
  measure: Measure,
): void {
  const hotspots = answer.result.routes?.hotspots ?? [];
  const most = Math.max(1, ...hotspots.map((spot) => measureOf(spot, measure)));
  const rank = new Map(
    [...hotspots]
      .sort((a, b) => measureOf(b, measure) - measureOf(a, measure))
      .map((spot, i) => [spot.location, i] as const),
  );
  const items: SVGElement[] = [];
  for (const spot of hotspots) {
    const place = answer.places[spot.location];
    const point = place ? projection([place.lon, place.lat]) : null;
    if (!point) continue;
    const value = measureOf(spot, measure);
    const name = place?.name ?? spot.name ?? spot.location;
    const r = 2 + 10 * Math.sqrt(value / most);
    items.push(
      svg(
        'circle',
        {
          class: 'map-hotspot',
          cx: point[0],
          cy: point[1],
          r,
          'data-location': spot.location,
          'data-value': value,
          'data-journeys': spot.journeys,
        },
        svg(
          'title',
          {},
          `${name}: ${spot.events} events, ${spot.journeys} journeys, ${spot.syndicates.length} syndicates, ${spot.deaths} deaths and missing`,
        ),
      ),
    );
    items.push(
      svg(
        'text',
        {
          class: 'map-label',
          x: point[0],
          y: point[1],
          'data-r': r,
          'data-rank': rank.get(spot.location) ?? 0,
          'data-location': spot.location,
        },
        name,
      ),
    );
  }
  replace(layer, ...items);
}

/**
 * Places the labels at their size on screen, largest hotspot first, and hides each one that would
 * cover a label already placed: zooming in makes room, and more names appear.
 */
function declutter(layer: SVGGElement, unitsPerPixel: number): void {
  const size = LABEL_PX * unitsPerPixel;
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const labels = [...layer.querySelectorAll<SVGTextElement>('.map-label')].sort(
    (a, b) => Number(a.dataset.rank) - Number(b.dataset.rank),
  );
  for (const label of labels) {
    const gap = Number(label.dataset.r) + 2 * unitsPerPixel;
    const x = Number(label.getAttribute('x')) + gap;
    const y = Number(label.getAttribute('y')) + size / 3;
    label.setAttribute('dx', String(gap));
    label.setAttribute('dy', String(size / 3));
    label.style.fontSize = `${size}px`;
    // About 0.6 em a character: close enough to keep labels apart without measuring each.
    const box = { x, y: y - size, w: 0.6 * size * (label.textContent ?? '').length, h: size * 1.2 };
    const covers = placed.some(
      (p) => box.x < p.x + p.w && p.x < box.x + box.w && box.y < p.y + p.h && p.y < box.y + box.h,
    );
    label.setAttribute('visibility', covers ? 'hidden' : 'visible');
    if (!covers) placed.push(box);
  }
}

async function drawMap(
  answer: AnalysisAnswer,
  details: HTMLElement,
  workspace: Workspace,
  measure: () => Measure,
): Promise<{ map: SVGSVGElement; zoom: MapZoom; resize: () => void }> {
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const map = svg('svg', {
    id: 'routes-map',
    class: 'chart routes-map',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': 'Smuggling routes',
  });
  map.append(...(await landPaths(path)));
  const hotspotLayer = svg('g', { class: 'map-hotspots' });
  map.append(hotspotLayer);
  drawHotspots(hotspotLayer, answer, projection, measure());
  // Routes above the hotspots: a click on a route reaches it wherever a circle lies under it.
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
  let unitsPerPixel = 1;
  const zoom = new MapZoom(map, (units) => {
    unitsPerPixel = units;
    declutter(hotspotLayer, units);
  });
  return {
    map,
    zoom,
    resize: () => {
      drawHotspots(hotspotLayer, answer, projection, measure());
      declutter(hotspotLayer, unitsPerPixel);
    },
  };
}

/** Mounts the routes map panel. */
export function mountRoutesPanel(container: HTMLElement, workspace: Workspace): void {
  const body = h('div', { id: 'routes-results' });
  const details = h('div', {});
  const run = h('button', { type: 'button', id: 'run-routes' }, 'Map routes and hotspots');
  const measure = h(
    'select',
    { id: 'routes-measure', 'aria-label': 'Size hotspots by' },
    ...Object.entries(MEASURES).map(([value, label]) => h('option', { value }, `Size by ${label}`)),
  );
  run.addEventListener('click', () => {
    run.disabled = true;
    workspace.say('Analysing routes…');
    runAnalyses(['routes'])
      .then(async (answer) => {
        const drawn = await drawMap(answer, details, workspace, () => measure.value as Measure);
        measure.onchange = () => drawn.resize();
        const button = (id: string, label: string, onclick: () => void) =>
          h('button', { type: 'button', id, onclick }, label);
        const pane = h(
          'div',
          { id: 'routes-pane', class: 'routes-pane', 'data-large': 'false' },
          h(
            'div',
            { class: 'actions' },
            measure,
            button('routes-zoom-in', '+', () => drawn.zoom.zoom(1.5)),
            button('routes-zoom-out', '−', () => drawn.zoom.zoom(1 / 1.5)),
            button('routes-zoom-reset', 'Whole map', () => drawn.zoom.reset()),
            button('routes-enlarge', 'Large map', () => {
              const large = pane.dataset.large !== 'true';
              pane.dataset.large = String(large);
              (document.getElementById('routes-enlarge') as HTMLButtonElement).textContent = large
                ? 'Back to the panel'
                : 'Large map';
            }),
          ),
          drawn.map,
          details,
        );
        replace(body, pane);
        container.dataset.state = 'done';
        workspace.say('');
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'))
      .finally(() => (run.disabled = false));
  });
  replace(container, h('h2', {}, 'Routes'), h('div', { class: 'actions' }, run), body);
}
