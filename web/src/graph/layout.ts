/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker, paced: paced-layout.ts). The
 * main thread only starts and stops it; positions land in the data graph's x and y, which are layout
 * data, at the page's pace, and pinned nodes (`fixed`) stay where the analyst put them.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../lib/interop.ts';
import type { DataGraph } from './data-graph.ts';
import { PacedLayout, type Pacing } from './paced-layout.ts';

const { inferSettings } = cjsDefault(forceAtlas2);

/** Starts, stops and times the worker layout. */
export class LayoutController {
  private layout: PacedLayout | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(running: boolean) => void>();

  constructor(
    private readonly graph: DataGraph,
    private readonly pacing: Pacing,
  ) {}

  get running(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /** Runs the layout, for `seconds` when given (longer for bigger graphs by default). */
  start(seconds?: number): void {
    if (this.graph.order < 2) return;
    this.stop();
    this.layout?.kill();
    this.layout = new PacedLayout(
      this.graph,
      {
        settings: { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500, slowDown: 5 },
        getEdgeWeight: null,
      },
      this.pacing,
    );
    this.layout.start();
    const duration = seconds ?? Math.min(2 + this.graph.order / 2_000, 15);
    this.timer = setTimeout(() => this.stop(), duration * 1_000);
    this.emit();
  }

  /** Stops the layout, keeping the positions reached. */
  stop(): void {
    clearTimeout(this.timer);
    if (this.layout?.isRunning()) this.layout.stop();
    this.emit();
  }

  /** Frees the worker (after the topology changed, the next start makes a new one). */
  reset(): void {
    this.stop();
    this.layout?.kill();
    this.layout = null;
  }

  /** Calls back when the layout starts or stops. */
  subscribe(listener: (running: boolean) => void): void {
    this.listeners.add(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.running);
  }
}
