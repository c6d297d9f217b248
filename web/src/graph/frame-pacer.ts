/**
 * How long the renderer's frames hold the page, and whether the layout may ask for another. A frame
 * is timed from sigma's beforeRender to the first task after the rendering step that paints it, so
 * the time Chromium spends reading a software-WebGL canvas back is counted too. A layout redraw waits
 * twice the last frame's cost after that frame, so the page keeps at least two thirds of its time
 * for input whatever the graph's size: on a GPU that is an animation of 20 to 30 frames a second, in
 * software on a graph of 50k nodes one frame in many seconds.
 */
import type Sigma from 'sigma';

/** Idle time after a frame, as a multiple of that frame's cost, before a layout redraw. */
const IDLE_PER_FRAME = 2;

/** Times sigma's frames and paces the layout's redraws. */
export class FramePacer {
  private started = 0;
  private ended = 0;
  private cost = 0;
  /** A redraw was asked for and has not been drawn yet. */
  private waiting = false;

  constructor(sigma: Sigma) {
    sigma.on('beforeRender', () => {
      this.started = performance.now();
    });
    // The frame is painted (and its canvas read back) after the animation frame callbacks of the
    // rendering step that follows the render: a task queued from one of them runs after that.
    sigma.on('afterRender', () =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          this.ended = performance.now();
          this.cost = this.ended - this.started;
          this.waiting = false;
        }, 0),
      ),
    );
  }

  /** Whether the layout may ask for a redraw now. */
  due(): boolean {
    return !this.waiting && performance.now() >= this.ended + IDLE_PER_FRAME * this.cost;
  }

  /** A redraw has been asked for: no other until it is drawn and the page has had its share. */
  asked(): void {
    this.waiting = true;
  }

  /** The last frame's cost in milliseconds, render and readback. */
  lastCost(): number {
    return this.cost;
  }
}
