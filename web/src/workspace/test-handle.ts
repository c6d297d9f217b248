/**
 * A read-only handle on what is drawn, at `window.__ariadne`, for browser tests and benchmarks: the
 * nodes and edges shown, how each is drawn, the view state, and a promise for the next frame. It
 * exposes nothing the page does not already show, and changes nothing.
 */
import type { LabelBox } from '../graph/label-declutter.ts';
import type { GraphView } from '../graph/graph-view.ts';
import { iconType } from '../graph/icons.ts';
import { measureFrames } from '../graph/measure-frames.ts';
import { ICON_NODE_TYPE } from '../graph/renderer.ts';
import type { ViewState } from '../graph/view-state.ts';
import type { Workspace } from './context.ts';

/** How one node is drawn. */
export interface DrawnNode {
  color: string;
  borderColor: string | undefined;
  size: number;
  label: string | null;
  /** Radius of the disc on screen, in CSS pixels. */
  radius: number;
  hidden: boolean;
  highlighted: boolean;
  /** Position in the viewport (CSS pixels from the canvas's top left). */
  viewport: { x: number; y: number };
  /** The node program drawing it, and whether sigma has that program registered. */
  program: { type: string; registered: boolean };
  /** The entity type whose icon is drawn in the disc, or null when none is. */
  icon: string | null;
}

/** The handle's shape. */
export interface AriadneHandle {
  /** The nodes and links drawn: entities, closed groups (keys `s:`, `c:`, `x:`) and folded links. */
  shown(): { nodes: string[]; edges: string[] };
  /** The closed groups drawn, with their names and members. */
  groups(): { key: string; kind: string; name: string; members: number }[];
  /** The labels sigma drew in the last frame, as boxes in CSS pixels. */
  labels(): LabelBox[];
  /**
   * The node the last hover box was drawn for, and the label in it when not the node's own (a
   * closed group's whole name), else null.
   */
  lastHover(): { node: string; label: string | null } | null;
  drawn(node: string): DrawnNode | null;
  drawnEdge(
    edge: string,
  ): { color: string; size: number; hidden: boolean; type: string; label: string | null } | null;
  /** The groups an entity or a closed cell lies in, outermost first (open or closed). */
  groupPath(node: string): string[];
  state(): ViewState;
  attributes(node: string): Record<string, unknown> | null;
  communities(): Record<string, number>;
  layoutRunning(): boolean;
  /**
   * Whether the view has settled: no layout runs or is due (a grouped layout is made for the
   * canvas's size now), and the last frame's labels stay as drawn (label-declutter.ts).
   */
  settled(): boolean;
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
    // The first frame drawing anything: before a load, and while one is merged, sigma draws an empty
    // graph (the data graph, or a stand-in). A case's groups can be drawn before its records are
    // merged (GraphView.drawAhead): that frame counts, it is the view the analyst asked for.
    if (view.sigma.getGraph().order === 0) return;
    firstGraphFrame = performance.now();
    view.sigma.off('afterRender', onRender);
  };
  view.sigma.on('afterRender', onRender);
  const handle: AriadneHandle = {
    shown: () => view.drawnItems(),
    groups: () =>
      [...(view.grouped.plan?.groups.values() ?? [])].map(({ key, kind, name, members }) => ({
        key,
        kind,
        name,
        members,
      })),
    labels: () => view.labels.drawn(),
    lastHover: () => (view.lastHover ? { ...view.lastHover } : null),
    drawn(node) {
      const data = view.sigma.getNodeDisplayData(node) as
        | (ReturnType<typeof view.sigma.getNodeDisplayData> & { borderColor?: string; image?: unknown })
        | undefined;
      if (!data) return null;
      const type = data.type ?? view.sigma.getSetting('defaultNodeType');
      return {
        color: data.color,
        borderColor: data.borderColor,
        size: data.size,
        label: data.label,
        radius: view.sigma.scaleSize(data.size),
        hidden: data.hidden,
        highlighted: data.highlighted,
        viewport: view.sigma.framedGraphToViewport(data),
        program: { type, registered: type in view.sigma.getSetting('nodeProgramClasses') },
        icon: type === ICON_NODE_TYPE ? iconType(data.image) : null,
      };
    },
    drawnEdge(edge) {
      const data = view.sigma.getEdgeDisplayData(edge);
      return data
        ? { color: data.color, size: data.size, hidden: data.hidden, type: data.type, label: data.label }
        : null;
    },
    groupPath(node) {
      const plan = view.grouped.plan;
      if (!plan) return [];
      const path = plan.pathOf.get(node);
      if (path) return [...path];
      const parent = node.startsWith('c:')
        ? view.syndicates?.cellParent.get(Number(node.slice(2)))
        : undefined;
      return parent === undefined ? [] : [`s:${parent}`];
    },
    state: () => structuredClone(view.state),
    attributes: (node) => {
      if (view.graph.hasNode(node)) return { ...view.graph.getNodeAttributes(node) };
      const group = view.grouped.plan?.groups.get(node);
      return group ? { entityType: 'Group', ...group } : null;
    },
    communities: () => Object.fromEntries(view.insights.community),
    layoutRunning: () => view.layoutRunning(),
    settled: () => view.settled(),
    stopLayout: () => view.stopLayouts(),
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
