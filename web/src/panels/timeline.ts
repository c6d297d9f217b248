/**
 * The time slider: a histogram of dated records (events, payments, links) per month across what is
 * loaded, and two range inputs that set the time filter. Undated records always stay.
 */
import { dateOf } from '../graph/data-graph.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { h, svg } from '../lib/dom.ts';

function monthsOf(view: GraphView): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (date: string | null) => {
    if (date) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  };
  view.graph.forEachNode((_node, attributes) => add(dateOf(attributes)));
  view.graph.forEachEdge((_edge, attributes) => add(dateOf(attributes)));
  return counts;
}

function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  while (out.length < 600) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

/** Builds the timeline under the canvas. */
export function buildTimeline(view: GraphView): HTMLElement {
  const chart = svg('svg', {
    class: 'histogram',
    viewBox: '0 0 600 40',
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': 'Dated records per month',
  });
  const from = h('input', {
    type: 'range',
    id: 'time-from',
    min: 0,
    max: 0,
    value: 0,
    'aria-label': 'From month',
  });
  const to = h('input', { type: 'range', id: 'time-to', min: 0, max: 0, value: 0, 'aria-label': 'To month' });
  const label = h('span', { id: 'time-label', class: 'muted' }, 'No dated records');
  let months: string[] = [];
  let drawnFor = -1;
  const draw = () => {
    const counts = monthsOf(view);
    const keys = [...counts.keys()].sort();
    months = keys.length > 0 ? monthRange(keys[0] as string, keys[keys.length - 1] as string) : [];
    const max = Math.max(1, ...counts.values());
    const width = 600 / Math.max(months.length, 1);
    chart.replaceChildren(
      ...months.map((month, i) => {
        const height = (38 * (counts.get(month) ?? 0)) / max;
        return svg(
          'rect',
          { x: i * width, y: 40 - height, width: Math.max(width - 0.5, 0.5), height, 'data-month': month },
          svg('title', {}, `${month}: ${counts.get(month) ?? 0}`),
        );
      }),
    );
    for (const input of [from, to]) input.max = String(Math.max(months.length - 1, 0));
    const time = view.state.filters.time;
    from.value = String(time ? Math.max(months.indexOf(time.from.slice(0, 7)), 0) : 0);
    to.value = String(time ? Math.max(months.indexOf(time.to.slice(0, 7)), 0) : months.length - 1);
    label.textContent = time
      ? `${time.from} to ${time.to}`
      : months.length > 0
        ? `All time (${months[0]} to ${months[months.length - 1]})`
        : 'No dated records';
  };
  const commit = () => {
    const a = Math.min(Number(from.value), Number(to.value));
    const b = Math.max(Number(from.value), Number(to.value));
    const whole = a === 0 && b === months.length - 1;
    view.update((s) => ({
      ...s,
      filters: { ...s.filters, time: whole ? null : { from: `${months[a]}-01`, to: `${months[b]}-31` } },
    }));
  };
  from.addEventListener('change', commit);
  to.addEventListener('change', commit);
  view.onChange(() => {
    // The histogram follows what is loaded; redrawing it only when the graph grew keeps redraws cheap.
    if (drawnFor !== view.graph.size + view.graph.order || view.state.filters.time === null) {
      drawnFor = view.graph.size + view.graph.order;
      draw();
    }
  });
  draw();
  return h('div', { class: 'timeline' }, chart, h('div', { class: 'time-inputs' }, from, to, label));
}
