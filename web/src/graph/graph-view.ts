/**
 * The graph view's controller: it owns the data graph, the loads that filled it, the values derived
 * to draw it (with the communities and centralities of the server's analysis run), the history of
 * view states and the sigma renderer, and pushes each new state into sigma through the reducers.
 * While groups are closed sigma draws the grouped graph (grouped-display.ts) instead of the data
 * graph, and while payments are drawn as links (and no group is closed) the folded graph
 * (display-graph.ts). Panels talk to it; it renders nothing itself.
 */
import type Sigma from 'sigma';
import { type AnalysisName, type EntityScores, type RunResult, runAnalyses } from '../api/analyses.ts';
import type { SerializedGraph } from '../api/types.ts';
import { createDataGraph, type DataGraph, mergeSubgraph, type Origins, placeServed } from './data-graph.ts';
import { ViewHistory } from './history.ts';
import {
  computeCategories,
  computeCentrality,
  indexParallelEdges,
  type Insights,
  rankCommunities,
} from './derived.ts';
import { FramePacer } from './frame-pacer.ts';
import { LayoutController } from './layout.ts';
import { afterNextFrame, Slicer } from '../lib/slices.ts';
import { takeLoad, takeSyndicates } from './loads.ts';
import type { DrawContext } from './reducers.ts';
import { LabelDeclutter } from './label-declutter.ts';
import { createRenderer, LARGE_GRAPH_EDGES, useLargeGraphDrawing } from './renderer.ts';
import { buildDisplayGraph, type DisplayGraph, type FoldCount, NO_GROUPS } from './display-graph.ts';
import { groupLabel } from './group-labels.ts';
import { wholeGroupLabel } from './group-labels.ts';
import { GroupedDisplay } from './grouped-display.ts';
import { distanceToSegment, type PaymentLink, withFoldedPayments } from './payment-links.ts';
import { Arranger } from './arrange.ts';
import { NO_SYNDICATES, type Syndicates, syndicatesFromRun } from './syndicates.ts';
import { ServedGraph } from './served-graph.ts';
import {
  EMPTY_VIEW,
  groupsAnything,
  type Load,
  loadKey,
  sameLayout,
  type ViewState,
  withItems,
} from './view-state.ts';
import { type CompiledView, compileView, isEdgeShown, isNodeShown, shownItems } from './visibility.ts';

const EMPTY_INSIGHTS: Insights = {
  community: new Map(),
  communityRank: new Map(),
  communitySize: new Map(),
  categories: new Map(),
  centrality: new Map(),
  centralityOf: 'degree',
  parallel: new Map(),
};

/** Whether a view draws anything by community: groups, colours by community, a community in focus. */
function readsCommunities(state: ViewState): boolean {
  return groupsAnything(state.grouping) || state.colourBy === 'community' || state.focus !== null;
}

/** The graph view. */
export class GraphView {
  readonly graph: DataGraph = createDataGraph();
  readonly origins: Origins = new Map();
  readonly history = new ViewHistory(EMPTY_VIEW);
  readonly layout: LayoutController;
  readonly sigma: Sigma;
  insights: Insights = EMPTY_INSIGHTS;
  /** Syndicates and cells from the server's communities run; null until one has run. */
  syndicates: Syndicates | null = null;
  /** Why there are no syndicates after a case was opened (the run was refused or failed). */
  syndicatesProblem: string | null = null;
  /** Scores by entity from the server's centrality run; null until one has run. */
  scores: Map<string, EntityScores> | null = null;
  /** The grouped drawing, used while any group is closed. */
  readonly grouped: GroupedDisplay;
  /** The drawing with payments as links while no group is closed; null otherwise. */
  folded: DisplayGraph | null = null;
  /** How many payments the drawing folds into links; null while payments are nodes. */
  foldCount: FoldCount | null = null;
  /** The organigram, radial and time layouts, and going back from them (arrange.ts). */
  readonly arranger: Arranger;
  /** The state last pushed into sigma, to tell what changed. */
  private appliedState: ViewState = EMPTY_VIEW;
  /** Whether the renderer draws for a large graph (LARGE_GRAPH_EDGES); it starts so, empty. */
  private large = true;
  private compiled: CompiledView = compileView(EMPTY_VIEW);
  private readonly fetched = new Set<string>();
  private readonly changeListeners = new Set<() => void>();
  private readonly progressListeners = new Set<(fraction: number | null) => void>();
  /** An empty graph sigma draws while the data graph is being filled. */
  private readonly placeholder: DataGraph = createDataGraph();
  private detached = false;
  /**
   * A load's groups are drawn from its served records while they are merged (drawAhead): state
   * changes wait meanwhile, and the view they make is drawn once the records are in.
   */
  private drawingAhead = false;
  /** The layout is to start after the next drawing (new nodes came in). */
  private layoutPending = false;
  /** Counts merges, so a layout start planned before one is dropped. */
  private layoutGeneration = 0;
  /** Counts changes to the data graph and its insights, which decide what is shown. */
  private dataRevision = 0;
  private draw: DrawContext;
  /** Holds back labels that would cover others. */
  readonly labels: LabelDeclutter;
  /**
   * The node the last hover box was drawn for, and the label drawn in it when not the node's own
   * (a closed group's whole name), else null.
   */
  lastHover: { node: string; label: string | null } | null = null;

  constructor(container: HTMLElement) {
    this.draw = this.makeContext();
    this.sigma = createRenderer(
      this.graph,
      container,
      () => this.draw,
      {
        label: (node) => this.labels?.hides(node) === true,
        // Layouts' animations draw their frames without links (`GroupedDisplay.moving`, and
        // `Arranger.moving` for the organigram, radial and time layouts).
        edges: () => this.grouped?.moving === true || this.arranger?.moving === true,
      },
      (node) => {
        // Under the pointer a closed group shows its whole name, which its label may cut short.
        const group = this.grouped?.graph ? this.grouped.plan?.groups.get(node) : undefined;
        const label = group ? wholeGroupLabel(group.name, group.members) : null;
        this.lastHover = { node, label };
        return label;
      },
    );
    // Syndicates' and cells' names over the groups kept apart (places, routes, payments), and both
    // over entities' names.
    this.labels = new LabelDeclutter(
      this.sigma,
      (node) => {
        const kind = this.grouped.plan?.groups.get(node)?.kind;
        return kind === undefined ? 0 : kind === 'apart' ? 1 : 2;
      },
      () => (this.grouped.graph ? (this.grouped.plan?.groups.size ?? 0) : 0),
    );
    const frames = new FramePacer(this.sigma);
    this.layout = new LayoutController(this.graph, {
      due: () => frames.due(),
      written: (final) => {
        // While a load is merged sigma draws a stand-in: the next full drawing shows the positions.
        if (this.detached) return;
        frames.asked();
        // Positions changed, nothing else: each node's drawing is recomputed once, then one frame,
        // at once when the layout stopped (what is drawn then matches the graph for the analyst).
        this.sigma.refresh({ partialGraph: { nodes: this.sigma.getGraph().nodes() }, schedule: !final });
      },
    });
    this.grouped = new GroupedDisplay(this.sigma);
    this.arranger = new Arranger({
      sigma: this.sigma,
      graph: this.graph,
      drawing: () => this.drawing(),
      plan: () => this.grouped.plan,
      runForce: () => (this.grouped.graph ? this.grouped.layOut(true) : this.layout.start()),
      stopForce: () => {
        this.layout.stop();
        this.grouped.stop();
      },
    });
    this.history.subscribe(() => this.apply());
    // A grouped layout is made for the canvas's size: when the canvas is resized (a panel beside it
    // grows or shrinks, the window changes), it is made again for the new size.
    new ResizeObserver(() => {
      if (!this.grouped.fitsCanvas()) this.grouped.layOut(true);
    }).observe(container);
  }

  get state(): ViewState {
    return this.history.current;
  }

  /** Applies a change as one undoable step. */
  update(change: (state: ViewState) => ViewState): void {
    this.history.update(change);
  }

  /** Calls back with the share of a load merged so far, and with null once it is drawn. */
  onProgress(listener: (fraction: number | null) => void): void {
    this.progressListeners.add(listener);
  }

  /**
   * Fetches and opens a load (a neighbourhood, paths, the case) as one undoable step; a case opens
   * as its syndicates, every group closed.
   */
  async open(load: Load): Promise<SerializedGraph | null> {
    const opened = (state: ViewState): ViewState => ({
      ...state,
      loads: withItems(state.loads, [load]),
      ...(load.kind === 'case' ? { grouping: { mode: 'grouped' as const, toggled: [] } } : {}),
    });
    const served = await this.ensureLoaded(load, opened(this.state));
    this.update(opened);
    return served;
  }

  /**
   * Fetches a load's data once; later calls reuse it. A case's syndicates come with it, or after
   * its first frame when that draws nothing by community. `next` is the view the load is opened
   * into, whose groups may be drawn before the records are merged.
   */
  async ensureLoaded(load: Load, next?: ViewState): Promise<SerializedGraph | null> {
    const key = loadKey(load);
    if (this.fetched.has(key)) return null;
    performance.mark('ariadne:fetch');
    const syndicates =
      load.kind === 'case'
        ? takeSyndicates(load).catch((error: unknown) => {
            this.syndicatesProblem = error instanceof Error ? error.message : String(error);
            return null;
          })
        : Promise.resolve(null);
    const use = (found: Syndicates | null) => {
      if (!found) return;
      this.syndicates = found;
      this.syndicatesProblem = null;
    };
    // A view that draws nothing by community (ungrouped, coloured otherwise, no community in
    // focus) is drawn without waiting for the communities run, which is used once that is drawn.
    if (load.kind === 'case' && next !== undefined && !readsCommunities(next)) {
      const served = await takeLoad(load);
      const merged = this.addSubgraph(served, key, next);
      void Promise.all([syndicates, merged.then(afterNextFrame)]).then(
        ([found]) => {
          // A run asked for meanwhile (the legend's, the analyses panel's) is newer: it stays.
          if (found && this.syndicates === null) {
            use(found);
            this.dataRevision++;
            this.insights = { ...this.insights, ...this.communityInsights() };
          }
          // The panels are told (of the syndicates, or of why there are none), and the view drawn
          // again if it now reads communities; while another load is merged, the drawing after it
          // does both.
          if (this.detached) return;
          if (readsCommunities(this.state)) this.apply();
          else this.emitChange();
        },
        () => undefined,
      );
      await merged;
      return served;
    }
    const [served, found] = await Promise.all([takeLoad(load), syndicates]);
    use(found);
    await this.addSubgraph(served, key, next);
    return served;
  }

  /**
   * Merges a served subgraph under a load key. sigma is detached meanwhile, so nothing is redrawn
   * item by item; the view state change that follows draws it once, then starts the layout. When
   * `next` (the view the load opens into) draws only closed groups, sigma draws them from the served
   * records first (drawAhead), and the merge follows that first frame.
   */
  async addSubgraph(served: SerializedGraph, key: string, next?: ViewState): Promise<void> {
    this.fetched.add(key);
    // The worker indexes nodes when it starts: it must be gone before the topology changes.
    const wasRunning = this.layout.running;
    this.layout.reset();
    this.layoutGeneration++;
    const ahead = next !== undefined && this.drawAhead(next, served);
    if (!ahead) this.detachRenderer();
    performance.mark('ariadne:merge');
    let added: string[];
    try {
      added = await mergeSubgraph(this.graph, this.origins, served, key, (done, total) =>
        this.emitProgress(done / total),
      ).finally(() => this.dataRevision++);
      // The renderer was made for an empty graph: the drawing follows the graph's size as it grows.
      const large = this.graph.size > LARGE_GRAPH_EDGES;
      if (large !== this.large) {
        this.large = large;
        useLargeGraphDrawing(this.sigma, large);
      }
      performance.mark('ariadne:insights');
      await this.recomputeInsightsInSlices();
    } catch (error) {
      this.drawingAhead = false;
      this.apply();
      throw error;
    } finally {
      this.drawingAhead = false;
    }
    // Drawn ahead, the groups were laid out then; the view drawn from the merged records moves to a
    // new layout only if it differs (apply).
    this.layoutPending ||= !ahead && (added.length > 0 || wasRunning);
    if (ahead) this.emitProgress(null);
  }

  /**
   * Draws the groups of a load's served records before they are merged, when the view it opens into
   * draws nothing else: onto an empty canvas, every group closed, nothing pulled out of one, the force
   * layout, no crime-category filter (which reads insights) and payments as nodes. Grouping reads the
   * served records (ServedGraph) as it reads the data graph once they are merged, so the drawing and
   * its layout are those the merged records give. Returns whether it drew.
   */
  private drawAhead(next: ViewState, served: SerializedGraph): boolean {
    const view = compileView(next);
    const onlyGroups =
      next.grouping.mode === 'grouped' &&
      next.grouping.toggled.length === 0 &&
      view.selected.size === 0 &&
      view.highlightNodes.size === 0;
    if (
      this.graph.order > 0 ||
      next.loads.length !== 1 ||
      !onlyGroups ||
      next.layout.kind !== 'force' ||
      view.categories.size > 0 ||
      next.paymentsAsLinks
    )
      return false;
    performance.mark('ariadne:group');
    placeServed(this.graph, served);
    const data = new ServedGraph(served);
    // The records it will be merged as: the load's alone, shown as the merged records will be.
    const origins: Origins = new Map();
    this.dataRevision++;
    this.insights = { ...EMPTY_INSIGHTS, ...this.communityInsights(), centralityOf: next.sizeBy };
    this.compiled = view;
    this.grouped.update({
      data,
      revision: this.dataRevision,
      shown: (node) => isNodeShown(view, origins, this.insights, node, data.getNodeAttributes(node)),
      view,
      syndicates: this.groupingSyndicates(),
      centrality: this.insights.centrality,
      foldPayments: false,
    });
    const drawing = this.grouped.graph;
    if (!drawing) return false;
    this.draw = this.makeContext();
    // Laid out before it is drawn: the first frame shows the groups where they stay.
    this.grouped.layOut(false);
    this.drawingAhead = true;
    performance.mark('ariadne:draw');
    this.sigma.setGraph(drawing);
    performance.mark('ariadne:drawn');
    return true;
  }

  /** Restores a whole view (from a link): fetches its loads, then makes it the only history step. */
  async restore(state: ViewState): Promise<void> {
    for (const load of state.loads) await this.ensureLoaded(load, state);
    this.history.reset(state);
  }

  /**
   * Uses a run's communities (syndicates and cells: colouring, focus, grouping) and its scores
   * (sizes by PageRank or betweenness), whichever parts it holds.
   */
  useRun(result: RunResult): void {
    if (result.communities) {
      this.syndicates = syndicatesFromRun(result);
      this.syndicatesProblem = null;
    }
    if (result.entities) this.scores = new Map(Object.entries(result.entities));
    this.recomputeInsights();
    this.apply();
  }

  /** The case shown (its id; undefined for the whole graph), which a run for the view covers. */
  shownCase(): { caseId?: string } {
    const load = this.state.loads.find((l) => l.kind === 'case');
    return load?.kind === 'case' && load.caseId ? { caseId: load.caseId } : {};
  }

  /** Runs analyses on the server over what is shown (its case, else all one may see) and uses them. */
  async runForView(names: AnalysisName[]): Promise<RunResult> {
    const answer = await runAnalyses(names, this.shownCase());
    this.useRun(answer.result);
    return answer.result;
  }

  /**
   * Whether any layout is moving nodes, or may yet: groups drawn ahead of their records' merge are
   * drawn again, and moved if they differ, once the records are in.
   */
  layoutRunning(): boolean {
    return (
      this.layout.running ||
      this.grouped.animating ||
      this.arranger.running ||
      this.drawingAhead ||
      // The canvas was resized since the grouped layout was made: it is about to be made again.
      !this.grouped.fitsCanvas()
    );
  }

  /**
   * Whether the view has settled: no layout runs or is due, and the last frame drew the labels the
   * declutter keeps (it found nothing to change), so what is drawn stays as it is until the next
   * change.
   */
  settled(): boolean {
    return !this.layoutRunning() && this.labels.settled;
  }

  /** Whether the groups drawn are drawn ahead of their records, which are being merged. */
  mergingRecords(): boolean {
    return this.drawingAhead;
  }

  /** Stops every layout where it is. */
  stopLayouts(): void {
    this.layout.stop();
    this.grouped.stop();
    this.arranger.stop();
  }

  /**
   * Lays the view out by a layout as one undoable step (the organigram, rings around an entity, by
   * time, or the force layout); choosing the layout already shown lays it out again.
   */
  chooseLayout(layout: ViewState['layout']): void {
    if (!sameLayout(this.state.layout, layout)) {
      this.update((state) => ({ ...state, layout }));
      return;
    }
    if (layout.kind === 'force') {
      if (this.grouped.graph) this.grouped.layOut(true);
      else if (this.layout.running) this.layout.stop();
      else this.layout.start();
    } else void this.arranger.arrange(layout);
  }

  /** The syndicates grouping uses: the server's run's, else none (every entity kept apart by type). */
  groupingSyndicates(): Syndicates {
    return this.syndicates ?? NO_SYNDICATES;
  }

  /** Recomputes what depends on topology or on the chosen centrality. */
  recomputeInsights(): void {
    for (const step of this.insightSteps()) step();
  }

  /** The same, yielding to the page between steps once a slice of time is spent. */
  private async recomputeInsightsInSlices(): Promise<void> {
    const slicer = new Slicer();
    for (const step of this.insightSteps()) {
      step();
      if (slicer.spent()) await slicer.pause();
    }
  }

  /** The steps of recomputing insights; each is one pass over the graph at most. */
  private insightSteps(): (() => void)[] {
    const next: Insights = { ...EMPTY_INSIGHTS, centralityOf: this.state.sizeBy };
    return [
      () => Object.assign(next, this.communityInsights()),
      () => (next.categories = computeCategories(this.graph)),
      () => (next.centrality = computeCentrality(this.graph, next.centralityOf, this.scores)),
      () => (next.parallel = indexParallelEdges(this.graph)),
      () => {
        this.insights = next;
        this.dataRevision++;
      },
    ];
  }

  /** Each entity's community, and the communities' ranks and sizes, from the syndicates. */
  private communityInsights(): Pick<Insights, 'community' | 'communityRank' | 'communitySize'> {
    const community = this.syndicates?.syndicateOf ?? new Map<string, number>();
    const { rank, size } = rankCommunities(community);
    return { community, communityRank: rank, communitySize: size };
  }

  /** The entities and links drawn now, each itself (not inside a closed group). */
  shown(): { nodes: string[]; edges: string[] } {
    const drawn = this.grouped.graph ?? this.folded;
    if (!drawn) return shownItems(this.graph, this.compiled, this.origins, this.insights);
    // A drawing holds exactly the shown entities and links not folded: its own nodes and links
    // besides the closed groups, folded links and payment links.
    return {
      nodes: drawn.filterNodes((_node, attributes) => attributes.group === undefined),
      edges: drawn.filterEdges(
        (_edge, attributes) => attributes.aggregate === undefined && attributes.payments === undefined,
      ),
    };
  }

  /**
   * The records behind what is drawn, for exports and their handling marking: the entities and links
   * shown, with the payments folded into drawn payment links and their PAID and RECEIVED links.
   */
  shownRecords(): { nodes: string[]; edges: string[] } {
    const items = this.shown();
    const drawn = this.grouped.graph ?? this.folded;
    if (!drawn || !this.state.paymentsAsLinks) return items;
    const links: PaymentLink[] = [];
    drawn.forEachEdge((_edge, attributes) => {
      if (attributes.payments) links.push(attributes.payments);
    });
    return withFoldedPayments(this.graph, items, links);
  }

  /** The nodes and links sigma draws now: entities, closed groups and folded links. */
  drawnItems(): { nodes: string[]; edges: string[] } {
    const drawn = this.grouped.graph ?? this.folded;
    return drawn ? { nodes: drawn.nodes(), edges: drawn.edges() } : this.shown();
  }

  /** The graph sigma draws: the grouped one, the one with payments as links, or the data graph. */
  drawing(): DataGraph | DisplayGraph {
    return this.grouped.graph ?? this.folded ?? this.graph;
  }

  /**
   * The payment link drawn nearest a point of the viewport (CSS pixels), within a few pixels of its
   * line, or null. Found by geometry rather than by sigma's edge events, whose picking pass would
   * draw every link twice on every frame.
   */
  paymentLinkAt(point: { x: number; y: number }): string | null {
    const drawn = this.grouped.graph ?? this.folded;
    if (!drawn) return null;
    let best: string | null = null;
    let nearest = Number.POSITIVE_INFINITY;
    drawn.forEachEdge((edge, attributes, source, target) => {
      if (!attributes.payments) return;
      const a = this.sigma.getNodeDisplayData(source);
      const b = this.sigma.getNodeDisplayData(target);
      const line = this.sigma.getEdgeDisplayData(edge);
      if (!a || !b || !line || a.hidden || b.hidden || line.hidden) return;
      const distance = distanceToSegment(
        point,
        this.sigma.framedGraphToViewport(a),
        this.sigma.framedGraphToViewport(b),
      );
      if (distance <= line.size / 2 + 4 && distance < nearest) {
        nearest = distance;
        best = edge;
      }
    });
    return best;
  }

  /** The payments folded into a drawn link, or null when it is no payment link. */
  paymentLink(edge: string): PaymentLink | null {
    const drawn = this.grouped.graph ?? this.folded;
    if (!drawn?.hasEdge(edge)) return null;
    return drawn.getEdgeAttribute(edge, 'payments') ?? null;
  }

  /** Calls back after each redraw caused by a state or data change. */
  onChange(listener: () => void): void {
    this.changeListeners.add(listener);
  }

  /** What the reducers draw from now. */
  drawContext(): DrawContext {
    return this.draw;
  }

  /** Centres the camera on a node. */
  focusNode(node: string): void {
    const display = this.sigma.getNodeDisplayData(node);
    if (!display) return;
    this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.4 }, { duration: 400 });
  }

  private makeContext(): DrawContext {
    return {
      graph: this.graph,
      origins: this.origins,
      insights: this.insights,
      view: this.compiled,
      // The first context is made before the grouped drawing exists (sigma needs a context first).
      grouped: (this.grouped as GroupedDisplay | undefined)?.graph != null,
      arrows: this.graph.size <= LARGE_GRAPH_EDGES,
      groupLabel: (group) =>
        (this.grouped as GroupedDisplay | undefined)?.labelOf(group) ?? groupLabel(group.name, group.members),
    };
  }

  /** Pushes the current state into sigma. */
  private apply(): void {
    // Groups drawn ahead of a merge stay until the records are in; the view is drawn then.
    if (this.drawingAhead) return;
    const state = this.state;
    if (state.sizeBy !== this.insights.centralityOf) {
      this.insights = {
        ...this.insights,
        centrality: computeCentrality(this.graph, state.sizeBy, this.scores),
        centralityOf: state.sizeBy,
      };
    }
    this.compiled = compileView(state);
    this.syncPins();
    const view = this.compiled;
    const grouping = groupsAnything(state.grouping);
    if (grouping && this.detached) performance.mark('ariadne:group');
    const shown = (node: string) =>
      isNodeShown(view, this.origins, this.insights, node, this.graph.getNodeAttributes(node));
    this.foldCount = null;
    const counted = (count: FoldCount) => (this.foldCount = count);
    const changed = this.grouped.update(
      grouping
        ? {
            data: this.graph,
            revision: this.dataRevision,
            shown,
            view,
            syndicates: this.groupingSyndicates(),
            centrality: this.insights.centrality,
            foldPayments: state.paymentsAsLinks,
            counted,
          }
        : null,
    );
    this.folded =
      !grouping && state.paymentsAsLinks
        ? buildDisplayGraph(
            this.graph,
            new Set(this.graph.filterNodes(shown)),
            (a) => isEdgeShown(view, a),
            NO_GROUPS,
            new Map(),
            true,
            counted,
          )
        : null;
    // Payment links are picked by a click; edge events cost a picking pass, so only then.
    if (this.sigma.getSetting('enableEdgeEvents') !== state.paymentsAsLinks)
      this.sigma.setSettings({
        enableEdgeEvents: state.paymentsAsLinks,
        renderEdgeLabels: state.paymentsAsLinks,
      });
    // The grouped drawing and the chosen layouts place discs by their size in graph units: sizes
    // follow the zoom there, so discs the layout kept apart stay apart on screen.
    const sizes = this.grouped.graph || state.layout.kind !== 'force' ? 'positions' : 'screen';
    if (this.sigma.getSetting('itemSizesReference') !== sizes)
      this.sigma.setSetting('itemSizesReference', sizes);
    this.draw = this.makeContext();
    const previous = this.appliedState;
    this.appliedState = state;
    if (state.layout.kind === 'force') {
      // A grouped drawing that changed shape moves to its new layout; the animation starts before
      // sigma takes the drawing, so even its first frame is drawn without links (grouped-display.ts).
      // New data is laid out at once, by attachRenderer.
      if (changed && !this.layoutPending) this.grouped.layOut(true);
      this.attachRenderer();
      if (!sameLayout(previous.layout, state.layout)) void this.arranger.changed(previous, state);
    } else {
      // The chosen layout, not the force one, places what came in or changed shape.
      const pending = this.layoutPending;
      this.layoutPending = false;
      this.attachRenderer();
      if (changed || pending || !sameLayout(previous.layout, state.layout))
        void this.arranger.changed(previous, state);
    }
    this.emitChange();
  }

  private emitChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  /** Unhooks sigma from the data graph while it is filled, so it does no work per item added. */
  private detachRenderer(): void {
    if (this.detached) return;
    this.detached = true;
    this.sigma.setGraph(this.placeholder);
  }

  /** Draws the data graph or the grouped one: hooks sigma back on (one full refresh) or refreshes it. */
  private attachRenderer(): void {
    const target = this.drawing();
    if (this.detached || this.sigma.getGraph() !== target) {
      const first = this.detached;
      this.detached = false;
      if (first) performance.mark('ariadne:draw');
      this.sigma.setGraph(target);
      if (first) {
        performance.mark('ariadne:drawn');
        this.emitProgress(null);
      }
    } else this.sigma.refresh();
    if (!this.layoutPending) return;
    // A grouped view is laid out by its own layout, not by ForceAtlas2 over the whole data graph.
    if (this.grouped.graph) {
      this.layoutPending = false;
      this.grouped.layOut(false);
      return;
    }
    // The layout starts once the first frame is on screen, so its set-up does not delay that frame.
    this.layoutPending = false;
    const generation = this.layoutGeneration;
    void afterNextFrame().then(() => {
      // A layout chosen meanwhile (the organigram, by time) places the nodes, not ForceAtlas2.
      if (generation === this.layoutGeneration && !this.detached && this.state.layout.kind === 'force') {
        this.layout.start();
      }
    });
  }

  private emitProgress(fraction: number | null): void {
    for (const listener of this.progressListeners) listener(fraction);
  }

  /** Pinned nodes are fixed for the layout. */
  private syncPins(): void {
    const pinned = this.compiled.pinned;
    this.graph.forEachNode((node, attributes) => {
      const fixed = pinned.has(node);
      if ((attributes.fixed === true) !== fixed) this.graph.setNodeAttribute(node, 'fixed', fixed);
    });
  }
}
