/**
 * The labels of the layout by time, over the canvas: the dates along its axis and the heading of the
 * undated block. Placed from graph to viewport after every frame, so they follow pan and zoom; shown
 * only while the layout by time is the one chosen and has run.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { h, replace } from '../lib/dom.ts';

/** Least room between two date labels, in CSS pixels. */
const TICK_SPACING = 72;

/** Mounts the time axis over the stage. */
export function mountTimeAxis(stage: HTMLElement, view: GraphView): void {
  const layer = h('div', { id: 'time-axis', class: 'time-axis', 'aria-hidden': 'true', hidden: true });
  stage.append(layer);
  const place = () => {
    const axis = view.arranger.axis;
    const on = axis !== null && view.state.layout.kind === 'time';
    layer.hidden = !on;
    if (!on) return;
    const at = (x: number, y: number) => view.sigma.graphToViewport({ x, y });
    const label = (text: string, point: { x: number; y: number }, kind: string) => {
      const element = h('span', { class: `time-axis-${kind}` }, text);
      // The undated block's heading starts a little left of its centre, never off the canvas.
      element.style.left = kind === 'undated' ? `max(0.25rem, calc(${point.x}px - 2.5rem))` : `${point.x}px`;
      element.style.top = `${point.y}px`;
      return element;
    };
    // Ticks closer than a label's width to the last one shown are left out.
    let last = Number.NEGATIVE_INFINITY;
    const ticks = axis.ticks.flatMap((tick) => {
      const point = at(tick.x, axis.bottom);
      if (point.x - last < TICK_SPACING) return [];
      last = point.x;
      return [label(tick.label, point, 'tick')];
    });
    replace(
      layer,
      ...ticks,
      axis.undated
        ? label(`Undated (${axis.undated.count})`, at(axis.undated.x, axis.undated.y), 'undated')
        : null,
    );
  };
  view.sigma.on('afterRender', place);
  view.arranger.subscribe(place);
  view.onChange(place);
}
