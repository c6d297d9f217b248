/**
 * The timeline under the canvas: the events, payments, journeys, communications and document uses of
 * what the view holds (its filters applied, its time window aside), on lanes per person, vessel or
 * account grouped by syndicate (timeline-lanes.ts, drawn by timeline-chart.ts). Brushing sets the
 * view's time window, the time filter the canvas and the table follow, so undo, saved views and links
 * carry it; play steps the window through time; a click on a mark selects its records.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { syndicateName } from '../graph/syndicates.ts';
import type { TimeWindow } from '../graph/time-axis.ts';
import {
  buildLanes,
  itemInWindow,
  type Lanes,
  MARK_KINDS,
  type TimelineItem,
} from '../graph/timeline-lanes.ts';
import type { ViewState } from '../graph/view-state.ts';
import { compileView, isEdgeShown, isNodeShown } from '../graph/visibility.ts';
import { h } from '../lib/dom.ts';
import { afterNextFrame } from '../lib/slices.ts';
import type { Workspace } from '../workspace/context.ts';
import { TimelineChart } from './timeline-chart.ts';
import { MARK_STYLE, markSwatch } from './timeline-marks.ts';
import { buildPlayer } from './timeline-player.ts';

const count = (n: number) => n.toLocaleString('en');

/** The lanes of what the view holds, every filter applied but the time window. */
function lanesOf(view: GraphView): Lanes {
  const state = view.state;
  const compiled = compileView({ ...state, filters: { ...state.filters, time: null } });
  const syndicates = view.syndicates;
  return buildLanes({
    graph: view.graph,
    nodeShown: (node) =>
      isNodeShown(compiled, view.origins, view.insights, node, view.graph.getNodeAttributes(node)),
    edgeShown: (attributes) => isEdgeShown(compiled, attributes),
    syndicateOf: (id) => {
      const syndicate = syndicates?.syndicateOf.get(id);
      return syndicate === undefined
        ? undefined
        : { key: `s:${syndicate}`, name: syndicateName(syndicates, syndicate) };
    },
  });
}

/** What the label says: the window and how much of what is dated falls in it, or why there is nothing. */
function windowText(view: GraphView, lanes: Lanes): string {
  const window = view.state.filters.time;
  const total = lanes.items.length;
  if (total === 0 || !lanes.first || !lanes.last) {
    const shown = window ? `Window ${window.from} to ${window.to}; ` : '';
    return view.graph.order === 0
      ? `${shown}nothing is open: the timeline shows the dated records of what the canvas holds.`
      : `${shown}no person, vessel or account in the view has dated events, payments, journeys, communications or document uses.`;
  }
  if (!window) return `All time (${lanes.first} to ${lanes.last}): ${count(total)} dated records`;
  const inside = lanes.items.filter((item) => itemInWindow(item, window)).length;
  return `${window.from} to ${window.to}: ${count(inside)} of ${count(total)} dated records`;
}

/** Builds the timeline under the canvas. */
export function buildTimeline(workspace: Workspace): HTMLElement {
  const { view } = workspace;
  const setWindow = (window: TimeWindow | null, push = true) => {
    const change = (s: ViewState): ViewState => ({ ...s, filters: { ...s.filters, time: window } });
    if (push) view.update(change);
    else view.history.replace(change(view.state));
  };
  const chart = new TimelineChart({
    brushed: (window) => {
      player.stop();
      setWindow(window);
    },
    picked: (items) => pick(workspace, items),
  });
  const label = h('span', { id: 'time-label', class: 'time-label', role: 'status' });
  const from = h('input', { type: 'date', id: 'time-from', 'aria-label': 'Window from' });
  const to = h('input', { type: 'date', id: 'time-to', 'aria-label': 'Window to' });
  // A day typed past the other end moves that end with it: the window is then that one day.
  const typed = (moved: 'from' | 'to') => {
    if (!from.value && !to.value) return;
    player.stop();
    const a = from.value || to.value;
    const b = to.value || from.value;
    setWindow(a <= b ? { from: a, to: b } : moved === 'from' ? { from: a, to: a } : { from: b, to: b });
  };
  from.addEventListener('change', () => typed('from'));
  to.addEventListener('change', () => typed('to'));
  const clear = h('button', { type: 'button', id: 'time-clear', disabled: true }, 'Clear window');
  clear.addEventListener('click', () => {
    player.stop();
    setWindow(null);
  });
  const legend = h('ul', { id: 'timeline-legend', class: 'timeline-legend', 'aria-label': 'Marks' });
  const toggle = h(
    'button',
    { type: 'button', id: 'timeline-lanes-toggle', 'aria-expanded': 'false' },
    'Lanes',
  );
  const message = h('p', { id: 'timeline-message', class: 'muted' });
  const player = buildPlayer(
    view,
    () => lanes,
    setWindow,
    (text) => (message.textContent = text),
  );
  const element = h(
    'div',
    { id: 'timeline', class: 'timeline', 'data-lanes': 'closed' },
    h('div', { class: 'timeline-bar' }, ...player.controls, from, to, clear, label, legend, toggle),
    chart.element,
    message,
  );
  toggle.addEventListener('click', () => {
    const open = element.dataset.lanes !== 'open';
    element.dataset.lanes = open ? 'open' : 'closed';
    toggle.setAttribute('aria-expanded', String(open));
    chart.lanesElement.hidden = !open;
    chart.setLanes(lanes);
  });
  chart.lanesElement.hidden = true;

  let lanes: Lanes = { groups: [], items: [], first: null, last: null };
  let built: unknown[] = [];
  let planned = false;
  /** Rebuilds the lanes from what the view holds now. */
  const rebuild = () => {
    planned = false;
    lanes = lanesOf(view);
    chart.setLanes(lanes);
    showLegend(legend, lanes);
    const laneCount = lanes.groups.reduce((sum, group) => sum + group.lanes.length, 0);
    toggle.textContent = `Lanes (${count(laneCount)})`;
    toggle.disabled = laneCount === 0;
    message.textContent =
      laneCount === 0
        ? ''
        : `${count(laneCount)} lanes (people, vessels and accounts with dated records) in ${lanes.groups.length} groups; open a group's row to see its lanes.`;
    showWindow();
  };
  const showWindow = () => {
    const s = view.state;
    const window = s.filters.time;
    chart.setWindow(window, s.selected);
    from.value = window?.from ?? '';
    to.value = window?.to ?? '';
    clear.disabled = window === null;
    label.textContent = windowText(view, lanes);
    element.dataset.window = window ? `${window.from}/${window.to}` : '';
    player.follow(window);
  };
  const sync = () => {
    const s = view.state;
    const f = s.filters;
    const all: unknown[] = [s.loads, s.hidden, s.removed, f.hiddenTypes, f.categories, f.sources, f.handling];
    all.push(view.graph.order, view.graph.size, view.syndicates);
    if (all.length !== built.length || all.some((value, i) => value !== built[i])) {
      built = all;
      // After the canvas's next frame: the lanes never delay what the canvas draws.
      if (!planned) void afterNextFrame().then(rebuild);
      planned = true;
    }
    showWindow();
  };
  view.onChange(sync);
  sync();
  return element;
}

/** Selects what a mark holds: one entity as a canvas click does, else every record's ends. */
function pick(workspace: Workspace, items: TimelineItem[]): void {
  const ids = [...new Set(items.flatMap((item) => item.select))];
  const first = items[0] as TimelineItem;
  if (ids.length === 1) workspace.select(ids[0] as string);
  else workspace.view.update((s) => ({ ...s, selected: ids }));
  const more = items.length > 1 ? ` and ${items.length - 1} more that day` : '';
  const hidden = items.some((item) => !itemInWindow(item, workspace.view.state.filters.time))
    ? ' (outside the window: not drawn until the window holds it)'
    : '';
  workspace.say(`${first.label}${more}${hidden}`);
}

function showLegend(legend: HTMLElement, lanes: Lanes): void {
  const counts = new Map<string, number>();
  for (const item of lanes.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  legend.replaceChildren(
    ...MARK_KINDS.map((kind) =>
      h(
        'li',
        { 'data-kind': kind },
        markSwatch(kind),
        ` ${MARK_STYLE[kind].name} ${count(counts.get(kind) ?? 0)}`,
      ),
    ),
  );
}
