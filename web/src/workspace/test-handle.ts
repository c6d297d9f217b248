/**
 * A read-only handle on what is drawn, at `window.__ariadne`, for browser tests and benchmarks: the
 * nodes and edges shown, how each is drawn, the view state, and a promise for the next frame. It
 * exposes nothing the page does not already show, and changes nothing.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { measureFrames } from '../graph/measure-frames.ts';
import type { ViewState } from '../graph/view-state.ts';
import type { Workspace } from './context.ts';

/** How one node is drawn. */
export interface DrawnNode {
  color: string;
  borderColor: string | undefined;
  size: number;
  label: string | null;
  hidden: boolean;
  highlighted: boolean;
  /** Position in the viewport (CSS pixels from the canvas's top left). */
  viewport: { x: number; y: number };
}

/** The handle's shape. */
export interface AriadneHandle {
  shown(): { nodes: string[]; edges: string[] };
  drawn(node: string): DrawnNode | null;
  drawnEdge(edge: string): { color: string; size: number; hidden: boolean; type: string } | null;
  state(): ViewState;
  attributes(node: string): Record<string, unknown> | null;
  communities(): Record<string, number>;
  layoutRunning(): boolean;
  stopLayout(): void;
  nextFrame(): Promise<number>;
  /** When the first frame drawing an open load's data ended (ms since navigation), or null. */
  firstGraphFrame(): number | null;
  /** Pans and zooms for benchmarks; the camera returns where it was. */
  measureFrames(frames: number): Promise<{ mean: number; worst: number }>;
  viewer(): string;
}

declare global {
  interface Window {
    __ariadne?: AriadneHandle;
  }
}

/** Installs the handle. */
export function exposeHandle(view: GraphView, workspace: Workspace): void {
  let firstGraphFrame: number | null = null;
  const onRender = () => {
    // While a load is merged sigma draws an empty stand-in graph: that frame does not count.
    if (view.graph.order === 0 || view.state.loads.length === 0 || view.sigma.getGraph() !== view.graph)
      return;
    firstGraphFrame = performance.now();
    view.sigma.off('afterRender', onRender);
  };
  view.sigma.on('afterRender', onRender);
  const handle: AriadneHandle = {
    shown: () => view.shown(),
    drawn(node) {
      const data = view.sigma.getNodeDisplayData(node) as
        | (ReturnType<typeof view.sigma.getNodeDisplayData> & { borderColor?: string })
        | undefined;
      if (!data) return null;
      return {
        color: data.color,
        borderColor: data.borderColor,
        size: data.size,
        label: data.label,
        hidden: data.hidden,
        highlighted: data.highlighted,
        viewport: view.sigma.framedGraphToViewport(data),
      };
    },
    drawnEdge(edge) {
      const data = view.sigma.getEdgeDisplayData(edge);
      return data ? { color: data.color, size: data.size, hidden: data.hidden, type: data.type } : null;
    },
    state: () => structuredClone(view.state),
    attributes: (node) => (view.graph.hasNode(node) ? { ...view.graph.getNodeAttributes(node) } : null),
    communities: () => Object.fromEntries(view.insights.community),
    layoutRunning: () => view.layout.running,
    stopLayout: () => view.layout.stop(),
    nextFrame: () =>
      new Promise((resolve) => {
        view.sigma.once('afterRender', () => resolve(performance.now()));
        view.sigma.scheduleRender();
      }),
    firstGraphFrame: () => firstGraphFrame,
    measureFrames: (frames) => measureFrames(view.sigma, frames),
    viewer: () => workspace.viewer.username,
  };
  Object.defineProperty(window, '__ariadne', {
    value: Object.freeze(handle),
    configurable: false,
    writable: false,
  });
}
