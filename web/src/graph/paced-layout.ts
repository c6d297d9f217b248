/**
 * graphology's ForceAtlas2 worker supervisor, paced. The worker iterates back to back as before, but
 * its positions are written into the graph only when the page is ready for another frame (`due()`),
 * and once more when the layout stops; the stock supervisor writes, and so redraws, after every
 * iteration. With software WebGL a frame of a graph of tens of thousands of nodes holds the main
 * thread for seconds (Chromium reads the canvas back), so redrawing per iteration froze the page.
 * Positions are written in place without graph events, and `written()` asks for one redraw.
 */
import FA2LayoutModule from 'graphology-layout-forceatlas2/worker.js';
import { cjsDefault } from '../lib/interop.ts';
import type { DataGraph } from './data-graph.ts';

const FA2Layout = cjsDefault(FA2LayoutModule);

/** Numbers per node in the worker's matrix; x and y come first. */
const PER_NODE = 10;

/** When to write positions, and what to do once they are written. */
export interface Pacing {
  /** Whether the page is ready to draw new positions now. */
  due(): boolean;
  /**
   * Positions were written into the graph's node attributes: draw them; `final` when the layout
   * stopped, so the drawing is to match the graph at once.
   */
  written(final: boolean): void;
}

/** The parts of the stock supervisor this one builds on (graphology-layout-forceatlas2/worker.js). */
interface Supervisor {
  running: boolean;
  matrices: { nodes: Float32Array } | null;
  askForIterations(withEdges?: boolean): void;
}

type Settings = ConstructorParameters<typeof FA2Layout>[1];

/** ForceAtlas2 in a worker, drawing at the page's pace. */
export class PacedLayout extends FA2Layout {
  /** Positions the worker sent that are not written yet (a copy: the buffer goes back to it). */
  private unwritten: Float32Array | null = null;

  constructor(
    private readonly dataGraph: DataGraph,
    settings: Settings,
    private readonly pacing: Pacing,
  ) {
    super(dataGraph, settings);
  }

  /** Replaces the stock handler, which the stock constructor binds and hands to the worker. */
  handleMessage(event: MessageEvent<{ nodes: ArrayBuffer }>): void {
    const self = this as unknown as Supervisor;
    if (!self.running || !self.matrices) return;
    const matrix = new Float32Array(event.data.nodes);
    self.matrices.nodes = matrix;
    if (this.pacing.due()) this.write(matrix, false);
    else this.unwritten = matrix.slice();
    self.askForIterations();
  }

  /** Stops, writing the last positions reached and drawing them at once. */
  override stop(): void {
    if (!this.isRunning()) return;
    super.stop();
    if (this.unwritten) this.write(this.unwritten, true);
    else this.pacing.written(true);
  }

  private write(matrix: Float32Array, final: boolean): void {
    this.unwritten = null;
    let i = 0;
    // In the order the stock supervisor read the nodes into the matrix (the graph's own order).
    this.dataGraph.forEachNode((_node, attributes) => {
      attributes.x = matrix[i] as number;
      attributes.y = matrix[i + 1] as number;
      i += PER_NODE;
    });
    this.pacing.written(final);
  }
}
