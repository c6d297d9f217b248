/**
 * What the web benchmark reads inside a page, the app's and bare sigma's alike: the phases before the
 * first frame (User Timing marks), and how free the main thread was after it. A timer ticks every
 * 50 ms from the page's start; after the first frame, a gap between ticks is time the page could not
 * answer input (JavaScript, or Chromium reading a software-WebGL canvas back).
 */
import type { Page } from 'playwright-core';

const TICK_MS = 50;

/** Installed before the page's own scripts: the ticks and the longest task seen. */
export const PAGE_PROBES = `window.__ticks = []; (function tick() { window.__ticks.push(performance.now()); setTimeout(tick, ${TICK_MS}); })();
window.__longest = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });`;

/** How the page fared in a window after its first frame. */
export interface Responsiveness {
  /** Longest time between ticks, in ms. */
  longestStall: number;
  /** Share of the window the page could not answer (time between ticks beyond their period). */
  stalledShare: number;
  /** Longest main-thread task (Long Tasks API) since the page started, in ms. */
  longestTask: number;
}

/** Waits until `watchMs` after the first frame, then reads how free the main thread was meanwhile. */
export async function watchAfterFirstFrame(
  page: Page,
  firstFrame: number,
  watchMs: number,
): Promise<Responsiveness> {
  const end = firstFrame + watchMs;
  await page.waitForFunction((t) => performance.now() >= t, end, {
    timeout: watchMs + 120_000,
    polling: 200,
  });
  return page.evaluate(
    ({ start, end, tick }) => {
      const w = window as unknown as { __ticks: number[]; __longest: number };
      const points = [start, ...w.__ticks.filter((t) => t > start && t < end)];
      points.push(w.__ticks.find((t) => t >= end) ?? performance.now());
      let longest = 0;
      let stalled = 0;
      for (let i = 1; i < points.length; i++) {
        const gap = Math.min(points[i] as number, end) - (points[i - 1] as number);
        longest = Math.max(longest, gap);
        stalled += Math.max(0, gap - tick);
      }
      return { longestStall: longest, stalledShare: stalled / (end - start), longestTask: w.__longest };
    },
    { start: firstFrame, end, tick: TICK_MS },
  );
}

/** The page's User Timing marks with a prefix, as [name without it, time], in time order. */
function marksOf(page: Page, prefix: string): Promise<(readonly [string, number])[]> {
  return page.evaluate(
    (p) =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith(p))
        .map((m) => [m.name.slice(p.length), m.startTime] as const),
    prefix,
  );
}

/**
 * Times between consecutive User Timing marks before `until` (the last to `until`), by the earlier
 * mark's name. Marks set after `until` (work the page does after its first frame) are left out.
 */
export async function phasesOf(page: Page, prefix: string, until: number): Promise<Record<string, number>> {
  const marks = (await marksOf(page, prefix)).filter(([, at]) => at <= until);
  const out: Record<string, number> = { start: marks[0]?.[1] ?? 0 };
  for (let i = 0; i < marks.length; i++) {
    const [name, at] = marks[i] as readonly [string, number];
    const next = (marks[i + 1]?.[1] ?? until) as number;
    out[name] = next - at;
  }
  return out;
}

/** The User Timing marks set after `since`, each as ms after it, by name (the last of a name). */
export async function marksAfter(page: Page, prefix: string, since: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, at] of await marksOf(page, prefix)) if (at > since) out[name] = at - since;
  return out;
}
