/**
 * The timeline's drawing: an overview of dated records per month with a brush (d3-brush) to set the
 * window, a shared time axis, and the lanes in a windowed list (only the rows in sight are drawn, so
 * a case of thousands of lanes scrolls as one of ten). A syndicate's header row carries all its lanes'
 * marks and opens to show them. Marks on the same day and lane are drawn as one, which says how many
 * it holds. It reports brushes and clicks; the panel decides what they change.
 */
import { type BrushBehavior, brushX } from 'd3-brush';
import type { ScaleTime } from 'd3-scale';
import { select } from 'd3-selection';
import { utcMonth } from 'd3-time';
import {
  axisTicks,
  dayOf,
  pixelsOf,
  type TimeWindow,
  timeAxis,
  windowFromPixels,
} from '../graph/time-axis.ts';
import {
  coalesceMarks,
  itemInWindow,
  type LaneRow,
  type Lanes,
  laneRows,
  type TimelineItem,
} from '../graph/timeline-lanes.ts';
import { h, svg } from '../lib/dom.ts';
import { drawMark } from './timeline-marks.ts';

const GUTTER = 190;
const ROW = 18;
const OVERVIEW = 36;

/** What the chart reports. */
export interface ChartEvents {
  /** The analyst brushed a window (null: cleared it). */
  brushed(window: TimeWindow | null): void;
  /** The analyst clicked a mark holding these items. */
  picked(items: TimelineItem[]): void;
}

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The timeline chart. */
export class TimelineChart {
  readonly element: HTMLElement;
  readonly lanesElement: HTMLElement;
  private readonly overview = svg('svg', { id: 'timeline-overview', class: 'timeline-overview' });
  private readonly bars = svg('g', { class: 'bars' });
  private readonly brushLayer = svg('g', { class: 'brush' });
  private readonly axis = svg('svg', { class: 'timeline-axis', height: 18, 'aria-hidden': 'true' });
  private readonly spacer = h('div', { class: 'timeline-spacer' });
  private readonly rowsSvg = svg('svg', { id: 'timeline-rows', class: 'timeline-rows' });
  private readonly brush: BrushBehavior<unknown>;
  private readonly picks = new WeakMap<Element, TimelineItem[]>();
  private lanes: Lanes | null = null;
  private rows: LaneRow[] = [];
  private readonly open = new Set<string>();
  private readonly seen = new Set<string>();
  private window: TimeWindow | null = null;
  private selected: ReadonlySet<string> = new Set();
  private scale: ScaleTime<number, number> | null = null;
  private width = 0;
  private pending = false;
  private rowsOnly = false;

  constructor(private readonly events: ChartEvents) {
    this.overview.append(this.bars, this.brushLayer);
    this.brush = brushX().on(
      'end',
      (event: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        // Moves made by the panel (to follow the view) come without a pointer event: not the analyst's.
        if (!event.sourceEvent || !this.scale) return;
        const range = event.selection;
        events.brushed(range ? windowFromPixels(this.scale, range[0], range[1]) : null);
      },
    );
    this.lanesElement = h(
      'div',
      { id: 'timeline-lanes', class: 'timeline-lanes', tabindex: 0, 'aria-label': 'Lanes' },
      this.spacer,
    );
    this.spacer.append(this.rowsSvg);
    this.lanesElement.addEventListener('scroll', () => this.schedule(true));
    this.rowsSvg.addEventListener('click', (event) => this.click(event));
    this.rowsSvg.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') this.click(event);
    });
    this.element = h('div', { class: 'timeline-chart' }, this.overview, this.axis, this.lanesElement);
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Shows new lanes; groups open stay open. A group not seen before opens when there are few lanes. */
  setLanes(lanes: Lanes): void {
    const count = lanes.groups.reduce((sum, group) => sum + group.lanes.length, 0);
    for (const group of lanes.groups) {
      if (!this.seen.has(group.key) && count <= 40) this.open.add(group.key);
      this.seen.add(group.key);
    }
    this.lanes = lanes;
    this.rows = laneRows(lanes, this.open);
    this.draw();
  }

  /** Shows the view's window (shaded on the lanes, held by the brush) and marks what is selected. */
  setWindow(window: TimeWindow | null, selected: readonly string[] = []): void {
    this.window = window;
    this.selected = new Set(selected);
    this.schedule();
  }

  /** Opens or closes a group's lanes. */
  toggleGroup(key: string): void {
    if (!this.open.delete(key)) this.open.add(key);
    if (this.lanes) this.rows = laneRows(this.lanes, this.open);
    this.draw();
  }

  /** Rows now listed (headers and lanes). */
  rowCount(): number {
    return this.rows.length;
  }

  /** Draws at the next frame: only the rows after a scroll, everything after a resize. */
  private schedule(rowsOnly = false): void {
    this.rowsOnly = (this.pending ? this.rowsOnly : true) && rowsOnly;
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (this.rowsOnly && this.scale) this.drawRows(this.scale);
      else this.draw();
    });
  }

  private draw(): void {
    this.width = Math.max(this.element.clientWidth, GUTTER + 100);
    const lanes = this.lanes;
    if (!lanes?.first || !lanes.last) {
      this.scale = null;
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.scale = timeAxis(lanes.first, lanes.last, GUTTER, this.width - 10);
    this.drawOverview(lanes, this.scale);
    this.drawAxis(this.scale);
    this.drawRows(this.scale);
  }

  private drawOverview(lanes: Lanes, scale: ScaleTime<number, number>): void {
    this.overview.setAttribute('width', String(this.width));
    this.overview.setAttribute('height', String(OVERVIEW));
    const counts = new Map<string, number>();
    for (const item of lanes.items)
      counts.set(item.start.slice(0, 7), (counts.get(item.start.slice(0, 7)) ?? 0) + 1);
    const max = Math.max(1, ...counts.values());
    this.bars.replaceChildren(
      svg('text', { x: 4, y: 22, class: 'axis-note' }, 'Brush to set the window'),
      ...[...counts].map(([month, count]) => {
        const start = dayOf(`${month}-01`);
        const x = scale(start);
        const height = ((OVERVIEW - 4) * count) / max;
        return svg(
          'rect',
          {
            x,
            y: OVERVIEW - height,
            width: Math.max(scale(utcMonth.offset(start, 1)) - x - 1, 1),
            height,
            'data-month': month,
          },
          svg('title', {}, `${month}: ${count} dated records`),
        );
      }),
    );
    this.brush.extent([
      [GUTTER, 0],
      [this.width - 10, OVERVIEW],
    ]);
    const layer = select(this.brushLayer as SVGGElement);
    layer.call(this.brush);
    layer.call(this.brush.move, this.window ? pixelsOf(scale, this.window) : null);
  }

  private drawAxis(scale: ScaleTime<number, number>): void {
    this.axis.setAttribute('width', String(this.width));
    this.axis.replaceChildren(
      ...axisTicks(scale).map((tick) =>
        svg(
          'g',
          { transform: `translate(${tick.x},0)`, 'data-day': tick.day },
          svg('line', { y2: 4, stroke: '#8a94a6' }),
          svg('text', { y: 15, 'text-anchor': 'middle' }, tick.label),
        ),
      ),
    );
  }

  /** Draws the rows in sight, and the window and ticks behind them. */
  private drawRows(scale: ScaleTime<number, number>): void {
    const height = this.rows.length * ROW;
    this.spacer.style.height = `${height}px`;
    const first = Math.floor(this.lanesElement.scrollTop / ROW);
    const count = Math.ceil((this.lanesElement.clientHeight || 150) / ROW) + 1;
    const shown = this.rows.slice(first, first + count);
    const top = first * ROW;
    this.rowsSvg.setAttribute('width', String(this.width));
    this.rowsSvg.setAttribute('height', String(Math.max(shown.length * ROW, 1)));
    this.rowsSvg.style.top = `${top}px`;
    const behind: SVGElement[] = axisTicks(scale).map((tick) =>
      svg('line', { x1: tick.x, x2: tick.x, y2: shown.length * ROW, class: 'tick-line' }),
    );
    if (this.window) {
      const [x0, x1] = pixelsOf(scale, this.window);
      behind.push(
        svg('rect', { x: x0, width: Math.max(x1 - x0, 1), height: shown.length * ROW, class: 'window' }),
      );
    }
    this.rowsSvg.replaceChildren(...behind, ...shown.map((row, i) => this.drawRow(row, i * ROW, scale)));
  }

  private drawRow(row: LaneRow, y: number, scale: ScaleTime<number, number>): SVGElement {
    const items = row.kind === 'group' ? row.items : row.lane.items;
    const label =
      row.kind === 'group'
        ? svg(
            'text',
            {
              x: 4,
              y: 13,
              class: 'group-label',
              role: 'button',
              tabindex: 0,
              'aria-expanded': String(row.open),
              'data-group': row.group.key,
            },
            `${row.open ? '▾' : '▸'} ${cut(row.group.name, 24)} (${row.group.lanes.length})`,
            svg(
              'title',
              {},
              `${row.group.name}: ${row.group.lanes.length} lanes; click to ${row.open ? 'close' : 'open'}`,
            ),
          )
        : svg(
            'text',
            { x: 16, y: 13, class: 'lane-label' },
            cut(row.lane.name, 28),
            svg('title', {}, `${row.lane.name} (${row.lane.type}): ${row.lane.items.length} dated records`),
          );
    const attributes: Record<string, string> =
      row.kind === 'group'
        ? { class: 'row group-row', 'data-group': row.group.key }
        : {
            class: this.selected.has(row.lane.id) ? 'row lane-row selected' : 'row lane-row',
            'data-lane': row.lane.id,
          };
    return svg(
      'g',
      { ...attributes, transform: `translate(0,${y})` },
      svg('rect', { width: this.width, height: ROW, class: 'row-back' }),
      label,
      // A header's spans (contacts kept up for years) would cover its marks: only lanes draw them.
      ...this.marks(items, scale, row.kind === 'lane'),
    );
  }

  /** The marks of a row: items of one kind on the same pixel are one mark. */
  private marks(items: TimelineItem[], scale: ScaleTime<number, number>, spans: boolean): SVGElement[] {
    return coalesceMarks(items, (day) => scale(dayOf(day))).map((group) => {
      const mark = drawMark(group, {
        y: ROW / 2,
        spans,
        inside: group.items.some((item) => itemInWindow(item, this.window)),
        chosen: group.items.some((item) => item.select.every((id) => this.selected.has(id))),
      });
      this.picks.set(mark, group.items);
      return mark;
    });
  }

  private click(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    const group = target?.closest('[data-group].group-label')?.getAttribute('data-group');
    if (group) {
      event.preventDefault();
      this.toggleGroup(group);
      return;
    }
    const mark = target?.closest('.mark');
    const held = mark ? this.picks.get(mark) : undefined;
    if (held) {
      event.preventDefault();
      this.events.picked(held);
    }
  }
}
