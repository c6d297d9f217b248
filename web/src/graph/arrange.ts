/**
 * Lays what is drawn out as the view state's layout says (the organigram, rings around an entity, by
 * time) and animates the nodes there from where they are, as sigma's `animateNodes` does. The
 * positions a layout change left are kept with the state it left, so undo and redo move the nodes
 * back where they stood. The force layouts (ForceAtlas2, the grouped layout) are the host's.
 */
import type Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import { type DataGraph, dateOf } from './data-graph.ts';
import type { DisplayGraph } from './display-graph.ts';
import type { GroupPlan } from './grouping.ts';
import { layoutOrganigram } from './organigram.ts';
import { layoutRadial } from './radial.ts';
import { firstSeenDates, layoutByTime, type TimeLayout } from './time-layout.ts';
import { type LayoutChoice, sameLayout, type ViewState } from './view-state.ts';

type Point = { x: number; y: number };

/** What the arranger needs of the graph view. */
export interface ArrangeHost {
  readonly sigma: Sigma;
  readonly graph: DataGraph;
  drawing(): DataGraph | DisplayGraph;
  plan(): GroupPlan | null;
  /** Runs the force layout of what is drawn (ForceAtlas2, or the grouped layout). */
  runForce(): void;
  /** Stops the force layouts, which would otherwise keep moving the nodes this one places. */
  stopForce(): void;
}

/** The earliest of some ISO dates, or null. */
function earliest(dates: Iterable<string | null | undefined>): string | null {
  let out: string | null = null;
  for (const date of dates) if (date && (out === null || date < out)) out = date;
  return out;
}

/** Lays out and animates the drawing by the chosen layout. */
export class Arranger {
  /** The time axis of the last layout by time, while it is the layout shown. */
  axis: TimeLayout | null = null;
  /** Why the last layout moved nothing, or '' when it did. */
  note = '';
  /**
   * Nodes are moving to the layout's targets: links are not drawn meanwhile (read by the renderer's
   * edge reducer, as for the grouped layout's `GroupedDisplay.moving`), and come back in the last
   * frame, which is drawn before the layout counts as done.
   */
  moving = false;
  private computing = false;
  private cancel: (() => void) | null = null;
  private generation = 0;
  private readonly left = new WeakMap<ViewState, Map<string, Point>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly host: ArrangeHost) {}

  /** Whether a layout is being computed or animated. */
  get running(): boolean {
    return this.computing || this.cancel !== null;
  }

  /** Stops the animation where it is, links drawn again; a layout still being computed will not start. */
  stop(): void {
    this.generation++;
    this.computing = false;
    this.cancel?.();
    this.cancel = null;
    if (!this.moving) return;
    this.moving = false;
    this.host.sigma.refresh();
  }

  /** Calls back when a layout starts, ends or says why it moved nothing. */
  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  /**
   * The view moved from `previous` to `current`: a changed layout keeps the positions it leaves, and
   * goes back to those kept with `current` (undo, redo), else lays out anew; a drawing that changed
   * shape under the same layout is laid out again.
   */
  async changed(previous: ViewState, current: ViewState): Promise<void> {
    const switched = !sameLayout(previous.layout, current.layout);
    if (switched) this.left.set(previous, this.positions());
    const back = switched ? this.left.get(current) : undefined;
    if (back) return this.animate(back, current.layout);
    if (current.layout.kind === 'force') {
      this.stop();
      this.axis = null;
      this.say('');
      this.host.runForce();
      return;
    }
    await this.arrange(current.layout);
  }

  /** Lays the drawing out by a layout other than the force one; returns how many nodes it placed. */
  async arrange(layout: Exclude<LayoutChoice, { kind: 'force' }>): Promise<number> {
    this.stop();
    this.host.stopForce();
    const generation = this.generation;
    this.computing = true;
    this.emit();
    let targets: Map<string, Point> | null;
    try {
      targets = await this.targets(layout);
    } finally {
      if (generation === this.generation) this.computing = false;
    }
    if (generation !== this.generation || targets === null) {
      this.emit();
      return 0;
    }
    this.say('');
    this.animate(targets, layout);
    return targets.size;
  }

  private async targets(
    layout: Exclude<LayoutChoice, { kind: 'force' }>,
  ): Promise<Map<string, Point> | null> {
    // Read as the data graph: a drawn node's attributes hold an entity's, or a group's, x and y.
    const drawn = this.host.drawing() as DataGraph;
    const nodes = drawn
      .nodes()
      .map((id) => ({ id, radius: this.host.sigma.getNodeDisplayData(id)?.size ?? 5 }));
    const links = drawn.mapEdges((_e, a, source, target) => ({
      source,
      target,
      linkType: String(a.linkType),
    }));
    if (nodes.length === 0) {
      this.say('Nothing is drawn to lay out.');
      return null;
    }
    if (layout.kind === 'organigram') return layoutOrganigram(nodes, links);
    if (layout.kind === 'radial') {
      const centre = drawn.hasNode(layout.centre)
        ? layout.centre
        : this.host.plan()?.groupOf.get(layout.centre);
      if (centre === undefined || !drawn.hasNode(centre)) {
        this.say(
          `The radial layout's centre (${layout.centre}) is not drawn now (hidden or filtered out): nothing moved.`,
        );
        return null;
      }
      this.axis = null;
      return layoutRadial(centre, nodes, links).positions;
    }
    const dates = this.firstSeen(drawn);
    const laid = layoutByTime(nodes.map((n) => ({ ...n, date: dates.get(n.id) ?? null })));
    this.axis = laid;
    return laid.positions;
  }

  /** Each drawn node's first-seen date; a closed group's is its members' earliest. */
  private firstSeen(drawn: DataGraph | DisplayGraph): Map<string, string | null> {
    const data = this.host.graph;
    const dates = firstSeenDates(
      data.mapNodes((id, a) => ({ id, date: dateOf(a) })),
      data.mapEdges((_e, a, source, target) => ({ source, target, date: dateOf(a) })),
    );
    const members = new Map<string, (string | null)[]>();
    for (const [entity, group] of this.host.plan()?.groupOf ?? []) {
      const list = members.get(group);
      if (list) list.push(dates.get(entity) ?? null);
      else members.set(group, [dates.get(entity) ?? null]);
    }
    const out = new Map<string, string | null>();
    drawn.forEachNode((id) => out.set(id, dates.get(id) ?? earliest(members.get(id) ?? [])));
    return out;
  }

  private positions(): Map<string, Point> {
    const out = new Map<string, Point>();
    this.host.drawing().forEachNode((id, a) => out.set(id, { x: a.x, y: a.y }));
    return out;
  }

  private animate(targets: Map<string, Point>, layout: LayoutChoice): void {
    this.stop();
    this.host.stopForce();
    if (layout.kind !== 'time') this.axis = null;
    const drawn = this.host.drawing();
    const present = Object.fromEntries([...targets].filter(([id]) => drawn.hasNode(id)));
    const { sigma } = this.host;
    // The grouped layout's frame does not hold these layouts: sigma frames them again.
    sigma.setCustomBBox(null);
    // Links are held back while nodes move: their drawing is worked out again without them.
    this.moving = true;
    if (sigma.getGraph() === drawn) sigma.refresh({ schedule: true });
    const done = animateNodes(drawn, present, { duration: 500 }, () => {
      this.moving = false;
      sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      // The last frame, links back, drawn now: the layout is done once it is on screen.
      if (sigma.getGraph() === drawn) sigma.refresh();
      if (this.cancel === done) this.cancel = null;
      this.emit();
    });
    this.cancel = done;
    this.emit();
  }

  private say(note: string): void {
    this.note = note;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
