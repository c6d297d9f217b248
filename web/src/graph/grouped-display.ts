/**
 * The grouped drawing: plans the groups of what is shown (grouping.ts), builds the graph sigma
 * draws (display-graph.ts), seeds the members of a group just opened around where the group was,
 * and lays the result out (group-layout.ts), animated from the current positions. Node sizes are
 * in graph units here (sigma's "positions" sizes), so the layout's discs are the drawn discs.
 */
import type Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import type { GraphRecords } from './data-graph.ts';
import {
  buildDisplayGraph,
  type DisplayGraph,
  type FoldCount,
  regroupDisplayGraph,
} from './display-graph.ts';
import { layoutGroups } from './group-layout.ts';
import { fitGroupLabel, groupLabel, LABEL_SIZE, labelWidth } from './group-labels.ts';
import { groupRadius, layoutInputOf } from './group-units.ts';
import { type GroupNode, type GroupPlan, groupPaths, planGroups } from './grouping.ts';
import type { Syndicates } from './syndicates.ts';
import { type CompiledView, isEdgeShown, shownKey } from './visibility.ts';

type Point = { x: number; y: number };
type Size = { width: number; height: number };
const sameSize = (a: Size, b: Size | null) => b !== null && a.width === b.width && a.height === b.height;

/** The camera at rest: the whole layout's box in view. */
const REST = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
/**
 * How long nodes take to move to a new layout, whatever their number. In software WebGL a frame of
 * a few hundred nodes takes 60-110 ms, so this is a handful of frames.
 */
const ANIMATION_MS = 300;

/** What a grouped drawing is made from. */
export interface GroupingInput {
  /** The data graph, or a served subgraph drawn before it is merged into an empty one. */
  data: GraphRecords;
  /** Changes whenever the data graph or what `shown` reads of it changes (merges, insights). */
  revision: number;
  shown(node: string): boolean;
  view: CompiledView;
  syndicates: Syndicates;
  centrality: Map<string, number>;
  /** Whether payments are drawn as links payer -> payee (payment-links.ts). */
  foldPayments: boolean;
  /** Hears how many payments were folded into links. */
  counted?: (count: FoldCount) => void;
}

/** The grouped drawing and its layout. */
export class GroupedDisplay {
  graph: DisplayGraph | null = null;
  plan: GroupPlan | null = null;
  private syndicates: Syndicates | null = null;
  private centrality = new Map<string, number>();
  private readonly placed = new Map<string, Point>();
  private signature = '';
  private cancel: (() => void) | null = null;
  /** Nodes are moving to the layout's targets: links are not drawn meanwhile. */
  moving = false;
  /** The room, in pixels, the last layout kept for each closed group's label. */
  private readonly labelRoom = new Map<string, number>();
  /** Labels cut to that room, kept while the group's name, members and room stay the same. */
  private readonly labelCut = new Map<string, { key: string; text: string }>();
  private targets: Map<string, Point> | null = null;
  /** The share of the viewport sigma draws a frame in, measured for the canvas size laid out for. */
  private fit: number | null = null;
  /** The canvas size (CSS pixels) the last layout was made for. */
  private madeFor: Size | null = null;
  /**
   * What stays while only groups open and close: the entities shown, each entity's groups, and
   * whether the drawing holds payments as nodes; each with the key it was made for.
   */
  private kept: {
    shownKey: string;
    shown: Set<string>;
    pathsKey: { revision: number; syndicates: Syndicates };
    paths: Map<string, string[]>;
    foldPayments: boolean;
  } | null = null;

  constructor(private readonly sigma: Sigma) {}

  /** Whether the layout is still moving nodes, or has yet to draw their last frame. */
  get animating(): boolean {
    return this.cancel !== null;
  }

  /**
   * Whether the drawing was laid out for the canvas's size now: a canvas resized since (a panel
   * beside it grew, the window changed) draws the layout smaller or larger than it was made for,
   * and labels, whose size does not follow, would cover each other.
   */
  fitsCanvas(): boolean {
    return this.graph === null || sameSize(this.canvasSize(), this.madeFor);
  }

  private canvasSize(): Size {
    const container = this.sigma.getContainer();
    return { width: container.offsetWidth, height: container.offsetHeight };
  }

  /** Rebuilds the drawing (null: no grouping); returns whether what is drawn changed shape. */
  update(input: GroupingInput | null): boolean {
    // A layout under way moves the nodes of the drawing about to be replaced: it ends first.
    this.stop();
    this.remember();
    if (input === null) {
      const had = this.graph !== null;
      this.graph = null;
      this.plan = null;
      this.signature = '';
      if (had) {
        this.sigma.setCustomBBox(null);
        this.sigma.setSetting('itemSizesReference', 'screen');
      }
      return had;
    }
    const { shown, paths, sameShown } = this.keep(input);
    const pulledOut = new Set(
      [...input.view.highlightNodes, ...input.view.selected].filter((n) => shown.has(n)),
    );
    const plan = planGroups(input.data, shown, input.syndicates, input.view.state.grouping, pulledOut, paths);
    this.seedOpened(input.data, plan);
    const edgeShown = (a: Parameters<typeof isEdgeShown>[1]) => isEdgeShown(input.view, a);
    // Only groups opened or closed (the same entities and links shown, payments still nodes): the
    // drawing before is regrouped, not built again from every link.
    const before = this.graph && this.plan && sameShown ? { display: this.graph, plan: this.plan } : null;
    const graph = before
      ? regroupDisplayGraph(before, input.data, shown, edgeShown, plan, this.placed)
      : buildDisplayGraph(input.data, shown, edgeShown, plan, this.placed, input.foldPayments, input.counted);
    if (before) input.counted?.({ payments: 0, links: 0, kept: 0 });
    const signature = `${graph.order}|${graph.size}|${[...plan.groups.keys()].join(',')}`;
    const changed = signature !== this.signature || this.graph === null;
    if (this.graph === null) this.sigma.setSetting('itemSizesReference', 'positions');
    this.graph = graph;
    this.plan = plan;
    this.syndicates = input.syndicates;
    this.centrality = input.centrality;
    this.signature = signature;
    return changed;
  }

  /**
   * The entities shown and each entity's groups, worked out again only when what they depend on
   * changed; `sameShown` says the drawing before showed the same entities and links, payments as
   * nodes, and had the same syndicates.
   */
  private keep(input: GroupingInput): {
    shown: Set<string>;
    paths: Map<string, string[]>;
    sameShown: boolean;
  } {
    const key = `${input.revision}|${shownKey(input.view)}`;
    const kept = this.kept;
    const sameData =
      kept?.pathsKey.revision === input.revision && kept.pathsKey.syndicates === input.syndicates;
    const paths = sameData && kept ? kept.paths : groupPaths(input.data, input.syndicates);
    const sameShown = sameData && kept?.shownKey === key && !kept.foldPayments && !input.foldPayments;
    let shown = kept && kept.shownKey === key ? kept.shown : null;
    if (!shown) {
      const found = new Set<string>();
      input.data.forEachNode((node) => {
        if (input.shown(node)) found.add(node);
      });
      shown = found;
    }
    this.kept = {
      shownKey: key,
      shown,
      pathsKey: { revision: input.revision, syndicates: input.syndicates },
      paths,
      foldPayments: input.foldPayments,
    };
    return { shown, paths, sameShown };
  }

  /**
   * Lays the drawing out: at once when `animate` is false, else moving from where nodes are. While
   * nodes move, links are not drawn (`moving`, read by the renderer's edge reducer): in software
   * WebGL a grouped drawing's thousands of links cost most of each frame, and they come back in the
   * last frame, which is drawn before the layout counts as done.
   */
  layOut(animate: boolean): void {
    const { graph, plan } = this;
    if (!graph || !plan) return;
    this.stop();
    // The layout is made for the canvas as it is now: sigma reads its size only when it draws.
    this.sigma.resize();
    const size = this.canvasSize();
    if (!sameSize(size, this.madeFor)) this.fit = null;
    this.madeFor = size;
    // sigma draws the frame a little inside the viewport; the share it takes is measured once per
    // canvas size, and the layout made for that room, so a graph unit is drawn as one pixel.
    this.fit ??= this.measureFit();
    const { targets, box } = this.computeLayout(graph, plan, this.fit);
    // sigma frames node centres only: the box keeps whole discs and labels in the frame.
    this.sigma.setCustomBBox(box);
    if (!animate) {
      for (const [node, p] of targets) graph.mergeNodeAttributes(node, p);
      this.sigma.refresh();
      this.sigma.getCamera().setState(REST);
      return;
    }
    this.targets = targets;
    this.moving = true;
    // The links' drawing is worked out again without them; a drawing not yet handed to sigma gets
    // it when it is (`setGraph` refreshes in full).
    if (this.sigma.getGraph() === graph) this.sigma.refresh({ schedule: true });
    const done = animateNodes(graph, Object.fromEntries(targets), { duration: ANIMATION_MS }, () => {
      this.moving = false;
      this.targets = null;
      // At once: a camera still moving once the layout says it is done would move what was clicked.
      this.sigma.getCamera().setState(REST);
      // The last frame, links back, drawn now: the layout is done once it is on screen.
      if (this.sigma.getGraph() === graph) this.sigma.refresh();
      if (this.cancel === done) this.cancel = null;
    });
    this.cancel = done;
  }

  private computeLayout(graph: DisplayGraph, plan: GroupPlan, fit: number) {
    const {
      positions,
      box,
      labelWidth: room,
    } = layoutGroups(layoutInputOf(graph, plan, this.syndicates, this.centrality, labelWidth), {
      labelHeight: LABEL_SIZE,
      viewport: this.room(fit),
    });
    this.labelRoom.clear();
    for (const [node, width] of room) this.labelRoom.set(node, width);
    return { targets: positions, box };
  }

  /**
   * A closed group's label as drawn (read by the node reducer): cut to the room the last layout kept
   * for it, or whole before any layout made room for it.
   */
  labelOf(group: GroupNode): string {
    const room = this.labelRoom.get(group.key);
    if (room === undefined) return groupLabel(group.name, group.members);
    const key = `${group.name}\u0000${group.members}\u0000${room}`;
    const cut = this.labelCut.get(group.key);
    if (cut?.key === key) return cut.text;
    const text = fitGroupLabel(group.name, group.members, room, labelWidth);
    this.labelCut.set(group.key, { key, text });
    return text;
  }

  /** The room a layout has: the viewport inside sigma's padding, times the share sigma draws in. */
  private room(fit = 1): { width: number; height: number } {
    const dimensions = this.sigma.getDimensions();
    const padding = this.sigma.getSetting('stagePadding') ?? 30;
    return {
      width: Math.max(dimensions.width - 2 * padding, 100) * fit,
      height: Math.max(dimensions.height - 2 * padding, 100) * fit,
    };
  }

  /** Pixels per graph unit sigma gives a frame of the layout's room, camera at rest. */
  private measureFit(): number {
    const { width, height } = this.room();
    const box = { x: [0, width] as [number, number], y: [0, height] as [number, number] };
    this.sigma.setCustomBBox(box);
    this.sigma.refresh();
    const rest = { cameraState: { x: 0.5, y: 0.5, angle: 0, ratio: 1 } };
    const a = this.sigma.graphToViewport({ x: 0, y: 0 }, rest);
    const b = this.sigma.graphToViewport({ x: width, y: 0 }, rest);
    const ratio = Math.abs(b.x - a.x) / width;
    return Number.isFinite(ratio) && ratio > 0.2 ? Math.min(ratio, 1) : 1;
  }

  /** Stops the layout where it is going: nodes jump to their targets, links drawn again. */
  stop(): void {
    if (!this.cancel) return;
    this.cancel();
    this.cancel = null;
    this.moving = false;
    if (this.graph && this.targets)
      for (const [node, p] of this.targets) this.graph.mergeNodeAttributes(node, p);
    this.targets = null;
    this.sigma.refresh();
  }

  /** Keeps where each closed group was drawn, for the next drawing. */
  private remember(): void {
    const graph = this.graph;
    if (!graph || !this.plan) return;
    for (const key of this.plan.groups.keys()) {
      if (graph.hasNode(key))
        this.placed.set(key, { x: graph.getNodeAttribute(key, 'x'), y: graph.getNodeAttribute(key, 'y') });
    }
  }

  /**
   * Puts what a group just opened shows (members, cells) around where the group was: in key order,
   * so the seeds are the same whatever order the entities came in.
   */
  private seedOpened(data: GraphRecords, plan: GroupPlan): void {
    const before = this.plan;
    if (!before) return;
    const moved: string[] = [];
    for (const node of plan.pathOf.keys()) {
      const was = before.groupOf.get(node);
      if (was !== undefined && was !== plan.groupOf.get(node)) moved.push(node);
    }
    let i = 0;
    for (const node of moved.sort()) {
      const path = plan.pathOf.get(node) as string[];
      const was = before.groupOf.get(node) as string;
      const now = plan.groupOf.get(node);
      const at = this.placed.get(was);
      if (!at) continue;
      const spread = groupRadius(before.groups.get(was)?.members ?? 1);
      const angle = i * 2.399963;
      const r = spread * Math.sqrt((i % 200) / 200);
      i++;
      const p = { x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle) };
      if (now === undefined) data.mergeNodeAttributes(node, p);
      else if (!this.placed.has(now) && path.includes(now)) this.placed.set(now, p);
    }
  }
}
