import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  dayOf,
  firstPlayWindow,
  nextPlayWindow,
  pixelsOf,
  timeAxis,
  windowFromPixels,
} from '../../../web/src/graph/time-axis.ts';

describe('the timeline axis', () => {
  it('runs from the first day’s month to the end of the last day’s month', () => {
    const scale = timeAxis('2024-01-15', '2024-03-31', 100, 400);
    expect(scale.domain().map((d) => d.toISOString().slice(0, 10))).toEqual(['2024-01-01', '2024-04-01']);
    expect(scale(dayOf('2024-01-01'))).toBe(100);
    expect(scale(dayOf('2024-04-01'))).toBe(400);
  });

  it('gives readable ticks inside the axis, about one per 90 pixels', () => {
    const scale = timeAxis('2023-01-02', '2025-10-31', 0, 900);
    const ticks = axisTicks(scale);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(14);
    expect(ticks.every((tick) => tick.x >= 0 && tick.x <= 900)).toBe(true);
    expect(ticks.map((tick) => tick.label)).toContain('2024');
    for (const tick of ticks) expect(tick.label).toMatch(/^(\d{4}|[A-Z][a-z]+)$/);
  });

  it('turns a brushed pixel range into the days it covers, and back', () => {
    // 2024 is a leap year: 366 days over 732 pixels, two pixels a day.
    const scale = timeAxis('2024-01-01', '2024-12-31', 0, 732);
    expect(windowFromPixels(scale, 0, 2)).toEqual({ from: '2024-01-01', to: '2024-01-01' });
    expect(windowFromPixels(scale, 62, 60)).toEqual({ from: '2024-01-31', to: '2024-01-31' });
    expect(windowFromPixels(scale, 62, 120)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    const [x0, x1] = pixelsOf(scale, { from: '2024-02-01', to: '2024-02-29' });
    expect([x0, x1].map((x) => Math.round(x * 1000) / 1000)).toEqual([62, 120]);
    expect(windowFromPixels(scale, x0, x1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // Past the ends it stops at the axis.
    expect(windowFromPixels(scale, -50, 1000)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(pixelsOf(scale, { from: '2023-06-01', to: '2026-01-01' })).toEqual([0, 732]);
    expect(windowFromPixels(scale, 10, 10)).toBeNull();
  });

  it('plays month by month from the first month, keeping the window’s length, and stops after the last day', () => {
    const start = firstPlayWindow('2024-01-15', 'month');
    expect(start).toEqual({ from: '2024-01-01', to: '2024-01-31' });
    const second = nextPlayWindow(start, 'month', '2024-03-05');
    expect(second).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    const third = nextPlayWindow(second as never, 'month', '2024-03-05');
    expect(third).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(nextPlayWindow(third as never, 'month', '2024-03-05')).toBeNull();
    // A brushed window of two months moves a month at a time and stays two months long.
    expect(nextPlayWindow({ from: '2024-01-01', to: '2024-02-29' }, 'month', '2025-01-01')).toEqual({
      from: '2024-02-01',
      to: '2024-03-31',
    });
  });

  it('plays by week and by quarter as well', () => {
    const week = firstPlayWindow('2024-03-06', 'week');
    expect(week).toEqual({ from: '2024-03-03', to: '2024-03-09' });
    expect(nextPlayWindow(week, 'week', '2024-12-31')).toEqual({ from: '2024-03-10', to: '2024-03-16' });
    const quarter = firstPlayWindow('2024-02-10', 'quarter');
    expect(quarter).toEqual({ from: '2024-02-01', to: '2024-04-30' });
    expect(nextPlayWindow(quarter, 'quarter', '2024-12-31')).toEqual({
      from: '2024-05-01',
      to: '2024-07-31',
    });
  });
});
