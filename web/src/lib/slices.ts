/**
 * Long loops in slices: a loop asks `slicer.due()` every few items and, once its slice has run its
 * budget, awaits `slicer.pause()`, which hands the main thread back so the page can paint progress
 * and answer input before the next slice. No single task then runs much past the budget.
 */

/** Main-thread time a slice may take before it yields, in milliseconds. */
export const SLICE_BUDGET_MS = 40;

/** The Prioritized Task Scheduling API, where the browser has it (Chromium 129+). */
const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;

/**
 * Resolves in a new task: `scheduler.yield()` where there is one (the page may paint first, and the
 * work resumes ahead of other queued tasks), else a timer.
 */
export function nextTask(): Promise<void> {
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame has been drawn and shown. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Times slices of work and yields between them. */
export class Slicer {
  private start = performance.now();
  private calls = 0;

  constructor(private readonly budget = SLICE_BUDGET_MS) {}

  /** Whether the current slice has used its budget (for loops: checks the clock every 128 calls). */
  due(): boolean {
    return ++this.calls % 128 === 0 && this.spent();
  }

  /** Whether the current slice has used its budget (checks the clock now). */
  spent(): boolean {
    return performance.now() - this.start >= this.budget;
  }

  /** Yields to the page, then starts a new slice. */
  async pause(): Promise<void> {
    await nextTask();
    this.start = performance.now();
  }
}
